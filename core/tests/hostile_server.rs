//! A server that misbehaves on purpose — compressed, nested, header-flooded, mis-encoded bodies,
//! storms of 5xx, absurd `x-amz-retry-after` values — gets a typed error (or the success it sent)
//! after a known number of attempts, within a bound generous enough for a loaded machine.
//! (Echoed secrets: `hostile_secrecy.rs`; trickles and deadlines: `deadlines.rs`; resets, truncation,
//! silence and redirects: `client.rs`.)

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use cognito_attr_code::{
    Client, Error, ErrorKind, GetAttrCodeOutput, GetAttrCodeRequest, Settings, TimeoutPhase,
    MAX_BACKOFF,
};
use test_support::hostile::{response, HostileServer, Step};
use test_support::RecordingClock;

const TOKEN: &str = "eyJraWQiOiJzdG9ybSJ9.eyJzdWIiOiJzdG9ybSJ9.c3Rvcm0tc2lnbmF0dXJl";
const JSON: (&str, &str) = ("Content-Type", "application/x-amz-json-1.1");
/// Far above what any of these scenarios needs on an idle machine.
const BOUND: Duration = Duration::from_secs(20);

fn call(
    server: &HostileServer,
    settings: Settings,
    clock: Option<Arc<RecordingClock>>,
) -> (Result<GetAttrCodeOutput, Error>, Duration) {
    let env: HashMap<&str, &str> = HashMap::new();
    let mut client =
        Client::with_environment(&settings.endpoint_url(server.url()), &env).expect("client");
    if let Some(clock) = clock {
        client = client.with_retry_clock(clock);
    }
    let started = Instant::now();
    let result = client.get_attr_code(&GetAttrCodeRequest::new(TOKEN, "email"));
    let elapsed = started.elapsed();
    assert!(elapsed < BOUND, "the call took {elapsed:?}");
    (result, elapsed)
}

fn one_attempt_error(bytes: Vec<u8>) -> Error {
    let server = HostileServer::replying(bytes);
    let (result, _) = call(&server, Settings::new().max_attempts(3), None);
    let err = result.expect_err("the reply is not a usable success");
    assert_eq!(err.attempts(), 1, "{err}");
    assert_eq!(server.requests().len(), 1);
    err
}

#[test]
fn a_gzip_body_that_was_never_asked_for_is_a_protocol_error() {
    let gzip = [
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xab, 0xae, 0x05, 0x00, 0x43,
        0xbf, 0xa6, 0xa3, 0x02, 0x00, 0x00, 0x00,
    ];
    let err = one_attempt_error(response(
        "200 OK",
        &[JSON, ("Content-Encoding", "gzip")],
        &gzip,
    ));
    assert_eq!(err.kind(), &ErrorKind::Protocol, "{err}");
    assert_eq!(err.http_status(), Some(200));
}

#[test]
fn a_body_nested_100_000_deep_is_a_protocol_error_not_a_stack_overflow() {
    for body in ["[".repeat(100_000), r#"{"a":"#.repeat(100_000)] {
        let err = one_attempt_error(response("200 OK", &[JSON], body.as_bytes()));
        assert_eq!(err.kind(), &ErrorKind::Protocol, "{err}");
    }
    let nested_error = format!(
        r#"{{"__type":"NotAuthorizedException","message":{}}}"#,
        "[".repeat(100_000)
    );
    let err = one_attempt_error(response(
        "400 Bad Request",
        &[JSON],
        nested_error.as_bytes(),
    ));
    assert_eq!(err.http_status(), Some(400), "{err}");
}

#[test]
fn ten_thousand_headers_are_a_protocol_error() {
    let names: Vec<String> = (0..10_000).map(|i| format!("x-flood-{i}")).collect();
    let headers: Vec<(&str, &str)> = names.iter().map(|name| (name.as_str(), "v")).collect();
    let err = one_attempt_error(response("200 OK", &headers, b"{}"));
    assert_eq!(err.kind(), &ErrorKind::Protocol, "{err}");
}

#[test]
fn an_invalid_utf8_byte_in_a_success_is_replaced_not_fatal() {
    let body = b"{\"CodeDeliveryDetails\":{\"Destination\":\"a\xff@e***.com\",\"DeliveryMedium\":\"EMAIL\",\"AttributeName\":\"email\"}}";
    let server = HostileServer::replying(response("200 OK", &[JSON], body));
    let (result, _) = call(&server, Settings::new(), None);
    let output = result.expect("a success with one bad byte is still a success");
    let details = output.code_delivery_details.expect("details");
    assert_eq!(details.destination.as_deref(), Some("a\u{FFFD}@e***.com"));
}

#[test]
fn a_storm_of_5xx_ends_after_max_attempts_with_a_typed_error() {
    let html = response(
        "500 Internal Server Error",
        &[("Content-Type", "text/html")],
        b"<html><body>upstream exploded</body></html>",
    );
    let server = HostileServer::replying(html);
    let clock = Arc::new(RecordingClock::new(0.5));
    let (result, _) = call(
        &server,
        Settings::new().max_attempts(4),
        Some(clock.clone()),
    );
    let err = result.expect_err("every answer was a 500");
    assert_eq!(err.kind(), &ErrorKind::Protocol, "{err}");
    assert_eq!(err.http_status(), Some(500));
    assert!(err.is_server_fault());
    assert_eq!(err.attempts(), 4);
    assert_eq!(server.requests().len(), 4);
    assert_eq!(clock.sleeps().len(), 3);
}

fn throttled_with_retry_after(value: &str) -> Vec<u8> {
    response(
        "400 Bad Request",
        &[JSON, ("x-amz-retry-after", value)],
        br#"{"__type":"TooManyRequestsException","message":"slow down"}"#,
    )
}

/// The waits between two attempts against a server that always throttles with `value`.
fn waits_after_retry_after(value: &str) -> Vec<Duration> {
    let server = HostileServer::replying(throttled_with_retry_after(value));
    let clock = Arc::new(RecordingClock::new(0.5));
    let (result, _) = call(
        &server,
        Settings::new().max_attempts(2),
        Some(clock.clone()),
    );
    assert_eq!(result.expect_err("throttled").attempts(), 2);
    clock.sleeps()
}

#[test]
fn an_absurd_retry_after_is_capped_at_the_maximum_back_off() {
    for value in ["99999999999999", "18446744073709551615"] {
        assert_eq!(waits_after_retry_after(value), vec![MAX_BACKOFF], "{value}");
    }
}

#[test]
fn a_malformed_retry_after_falls_back_to_the_usual_back_off() {
    for value in ["-5", "soon", "1e9", ""] {
        let sleeps = waits_after_retry_after(value);
        assert_eq!(sleeps.len(), 1);
        assert!(sleeps[0] <= Duration::from_secs(1), "{value}: {sleeps:?}");
    }
}

#[test]
fn a_retry_after_beyond_the_operation_deadline_ends_the_call_at_once() {
    let server = HostileServer::start(vec![vec![Step::Send(throttled_with_retry_after(
        "3600000",
    ))]]);
    let settings = Settings::new()
        .max_attempts(5)
        .operation_timeout(Duration::from_secs(2));
    let (result, elapsed) = call(&server, settings, None);
    let err = result.expect_err("throttled");
    assert_eq!(
        err.kind(),
        &ErrorKind::Timeout(TimeoutPhase::Operation),
        "{err}"
    );
    assert_eq!(err.attempts(), 1);
    assert!(elapsed < Duration::from_secs(10), "{elapsed:?}");
}
