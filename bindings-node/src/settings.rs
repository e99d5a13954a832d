//! Client settings as JavaScript passes them, converted to the core's `Settings`.

use std::time::Duration;

use cognito_attr_code::{CommonSettings, InvalidValue, MaxAttempts, RetryMode, Settings};
use napi_derive::napi;

use crate::outcome::NativeError;

/// Settings of a client. Unset values come from the environment, then defaults. The JavaScript
/// wrapper has already checked every type and range.
#[napi(object)]
#[derive(Default)]
pub struct NativeSettings {
    pub region: Option<String>,
    pub endpoint_url: Option<String>,
    pub connect_timeout_ms: Option<u32>,
    pub read_timeout_ms: Option<u32>,
    pub attempt_timeout_ms: Option<u32>,
    pub operation_timeout_ms: Option<u32>,
    pub max_attempts: Option<u32>,
    pub retry_mode: Option<String>,
    pub ca_bundle: Option<String>,
    pub verify: Option<bool>,
    pub allow_insecure_http: Option<bool>,
    pub use_fips_endpoint: Option<bool>,
    pub use_dualstack_endpoint: Option<bool>,
    pub retry_read_timeouts: Option<bool>,
    pub profile: Option<String>,
    pub proxy: Option<String>,
    pub validate_token: Option<bool>,
    /// Names the front end in the `User-Agent`, e.g. `lang/js md/nodejs#20.1.0`.
    pub user_agent_suffix: Option<String>,
}

impl NativeSettings {
    /// The core settings, or a configuration error for a value the core cannot represent.
    pub fn into_core(self) -> Result<Settings, Box<NativeError>> {
        let mut settings = Settings::new().with_common(CommonSettings {
            region: self.region,
            endpoint_url: self.endpoint_url,
            allow_insecure_http: self.allow_insecure_http,
            use_fips_endpoint: self.use_fips_endpoint,
            use_dualstack_endpoint: self.use_dualstack_endpoint,
            retry_read_timeouts: self.retry_read_timeouts,
            profile: self.profile,
            proxy: self.proxy,
            validate_token: self.validate_token,
        });
        if let Some(ms) = self.connect_timeout_ms {
            settings = settings.connect_timeout(Duration::from_millis(ms.into()));
        }
        if let Some(ms) = self.read_timeout_ms {
            settings = settings.read_timeout(Duration::from_millis(ms.into()));
        }
        if let Some(ms) = self.attempt_timeout_ms {
            settings = settings.attempt_timeout(Duration::from_millis(ms.into()));
        }
        if let Some(ms) = self.operation_timeout_ms {
            settings = settings.operation_timeout(Duration::from_millis(ms.into()));
        }
        if let Some(attempts) = self.max_attempts {
            let valid = MaxAttempts::new(attempts).map_err(|why| invalid("maxAttempts", why))?;
            settings = settings.max_attempts(valid.get());
        }
        if let Some(mode) = self.retry_mode {
            let parsed = mode
                .parse::<RetryMode>()
                .map_err(|why| invalid("retryMode", why))?;
            settings = settings.retry_mode(parsed);
        }
        if let Some(path) = self.ca_bundle {
            settings = settings.ca_bundle(path);
        }
        if let Some(verify) = self.verify {
            settings = settings.verify_tls(verify);
        }
        if let Some(suffix) = self.user_agent_suffix {
            settings = settings.user_agent_suffix(suffix);
        }
        Ok(settings)
    }
}

/// A configuration error naming the setting as JavaScript spells it.
fn invalid(setting: &str, why: InvalidValue) -> Box<NativeError> {
    Box::new(NativeError::configuration(setting, why.to_string()))
}
