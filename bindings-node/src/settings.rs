//! Client settings as JavaScript passes them: one object with a typed optional field per
//! setting (camelCase, durations in milliseconds), converted setting by setting of the core's
//! table. The JavaScript wrapper has already checked every name, type and range.

use std::time::Duration;

use cognito_attr_code::{SettingId, SettingKind, SettingValue, Settings};
use napi_derive::napi;

use crate::call_queue::DEFAULT_MAX_CONCURRENT_CALLS;
use crate::outcome::NativeError;
use crate::spelling::NodeSpelling;

/// The settings of a client or a one-shot call. Unset values come from the environment, then
/// defaults.
#[napi(object)]
#[derive(Default)]
pub struct NativeSettings {
    /// AWS region, e.g. `eu-west-1`.
    pub region: Option<String>,
    /// A custom endpoint (an emulator or a proxy); its path is kept.
    pub endpoint_url: Option<String>,
    /// Connect timeout in milliseconds; 0 means none.
    pub connect_timeout_ms: Option<u32>,
    /// Read timeout (each socket read or write) in milliseconds; 0 means none.
    pub read_timeout_ms: Option<u32>,
    /// Deadline of one attempt in milliseconds; 0 means none.
    pub attempt_timeout_ms: Option<u32>,
    /// Deadline of a whole call in milliseconds; 0 means none.
    pub operation_timeout_ms: Option<u32>,
    /// Attempts per call, including the first (at least 1).
    pub max_attempts: Option<u32>,
    /// `standard`, `adaptive` or `legacy`.
    pub retry_mode: Option<String>,
    /// PEM file of CA certificates trusted instead of the system store.
    pub ca_bundle: Option<String>,
    /// `false` disables TLS certificate verification.
    pub verify: Option<bool>,
    /// Allow plain `http://` to a non-loopback host.
    pub allow_insecure_http: Option<bool>,
    /// Use the region's FIPS endpoint.
    pub use_fips_endpoint: Option<bool>,
    /// Use the region's dual-stack endpoint.
    pub use_dualstack_endpoint: Option<bool>,
    /// Retry after a read timeout.
    pub retry_read_timeouts: Option<bool>,
    /// Profile of the shared config file.
    pub profile: Option<String>,
    /// Proxy URL `http://[user:password@]host:port`.
    pub proxy: Option<String>,
    /// Check the token locally before sending.
    pub validate_token: Option<bool>,
    /// Names the front end in the `User-Agent`.
    pub user_agent_suffix: Option<String>,
    /// A `Client`'s own setting (the one-shot functions do not take it): how many of its calls
    /// run at once.
    pub max_concurrent_calls: Option<u32>,
}

impl NativeSettings {
    /// The value of `setting`, if given, in the core's type.
    fn value(&self, setting: SettingId) -> Option<SettingValue> {
        use SettingId as S;
        let text = |v: &Option<String>| v.clone().map(SettingValue::Text);
        let ms =
            |v: Option<u32>| v.map(|ms| SettingValue::Duration(Duration::from_millis(ms.into())));
        let switch = |v: Option<bool>| v.map(SettingValue::Switch);
        match setting {
            S::Region => text(&self.region),
            S::EndpointUrl => text(&self.endpoint_url),
            S::ConnectTimeout => ms(self.connect_timeout_ms),
            S::ReadTimeout => ms(self.read_timeout_ms),
            S::AttemptTimeout => ms(self.attempt_timeout_ms),
            S::OperationTimeout => ms(self.operation_timeout_ms),
            S::MaxAttempts => self.max_attempts.map(|n| SettingValue::Attempts(n.into())),
            S::RetryMode => self.retry_mode.clone().map(SettingValue::RetryMode),
            S::CaBundle => self.ca_bundle.clone().map(|p| SettingValue::Path(p.into())),
            S::VerifyTls => switch(self.verify),
            S::AllowInsecureHttp => switch(self.allow_insecure_http),
            S::UseFipsEndpoint => switch(self.use_fips_endpoint),
            S::UseDualstackEndpoint => switch(self.use_dualstack_endpoint),
            S::RetryReadTimeouts => switch(self.retry_read_timeouts),
            S::Profile => text(&self.profile),
            S::Proxy => text(&self.proxy),
            S::ValidateToken => switch(self.validate_token),
        }
    }
}

/// One row of the settings table as JavaScript sees it.
#[napi(object)]
pub struct NativeSettingSpec {
    /// The option's name, e.g. `readTimeoutMs`.
    pub name: String,
    /// `text`, `path`, `duration` (ms), `attempts`, `retryMode` or `switch`.
    pub kind: String,
}

/// Every setting, in table order.
#[napi]
pub fn setting_table() -> Vec<NativeSettingSpec> {
    SettingId::ALL
        .iter()
        .map(|&setting| NativeSettingSpec {
            name: NodeSpelling::option(setting).into(),
            kind: match setting.kind() {
                SettingKind::Text => "text",
                SettingKind::Path => "path",
                SettingKind::Duration => "duration",
                SettingKind::Attempts => "attempts",
                SettingKind::RetryMode => "retryMode",
                SettingKind::Switch => "switch",
            }
            .into(),
        })
        .collect()
}

/// A client's bound of concurrent calls (the default when unset).
pub fn max_concurrent_calls(settings: Option<&NativeSettings>) -> u32 {
    settings
        .and_then(|s| s.max_concurrent_calls)
        .filter(|bound| *bound >= 1)
        .unwrap_or(DEFAULT_MAX_CONCURRENT_CALLS)
}

/// The core settings, or a configuration error naming the option as JavaScript spells it.
pub fn into_core(settings: Option<NativeSettings>) -> Result<Settings, Box<NativeError>> {
    let settings = settings.unwrap_or_default();
    let mut core = Settings::new();
    if let Some(suffix) = &settings.user_agent_suffix {
        core = core.user_agent_suffix(suffix);
    }
    for &setting in SettingId::ALL {
        if let Some(value) = settings.value(setting) {
            core = core.set(setting, value).map_err(|why| {
                Box::new(NativeError::configuration(
                    NodeSpelling::option(setting),
                    why.to_string(),
                ))
            })?;
        }
    }
    Ok(core)
}
