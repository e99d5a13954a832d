//! `VerifyUserAttribute` against scripted loopback servers: the exact request, the empty success,
//! the typed errors of its model, which of them are retried, local validation, and the secrecy of
//! the verification code in every echo form (errors, outputs and every log record).

use std::collections::HashMap;
use std::sync::Arc;

use base64::Engine;
use cognito_attr_code::{
    Client, Error, ErrorKind, GetAttrCodeRequest, OperationName, ServiceErrorCode, Settings,
    VerifyAttrOutput, VerifyAttrRequest,
};
use test_support::echo_forms::{json_escaped, leaks, percent_encoded};
use test_support::hostile::{response, HostileServer};
use test_support::{captured_logs, RecordingClock, Reply, TestServer};

const TOKEN: &str = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyLTEifQ.SECRET-signature_x";
const CODE: &str = "493817";
const LONG_CODE: &str = "verification-code-that-must-never-leak-0123456789";

fn client(url: String, max_attempts: u32) -> Client {
    let env: HashMap<&str, &str> = HashMap::new();
    Client::with_environment(
        &Settings::new().endpoint_url(url).max_attempts(max_attempts),
        &env,
    )
    .unwrap()
    .with_retry_clock(Arc::new(RecordingClock::new(0.0)))
}

fn verify(server: &TestServer, max_attempts: u32) -> Result<VerifyAttrOutput, Error> {
    client(server.url(), max_attempts).verify_attr(&VerifyAttrRequest::new(TOKEN, "email", CODE))
}

#[test]
fn sends_the_target_and_the_three_members_and_returns_the_metadata() {
    let server = TestServer::start(vec![Reply::json(200, "{}")]);
    let output = verify(&server, 3).unwrap();
    assert_eq!(output.metadata.request_id.as_deref(), Some("req-0001"));
    assert_eq!(
        (output.metadata.http_status, output.metadata.attempts),
        (200, 1)
    );
    let sent = &server.requests()[0];
    assert_eq!(
        sent.header("x-amz-target"),
        Some("AWSCognitoIdentityProviderService.VerifyUserAttribute")
    );
    assert_eq!(
        sent.header("content-type"),
        Some("application/x-amz-json-1.1")
    );
    assert_eq!(sent.header("authorization"), None);
    assert_eq!(
        std::str::from_utf8(&sent.body).unwrap(),
        format!(r#"{{"AccessToken":"{TOKEN}","AttributeName":"email","Code":"{CODE}"}}"#)
    );
}

#[test]
fn an_empty_body_or_unknown_members_are_a_success() {
    for body in ["", r#"{"Unknown":{"a":[1]}}"#] {
        let server = TestServer::start(vec![Reply::json(200, body)]);
        verify(&server, 1).unwrap();
    }
    let server = TestServer::start(vec![Reply::json(200, "<html>oops</html>")]);
    assert_eq!(verify(&server, 1).unwrap_err().kind(), &ErrorKind::Protocol);
}

#[test]
fn wrong_code_and_limit_exceeded_are_typed_and_never_retried() {
    for (code, status) in [
        ("CodeMismatchException", ServiceErrorCode::CodeMismatch),
        ("LimitExceededException", ServiceErrorCode::LimitExceeded),
    ] {
        for http in [400, 500] {
            let server = TestServer::start(vec![Reply::service_error(http, code, "Invalid code")]);
            let err = verify(&server, 3).unwrap_err();
            assert_eq!(err.kind(), &ErrorKind::Service(status));
            assert_eq!(err.attempts(), 1, "{code} with HTTP {http}");
            assert_eq!(server.requests().len(), 1);
        }
    }
}

#[test]
fn every_verify_error_of_the_model_is_typed() {
    for code in OperationName::VerifyUserAttribute.modeled_errors() {
        let server = TestServer::start(vec![Reply::service_error(400, code.as_str(), "m")]);
        let err = verify(&server, 1).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Service(code));
        assert_eq!(err.code(), code.as_str());
    }
}

#[test]
fn operation_not_enabled_is_typed_for_both_operations() {
    let message = "This operation is not enabled in this Region";
    let reply = Reply::service_error(400, "OperationNotEnabledException", message);
    let expected = ErrorKind::Service(ServiceErrorCode::OperationNotEnabled);
    let server = TestServer::start(vec![reply]);
    let client = client(server.url(), 3);
    let err = client
        .get_attr_code(&GetAttrCodeRequest::new(TOKEN, "email"))
        .unwrap_err();
    assert_eq!((err.kind(), err.message()), (&expected, message));
    let err = client
        .verify_attr(&VerifyAttrRequest::new(TOKEN, "email", CODE))
        .unwrap_err();
    assert_eq!(err.kind(), &expected);
    assert_eq!(server.requests().len(), 2, "neither is retried on HTTP 400");
}

#[test]
fn internal_errors_are_retried_within_one_invocation() {
    let server = TestServer::start(vec![
        Reply::service_error(500, "InternalErrorException", "boom"),
        Reply::json(200, "{}"),
    ]);
    assert_eq!(verify(&server, 3).unwrap().metadata.attempts, 2);
    let requests = server.requests();
    assert_eq!(
        requests[0].header("amz-sdk-invocation-id"),
        requests[1].header("amz-sdk-invocation-id")
    );
}

#[test]
fn a_bad_code_is_refused_before_any_io_without_quoting_it() {
    let server = TestServer::start(vec![Reply::json(200, "{}")]);
    for code in ["", "493 817", "secret\tcode"] {
        let err = client(server.url(), 1)
            .verify_attr(&VerifyAttrRequest::new(TOKEN, "email", code))
            .unwrap_err();
        assert_eq!(
            err.kind(),
            &ErrorKind::InvalidArgument {
                argument: "code".into()
            }
        );
        assert!(!err.to_string().contains("secret"), "{err}");
    }
    assert!(server.requests().is_empty());
}

fn assert_clean(what: &str, text: &str) {
    for secret in [TOKEN, CODE, LONG_CODE] {
        assert!(!leaks(text, secret), "{what} leaks {secret}: {text}");
    }
}

fn hostile_verify(bytes: Vec<u8>, code: &str) -> Result<VerifyAttrOutput, Error> {
    captured_logs();
    let server = HostileServer::replying(bytes);
    client(server.url(), 1).verify_attr(&VerifyAttrRequest::new(TOKEN, "email", code))
}

fn assert_logs_clean() {
    let logs = captured_logs().lock().unwrap().clone();
    assert!(
        logs.iter().any(|line| line.contains("attempt 1/")),
        "{logs:?}"
    );
    for line in &logs {
        assert_clean("log record", line);
    }
}

#[test]
fn an_echoed_code_is_scrubbed_from_errors_outputs_and_logs_in_every_form() {
    const JSON: (&str, &str) = ("Content-Type", "application/x-amz-json-1.1");
    for code in [CODE, LONG_CODE] {
        let escaped = json_escaped(code);
        let percent = percent_encoded(code);
        let base64 = base64::engine::general_purpose::STANDARD.encode(format!("code={code}"));
        let header_name = format!("X-Echo-{code}");
        let headers = [
            JSON,
            ("x-amzn-RequestId", code),
            ("X-Escaped", escaped.as_str()),
            ("X-Percent", percent.as_str()),
            ("X-Base64", base64.as_str()),
            (header_name.as_str(), "1"),
        ];
        let body = format!(
            r#"{{"__type":"CodeMismatchException","message":"wrong {escaped} / {} / {percent}","reasonCode":"{code}"}}"#,
            code.to_ascii_uppercase()
        );
        let err = hostile_verify(response("400 Bad Request", &headers, body.as_bytes()), code)
            .unwrap_err();
        assert_eq!(
            err.kind(),
            &ErrorKind::Service(ServiceErrorCode::CodeMismatch)
        );
        assert_eq!(err.message(), "wrong *** / *** / ***");
        for text in [err.to_string(), format!("{err:?}")] {
            assert_clean("error", &text);
        }
        let base64_header = &err.http_headers().iter().find(|(n, _)| n == "x-base64");
        if code.len() >= cognito_attr_code::SECRET_FRAGMENT_LEN {
            assert!(base64_header.unwrap().1.contains("***"));
        }
        let output = hostile_verify(response("200 OK", &headers, b"{}"), code).expect("a success");
        assert_eq!(output.metadata.request_id.as_deref(), Some("***"));
        assert_clean("output", &format!("{output:?}"));
        let echo = format!(r#"{{"Echo":"{escaped}""#);
        let err = hostile_verify(response("200 OK", &[JSON], echo.as_bytes()), code).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Protocol);
        assert_clean("protocol error", &format!("{err:?}"));
        assert_logs_clean();
    }
}
