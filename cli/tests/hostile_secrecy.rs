//! A server that echoes the access token back — JSON-escaped, in the error type, the request id,
//! any header, a redirect, a success field — must never get it onto stdout or stderr, even with
//! `--debug` (which logs every record of every crate).

mod support;

use std::time::Duration;

use base64::Engine;
use support::{call_args, strs, Outcome, Reply, Sandbox, Server, TOKEN};
use test_support::echo_forms::{json_escaped, leaks, percent_encoded, signature, utf16le};

const JSON: (&str, &str) = ("Content-Type", "application/x-amz-json-1.1");

fn reply(status: u16, headers: &[(&str, &str)], body: &str) -> Reply {
    Reply {
        status,
        headers: headers
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect(),
        body: body.into(),
        delay: Duration::ZERO,
    }
}

/// One call with `--debug` against a server answering `reply`; nothing printed may carry the
/// token.
fn run_debug(reply: Reply) -> Outcome {
    let server = Server::start(reply);
    let mut args = call_args(&server);
    args.push("--debug".into());
    let outcome = Sandbox::new().run(&strs(&args), &[]);
    assert!(
        outcome.stderr.contains("attempt 1/"),
        "--debug did not log the attempt: {}",
        outcome.stderr
    );
    assert!(!leaks(&outcome.stdout, TOKEN), "stdout: {}", outcome.stdout);
    assert!(!leaks(&outcome.stderr, TOKEN), "stderr: {}", outcome.stderr);
    outcome
}

#[test]
fn a_json_escaped_echo_in_the_message_is_not_printed() {
    let body = format!(
        r#"{{"__type":"NotAuthorizedException","message":"Invalid token {}"}}"#,
        json_escaped(TOKEN)
    );
    let outcome = run_debug(reply(400, &[JSON], &body));
    assert_eq!(outcome.code, 254);
    assert!(
        outcome.stderr.contains("Invalid token ***"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn an_error_type_carrying_the_token_is_printed_scrubbed() {
    let error_type = format!("Bad{TOKEN}");
    let outcome = run_debug(reply(400, &[JSON, ("x-amzn-ErrorType", &error_type)], "{}"));
    assert!(
        outcome.stderr.contains("An error occurred (Bad***)"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn a_request_id_carrying_the_token_or_its_signature_is_printed_scrubbed() {
    let error = r#"{"__type":"NotAuthorizedException","message":"m"}"#;
    let outcome = run_debug(reply(400, &[JSON, ("x-amzn-RequestId", TOKEN)], error));
    assert!(
        outcome.stderr.contains("request_id=***"),
        "{}",
        outcome.stderr
    );
    let id = signature(TOKEN);
    let outcome = run_debug(reply(200, &[JSON, ("x-amzn-RequestId", id)], "{}"));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(
        outcome.stderr.contains("request_id=***"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn headers_carrying_the_token_are_logged_scrubbed() {
    let name = format!("X-Echo-{TOKEN}");
    let percent = percent_encoded(TOKEN);
    let base64 = base64::engine::general_purpose::STANDARD.encode(TOKEN);
    // `Server` and `Content-Type` are also quoted by the HTTP library's own debug record.
    let server_header = format!("echo/{}", signature(TOKEN));
    let content_type = format!("application/x-amz-json-1.1; t={TOKEN}");
    let headers = [
        ("Content-Type", content_type.as_str()),
        ("Server", server_header.as_str()),
        (name.as_str(), "1"),
        ("X-Percent", percent.as_str()),
        ("X-Base64", base64.as_str()),
    ];
    let outcome = run_debug(reply(
        400,
        &headers,
        r#"{"__type":"NotAuthorizedException"}"#,
    ));
    assert!(
        outcome.stderr.contains("response header x-echo-***: 1"),
        "{}",
        outcome.stderr
    );
    let outcome = run_debug(reply(200, &headers, "{}"));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(
        outcome.stderr.contains("response header x-percent: ***"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn a_redirect_carrying_the_token_is_reported_without_it() {
    for location in [
        format!("https://evil.example/cb?t={TOKEN}"),
        format!("https://evil.example/cb?t={}", percent_encoded(TOKEN)),
    ] {
        let outcome = run_debug(reply(302, &[("Location", &location)], ""));
        assert_ne!(outcome.code, 0);
        assert!(outcome.stderr.contains("cb?t=***"), "{}", outcome.stderr);
    }
}

#[test]
fn an_escaped_echo_in_a_success_is_printed_scrubbed() {
    let escaped = json_escaped(TOKEN);
    let body = format!(
        r#"{{"CodeDeliveryDetails":{{"Destination":"{escaped}","DeliveryMedium":"EMAIL","AttributeName":"{escaped}"}}}}"#
    );
    let outcome = run_debug(reply(200, &[JSON], &body));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(
        outcome.stdout.contains(r#""Destination": "***""#),
        "{}",
        outcome.stdout
    );
}

#[test]
fn an_unparsable_body_with_an_escaped_echo_is_excerpted_scrubbed() {
    // The excerpt is short: the signature comes first so that it falls inside.
    let body = format!(
        r#"{{"echo":"{}","token":"{}"}}"#,
        json_escaped(signature(TOKEN)),
        json_escaped(TOKEN)
    );
    let outcome = run_debug(reply(400, &[JSON], &body));
    assert_ne!(outcome.code, 0);
    assert!(
        outcome
            .stderr
            .contains(r#"response body excerpt: {"echo":"***""#),
        "{}",
        outcome.stderr
    );
}

#[test]
fn a_utf16_echo_is_excerpted_scrubbed_without_raw_control_bytes() {
    let body = [utf16le("echo: "), utf16le(TOKEN)].concat();
    let body = String::from_utf8(body).expect("UTF-16 of ASCII is ASCII");
    let outcome = run_debug(reply(502, &[JSON], &body));
    assert_ne!(outcome.code, 0);
    assert!(
        outcome
            .stderr
            .contains(r"response body excerpt: e\u{0}c\u{0}h\u{0}o\u{0}"),
        "{}",
        outcome.stderr
    );
    assert!(outcome.stderr.contains("***"), "{}", outcome.stderr);
    assert!(!outcome.stderr.contains('\0'), "{:?}", outcome.stderr);
}
