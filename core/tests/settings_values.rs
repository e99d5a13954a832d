//! Explicit settings reach the resolved configuration as given (never through a string), and
//! each invalid value is refused with the core's one message, whatever its source.

use std::collections::HashMap;

use cognito_attr_code::{MaxAttempts, ResolvedConfig, Result, RetryMode, Settings, Source};

fn resolve(settings: &Settings, env: &[(&str, &str)]) -> Result<ResolvedConfig> {
    let mut env: HashMap<&str, &str> = env.iter().copied().collect();
    env.insert("AWS_CONFIG_FILE", "/nonexistent/aws/config");
    ResolvedConfig::resolve(settings, &env)
}

#[cfg(unix)]
#[test]
fn an_explicit_ca_bundle_path_that_is_not_utf8_is_kept_byte_for_byte() {
    use std::os::unix::ffi::OsStringExt;
    use std::path::PathBuf;
    let path = PathBuf::from(std::ffi::OsString::from_vec(b"/tmp/ca-\xff.pem".to_vec()));
    let config = resolve(
        &Settings::new().ca_bundle(&path),
        &[("AWS_CA_BUNDLE", "/x.pem")],
    )
    .unwrap();
    let bundle = config.ca_bundle.unwrap();
    assert_eq!(bundle.value, path);
    assert_eq!(bundle.source, Source::Explicit);
}

#[test]
fn an_explicit_zero_max_attempts_has_the_same_message_as_the_constructor() {
    let err = resolve(&Settings::new().max_attempts(0), &[]).unwrap_err();
    let why = MaxAttempts::new(0).unwrap_err();
    assert_eq!(err.message(), format!("max_attempts=0: {why}"));
    assert_eq!(why.to_string(), "must be at least 1");
    let config = resolve(
        &Settings::new().max_attempts(7),
        &[("AWS_MAX_ATTEMPTS", "2")],
    )
    .unwrap();
    assert_eq!(config.max_attempts.value, 7);
    assert_eq!(config.max_attempts.source, Source::Explicit);
}

#[test]
fn a_bad_retry_mode_has_the_same_message_from_the_environment_and_from_str() {
    let err = resolve(&Settings::new(), &[("AWS_RETRY_MODE", "fast")]).unwrap_err();
    let why = "fast".parse::<RetryMode>().unwrap_err();
    assert_eq!(err.message(), format!("AWS_RETRY_MODE=fast: {why}"));
    assert_eq!(
        why.to_string(),
        r#""fast" is not one of "standard", "adaptive", "legacy""#
    );
    assert_eq!(" Legacy ".parse::<RetryMode>(), Ok(RetryMode::Standard));
    assert_eq!(RetryMode::parse("adaptive"), Some(RetryMode::Adaptive));
    let config = resolve(
        &Settings::new().retry_mode(RetryMode::Adaptive),
        &[("AWS_RETRY_MODE", "fast")],
    )
    .unwrap();
    assert_eq!(config.retry_mode.value, RetryMode::Adaptive);
}
