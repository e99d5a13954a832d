/* Processes and signals, as pre-fork servers and daemons use the library:
 * - the fork matrix: a client with a pooled keep-alive connection, 4 children forked, 20 calls in
 *   each child and in the parent at once; every response must carry the caller's own marker, the
 *   children must open their own connections, and the parent's pooled connection must still serve
 *   it after the children exit. For an explicit client and for the one-shot functions.
 * - a fork while another thread is blocked in a call: the child's calls complete (no inherited lock).
 * - EINTR: a SIGALRM handler without SA_RESTART firing every 200 ms does not cut a call short; it
 *   ends at its read timeout.
 * The server runs in its own process and answers each request with the marker of its
 * ClientMetadata as Destination, and the number of the connection it came on as AttributeName.
 * FORK_RUNS (default 3) sets how many times the matrix runs (fewer under valgrind).
 * `test_processes under-valgrind` leaves out the fork while another thread is in a call: that
 * thread's stack, with the call's memory, does not exist in the child, so valgrind reports it as
 * lost there (a property of fork, not a leak).
 * `test_processes clean-exit` only makes calls (one-shot and with a client, each leaving a pooled
 * connection) and returns from main: run under valgrind without leak filters, it shows that the
 * library's process-wide state leaves nothing "possibly lost" that would fail a user's valgrind CI. */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cognito_attr_code.h"
#include "http_head.h"

#define CHILDREN 4
#define CALLS 20
#define TOKEN "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1MSJ9.SECRET-sig"

#define CHECK(cond)                                                        \
  do {                                                                     \
    if (!(cond)) {                                                         \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      exit(1);                                                             \
    }                                                                      \
  } while (0)

static char endpoint[64];

/* ---- the marker server (its own process) ---- */

static int read_request(int fd, char *buf, size_t cap, char **body_out) {
  size_t len = 0;
  char *end = NULL;
  while (!(end = memmem(buf, len, "\r\n\r\n", 4))) {
    if (len == cap - 1) return -1;
    ssize_t n = read(fd, buf + len, cap - 1 - len);
    if (n <= 0) return -1;
    len += (size_t)n;
  }
  end[2] = '\0'; /* the head alone, for content_length() */
  long declared = content_length(buf);
  end[2] = '\r';
  size_t head = (size_t)(end + 4 - buf);
  if (declared < 0 || head + (size_t)declared > cap - 1) return -1;
  size_t body_length = (size_t)declared;
  while (len < head + body_length) {
    ssize_t n = read(fd, buf + len, head + body_length - len);
    if (n <= 0) return -1;
    len += (size_t)n;
  }
  buf[head + body_length] = '\0';
  *body_out = buf + head;
  return 0;
}

static void *serve_connection(void *argument) {
  long connection = (long)argument;
  int fd = (int)(connection & 0xffff);
  long number = connection >> 16;
  char buf[16384];
  char *body = NULL;
  while (read_request(fd, buf, sizeof buf, &body) == 0) {
    char marker[128] = "";
    char *at = strstr(body, "\"marker\":\"");
    if (at) {
      at += 10;
      size_t i = 0;
      while (at[i] && at[i] != '"' && i < sizeof marker - 1) marker[i] = at[i], i++;
      marker[i] = '\0';
    }
    if (strcmp(marker, "silent") == 0) {
      while (read(fd, buf, sizeof buf) > 0) {
      }
      break;
    }
    if (strncmp(marker, "slow", 4) == 0) sleep(2);
    char json[512];
    int json_len = snprintf(json, sizeof json,
                            "{\"CodeDeliveryDetails\":{\"Destination\":\"%s\",\"DeliveryMedium\":"
                            "\"EMAIL\",\"AttributeName\":\"conn-%ld\"}}",
                            marker, number);
    char response[1024];
    int response_len = snprintf(response, sizeof response,
                                "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\n"
                                "x-amzn-RequestId: req-%ld\r\nContent-Length: %d\r\n\r\n%s",
                                number, json_len, json);
    if (write(fd, response, (size_t)response_len) != response_len) break;
  }
  close(fd);
  return NULL;
}

static void serve(int listen_fd) {
  for (long number = 1;; number++) {
    int fd = accept(listen_fd, NULL, NULL);
    if (fd < 0) continue;
    pthread_t thread;
    if (pthread_create(&thread, NULL, serve_connection, (void *)((number << 16) | fd)) == 0) {
      pthread_detach(thread);
    } else {
      close(fd);
    }
  }
}

static pid_t start_server(void) {
  int listen_fd = socket(AF_INET, SOCK_STREAM, 0);
  CHECK(listen_fd >= 0);
  struct sockaddr_in addr = {0};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  CHECK(bind(listen_fd, (struct sockaddr *)&addr, sizeof addr) == 0);
  CHECK(listen(listen_fd, 128) == 0);
  socklen_t addr_len = sizeof addr;
  CHECK(getsockname(listen_fd, (struct sockaddr *)&addr, &addr_len) == 0);
  snprintf(endpoint, sizeof endpoint, "http://127.0.0.1:%d", ntohs(addr.sin_port));
  pid_t parent = getpid();
  pid_t pid = fork();
  CHECK(pid >= 0);
  if (pid == 0) {
    /* Ends with the test, however the test ends. */
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent) _exit(1);
    serve(listen_fd);
    _exit(0);
  }
  close(listen_fd);
  return pid;
}

/* ---- the client side ---- */

static void clear_aws_environment(void) {
  const char *names[] = {"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL",
                         "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "AWS_CA_BUNDLE",
                         "AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE", "AWS_USE_FIPS_ENDPOINT",
                         "AWS_USE_DUALSTACK_ENDPOINT", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
                         "AWS_PROFILE", "AWS_ATTEMPT_TIMEOUT", "AWS_OPERATION_TIMEOUT",
                         "HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY",
                         "all_proxy", "NO_PROXY", "no_proxy"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) unsetenv(names[i]);
  setenv("AWS_CONFIG_FILE", "/nonexistent/cognito-attr-code/config", 1);
  setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/cognito-attr-code/credentials", 1);
}

static cognito_client *new_client(long read_timeout_ms) {
  cognito_config *config = cognito_config_new();
  CHECK(config != NULL);
  CHECK(cognito_config_set_endpoint_url(config, endpoint, NULL) == COGNITO_OK);
  CHECK(cognito_config_set_region(config, "us-east-1", NULL) == COGNITO_OK);
  CHECK(cognito_config_set_connect_timeout_ms(config, 5000, NULL) == COGNITO_OK);
  CHECK(cognito_config_set_read_timeout_ms(config, (uint64_t)read_timeout_ms, NULL) == COGNITO_OK);
  CHECK(cognito_config_set_max_attempts(config, 1, NULL) == COGNITO_OK);
  cognito_client *client = NULL;
  CHECK(cognito_client_new(config, &client, NULL) == COGNITO_OK);
  cognito_config_free(config);
  return client;
}

/* One call with `marker`; NULL client: the one-shot function. Returns the connection number the
 * server saw, or -1 when the call failed or the answer was someone else's. */
static long call(const cognito_client *client, const char *marker, cognito_status *status_out) {
  cognito_metadata_entry metadata[] = {{"marker", marker}};
  cognito_code_delivery_details details = COGNITO_CODE_DELIVERY_DETAILS_INIT;
  cognito_error error = COGNITO_ERROR_INIT;
  cognito_status status =
      client ? cognito_client_get_attr_code(client, TOKEN, "email", metadata, 1, &details, &error)
             : cognito_get_attr_code(TOKEN, "email", metadata, 1, &details, &error);
  if (status_out) *status_out = status;
  long connection = -1;
  if (status != COGNITO_OK) {
    fprintf(stderr, "[pid %d] call %s failed: %s: %s\n", (int)getpid(), marker, error.code,
            error.message);
  } else if (!details.destination || strcmp(details.destination, marker) != 0) {
    fprintf(stderr, "[pid %d] call %s got the answer of %s\n", (int)getpid(), marker,
            details.destination ? details.destination : "(none)");
  } else if (details.attribute_name && strncmp(details.attribute_name, "conn-", 5) == 0) {
    connection = strtol(details.attribute_name + 5, NULL, 10);
  }
  cognito_code_delivery_details_free(&details);
  cognito_error_free(&error);
  return connection;
}

/* CALLS calls tagged `who`; returns how many failed or were answered with another marker. */
static int calls(const cognito_client *client, const char *who, long *first_connection) {
  int wrong = 0;
  for (int n = 0; n < CALLS; n++) {
    char marker[64];
    snprintf(marker, sizeof marker, "%s-%d", who, n);
    long connection = call(client, marker, NULL);
    if (connection < 0) wrong++;
    if (n == 0 && first_connection) *first_connection = connection;
  }
  return wrong;
}

/* The matrix once: a warm pooled connection, CHILDREN children and the parent calling at once. */
static void fork_matrix(const cognito_client *client, const char *label, int run) {
  long warm = call(client, "warm", NULL);
  CHECK(warm > 0);
  pid_t children[CHILDREN];
  for (int i = 0; i < CHILDREN; i++) {
    children[i] = fork();
    CHECK(children[i] >= 0);
    if (children[i] == 0) {
      char who[32];
      snprintf(who, sizeof who, "child%d", i);
      long first = -1;
      int wrong = calls(client, who, &first);
      /* The child opened its own connection: it never wrote to the parent's. */
      if (first == warm) wrong++;
      _exit(wrong > 250 ? 250 : wrong);
    }
  }
  int wrong = calls(client, "parent", NULL);
  int children_wrong = 0;
  for (int i = 0; i < CHILDREN; i++) {
    int status = 0;
    CHECK(waitpid(children[i], &status, 0) == children[i]);
    if (!WIFEXITED(status)) {
      fprintf(stderr, "%s run %d: child %d did not exit normally (status %d)\n", label, run, i, status);
      children_wrong += CALLS;
    } else {
      children_wrong += WEXITSTATUS(status);
    }
  }
  fprintf(stderr, "%s run %d: parent %d wrong or failed, children %d wrong or failed\n", label, run,
          wrong, children_wrong);
  CHECK(wrong == 0);
  CHECK(children_wrong == 0);
}

static void test_fork_matrix(int runs) {
  cognito_client *client = new_client(5000);
  for (int run = 1; run <= runs; run++) fork_matrix(client, "explicit client", run);
  /* The parent's pooled connection still serves it after the children exited. */
  long first = call(client, "parent-again", NULL);
  long second = call(client, "parent-again-2", NULL);
  CHECK(first > 0 && second == first);
  cognito_client_free(client);
}

static void test_fork_matrix_one_shot(int runs) {
  setenv("AWS_ENDPOINT_URL", endpoint, 1);
  setenv("AWS_REGION", "us-east-1", 1);
  setenv("AWS_MAX_ATTEMPTS", "1", 1);
  for (int run = 1; run <= runs; run++) fork_matrix(NULL, "one-shot", run);
  unsetenv("AWS_ENDPOINT_URL");
  unsetenv("AWS_REGION");
  unsetenv("AWS_MAX_ATTEMPTS");
}

static volatile sig_atomic_t slow_call_started = 0;

static void *slow_call(void *argument) {
  slow_call_started = 1;
  long *connection = argument;
  *connection = call(NULL, "slow", NULL);
  return NULL;
}

/* A fork while another thread is blocked reading a slow response (2 s): the child's calls, on the
 * same one-shot client, complete. alarm() turns a deadlock into a failure of the child. */
static void test_fork_while_another_thread_is_in_a_call(void) {
  setenv("AWS_ENDPOINT_URL", endpoint, 1);
  setenv("AWS_REGION", "us-east-1", 1);
  setenv("AWS_MAX_ATTEMPTS", "1", 1);
  long slow_connection = 0;
  pthread_t thread;
  CHECK(pthread_create(&thread, NULL, slow_call, &slow_connection) == 0);
  while (!slow_call_started) usleep(1000);
  usleep(300 * 1000); /* the request is on the wire; the server holds it for 2 s */
  pid_t child = fork();
  CHECK(child >= 0);
  if (child == 0) {
    alarm(60);
    int wrong = 0;
    for (int n = 0; n < 5; n++) {
      char marker[32];
      snprintf(marker, sizeof marker, "after-fork-%d", n);
      if (call(NULL, marker, NULL) < 0) wrong++;
    }
    _exit(wrong);
  }
  int status = 0;
  CHECK(waitpid(child, &status, 0) == child);
  CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  CHECK(pthread_join(thread, NULL) == 0);
  CHECK(slow_connection > 0);
  unsetenv("AWS_ENDPOINT_URL");
  unsetenv("AWS_REGION");
  unsetenv("AWS_MAX_ATTEMPTS");
  fprintf(stderr, "fork while another thread is in a call: child completed its calls\n");
}

static volatile sig_atomic_t alarms = 0;
static void on_alarm(int signal_number) {
  (void)signal_number;
  alarms++;
}

/* Signals that interrupt system calls (no SA_RESTART) do not cut a call short: it still ends at
 * its 2 s read timeout, with COGNITO_TIMEOUT. */
static void test_eintr_does_not_cut_a_call_short(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_alarm;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  CHECK(sigaction(SIGALRM, &action, NULL) == 0);
  struct itimerval every_200_ms = {{0, 200000}, {0, 200000}};
  CHECK(setitimer(ITIMER_REAL, &every_200_ms, NULL) == 0);
  cognito_client *client = new_client(2000);
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  cognito_status status = COGNITO_OK;
  CHECK(call(client, "silent", &status) < 0);
  clock_gettime(CLOCK_MONOTONIC, &end);
  struct itimerval off = {{0, 0}, {0, 0}};
  CHECK(setitimer(ITIMER_REAL, &off, NULL) == 0);
  double elapsed = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
  fprintf(stderr, "EINTR: %d signals during the call; it ended after %.2f s with %s\n", (int)alarms,
          elapsed, cognito_status_name(status));
  CHECK(status == COGNITO_TIMEOUT);
  CHECK(alarms >= 3);
  CHECK(elapsed >= 1.9);
  cognito_client_free(client);
  signal(SIGALRM, SIG_DFL);
}

/* Calls that leave process-wide state (the one-shot client, a pooled connection), then exit. */
static void clean_exit(void) {
  setenv("AWS_ENDPOINT_URL", endpoint, 1);
  setenv("AWS_REGION", "us-east-1", 1);
  CHECK(call(NULL, "one-shot", NULL) > 0);
  CHECK(call(NULL, "one-shot-again", NULL) > 0);
  cognito_client *client = new_client(5000);
  CHECK(call(client, "client", NULL) > 0);
  cognito_client_free(client);
}

int main(int argc, char **argv) {
  if (argc == 2 && strcmp(argv[1], "clean-exit") == 0) {
    clear_aws_environment();
    pid_t server = start_server();
    clean_exit();
    kill(server, SIGKILL);
    waitpid(server, NULL, 0);
    printf("test_processes clean-exit: passed\n");
    return 0;
  }
  const char *runs_setting = getenv("FORK_RUNS");
  int runs = runs_setting ? atoi(runs_setting) : 3;
  CHECK(runs >= 1 && runs <= 100);
  clear_aws_environment();
  pid_t server = start_server();
  test_fork_matrix(runs);
  test_fork_matrix_one_shot(runs);
  if (!(argc == 2 && strcmp(argv[1], "under-valgrind") == 0)) {
    test_fork_while_another_thread_is_in_a_call();
  }
  test_eintr_does_not_cut_a_call_short();
  kill(server, SIGKILL);
  waitpid(server, NULL, 0);
  printf("test_processes: all passed\n");
  return 0;
}
