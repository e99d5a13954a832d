//! Reading a control action's JSON arguments: an object whose every field is known, each of the
//! expected type; every message names the field.

use serde_json::{Map, Value};

use crate::error::FakeError;

/// A control action's arguments, checked against the fields the action accepts.
pub(crate) struct Arguments<'a> {
    fields: Option<&'a Map<String, Value>>,
}

impl<'a> Arguments<'a> {
    /// `args` must be an object (or `null`, read as `{}`) whose fields are all in `known`.
    pub(crate) fn new(args: &'a Value, known: &[&str]) -> Result<Self, FakeError> {
        let fields = match args {
            Value::Null => None,
            Value::Object(map) => Some(map),
            _ => return Err(FakeError::invalid("the arguments must be a JSON object")),
        };
        if let Some(unknown) = fields
            .into_iter()
            .flat_map(Map::keys)
            .find(|name| !known.contains(&name.as_str()))
        {
            return Err(FakeError::invalid(format!(
                "{unknown}: unknown field (expected one of: {})",
                known.join(", ")
            )));
        }
        Ok(Self { fields })
    }

    fn get(&self, name: &str) -> Option<&'a Value> {
        self.fields
            .and_then(|map| map.get(name))
            .filter(|value| !value.is_null())
    }

    pub(crate) fn string(&self, name: &str) -> Result<Option<&'a str>, FakeError> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text)),
            Some(_) => Err(FakeError::invalid(format!("{name}: must be a string"))),
        }
    }

    pub(crate) fn required_string(&self, name: &str) -> Result<&'a str, FakeError> {
        match self.string(name)? {
            Some(text) if !text.is_empty() => Ok(text),
            _ => Err(FakeError::invalid(format!(
                "{name}: required, a non-empty string"
            ))),
        }
    }

    pub(crate) fn bool_or(&self, name: &str, default: bool) -> Result<bool, FakeError> {
        match self.get(name) {
            None => Ok(default),
            Some(Value::Bool(flag)) => Ok(*flag),
            Some(_) => Err(FakeError::invalid(format!("{name}: must be true or false"))),
        }
    }

    /// A number ≥ 0 (integer or not).
    pub(crate) fn seconds(&self, name: &str) -> Result<Option<f64>, FakeError> {
        match self.get(name) {
            None => Ok(None),
            Some(value) => match value.as_f64() {
                Some(seconds) if seconds.is_finite() && seconds >= 0.0 => Ok(Some(seconds)),
                _ => Err(FakeError::invalid(format!(
                    "{name}: must be a number of seconds, 0 or more"
                ))),
            },
        }
    }

    /// An integer in `min..=max`.
    pub(crate) fn integer(&self, name: &str, min: u64, max: u64) -> Result<Option<u64>, FakeError> {
        match self.get(name) {
            None => Ok(None),
            Some(value) => match value.as_u64() {
                Some(number) if (min..=max).contains(&number) => Ok(Some(number)),
                _ => Err(FakeError::invalid(format!(
                    "{name}: must be an integer from {min} to {max}"
                ))),
            },
        }
    }

    /// An object of string values.
    pub(crate) fn string_map(&self, name: &str) -> Result<Vec<(&'a str, &'a str)>, FakeError> {
        match self.get(name) {
            None => Ok(Vec::new()),
            Some(Value::Object(map)) => map
                .iter()
                .map(|(key, value)| match value {
                    Value::String(text) => Ok((key.as_str(), text.as_str())),
                    _ => Err(FakeError::invalid(format!(
                        "{name}.{key}: must be a string"
                    ))),
                })
                .collect(),
            Some(_) => Err(FakeError::invalid(format!(
                "{name}: must be an object of strings"
            ))),
        }
    }
}
