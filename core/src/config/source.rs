//! Where a resolved setting came from, kept with its value so that messages and `configure list`
//! can say so.

use std::fmt;
use std::path::PathBuf;

/// Where a resolved value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Set explicitly by the caller (option, flag, argument).
    Explicit,
    /// The named environment variable.
    Environment(&'static str),
    /// A key of the named profile in the shared config file.
    Profile {
        /// Profile name.
        name: String,
        /// Config file path.
        path: PathBuf,
    },
    /// Inferred from the access token's issuer.
    AccessToken,
    /// The built-in default.
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Explicit => f.write_str("explicit setting"),
            Source::Environment(name) => write!(f, "environment variable {name}"),
            Source::Profile { name, path } => write!(f, "profile '{name}' in {}", path.display()),
            Source::AccessToken => f.write_str("access token issuer"),
            Source::Default => f.write_str("default"),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Its source.
    pub source: Source,
}

impl<T> Sourced<T> {
    pub(crate) fn new(value: T, source: Source) -> Self {
        Self { value, source }
    }
}
