//! The control endpoints over raw HTTP, the wire-level errors (unknown operation, bad JSON,
//! missing member), the request log that never holds a secret, and stopping.

mod support;

use std::net::TcpStream;

use cognito_attr_code_fake::{FakeCognito, FakeErrorKind, Options};
use serde_json::json;
use support::*;

fn control(port: u16, action: &str, body: &str) -> RawResponse {
    raw_post(
        port,
        &format!("/_fake/{action}"),
        &[("Content-Type", "application/json")],
        body,
    )
    .unwrap()
}

#[test]
fn the_control_endpoints_mirror_the_actions() {
    let fake = FakeCognito::start(Options::default()).unwrap();
    let port = fake.port();
    let added = control(
        port,
        "add_user",
        r#"{"username": "jane", "email": "jane@example.com"}"#,
    );
    assert_eq!(added.status, 200);
    assert_eq!(added.header("content-type"), Some("application/json"));
    let token = added.json()["access_token"].as_str().unwrap().to_owned();
    send_code(&fake, &token, "email").unwrap();
    let code = control(
        port,
        "last_code",
        r#"{"username": "jane", "attribute": "email"}"#,
    );
    assert_eq!(
        code.json()["code"].as_str(),
        last_code(&fake, "email").as_deref()
    );
    let none = control(
        port,
        "last_code",
        r#"{"username": "jane", "attribute": "phone_number"}"#,
    );
    assert_eq!(none.json(), json!({"code": null}));
    assert!(control(port, "advance", r#"{"seconds": 60}"#).json()["now"].is_i64());
    assert_eq!(
        control(port, "requests", "").json()["requests"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn control_errors_are_400_with_kind_and_message() {
    let fake = FakeCognito::start(Options::default()).unwrap();
    let port = fake.port();
    let cases = [
        ("nope", "{}", "UnknownAction", "no action"),
        (
            "user",
            r#"{"username": "ghost"}"#,
            "UnknownUser",
            "username",
        ),
        (
            "add_user",
            r#"{"username": "x", "emial": "a@b.c"}"#,
            "InvalidArgument",
            "emial",
        ),
        (
            "add_user",
            r#"{"email": "a@b.c"}"#,
            "InvalidArgument",
            "username",
        ),
        (
            "advance",
            r#"{"seconds": "ten"}"#,
            "InvalidArgument",
            "seconds",
        ),
        (
            "advance",
            "{not json",
            "InvalidArgument",
            "the body is not JSON",
        ),
        (
            "mint_token",
            r#"{"username": "x"}"#,
            "UnknownUser",
            "username",
        ),
    ];
    for (action, body, kind, start) in cases {
        let response = control(port, action, body);
        assert_eq!(response.status, 400, "{action} {body}");
        let error = response.json();
        assert_eq!(error["error"], json!(kind), "{action} {body}");
        assert!(
            error["message"].as_str().unwrap().starts_with(start),
            "{error}"
        );
    }
    control(port, "add_user", r#"{"username": "x"}"#);
    let duplicate = fake
        .control("add_user", &json!({"username": "x"}))
        .unwrap_err();
    assert_eq!(duplicate.kind, FakeErrorKind::InvalidArgument);
    assert!(duplicate
        .to_string()
        .contains("username: a user \"x\" already exists"));
}

#[test]
fn wire_errors_are_the_services() {
    let (fake, token) = fake_with_jane();
    let port = fake.port();
    let unknown = raw_call(port, "AdminGetUser", "{}");
    assert_eq!(unknown.status, 400);
    assert_eq!(
        unknown.json()["__type"],
        json!("com.amazon.coral.service#UnknownOperationException")
    );
    let bad_json = raw_call(port, "GetUserAttributeVerificationCode", "{not json");
    assert_eq!(bad_json.status, 400);
    assert_eq!(
        bad_json.json()["__type"],
        json!("com.amazon.coral.service#SerializationException")
    );
    assert_eq!(
        bad_json.header("x-amzn-errortype"),
        Some("SerializationException:")
    );
    let missing = raw_call(
        port,
        "VerifyUserAttribute",
        &json!({"AccessToken": token, "AttributeName": "email"}).to_string(),
    );
    assert_eq!(missing.json()["__type"], json!("InvalidParameterException"));
    assert_eq!(
        missing.json()["message"],
        json!("1 validation error detected: Value null at 'code' failed to satisfy constraint: Member must not be null")
    );
    let no_target = raw_post(port, "/", &[], "{}").unwrap();
    assert_eq!(
        no_target.json()["__type"],
        json!("com.amazon.coral.service#UnknownOperationException")
    );
}

#[test]
fn the_request_log_never_holds_a_token_or_a_code() {
    let (fake, token) = fake_with_jane();
    send_code(&fake, &token, "email").unwrap();
    let code = last_code(&fake, "email").unwrap();
    verify(&fake, &token, "email", "000000x").unwrap_err();
    verify(&fake, &token, "email", &code).unwrap();
    send_code(&fake, "forged.token.x", "phone_number").unwrap_err();
    let log = fake.control("requests", &json!({})).unwrap();
    assert_eq!(
        log,
        json!({"requests": [
            {"operation": "GetUserAttributeVerificationCode", "username": "jane", "attribute": "email", "outcome": "ok"},
            {"operation": "VerifyUserAttribute", "username": "jane", "attribute": "email", "outcome": "CodeMismatchException"},
            {"operation": "VerifyUserAttribute", "username": "jane", "attribute": "email", "outcome": "ok"},
            {"operation": "GetUserAttributeVerificationCode", "username": null, "attribute": "phone_number", "outcome": "NotAuthorizedException"},
        ]})
    );
    let text = log.to_string();
    assert!(!text.contains(&token) && !text.contains(&code));
    assert!(!format!("{fake:?}").contains(&token));
}

#[test]
fn stopping_closes_the_port() {
    let fake = FakeCognito::start(Options::default()).unwrap();
    let port = fake.port();
    assert_eq!(fake.endpoint_url(), format!("http://127.0.0.1:{port}"));
    assert_eq!(fake.region(), "us-east-1");
    fake.stop();
    assert!(TcpStream::connect(("127.0.0.1", port)).is_err());
    let error = FakeCognito::start(Options {
        region: "us-east-1.evil.com".into(),
        ..Options::default()
    })
    .unwrap_err();
    assert!(error.message.starts_with("region"));
}

#[test]
fn fake_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<FakeCognito>();
}
