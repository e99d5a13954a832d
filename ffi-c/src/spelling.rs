//! How the C API names settings in messages: the setter a caller calls
//! (`cognito_config_set_read_timeout_ms(200)`). The `match` is exhaustive: a setting added to
//! the core's table does not compile here until it has a setter name.

use std::time::Duration;

use cognito_core::{SettingId, Spelling};

/// The C API's spelling of settings.
pub(crate) struct CSpelling;

impl Spelling for CSpelling {
    fn setting(&self, setting: SettingId) -> String {
        use SettingId as S;
        match setting {
            S::Region => "cognito_config_set_region",
            S::EndpointUrl => "cognito_config_set_endpoint_url",
            S::ConnectTimeout => "cognito_config_set_connect_timeout_ms",
            S::ReadTimeout => "cognito_config_set_read_timeout_ms",
            S::AttemptTimeout => "cognito_config_set_attempt_timeout_ms",
            S::OperationTimeout => "cognito_config_set_operation_timeout_ms",
            S::MaxAttempts => "cognito_config_set_max_attempts",
            S::RetryMode => "cognito_config_set_retry_mode",
            S::CaBundle => "cognito_config_set_ca_bundle",
            S::VerifyTls => "cognito_config_set_verify_tls",
            S::AllowInsecureHttp => "cognito_config_set_allow_insecure_http",
            S::UseFipsEndpoint => "cognito_config_set_use_fips_endpoint",
            S::UseDualstackEndpoint => "cognito_config_set_use_dualstack_endpoint",
            S::RetryReadTimeouts => "cognito_config_set_retry_read_timeouts",
            S::Profile => "cognito_config_set_profile",
            S::Proxy => "cognito_config_set_proxy",
            S::ValidateToken => "cognito_config_set_validate_token",
        }
        .to_owned()
    }

    fn setting_duration(&self, setting: SettingId, value: Duration) -> String {
        format!("{}({})", self.setting(setting), value.as_millis())
    }

    fn how_to_set(&self, setting: SettingId, _example: &str) -> String {
        format!("{}()", self.setting(setting))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setter_named_in_messages_is_exported() {
        let symbols = include_str!("../exported-symbols.txt");
        for &setting in SettingId::ALL {
            let name = CSpelling.setting(setting);
            assert!(
                symbols.lines().any(|line| line.trim() == name),
                "{name} is not exported"
            );
        }
        assert_eq!(
            CSpelling.setting_duration(SettingId::ReadTimeout, Duration::from_millis(60_000)),
            "cognito_config_set_read_timeout_ms(60000)"
        );
        assert_eq!(
            CSpelling.how_to_set(SettingId::Region, "eu-west-1"),
            "cognito_config_set_region()"
        );
    }
}
