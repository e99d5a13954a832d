#define _POSIX_C_SOURCE 200809L
#include "loopback_server.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "windows_compat.h"

/* Copies the request's AccessToken into `token`; 0 when there is none or it does not fit. */
static int received_token(const char *request, char *token, size_t size) {
  const char *start = strstr(request, "\"AccessToken\":\"");
  if (!start) return 0;
  start += strlen("\"AccessToken\":\"");
  const char *end = strchr(start, '"');
  if (!end || (size_t)(end - start) >= size) return 0;
  memcpy(token, start, (size_t)(end - start));
  token[end - start] = '\0';
  return 1;
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
    if (!received_token(request, token, sizeof token)) token[0] = '\0';
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

/* Hostile modes, chosen by AttributeName "echo-...": the server sends the token it received back
 * in another form than raw body bytes. Writes the reply into `out`; 0 when not an echo mode. */
static int echo_reply(const char *request, char *out, size_t size) {
  char token[1024];
  if (!strstr(request, "\"AttributeName\":\"echo-") || !received_token(request, token, sizeof token)) return 0;
  char escaped[6 * sizeof token];
  char percent[3 * sizeof token];
  size_t e = 0, p = 0;
  for (const char *c = token; *c; c++) {
    e += (size_t)snprintf(escaped + e, sizeof escaped - e, "\\u%04x", (unsigned)(unsigned char)*c);
    p += (size_t)snprintf(percent + p, sizeof percent - p, "%%%02X", (unsigned)(unsigned char)*c);
  }
  char body[4 * sizeof escaped];
  char headers[2 * sizeof percent];
  const char *status = "400 Bad Request";
  headers[0] = '\0';
  if (strstr(request, "\"echo-message\"")) {
    snprintf(body, sizeof body, "{\"__type\":\"NotAuthorizedException\",\"message\":\"Invalid token %s\"}", escaped);
  } else if (strstr(request, "\"echo-error-type\"")) {
    snprintf(headers, sizeof headers, "x-amzn-ErrorType: Bad%s\r\n", token);
    snprintf(body, sizeof body, "{}");
  } else if (strstr(request, "\"echo-request-id\"")) {
    snprintf(headers, sizeof headers, "x-amzn-RequestId: %s\r\n", token);
    snprintf(body, sizeof body, "{\"__type\":\"NotAuthorizedException\",\"message\":\"m\"}");
  } else if (strstr(request, "\"echo-redirect\"")) {
    status = "302 Found";
    snprintf(headers, sizeof headers, "Location: https://evil.example/cb?t=%s\r\n", percent);
    body[0] = '\0';
  } else if (strstr(request, "\"echo-destination\"")) {
    status = "200 OK";
    snprintf(body, sizeof body,
             "{\"CodeDeliveryDetails\":{\"Destination\":\"%s\",\"DeliveryMedium\":\"%s\",\"AttributeName\":\"%s\"}}",
             escaped, escaped, escaped);
  } else {
    return 0;
  }
  int written = snprintf(out, size,
                         "HTTP/1.1 %s\r\nContent-Type: application/x-amz-json-1.1\r\n%sConnection: close\r\n"
                         "Content-Length: %zu\r\n\r\n%s",
                         status, headers, strlen(body), body);
  return written > 0 && (size_t)written < size;
}

/* AttributeName "diag-<n>": the service errors that carry a diagnosis, worded as the real
 * service sends them (test_c_api.c's test_diagnosis expects their causes in this order);
 * "diag-lambda-echo" is a failed Lambda trigger whose message quotes the access token. */
static const char *const diagnosed_errors[][2] = {
    {"LimitExceededException", "Attempt limit exceeded, please try after some time."},
    {"LimitExceededException",
     "Exceeded daily email limit for the operation or the account. If a higher limit is required, please "
     "configure your user pool to use your own Amazon SES configuration for sending email."},
    {"NotAuthorizedException", "Access Token has expired"},
    {"NotAuthorizedException", "Access Token has been revoked"},
    {"NotAuthorizedException", "Access Token does not have required scopes"},
    {"NotAuthorizedException", "Invalid Access Token"},
    {"UserLambdaValidationException", "CustomMessage failed with error Forbidden domain."},
    {"CodeDeliveryFailureException", "Unable to deliver message to the provided email address."},
    {"TooManyRequestsException", "Too many requests"},
    {"NotAuthorizedException", "User is disabled."},
};

static int diagnosis_reply(const char *request, char *out, size_t size) {
  const char *start = strstr(request, "\"AttributeName\":\"diag-");
  if (!start) return 0;
  start += strlen("\"AttributeName\":\"diag-");
  char body[2048];
  if (strncmp(start, "lambda-echo\"", 12) == 0) {
    char token[1024];
    if (!received_token(request, token, sizeof token)) token[0] = '\0';
    snprintf(body, sizeof body,
             "{\"__type\":\"UserLambdaValidationException\",\"message\":\"CustomEmailSender failed with error "
             "bad token %s\"}",
             token);
  } else {
    int index = atoi(start);
    if (index < 0 || index >= (int)(sizeof diagnosed_errors / sizeof diagnosed_errors[0])) return 0;
    snprintf(body, sizeof body, "{\"__type\":\"%s\",\"message\":\"%s\"}", diagnosed_errors[index][0],
             diagnosed_errors[index][1]);
  }
  int written = snprintf(out, size,
                         "HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.1\r\n"
                         "x-amzn-RequestId: req-diag\r\nConnection: close\r\nContent-Length: %zu\r\n\r\n%s",
                         strlen(body), body);
  return written > 0 && (size_t)written < size;
}

/* VerifyUserAttribute (the body has a Code): "123456" verifies; "expired-code" is
 * ExpiredCodeException; a code starting "echo-" is refused with the code sent back JSON-escaped
 * in the message and raw as the request id; any other is CodeMismatchException. Writes the reply
 * into `out`; 0 when the request is not a verification. */
static int verify_reply(const char *request, char *out, size_t size) {
  const char *start = strstr(request, "\"Code\":\"");
  if (!start || !strstr(request, "AWSCognitoIdentityProviderService.VerifyUserAttribute")) return 0;
  start += strlen("\"Code\":\"");
  const char *end = strchr(start, '"');
  char code[256];
  if (!end || (size_t)(end - start) >= sizeof code) return 0;
  memcpy(code, start, (size_t)(end - start));
  code[end - start] = '\0';
  char escaped[6 * sizeof code];
  size_t e = 0;
  for (const char *c = code; *c; c++)
    e += (size_t)snprintf(escaped + e, sizeof escaped - e, "\\u%04x", (unsigned)(unsigned char)*c);
  char body[2048];
  const char *status = "400 Bad Request";
  const char *request_id = "req-verify";
  if (strcmp(code, "123456") == 0) {
    status = "200 OK";
    snprintf(body, sizeof body, "{}");
  } else if (strcmp(code, "expired-code") == 0) {
    snprintf(body, sizeof body, "{\"__type\":\"ExpiredCodeException\",\"message\":\"Invalid code provided, please request a code again.\"}");
  } else if (strncmp(code, "echo-", 5) == 0) {
    request_id = code;
    snprintf(body, sizeof body, "{\"__type\":\"CodeMismatchException\",\"message\":\"wrong code %s\"}", escaped);
  } else {
    snprintf(body, sizeof body, "{\"__type\":\"CodeMismatchException\",\"message\":\"Invalid verification code provided, please try again.\"}");
  }
  int written = snprintf(out, size,
                         "HTTP/1.1 %s\r\nContent-Type: application/x-amz-json-1.1\r\nx-amzn-RequestId: %s\r\n"
                         "Connection: close\r\nContent-Length: %zu\r\n\r\n%s",
                         status, request_id, strlen(body), body);
  return written > 0 && (size_t)written < size;
}

static void serve_one(loopback_server *server, int fd) {
  char buffer[8192];
  size_t used = 0;
  long body_length = -1;
  char *body = NULL;
  while (used < sizeof buffer - 1) {
    ssize_t n = socket_read(fd, buffer + used, sizeof buffer - 1 - used);
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
  static char reply[64 * 1024]; /* only the server thread serves */
  if (!verify_reply(buffer, reply, sizeof reply) && !echo_reply(buffer, reply, sizeof reply) &&
      !diagnosis_reply(buffer, reply, sizeof reply))
    reply_for(buffer, reply, sizeof reply);
  size_t length = strlen(reply);
  if (socket_write(fd, reply, length) != (ssize_t)length) return;
}

static void *accept_loop(void *argument) {
  loopback_server *server = argument;
  for (int i = 0; i < 100000; i++) {
    int fd = (int)accept(server->listen_fd, NULL, NULL);
    if (fd < 0) break; /* the listening socket was shut down (closed, on Windows) */
    serve_one(server, fd);
    socket_close(fd);
  }
  return NULL;
}

int loopback_server_start(loopback_server *server) {
  memset(server, 0, sizeof *server);
  if (sockets_start() != 0) return -1;
  pthread_mutex_init(&server->lock, NULL);
  server->listen_fd = (int)socket(AF_INET, SOCK_STREAM, 0);
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
#ifdef _WIN32
  /* Winsock's shutdown does not wake a blocked accept; closing the socket does. */
  socket_close(server->listen_fd);
  pthread_join(server->thread, NULL);
#else
  shutdown(server->listen_fd, SHUT_RDWR);
  pthread_join(server->thread, NULL);
  socket_close(server->listen_fd);
#endif
  pthread_mutex_destroy(&server->lock);
}
