/* The bench's canned-response server: answers every POST with one fixed
 * GetUserAttributeVerificationCode success, keep-alive, a thread per connection, plain HTTP or
 * TLS (OpenSSL's libssl, with a certificate made by trustme). `GET /connections` answers the
 * number of connections accepted so far (that request's own connection included).
 * usage: stub_server PORT_FILE [CERT_CHAIN_PEM KEY_PEM] */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../tests/c/http_head.h"

#define BODY                                                                                     \
  "{\"CodeDeliveryDetails\":{\"AttributeName\":\"email\",\"DeliveryMedium\":\"EMAIL\","          \
  "\"Destination\":\"a***@e***.com\"}}"

static atomic_long connections;
static SSL_CTX *tls;

struct peer {
  int fd;
  SSL *ssl;
};

static ssize_t peer_read(struct peer *p, char *buf, size_t size) {
  if (p->ssl) {
    int n = SSL_read(p->ssl, buf, (int)size);
    return n > 0 ? n : -1;
  }
  return read(p->fd, buf, size);
}

static int peer_write(struct peer *p, const char *buf, size_t size) {
  while (size > 0) {
    ssize_t n = p->ssl ? SSL_write(p->ssl, buf, (int)size) : write(p->fd, buf, size);
    if (n <= 0) return -1;
    buf += n;
    size -= (size_t)n;
  }
  return 0;
}

static void *serve(void *arg) {
  struct peer p = *(struct peer *)arg;
  free(arg);
  char buf[65536];
  size_t have = 0;
  if (p.ssl && SSL_accept(p.ssl) != 1) goto done;
  for (;;) {
    char *end;
    while ((end = memmem(buf, have, "\r\n\r\n", 4)) == NULL) {
      if (have == sizeof buf - 1) goto done;
      ssize_t n = peer_read(&p, buf + have, sizeof buf - 1 - have);
      if (n <= 0) goto done;
      have += (size_t)n;
      buf[have] = '\0';
    }
    *end = '\0';
    size_t total = (size_t)(end - buf) + 4 + (size_t)content_length(buf);
    if (total >= sizeof buf) goto done;
    while (have < total) {
      ssize_t n = peer_read(&p, buf + have, sizeof buf - 1 - have);
      if (n <= 0) goto done;
      have += (size_t)n;
    }
    char reply[512];
    int length;
    if (strncmp(buf, "GET /connections", 16) == 0) {
      char count[32];
      int digits = snprintf(count, sizeof count, "%ld", atomic_load(&connections));
      length = snprintf(reply, sizeof reply,
                        "HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s", digits,
                        count);
    } else {
      length = snprintf(reply, sizeof reply,
                        "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\n"
                        "x-amzn-RequestId: bench-request\r\nContent-Length: %zu\r\n\r\n%s",
                        strlen(BODY), BODY);
    }
    if (peer_write(&p, reply, (size_t)length) != 0) goto done;
    memmove(buf, buf + total, have - total);
    have -= total;
  }
done:
  if (p.ssl) SSL_free(p.ssl);
  close(p.fd);
  return NULL;
}

int main(int argc, char **argv) {
  if (argc != 2 && argc != 4) {
    fprintf(stderr, "usage: %s PORT_FILE [CERT_CHAIN_PEM KEY_PEM]\n", argv[0]);
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  if (argc == 4) {
    tls = SSL_CTX_new(TLS_server_method());
    if (!tls || SSL_CTX_use_certificate_chain_file(tls, argv[2]) != 1 ||
        SSL_CTX_use_PrivateKey_file(tls, argv[3], SSL_FILETYPE_PEM) != 1) {
      ERR_print_errors_fp(stderr);
      return 1;
    }
  }
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  socklen_t size = sizeof addr;
  if (bind(listener, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(listener, 512) != 0 ||
      getsockname(listener, (struct sockaddr *)&addr, &size) != 0) {
    perror("stub_server");
    return 1;
  }
  FILE *port_file = fopen(argv[1], "w");
  if (!port_file) return 1;
  fprintf(port_file, "%d\n", ntohs(addr.sin_port));
  fclose(port_file);
  for (;;) {
    int fd = accept(listener, NULL, NULL);
    if (fd < 0) continue;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    atomic_fetch_add(&connections, 1);
    struct peer *p = malloc(sizeof *p);
    p->fd = fd;
    p->ssl = NULL;
    if (tls) {
      p->ssl = SSL_new(tls);
      SSL_set_fd(p->ssl, fd);
    }
    pthread_t thread;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (pthread_create(&thread, &attr, serve, p) != 0) {
      if (p->ssl) SSL_free(p->ssl);
      close(fd);
      free(p);
    }
    pthread_attr_destroy(&attr);
  }
}
