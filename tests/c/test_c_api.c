/* The C API end to end against an in-process loopback server: success, a service error, every
 * pointer argument NULL in turn, invalid UTF-8, ownership (free NULL, free twice), outputs written
 * only on success, settings through cognito_config, one client shared by several threads, and a
 * server echoing the token back in other forms. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cognito_attr_code.h"
#include "loopback_server.h"
#include "windows_compat.h"

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
  CHECK(cognito_config_set_endpoint_url(config, endpoint, NULL) == COGNITO_OK);
  CHECK(cognito_config_set_region(config, "us-east-1", NULL) == COGNITO_OK);
  CHECK(cognito_config_set_connect_timeout_ms(config, 2000, NULL) == COGNITO_OK);
  CHECK(cognito_config_set_read_timeout_ms(config, 5000, NULL) == COGNITO_OK);
  CHECK(cognito_config_set_attempt_timeout_ms(config, 7000, NULL) == COGNITO_OK);
  CHECK(cognito_config_set_operation_timeout_ms(config, 30000, NULL) == COGNITO_OK);
  CHECK(cognito_config_set_attempt_timeout_ms(NULL, 1, NULL) == COGNITO_INVALID_ARGUMENT);
  CHECK(cognito_config_set_operation_timeout_ms(NULL, 1, NULL) == COGNITO_INVALID_ARGUMENT);
  CHECK(cognito_config_set_max_attempts(config, 1, NULL) == COGNITO_OK);
  CHECK(cognito_config_set_retry_mode(config, "adaptive", NULL) == COGNITO_OK);
  CHECK(cognito_config_set_retry_mode(config, "standard", NULL) == COGNITO_OK);
  CHECK(cognito_config_set_verify_tls(config, true, NULL) == COGNITO_OK);
  CHECK(cognito_config_set_allow_insecure_http(config, false, NULL) == COGNITO_OK);
  CHECK(cognito_config_set_retry_read_timeouts(config, false, NULL) == COGNITO_OK);
  CHECK(cognito_config_set_validate_token(config, false, NULL) == COGNITO_OK);
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
  CHECK(COGNITO_FORBIDDEN == 117 && COGNITO_OPERATION_NOT_ENABLED == 118 && COGNITO_ALIAS_EXISTS == 121);
  CHECK(same(cognito_status_name(COGNITO_OPERATION_NOT_ENABLED), "COGNITO_OPERATION_NOT_ENABLED"));
  CHECK(same(cognito_status_name(COGNITO_EXPIRED_CODE), "COGNITO_EXPIRED_CODE"));
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
  CHECK(same(error.cause, "token_revoked"));
  CHECK(error.hint != NULL && strstr(error.hint, "sign the user in again") != NULL);
  cognito_error_free(&error);
  CHECK(error.code == NULL && error.message == NULL && error.request_id == NULL && error.http_status == 0);
  CHECK(error.cause == NULL && error.hint == NULL);
  cognito_error_free(&error);
  cognito_error_free(NULL);
  /* error_out may be NULL */
  CHECK(cognito_client_get_attr_code(client, TOKEN, "phone_number", NULL, 0, &details, NULL) == COGNITO_NOT_AUTHORIZED);
}

/* The token, its first 16 characters or its last 10, in any case. */
static int carries_token(const char *text) {
  if (!text) return 0;
  const char *token = TOKEN;
  size_t token_length = strlen(token);
  size_t text_length = strlen(text);
  const size_t starts[] = {0, token_length - 10};
  const size_t lengths[] = {16, 10};
  for (int part = 0; part < 2; part++) {
    for (size_t at = 0; at + lengths[part] <= text_length; at++) {
      size_t matched = 0;
      while (matched < lengths[part] &&
             tolower((unsigned char)text[at + matched]) == tolower((unsigned char)token[starts[part] + matched]))
        matched++;
      if (matched == lengths[part]) return 1;
    }
  }
  return 0;
}

/* A server echoing the token back (JSON-escaped, in the error type, the request id, a redirect, a
 * success) never gets it into an error field or a delivery detail. */
static void test_hostile_echoes(cognito_client *client) {
  struct {
    const char *attribute;
    cognito_status status;
    const char *code;
    const char *message;
    const char *request_id;
  } errors[] = {
      {"echo-message", COGNITO_NOT_AUTHORIZED, "NotAuthorizedException", "Invalid token ***", NULL},
      {"echo-error-type", COGNITO_UNKNOWN_SERVICE_ERROR, "Bad***", "", NULL},
      {"echo-request-id", COGNITO_NOT_AUTHORIZED, "NotAuthorizedException", "m", "***"},
      {"echo-redirect", COGNITO_PROTOCOL, "Protocol", NULL, NULL},
  };
  for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++) {
    cognito_code_delivery_details details = {0};
    cognito_error error = {0};
    cognito_status status = cognito_client_get_attr_code(client, TOKEN, errors[i].attribute, NULL, 0, &details, &error);
    CHECK(status == errors[i].status);
    CHECK(same(error.code, errors[i].code));
    CHECK(errors[i].message == NULL || same(error.message, errors[i].message));
    CHECK(errors[i].request_id == NULL || same(error.request_id, errors[i].request_id));
    CHECK(!carries_token(error.code) && !carries_token(error.message) && !carries_token(error.request_id));
    if (status == COGNITO_PROTOCOL) CHECK(error.message != NULL && strstr(error.message, "cb?t=***") != NULL);
    cognito_error_free(&error);
  }
  cognito_code_delivery_details details = {0};
  CHECK(cognito_client_get_attr_code(client, TOKEN, "echo-destination", NULL, 0, &details, NULL) == COGNITO_OK);
  CHECK(same(details.destination, "***") && same(details.delivery_medium, "***") && same(details.attribute_name, "***"));
  cognito_code_delivery_details_free(&details);
}

/* Each service error the library diagnoses (see diagnosed_errors in loopback_server.c), the
 * local refusal of an ID token (nothing sent), and a Lambda message echoing the token: cause and
 * hint, the status and message unchanged, the token in no field. */
static void test_diagnosis(cognito_client *client) {
  cognito_code_delivery_details details = COGNITO_CODE_DELIVERY_DETAILS_INIT;
  struct {
    cognito_status status;
    const char *cause;
    const char *hint_says;
  } expected[] = {
      {COGNITO_LIMIT_EXCEEDED, "per_user_limit", "per user per hour"},
      {COGNITO_LIMIT_EXCEEDED, "daily_email_limit", "Amazon SES"},
      {COGNITO_NOT_AUTHORIZED, "token_expired", "refresh it"},
      {COGNITO_NOT_AUTHORIZED, "token_revoked", "sign the user in again"},
      {COGNITO_NOT_AUTHORIZED, "missing_scope", "aws.cognito.signin.user.admin"},
      {COGNITO_NOT_AUTHORIZED, "invalid_token", "access token"},
      {COGNITO_USER_LAMBDA_VALIDATION, "lambda_trigger", "CustomMessage Lambda trigger failed with error \"Forbidden domain.\""},
      {COGNITO_CODE_DELIVERY_FAILURE, "delivery_failed", "SES or SNS"},
      {COGNITO_TOO_MANY_REQUESTS, "rate_limited", "one attempt allowed"},
      {COGNITO_NOT_AUTHORIZED, NULL, NULL}, /* "User is disabled.": no cause, never a guess */
  };
  for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
    char attribute[16];
    snprintf(attribute, sizeof attribute, "diag-%u", (unsigned)i);
    cognito_error error = COGNITO_ERROR_INIT;
    CHECK(cognito_client_get_attr_code(client, TOKEN, attribute, NULL, 0, &details, &error) == expected[i].status);
    CHECK(error.status == expected[i].status && same(error.request_id, "req-diag"));
    if (expected[i].cause) {
      CHECK(same(error.cause, expected[i].cause));
      CHECK(error.hint != NULL && strstr(error.hint, expected[i].hint_says) != NULL);
    } else {
      CHECK(error.cause == NULL && error.hint == NULL);
    }
    CHECK(!carries_token(error.hint) && !carries_token(error.message));
    cognito_error_free(&error);
    CHECK(error.cause == NULL && error.hint == NULL);
  }

  cognito_error error = COGNITO_ERROR_INIT;
  CHECK(cognito_client_get_attr_code(client, TOKEN, "diag-lambda-echo", NULL, 0, &details, &error) ==
        COGNITO_USER_LAMBDA_VALIDATION);
  CHECK(same(error.cause, "lambda_trigger"));
  CHECK(error.hint != NULL && strstr(error.hint, "CustomEmailSender") != NULL && strstr(error.hint, "bad token ***") != NULL);
  CHECK(!carries_token(error.hint) && !carries_token(error.message));
  cognito_error_free(&error);

  /* payload {"token_use":"id"} */
  const char *id_token = "eyJhbGciOiJub25lIn0.eyJ0b2tlbl91c2UiOiJpZCJ9.SECRET-sig";
  int before = server.requests;
  CHECK(cognito_client_get_attr_code(client, id_token, "email", NULL, 0, &details, &error) == COGNITO_INVALID_ARGUMENT);
  CHECK(same(error.cause, "id_token_given"));
  CHECK(error.hint != NULL && strstr(error.hint, "access token") != NULL && strstr(error.hint, "SECRET") == NULL);
  cognito_error_free(&error);
  CHECK(cognito_client_verify_attr(client, id_token, "email", "123456", &error) == COGNITO_INVALID_ARGUMENT);
  CHECK(same(error.cause, "id_token_given"));
  cognito_error_free(&error);
  CHECK(server.requests == before); /* refused before any request */

  CHECK(cognito_client_verify_attr(client, TOKEN, "email", "654321", &error) == COGNITO_CODE_MISMATCH);
  CHECK(same(error.cause, "wrong_code") && error.hint != NULL && strstr(error.hint, "654321") == NULL);
  cognito_error_free(&error);
  CHECK(cognito_client_verify_attr(client, TOKEN, "email", "expired-code", &error) == COGNITO_EXPIRED_CODE);
  CHECK(same(error.cause, "code_expired") && error.hint != NULL && strstr(error.hint, "24 hours") != NULL);
  cognito_error_free(&error);

  /* Local errors without a diagnosis leave both fields NULL. */
  CHECK(cognito_client_get_attr_code(client, TOKEN, "", NULL, 0, &details, &error) == COGNITO_INVALID_ARGUMENT);
  CHECK(error.cause == NULL && error.hint == NULL);
  cognito_error_free(&error);
  CHECK(details.destination == NULL); /* never written: every call failed */
}

/* VerifyUserAttribute: the right code, a wrong one (never retried), an expired one, the one-shot
 * form, NULL and invalid arguments, and a server echoing the code back. */
static void test_verify_attr(cognito_client *client) {
  cognito_error error = COGNITO_ERROR_INIT;
  int before = server.requests;
  CHECK(cognito_client_verify_attr(client, TOKEN, "email", "123456", &error) == COGNITO_OK);
  CHECK(error.code == NULL && error.message == NULL);
  pthread_mutex_lock(&server.lock);
  CHECK(strstr(server.last_request, "x-amz-target: AWSCognitoIdentityProviderService.VerifyUserAttribute") != NULL);
  CHECK(strstr(server.last_request, "\"Code\":\"123456\"") != NULL);
  pthread_mutex_unlock(&server.lock);

  CHECK(cognito_client_verify_attr(client, TOKEN, "email", "654321", &error) == COGNITO_CODE_MISMATCH);
  CHECK(error.status == COGNITO_CODE_MISMATCH && same(error.code, "CodeMismatchException"));
  CHECK(same(error.message, "Invalid verification code provided, please try again."));
  CHECK(same(error.request_id, "req-verify"));
  CHECK(same(cognito_status_name(error.status), "COGNITO_CODE_MISMATCH"));
  cognito_error_free(&error);
  CHECK(cognito_client_verify_attr(client, TOKEN, "email", "expired-code", &error) == COGNITO_EXPIRED_CODE);
  CHECK(same(error.code, "ExpiredCodeException"));
  cognito_error_free(&error);
  CHECK(server.requests - before == 3);

  setenv("AWS_ENDPOINT_URL", endpoint, 1);
  setenv("AWS_MAX_ATTEMPTS", "3", 1);
  before = server.requests;
  CHECK(cognito_verify_attr(TOKEN, "email", "123456", NULL) == COGNITO_OK);
  CHECK(cognito_verify_attr(TOKEN, "email", "000000", &error) == COGNITO_CODE_MISMATCH);
  CHECK(server.requests - before == 2); /* the wrong code was not retried */
  cognito_error_free(&error);
  unsetenv("AWS_MAX_ATTEMPTS");
  unsetenv("AWS_ENDPOINT_URL");

  const char bad_utf8[] = {'1', (char)0xff, '2', 0};
  before = server.requests;
  CHECK(cognito_client_verify_attr(NULL, TOKEN, "email", "123456", &error) == COGNITO_INVALID_ARGUMENT);
  cognito_error_free(&error);
  CHECK(cognito_client_verify_attr(client, NULL, "email", "123456", &error) == COGNITO_INVALID_ARGUMENT);
  cognito_error_free(&error);
  CHECK(cognito_client_verify_attr(client, TOKEN, NULL, "123456", &error) == COGNITO_INVALID_ARGUMENT);
  cognito_error_free(&error);
  CHECK(cognito_verify_attr(TOKEN, "email", NULL, &error) == COGNITO_INVALID_ARGUMENT);
  CHECK(error.message != NULL && strstr(error.message, "code") != NULL);
  cognito_error_free(&error);
  CHECK(cognito_client_verify_attr(client, TOKEN, "email", bad_utf8, &error) == COGNITO_INVALID_ARGUMENT);
  CHECK(error.message != NULL && strstr(error.message, "UTF-8") != NULL);
  cognito_error_free(&error);
  CHECK(cognito_client_verify_attr(client, TOKEN, "email", "12 SECRET 34", &error) == COGNITO_INVALID_ARGUMENT);
  CHECK(error.message != NULL && strstr(error.message, "SECRET") == NULL);
  cognito_error_free(&error);
  CHECK(cognito_client_verify_attr(client, TOKEN, "email", "", NULL) == COGNITO_INVALID_ARGUMENT);
  CHECK(server.requests == before); /* nothing was sent */

  CHECK(cognito_client_verify_attr(client, TOKEN, "email", "echo-SECRET-code", &error) == COGNITO_CODE_MISMATCH);
  CHECK(same(error.message, "wrong code ***"));
  CHECK(same(error.request_id, "***"));
  CHECK(error.message != NULL && strstr(error.message, "SECRET") == NULL);
  cognito_error_free(&error);
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

  /* setters say which setting was refused and why */
  expect_invalid(cognito_config_set_region(NULL, "us-east-1", &error), &error, "config: is NULL");
  expect_invalid(cognito_config_set_max_attempts(NULL, 3, &error), &error, "config: is NULL");
  cognito_config *config = cognito_config_new();
  expect_invalid(cognito_config_set_region(config, NULL, &error), &error, "region: is NULL");
  expect_invalid(cognito_config_set_endpoint_url(config, bad_utf8, &error), &error, "endpoint_url: is not valid UTF-8");
  expect_invalid(cognito_config_set_retry_mode(config, "bogus", &error), &error,
                 "retry_mode: \"bogus\" is not one of \"standard\", \"adaptive\", \"legacy\"");
  expect_invalid(cognito_config_set_max_attempts(config, 0, &error), &error, "max_attempts: must be at least 1");
  expect_invalid(cognito_config_set_profile(config, NULL, &error), &error, "profile: is NULL");
  expect_invalid(cognito_config_set_validate_token(NULL, true, &error), &error, "config: is NULL");
  expect_invalid(cognito_config_set_proxy(config, NULL, &error), &error, "proxy: is NULL");
  expect_invalid(cognito_config_set_ca_bundle(config, NULL, &error), &error, "ca_bundle: is NULL");
  CHECK(cognito_config_set_max_attempts(config, 0, NULL) == COGNITO_INVALID_ARGUMENT); /* error_out may be NULL */
  CHECK(cognito_config_set_max_attempts(config, 2, &error) == COGNITO_OK);
  CHECK(error.code == NULL); /* error_out untouched on success */
  {
    /* with the pre-check on, a token that is not a JWT is refused locally */
    cognito_client *checking = NULL;
    CHECK(cognito_config_set_endpoint_url(config, endpoint, NULL) == COGNITO_OK);
    CHECK(cognito_config_set_validate_token(config, true, NULL) == COGNITO_OK);
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
  /* ... and how to set one from C */
  CHECK(strstr(error.message, "cognito_config_set_region()") != NULL);
  CHECK(strstr(error.message, "issuer names a region") != NULL);
  cognito_error_free(&error);
  cognito_client_free(client);
  client = NULL;

  CHECK(cognito_config_set_region(config, "eu-west-3", NULL) == COGNITO_OK);
  CHECK(cognito_config_set_use_fips_endpoint(config, true, NULL) == COGNITO_OK);
  CHECK(cognito_config_set_use_dualstack_endpoint(config, false, NULL) == COGNITO_OK);
  CHECK(cognito_client_new(config, &client, &error) == COGNITO_OK);
  CHECK(cognito_client_endpoint_url(client, &url, &error) == COGNITO_OK);
  CHECK(same(url, "https://cognito-idp-fips.eu-west-3.amazonaws.com/"));
  cognito_string_free(url);
  cognito_client_free(client);
  client = NULL;

  CHECK(cognito_config_set_use_fips_endpoint(config, false, NULL) == COGNITO_OK);
  CHECK(cognito_config_set_proxy(config, "ftp://proxy.example:21", NULL) == COGNITO_OK);
  CHECK(cognito_client_new(config, &client, &error) == COGNITO_CONFIGURATION);
  CHECK(error.message != NULL && strstr(error.message, "proxy") != NULL);
  cognito_error_free(&error);
  CHECK(cognito_config_set_proxy(config, "http://127.0.0.1:3128", NULL) == COGNITO_OK);
  CHECK(cognito_config_set_ca_bundle(config, "/nonexistent/ca.pem", NULL) == COGNITO_OK);
  CHECK(cognito_client_new(config, &client, &error) == COGNITO_CONFIGURATION);
  CHECK(client == NULL);
  CHECK(same(error.code, "Configuration"));
  CHECK(error.message != NULL && strstr(error.message, "/nonexistent/ca.pem") != NULL);
  cognito_error_free(&error);

  CHECK(cognito_config_set_ca_bundle(config, "/etc/ssl/certs/ca-certificates.crt", NULL) == COGNITO_OK);
  CHECK(cognito_config_set_profile(config, "no-such-profile", NULL) == COGNITO_OK);
  CHECK(cognito_client_new(config, &client, &error) == COGNITO_CONFIGURATION);
  CHECK(error.message != NULL && strstr(error.message, "no-such-profile") != NULL);
  cognito_error_free(&error);

  CHECK(cognito_config_set_region(config, "us-east-1.evil.com", NULL) == COGNITO_OK);
  CHECK(cognito_config_set_ca_bundle(config, "/etc/hostname", NULL) == COGNITO_OK);
  CHECK(cognito_client_new(config, &client, &error) == COGNITO_CONFIGURATION);
  cognito_error_free(&error);
  cognito_config_free(config);
}

static void test_output_carries_request_id(cognito_client *client) {
  cognito_output *output = NULL;
  cognito_error error = COGNITO_ERROR_INIT;
  CHECK(cognito_client_get_attr_code_output(client, TOKEN, "email", NULL, 0, &output, &error) == COGNITO_OK);
  CHECK(output != NULL);
  CHECK(same(cognito_output_request_id(output), "req-ok"));
  CHECK(same(cognito_output_destination(output), "a***@e***.com"));
  CHECK(same(cognito_output_delivery_medium(output), "EMAIL"));
  CHECK(same(cognito_output_attribute_name(output), "email"));
  CHECK(cognito_output_http_status(output) == 200);
  CHECK(cognito_output_attempts(output) == 1);
  CHECK(error.code == NULL);
  cognito_output_free(output);

  output = NULL;
  CHECK(cognito_client_get_attr_code_output(client, TOKEN, "empty", NULL, 0, &output, NULL) == COGNITO_OK);
  CHECK(cognito_output_request_id(output) == NULL && cognito_output_destination(output) == NULL &&
        cognito_output_delivery_medium(output) == NULL && cognito_output_attribute_name(output) == NULL);
  cognito_output_free(output);

  cognito_output *untouched = (cognito_output *)&error;
  output = untouched;
  CHECK(cognito_client_get_attr_code_output(client, TOKEN, "phone_number", NULL, 0, &output, &error) ==
        COGNITO_NOT_AUTHORIZED);
  CHECK(output == untouched); /* output_out untouched on failure */
  CHECK(same(error.request_id, "req-err"));
  cognito_error_free(&error);

  int before = server.requests;
  expect_invalid(cognito_client_get_attr_code_output(client, TOKEN, "email", NULL, 0, NULL, &error), &error, "output_out");
  expect_invalid(cognito_client_get_attr_code_output(NULL, TOKEN, "email", NULL, 0, &output, &error), &error, "client");
  expect_invalid(cognito_client_get_attr_code_output(client, NULL, "email", NULL, 0, &output, &error), &error, "access_token");
  CHECK(server.requests == before);
  CHECK(cognito_output_request_id(NULL) == NULL && cognito_output_destination(NULL) == NULL &&
        cognito_output_delivery_medium(NULL) == NULL && cognito_output_attribute_name(NULL) == NULL &&
        cognito_output_http_status(NULL) == 0 && cognito_output_attempts(NULL) == 0);
  cognito_output_free(NULL);
}

/* What the log callback received: the lines are checked once the calls are done. */
typedef struct {
  pthread_mutex_t lock;
  int lines[5]; /* per COGNITO_LOG_* level */
  int with_token;
  int bad_target;
  int tls_warning;
  int attempt_lines;
  uint32_t nested_status;
} log_capture;

static void capture_log(void *user_data, uint32_t level, const char *target, const char *message) {
  log_capture *capture = user_data;
  pthread_mutex_lock(&capture->lock);
  if (level < 5) capture->lines[level]++;
  if (strstr(message, "SECRET") || strstr(message, TOKEN)) capture->with_token++;
  if (!same(target, "cognito_attr_code")) capture->bad_target++;
  if (level == COGNITO_LOG_WARN && strstr(message, "TLS certificate verification is disabled")) capture->tls_warning++;
  if (level == COGNITO_LOG_DEBUG && strstr(message, "attempt 1/1")) capture->attempt_lines++;
  pthread_mutex_unlock(&capture->lock);
}

static void reenter_log(void *user_data, uint32_t level, const char *target, const char *message) {
  log_capture *capture = user_data;
  (void)level, (void)target, (void)message;
  capture->nested_status = cognito_set_log_callback(COGNITO_LOG_OFF, NULL, NULL, NULL);
}

typedef struct {
  cognito_client *client;
  int successes;
} worker;

static void *work(void *argument);
static void test_threads_share_one_client(cognito_client *client);

static void test_log_callback(void) {
  log_capture capture;
  memset(&capture, 0, sizeof capture);
  pthread_mutex_init(&capture.lock, NULL);
  cognito_error error = COGNITO_ERROR_INIT;
  expect_invalid(cognito_set_log_callback(COGNITO_LOG_DEBUG + 1, capture_log, &capture, &error), &error,
                 "level: 5 is not a COGNITO_LOG_* value");
  CHECK(cognito_set_log_callback(COGNITO_LOG_DEBUG, capture_log, &capture, &error) == COGNITO_OK);

  /* the warning other front ends print when TLS verification is turned off */
  cognito_config *config = cognito_config_new();
  CHECK(cognito_config_set_endpoint_url(config, endpoint, NULL) == COGNITO_OK);
  CHECK(cognito_config_set_region(config, "us-east-1", NULL) == COGNITO_OK);
  CHECK(cognito_config_set_max_attempts(config, 1, NULL) == COGNITO_OK);
  CHECK(cognito_config_set_verify_tls(config, false, NULL) == COGNITO_OK);
  cognito_client *client = NULL;
  CHECK(cognito_client_new(config, &client, NULL) == COGNITO_OK);
  cognito_config_free(config);
  CHECK(capture.tls_warning == 1);

  /* a hostile server quotes the token back: the debug lines still never contain it */
  CHECK(cognito_client_get_attr_code(client, TOKEN, "echo", NULL, 0, NULL, &error) == COGNITO_INVALID_ARGUMENT);
  cognito_error_free(&error);
  cognito_code_delivery_details details = COGNITO_CODE_DELIVERY_DETAILS_INIT;
  CHECK(cognito_client_get_attr_code(client, TOKEN, "echo", NULL, 0, &details, &error) == COGNITO_NOT_AUTHORIZED);
  CHECK(error.message != NULL && strstr(error.message, "SECRET") == NULL);
  CHECK(error.request_id == NULL || strstr(error.request_id, "SECRET") == NULL);
  cognito_error_free(&error);
  CHECK(capture.attempt_lines == 1);
  CHECK(capture.lines[COGNITO_LOG_DEBUG] >= 1);

  /* many threads log at once through one callback */
  int debug_before = capture.lines[COGNITO_LOG_DEBUG];
  test_threads_share_one_client(client);
  CHECK(capture.lines[COGNITO_LOG_DEBUG] - debug_before >= 40);

  /* the callback is replaced and removed while other threads are logging through it */
  {
    pthread_t threads[2];
    worker workers[2];
    for (int i = 0; i < 2; i++) {
      workers[i].client = client;
      workers[i].successes = 0;
      CHECK(pthread_create(&threads[i], NULL, work, &workers[i]) == 0);
    }
    for (int i = 0; i < 200; i++)
      CHECK(cognito_set_log_callback(i % 2 ? COGNITO_LOG_DEBUG : COGNITO_LOG_OFF, i % 3 ? capture_log : NULL,
                                     &capture, NULL) == COGNITO_OK);
    for (int i = 0; i < 2; i++) {
      pthread_join(threads[i], NULL);
      CHECK(workers[i].successes == 10);
    }
  }

  /* WARN filters debug lines out; turning off stops everything */
  CHECK(cognito_set_log_callback(COGNITO_LOG_WARN, capture_log, &capture, NULL) == COGNITO_OK);
  int debug_lines = capture.lines[COGNITO_LOG_DEBUG];
  CHECK(cognito_client_get_attr_code(client, TOKEN, "email", NULL, 0, &details, NULL) == COGNITO_OK);
  cognito_code_delivery_details_free(&details);
  CHECK(capture.lines[COGNITO_LOG_DEBUG] == debug_lines);
  CHECK(cognito_set_log_callback(COGNITO_LOG_DEBUG, NULL, &capture, NULL) == COGNITO_OK);
  CHECK(cognito_client_get_attr_code(client, TOKEN, "email", NULL, 0, &details, NULL) == COGNITO_OK);
  cognito_code_delivery_details_free(&details);
  CHECK(capture.lines[COGNITO_LOG_DEBUG] == debug_lines);

  /* a callback cannot replace itself (it would deadlock): it gets an error instead */
  capture.nested_status = 12345;
  CHECK(cognito_set_log_callback(COGNITO_LOG_DEBUG, reenter_log, &capture, NULL) == COGNITO_OK);
  CHECK(cognito_client_get_attr_code(client, TOKEN, "email", NULL, 0, &details, NULL) == COGNITO_OK);
  cognito_code_delivery_details_free(&details);
  CHECK(capture.nested_status == COGNITO_INVALID_ARGUMENT);
  CHECK(cognito_set_log_callback(COGNITO_LOG_OFF, NULL, NULL, NULL) == COGNITO_OK);

  CHECK(capture.with_token == 0);
  CHECK(capture.bad_target == 0);
  CHECK(capture.lines[0] == 0);
  cognito_client_free(client);
  pthread_mutex_destroy(&capture.lock);
}

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
  test_hostile_echoes(client);
  test_diagnosis(client);
  test_verify_attr(client);
  test_null_and_invalid_arguments(client);
  test_configuration_errors();
  test_output_carries_request_id(client);
  test_threads_share_one_client(client);
  test_log_callback();
  cognito_client_free(client);
  loopback_server_stop(&server);

  printf("%d passed, %d failed\n", checks - failures, failures);
  return failures == 0 ? 0 : 1;
}
