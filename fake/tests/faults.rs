//! `fail_next`: a modeled error with its real message and status, an HTTP status, a delay, a
//! connection reset; limited to one operation, repeated `count` times, then used up.

mod support;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use cognito_attr_code::{Client, ErrorKind, GetAttrCodeRequest, Settings};
use cognito_attr_code_fake::FakeErrorKind;
use serde_json::json;
use support::*;

#[test]
fn an_error_without_a_message_has_the_real_one_and_is_used_up() {
    let (fake, token) = fake_with_jane();
    fake.control("fail_next", &json!({"error": "LimitExceededException"}))
        .unwrap();
    let error = send_code(&fake, &token, "email").unwrap_err();
    assert_eq!(
        service_error(&error),
        (
            "LimitExceededException".into(),
            "Attempt limit exceeded, please try after some time.".into()
        )
    );
    assert_eq!(error.http_status(), Some(400));
    send_code(&fake, &token, "email").unwrap();
    assert_eq!(
        last_code(&fake, "email").iter().count(),
        1,
        "the faulted call sent nothing"
    );
}

#[test]
fn a_server_fault_has_status_500_and_the_client_retries_it() {
    let (fake, token) = fake_with_jane();
    fake.control("fail_next", &json!({"error": "InternalErrorException"}))
        .unwrap();
    let error = send_code(&fake, &token, "email").unwrap_err();
    assert_eq!(
        (error.code(), error.http_status()),
        ("InternalErrorException", Some(500))
    );

    fake.control(
        "fail_next",
        &json!({"error": "InternalErrorException", "count": 2}),
    )
    .unwrap();
    let env: HashMap<&str, &str> = HashMap::new();
    let client = Client::with_environment(
        &Settings::new()
            .endpoint_url(fake.endpoint_url())
            .max_attempts(3),
        &env,
    )
    .unwrap();
    let output = client
        .get_attr_code(&GetAttrCodeRequest::new(token.as_str(), "email"))
        .unwrap();
    assert_eq!(output.metadata.attempts, 3);
}

#[test]
fn operation_message_and_status_are_honoured() {
    let (fake, token) = fake_with_jane();
    fake.control(
        "fail_next",
        &json!({"operation": "VerifyUserAttribute", "error": "CodeDeliveryFailureException",
                "message": "custom words", "status": 418}),
    )
    .unwrap();
    send_code(&fake, &token, "email").unwrap();
    let code = last_code(&fake, "email").unwrap();
    let error = verify(&fake, &token, "email", &code).unwrap_err();
    assert_eq!(
        service_error(&error),
        ("CodeDeliveryFailureException".into(), "custom words".into())
    );
    assert_eq!(error.http_status(), Some(418));
    verify(&fake, &token, "email", &code).unwrap();
}

#[test]
fn a_bare_status_has_a_body_that_is_not_json() {
    let (fake, token) = fake_with_jane();
    fake.control("fail_next", &json!({"status": 503})).unwrap();
    let error = send_code(&fake, &token, "email").unwrap_err();
    assert_eq!(error.http_status(), Some(503));
    let outcomes = fake.control("requests", &json!({})).unwrap()["requests"][0]["outcome"].clone();
    assert_eq!(outcomes, json!("status 503"));
}

#[test]
fn a_reset_closes_the_connection_without_a_response() {
    let (fake, token) = fake_with_jane();
    fake.control("fail_next", &json!({"reset": true})).unwrap();
    let error = send_code(&fake, &token, "email").unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::Network, "{error}");
    let record = fake.control("requests", &json!({})).unwrap()["requests"][0].clone();
    assert_eq!(
        record,
        json!({"operation": "GetUserAttributeVerificationCode", "username": "jane",
               "attribute": "email", "outcome": "reset"})
    );
    send_code(&fake, &token, "email").unwrap();
}

#[test]
fn a_delay_holds_the_answer_and_can_time_the_client_out() {
    let (fake, token) = fake_with_jane();
    fake.control("fail_next", &json!({"delay_seconds": 0.5}))
        .unwrap();
    let started = Instant::now();
    send_code(&fake, &token, "email").unwrap();
    assert!(started.elapsed() >= Duration::from_millis(500));

    fake.control(
        "fail_next",
        &json!({"delay_seconds": 2, "error": "TooManyRequestsException"}),
    )
    .unwrap();
    let env: HashMap<&str, &str> = HashMap::new();
    let client = Client::with_environment(
        &Settings::new()
            .endpoint_url(fake.endpoint_url())
            .max_attempts(1)
            .read_timeout(Duration::from_millis(300)),
        &env,
    )
    .unwrap();
    let error = client
        .get_attr_code(&GetAttrCodeRequest::new(token.as_str(), "email"))
        .unwrap_err();
    assert!(matches!(error.kind(), ErrorKind::Timeout(_)), "{error}");
}

#[test]
fn bad_fail_next_arguments_name_the_field() {
    let (fake, _) = fake_with_jane();
    let cases = [
        (json!({"eror": "X"}), "eror"),
        (json!({"operation": "SignUp", "error": "X"}), "operation"),
        (json!({"reset": true, "error": "X"}), "reset"),
        (json!({"status": 99}), "status"),
        (json!({"count": 0, "error": "X"}), "count"),
        (json!({}), "error"),
        (json!({"delay_seconds": -1}), "delay_seconds"),
    ];
    for (args, field) in cases {
        let error = fake.control("fail_next", &args).unwrap_err();
        assert_eq!(error.kind, FakeErrorKind::InvalidArgument, "{args}");
        assert!(error.message.starts_with(field), "{args}: {error}");
    }
}

#[test]
fn a_reset_on_a_kept_alive_connection_reaches_a_client_that_replays() {
    let (fake, token) = fake_with_jane();
    let client = client(&fake);
    let request = GetAttrCodeRequest::new(token.as_str(), "email");
    client.get_attr_code(&request).unwrap();
    fake.control("fail_next", &json!({"reset": true})).unwrap();
    let error = client.get_attr_code(&request).unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::Network, "{error}");
    let requests = fake.control("requests", &json!({})).unwrap()["requests"].clone();
    let outcomes: Vec<_> = requests
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["outcome"].clone())
        .collect();
    assert_eq!(outcomes, [json!("ok"), json!("reset"), json!("reset")]);
    client.get_attr_code(&request).unwrap();
}
