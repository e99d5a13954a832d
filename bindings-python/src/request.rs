//! Python arguments into the strings of a core request. Type errors are `TypeError`s that name the argument and
//! the type received, never the value: the value may be the access token.

use std::collections::BTreeMap;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyMapping, PyString};

use crate::errors;

/// `client_metadata` (any mapping of str to str; `None` when absent or `None`).
pub fn metadata(
    client_metadata: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<BTreeMap<String, String>>> {
    match client_metadata {
        Some(metadata) if !metadata.is_none() => metadata_map(metadata).map(Some),
        _ => Ok(None),
    }
}

fn metadata_map(metadata: &Bound<'_, PyAny>) -> PyResult<BTreeMap<String, String>> {
    let mapping = metadata.cast::<PyMapping>().map_err(|_| {
        PyTypeError::new_err(format!(
            "client_metadata must be a dict of str to str, not {}",
            type_name(metadata)
        ))
    })?;
    let mut map = BTreeMap::new();
    for item in mapping.items()?.iter() {
        let (key, value): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
        let key = text(&key, "client_metadata key")?;
        let value =
            text(&value, "client_metadata value").map_err(|e| with_key(metadata.py(), e, &key))?;
        map.insert(key, value);
    }
    Ok(map)
}

fn with_key(py: Python<'_>, error: PyErr, key: &str) -> PyErr {
    if error.is_instance_of::<PyTypeError>(py) {
        PyTypeError::new_err(format!("{} (key {key:?})", error.value(py)))
    } else {
        error
    }
}

/// A `str` argument as text (the core validates lengths and characters when the call runs).
pub fn text(value: &Bound<'_, PyAny>, argument: &str) -> PyResult<String> {
    let string = value.cast::<PyString>().map_err(|_| {
        PyTypeError::new_err(format!("{argument} must be str, not {}", type_name(value)))
    })?;
    // A lone surrogate cannot be encoded; the UnicodeEncodeError would hold the whole value.
    string.to_cow().map(|text| text.into_owned()).map_err(|_| {
        errors::invalid_argument(
            value.py(),
            argument,
            "is not valid Unicode text (it contains a lone surrogate)",
        )
    })
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|name| name.to_string())
        .unwrap_or_else(|_| "an unknown type".to_owned())
}
