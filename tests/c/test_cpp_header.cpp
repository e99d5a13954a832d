// The header in a C++17 translation unit: it compiles cleanly, its types are usable from C++,
// and a RAII wrapper can own what the library returns.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "cognito_attr_code.h"

namespace {
struct config_deleter {
  void operator()(cognito_config *config) const { cognito_config_free(config); }
};
using config_ptr = std::unique_ptr<cognito_config, config_deleter>;
}  // namespace

int main() {
  int failures = 0;
  int checks = 0;
  auto check = [&](bool condition, const char *what) {
    checks++;
    if (!condition) {
      std::fprintf(stderr, "check failed: %s\n", what);
      failures++;
    }
  };
  check(std::string(cognito_version()) == std::to_string(COGNITO_ATTR_CODE_VERSION_MAJOR) + "." +
                                              std::to_string(COGNITO_ATTR_CODE_VERSION_MINOR) + "." +
                                              std::to_string(COGNITO_ATTR_CODE_VERSION_PATCH),
        "version");
  check(std::strcmp(cognito_status_name(COGNITO_TIMEOUT), "COGNITO_TIMEOUT") == 0, "status name");

  // Own the environment: no region, endpoint or profile from the machine.
  for (const char *name : {"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL",
                           "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "AWS_PROFILE", "AWS_CA_BUNDLE",
                           "AWS_USE_FIPS_ENDPOINT", "AWS_USE_DUALSTACK_ENDPOINT"})
    unsetenv(name);
  setenv("AWS_CONFIG_FILE", "/nonexistent/cognito-attr-code/config", 1);
  config_ptr config(cognito_config_new());
  check(cognito_config_set_region(config.get(), "ap-southeast-2", NULL) == COGNITO_OK, "set region");
  cognito_client *client = nullptr;
  cognito_error error{};
  check(cognito_client_new(config.get(), &client, &error) == COGNITO_OK, "client");
  char *url = nullptr;
  check(cognito_client_endpoint_url(client, &url, &error) == COGNITO_OK, "endpoint");
  check(url != nullptr && std::string(url) == "https://cognito-idp.ap-southeast-2.amazonaws.com/", "url");
  cognito_string_free(url);

  cognito_code_delivery_details details{};
  cognito_status status = cognito_client_get_attr_code(client, nullptr, "email", nullptr, 0, &details, &error);
  check(status == COGNITO_INVALID_ARGUMENT && error.status == COGNITO_INVALID_ARGUMENT, "null token");
  cognito_error_free(&error);
  cognito_client_free(client);

  std::printf("%d passed, %d failed\n", checks - failures, failures);
  return failures == 0 ? 0 : 1;
}
