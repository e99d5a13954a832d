//! The `**settings` keyword arguments into core `Settings`. Names are those of the Rust settings;
//! an unset (or `None`) value falls back to the environment, then the default.

use std::path::PathBuf;
use std::time::Duration;

use cognito_attr_code::{RetryMode, Settings};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyBool;

use crate::errors;

/// The keyword arguments of `Client(...)`, as received.
pub struct SettingsArgs<'py> {
    pub region: Option<String>,
    pub endpoint_url: Option<String>,
    pub connect_timeout: Option<f64>,
    pub read_timeout: Option<f64>,
    pub attempt_timeout: Option<f64>,
    pub operation_timeout: Option<f64>,
    pub max_attempts: Option<i64>,
    pub retry_mode: Option<String>,
    pub ca_bundle: Option<PathBuf>,
    /// `True`/`False`, or a CA bundle path as boto3's `verify=` accepts.
    pub verify: Option<Bound<'py, PyAny>>,
    pub allow_insecure_http: Option<bool>,
    pub use_fips_endpoint: Option<bool>,
    pub use_dualstack_endpoint: Option<bool>,
    pub retry_read_timeouts: Option<bool>,
    pub profile: Option<String>,
    pub proxy: Option<String>,
    pub validate_token: Option<bool>,
}

impl SettingsArgs<'_> {
    /// Core settings; invalid values raise `ConfigurationError` naming the setting.
    pub fn into_settings(self, py: Python<'_>) -> PyResult<Settings> {
        let version = py.version_info();
        let mut settings = Settings::new()
            .user_agent_suffix(format!("lang/python#{}.{}", version.major, version.minor));
        if let Some(region) = self.region {
            settings = settings.region(region);
        }
        if let Some(url) = self.endpoint_url {
            settings = settings.endpoint_url(url);
        }
        if let Some(seconds) = self.connect_timeout {
            settings = settings.connect_timeout(timeout(py, "connect_timeout", seconds)?);
        }
        if let Some(seconds) = self.read_timeout {
            settings = settings.read_timeout(timeout(py, "read_timeout", seconds)?);
        }
        if let Some(seconds) = self.attempt_timeout {
            settings = settings.attempt_timeout(timeout(py, "attempt_timeout", seconds)?);
        }
        if let Some(seconds) = self.operation_timeout {
            settings = settings.operation_timeout(timeout(py, "operation_timeout", seconds)?);
        }
        if let Some(attempts) = self.max_attempts {
            let attempts = u32::try_from(attempts)
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| {
                    errors::configuration(
                        py,
                        &format!("max_attempts={attempts}"),
                        "not a positive integer",
                    )
                })?;
            settings = settings.max_attempts(attempts);
        }
        if let Some(mode) = self.retry_mode {
            let parsed = RetryMode::parse(&mode).ok_or_else(|| {
                errors::configuration(
                    py,
                    &format!("retry_mode={mode}"),
                    "not one of standard, adaptive, legacy",
                )
            })?;
            settings = settings.retry_mode(parsed);
        }
        let bundle_from_verify = match &self.verify {
            None => None,
            Some(verify) if verify.is_instance_of::<PyBool>() => {
                settings = settings.verify_tls(verify.extract::<bool>()?);
                None
            }
            Some(verify) => Some(verify.extract::<PathBuf>().map_err(|_| {
                PyTypeError::new_err(format!(
                    "verify must be a bool or a CA bundle path, not {}",
                    verify
                        .get_type()
                        .name()
                        .map(|n| n.to_string())
                        .unwrap_or_default()
                ))
            })?),
        };
        match (self.ca_bundle, bundle_from_verify) {
            (Some(_), Some(_)) => {
                return Err(errors::configuration(
                    py,
                    "verify",
                    "a CA bundle path was given both as verify= and as ca_bundle=; give one",
                ))
            }
            (Some(path), None) | (None, Some(path)) => settings = settings.ca_bundle(path),
            (None, None) => {}
        }
        if let Some(allow) = self.allow_insecure_http {
            settings = settings.allow_insecure_http(allow);
        }
        if let Some(on) = self.use_fips_endpoint {
            settings = settings.use_fips_endpoint(on);
        }
        if let Some(on) = self.use_dualstack_endpoint {
            settings = settings.use_dualstack_endpoint(on);
        }
        if let Some(on) = self.retry_read_timeouts {
            settings = settings.retry_read_timeouts(on);
        }
        if let Some(profile) = self.profile {
            settings = settings.profile(profile);
        }
        if let Some(proxy) = self.proxy {
            settings = settings.proxy(proxy);
        }
        if let Some(on) = self.validate_token {
            settings = settings.validate_token(on);
        }
        Ok(settings)
    }
}

/// Seconds as a `Duration`; 0 means no timeout.
fn timeout(py: Python<'_>, setting: &str, seconds: f64) -> PyResult<Duration> {
    Duration::try_from_secs_f64(seconds).map_err(|_| {
        errors::configuration(
            py,
            &format!("{setting}={seconds}"),
            "not a finite, non-negative number of seconds",
        )
    })
}
