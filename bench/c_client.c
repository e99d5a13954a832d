/* The C front end's loop for `make bench`: CALLS calls of GetUserAttributeVerificationCode on
 * THREADS threads, configured from the environment (AWS_ENDPOINT_URL, AWS_CA_BUNDLE, ...).
 * MODE "client": one client shared by every thread; "oneshot": cognito_get_attr_code per call.
 * The access token is BENCH_ACCESS_TOKEN; with BENCH_DISTINCT_TOKENS=1 every call after the
 * warm-up sends a token the client has not seen (four characters of the signature varied per
 * call, as a server calling for many users would). Prints {"calls", "wall_s", "cpu_s"} as JSON.
 * usage: c_client MODE CALLS THREADS */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "cognito_attr_code.h"

static const char *token;
static cognito_client *shared;
static int oneshot;
static int distinct_tokens;
static long calls_per_thread;
static pthread_mutex_t serial_lock = PTHREAD_MUTEX_INITIALIZER;
static long serial;

/* The token of a call: BENCH_ACCESS_TOKEN, or (distinct tokens) a copy in `buf` with four
 * Base64url characters of the signature, well inside it, encoding a number never used before. */
static const char *token_for_call(char *buf, size_t size) {
  static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  size_t len = strlen(token);
  if (!distinct_tokens || len < 32 || len >= size) return token;
  pthread_mutex_lock(&serial_lock);
  long n = ++serial;
  pthread_mutex_unlock(&serial_lock);
  memcpy(buf, token, len + 1);
  for (int k = 0; k < 4; k++, n /= 64) buf[len - 20 + k] = digits[n % 64];
  return buf;
}

static double seconds(struct timespec t) { return (double)t.tv_sec + (double)t.tv_nsec / 1e9; }

static void call_once(const char *access_token) {
  cognito_code_delivery_details details = COGNITO_CODE_DELIVERY_DETAILS_INIT;
  cognito_error error = COGNITO_ERROR_INIT;
  cognito_status status =
      oneshot ? cognito_get_attr_code(access_token, "email", NULL, 0, &details, &error)
              : cognito_client_get_attr_code(shared, access_token, "email", NULL, 0, &details, &error);
  if (status != COGNITO_OK) {
    fprintf(stderr, "c_client: %s: %s\n", cognito_status_name(status), error.message);
    exit(1);
  }
  cognito_code_delivery_details_free(&details);
}

static void *loop(void *unused) {
  (void)unused;
  char *buf = malloc(16384);
  if (!buf) exit(1);
  for (long i = 0; i < calls_per_thread; i++) call_once(token_for_call(buf, 16384));
  free(buf);
  return NULL;
}

int main(int argc, char **argv) {
  if (argc != 4 || (strcmp(argv[1], "client") != 0 && strcmp(argv[1], "oneshot") != 0)) {
    fprintf(stderr, "usage: %s client|oneshot CALLS THREADS\n", argv[0]);
    return 2;
  }
  oneshot = strcmp(argv[1], "oneshot") == 0;
  token = getenv("BENCH_ACCESS_TOKEN");
  if (!token) return 2;
  long calls = atol(argv[2]);
  int threads = atoi(argv[3]);
  if (calls < 1 || threads < 1 || threads > 64) return 2;
  calls_per_thread = calls / threads;
  cognito_config *config = cognito_config_new();
  cognito_error error = COGNITO_ERROR_INIT;
  if (cognito_client_new(config, &shared, &error) != COGNITO_OK) {
    fprintf(stderr, "c_client: %s\n", error.message);
    return 1;
  }
  cognito_config_free(config);
  distinct_tokens = getenv("BENCH_DISTINCT_TOKENS") && strcmp(getenv("BENCH_DISTINCT_TOKENS"), "1") == 0;
  call_once(token); /* warm-up: the first connection (and handshake) is not a per-call cost */
  struct timespec start, end;
  struct rusage before, after;
  getrusage(RUSAGE_SELF, &before);
  clock_gettime(CLOCK_MONOTONIC, &start);
  pthread_t workers[64];
  for (int t = 0; t < threads; t++) pthread_create(&workers[t], NULL, loop, NULL);
  for (int t = 0; t < threads; t++) pthread_join(workers[t], NULL);
  clock_gettime(CLOCK_MONOTONIC, &end);
  getrusage(RUSAGE_SELF, &after);
  double cpu = seconds((struct timespec){after.ru_utime.tv_sec + after.ru_stime.tv_sec,
                                         (after.ru_utime.tv_usec + after.ru_stime.tv_usec) * 1000L}) -
               seconds((struct timespec){before.ru_utime.tv_sec + before.ru_stime.tv_sec,
                                         (before.ru_utime.tv_usec + before.ru_stime.tv_usec) * 1000L});
  printf("{\"calls\": %ld, \"wall_s\": %.6f, \"cpu_s\": %.6f}\n", calls_per_thread * threads,
         seconds(end) - seconds(start), cpu);
  cognito_client_free(shared);
  return 0;
}
