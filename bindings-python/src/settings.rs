//! The `**settings` keyword arguments into core `Settings`. Names are those of the Rust settings;
//! an unset (or `None`) value falls back to the environment, then the default.

use std::path::PathBuf;
use std::time::Duration;

use std::fmt::Display;

use cognito_attr_code::{CommonSettings, InvalidValue, MaxAttempts, RetryMode, Settings};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyBool;

use crate::errors;

/// The keyword arguments of `Client(...)`, as received.
pub struct SettingsArgs<'py> {
    /// Region, endpoint, switches, profile and proxy: as the core takes them.
    pub common: CommonSettings,
    pub connect_timeout: Option<f64>,
    pub read_timeout: Option<f64>,
    pub attempt_timeout: Option<f64>,
    pub operation_timeout: Option<f64>,
    pub max_attempts: Option<i64>,
    pub retry_mode: Option<String>,
    pub ca_bundle: Option<PathBuf>,
    /// `True`/`False`, or a CA bundle path as boto3's `verify=` accepts.
    pub verify: Option<Bound<'py, PyAny>>,
}

impl SettingsArgs<'_> {
    /// Core settings; invalid values raise `ConfigurationError` naming the setting.
    pub fn into_settings(self, py: Python<'_>) -> PyResult<Settings> {
        let version = py.version_info();
        let mut settings = Settings::new()
            .user_agent_suffix(format!("lang/python#{}.{}", version.major, version.minor))
            .with_common(self.common);
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
            let valid = MaxAttempts::try_from(attempts)
                .map_err(|why| invalid(py, "max_attempts", attempts, why))?;
            settings = settings.max_attempts(valid.get());
        }
        if let Some(mode) = self.retry_mode {
            let parsed = mode
                .parse::<RetryMode>()
                .map_err(|why| invalid(py, "retry_mode", &mode, why))?;
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
        Ok(settings)
    }
}

/// A `ConfigurationError` whose `setting` is `name=value`, as the core names environment values.
fn invalid(py: Python<'_>, name: &str, value: impl Display, why: InvalidValue) -> PyErr {
    errors::configuration(py, &format!("{name}={value}"), &why.to_string())
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
