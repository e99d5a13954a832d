/* A plain-HTTP keep-alive stub on an ephemeral 127.0.0.1 port for the instruction-count guard
 * (tests/c/instructions_per_call.sh): answers every request with the bench's canned
 * GetUserAttributeVerificationCode success (bench/stub_server.c, without TLS, so `make test-c`
 * needs no OpenSSL headers), keeping each connection open. One connection at a time: the guard's
 * client uses one. Writes its port to PORT_FILE; runs until killed.
 * usage: keepalive_stub PORT_FILE */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include "http_head.h"

#define BODY                                                                                     \
  "{\"CodeDeliveryDetails\":{\"AttributeName\":\"email\",\"DeliveryMedium\":\"EMAIL\","          \
  "\"Destination\":\"a***@e***.com\"}}"

static int write_all(int fd, const char *buf, size_t size) {
  while (size > 0) {
    ssize_t n = write(fd, buf, size);
    if (n <= 0) return -1;
    buf += n;
    size -= (size_t)n;
  }
  return 0;
}

/* Answers requests on `fd` until the client closes it. */
static void serve(int fd) {
  static char buf[65536];
  size_t have = 0;
  char reply[512];
  int length = snprintf(reply, sizeof reply,
                        "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\n"
                        "x-amzn-RequestId: guard-request\r\nContent-Length: %zu\r\n\r\n%s",
                        strlen(BODY), BODY);
  for (;;) {
    char *end;
    while ((end = memmem(buf, have, "\r\n\r\n", 4)) == NULL) {
      if (have == sizeof buf - 1) return;
      ssize_t n = read(fd, buf + have, sizeof buf - 1 - have);
      if (n <= 0) return;
      have += (size_t)n;
      buf[have] = '\0';
    }
    *end = '\0';
    size_t total = (size_t)(end - buf) + 4 + (size_t)content_length(buf);
    if (total >= sizeof buf) return;
    while (have < total) {
      ssize_t n = read(fd, buf + have, sizeof buf - 1 - have);
      if (n <= 0) return;
      have += (size_t)n;
    }
    if (write_all(fd, reply, (size_t)length) != 0) return;
    memmove(buf, buf + total, have - total);
    have -= total;
  }
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s PORT_FILE\n", argv[0]);
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof addr;
  if (listener < 0 || bind(listener, (struct sockaddr *)&addr, sizeof addr) != 0 ||
      listen(listener, 16) != 0 || getsockname(listener, (struct sockaddr *)&addr, &size) != 0) {
    perror("keepalive_stub");
    return 1;
  }
  char temporary[4096];
  snprintf(temporary, sizeof temporary, "%s.tmp", argv[1]);
  FILE *port_file = fopen(temporary, "w");
  if (!port_file || fprintf(port_file, "%d\n", ntohs(addr.sin_port)) < 0 || fclose(port_file) != 0 ||
      rename(temporary, argv[1]) != 0) {
    perror("keepalive_stub: port file");
    return 1;
  }
  for (;;) {
    int fd = accept(listener, NULL, NULL);
    if (fd < 0) continue;
    serve(fd);
    close(fd);
  }
}
