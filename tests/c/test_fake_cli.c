/* Testing an application's verify flow in C, with no AWS account: the command line's fake
 * Cognito plays the service on 127.0.0.1.
 *
 *   cognito-attr-code fake-cognito --user 'jane:email=jane@example.com'
 *
 * prints `endpoint_url=...`, `region=...`, `user_pool_id=...`, `token.jane=...` and `ready`,
 * one per line, then serves until SIGINT/SIGTERM. The test points a client at the endpoint,
 * reads the code the fake "sent" with `POST /_fake/last_code` (plain JSON over HTTP), and moves
 * the fake's clock or injects a failure the same way. The flow: code sent, wrong code, right
 * code, the hourly limit, an hour later, an expired code, a service failure.
 *
 * usage: test_fake_cli PATH_TO_cognito-attr-code      (exit status 0 when every check passed) */
#define _POSIX_C_SOURCE 200809L

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cognito_attr_code.h"
#include "http_head.h"

static int failures = 0;

#define CHECK(condition)                                                 \
  do {                                                                   \
    if (!(condition)) {                                                  \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
      failures++;                                                        \
    }                                                                    \
  } while (0)

/* What the fake printed before `ready`. */
typedef struct fake_cognito {
  pid_t pid;
  int port;
  char endpoint_url[64];
  char region[64];
  char token[4096]; /* jane's access token */
} fake_cognito;

/* Starts `cli fake-cognito ...` with its stdout on a pipe and reads its lines up to `ready`. */
static int fake_start(const char *cli, fake_cognito *fake) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return -1;
  fake->pid = fork();
  if (fake->pid < 0) return -1;
  if (fake->pid == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    execl(cli, cli, "fake-cognito", "--seed", "1", "--user", "jane:email=jane@example.com",
          (char *)NULL);
    _exit(127);
  }
  close(pipe_fds[1]);
  FILE *lines = fdopen(pipe_fds[0], "r");
  if (lines == NULL) return -1;
  static char line[8192];
  int ready = 0;
  /* fgets returns NULL if the fake exits early, so this loop ends either way. */
  while (!ready && fgets(line, sizeof line, lines) != NULL) {
    line[strcspn(line, "\r\n")] = '\0';
    char *value = strchr(line, '=');
    if (strcmp(line, "ready") == 0) ready = 1;
    if (value == NULL) continue;
    *value++ = '\0';
    if (strcmp(line, "endpoint_url") == 0) snprintf(fake->endpoint_url, sizeof fake->endpoint_url, "%s", value);
    if (strcmp(line, "region") == 0) snprintf(fake->region, sizeof fake->region, "%s", value);
    if (strcmp(line, "token.jane") == 0) snprintf(fake->token, sizeof fake->token, "%s", value);
  }
  fclose(lines); /* the fake keeps serving; nothing more is printed */
  const char *port = strrchr(fake->endpoint_url, ':');
  fake->port = port != NULL ? atoi(port + 1) : 0;
  return ready && fake->port > 0 && fake->token[0] != '\0' ? 0 : -1;
}

/* SIGINT, then wait for the exit status (the fake exits 0). */
static int fake_stop(fake_cognito *fake) {
  int status = 0;
  kill(fake->pid, SIGINT);
  if (waitpid(fake->pid, &status, 0) != fake->pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* `POST /_fake/<action>` with a JSON body; copies the response body into `body` and returns the
 * HTTP status (200 on success, 400 with {"error", "message"} otherwise), or -1. */
static int fake_control(const fake_cognito *fake, const char *action, const char *json, char *body,
                        size_t body_size) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  struct timeval timeout = {10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  struct sockaddr_in address;
  memset(&address, 0, sizeof address);
  address.sin_family = AF_INET;
  address.sin_port = htons((unsigned short)fake->port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  static char message[8192];
  int length = snprintf(message, sizeof message,
                        "POST /_fake/%s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                        "Content-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
                        action, strlen(json), json);
  if (connect(fd, (struct sockaddr *)&address, sizeof address) != 0 ||
      write(fd, message, (size_t)length) != length) {
    close(fd);
    return -1;
  }
  size_t received = 0;
  ssize_t n;
  while (received < sizeof message - 1 && (n = read(fd, message + received, sizeof message - 1 - received)) > 0)
    received += (size_t)n;
  close(fd);
  message[received] = '\0';
  char *end_of_head = strstr(message, "\r\n\r\n");
  if (end_of_head == NULL || strncmp(message, "HTTP/1.1 ", 9) != 0) return -1;
  *end_of_head = '\0';
  long body_length = content_length(message);
  snprintf(body, body_size, "%.*s", (int)body_length, end_of_head + 4);
  return atoi(message + 9);
}

/* The string value of "key" in a compact JSON object such as {"code":"123456"}; "" if absent. */
static void json_string(const char *json, const char *key, char *out, size_t size) {
  char pattern[64];
  snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
  const char *start = strstr(json, pattern);
  out[0] = '\0';
  if (start == NULL) return;
  start += strlen(pattern);
  const char *end = strchr(start, '"');
  if (end != NULL) snprintf(out, size, "%.*s", (int)(end - start), start);
}

/* A new access token for jane, as the application would get after signing in again. */
static void sign_in_again(fake_cognito *fake) {
  char body[4096];
  CHECK(fake_control(fake, "mint_token", "{\"username\":\"jane\"}", body, sizeof body) == 200);
  json_string(body, "token", fake->token, sizeof fake->token);
}

static cognito_status send_code(const cognito_client *client, const fake_cognito *fake,
                                cognito_error *error) {
  cognito_code_delivery_details details = COGNITO_CODE_DELIVERY_DETAILS_INIT;
  cognito_status status = cognito_client_get_attr_code(client, fake->token, "email", NULL, 0, &details, error);
  if (status == COGNITO_OK) {
    CHECK(strcmp(details.destination, "j***@e***") == 0);
    CHECK(strcmp(details.delivery_medium, "EMAIL") == 0);
  }
  cognito_code_delivery_details_free(&details);
  return status;
}

static void last_code(const fake_cognito *fake, char *code, size_t size) {
  char body[256];
  CHECK(fake_control(fake, "last_code", "{\"username\":\"jane\",\"attribute\":\"email\"}", body, sizeof body) == 200);
  json_string(body, "code", code, size);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s PATH_TO_cognito-attr-code\n", argv[0]);
    return 2;
  }
  /* Only the settings below: no proxy, profile or endpoint from this machine's environment. */
  const char *unset[] = {"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY",
                         "all_proxy", "AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_MAX_ATTEMPTS"};
  for (size_t i = 0; i < sizeof unset / sizeof unset[0]; i++) unsetenv(unset[i]);
  setenv("AWS_CONFIG_FILE", "/dev/null", 1);

  fake_cognito fake;
  memset(&fake, 0, sizeof fake);
  if (fake_start(argv[1], &fake) != 0) {
    fprintf(stderr, "the fake did not start\n");
    if (fake.pid > 0) fake_stop(&fake);
    return 1;
  }

  cognito_error error = COGNITO_ERROR_INIT;
  cognito_config *config = cognito_config_new();
  cognito_client *client = NULL;
  CHECK(cognito_config_set_endpoint_url(config, fake.endpoint_url, NULL) == COGNITO_OK);
  CHECK(cognito_config_set_region(config, fake.region, NULL) == COGNITO_OK);
  CHECK(cognito_config_set_max_attempts(config, 1, NULL) == COGNITO_OK);
  CHECK(cognito_client_new(config, &client, NULL) == COGNITO_OK);
  cognito_config_free(config);

  /* The code is sent; the test reads it from the fake. */
  char code[16];
  char body[4096];
  CHECK(send_code(client, &fake, &error) == COGNITO_OK);
  last_code(&fake, code, sizeof code);
  CHECK(strlen(code) == 6);

  /* A wrong code, then the right one. */
  const char *wrong = strcmp(code, "000000") == 0 ? "111111" : "000000";
  CHECK(cognito_client_verify_attr(client, fake.token, "email", wrong, &error) == COGNITO_CODE_MISMATCH);
  cognito_error_free(&error);
  CHECK(cognito_client_verify_attr(client, fake.token, "email", code, &error) == COGNITO_OK);
  CHECK(fake_control(&fake, "user", "{\"username\":\"jane\"}", body, sizeof body) == 200);
  CHECK(strstr(body, "\"email_verified\":true") != NULL);

  /* Cognito sends 5 codes per user per hour: the 6th request is refused. */
  for (int i = 0; i < 4; i++) CHECK(send_code(client, &fake, &error) == COGNITO_OK);
  CHECK(send_code(client, &fake, &error) == COGNITO_LIMIT_EXCEEDED);
  CHECK(error.message != NULL && strcmp(error.message, "Attempt limit exceeded, please try after some time.") == 0);
  cognito_error_free(&error);

  /* An hour later (the fake's clock): the limit has passed, and so has the token's hour. */
  CHECK(fake_control(&fake, "advance", "{\"seconds\":3600}", body, sizeof body) == 200);
  CHECK(send_code(client, &fake, &error) == COGNITO_NOT_AUTHORIZED);
  cognito_error_free(&error);
  sign_in_again(&fake);
  CHECK(send_code(client, &fake, &error) == COGNITO_OK);
  last_code(&fake, code, sizeof code);

  /* Codes are valid for 24 hours. */
  CHECK(fake_control(&fake, "advance", "{\"seconds\":86400}", body, sizeof body) == 200);
  sign_in_again(&fake);
  CHECK(cognito_client_verify_attr(client, fake.token, "email", code, &error) == COGNITO_EXPIRED_CODE);
  cognito_error_free(&error);

  /* The service fails once (HTTP 500, the real message), then works again. */
  CHECK(fake_control(&fake, "fail_next", "{\"error\":\"InternalErrorException\"}", body, sizeof body) == 200);
  CHECK(send_code(client, &fake, &error) == COGNITO_INTERNAL_ERROR);
  CHECK(error.http_status == 500);
  cognito_error_free(&error);
  CHECK(send_code(client, &fake, &error) == COGNITO_OK);

  /* A mistake in a control request is a 400 naming the field. */
  CHECK(fake_control(&fake, "advance", "{\"second\":1}", body, sizeof body) == 400);
  CHECK(strstr(body, "\"error\":\"InvalidArgument\"") != NULL);

  cognito_client_free(client);
  CHECK(fake_stop(&fake) == 0);
  if (failures == 0) printf("test_fake_cli: the verify flow against the CLI fake passed\n");
  return failures == 0 ? 0 : 1;
}
