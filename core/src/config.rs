//! Settings: what the caller sets explicitly, and their resolution against the environment into
//! the configuration a client runs with, remembering where each value came from.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use crate::environment::Environment;
use crate::error::{Error, Result};
use crate::retry::RetryMode;

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
    pub(crate) ca_bundle: Option<PathBuf>,
    pub(crate) verify_tls: Option<bool>,
    pub(crate) allow_insecure_http: Option<bool>,
    pub(crate) max_attempts: Option<u32>,
    pub(crate) retry_mode: Option<RetryMode>,
    pub(crate) use_fips_endpoint: Option<bool>,
    pub(crate) use_dualstack_endpoint: Option<bool>,
    pub(crate) retry_read_timeouts: Option<bool>,
    pub(crate) user_agent_suffix: Option<String>,
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

    /// Appended to the `User-Agent`, naming the front end, e.g. `"lang/python#3.11"`.
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.user_agent_suffix = Some(suffix.into());
        self
    }
}

/// Where a resolved value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Set explicitly by the caller (option, flag, argument).
    Explicit,
    /// The named environment variable.
    Environment(&'static str),
    /// Inferred from the access token's issuer.
    AccessToken,
    /// The built-in default.
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Explicit => f.write_str("explicit setting"),
            Source::Environment(name) => write!(f, "environment variable {name}"),
            Source::AccessToken => f.write_str("access token issuer"),
            Source::Default => f.write_str("default"),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Its source.
    pub source: Source,
}

impl<T> Sourced<T> {
    fn new(value: T, source: Source) -> Self {
        Self { value, source }
    }
}

/// The configuration a client runs with.
#[derive(Debug, Clone)]
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
    /// The front end named in the `User-Agent`.
    pub user_agent_suffix: String,
}

impl ResolvedConfig {
    /// Resolves `settings` against `env`: explicit setting, then environment, then default.
    pub fn resolve(settings: &Settings, env: &dyn Environment) -> Result<Self> {
        let region = explicit_or_env(&settings.region, env, &["AWS_REGION", "AWS_DEFAULT_REGION"]);
        let endpoint_url = explicit_or_env(
            &settings.endpoint_url,
            env,
            if env_bool(env, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")?.unwrap_or(false) {
                &[]
            } else {
                &[
                    "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER",
                    "AWS_ENDPOINT_URL",
                ]
            },
        );
        let ca_bundle = explicit_or_env(
            &settings
                .ca_bundle
                .as_ref()
                .map(|p| p.to_string_lossy().into_owned()),
            env,
            &["AWS_CA_BUNDLE"],
        )
        .map(|s| Sourced::new(PathBuf::from(s.value), s.source));
        Ok(Self {
            region,
            endpoint_url,
            use_fips_endpoint: bool_setting(
                settings.use_fips_endpoint,
                env,
                "AWS_USE_FIPS_ENDPOINT",
            )?,
            use_dualstack_endpoint: bool_setting(
                settings.use_dualstack_endpoint,
                env,
                "AWS_USE_DUALSTACK_ENDPOINT",
            )?,
            connect_timeout: timeout(settings.connect_timeout),
            read_timeout: timeout(settings.read_timeout),
            ca_bundle,
            verify_tls: explicit_or_default(settings.verify_tls, true),
            allow_insecure_http: explicit_or_default(settings.allow_insecure_http, false),
            max_attempts: max_attempts(settings.max_attempts, env)?,
            retry_mode: retry_mode(settings.retry_mode, env)?,
            retry_read_timeouts: settings.retry_read_timeouts.unwrap_or(false),
            user_agent_suffix: settings
                .user_agent_suffix
                .clone()
                .unwrap_or_else(|| "lang/rust".to_owned()),
        })
    }
}

fn explicit_or_env(
    explicit: &Option<String>,
    env: &dyn Environment,
    names: &[&'static str],
) -> Option<Sourced<String>> {
    if let Some(value) = explicit {
        return Some(Sourced::new(value.clone(), Source::Explicit));
    }
    names.iter().find_map(|name| {
        env.var(name)
            .map(|v| Sourced::new(v, Source::Environment(name)))
    })
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

fn env_bool(env: &dyn Environment, name: &'static str) -> Result<Option<bool>> {
    match env.var(name) {
        None => Ok(None),
        Some(v) if v.eq_ignore_ascii_case("true") => Ok(Some(true)),
        Some(v) if v.eq_ignore_ascii_case("false") => Ok(Some(false)),
        Some(v) => Err(Error::configuration(
            format!("{name}={v}"),
            "not a boolean (true or false)",
        )),
    }
}

fn bool_setting(
    explicit: Option<bool>,
    env: &dyn Environment,
    name: &'static str,
) -> Result<Sourced<bool>> {
    if let Some(value) = explicit {
        return Ok(Sourced::new(value, Source::Explicit));
    }
    Ok(match env_bool(env, name)? {
        Some(value) => Sourced::new(value, Source::Environment(name)),
        None => Sourced::new(false, Source::Default),
    })
}

fn max_attempts(explicit: Option<u32>, env: &dyn Environment) -> Result<Sourced<u32>> {
    if let Some(n) = explicit {
        if n == 0 {
            return Err(Error::configuration(
                "max_attempts=0",
                "not a positive integer",
            ));
        }
        return Ok(Sourced::new(n, Source::Explicit));
    }
    const NAME: &str = "AWS_MAX_ATTEMPTS";
    match env.var(NAME) {
        Some(v) => match v.trim().parse::<u32>() {
            Ok(n) if n > 0 => Ok(Sourced::new(n, Source::Environment(NAME))),
            _ => Err(Error::configuration(
                format!("{NAME}={v}"),
                "not a positive integer",
            )),
        },
        None => Ok(Sourced::new(DEFAULT_MAX_ATTEMPTS, Source::Default)),
    }
}

fn retry_mode(explicit: Option<RetryMode>, env: &dyn Environment) -> Result<Sourced<RetryMode>> {
    if let Some(mode) = explicit {
        return Ok(Sourced::new(mode, Source::Explicit));
    }
    const NAME: &str = "AWS_RETRY_MODE";
    match env.var(NAME) {
        Some(v) => RetryMode::parse(&v)
            .map(|mode| Sourced::new(mode, Source::Environment(NAME)))
            .ok_or_else(|| {
                Error::configuration(
                    format!("{NAME}={v}"),
                    "not one of standard, adaptive, legacy",
                )
            }),
        None => Ok(Sourced::new(RetryMode::Standard, Source::Default)),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn resolve(settings: &Settings, env: &[(&str, &str)]) -> Result<ResolvedConfig> {
        let env: HashMap<&str, &str> = env.iter().copied().collect();
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
    fn ca_bundle_from_environment() {
        let config = resolve(&Settings::new(), &[("AWS_CA_BUNDLE", "/tmp/ca.pem")]).unwrap();
        assert_eq!(
            config.ca_bundle.unwrap().value,
            PathBuf::from("/tmp/ca.pem")
        );
    }
}
