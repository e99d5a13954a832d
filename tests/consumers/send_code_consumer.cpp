// The C++17 wrapper in a project built outside this one: send a code to a loopback server and
// print the request id of the successful call. Exit status 0 only if that worked.
#include <cstdio>
#include <cstdlib>
#include <string>

#include <cognito_attr_code.hpp>

#include "loopback_server.h"

int main() {
  unsetenv("AWS_PROFILE");
  setenv("AWS_CONFIG_FILE", "/nonexistent/cognito-attr-code/config", 1);
  loopback_server server;
  if (loopback_server_start(&server) != 0) return 2;
  int status = 1;
  try {
    cognito::Config config;
    config.endpoint_url("http://127.0.0.1:" + std::to_string(server.port)).region("us-east-1");
    cognito::Client client(config);
    cognito::Output sent = client.get_attr_code("eyJhbGciOiJub25lIn0.e30.sig", "email");
    std::printf("code sent to %s (request id %s)\n", sent.destination.value_or("(absent)").c_str(),
                sent.request_id.value_or("(absent)").c_str());
    if (sent.request_id == "req-ok") status = 0;
  } catch (const cognito::Error &error) {
    std::fprintf(stderr, "%s\n", error.what());
  }
  loopback_server_stop(&server);
  return status;
}
