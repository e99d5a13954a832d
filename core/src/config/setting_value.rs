//! Values of settings that can be invalid, each checked in one place with one message, whichever
//! front end or source (explicit, environment, profile) supplied them. Front ends add only the
//! setting's name as their callers spell it.

use std::fmt;
use std::num::NonZeroU32;
use std::str::FromStr;

/// A setting's value in the core's types, as a front end converts it by
/// [`crate::SettingKind`] for [`crate::Settings::set`].
#[derive(Debug, Clone, PartialEq)]
pub enum SettingValue {
    /// For [`crate::SettingKind::Text`].
    Text(String),
    /// For [`crate::SettingKind::Path`].
    Path(std::path::PathBuf),
    /// For [`crate::SettingKind::Duration`]; zero means none.
    Duration(std::time::Duration),
    /// For [`crate::SettingKind::Attempts`]: a whole number, at least 1.
    Attempts(i64),
    /// For [`crate::SettingKind::RetryMode`]: parsed by [`crate::RetryMode`].
    RetryMode(String),
    /// For [`crate::SettingKind::Switch`].
    Switch(bool),
}

/// Why a setting's value was refused, e.g. `must be at least 1`. It never quotes secrets: only
/// non-secret settings are validated here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidValue {
    reason: String,
}

impl InvalidValue {
    pub(crate) fn new(reason: impl Into<String>) -> Self {
        Self {
            reason: reason.into(),
        }
    }
}

impl fmt::Display for InvalidValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.reason)
    }
}

impl std::error::Error for InvalidValue {}

/// Attempts per call, including the first: at least 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MaxAttempts(NonZeroU32);

impl MaxAttempts {
    /// `attempts`, refused when 0.
    pub fn new(attempts: u32) -> Result<Self, InvalidValue> {
        NonZeroU32::new(attempts)
            .map(Self)
            .ok_or_else(|| InvalidValue::new("must be at least 1"))
    }

    /// The number of attempts.
    pub fn get(self) -> u32 {
        self.0.get()
    }
}

impl TryFrom<i64> for MaxAttempts {
    type Error = InvalidValue;

    /// For front ends whose integers are signed and wider than `u32`.
    fn try_from(attempts: i64) -> Result<Self, InvalidValue> {
        if attempts < 1 {
            return Self::new(0);
        }
        let attempts = u32::try_from(attempts)
            .map_err(|_| InvalidValue::new(format!("must be at most {}", u32::MAX)))?;
        Self::new(attempts)
    }
}

impl FromStr for MaxAttempts {
    type Err = InvalidValue;

    /// A decimal integer, surrounding white space ignored (as in environment variables and the
    /// shared config file).
    fn from_str(text: &str) -> Result<Self, InvalidValue> {
        let attempts = text
            .trim()
            .parse::<u32>()
            .map_err(|_| InvalidValue::new("not a positive integer"))?;
        Self::new(attempts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_attempts_refuses_zero_negative_huge_and_text_with_one_message_each() {
        assert_eq!(MaxAttempts::new(4).unwrap().get(), 4);
        assert_eq!(
            MaxAttempts::new(0).unwrap_err().to_string(),
            "must be at least 1"
        );
        assert_eq!(
            MaxAttempts::try_from(-3).unwrap_err(),
            MaxAttempts::new(0).unwrap_err()
        );
        assert_eq!(
            MaxAttempts::try_from(1_i64 << 32).unwrap_err().to_string(),
            "must be at most 4294967295"
        );
        assert_eq!(MaxAttempts::try_from(7_i64).unwrap().get(), 7);
        assert_eq!(" 5 ".parse::<MaxAttempts>().unwrap().get(), 5);
        assert_eq!(
            "0".parse::<MaxAttempts>().unwrap_err(),
            MaxAttempts::new(0).unwrap_err()
        );
        for text in ["abc", "-1", "1.5", ""] {
            assert_eq!(
                text.parse::<MaxAttempts>().unwrap_err().to_string(),
                "not a positive integer",
                "{text:?}"
            );
        }
    }
}
