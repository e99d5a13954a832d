// The header-only C++17 wrapper (include/cognito_attr_code.hpp) against the loopback server:
// values, the one exception type, the non-throwing overload, setter errors, moved-from objects
// and threads. Built -Werror and run under AddressSanitizer and valgrind, which fail the test
// on any leak, including on the exception paths.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "cognito_attr_code.hpp"
#include "loopback_server.h"

namespace {

int failures = 0;
int checks = 0;

void check(bool condition, const char *what, int line) {
  checks++;
  if (!condition) {
    failures++;
    std::fprintf(stderr, "test_cpp_wrapper.cpp:%d: check failed: %s\n", line, what);
  }
}
#define CHECK(condition) check((condition), #condition, __LINE__)

const std::string token = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1MSJ9.SECRET-sig";
loopback_server server;
std::string endpoint;

bool contains(const std::string &text, const std::string &part) { return text.find(part) != std::string::npos; }

void clear_aws_environment() {
  for (const char *name : {"AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL",
                           "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", "AWS_CA_BUNDLE", "AWS_MAX_ATTEMPTS",
                           "AWS_RETRY_MODE", "AWS_USE_FIPS_ENDPOINT", "AWS_USE_DUALSTACK_ENDPOINT",
                           "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "AWS_PROFILE", "HTTPS_PROXY", "https_proxy",
                           "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"})
    unsetenv(name);
  setenv("AWS_CONFIG_FILE", "/nonexistent/cognito-attr-code/config", 1);
}

cognito::Client local_client() {
  cognito::Config config;
  config.endpoint_url(endpoint)
      .region("us-east-1")
      .max_attempts(1)
      .connect_timeout(std::chrono::milliseconds(2000))
      .read_timeout(std::chrono::milliseconds(5000))
      .attempt_timeout(std::chrono::milliseconds(7000))
      .operation_timeout(std::chrono::milliseconds(30000))
      .retry_mode("standard")
      .verify_tls(true)
      .allow_insecure_http(false)
      .retry_read_timeouts(false)
      .validate_token(false);
  return cognito::Client(config);
}

int requests() {
  pthread_mutex_lock(&server.lock);
  int count = server.requests;
  pthread_mutex_unlock(&server.lock);
  return count;
}

void test_success(const cognito::Client &client) {
  cognito::Output sent = client.get_attr_code(token, "email", {{"source", "signup"}});
  CHECK(sent.destination == "a***@e***.com");
  CHECK(sent.delivery_medium == "EMAIL");
  CHECK(sent.attribute_name == "email");
  CHECK(sent.request_id == "req-ok");
  CHECK(sent.http_status == 200);
  CHECK(sent.attempts == 1);
  pthread_mutex_lock(&server.lock);
  CHECK(contains(server.last_request, "\"ClientMetadata\":{\"source\":\"signup\"}"));
  pthread_mutex_unlock(&server.lock);

  cognito::Output empty = client.get_attr_code(token, "empty");
  CHECK(!empty.destination && !empty.delivery_medium && !empty.attribute_name && !empty.request_id);
}

void test_service_error_throws(const cognito::Client &client) {
  bool thrown = false;
  try {
    client.get_attr_code(token, "phone_number");
  } catch (const cognito::Error &error) {
    thrown = true;
    CHECK(error.status() == COGNITO_NOT_AUTHORIZED);
    CHECK(error.code() == "NotAuthorizedException");
    CHECK(error.message() == "Access Token has been revoked");
    CHECK(error.request_id() == "req-err");
    CHECK(error.http_status() == 400);
    CHECK(std::string(error.what()) == "NotAuthorizedException: Access Token has been revoked");
    CHECK(error.cause() == "token_revoked");
    CHECK(error.hint() && contains(error.hint()->c_str(), "sign the user in again"));
  }
  CHECK(thrown);

  // Every diagnosed row of the loopback server's table: cause() and hint(), or neither.
  const char *causes[] = {"per_user_limit", "daily_email_limit", "token_expired", "token_revoked", "missing_scope",
                          "invalid_token",  "lambda_trigger",    "delivery_failed", "rate_limited",  nullptr};
  for (int i = 0; i < 10; i++) {
    auto result = client.get_attr_code(std::nothrow, token, "diag-" + std::to_string(i));
    CHECK(!result.ok());
    if (causes[i]) {
      CHECK(result.error().cause() == causes[i]);
      CHECK(result.error().hint() && !result.error().hint()->empty());
    } else {
      CHECK(!result.error().cause() && !result.error().hint());
    }
  }
  try {
    client.get_attr_code("eyJhbGciOiJub25lIn0.eyJ0b2tlbl91c2UiOiJpZCJ9.SECRET-sig", "email");  // {"token_use":"id"}
    CHECK(false);
  } catch (const cognito::Error &error) {
    CHECK(error.status() == COGNITO_INVALID_ARGUMENT);
    CHECK(error.cause() == "id_token_given");
    CHECK(error.hint() && !contains(error.hint()->c_str(), "SECRET"));
  }
  try {
    client.get_attr_code(token, "diag-lambda-echo");
    CHECK(false);
  } catch (const cognito::Error &error) {
    CHECK(error.cause() == "lambda_trigger");
    CHECK(error.hint() && contains(error.hint()->c_str(), "bad token ***") && !contains(error.hint()->c_str(), "SECRET"));
  }

  // A hostile server quoting the token back (message and request id): the exception does not carry it.
  try {
    client.get_attr_code(token, "echo");
    CHECK(false);
  } catch (const cognito::Error &error) {
    CHECK(!contains(error.what(), "SECRET"));
    CHECK(error.request_id() == "***");
  }
}

void test_non_throwing_overload(const cognito::Client &client) {
  cognito::Result<cognito::Output> failed = client.get_attr_code(std::nothrow, token, "phone_number");
  CHECK(!failed.ok() && !failed);
  CHECK(failed.error().status() == COGNITO_NOT_AUTHORIZED);
  CHECK(failed.error().request_id() == "req-err");
  bool rethrown = false;
  try {
    (void)failed.value();
  } catch (const cognito::Error &error) {
    rethrown = error.code() == "NotAuthorizedException";
  }
  CHECK(rethrown);

  cognito::Result<cognito::Output> sent = client.get_attr_code(std::nothrow, token, "email");
  CHECK(sent.ok());
  CHECK(sent.value().request_id == "req-ok");
  bool logic_error = false;
  try {
    (void)sent.error();
  } catch (const std::logic_error &) {
    logic_error = true;
  }
  CHECK(logic_error);
  cognito::Output moved = std::move(sent).value();
  CHECK(moved.delivery_medium == "EMAIL");

  // Arguments C would silently cut at a NUL byte are refused before anything is sent.
  int before = requests();
  std::string with_nul = token;
  with_nul.insert(5, 1, '\0');
  auto refused = client.get_attr_code(std::nothrow, with_nul, "email");
  CHECK(!refused.ok() && refused.error().status() == COGNITO_INVALID_ARGUMENT);
  CHECK(refused.error().message() == "access_token: contains a NUL byte");
  auto refused_metadata = client.get_attr_code(std::nothrow, token, "email", {{std::string("k\0", 2), "v"}});
  CHECK(!refused_metadata.ok() && contains(refused_metadata.error().message(), "client_metadata key"));
  auto null_token = client.get_attr_code(std::nothrow, "", "email");
  CHECK(!null_token.ok() && null_token.error().code() == "InvalidArgument");
  CHECK(requests() == before);
}

void test_verify_attr(const cognito::Client &client) {
  client.verify_attr(token, "email", "123456");
  bool mismatch = false;
  try {
    client.verify_attr(token, "email", "654321");
  } catch (const cognito::Error &error) {
    mismatch = error.status() == COGNITO_CODE_MISMATCH && error.code() == "CodeMismatchException" &&
               error.request_id() == "req-verify";
  }
  CHECK(mismatch);
  CHECK(!client.verify_attr(std::nothrow, token, "email", "123456"));
  std::optional<cognito::Error> expired = client.verify_attr(std::nothrow, token, "email", "expired-code");
  CHECK(expired && expired->status() == COGNITO_EXPIRED_CODE);
  std::optional<cognito::Error> echoed = client.verify_attr(std::nothrow, token, "email", "echo-SECRET-code");
  CHECK(echoed && echoed->message() == "wrong code ***" && !contains(echoed->what(), "SECRET"));
  int before = requests();
  std::optional<cognito::Error> with_nul = client.verify_attr(std::nothrow, token, "email", std::string("12\0" "34", 5));
  CHECK(with_nul && with_nul->message() == "code: contains a NUL byte");
  std::optional<cognito::Error> spaced = client.verify_attr(std::nothrow, token, "email", "12 34");
  CHECK(spaced && spaced->status() == COGNITO_INVALID_ARGUMENT);
  CHECK(requests() == before);
}

template <class Body>
std::string error_message_of(Body body) {
  try {
    body();
  } catch (const cognito::Error &error) {
    return std::to_string(error.status()) + " " + error.message();
  }
  return "no exception";
}

void test_config_errors() {
  cognito::Config config;
  CHECK(contains(error_message_of([&] { config.max_attempts(0); }), "1 max_attempts: must be at least 1"));
  CHECK(contains(error_message_of([&] { config.retry_mode("bogus"); }),
                 "retry_mode: \"bogus\" is not one of \"standard\", \"adaptive\", \"legacy\""));
  CHECK(contains(error_message_of([&] { config.connect_timeout(std::chrono::milliseconds(-1)); }),
                 "connect_timeout: is negative"));
  CHECK(contains(error_message_of([&] { config.region(std::string("eu\0west", 7)); }),
                 "region: contains a NUL byte"));
  CHECK(contains(error_message_of([&] { config.proxy("ftp://proxy.example:21").use_fips_endpoint(false); }),
                 "no exception"));
  CHECK(contains(error_message_of([&] { cognito::Client client(config); }), "proxy"));

  cognito::Config moved_to = std::move(config);
  CHECK(config.get() == nullptr && moved_to.get() != nullptr);
  CHECK(contains(error_message_of([&] { config.region("eu-west-1"); }), "config: is NULL"));
  CHECK(contains(error_message_of([&] { cognito::Client client(config); }), "config: was moved from"));
  moved_to = cognito::Config();
  moved_to.region("eu-west-3").use_fips_endpoint(true).use_dualstack_endpoint(false);
  CHECK(cognito::Client(moved_to).endpoint_url() == "https://cognito-idp-fips.eu-west-3.amazonaws.com/");
  cognito::Config no_region;
  CHECK(contains(error_message_of([&] { (void)cognito::Client(no_region).endpoint_url(); }),
                 "2 cognito_config_set_region: Invalid Configuration: Missing Region"));
  cognito::Config missing_bundle;
  missing_bundle.ca_bundle("/nonexistent/ca.pem");
  CHECK(contains(error_message_of([&] { cognito::Client client(missing_bundle); }), "/nonexistent/ca.pem"));
  cognito::Config named_profile;
  named_profile.profile("no-such-profile");
  CHECK(contains(error_message_of([&] { cognito::Client client(named_profile); }), "2 profile 'no-such-profile'"));
}

void test_moves_and_threads() {
  cognito::Client client = local_client();
  cognito::Client other = std::move(client);
  CHECK(client.get() == nullptr);
  CHECK(contains(error_message_of([&] { client.get_attr_code(token, "email"); }), "client: is NULL"));
  client = std::move(other);
  CHECK(client.endpoint_url().rfind(endpoint, 0) == 0);

  std::vector<std::thread> threads;
  std::vector<int> successes(4, 0);
  for (int t = 0; t < 4; t++) {
    threads.emplace_back([&client, &successes, t] {
      for (int i = 0; i < 5; i++) {
        auto result = client.get_attr_code(std::nothrow, token, "email");
        if (result.ok() && result.value().request_id == "req-ok") successes[t]++;
      }
    });
  }
  for (auto &thread : threads) thread.join();
  for (int count : successes) CHECK(count == 5);
}

}  // namespace

int main() {
  clear_aws_environment();
  if (loopback_server_start(&server) != 0) {
    std::fprintf(stderr, "cannot start the loopback server\n");
    return 2;
  }
  endpoint = "http://127.0.0.1:" + std::to_string(server.port);
  {
    cognito::Client client = local_client();
    test_success(client);
    test_service_error_throws(client);
    test_non_throwing_overload(client);
    test_verify_attr(client);
  }
  test_config_errors();
  test_moves_and_threads();
  cognito::Client from_environment;  // settings from the (cleared) environment only
  CHECK(from_environment.get() != nullptr);
  loopback_server_stop(&server);
  std::printf("%d passed, %d failed\n", checks - failures, failures);
  return failures == 0 ? 0 : 1;
}
