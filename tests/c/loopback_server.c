#define _POSIX_C_SOURCE 200809L
#include "loopback_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* The request's access token, copied into `token` (empty when absent). */
static void token_of(const char *request, char *token, size_t size) {
  const char *start = strstr(request, "\"AccessToken\":\"");
  token[0] = '\0';
  if (!start) return;
  start += strlen("\"AccessToken\":\"");
  size_t length = 0;
  while (start[length] && start[length] != '"' && length < size - 1) length++;
  memcpy(token, start, length);
  token[length] = '\0';
}

/* The reply to `request`, written into `reply`. AttributeName "echo" plays a hostile server that
 * sends the caller's access token back as the request id and in the error message. */
static void reply_for(const char *request, char *reply, size_t size) {
  if (strstr(request, "\"AttributeName\":\"email\"")) {
    snprintf(reply, size, "%s",
             "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\n"
             "x-amzn-RequestId: req-ok\r\nConnection: close\r\nContent-Length: 104\r\n\r\n"
             "{\"CodeDeliveryDetails\":{\"Destination\":\"a***@e***.com\",\"DeliveryMedium\":\"EMAIL\","
             "\"AttributeName\":\"email\"}}");
  } else if (strstr(request, "\"AttributeName\":\"empty\"")) {
    snprintf(reply, size, "%s", "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}");
  } else if (strstr(request, "\"AttributeName\":\"echo\"")) {
    char token[4096];
    char body[4200];
    token_of(request, token, sizeof token);
    int length = snprintf(body, sizeof body,
                          "{\"__type\":\"NotAuthorizedException\",\"message\":\"bad token %s\"}", token);
    snprintf(reply, size,
             "HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.1\r\n"
             "x-amzn-RequestId: %s\r\nConnection: close\r\nContent-Length: %d\r\n\r\n%s",
             token, length, body);
  } else {
    snprintf(reply, size, "%s",
             "HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.1\r\n"
             "x-amzn-RequestId: req-err\r\nConnection: close\r\nContent-Length: 77\r\n\r\n"
             "{\"__type\":\"NotAuthorizedException\",\"message\":\"Access Token has been revoked\"}");
  }
}

static void serve_one(loopback_server *server, int fd) {
  char buffer[8192];
  size_t used = 0;
  long body_length = -1;
  char *body = NULL;
  while (used < sizeof buffer - 1) {
    ssize_t n = read(fd, buffer + used, sizeof buffer - 1 - used);
    if (n <= 0) return;
    used += (size_t)n;
    buffer[used] = '\0';
    char *end = strstr(buffer, "\r\n\r\n");
    if (end && body_length < 0) {
      char *length = strstr(buffer, "content-length:");
      if (!length) length = strstr(buffer, "Content-Length:");
      body_length = length ? strtol(length + 15, NULL, 10) : 0;
      body = end + 4;
    }
    if (body && (long)(used - (size_t)(body - buffer)) >= body_length) break;
  }
  pthread_mutex_lock(&server->lock);
  server->requests++;
  memcpy(server->last_request, buffer, used + 1);
  pthread_mutex_unlock(&server->lock);
  char reply[16384];
  reply_for(buffer, reply, sizeof reply);
  size_t length = strlen(reply);
  if (write(fd, reply, length) != (ssize_t)length) return;
}

static void *accept_loop(void *argument) {
  loopback_server *server = argument;
  for (int i = 0; i < 100000; i++) {
    int fd = accept(server->listen_fd, NULL, NULL);
    if (fd < 0) break; /* the listening socket was shut down */
    serve_one(server, fd);
    close(fd);
  }
  return NULL;
}

int loopback_server_start(loopback_server *server) {
  memset(server, 0, sizeof *server);
  pthread_mutex_init(&server->lock, NULL);
  server->listen_fd = socket(AF_INET, SOCK_STREAM, 0);
  if (server->listen_fd < 0) return -1;
  struct sockaddr_in address;
  memset(&address, 0, sizeof address);
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  if (bind(server->listen_fd, (struct sockaddr *)&address, size) != 0) return -1;
  if (listen(server->listen_fd, 64) != 0) return -1;
  if (getsockname(server->listen_fd, (struct sockaddr *)&address, &size) != 0) return -1;
  server->port = ntohs(address.sin_port);
  return pthread_create(&server->thread, NULL, accept_loop, server);
}

void loopback_server_stop(loopback_server *server) {
  shutdown(server->listen_fd, SHUT_RDWR);
  pthread_join(server->thread, NULL);
  close(server->listen_fd);
  pthread_mutex_destroy(&server->lock);
}
