/* A program built outside this project against an installed cognito_attr_code: it checks that
 * the header and the library it loaded agree, sends a code to a loopback server and prints the
 * request id of the successful call. Exit status 0 only if all of that worked. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cognito_attr_code.h>

#include "loopback_server.h"

static const char *or_absent(const char *text) { return text ? text : "(absent)"; }

int main(void) {
  char expected_version[32];
  snprintf(expected_version, sizeof expected_version, "%d.%d.%d", COGNITO_ATTR_CODE_VERSION_MAJOR,
           COGNITO_ATTR_CODE_VERSION_MINOR, COGNITO_ATTR_CODE_VERSION_PATCH);
  if (strcmp(cognito_version(), expected_version) != 0) {
    fprintf(stderr, "header %s, library %s\n", expected_version, cognito_version());
    return 1;
  }
  unsetenv("AWS_PROFILE");
  setenv("AWS_CONFIG_FILE", "/nonexistent/cognito-attr-code/config", 1);
  loopback_server server;
  if (loopback_server_start(&server) != 0) return 2;
  char endpoint[64];
  snprintf(endpoint, sizeof endpoint, "http://127.0.0.1:%d", server.port);

  int ok = 0;
  cognito_error error = COGNITO_ERROR_INIT;
  cognito_config *config = cognito_config_new();
  cognito_client *client = NULL;
  cognito_output *output = NULL;
  if (cognito_config_set_endpoint_url(config, endpoint, &error) == COGNITO_OK &&
      cognito_config_set_region(config, "us-east-1", &error) == COGNITO_OK &&
      cognito_client_new(config, &client, &error) == COGNITO_OK &&
      cognito_client_get_attr_code_output(client, "eyJhbGciOiJub25lIn0.e30.sig", "email", NULL, 0, &output,
                                          &error) == COGNITO_OK) {
    printf("code sent to %s by %s (request id %s)\n", or_absent(cognito_output_destination(output)),
           or_absent(cognito_output_delivery_medium(output)), or_absent(cognito_output_request_id(output)));
    const char *request_id = cognito_output_request_id(output);
    ok = request_id != NULL && strcmp(request_id, "req-ok") == 0;
  } else {
    fprintf(stderr, "%s: %s\n", or_absent(error.code), or_absent(error.message));
  }
  cognito_output_free(output);
  cognito_client_free(client);
  cognito_config_free(config);
  cognito_error_free(&error);
  loopback_server_stop(&server);
  return ok ? 0 : 1;
}
