//! The settings table and the front ends that spell it: one row per setting, from which each
//! front end derives the name its callers write (`read_timeout`, `readTimeoutMs`,
//! `--cli-read-timeout`, `cognito_config_set_read_timeout_ms`), its type, and the hints of
//! messages. Errors built by the core name settings and arguments in core spelling
//! (snake_case); [`crate::Error::respelled`] rewrites that name for the caller's front end.

/// The front end a client is built for. Set it with [`crate::Settings::front_end`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum FrontEnd {
    /// The Rust API: settings are builder methods of [`crate::Settings`].
    #[default]
    Rust,
    /// The C API: `cognito_config_set_<name>`.
    C,
    /// Python keyword arguments (snake_case); boto3-style call parameters are PascalCase.
    Python,
    /// Node options (camelCase, durations in milliseconds).
    Node,
    /// The command line (`--kebab-case` flags, as the AWS CLI names them).
    Cli,
}

/// What a setting's value is, which decides how each front end converts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingKind {
    /// A string.
    Text,
    /// A file path.
    Path,
    /// A duration: seconds in Python and the CLI, milliseconds in Node and C; 0 means none.
    Duration,
    /// A whole number of attempts, at least 1.
    Attempts,
    /// `standard`, `adaptive` or `legacy`.
    RetryMode,
    /// `true` or `false`.
    Switch,
}

/// A setting's value in the core's types, as a front end converts it by [`SettingKind`].
#[derive(Debug, Clone, PartialEq)]
pub enum SettingValue {
    /// For [`SettingKind::Text`].
    Text(String),
    /// For [`SettingKind::Path`].
    Path(std::path::PathBuf),
    /// For [`SettingKind::Duration`]; zero means none.
    Duration(std::time::Duration),
    /// For [`SettingKind::Attempts`]: checked by `MaxAttempts`.
    Attempts(i64),
    /// For [`SettingKind::RetryMode`]: parsed by [`crate::RetryMode`].
    RetryMode(String),
    /// For [`SettingKind::Switch`].
    Switch(bool),
}

/// One row of the settings table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SettingSpec {
    /// The core name, as in [`crate::Settings`] (snake_case).
    pub name: &'static str,
    /// The value's type.
    pub kind: SettingKind,
    /// The name Python and Node callers use when it is not derived from `name` (boto3's `verify`).
    pub front_end_name: Option<&'static str>,
    /// The command-line flag, when the CLI has one.
    pub cli_flag: Option<&'static str>,
}

const fn row(name: &'static str, kind: SettingKind, cli_flag: Option<&'static str>) -> SettingSpec {
    SettingSpec {
        name,
        kind,
        front_end_name: None,
        cli_flag,
    }
}

/// Every setting a front end passes to the core.
pub const SETTINGS: &[SettingSpec] = &[
    row("region", SettingKind::Text, Some("--region")),
    row("endpoint_url", SettingKind::Text, Some("--endpoint-url")),
    row(
        "connect_timeout",
        SettingKind::Duration,
        Some("--cli-connect-timeout"),
    ),
    row(
        "read_timeout",
        SettingKind::Duration,
        Some("--cli-read-timeout"),
    ),
    row(
        "attempt_timeout",
        SettingKind::Duration,
        Some("--cli-attempt-timeout"),
    ),
    row(
        "operation_timeout",
        SettingKind::Duration,
        Some("--cli-operation-timeout"),
    ),
    row("max_attempts", SettingKind::Attempts, None),
    row("retry_mode", SettingKind::RetryMode, None),
    row("ca_bundle", SettingKind::Path, Some("--ca-bundle")),
    SettingSpec {
        front_end_name: Some("verify"),
        ..row("verify_tls", SettingKind::Switch, Some("--no-verify-ssl"))
    },
    row("allow_insecure_http", SettingKind::Switch, None),
    row("use_fips_endpoint", SettingKind::Switch, None),
    row("use_dualstack_endpoint", SettingKind::Switch, None),
    row("retry_read_timeouts", SettingKind::Switch, None),
    row("profile", SettingKind::Text, Some("--profile")),
    row("proxy", SettingKind::Text, None),
    row("validate_token", SettingKind::Switch, None),
];

impl SettingSpec {
    /// The row of `name` (core spelling).
    pub fn find(name: &str) -> Option<&'static SettingSpec> {
        SETTINGS.iter().find(|spec| spec.name == name)
    }

    /// The name a caller of `front_end` writes for this setting.
    pub fn spelled(&self, front_end: FrontEnd) -> String {
        let base = self.front_end_name.unwrap_or(self.name);
        match front_end {
            FrontEnd::Rust => self.name.to_owned(),
            FrontEnd::Python => base.to_owned(),
            FrontEnd::Node if self.kind == SettingKind::Duration => camel_case(base) + "Ms",
            FrontEnd::Node => camel_case(base),
            FrontEnd::C if self.kind == SettingKind::Duration => {
                format!("cognito_config_set_{}_ms", self.name)
            }
            FrontEnd::C => format!("cognito_config_set_{}", self.name),
            FrontEnd::Cli => match self.cli_flag {
                Some(flag) => flag.to_owned(),
                None => format!("{} in the profile", self.name),
            },
        }
    }
}

impl SettingSpec {
    /// This duration setting with its value, as a caller of `front_end` writes it:
    /// `read_timeout=60 s` (Rust, Python), `readTimeoutMs=60000` (Node),
    /// `cognito_config_set_read_timeout_ms(60000)` (C), `--cli-read-timeout 60` (CLI).
    pub fn spelled_with_duration(&self, front_end: FrontEnd, value: std::time::Duration) -> String {
        let spelled = self.spelled(front_end);
        let (seconds, ms) = (value.as_secs_f64(), value.as_millis());
        match front_end {
            FrontEnd::Node => format!("{spelled}={ms}"),
            FrontEnd::C => format!("{spelled}({ms})"),
            FrontEnd::Cli if self.cli_flag.is_some() => format!("{spelled} {seconds}"),
            _ => format!("{spelled}={seconds} s"),
        }
    }
}

impl FrontEnd {
    /// How a caller of this front end names the call parameter `name` (core snake_case, e.g.
    /// `attribute_name`).
    pub fn parameter(self, name: &str) -> String {
        match self {
            FrontEnd::Rust | FrontEnd::Python | FrontEnd::C => name.to_owned(),
            FrontEnd::Node => camel_case(name),
            FrontEnd::Cli => format!("--{}", name.replace('_', "-")),
        }
    }

    /// How to set a region in this front end, for "Missing Region".
    pub(crate) fn region_hint(self) -> String {
        let explicit = match self {
            FrontEnd::Rust => "Settings::region(...)",
            FrontEnd::C => "cognito_config_set_region()",
            FrontEnd::Python => "region=\"eu-west-1\"",
            FrontEnd::Node => "the region option ({ region: 'eu-west-1' })",
            FrontEnd::Cli => "--region eu-west-1",
        };
        format!(
            "set one with {explicit}, the AWS_REGION environment variable or `region` in the profile \
             (~/.aws/config), or pass an access token whose issuer names a region \
             (https://cognito-idp.<region>.amazonaws.com/...)"
        )
    }
}

/// `attribute_name` → `attributeName`.
fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_front_end_spells_every_setting_uniquely() {
        for front_end in [
            FrontEnd::Rust,
            FrontEnd::C,
            FrontEnd::Python,
            FrontEnd::Node,
            FrontEnd::Cli,
        ] {
            let mut names: Vec<String> = SETTINGS.iter().map(|s| s.spelled(front_end)).collect();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), SETTINGS.len(), "{front_end:?}");
        }
    }

    #[test]
    fn spellings_follow_each_ecosystem() {
        let read = SettingSpec::find("read_timeout").unwrap();
        assert_eq!(read.spelled(FrontEnd::Python), "read_timeout");
        assert_eq!(read.spelled(FrontEnd::Node), "readTimeoutMs");
        assert_eq!(read.spelled(FrontEnd::Cli), "--cli-read-timeout");
        assert_eq!(
            read.spelled(FrontEnd::C),
            "cognito_config_set_read_timeout_ms"
        );
        let verify = SettingSpec::find("verify_tls").unwrap();
        assert_eq!(verify.spelled(FrontEnd::Node), "verify");
        assert_eq!(verify.spelled(FrontEnd::C), "cognito_config_set_verify_tls");
        assert_eq!(FrontEnd::Node.parameter("attribute_name"), "attributeName");
        let sixty = std::time::Duration::from_secs(60);
        assert_eq!(
            read.spelled_with_duration(FrontEnd::Python, sixty),
            "read_timeout=60 s"
        );
        assert_eq!(
            read.spelled_with_duration(FrontEnd::Node, sixty),
            "readTimeoutMs=60000"
        );
        assert_eq!(
            read.spelled_with_duration(FrontEnd::C, sixty),
            "cognito_config_set_read_timeout_ms(60000)"
        );
        assert_eq!(
            read.spelled_with_duration(FrontEnd::Cli, std::time::Duration::from_millis(1500)),
            "--cli-read-timeout 1.5"
        );
        assert_eq!(FrontEnd::Cli.parameter("access_token"), "--access-token");
    }
}
