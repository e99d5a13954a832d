//! Each row of the diagnosis table against a loopback server sending the service's real
//! messages: the cause, the hint, and that neither the kind, the message nor the retry rule
//! changes; the one local cause (an ID token) sends nothing; hints never carry the token or the
//! verification code, even when the service's text they quote echoes them. The causes the fake
//! Cognito (`fake/`) reaches by behaving as the service does (limits, tokens, wrong and expired
//! codes) are tested against it; the others against canned answers.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use cognito_attr_code::{
    Cause, Client, Error, ErrorKind, GetAttrCodeRequest, ServiceErrorCode, Settings,
    VerifyAttrRequest,
};
use cognito_attr_code_fake::{FakeCognito, Options};
use serde_json::{json, Value};
use test_support::echo_forms::leaks;
use test_support::{RecordingClock, Reply, TestServer};

const CODE: &str = "493817";

fn token_with(claims: &str) -> String {
    format!(
        "eyJhbGciOiJub25lIn0.{}.SECRET-signature_that_must_not_leak",
        URL_SAFE_NO_PAD.encode(claims)
    )
}

fn access_token() -> String {
    token_with(
        r#"{"token_use":"access","scope":"aws.cognito.signin.user.admin","iss":"https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC"}"#,
    )
}

fn client(server: &TestServer, settings: Settings) -> Client {
    client_at(server.url(), settings)
}

fn client_at(url: String, settings: Settings) -> Client {
    let env: HashMap<&str, &str> = HashMap::new();
    Client::with_environment(&settings.endpoint_url(url), &env)
        .unwrap()
        .with_retry_clock(Arc::new(RecordingClock::new(0.0)))
}

/// A fake Cognito in eu-west-1 (the region of `access_token()`, which it did not mint).
fn fake(options: Options) -> FakeCognito {
    FakeCognito::start(Options {
        region: "eu-west-1".into(),
        ..options
    })
    .unwrap()
}

fn control(fake: &FakeCognito, action: &str, args: &Value) -> Value {
    fake.control(action, args).unwrap()
}

/// A user with an e-mail address; returns the access token the fake minted for them.
fn add_user(fake: &FakeCognito, username: &str) -> String {
    let args = json!({"username": username, "email": format!("{username}@example.com")});
    control(fake, "add_user", &args)["access_token"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn mint_token(fake: &FakeCognito, args: &Value) -> String {
    control(fake, "mint_token", args)["token"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn fake_client(fake: &FakeCognito) -> Client {
    client_at(
        fake.endpoint_url(),
        Settings::new().region("eu-west-1").max_attempts(3),
    )
}

fn requests_received(fake: &FakeCognito) -> usize {
    control(fake, "requests", &json!({}))["requests"]
        .as_array()
        .unwrap()
        .len()
}

fn get_attr_code_error(server: &TestServer, token: &str) -> Error {
    client(server, Settings::new().region("eu-west-1"))
        .get_attr_code(&GetAttrCodeRequest::new(token, "email"))
        .unwrap_err()
}

/// The cause, with every string checked for the token and the code.
fn cause_and_hint(err: &Error, token: &str) -> (Option<&'static str>, String) {
    let hint = err
        .diagnosis()
        .map(|d| d.hint().to_owned())
        .unwrap_or_default();
    for text in [hint.as_str(), &format!("{err:?}")] {
        assert!(!leaks(text, token), "leaks the token: {text}");
        assert!(!text.contains(CODE), "leaks the code: {text}");
    }
    (err.diagnosis().map(|d| d.cause().as_str()), hint)
}

/// One service error in, its diagnosis out; the error itself unchanged.
fn diagnosed(code: &str, message: &str) -> (Option<&'static str>, String) {
    let server = TestServer::start(vec![Reply::service_error(400, code, message)]);
    let token = access_token();
    let err = get_attr_code_error(&server, &token);
    assert_eq!(err.code(), code);
    assert_eq!(
        err.message(),
        message,
        "a diagnosis never changes the message"
    );
    let (cause, hint) = cause_and_hint(&err, &token);
    (cause, hint)
}

#[test]
fn the_per_user_limit_and_the_daily_email_quota_are_told_apart_and_never_retried() {
    // Five e-mails a day for the pool: jane's 6th request in an hour meets her own limit first,
    // then joe's first meets the pool's quota.
    let fake = fake(Options {
        daily_email_quota: Some(5),
        ..Options::default()
    });
    let client = fake_client(&fake);
    let jane = add_user(&fake, "jane");
    for _ in 0..5 {
        client
            .get_attr_code(&GetAttrCodeRequest::new(jane.as_str(), "email"))
            .unwrap();
    }
    let joe = add_user(&fake, "joe");
    for (token, cause, says) in [
        (
            jane,
            "per_user_limit",
            "5 code requests or 15 verifications per user per hour",
        ),
        (joe, "daily_email_limit", "Amazon SES"),
    ] {
        let before = requests_received(&fake);
        let err = client
            .get_attr_code(&GetAttrCodeRequest::new(token.as_str(), "email"))
            .unwrap_err();
        assert_eq!(
            err.kind(),
            &ErrorKind::Service(ServiceErrorCode::LimitExceeded)
        );
        assert_eq!(err.attempts(), 1, "a cause never changes the retry rule");
        assert_eq!(requests_received(&fake), before + 1);
        let (found, hint) = cause_and_hint(&err, &token);
        assert_eq!(found, Some(cause));
        assert!(hint.contains(says), "{hint}");
    }
}

#[test]
fn an_expired_token_says_when_it_expired_in_utc_and_how_long_ago() {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    // Two hours and ten seconds ago: "2 h 0 min ago" unless the call takes 50 s.
    let exp = now - 2 * 3600 - 10;
    let token = token_with(&format!(
        r#"{{"token_use":"access","scope":"aws.cognito.signin.user.admin","exp":{exp}}}"#
    ));
    let server = TestServer::start(vec![Reply::service_error(
        400,
        "NotAuthorizedException",
        "Access Token has expired",
    )]);
    let err = get_attr_code_error(&server, &token);
    let (cause, hint) = cause_and_hint(&err, &token);
    assert_eq!(cause, Some("token_expired"));
    let when = std::process::Command::new("date")
        .args(["-u", "-d", &format!("@{exp}"), "+%Y-%m-%d %H:%M:%S UTC"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned());
    if let Some(when) = when.ok().filter(|w| !w.is_empty()) {
        assert!(hint.contains(when.as_str()), "{hint} vs {when}");
    }
    assert!(hint.contains(" UTC (2 h 0 min ago)"), "{hint}");
    assert!(hint.contains("refresh"), "{hint}");

    // Without a readable `exp`, the same cause without a date.
    let (cause, hint) = diagnosed("NotAuthorizedException", "Access Token has expired");
    assert_eq!(cause, Some("token_expired"));
    assert!(!hint.contains("UTC"), "{hint}");
}

#[test]
fn revoked_scope_less_and_invalid_tokens_each_get_their_cause() {
    let fake = fake(Options::default());
    let jane = add_user(&fake, "jane");
    control(&fake, "revoke_tokens", &json!({"username": "jane"}));
    let client = fake_client(&fake);
    let error_for = |token: &str| {
        client
            .get_attr_code(&GetAttrCodeRequest::new(token, "email"))
            .unwrap_err()
    };

    let err = error_for(&jane);
    assert_eq!(err.message(), "Access Token has been revoked");
    let (cause, hint) = cause_and_hint(&err, &jane);
    assert_eq!(cause, Some("token_revoked"));
    assert!(hint.contains("sign the user in again"), "{hint}");

    let scope_less = mint_token(&fake, &json!({"username": "jane", "admin_scope": false}));
    let err = error_for(&scope_less);
    assert_eq!(err.message(), "Access Token does not have required scopes");
    let (cause, hint) = cause_and_hint(&err, &scope_less);
    assert_eq!(cause, Some("missing_scope"));
    assert!(hint.contains("aws.cognito.signin.user.admin"), "{hint}");

    // Issued in eu-west-1 (by a pool the fake does not know), sent to eu-west-1: no region to blame.
    let foreign = access_token();
    let err = error_for(&foreign);
    assert_eq!(err.message(), "Invalid Access Token");
    let (cause, hint) = cause_and_hint(&err, &foreign);
    assert_eq!(cause, Some("invalid_token"));
    assert!(!hint.contains("eu-west-1"), "{hint}");
}

#[test]
fn an_invalid_token_from_another_region_names_both_regions() {
    // Signed in with a pool in us-east-2, sent to the service in eu-west-1, which does not know it.
    let us_east_2 = FakeCognito::start(Options {
        region: "us-east-2".into(),
        ..Options::default()
    })
    .unwrap();
    let token = add_user(&us_east_2, "jane");
    let eu_west_1 = fake(Options::default());
    let err = fake_client(&eu_west_1)
        .get_attr_code(&GetAttrCodeRequest::new(token.as_str(), "email"))
        .unwrap_err();
    assert_eq!(err.message(), "Invalid Access Token");
    let (cause, hint) = cause_and_hint(&err, &token);
    assert_eq!(cause, Some("invalid_token"));
    assert!(
        hint.contains("issued by a user pool in us-east-2")
            && hint.contains("went to the eu-west-1 endpoint"),
        "{hint}"
    );
}

#[test]
fn an_id_token_is_refused_locally_and_nothing_reaches_the_server() {
    let id_token = token_with(r#"{"token_use":"id","scope":"aws.cognito.signin.user.admin"}"#);
    let server = TestServer::start(vec![Reply::json(200, "{}")]);
    for validate_token in [false, true] {
        let err = client(&server, Settings::new().validate_token(validate_token))
            .get_attr_code(&GetAttrCodeRequest::new(id_token.as_str(), "email"))
            .unwrap_err();
        assert_eq!(
            err.kind(),
            &ErrorKind::InvalidArgument {
                argument: "access_token".into()
            }
        );
        assert_eq!(err.attempts(), 0);
        let (cause, hint) = cause_and_hint(&err, &id_token);
        assert_eq!(cause, Some("id_token_given"));
        assert!(hint.contains("access token"), "{hint}");
        let err = client(&server, Settings::new())
            .verify_attr(&VerifyAttrRequest::new(id_token.as_str(), "email", CODE))
            .unwrap_err();
        assert_eq!(cause_and_hint(&err, &id_token).0, Some("id_token_given"));
    }
    assert_eq!(server.requests().len(), 0, "an ID token is never sent");
    // A token that cannot be decoded is sent as before, and gets no local cause.
    let server = TestServer::start(vec![Reply::json(200, "{}")]);
    client(&server, Settings::new())
        .get_attr_code(&GetAttrCodeRequest::new("not.a-jwt.token", "email"))
        .unwrap();
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn a_failed_lambda_trigger_is_named_with_its_message() {
    for code in [
        "UserLambdaValidationException",
        "UnexpectedLambdaException",
        "InvalidLambdaResponseException",
    ] {
        let (cause, hint) = diagnosed(code, "CustomMessage failed with error Forbidden domain.");
        assert_eq!(cause, Some("lambda_trigger"), "{code}");
        assert!(
            hint.contains("CustomMessage Lambda trigger") && hint.contains("\"Forbidden domain.\""),
            "{hint}"
        );
    }
    let (cause, _) = diagnosed("UnexpectedLambdaException", "Unrecognizable lambda output");
    assert_eq!(cause, None, "an unknown message gets no cause");
}

#[test]
fn a_lambda_message_echoing_the_token_is_scrubbed_in_the_hint() {
    let token = access_token();
    let message = format!("CustomEmailSender failed with error bad token {token}");
    let server = TestServer::start(vec![Reply::service_error(
        400,
        "UserLambdaValidationException",
        &message,
    )]);
    let err = get_attr_code_error(&server, &token);
    let (cause, hint) = cause_and_hint(&err, &token);
    assert_eq!(cause, Some("lambda_trigger"));
    assert!(hint.contains("bad token ***"), "{hint}");
}

#[test]
fn delivery_failure_and_throttling_get_their_cause_and_keep_their_retry_rule() {
    let (cause, hint) = diagnosed(
        "CodeDeliveryFailureException",
        "Unable to deliver message to the provided email address.",
    );
    assert_eq!(cause, Some("delivery_failed"));
    assert!(hint.contains("SES") && hint.contains("SNS"), "{hint}");

    let server = TestServer::start(vec![
        Reply::service_error(400, "TooManyRequestsException", "Too many requests"),
        Reply::service_error(400, "TooManyRequestsException", "Too many requests"),
    ]);
    let token = access_token();
    let err = client(&server, Settings::new().max_attempts(2))
        .get_attr_code(&GetAttrCodeRequest::new(token.as_str(), "email"))
        .unwrap_err();
    assert_eq!(err.attempts(), 2, "throttling is still retried");
    let (cause, hint) = cause_and_hint(&err, &token);
    assert_eq!(cause, Some("rate_limited"));
    assert!(
        hint.contains("already retried with back-off (2 attempts)"),
        "{hint}"
    );
}

#[test]
fn wrong_and_expired_codes_when_verifying() {
    let fake = fake(Options::default());
    let jane = add_user(&fake, "jane");
    let client = fake_client(&fake);
    client
        .get_attr_code(&GetAttrCodeRequest::new(jane.as_str(), "email"))
        .unwrap();
    let args = json!({"username": "jane", "attribute": "email"});
    let code = control(&fake, "last_code", &args)["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let verify_error = |token: &str, code: &str| {
        let err = client
            .verify_attr(&VerifyAttrRequest::new(token, "email", code))
            .unwrap_err();
        let (cause, hint) = cause_and_hint(&err, token);
        assert!(!format!("{hint}{err:?}").contains(code), "leaks the code");
        (err.code().to_owned(), cause, hint)
    };

    let (error, cause, hint) = verify_error(&jane, wrong);
    assert_eq!(error, "CodeMismatchException");
    assert_eq!(cause, Some("wrong_code"));
    assert!(hint.contains("type it again"), "{hint}");

    // A day later (and signed in again: tokens live an hour) the right code has expired.
    control(&fake, "advance", &json!({"seconds": 24 * 3600}));
    let signed_in_again = mint_token(&fake, &json!({"username": "jane"}));
    let (error, cause, hint) = verify_error(&signed_in_again, &code);
    assert_eq!(error, "ExpiredCodeException");
    assert_eq!(cause, Some("code_expired"));
    assert!(hint.contains("24 hours"), "{hint}");
}

#[test]
fn unknown_messages_codes_and_local_errors_get_no_cause() {
    for (code, message) in [
        ("NotAuthorizedException", "User is disabled."),
        ("LimitExceededException", "Something new"),
        ("InvalidParameterException", "Invalid attribute name."),
        (
            "SomeNewException",
            "Attempt limit exceeded, please try after some time.",
        ),
    ] {
        assert_eq!(diagnosed(code, message).0, None, "{code}: {message}");
    }
    let err = Client::new(
        &Settings::new()
            .endpoint_url("http://127.0.0.1:9")
            .max_attempts(1),
    )
    .unwrap()
    .get_attr_code(&GetAttrCodeRequest::new(access_token(), ""))
    .unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::InvalidArgument { .. }));
    assert!(err.diagnosis().is_none());
}

/// A front end's spelling, as ffi-c spells durations.
struct Millis;

impl cognito_attr_code::Spelling for Millis {
    fn setting(&self, setting: cognito_attr_code::SettingId) -> String {
        format!("set_{}_ms", setting.name())
    }
    fn setting_duration(
        &self,
        setting: cognito_attr_code::SettingId,
        value: std::time::Duration,
    ) -> String {
        format!("{}({})", self.setting(setting), value.as_millis())
    }
    fn how_to_set(&self, setting: cognito_attr_code::SettingId, _: &str) -> String {
        self.setting(setting)
    }
}

#[test]
fn a_timeout_names_the_setting_that_ran_out_in_the_callers_spelling() {
    use cognito_attr_code::TimeoutPhase;
    use std::time::Duration;
    let server = TestServer::start(vec![Reply::Delayed(
        Duration::from_secs(2),
        Box::new(Reply::json(200, "{}")),
    )]);
    let err = client(
        &server,
        Settings::new()
            .read_timeout(Duration::from_millis(200))
            .max_attempts(1),
    )
    .get_attr_code(&GetAttrCodeRequest::new(access_token(), "email"))
    .unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Timeout(TimeoutPhase::Read));
    for (message, named) in [
        (err.message().to_owned(), "read_timeout=0.2 s"),
        (err.message_in(&Millis), "set_read_timeout_ms(200)"),
    ] {
        assert!(
            message.ends_with(&format!("did not answer within {named}")),
            "{message}"
        );
    }
    assert!(err.diagnosis().is_none());
}

#[test]
fn every_cause_is_tested_here() {
    let source = include_str!("diagnosis.rs");
    for cause in Cause::ALL {
        assert!(
            source.contains(&format!("\"{}\"", cause.as_str())),
            "{cause} has no test in core/tests/diagnosis.rs"
        );
    }
}
