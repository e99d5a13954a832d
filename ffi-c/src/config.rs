//! `cognito_config`: an opaque builder of client settings, so that new settings never change the
//! ABI. Anything not set comes from the environment (`AWS_REGION`, ...) or defaults.

use std::ffi::c_char;
use std::time::Duration;

use crate::boundary::{guard, required_str};
use crate::error::ArgumentError;
use crate::{cognito_error, cognito_status};

/// Opaque client settings. Create with `cognito_config_new`, free with `cognito_config_free`.
/// Not thread-safe while being modified; `cognito_client_new` copies it.
#[allow(non_camel_case_types)]
pub struct cognito_config {
    pub(crate) settings: cognito_core::Settings,
}

/// A new, empty configuration. The caller owns it: free with `cognito_config_free`.
/// Returns NULL only if a bug was caught.
#[no_mangle]
pub extern "C" fn cognito_config_new() -> *mut cognito_config {
    std::panic::catch_unwind(|| {
        Box::into_raw(Box::new(cognito_config {
            settings: cognito_core::Settings::new().user_agent_suffix("lang/c"),
        }))
    })
    .unwrap_or(std::ptr::null_mut())
}

/// Frees a configuration. NULL is fine.
///
/// # Safety
/// `config` is NULL or came from `cognito_config_new` and was not freed.
#[no_mangle]
pub unsafe extern "C" fn cognito_config_free(config: *mut cognito_config) {
    if !config.is_null() {
        crate::no_unwind::quietly(|| drop(Box::from_raw(config)));
    }
}

/// Applies `change` to the settings. On failure `*error_out` (when not NULL) says which setting
/// was refused and why, and the configuration is unchanged.
unsafe fn update(
    config: *mut cognito_config,
    error_out: *mut cognito_error,
    change: impl FnOnce(cognito_core::Settings) -> Result<cognito_core::Settings, ArgumentError>,
) -> cognito_status {
    guard(error_out, || {
        let Some(config) = config.as_mut() else {
            return ArgumentError::new("config", "is NULL").report(error_out);
        };
        match change(config.settings.clone()) {
            Ok(settings) => {
                config.settings = settings;
                cognito_status::COGNITO_OK
            }
            Err(e) => e.report(error_out),
        }
    })
}

/// AWS region, e.g. `"eu-west-1"` (overrides `AWS_REGION` / `AWS_DEFAULT_REGION`).
///
/// The string is copied. Returns `COGNITO_INVALID_ARGUMENT` for a NULL `config` or `value`, or a
/// value that is not UTF-8, and then writes `*error_out` (when not NULL; free with
/// `cognito_error_free`) naming the setting.
///
/// # Safety
/// `config` is NULL or valid; `value` is NULL or a NUL-terminated string; `error_out` is NULL or
/// valid for writes.
#[no_mangle]
pub unsafe extern "C" fn cognito_config_set_region(
    config: *mut cognito_config,
    value: *const c_char,
    error_out: *mut cognito_error,
) -> cognito_status {
    update(config, error_out, |s| {
        let v = required_str(value, "region")?;
        Ok(s.region(v))
    })
}

/// Custom endpoint URL, e.g. `"http://127.0.0.1:9229"` (overrides `AWS_ENDPOINT_URL*`).
///
/// The string is copied. Returns `COGNITO_INVALID_ARGUMENT` for a NULL `config` or `value`, or a
/// value that is not UTF-8, and then writes `*error_out` (when not NULL; free with
/// `cognito_error_free`) naming the setting.
///
/// # Safety
/// `config` is NULL or valid; `value` is NULL or a NUL-terminated string; `error_out` is NULL or
/// valid for writes.
#[no_mangle]
pub unsafe extern "C" fn cognito_config_set_endpoint_url(
    config: *mut cognito_config,
    value: *const c_char,
    error_out: *mut cognito_error,
) -> cognito_status {
    update(config, error_out, |s| {
        let v = required_str(value, "endpoint_url")?;
        Ok(s.endpoint_url(v))
    })
}

/// PEM file of CA certificates to trust instead of the system store (overrides
/// `AWS_CA_BUNDLE`).
///
/// The string is copied. Returns `COGNITO_INVALID_ARGUMENT` for a NULL `config` or `value`, or a
/// value that is not UTF-8, and then writes `*error_out` (when not NULL; free with
/// `cognito_error_free`) naming the setting.
///
/// # Safety
/// `config` is NULL or valid; `value` is NULL or a NUL-terminated string; `error_out` is NULL or
/// valid for writes.
#[no_mangle]
pub unsafe extern "C" fn cognito_config_set_ca_bundle(
    config: *mut cognito_config,
    value: *const c_char,
    error_out: *mut cognito_error,
) -> cognito_status {
    update(config, error_out, |s| {
        let v = required_str(value, "ca_bundle")?;
        Ok(s.ca_bundle(v))
    })
}

/// Retry mode: `"standard"` (default), `"adaptive"` (standard plus a client-side rate limiter
/// after throttling), or `"legacy"` (treated as standard).
///
/// The string is copied. Returns `COGNITO_INVALID_ARGUMENT` for a NULL `config` or `value`, a
/// value that is not UTF-8, or another mode name, and then writes `*error_out` (when not NULL; free with
/// `cognito_error_free`) naming the setting.
///
/// # Safety
/// `config` is NULL or valid; `value` is NULL or a NUL-terminated string; `error_out` is NULL or
/// valid for writes.
#[no_mangle]
pub unsafe extern "C" fn cognito_config_set_retry_mode(
    config: *mut cognito_config,
    value: *const c_char,
    error_out: *mut cognito_error,
) -> cognito_status {
    update(config, error_out, |s| {
        let mode = required_str(value, "retry_mode")?
            .parse::<cognito_core::RetryMode>()
            .map_err(|why| ArgumentError::new("retry_mode", why))?;
        Ok(s.retry_mode(mode))
    })
}

/// Profile of the shared AWS config file to read (overrides `AWS_PROFILE`; default `default`).
///
/// The string is copied. Returns `COGNITO_INVALID_ARGUMENT` for a NULL `config` or `value`, or a
/// value that is not UTF-8, and then writes `*error_out` (when not NULL; free with
/// `cognito_error_free`) naming the setting.
///
/// # Safety
/// `config` is NULL or valid; `value` is NULL or a NUL-terminated string; `error_out` is NULL or
/// valid for writes.
#[no_mangle]
pub unsafe extern "C" fn cognito_config_set_profile(
    config: *mut cognito_config,
    value: *const c_char,
    error_out: *mut cognito_error,
) -> cognito_status {
    update(config, error_out, |s| {
        let v = required_str(value, "profile")?;
        Ok(s.profile(v))
    })
}

/// Proxy URL `http://[user:password@]host:port` for every request (overrides `HTTPS_PROXY` /
/// `HTTP_PROXY`; `NO_PROXY` still applies).
///
/// The string is copied. Returns `COGNITO_INVALID_ARGUMENT` for a NULL `config` or `value`, or a
/// value that is not UTF-8, and then writes `*error_out` (when not NULL; free with
/// `cognito_error_free`) naming the setting.
///
/// # Safety
/// `config` is NULL or valid; `value` is NULL or a NUL-terminated string; `error_out` is NULL or
/// valid for writes.
#[no_mangle]
pub unsafe extern "C" fn cognito_config_set_proxy(
    config: *mut cognito_config,
    value: *const c_char,
    error_out: *mut cognito_error,
) -> cognito_status {
    update(config, error_out, |s| {
        let v = required_str(value, "proxy")?;
        Ok(s.proxy(v))
    })
}

/// Connect timeout in milliseconds; 0 means none. Default 60000.
///
/// Returns `COGNITO_INVALID_ARGUMENT` for a NULL `config`, and then writes `*error_out` (when not
/// NULL; free with `cognito_error_free`).
///
/// # Safety
/// `config` is NULL or valid; `error_out` is NULL or valid for writes.
#[no_mangle]
pub unsafe extern "C" fn cognito_config_set_connect_timeout_ms(
    config: *mut cognito_config,
    value: u64,
    error_out: *mut cognito_error,
) -> cognito_status {
    update(config, error_out, |s| {
        Ok(s.connect_timeout(Duration::from_millis(value)))
    })
}

/// Read timeout in milliseconds; 0 means none. Default 60000.
///
/// Returns `COGNITO_INVALID_ARGUMENT` for a NULL `config`, and then writes `*error_out` (when not
/// NULL; free with `cognito_error_free`).
///
/// # Safety
/// `config` is NULL or valid; `error_out` is NULL or valid for writes.
#[no_mangle]
pub unsafe extern "C" fn cognito_config_set_read_timeout_ms(
    config: *mut cognito_config,
    value: u64,
    error_out: *mut cognito_error,
) -> cognito_status {
    update(config, error_out, |s| {
        Ok(s.read_timeout(Duration::from_millis(value)))
    })
}

/// Deadline of one attempt in milliseconds (connect, send, the whole response), however steadily
/// bytes arrive; 0 means none. Default: connect timeout + read timeout (or `AWS_ATTEMPT_TIMEOUT`
/// seconds, or the profile's `attempt_timeout`).
///
/// Returns `COGNITO_INVALID_ARGUMENT` for a NULL `config`, and then writes `*error_out` (when not
/// NULL; free with `cognito_error_free`).
///
/// # Safety
/// `config` is NULL or valid; `error_out` is NULL or valid for writes.
#[no_mangle]
pub unsafe extern "C" fn cognito_config_set_attempt_timeout_ms(
    config: *mut cognito_config,
    value: u64,
    error_out: *mut cognito_error,
) -> cognito_status {
    update(config, error_out, |s| {
        Ok(s.attempt_timeout(Duration::from_millis(value)))
    })
}

/// Deadline of a whole call in milliseconds: every attempt and every wait between attempts;
/// 0 means none. Default none (or `AWS_OPERATION_TIMEOUT` seconds, or the profile's
/// `operation_timeout`).
///
/// Returns `COGNITO_INVALID_ARGUMENT` for a NULL `config`, and then writes `*error_out` (when not
/// NULL; free with `cognito_error_free`).
///
/// # Safety
/// `config` is NULL or valid; `error_out` is NULL or valid for writes.
#[no_mangle]
pub unsafe extern "C" fn cognito_config_set_operation_timeout_ms(
    config: *mut cognito_config,
    value: u64,
    error_out: *mut cognito_error,
) -> cognito_status {
    update(config, error_out, |s| {
        Ok(s.operation_timeout(Duration::from_millis(value)))
    })
}

/// Attempts per call including the first; must be at least 1. Default 3 (or `AWS_MAX_ATTEMPTS`).
///
/// Returns `COGNITO_INVALID_ARGUMENT` for a NULL `config` or 0 ("max_attempts: must be at least
/// 1"), and then writes `*error_out` (when not
/// NULL; free with `cognito_error_free`).
///
/// # Safety
/// `config` is NULL or valid; `error_out` is NULL or valid for writes.
#[no_mangle]
pub unsafe extern "C" fn cognito_config_set_max_attempts(
    config: *mut cognito_config,
    value: u32,
    error_out: *mut cognito_error,
) -> cognito_status {
    update(config, error_out, |s| {
        let attempts = cognito_core::MaxAttempts::new(value)
            .map_err(|why| ArgumentError::new("max_attempts", why))?;
        Ok(s.max_attempts(attempts.get()))
    })
}

/// `false` disables TLS certificate verification (a warning is logged). Default `true`.
///
/// Returns `COGNITO_INVALID_ARGUMENT` for a NULL `config`, and then writes `*error_out` (when not
/// NULL; free with `cognito_error_free`).
///
/// # Safety
/// `config` is NULL or valid; `error_out` is NULL or valid for writes.
#[no_mangle]
pub unsafe extern "C" fn cognito_config_set_verify_tls(
    config: *mut cognito_config,
    value: bool,
    error_out: *mut cognito_error,
) -> cognito_status {
    update(config, error_out, |s| Ok(s.verify_tls(value)))
}

/// Allow `http://` endpoints on non-loopback hosts. Default `false`.
///
/// Returns `COGNITO_INVALID_ARGUMENT` for a NULL `config`, and then writes `*error_out` (when not
/// NULL; free with `cognito_error_free`).
///
/// # Safety
/// `config` is NULL or valid; `error_out` is NULL or valid for writes.
#[no_mangle]
pub unsafe extern "C" fn cognito_config_set_allow_insecure_http(
    config: *mut cognito_config,
    value: bool,
    error_out: *mut cognito_error,
) -> cognito_status {
    update(config, error_out, |s| Ok(s.allow_insecure_http(value)))
}

/// Use the region's FIPS endpoint. Default `false` (or `AWS_USE_FIPS_ENDPOINT`).
///
/// Returns `COGNITO_INVALID_ARGUMENT` for a NULL `config`, and then writes `*error_out` (when not
/// NULL; free with `cognito_error_free`).
///
/// # Safety
/// `config` is NULL or valid; `error_out` is NULL or valid for writes.
#[no_mangle]
pub unsafe extern "C" fn cognito_config_set_use_fips_endpoint(
    config: *mut cognito_config,
    value: bool,
    error_out: *mut cognito_error,
) -> cognito_status {
    update(config, error_out, |s| Ok(s.use_fips_endpoint(value)))
}

/// Use the region's dual-stack endpoint. Default `false` (or `AWS_USE_DUALSTACK_ENDPOINT`).
///
/// Returns `COGNITO_INVALID_ARGUMENT` for a NULL `config`, and then writes `*error_out` (when not
/// NULL; free with `cognito_error_free`).
///
/// # Safety
/// `config` is NULL or valid; `error_out` is NULL or valid for writes.
#[no_mangle]
pub unsafe extern "C" fn cognito_config_set_use_dualstack_endpoint(
    config: *mut cognito_config,
    value: bool,
    error_out: *mut cognito_error,
) -> cognito_status {
    update(config, error_out, |s| Ok(s.use_dualstack_endpoint(value)))
}

/// Retry after a read timeout. Default `false`: the first request may have sent a code.
///
/// Returns `COGNITO_INVALID_ARGUMENT` for a NULL `config`, and then writes `*error_out` (when not
/// NULL; free with `cognito_error_free`).
///
/// # Safety
/// `config` is NULL or valid; `error_out` is NULL or valid for writes.
#[no_mangle]
pub unsafe extern "C" fn cognito_config_set_retry_read_timeouts(
    config: *mut cognito_config,
    value: bool,
    error_out: *mut cognito_error,
) -> cognito_status {
    update(config, error_out, |s| Ok(s.retry_read_timeouts(value)))
}

/// Check the access token locally before sending it (a JWT, `token_use` "access", the admin scope,
/// not expired). Default `false`: the server is authoritative.
///
/// Returns `COGNITO_INVALID_ARGUMENT` for a NULL `config`, and then writes `*error_out` (when not
/// NULL; free with `cognito_error_free`).
///
/// # Safety
/// `config` is NULL or valid; `error_out` is NULL or valid for writes.
#[no_mangle]
pub unsafe extern "C" fn cognito_config_set_validate_token(
    config: *mut cognito_config,
    value: bool,
    error_out: *mut cognito_error,
) -> cognito_status {
    update(config, error_out, |s| Ok(s.validate_token(value)))
}
