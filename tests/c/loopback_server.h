/* A scripted HTTP/1.1 server on an ephemeral 127.0.0.1 port, run in a thread of the test process.
 * The reply is chosen from the request body's AttributeName; every connection is closed after
 * one reply: AttributeName "email" succeeds (request id "req-ok"), "empty" succeeds without details
 * or request id, "echo" fails quoting the access token back (request id and message), "echo-..."
 * names make it a hostile server that echoes the received token in other forms, "diag-<n>" names
 * answer with the service errors that carry a diagnosis (see diagnosed_errors), anything else is
 * NotAuthorizedException (request id "req-err"). VerifyUserAttribute requests are answered by their
 * Code (see verify_reply in loopback_server.c): "123456" verifies, others are refused. */
#ifndef LOOPBACK_SERVER_H
#define LOOPBACK_SERVER_H

#include <pthread.h>

typedef struct loopback_server {
  int listen_fd;
  int port;
  int requests;
  char last_request[8192];
  pthread_t thread;
  pthread_mutex_t lock;
} loopback_server;

#ifdef __cplusplus
extern "C" {
#endif

int loopback_server_start(loopback_server *server);
void loopback_server_stop(loopback_server *server);

#ifdef __cplusplus
}
#endif

#endif
