//! Where environment variables come from: the process, or a map a test controls.

use std::collections::HashMap;

/// A source of environment variables. An empty value counts as unset, as in the AWS SDKs.
pub trait Environment {
    /// The value of `name`, if set and not empty.
    fn var(&self, name: &str) -> Option<String>;
}

/// The process environment.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProcessEnvironment;

impl Environment for ProcessEnvironment {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    }
}

impl<K: std::borrow::Borrow<str> + std::hash::Hash + Eq, V: AsRef<str>> Environment
    for HashMap<K, V>
{
    fn var(&self, name: &str) -> Option<String> {
        self.get(name)
            .map(|v| v.as_ref().to_owned())
            .filter(|v| !v.is_empty())
    }
}
