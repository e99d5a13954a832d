//! The settings dict into core `Settings`, row by row of the core's settings table: each value is
//! converted by its kind, so a setting added to the table needs only its keyword in
//! `spelling.rs`. `None` leaves a setting to the environment.

use std::path::PathBuf;
use std::time::Duration;

use cognito_attr_code::{SettingId, SettingKind, SettingValue, Settings};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyString};

use crate::errors;
use crate::spelling::PySpelling;

/// The Python names of every setting, in table order.
pub fn names() -> Vec<String> {
    SettingId::ALL
        .iter()
        .map(|&setting| PySpelling::keyword(setting).to_owned())
        .collect()
}

/// Core settings from the keyword arguments `settings` given to `caller` (named in errors):
/// an unknown keyword or a wrong type is a `TypeError`, an invalid value a `ConfigurationError`,
/// each naming the setting.
pub fn from_python(
    py: Python<'_>,
    settings: Option<&Bound<'_, PyDict>>,
    caller: &str,
) -> PyResult<Settings> {
    let version = py.version_info();
    let mut core = Settings::new()
        .user_agent_suffix(format!("lang/python#{}.{}", version.major, version.minor));
    let Some(settings) = settings else {
        return Ok(core);
    };
    let mut bundle_from_verify = None;
    let mut bundle_given = false;
    for (key, value) in settings.iter() {
        let name: String = key.extract()?;
        let setting = SettingId::ALL
            .iter()
            .copied()
            .find(|&setting| PySpelling::keyword(setting) == name)
            .ok_or_else(|| {
                PyTypeError::new_err(format!(
                    "{caller}() got an unexpected keyword argument '{name}'"
                ))
            })?;
        if value.is_none() {
            continue;
        }
        if setting == SettingId::VerifyTls && !value.is_instance_of::<PyBool>() {
            // boto3's `verify=` also takes a CA bundle path.
            bundle_from_verify = Some(path(&name, &value, "a bool or a CA bundle path")?);
            continue;
        }
        bundle_given |= setting == SettingId::CaBundle;
        let converted = convert(py, setting, &name, &value)?;
        core = core.set(setting, converted).map_err(|why| {
            errors::configuration(py, &format!("{name}={value}"), &why.to_string())
        })?;
    }
    if let Some(path) = bundle_from_verify {
        if bundle_given {
            return Err(errors::configuration(
                py,
                "verify",
                "a CA bundle path was given both as verify= and as ca_bundle=; give one",
            ));
        }
        core = core.ca_bundle(path);
    }
    Ok(core)
}

/// `value` as the core type of `setting`'s kind, or a `TypeError` naming the setting.
fn convert(
    py: Python<'_>,
    setting: SettingId,
    name: &str,
    value: &Bound<'_, PyAny>,
) -> PyResult<SettingValue> {
    Ok(match setting.kind() {
        SettingKind::Text => SettingValue::Text(text(name, value)?),
        SettingKind::RetryMode => SettingValue::RetryMode(text(name, value)?),
        SettingKind::Path => SettingValue::Path(path(name, value, "a str or os.PathLike")?),
        SettingKind::Switch => {
            if !value.is_instance_of::<PyBool>() {
                return Err(wrong_type(name, "bool", value));
            }
            SettingValue::Switch(value.extract()?)
        }
        SettingKind::Attempts => {
            // bool is an int subclass: `max_attempts=True` must not mean 1.
            if !value.is_instance_of::<PyInt>() || value.is_instance_of::<PyBool>() {
                return Err(wrong_type(name, "int", value));
            }
            let attempts: i64 = value.extract().map_err(|_| {
                errors::configuration(py, &format!("{name}={value}"), "out of range")
            })?;
            SettingValue::Attempts(attempts)
        }
        SettingKind::Duration => {
            let number = value.is_instance_of::<PyFloat>()
                || (value.is_instance_of::<PyInt>() && !value.is_instance_of::<PyBool>());
            if !number {
                return Err(wrong_type(
                    name,
                    "a number of seconds (int or float)",
                    value,
                ));
            }
            let seconds: f64 = value.extract()?;
            SettingValue::Duration(Duration::try_from_secs_f64(seconds).map_err(|_| {
                errors::configuration(
                    py,
                    &format!("{name}={seconds}"),
                    "not a finite, non-negative number of seconds",
                )
            })?)
        }
    })
}

fn text(name: &str, value: &Bound<'_, PyAny>) -> PyResult<String> {
    if !value.is_instance_of::<PyString>() {
        return Err(wrong_type(name, "str", value));
    }
    value.extract()
}

fn path(name: &str, value: &Bound<'_, PyAny>, expected: &str) -> PyResult<PathBuf> {
    if value.is_instance_of::<PyBool>() {
        return Err(wrong_type(name, expected, value));
    }
    value
        .extract::<PathBuf>()
        .map_err(|_| wrong_type(name, expected, value))
}

/// `TypeError: region must be str, not int` (the type only: never the value).
fn wrong_type(name: &str, expected: &str, value: &Bound<'_, PyAny>) -> PyErr {
    let received = value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    PyTypeError::new_err(format!("{name} must be {expected}, not {received}"))
}
