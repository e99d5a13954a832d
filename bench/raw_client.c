/* The floor for `make bench`: the same exchange as one call, written by hand on one keep-alive
 * plain-HTTP socket (a write and a read per call, no parsing beyond the header's end).
 * The access token is BENCH_ACCESS_TOKEN. Prints {"calls", "wall_s", "cpu_s"} as JSON.
 * usage: raw_client PORT CALLS */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double cpu_seconds(void) {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return (double)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         (double)(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static double wall_seconds(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

static void exchange(int fd, const char *request, size_t size) {
  char reply[4096];
  if (write(fd, request, size) != (ssize_t)size) exit(1);
  size_t have = 0;
  for (;;) {
    ssize_t n = read(fd, reply + have, sizeof reply - 1 - have);
    if (n <= 0) exit(1);
    have += (size_t)n;
    reply[have] = '\0';
    char *end = strstr(reply, "\r\n\r\n");
    char *length = strcasestr(reply, "content-length:");
    if (end && length && have >= (size_t)(end - reply) + 4 + (size_t)atol(length + 15)) return;
  }
}

int main(int argc, char **argv) {
  if (argc != 3) return 2;
  long calls = atol(argv[2]);
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(argv[1])),
                             .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) return 1;
  const char *token = getenv("BENCH_ACCESS_TOKEN");
  if (!token || strlen(token) > 4096) return 2;
  char body[4200];
  snprintf(body, sizeof body, "{\"AccessToken\":\"%s\",\"AttributeName\":\"email\"}", token);
  char request[8192];
  int size = snprintf(request, sizeof request,
                      "POST / HTTP/1.1\r\nhost: 127.0.0.1:%s\r\ncontent-type: application/x-amz-json-1.1\r\n"
                      "x-amz-target: AWSCognitoIdentityProviderService.GetUserAttributeVerificationCode\r\n"
                      "content-length: %zu\r\n\r\n%s",
                      argv[1], strlen(body), body);
  exchange(fd, request, (size_t)size);
  double wall = wall_seconds(), cpu = cpu_seconds();
  for (long i = 0; i < calls; i++) exchange(fd, request, (size_t)size);
  printf("{\"calls\": %ld, \"wall_s\": %.6f, \"cpu_s\": %.6f}\n", calls, wall_seconds() - wall,
         cpu_seconds() - cpu);
  return 0;
}
