//! How Python callers name settings: keyword arguments in snake_case, boto3's `verify` for TLS
//! verification, durations in seconds. The `match` is exhaustive: a setting added to the core's
//! table does not compile here until it has a keyword.

use cognito_attr_code::{SettingId, Spelling};

/// Python's spelling of settings and arguments.
pub struct PySpelling;

impl PySpelling {
    /// The keyword argument of `setting`.
    pub fn keyword(setting: SettingId) -> &'static str {
        use SettingId as S;
        match setting {
            S::Region => "region",
            S::EndpointUrl => "endpoint_url",
            S::ConnectTimeout => "connect_timeout",
            S::ReadTimeout => "read_timeout",
            S::AttemptTimeout => "attempt_timeout",
            S::OperationTimeout => "operation_timeout",
            S::MaxAttempts => "max_attempts",
            S::RetryMode => "retry_mode",
            S::CaBundle => "ca_bundle",
            S::VerifyTls => "verify",
            S::AllowInsecureHttp => "allow_insecure_http",
            S::UseFipsEndpoint => "use_fips_endpoint",
            S::UseDualstackEndpoint => "use_dualstack_endpoint",
            S::RetryReadTimeouts => "retry_read_timeouts",
            S::Profile => "profile",
            S::Proxy => "proxy",
            S::ValidateToken => "validate_token",
        }
    }
}

impl Spelling for PySpelling {
    fn setting(&self, setting: SettingId) -> String {
        Self::keyword(setting).to_owned()
    }

    fn how_to_set(&self, setting: SettingId, example: &str) -> String {
        format!("{}=\"{example}\"", Self::keyword(setting))
    }
}
