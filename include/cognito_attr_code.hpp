// cognito-attr-code for C++17: a header-only wrapper over the C API in cognito_attr_code.h.
//
//   cognito::Config config;
//   config.region("eu-west-1").read_timeout(std::chrono::milliseconds(5000));
//   cognito::Client client(config);
//   cognito::Output sent = client.get_attr_code(access_token, "email");   // throws cognito::Error
//   auto result = client.get_attr_code(std::nothrow, access_token, "email");  // never throws it
//   client.verify_attr(access_token, "email", code_the_user_typed);           // throws cognito::Error
//
// Every object owns its C handle (RAII, move-only) and frees it on every path, exceptions
// included. Strings the service may omit are std::optional. Link with the C library as usual
// (pkg-config cognito_attr_code, or CMake CognitoAttrCode::cognito_attr_code).
#ifndef COGNITO_ATTR_CODE_HPP
#define COGNITO_ATTR_CODE_HPP

// One clear error instead of dozens from std::optional and friends (MSVC reports the standard
// in _MSVC_LANG unless /Zc:__cplusplus is given).
#if __cplusplus < 201703L && !(defined(_MSVC_LANG) && _MSVC_LANG >= 201703L)
#error "cognito_attr_code.hpp requires C++17 (e.g. -std=c++17); from C++14 or older use the C API in cognito_attr_code.h"
#else

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "cognito_attr_code.h"

namespace cognito {

/// A failed call or a refused setting: the C `cognito_error`, owned.
class Error : public std::runtime_error {
 public:
  Error(cognito_status status, std::string code, std::string message, std::optional<std::string> request_id,
        std::uint16_t http_status, std::optional<std::string> cause = std::nullopt,
        std::optional<std::string> hint = std::nullopt)
      : std::runtime_error(code + ": " + message),
        status_(status),
        code_(std::move(code)),
        message_(std::move(message)),
        request_id_(std::move(request_id)),
        http_status_(http_status),
        cause_(std::move(cause)),
        hint_(std::move(hint)) {}

  /// The `cognito_status` the C call returned, e.g. `COGNITO_NOT_AUTHORIZED`.
  cognito_status status() const noexcept { return status_; }
  /// The service's error code (e.g. "NotAuthorizedException") or a local kind ("InvalidArgument", ...).
  const std::string &code() const noexcept { return code_; }
  /// The human-readable message; never contains the access token.
  const std::string &message() const noexcept { return message_; }
  /// The service's request id, when there was a response carrying one.
  const std::optional<std::string> &request_id() const noexcept { return request_id_; }
  /// The HTTP status of the response, or 0 when there was none.
  std::uint16_t http_status() const noexcept { return http_status_; }
  /// Why it happened, a stable snake_case identifier (e.g. "per_user_limit"), when recognised.
  const std::optional<std::string> &cause() const noexcept { return cause_; }
  /// One sentence saying what to do; present exactly when cause() is.
  const std::optional<std::string> &hint() const noexcept { return hint_; }

 private:
  cognito_status status_;
  std::string code_;
  std::string message_;
  std::optional<std::string> request_id_;
  std::uint16_t http_status_;
  std::optional<std::string> cause_;
  std::optional<std::string> hint_;
};

/// The result of a successful call.
struct Output {
  /// Masked destination, e.g. "a***@e***.com".
  std::optional<std::string> destination;
  /// "EMAIL", "SMS", or any other value the service sent.
  std::optional<std::string> delivery_medium;
  /// The attribute the code verifies, e.g. "email".
  std::optional<std::string> attribute_name;
  /// The service's request id (x-amzn-RequestId).
  std::optional<std::string> request_id;
  /// The HTTP status (2xx).
  std::uint16_t http_status = 0;
  /// HTTP attempts made (1 when the first succeeded).
  std::uint32_t attempts = 0;
};

/// Either a value or the Error, for the non-throwing calls.
template <class T>
class Result {
 public:
  explicit Result(T value) : outcome_(std::move(value)) {}
  explicit Result(Error error) : outcome_(std::move(error)) {}

  bool ok() const noexcept { return outcome_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }
  /// The value; throws the Error when the call failed.
  const T &value() const & {
    if (!ok()) throw std::get<Error>(outcome_);
    return std::get<T>(outcome_);
  }
  T value() && {
    if (!ok()) throw std::get<Error>(std::move(outcome_));
    return std::get<T>(std::move(outcome_));
  }
  /// The error; throws std::logic_error when the call succeeded.
  const Error &error() const {
    if (ok()) throw std::logic_error("cognito::Result::error() called on a success");
    return std::get<Error>(outcome_);
  }

 private:
  std::variant<T, Error> outcome_;
};

namespace detail {

inline std::optional<std::string> optional_string(const char *text) {
  if (text == nullptr) return std::nullopt;
  return std::string(text);
}

/// Turns a written `cognito_error` into an Error and frees its strings, also if copying throws.
inline Error take_error(cognito_status status, cognito_error &raw) {
  struct release {
    cognito_error &error;
    ~release() { cognito_error_free(&error); }
  } released{raw};
  return Error(status, raw.code ? raw.code : cognito_status_name(status), raw.message ? raw.message : "",
               optional_string(raw.request_id), raw.http_status, optional_string(raw.cause),
               optional_string(raw.hint));
}

/// `text` for the C API, or an InvalidArgument Error if it holds a NUL byte (C would cut it there).
inline std::optional<Error> nul_error(const std::string &text, const char *argument) {
  if (text.find('\0') == std::string::npos) return std::nullopt;
  return Error(COGNITO_INVALID_ARGUMENT, "InvalidArgument", std::string(argument) + ": contains a NUL byte",
               std::nullopt, 0);
}

/// Runs a C setter or constructor taking a trailing `cognito_error *`; throws on failure.
template <class Call>
void check(Call call) {
  cognito_error raw = COGNITO_ERROR_INIT;
  cognito_status status = call(&raw);
  if (status != COGNITO_OK) throw take_error(status, raw);
}

inline std::uint64_t milliseconds(std::chrono::milliseconds value, const char *argument) {
  if (value.count() < 0)
    throw Error(COGNITO_INVALID_ARGUMENT, "InvalidArgument", std::string(argument) + ": is negative",
                std::nullopt, 0);
  return static_cast<std::uint64_t>(value.count());
}

/// Frees a C handle with its `_free` function: members of this type make Config, Client and
/// Output handles move-only and released on every path.
template <class T, void (*Free)(T *)>
struct deleter {
  void operator()(T *handle) const noexcept { Free(handle); }
};
template <class T, void (*Free)(T *)>
using owned = std::unique_ptr<T, deleter<T, Free>>;

}  // namespace detail

/// Client settings; anything not set comes from the environment or defaults. Setters throw Error
/// naming the refused setting. Move-only; not for use from two threads at once.
class Config {
 public:
  Config() : handle_(cognito_config_new()) {
    if (!handle_) throw std::bad_alloc();
  }

  Config &region(const std::string &value) { return text(cognito_config_set_region, value, "region"); }
  Config &endpoint_url(const std::string &value) {
    return text(cognito_config_set_endpoint_url, value, "endpoint_url");
  }
  Config &ca_bundle(const std::string &path) { return text(cognito_config_set_ca_bundle, path, "ca_bundle"); }
  /// "standard", "adaptive" or "legacy".
  Config &retry_mode(const std::string &value) { return text(cognito_config_set_retry_mode, value, "retry_mode"); }
  Config &profile(const std::string &value) { return text(cognito_config_set_profile, value, "profile"); }
  Config &proxy(const std::string &url) { return text(cognito_config_set_proxy, url, "proxy"); }
  /// 0 means no timeout.
  Config &connect_timeout(std::chrono::milliseconds value) {
    std::uint64_t ms = detail::milliseconds(value, "connect_timeout");
    detail::check([&](cognito_error *e) { return cognito_config_set_connect_timeout_ms(handle_.get(), ms, e); });
    return *this;
  }
  /// 0 means no timeout.
  Config &read_timeout(std::chrono::milliseconds value) {
    std::uint64_t ms = detail::milliseconds(value, "read_timeout");
    detail::check([&](cognito_error *e) { return cognito_config_set_read_timeout_ms(handle_.get(), ms, e); });
    return *this;
  }
  /// One attempt end to end (connect, send, the whole response); 0 means none.
  Config &attempt_timeout(std::chrono::milliseconds value) {
    std::uint64_t ms = detail::milliseconds(value, "attempt_timeout");
    detail::check([&](cognito_error *e) { return cognito_config_set_attempt_timeout_ms(handle_.get(), ms, e); });
    return *this;
  }
  /// The whole call, every attempt and wait between attempts; 0 means none.
  Config &operation_timeout(std::chrono::milliseconds value) {
    std::uint64_t ms = detail::milliseconds(value, "operation_timeout");
    detail::check([&](cognito_error *e) { return cognito_config_set_operation_timeout_ms(handle_.get(), ms, e); });
    return *this;
  }
  /// At least 1.
  Config &max_attempts(std::uint32_t value) {
    detail::check([&](cognito_error *e) { return cognito_config_set_max_attempts(handle_.get(), value, e); });
    return *this;
  }
  Config &verify_tls(bool on) { return flag(cognito_config_set_verify_tls, on); }
  Config &allow_insecure_http(bool on) { return flag(cognito_config_set_allow_insecure_http, on); }
  Config &use_fips_endpoint(bool on) { return flag(cognito_config_set_use_fips_endpoint, on); }
  Config &use_dualstack_endpoint(bool on) { return flag(cognito_config_set_use_dualstack_endpoint, on); }
  Config &retry_read_timeouts(bool on) { return flag(cognito_config_set_retry_read_timeouts, on); }
  Config &validate_token(bool on) { return flag(cognito_config_set_validate_token, on); }

  /// The C handle, still owned by this object (NULL once moved from).
  const cognito_config *get() const noexcept { return handle_.get(); }

 private:
  using text_setter = cognito_status (*)(cognito_config *, const char *, cognito_error *);
  using flag_setter = cognito_status (*)(cognito_config *, bool, cognito_error *);

  Config &text(text_setter setter, const std::string &value, const char *argument) {
    if (auto error = detail::nul_error(value, argument)) throw *error;
    detail::check([&](cognito_error *e) { return setter(handle_.get(), value.c_str(), e); });
    return *this;
  }
  Config &flag(flag_setter setter, bool on) {
    detail::check([&](cognito_error *e) { return setter(handle_.get(), on, e); });
    return *this;
  }

  detail::owned<cognito_config, cognito_config_free> handle_;
};

/// A reusable client (one connection pool). Thread-safe: share one Client between threads.
/// Move-only.
class Client {
 public:
  /// Settings from the environment and defaults only.
  Client() : handle_(create(nullptr)) {}
  explicit Client(const Config &config) : handle_(create(&config)) {}

  /// Sends the verification code; throws Error on any failure.
  Output get_attr_code(const std::string &access_token, const std::string &attribute_name,
                       const std::map<std::string, std::string> &client_metadata = {}) const {
    return get_attr_code(std::nothrow, access_token, attribute_name, client_metadata).value();
  }

  /// Sends the verification code; a failure is returned in the Result, not thrown (only
  /// std::bad_alloc can escape).
  Result<Output> get_attr_code(std::nothrow_t, const std::string &access_token, const std::string &attribute_name,
                               const std::map<std::string, std::string> &client_metadata = {}) const {
    if (auto error = detail::nul_error(access_token, "access_token")) return Result<Output>(std::move(*error));
    if (auto error = detail::nul_error(attribute_name, "attribute_name")) return Result<Output>(std::move(*error));
    std::vector<cognito_metadata_entry> entries;
    entries.reserve(client_metadata.size());
    for (const auto &entry : client_metadata) {
      if (auto error = detail::nul_error(entry.first, "client_metadata key")) return Result<Output>(std::move(*error));
      if (auto error = detail::nul_error(entry.second, "client_metadata value"))
        return Result<Output>(std::move(*error));
      entries.push_back(cognito_metadata_entry{entry.first.c_str(), entry.second.c_str()});
    }
    cognito_output *raw = nullptr;
    cognito_error raw_error = COGNITO_ERROR_INIT;
    cognito_status status =
        cognito_client_get_attr_code_output(handle_.get(), access_token.c_str(), attribute_name.c_str(), entries.data(),
                                            entries.size(), &raw, &raw_error);
    if (status != COGNITO_OK) return Result<Output>(detail::take_error(status, raw_error));
    detail::owned<cognito_output, cognito_output_free> owned(raw);
    Output output;
    output.destination = detail::optional_string(cognito_output_destination(raw));
    output.delivery_medium = detail::optional_string(cognito_output_delivery_medium(raw));
    output.attribute_name = detail::optional_string(cognito_output_attribute_name(raw));
    output.request_id = detail::optional_string(cognito_output_request_id(raw));
    output.http_status = cognito_output_http_status(raw);
    output.attempts = cognito_output_attempts(raw);
    return Result<Output>(std::move(output));
  }

  /// Submits the verification code the user received; on return the attribute is verified.
  /// Throws Error on any failure (a wrong code: status COGNITO_CODE_MISMATCH).
  void verify_attr(const std::string &access_token, const std::string &attribute_name,
                   const std::string &code) const {
    if (auto error = verify_attr(std::nothrow, access_token, attribute_name, code)) throw std::move(*error);
  }

  /// Submits the verification code; returns the Error on failure and nothing on success (only
  /// std::bad_alloc can escape).
  std::optional<Error> verify_attr(std::nothrow_t, const std::string &access_token, const std::string &attribute_name,
                                   const std::string &code) const {
    if (auto error = detail::nul_error(access_token, "access_token")) return error;
    if (auto error = detail::nul_error(attribute_name, "attribute_name")) return error;
    if (auto error = detail::nul_error(code, "code")) return error;
    cognito_error raw_error = COGNITO_ERROR_INIT;
    cognito_status status =
        cognito_client_verify_attr(handle_.get(), access_token.c_str(), attribute_name.c_str(), code.c_str(), &raw_error);
    if (status != COGNITO_OK) return detail::take_error(status, raw_error);
    return std::nullopt;
  }

  /// The endpoint URL requests go to, without sending anything; throws Error (e.g. no region).
  std::string endpoint_url() const {
    char *raw = nullptr;
    detail::check([&](cognito_error *e) { return cognito_client_endpoint_url(handle_.get(), &raw, e); });
    detail::owned<char, cognito_string_free> owned(raw);
    return std::string(raw);
  }

  /// The C handle, still owned by this object (NULL once moved from).
  const cognito_client *get() const noexcept { return handle_.get(); }

 private:
  static cognito_client *create(const Config *config) {
    if (config != nullptr && config->get() == nullptr)
      throw Error(COGNITO_INVALID_ARGUMENT, "InvalidArgument", "config: was moved from", std::nullopt, 0);
    cognito_client *client = nullptr;
    detail::check([&](cognito_error *e) { return cognito_client_new(config ? config->get() : nullptr, &client, e); });
    return client;
  }

  detail::owned<cognito_client, cognito_client_free> handle_;
};

}  // namespace cognito

#endif  // C++17
#endif  // COGNITO_ATTR_CODE_HPP
