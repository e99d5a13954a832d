//! The retry mode setting: `standard` or `adaptive`, as the AWS SDKs spell it.

use std::str::FromStr;

use crate::config::setting_value::InvalidValue;

/// How failed attempts are retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryMode {
    /// Exponential backoff with full jitter and a retry quota (the AWS SDKs' default).
    Standard,
    /// Standard, plus a client-side rate limiter that slows sends down after throttling.
    Adaptive,
}

impl RetryMode {
    /// As [`str::parse`], without the reason.
    pub fn parse(text: &str) -> Option<Self> {
        text.parse().ok()
    }

    /// The mode's name as used in configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            RetryMode::Standard => "standard",
            RetryMode::Adaptive => "adaptive",
        }
    }
}

impl FromStr for RetryMode {
    type Err = InvalidValue;

    /// `standard`, `adaptive`, and `legacy` (which the AWS SDKs still accept) as standard; case
    /// and surrounding white space are ignored.
    fn from_str(text: &str) -> Result<Self, InvalidValue> {
        match text.trim().to_ascii_lowercase().as_str() {
            "standard" | "legacy" => Ok(RetryMode::Standard),
            "adaptive" => Ok(RetryMode::Adaptive),
            _ => Err(InvalidValue::new(format!(
                "{text:?} is not one of \"standard\", \"adaptive\", \"legacy\""
            ))),
        }
    }
}
