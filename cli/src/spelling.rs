//! How the command line names settings and arguments in messages: the flag that sets them
//! (`--cli-read-timeout 0.2`, `--attribute-name`), or `x in the profile` when no flag does. The
//! `match` is exhaustive: a setting added to the core's table does not compile here until it
//! has a flag or is named as a profile key.

use std::time::Duration;

use cognito_attr_code::{ArgumentId, SettingId, Spelling};

/// The command line's spelling.
pub struct CliSpelling;

impl CliSpelling {
    /// The flag that sets `setting`, if one does.
    pub fn flag(setting: SettingId) -> Option<&'static str> {
        use SettingId as S;
        match setting {
            S::Region => Some("--region"),
            S::EndpointUrl => Some("--endpoint-url"),
            S::ConnectTimeout => Some("--cli-connect-timeout"),
            S::ReadTimeout => Some("--cli-read-timeout"),
            S::AttemptTimeout => Some("--cli-attempt-timeout"),
            S::OperationTimeout => Some("--cli-operation-timeout"),
            S::CaBundle => Some("--ca-bundle"),
            S::VerifyTls => Some("--no-verify-ssl"),
            S::Profile => Some("--profile"),
            S::MaxAttempts
            | S::RetryMode
            | S::AllowInsecureHttp
            | S::UseFipsEndpoint
            | S::UseDualstackEndpoint
            | S::RetryReadTimeouts
            | S::Proxy
            | S::ValidateToken => None,
        }
    }
}

impl Spelling for CliSpelling {
    fn setting(&self, setting: SettingId) -> String {
        match Self::flag(setting) {
            Some(flag) => flag.to_owned(),
            None => format!("{} in the profile", setting.name()),
        }
    }

    fn setting_duration(&self, setting: SettingId, value: Duration) -> String {
        match Self::flag(setting) {
            Some(flag) => format!("{flag} {}", value.as_secs_f64()),
            None => format!("{}={} s", self.setting(setting), value.as_secs_f64()),
        }
    }

    fn argument(&self, argument: ArgumentId) -> String {
        format!("--{}", argument.name().replace('_', "-"))
    }

    fn how_to_set(&self, setting: SettingId, example: &str) -> String {
        format!("{} {example}", self.setting(setting))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_and_profile_keys() {
        assert_eq!(
            CliSpelling.setting(SettingId::ReadTimeout),
            "--cli-read-timeout"
        );
        assert_eq!(
            CliSpelling.setting_duration(SettingId::ReadTimeout, Duration::from_millis(1500)),
            "--cli-read-timeout 1.5"
        );
        assert_eq!(
            CliSpelling.setting(SettingId::MaxAttempts),
            "max_attempts in the profile"
        );
        assert_eq!(
            CliSpelling.argument(ArgumentId::new("access_token")),
            "--access-token"
        );
        assert_eq!(
            CliSpelling.how_to_set(SettingId::Region, "eu-west-1"),
            "--region eu-west-1"
        );
    }
}
