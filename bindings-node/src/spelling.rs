//! How JavaScript callers name settings and arguments: camelCase options, durations in
//! milliseconds with an `Ms` suffix, boto3's `verify`. The `match` is exhaustive: a setting
//! added to the core's table does not compile here until it has an option name.

use std::time::Duration;

use cognito_attr_code::{ArgumentId, SettingId, Spelling};

/// Node's spelling of settings and arguments.
pub struct NodeSpelling;

impl NodeSpelling {
    /// The option of `setting`, e.g. `readTimeoutMs`.
    pub fn option(setting: SettingId) -> &'static str {
        use SettingId as S;
        match setting {
            S::Region => "region",
            S::EndpointUrl => "endpointUrl",
            S::ConnectTimeout => "connectTimeoutMs",
            S::ReadTimeout => "readTimeoutMs",
            S::AttemptTimeout => "attemptTimeoutMs",
            S::OperationTimeout => "operationTimeoutMs",
            S::MaxAttempts => "maxAttempts",
            S::RetryMode => "retryMode",
            S::CaBundle => "caBundle",
            S::VerifyTls => "verify",
            S::AllowInsecureHttp => "allowInsecureHttp",
            S::UseFipsEndpoint => "useFipsEndpoint",
            S::UseDualstackEndpoint => "useDualstackEndpoint",
            S::RetryReadTimeouts => "retryReadTimeouts",
            S::Profile => "profile",
            S::Proxy => "proxy",
            S::ValidateToken => "validateToken",
        }
    }
}

impl Spelling for NodeSpelling {
    fn setting(&self, setting: SettingId) -> String {
        Self::option(setting).to_owned()
    }

    fn setting_duration(&self, setting: SettingId, value: Duration) -> String {
        format!("{}={}", Self::option(setting), value.as_millis())
    }

    /// `attribute_name` → `attributeName`.
    fn argument(&self, argument: ArgumentId) -> String {
        let mut out = String::new();
        let mut upper = false;
        for c in argument.name().chars() {
            if c == '_' {
                upper = true;
            } else if upper {
                out.extend(c.to_uppercase());
                upper = false;
            } else {
                out.push(c);
            }
        }
        out
    }

    fn how_to_set(&self, setting: SettingId, example: &str) -> String {
        let option = Self::option(setting);
        format!("the {option} option ({{ {option}: '{example}' }})")
    }
}
