/* The C API end to end against an in-process loopback server: success, a service error, every
 * pointer argument NULL in turn, invalid UTF-8, ownership (free NULL, free twice), outputs written
 * only on success, settings through cognito_config, and one client shared by several threads. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cognito_attr_code.h"
#include "loopback_server.h"

static int failures = 0;
static int checks = 0;

#define CHECK(condition)                                                        \
  do {                                                                          \
    checks++;                                                                   \
    if (!(condition)) {                                                         \
      failures++;                                                               \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition); \
    }                                                                           \
  } while (0)

#define TOKEN "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1MSJ9.SECRET-sig"

static loopback_server server;
static char endpoint[64];

static void clear_aws_environment(void) {
  const char *names[] = {"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL",
                         "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "AWS_CA_BUNDLE",
                         "AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE", "AWS_USE_FIPS_ENDPOINT",
                         "AWS_USE_DUALSTACK_ENDPOINT", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
                         "AWS_PROFILE", "AWS_CONFIG_FILE", "HTTPS_PROXY", "https_proxy",
                         "AWS_ATTEMPT_TIMEOUT", "AWS_OPERATION_TIMEOUT", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) unsetenv(names[i]);
  setenv("AWS_CONFIG_FILE", "/nonexistent/cognito-attr-code/config", 1);
}

static int same(const char *a, const char *b) { return a && b && strcmp(a, b) == 0; }

static cognito_client *new_client(void) {
  cognito_config *config = cognito_config_new();
  CHECK(config != NULL);
  CHECK(cognito_config_set_endpoint_url(config, endpoint) == COGNITO_OK);
  CHECK(cognito_config_set_region(config, "us-east-1") == COGNITO_OK);
  CHECK(cognito_config_set_connect_timeout_ms(config, 2000) == COGNITO_OK);
  CHECK(cognito_config_set_read_timeout_ms(config, 5000) == COGNITO_OK);
  CHECK(cognito_config_set_attempt_timeout_ms(config, 7000) == COGNITO_OK);
  CHECK(cognito_config_set_operation_timeout_ms(config, 30000) == COGNITO_OK);
  CHECK(cognito_config_set_attempt_timeout_ms(NULL, 1) == COGNITO_INVALID_ARGUMENT);
  CHECK(cognito_config_set_operation_timeout_ms(NULL, 1) == COGNITO_INVALID_ARGUMENT);
  CHECK(cognito_config_set_max_attempts(config, 1) == COGNITO_OK);
  CHECK(cognito_config_set_retry_mode(config, "adaptive") == COGNITO_OK);
  CHECK(cognito_config_set_retry_mode(config, "standard") == COGNITO_OK);
  CHECK(cognito_config_set_verify_tls(config, true) == COGNITO_OK);
  CHECK(cognito_config_set_allow_insecure_http(config, false) == COGNITO_OK);
  CHECK(cognito_config_set_retry_read_timeouts(config, false) == COGNITO_OK);
  CHECK(cognito_config_set_validate_token(config, false) == COGNITO_OK);
  cognito_client *client = NULL;
  cognito_error error = {0};
  CHECK(cognito_client_new(config, &client, &error) == COGNITO_OK);
  CHECK(client != NULL);
  cognito_config_free(config);
  return client;
}

static void test_version_and_status_names(void) {
  char expected[32];
  snprintf(expected, sizeof expected, "%d.%d.%d", COGNITO_ATTR_CODE_VERSION_MAJOR,
           COGNITO_ATTR_CODE_VERSION_MINOR, COGNITO_ATTR_CODE_VERSION_PATCH);
  CHECK(same(cognito_version(), expected));
  CHECK(same(cognito_status_name(COGNITO_OK), "COGNITO_OK"));
  CHECK(same(cognito_status_name(COGNITO_NOT_AUTHORIZED), "COGNITO_NOT_AUTHORIZED"));
  CHECK(same(cognito_status_name(COGNITO_FORBIDDEN), "COGNITO_FORBIDDEN"));
  CHECK(same(cognito_status_name(424242), "COGNITO_UNKNOWN_STATUS"));
}

static void test_one_shot_from_environment(void) {
  setenv("AWS_ENDPOINT_URL", endpoint, 1);
  cognito_code_delivery_details details = {0};
  cognito_error error = {0};
  cognito_metadata_entry metadata[] = {{"source", "signup"}, {"lang", "fr"}};
  cognito_status status = cognito_get_attr_code(TOKEN, "email", metadata, 2, &details, &error);
  CHECK(status == COGNITO_OK);
  CHECK(same(details.destination, "a***@e***.com"));
  CHECK(same(details.delivery_medium, "EMAIL"));
  CHECK(same(details.attribute_name, "email"));
  CHECK(error.code == NULL && error.message == NULL); /* error_out untouched on success */
  pthread_mutex_lock(&server.lock);
  CHECK(strstr(server.last_request, "\"ClientMetadata\":{\"lang\":\"fr\",\"source\":\"signup\"}") != NULL);
  CHECK(strstr(server.last_request, "lang/c") != NULL);
  pthread_mutex_unlock(&server.lock);
  cognito_code_delivery_details_free(&details);
  CHECK(details.destination == NULL && details.delivery_medium == NULL && details.attribute_name == NULL);
  cognito_code_delivery_details_free(&details); /* second free is harmless */
  cognito_code_delivery_details_free(NULL);
  unsetenv("AWS_ENDPOINT_URL");
}

static void test_details_absent(cognito_client *client) {
  cognito_code_delivery_details details = {0};
  CHECK(cognito_client_get_attr_code(client, TOKEN, "empty", NULL, 0, &details, NULL) == COGNITO_OK);
  CHECK(details.destination == NULL && details.delivery_medium == NULL && details.attribute_name == NULL);
  cognito_code_delivery_details_free(&details);
}

static void test_service_error(cognito_client *client) {
  char sentinel = 'x';
  cognito_code_delivery_details details = {&sentinel, &sentinel, &sentinel};
  cognito_error error = {0};
  cognito_status status = cognito_client_get_attr_code(client, TOKEN, "phone_number", NULL, 0, &details, &error);
  CHECK(status == COGNITO_NOT_AUTHORIZED);
  CHECK(error.status == COGNITO_NOT_AUTHORIZED);
  CHECK(same(error.code, "NotAuthorizedException"));
  CHECK(same(error.message, "Access Token has been revoked"));
  CHECK(same(error.request_id, "req-err"));
  CHECK(error.http_status == 400);
  CHECK(details.destination == &sentinel); /* details_out untouched on failure */
  CHECK(strstr(error.message, "SECRET") == NULL);
  cognito_error_free(&error);
  CHECK(error.code == NULL && error.message == NULL && error.request_id == NULL && error.http_status == 0);
  cognito_error_free(&error);
  cognito_error_free(NULL);
  /* error_out may be NULL */
  CHECK(cognito_client_get_attr_code(client, TOKEN, "phone_number", NULL, 0, &details, NULL) == COGNITO_NOT_AUTHORIZED);
}

static void expect_invalid(cognito_status status, cognito_error *error, const char *fragment) {
  CHECK(status == COGNITO_INVALID_ARGUMENT);
  CHECK(error->status == COGNITO_INVALID_ARGUMENT);
  CHECK(same(error->code, "InvalidArgument"));
  CHECK(error->message != NULL && strstr(error->message, fragment) != NULL);
  if (error->message && strstr(error->message, fragment) == NULL) fprintf(stderr, "  message: %s\n", error->message);
  CHECK(error->message == NULL || strstr(error->message, "SECRET") == NULL);
  cognito_error_free(error);
}

static void test_null_and_invalid_arguments(cognito_client *client) {
  cognito_code_delivery_details details = {0};
  cognito_error error = {0};
  cognito_metadata_entry null_key[] = {{NULL, "v"}};
  cognito_metadata_entry null_value[] = {{"k", NULL}};
  const char bad_utf8[] = {'a', (char)0xff, 'b', 0};
  int before = server.requests;

  expect_invalid(cognito_client_get_attr_code(NULL, TOKEN, "email", NULL, 0, &details, &error), &error, "client");
  expect_invalid(cognito_client_get_attr_code(client, NULL, "email", NULL, 0, &details, &error), &error, "access_token: is NULL");
  expect_invalid(cognito_client_get_attr_code(client, TOKEN, NULL, NULL, 0, &details, &error), &error, "attribute_name: is NULL");
  expect_invalid(cognito_client_get_attr_code(client, TOKEN, "email", NULL, 3, &details, &error), &error, "client_metadata");
  expect_invalid(cognito_client_get_attr_code(client, TOKEN, "email", null_key, 1, &details, &error), &error, "client_metadata key");
  expect_invalid(cognito_client_get_attr_code(client, TOKEN, "email", null_value, 1, &details, &error), &error, "client_metadata value");
  expect_invalid(cognito_client_get_attr_code(client, TOKEN, "email", NULL, 0, NULL, &error), &error, "details_out");
  expect_invalid(cognito_client_get_attr_code(client, bad_utf8, "email", NULL, 0, &details, &error), &error, "UTF-8");
  expect_invalid(cognito_client_get_attr_code(client, TOKEN, bad_utf8, NULL, 0, &details, &error), &error, "UTF-8");
  expect_invalid(cognito_client_get_attr_code(client, "", "email", NULL, 0, &details, &error), &error, "empty");
  expect_invalid(cognito_client_get_attr_code(client, "not a token SECRET", "email", NULL, 0, &details, &error), &error, "access_token");
  expect_invalid(cognito_client_get_attr_code(client, TOKEN, "", NULL, 0, &details, &error), &error, "attribute_name");
  expect_invalid(cognito_get_attr_code(NULL, "email", NULL, 0, &details, &error), &error, "access_token");
  expect_invalid(cognito_get_attr_code(TOKEN, "email", NULL, 0, NULL, &error), &error, "details_out");
  CHECK(cognito_client_get_attr_code(client, NULL, "email", NULL, 0, &details, NULL) == COGNITO_INVALID_ARGUMENT);
  CHECK(server.requests == before); /* nothing was sent */

  expect_invalid(cognito_client_new(NULL, NULL, &error), &error, "client_out");
  expect_invalid(cognito_client_endpoint_url(NULL, NULL, &error), &error, "client");
  expect_invalid(cognito_client_endpoint_url(client, NULL, &error), &error, "url_out");

  CHECK(cognito_config_set_region(NULL, "us-east-1") == COGNITO_INVALID_ARGUMENT);
  CHECK(cognito_config_set_max_attempts(NULL, 3) == COGNITO_INVALID_ARGUMENT);
  cognito_config *config = cognito_config_new();
  CHECK(cognito_config_set_region(config, NULL) == COGNITO_INVALID_ARGUMENT);
  CHECK(cognito_config_set_endpoint_url(config, bad_utf8) == COGNITO_INVALID_ARGUMENT);
  CHECK(cognito_config_set_retry_mode(config, "bogus") == COGNITO_INVALID_ARGUMENT);
  CHECK(cognito_config_set_max_attempts(config, 0) == COGNITO_INVALID_ARGUMENT);
  CHECK(cognito_config_set_profile(config, NULL) == COGNITO_INVALID_ARGUMENT);
  CHECK(cognito_config_set_validate_token(NULL, true) == COGNITO_INVALID_ARGUMENT);
  CHECK(cognito_config_set_proxy(config, NULL) == COGNITO_INVALID_ARGUMENT);
  {
    /* with the pre-check on, a token that is not a JWT is refused locally */
    cognito_client *checking = NULL;
    CHECK(cognito_config_set_endpoint_url(config, endpoint) == COGNITO_OK);
    CHECK(cognito_config_set_validate_token(config, true) == COGNITO_OK);
    CHECK(cognito_client_new(config, &checking, NULL) == COGNITO_OK);
    expect_invalid(cognito_client_get_attr_code(checking, "abc", "email", NULL, 0, &details, &error), &error, "not a JWT");
    cognito_client_free(checking);
  }
  cognito_config_free(config);
  cognito_config_free(NULL);
  cognito_client_free(NULL);
  cognito_string_free(NULL);
}

static void test_configuration_errors(void) {
  cognito_client *client = NULL;
  cognito_error error = {0};
  cognito_config *config = cognito_config_new();
  /* no region, no endpoint: the client builds (region may come from the token), the URL does not */
  CHECK(cognito_client_new(config, &client, &error) == COGNITO_OK);
  char *url = NULL;
  CHECK(cognito_client_endpoint_url(client, &url, &error) == COGNITO_CONFIGURATION);
  CHECK(url == NULL);
  CHECK(error.message != NULL && strstr(error.message, "Invalid Configuration: Missing Region") != NULL);
  cognito_error_free(&error);
  cognito_client_free(client);
  client = NULL;

  CHECK(cognito_config_set_region(config, "eu-west-3") == COGNITO_OK);
  CHECK(cognito_config_set_use_fips_endpoint(config, true) == COGNITO_OK);
  CHECK(cognito_config_set_use_dualstack_endpoint(config, false) == COGNITO_OK);
  CHECK(cognito_client_new(config, &client, &error) == COGNITO_OK);
  CHECK(cognito_client_endpoint_url(client, &url, &error) == COGNITO_OK);
  CHECK(same(url, "https://cognito-idp-fips.eu-west-3.amazonaws.com/"));
  cognito_string_free(url);
  cognito_client_free(client);
  client = NULL;

  CHECK(cognito_config_set_use_fips_endpoint(config, false) == COGNITO_OK);
  CHECK(cognito_config_set_proxy(config, "ftp://proxy.example:21") == COGNITO_OK);
  CHECK(cognito_client_new(config, &client, &error) == COGNITO_CONFIGURATION);
  CHECK(error.message != NULL && strstr(error.message, "proxy") != NULL);
  cognito_error_free(&error);
  CHECK(cognito_config_set_proxy(config, "http://127.0.0.1:3128") == COGNITO_OK);
  CHECK(cognito_config_set_ca_bundle(config, "/nonexistent/ca.pem") == COGNITO_OK);
  CHECK(cognito_client_new(config, &client, &error) == COGNITO_CONFIGURATION);
  CHECK(client == NULL);
  CHECK(same(error.code, "Configuration"));
  CHECK(error.message != NULL && strstr(error.message, "/nonexistent/ca.pem") != NULL);
  cognito_error_free(&error);

  CHECK(cognito_config_set_ca_bundle(config, "/etc/ssl/certs/ca-certificates.crt") == COGNITO_OK);
  CHECK(cognito_config_set_profile(config, "no-such-profile") == COGNITO_OK);
  CHECK(cognito_client_new(config, &client, &error) == COGNITO_CONFIGURATION);
  CHECK(error.message != NULL && strstr(error.message, "no-such-profile") != NULL);
  cognito_error_free(&error);

  CHECK(cognito_config_set_region(config, "us-east-1.evil.com") == COGNITO_OK);
  CHECK(cognito_config_set_ca_bundle(config, "/etc/hostname") == COGNITO_OK);
  CHECK(cognito_client_new(config, &client, &error) == COGNITO_CONFIGURATION);
  cognito_error_free(&error);
  cognito_config_free(config);
}

typedef struct {
  cognito_client *client;
  int successes;
} worker;

static void *work(void *argument) {
  worker *w = argument;
  for (int i = 0; i < 10; i++) {
    cognito_code_delivery_details details = {0};
    if (cognito_client_get_attr_code(w->client, TOKEN, "email", NULL, 0, &details, NULL) == COGNITO_OK &&
        same(details.delivery_medium, "EMAIL"))
      w->successes++;
    cognito_code_delivery_details_free(&details);
  }
  return NULL;
}

static void test_threads_share_one_client(cognito_client *client) {
  pthread_t threads[4];
  worker workers[4];
  for (int i = 0; i < 4; i++) {
    workers[i].client = client;
    workers[i].successes = 0;
    CHECK(pthread_create(&threads[i], NULL, work, &workers[i]) == 0);
  }
  for (int i = 0; i < 4; i++) {
    pthread_join(threads[i], NULL);
    CHECK(workers[i].successes == 10);
  }
}

int main(void) {
  clear_aws_environment();
  if (loopback_server_start(&server) != 0) {
    fprintf(stderr, "cannot start the loopback server\n");
    return 2;
  }
  snprintf(endpoint, sizeof endpoint, "http://127.0.0.1:%d", server.port);

  test_version_and_status_names();
  test_one_shot_from_environment();
  cognito_client *client = new_client();
  char *url = NULL;
  CHECK(cognito_client_endpoint_url(client, &url, NULL) == COGNITO_OK);
  CHECK(url != NULL && strncmp(url, endpoint, strlen(endpoint)) == 0);
  cognito_string_free(url);
  test_details_absent(client);
  test_service_error(client);
  test_null_and_invalid_arguments(client);
  test_configuration_errors();
  test_threads_share_one_client(client);
  cognito_client_free(client);
  loopback_server_stop(&server);

  printf("%d passed, %d failed\n", checks - failures, failures);
  return failures == 0 ? 0 : 1;
}
