//! Settings: what the caller sets explicitly. [`crate::ResolvedConfig`] resolves them against
//! the environment.

use std::path::PathBuf;
use std::time::Duration;

use crate::config::retry_mode::RetryMode;
use crate::config::setting_value::{InvalidValue, MaxAttempts, SettingValue};
use crate::error::setting_id::SettingId;

/// AWS CLI default for both timeouts.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Attempts per call in standard mode, as in the AWS SDKs.
pub const DEFAULT_MAX_ATTEMPTS: u32 = 3;

/// Explicit settings. Anything left unset is resolved from the environment, then defaults.
///
/// ```
/// # use std::time::Duration;
/// let settings = cognito_attr_code::Settings::new()
///     .region("eu-west-1")
///     .read_timeout(Duration::from_secs(5));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub(crate) region: Option<String>,
    pub(crate) endpoint_url: Option<String>,
    pub(crate) connect_timeout: Option<Duration>,
    pub(crate) read_timeout: Option<Duration>,
    pub(crate) attempt_timeout: Option<Duration>,
    pub(crate) operation_timeout: Option<Duration>,
    pub(crate) ca_bundle: Option<PathBuf>,
    pub(crate) verify_tls: Option<bool>,
    pub(crate) allow_insecure_http: Option<bool>,
    pub(crate) max_attempts: Option<u32>,
    pub(crate) retry_mode: Option<RetryMode>,
    pub(crate) use_fips_endpoint: Option<bool>,
    pub(crate) use_dualstack_endpoint: Option<bool>,
    pub(crate) retry_read_timeouts: Option<bool>,
    pub(crate) user_agent_suffix: Option<String>,
    pub(crate) profile: Option<String>,
    pub(crate) validate_token: Option<bool>,
    pub(crate) proxy: Option<String>,
}

impl Settings {
    /// Nothing set: everything comes from the environment or defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// AWS region, e.g. `"us-east-1"`.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// A custom endpoint URL, e.g. `"http://127.0.0.1:9229"`; its path is kept.
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.endpoint_url = Some(url.into());
        self
    }

    /// Connect timeout (DNS, TCP, TLS). `Duration::ZERO` means none. Default 60 s.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Read timeout (each socket read or write). `Duration::ZERO` means none. Default 60 s.
    pub fn read_timeout(mut self, timeout: Duration) -> Self {
        self.read_timeout = Some(timeout);
        self
    }

    /// Deadline of one attempt, end to end: connect, send, response headers and body. Unlike the
    /// read timeout it does not restart with each byte, so a server that trickles its answer
    /// cannot hold a call. `Duration::ZERO` means none. Default: connect timeout + read timeout
    /// (none if either is none).
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.attempt_timeout = Some(timeout);
        self
    }

    /// Deadline of a whole call: every attempt and every wait between attempts. Each attempt
    /// and each wait is cut to the time left. `Duration::ZERO` means none. Default none.
    pub fn operation_timeout(mut self, timeout: Duration) -> Self {
        self.operation_timeout = Some(timeout);
        self
    }

    /// A PEM file of CA certificates to trust instead of the operating system's store.
    pub fn ca_bundle(mut self, path: impl Into<PathBuf>) -> Self {
        self.ca_bundle = Some(path.into());
        self
    }

    /// `false` disables TLS certificate verification (logs a warning). Default `true`.
    pub fn verify_tls(mut self, verify: bool) -> Self {
        self.verify_tls = Some(verify);
        self
    }

    /// Allow a plain `http://` endpoint on a non-loopback host. Default `false`.
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = Some(allow);
        self
    }

    /// Attempts per call, including the first (≥ 1). Default 3.
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = Some(attempts);
        self
    }

    /// Retry mode. Default standard.
    pub fn retry_mode(mut self, mode: RetryMode) -> Self {
        self.retry_mode = Some(mode);
        self
    }

    /// Use the FIPS endpoint of the region. Default `false`.
    pub fn use_fips_endpoint(mut self, on: bool) -> Self {
        self.use_fips_endpoint = Some(on);
        self
    }

    /// Use the dual-stack (IPv6) endpoint of the region. Default `false`.
    pub fn use_dualstack_endpoint(mut self, on: bool) -> Self {
        self.use_dualstack_endpoint = Some(on);
        self
    }

    /// Retry after a read timeout. Off by default: the first request may have been processed,
    /// and a retry can send the user a second code.
    pub fn retry_read_timeouts(mut self, on: bool) -> Self {
        self.retry_read_timeouts = Some(on);
        self
    }

    /// The profile of the shared config file to read (overrides `AWS_PROFILE`; default `default`).
    pub fn profile(mut self, name: impl Into<String>) -> Self {
        self.profile = Some(name.into());
        self
    }

    /// Check the token locally before sending: a JWT, `token_use` "access", the
    /// `aws.cognito.signin.user.admin` scope, not expired (2 min skew). Off by default: the server
    /// is authoritative.
    pub fn validate_token(mut self, on: bool) -> Self {
        self.validate_token = Some(on);
        self
    }

    /// Proxy URL (`http://[user:password@]host:port`) for every request, overriding
    /// `HTTPS_PROXY` / `HTTP_PROXY`. `NO_PROXY` still applies.
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.proxy = Some(url.into());
        self
    }

    /// Appended to the `User-Agent`, naming the front end, e.g. `"lang/python#3.11"`.
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.user_agent_suffix = Some(suffix.into());
        self
    }
}

impl Settings {
    /// Sets `setting` to `value`: how front ends apply the settings table without naming
    /// each setting. A value of the wrong kind for the setting, or an invalid one, is refused
    /// with the reason.
    pub fn set(self, setting: SettingId, value: SettingValue) -> Result<Self, InvalidValue> {
        use SettingId as S;
        use SettingValue as V;
        Ok(match (setting, value) {
            (S::Region, V::Text(v)) => self.region(v),
            (S::EndpointUrl, V::Text(v)) => self.endpoint_url(v),
            (S::ConnectTimeout, V::Duration(v)) => self.connect_timeout(v),
            (S::ReadTimeout, V::Duration(v)) => self.read_timeout(v),
            (S::AttemptTimeout, V::Duration(v)) => self.attempt_timeout(v),
            (S::OperationTimeout, V::Duration(v)) => self.operation_timeout(v),
            (S::MaxAttempts, V::Attempts(v)) => self.max_attempts(MaxAttempts::try_from(v)?.get()),
            (S::RetryMode, V::RetryMode(v)) => self.retry_mode(v.parse::<RetryMode>()?),
            (S::CaBundle, V::Path(v)) => self.ca_bundle(v),
            (S::VerifyTls, V::Switch(v)) => self.verify_tls(v),
            (S::AllowInsecureHttp, V::Switch(v)) => self.allow_insecure_http(v),
            (S::UseFipsEndpoint, V::Switch(v)) => self.use_fips_endpoint(v),
            (S::UseDualstackEndpoint, V::Switch(v)) => self.use_dualstack_endpoint(v),
            (S::RetryReadTimeouts, V::Switch(v)) => self.retry_read_timeouts(v),
            (S::Profile, V::Text(v)) => self.profile(v),
            (S::Proxy, V::Text(v)) => self.proxy(v),
            (S::ValidateToken, V::Switch(v)) => self.validate_token(v),
            (setting, value) => {
                return Err(InvalidValue::new(format!(
                    "{value:?} is not a value of the setting {setting}"
                )))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::setting_id::SettingKind;

    #[test]
    fn every_row_of_the_settings_table_can_be_set() {
        for &setting in SettingId::ALL {
            let value = match setting.kind() {
                SettingKind::Text => SettingValue::Text("x".into()),
                SettingKind::Path => SettingValue::Path("/x".into()),
                SettingKind::Duration => SettingValue::Duration(Duration::from_secs(1)),
                SettingKind::Attempts => SettingValue::Attempts(2),
                SettingKind::RetryMode => SettingValue::RetryMode("adaptive".into()),
                SettingKind::Switch => SettingValue::Switch(true),
            };
            let before = format!("{:?}", Settings::new());
            let after = Settings::new().set(setting, value).unwrap();
            assert_ne!(format!("{after:?}"), before, "{setting} changed nothing");
        }
        assert!(Settings::new()
            .set(SettingId::Region, SettingValue::Switch(true))
            .is_err());
        assert_eq!(
            Settings::new()
                .set(SettingId::MaxAttempts, SettingValue::Attempts(0))
                .unwrap_err()
                .to_string(),
            "must be at least 1"
        );
    }
}
