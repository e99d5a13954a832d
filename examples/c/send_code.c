/* Send a verification code for one attribute of the signed-in user, as
 *   aws cognito-idp get-user-attribute-verification-code \
 *       --access-token ACCESS_TOKEN --attribute-name email
 * does. Configuration comes from the environment (AWS_REGION, AWS_ENDPOINT_URL, AWS_CA_BUNDLE, ...).
 *
 * usage: send_code ACCESS_TOKEN ATTRIBUTE_NAME */
#include <stdio.h>

#include "cognito_attr_code.h"

static const char *or_absent(const char *text) { return text ? text : "(absent)"; }

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s ACCESS_TOKEN ATTRIBUTE_NAME\n", argv[0]);
    return 2;
  }
  cognito_code_delivery_details details = COGNITO_CODE_DELIVERY_DETAILS_INIT;
  cognito_error error = COGNITO_ERROR_INIT;
  cognito_status status = cognito_get_attr_code(argv[1], argv[2], NULL, 0, &details, &error);
  if (status != COGNITO_OK) {
    fprintf(stderr, "failed: %s (%s): %s [HTTP %u, request id %s]\n", cognito_status_name(status),
            error.code, error.message, (unsigned)error.http_status, or_absent(error.request_id));
    cognito_error_free(&error);
    return 1;
  }
  if (!details.destination && !details.delivery_medium && !details.attribute_name) {
    printf("code sent (the service did not say where: CodeDeliveryDetails absent)\n");
  } else {
    printf("code sent\n  destination:     %s\n  delivery medium: %s\n  attribute:       %s\n",
           or_absent(details.destination), or_absent(details.delivery_medium),
           or_absent(details.attribute_name));
  }
  cognito_code_delivery_details_free(&details);
  return 0;
}
