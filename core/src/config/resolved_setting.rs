//! Each setting of the table as a client resolved it, with where it came from: what the CLI's
//! `--debug` logs, row by row, so that a new setting is logged without a hand-kept list.

use crate::config::resolve::ResolvedConfig;
use crate::config::source::Sourced;
use crate::error::setting_id::SettingId;

/// A resolved setting as shown in a log: its value (`Debug` form) and its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownSetting {
    /// The value, e.g. `"eu-west-1"` (quoted) or `Some(60s)`.
    pub value: String,
    /// Where it came from, e.g. `environment variable AWS_REGION`.
    pub source: String,
}

fn shown<T: std::fmt::Debug>(sourced: &Sourced<T>) -> Option<ShownSetting> {
    Some(ShownSetting {
        value: format!("{:?}", sourced.value),
        source: sourced.source.to_string(),
    })
}

fn absent(value: &str, source: &str) -> Option<ShownSetting> {
    Some(ShownSetting {
        value: format!("{value:?}"),
        source: source.to_owned(),
    })
}

fn explicit_or_default(value: bool) -> Option<ShownSetting> {
    Some(ShownSetting {
        value: value.to_string(),
        source: "explicit setting or default".to_owned(),
    })
}

impl ResolvedConfig {
    /// `setting` as resolved, or `None` for the proxy (its URL may carry a password).
    pub fn shown(&self, setting: SettingId) -> Option<ShownSetting> {
        use SettingId as S;
        match setting {
            S::Region => match &self.region {
                Some(region) => shown(region),
                None => absent("(none)", "no source; read from the access token"),
            },
            S::EndpointUrl => match &self.endpoint_url {
                Some(url) => shown(url),
                None => absent("(none)", "default; endpoint rules"),
            },
            S::ConnectTimeout => shown(&self.connect_timeout),
            S::ReadTimeout => shown(&self.read_timeout),
            S::AttemptTimeout => shown(&self.attempt_timeout),
            S::OperationTimeout => shown(&self.operation_timeout),
            S::MaxAttempts => shown(&self.max_attempts),
            S::RetryMode => shown(&self.retry_mode),
            S::CaBundle => match &self.ca_bundle {
                Some(bundle) => shown(bundle),
                None => absent("(system trust store)", "default"),
            },
            S::VerifyTls => shown(&self.verify_tls),
            S::AllowInsecureHttp => shown(&self.allow_insecure_http),
            S::UseFipsEndpoint => shown(&self.use_fips_endpoint),
            S::UseDualstackEndpoint => shown(&self.use_dualstack_endpoint),
            S::RetryReadTimeouts => explicit_or_default(self.retry_read_timeouts),
            S::ValidateToken => explicit_or_default(self.validate_token),
            S::Profile => absent(
                self.profile_name(),
                "explicit setting, AWS_PROFILE or default",
            ),
            S::Proxy => None,
        }
    }
}
