/* Submit the verification code the user received, as
 *   aws cognito-idp verify-user-attribute \
 *       --access-token ACCESS_TOKEN --attribute-name email --code CODE
 * does. Configuration comes from the environment (AWS_REGION, AWS_ENDPOINT_URL, AWS_CA_BUNDLE, ...).
 *
 * usage: verify_code ACCESS_TOKEN ATTRIBUTE_NAME CODE
 * exit status: 0 verified, 3 wrong code (ask again), 4 expired code (request a new one), 1 other */
#include <stdio.h>

#include "cognito_attr_code.h"

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s ACCESS_TOKEN ATTRIBUTE_NAME CODE\n", argv[0]);
    return 2;
  }
  cognito_error error = COGNITO_ERROR_INIT;
  cognito_status status = cognito_verify_attr(argv[1], argv[2], argv[3], &error);
  if (status == COGNITO_OK) {
    printf("%s verified\n", argv[2]);
    return 0;
  }
  fprintf(stderr, "refused: %s (%s): %s\n", cognito_status_name(status), error.code, error.message);
  cognito_error_free(&error);
  if (status == COGNITO_CODE_MISMATCH) return 3;
  if (status == COGNITO_EXPIRED_CODE) return 4;
  return 1;
}
