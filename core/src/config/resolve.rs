//! Resolution: explicit settings, then the environment, then the selected profile, then
//! defaults, into the configuration a client runs with.

use std::path::PathBuf;
use std::time::Duration;

use crate::config::environment::Environment;
use crate::config::profile::Profile;
use crate::config::proxy::ProxyConfig;
use crate::config::retry_mode::RetryMode;
use crate::config::setting_value::{InvalidValue, MaxAttempts};
use crate::config::settings::{Settings, DEFAULT_MAX_ATTEMPTS, DEFAULT_TIMEOUT};
use crate::config::source::{Source, Sourced};
use crate::error::setting_id::SettingId;
use crate::error::{Error, Result};

/// The configuration a client runs with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedConfig {
    /// The region, if any source set one.
    pub region: Option<Sourced<String>>,
    /// A custom endpoint, if any source set one.
    pub endpoint_url: Option<Sourced<String>>,
    /// Use the FIPS endpoint.
    pub use_fips_endpoint: Sourced<bool>,
    /// Use the dual-stack endpoint.
    pub use_dualstack_endpoint: Sourced<bool>,
    /// `None` means no timeout.
    pub connect_timeout: Sourced<Option<Duration>>,
    /// `None` means no timeout.
    pub read_timeout: Sourced<Option<Duration>>,
    /// Deadline of one attempt; `None` means none.
    pub attempt_timeout: Sourced<Option<Duration>>,
    /// Deadline of a whole call, retries included; `None` means none.
    pub operation_timeout: Sourced<Option<Duration>>,
    /// CA bundle replacing the system trust store.
    pub ca_bundle: Option<Sourced<PathBuf>>,
    /// Verify TLS certificates.
    pub verify_tls: Sourced<bool>,
    /// Allow plain HTTP to non-loopback hosts.
    pub allow_insecure_http: Sourced<bool>,
    /// Attempts per call.
    pub max_attempts: Sourced<u32>,
    /// Retry mode.
    pub retry_mode: Sourced<RetryMode>,
    /// Retry read timeouts.
    pub retry_read_timeouts: bool,
    /// Run the local token pre-checks.
    pub validate_token: bool,
    /// Proxies.
    pub proxy: ProxyConfig,
    /// The front end named in the `User-Agent`.
    pub user_agent_suffix: String,
    /// The profile read from the shared config file (empty when there is none).
    pub(crate) profile: Profile,
}

impl ResolvedConfig {
    /// The selected profile's name (`default` unless set).
    pub fn profile_name(&self) -> &str {
        &self.profile.name
    }

    /// A key of the selected profile, e.g. `output` for the CLI.
    pub fn profile_value(&self, key: &str) -> Option<&str> {
        self.profile.get(key)
    }
}

impl ResolvedConfig {
    /// Resolves `settings` against `env` and the selected profile: explicit setting, then
    /// environment, then profile, then default.
    pub fn resolve(settings: &Settings, env: &dyn Environment) -> Result<Self> {
        let profile = Profile::load(settings.profile.as_deref(), env)?;
        let lookup = Lookup {
            env,
            profile: &profile,
        };
        let region = lookup.string(
            &settings.region,
            &["AWS_REGION", "AWS_DEFAULT_REGION"],
            "region",
        );
        let ignore_endpoints = lookup
            .parsed(
                None,
                &["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"],
                "ignore_configured_endpoint_urls",
                parse_bool,
            )?
            .is_some_and(|s| s.value);
        let endpoint_url = match &settings.endpoint_url {
            Some(url) => Some(Sourced::new(url.clone(), Source::Explicit)),
            None if ignore_endpoints => None,
            None => lookup
                .string(
                    &None,
                    &[
                        "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER",
                        "AWS_ENDPOINT_URL",
                    ],
                    "",
                )
                .or_else(|| {
                    profile
                        .service_get("endpoint_url")
                        .or_else(|| profile.get("endpoint_url"))
                        .map(|url| Sourced::new(url.to_owned(), lookup.profile_source()))
                }),
        };
        let ca_bundle = match &settings.ca_bundle {
            Some(path) => Some(Sourced::new(path.clone(), Source::Explicit)),
            None => lookup
                .string(&None, &["AWS_CA_BUNDLE"], "ca_bundle")
                .map(|s| Sourced::new(PathBuf::from(s.value), s.source)),
        };
        let flag = |explicit: Option<bool>,
                    env_name: &'static str,
                    key: &'static str|
         -> Result<Sourced<bool>> {
            Ok(lookup
                .parsed(explicit, &[env_name], key, parse_bool)?
                .unwrap_or(Sourced::new(false, Source::Default)))
        };
        let connect_timeout = timeout(settings.connect_timeout);
        let read_timeout = timeout(settings.read_timeout);
        let deadline = |explicit: Option<Duration>, env_name: &'static str, key: &'static str| {
            let explicit = explicit.map(|d| (!d.is_zero()).then_some(d));
            lookup.parsed(explicit, &[env_name], key, parse_seconds)
        };
        let attempt_timeout = deadline(
            settings.attempt_timeout,
            "AWS_ATTEMPT_TIMEOUT",
            "attempt_timeout",
        )?
        .unwrap_or_else(|| {
            let sum = connect_timeout
                .value
                .zip(read_timeout.value)
                .map(|(connect, read)| connect + read);
            Sourced::new(sum, Source::Default)
        });
        let operation_timeout = deadline(
            settings.operation_timeout,
            "AWS_OPERATION_TIMEOUT",
            "operation_timeout",
        )?
        .unwrap_or(Sourced::new(None, Source::Default));
        Ok(Self {
            region,
            endpoint_url,
            use_fips_endpoint: flag(
                settings.use_fips_endpoint,
                "AWS_USE_FIPS_ENDPOINT",
                "use_fips_endpoint",
            )?,
            use_dualstack_endpoint: flag(
                settings.use_dualstack_endpoint,
                "AWS_USE_DUALSTACK_ENDPOINT",
                "use_dualstack_endpoint",
            )?,
            connect_timeout,
            read_timeout,
            attempt_timeout,
            operation_timeout,
            ca_bundle,
            verify_tls: explicit_or_default(settings.verify_tls, true),
            allow_insecure_http: explicit_or_default(settings.allow_insecure_http, false),
            max_attempts: lookup
                .parsed(
                    explicit_max_attempts(settings.max_attempts)?,
                    &["AWS_MAX_ATTEMPTS"],
                    "max_attempts",
                    str::parse::<MaxAttempts>,
                )?
                .map_or(
                    Sourced::new(DEFAULT_MAX_ATTEMPTS, Source::Default),
                    |attempts| Sourced::new(attempts.value.get(), attempts.source),
                ),
            retry_mode: lookup
                .parsed(
                    settings.retry_mode,
                    &["AWS_RETRY_MODE"],
                    "retry_mode",
                    str::parse,
                )?
                .unwrap_or(Sourced::new(RetryMode::Standard, Source::Default)),
            retry_read_timeouts: settings.retry_read_timeouts.unwrap_or(false),
            validate_token: settings.validate_token.unwrap_or(false),
            proxy: ProxyConfig::resolve(settings.proxy.as_deref(), env),
            user_agent_suffix: settings
                .user_agent_suffix
                .clone()
                .unwrap_or_else(|| "lang/rust".to_owned()),
            profile,
        })
    }
}

/// Looks a setting up in the environment and the profile.
struct Lookup<'a> {
    env: &'a dyn Environment,
    profile: &'a Profile,
}

impl Lookup<'_> {
    fn profile_source(&self) -> Source {
        Source::Profile {
            name: self.profile.name.clone(),
            path: self.profile.path.clone(),
        }
    }

    /// Explicit, then the first set variable of `env_names`, then `profile_key` of the profile.
    fn string(
        &self,
        explicit: &Option<String>,
        env_names: &[&'static str],
        profile_key: &str,
    ) -> Option<Sourced<String>> {
        if let Some(value) = explicit {
            return Some(Sourced::new(value.clone(), Source::Explicit));
        }
        env_names
            .iter()
            .find_map(|name| {
                self.env
                    .var(name)
                    .map(|v| Sourced::new(v, Source::Environment(name)))
            })
            .or_else(|| {
                (!profile_key.is_empty())
                    .then(|| self.profile.get(profile_key))
                    .flatten()
                    .map(|v| Sourced::new(v.to_owned(), self.profile_source()))
            })
    }

    /// The explicit value as given, else the environment's or profile's text parsed; a bad
    /// text is an error naming where it came from.
    fn parsed<T>(
        &self,
        explicit: Option<T>,
        env_names: &[&'static str],
        profile_key: &str,
        parse: fn(&str) -> std::result::Result<T, InvalidValue>,
    ) -> Result<Option<Sourced<T>>> {
        if let Some(value) = explicit {
            return Ok(Some(Sourced::new(value, Source::Explicit)));
        }
        let Some(raw) = self.string(&None, env_names, profile_key) else {
            return Ok(None);
        };
        match parse(&raw.value) {
            Ok(value) => Ok(Some(Sourced::new(value, raw.source))),
            Err(why) => Err(match &raw.source {
                Source::Environment(name) => {
                    Error::configuration(format!("{name}={}", raw.value), why)
                }
                _ => self
                    .profile
                    .error(profile_key, &raw.value, &why.to_string()),
            }),
        }
    }
}

/// An explicit `max_attempts` checked like any other source's.
fn explicit_max_attempts(explicit: Option<u32>) -> Result<Option<MaxAttempts>> {
    explicit
        .map(|attempts| {
            MaxAttempts::new(attempts).map_err(|why| {
                Error::setting_with(
                    SettingId::MaxAttempts,
                    &format!("={attempts}"),
                    why.to_string(),
                )
            })
        })
        .transpose()
}

fn parse_bool(text: &str) -> std::result::Result<bool, InvalidValue> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(InvalidValue::new("not a boolean (true or false)")),
    }
}

/// A deadline in seconds (fractions allowed); 0 means none.
fn parse_seconds(text: &str) -> std::result::Result<Option<Duration>, InvalidValue> {
    let why = || InvalidValue::new("not a number of seconds (0 for none)");
    let seconds: f64 = text.trim().parse().map_err(|_| why())?;
    let duration = Duration::try_from_secs_f64(seconds).map_err(|_| why())?;
    Ok((!duration.is_zero()).then_some(duration))
}

fn explicit_or_default<T>(explicit: Option<T>, default: T) -> Sourced<T> {
    match explicit {
        Some(value) => Sourced::new(value, Source::Explicit),
        None => Sourced::new(default, Source::Default),
    }
}

fn timeout(explicit: Option<Duration>) -> Sourced<Option<Duration>> {
    match explicit {
        Some(d) => Sourced::new((!d.is_zero()).then_some(d), Source::Explicit),
        None => Sourced::new(Some(DEFAULT_TIMEOUT), Source::Default),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn resolve(settings: &Settings, env: &[(&str, &str)]) -> Result<ResolvedConfig> {
        let mut env: HashMap<&str, &str> = env.iter().copied().collect();
        env.entry("AWS_CONFIG_FILE")
            .or_insert("/nonexistent/aws/config");
        ResolvedConfig::resolve(settings, &env)
    }

    #[test]
    fn explicit_beats_environment_beats_default() {
        let env = [
            ("AWS_REGION", "eu-west-1"),
            ("AWS_DEFAULT_REGION", "us-east-2"),
        ];
        let config = resolve(&Settings::new(), &env).unwrap();
        assert_eq!(
            config.region.unwrap(),
            Sourced::new("eu-west-1".into(), Source::Environment("AWS_REGION"))
        );
        let config = resolve(&Settings::new(), &env[1..]).unwrap();
        assert_eq!(
            config.region.unwrap().source,
            Source::Environment("AWS_DEFAULT_REGION")
        );
        let config = resolve(&Settings::new().region("ap-south-1"), &env).unwrap();
        assert_eq!(
            config.region.unwrap(),
            Sourced::new("ap-south-1".into(), Source::Explicit)
        );
        assert!(resolve(&Settings::new(), &[]).unwrap().region.is_none());
    }

    #[test]
    fn endpoint_variables_in_order_and_ignorable() {
        let env = [
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:1"),
            (
                "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER",
                "http://127.0.0.1:2",
            ),
        ];
        let config = resolve(&Settings::new(), &env).unwrap();
        assert_eq!(config.endpoint_url.unwrap().value, "http://127.0.0.1:2");
        let config = resolve(&Settings::new(), &env[..1]).unwrap();
        assert_eq!(
            config.endpoint_url.unwrap().source,
            Source::Environment("AWS_ENDPOINT_URL")
        );
        let ignore = [env[0], ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")];
        assert!(resolve(&Settings::new(), &ignore)
            .unwrap()
            .endpoint_url
            .is_none());
    }

    #[test]
    fn timeouts_default_to_60s_and_zero_means_none() {
        let config = resolve(&Settings::new(), &[]).unwrap();
        assert_eq!(config.connect_timeout.value, Some(DEFAULT_TIMEOUT));
        assert_eq!(config.read_timeout.value, Some(DEFAULT_TIMEOUT));
        let config = resolve(&Settings::new().read_timeout(Duration::ZERO), &[]).unwrap();
        assert_eq!(config.read_timeout.value, None);
        assert_eq!(config.attempt_timeout.value, None);
    }

    #[test]
    fn attempt_deadline_defaults_to_connect_plus_read_and_operation_to_none() {
        let settings = Settings::new()
            .connect_timeout(Duration::from_secs(2))
            .read_timeout(Duration::from_secs(3));
        let config = resolve(&settings, &[]).unwrap();
        assert_eq!(
            config.attempt_timeout,
            Sourced::new(Some(Duration::from_secs(5)), Source::Default)
        );
        assert_eq!(config.operation_timeout.value, None);
        let env = [
            ("AWS_ATTEMPT_TIMEOUT", "1.5"),
            ("AWS_OPERATION_TIMEOUT", "0"),
        ];
        let config = resolve(&settings, &env).unwrap();
        assert_eq!(
            config.attempt_timeout,
            Sourced::new(
                Some(Duration::from_millis(1500)),
                Source::Environment("AWS_ATTEMPT_TIMEOUT")
            )
        );
        assert_eq!(config.operation_timeout.value, None);
        let config = resolve(&settings.operation_timeout(Duration::from_secs(7)), &env).unwrap();
        assert_eq!(
            config.operation_timeout,
            Sourced::new(Some(Duration::from_secs(7)), Source::Explicit)
        );
        let err = resolve(&Settings::new(), &[("AWS_OPERATION_TIMEOUT", "-1")]).unwrap_err();
        assert_eq!(
            err.message(),
            "AWS_OPERATION_TIMEOUT=-1: not a number of seconds (0 for none)"
        );
    }

    #[test]
    fn deadlines_from_the_profile() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config");
        std::fs::write(
            &path,
            "[default]\nattempt_timeout = 4\noperation_timeout = 9.25\n",
        )
        .unwrap();
        let file = path.to_str().unwrap();
        let config = resolve(&Settings::new(), &[("AWS_CONFIG_FILE", file)]).unwrap();
        assert_eq!(config.attempt_timeout.value, Some(Duration::from_secs(4)));
        assert!(matches!(
            config.attempt_timeout.source,
            Source::Profile { .. }
        ));
        assert_eq!(
            config.operation_timeout.value,
            Some(Duration::from_millis(9250))
        );
    }

    #[test]
    fn bad_environment_values_name_the_variable() {
        let err = resolve(&Settings::new(), &[("AWS_MAX_ATTEMPTS", "abc")]).unwrap_err();
        assert_eq!(
            err.message(),
            "AWS_MAX_ATTEMPTS=abc: not a positive integer"
        );
        let err = resolve(&Settings::new(), &[("AWS_USE_FIPS_ENDPOINT", "yes")]).unwrap_err();
        assert!(err.message().starts_with("AWS_USE_FIPS_ENDPOINT=yes"));
        let err = resolve(&Settings::new(), &[("AWS_RETRY_MODE", "fast")]).unwrap_err();
        assert!(err.message().starts_with("AWS_RETRY_MODE=fast"));
    }

    #[test]
    fn profile_is_below_environment_and_names_itself_in_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config");
        std::fs::write(&path, "[profile dev]\nregion = ap-south-1\nmax_attempts = abc\nca_bundle = /p/ca.pem\n[default]\nregion = eu-north-1\nendpoint_url = http://127.0.0.1:7\nretry_mode = standard\n").unwrap();
        let file = path.to_str().unwrap();
        let config = resolve(&Settings::new(), &[("AWS_CONFIG_FILE", file)]).unwrap();
        assert_eq!(config.region.as_ref().unwrap().value, "eu-north-1");
        assert!(matches!(
            config.region.unwrap().source,
            Source::Profile { .. }
        ));
        assert_eq!(config.endpoint_url.unwrap().value, "http://127.0.0.1:7");
        let ignored = resolve(
            &Settings::new(),
            &[
                ("AWS_CONFIG_FILE", file),
                ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"),
            ],
        )
        .unwrap();
        assert!(ignored.endpoint_url.is_none());
        let env_wins = resolve(
            &Settings::new(),
            &[("AWS_CONFIG_FILE", file), ("AWS_REGION", "us-east-2")],
        )
        .unwrap();
        assert_eq!(env_wins.region.unwrap().value, "us-east-2");
        let err = resolve(
            &Settings::new().profile("dev"),
            &[("AWS_CONFIG_FILE", file)],
        )
        .unwrap_err();
        assert_eq!(
            err.message(),
            format!("profile 'dev' in {file}: max_attempts=abc: not a positive integer")
        );
        let config = resolve(
            &Settings::new().profile("dev").max_attempts(2),
            &[("AWS_CONFIG_FILE", file)],
        )
        .unwrap();
        assert_eq!(config.ca_bundle.unwrap().value, PathBuf::from("/p/ca.pem"));
        assert_eq!(config.max_attempts.value, 2);
    }

    #[test]
    fn fips_and_dualstack_from_environment_then_profile() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config");
        std::fs::write(
            &path,
            "[default]\nuse_fips_endpoint = true\nuse_dualstack_endpoint = true\n",
        )
        .unwrap();
        let file = path.to_str().unwrap();
        let config = resolve(&Settings::new(), &[("AWS_CONFIG_FILE", file)]).unwrap();
        assert!(config.use_fips_endpoint.value && config.use_dualstack_endpoint.value);
        assert!(matches!(
            config.use_fips_endpoint.source,
            Source::Profile { .. }
        ));
        let env = [
            ("AWS_CONFIG_FILE", file),
            ("AWS_USE_FIPS_ENDPOINT", "false"),
            ("AWS_USE_DUALSTACK_ENDPOINT", "false"),
        ];
        let config = resolve(&Settings::new(), &env).unwrap();
        assert!(!config.use_fips_endpoint.value && !config.use_dualstack_endpoint.value);
        assert_eq!(
            config.use_dualstack_endpoint.source,
            Source::Environment("AWS_USE_DUALSTACK_ENDPOINT")
        );
        let config = resolve(&Settings::new().use_fips_endpoint(true), &env).unwrap();
        assert_eq!(
            config.use_fips_endpoint,
            Sourced::new(true, Source::Explicit)
        );
    }

    #[test]
    fn ca_bundle_from_environment() {
        let config = resolve(&Settings::new(), &[("AWS_CA_BUNDLE", "/tmp/ca.pem")]).unwrap();
        assert_eq!(
            config.ca_bundle.unwrap().value,
            PathBuf::from("/tmp/ca.pem")
        );
    }
}
