//! A server that echoes the access token back in every form it can — JSON-escaped, in headers,
//! in a redirect, percent- or Base64-encoded, in a success — must never get it into anything the
//! client returns or logs (records of every level and target are captured).

use std::collections::HashMap;
use std::sync::Arc;

use base64::Engine;
use cognito_attr_code::{
    Client, Error, ErrorKind, GetAttrCodeOutput, GetAttrCodeRequest, ServiceErrorCode, Settings,
    REDACTED,
};
use test_support::echo_forms::{json_escaped, leaks, percent_encoded, signature, utf16be, utf16le};
use test_support::hostile::{response, HostileServer};
use test_support::{captured_logs, RecordingClock};

const TOKEN: &str = "eyJraWQiOiJob3N0aWxlIn0.eyJzdWIiOiJ2aWN0aW0tdXNlciJ9.aG9zdGlsZS1zaWduYXR1cmUtdGhhdC1tdXN0LW5vdC1sZWFr";

fn assert_clean(what: &str, text: &str) {
    assert!(!leaks(text, TOKEN), "{what} leaks the token: {text}");
}

fn assert_error_clean(err: &Error) {
    assert_clean("Display", &err.to_string());
    assert_clean("Debug", &format!("{err:?}"));
    assert_clean("code", err.code());
    assert_clean("message", err.message());
    for text in [err.request_id(), err.body_excerpt(), err.reason_code()]
        .into_iter()
        .flatten()
    {
        assert_clean("error field", text);
    }
    for (name, value) in err.http_headers() {
        assert_clean("header", &format!("{name}: {value}"));
    }
    if let Some(diagnosis) = err.diagnosis() {
        assert_clean("diagnosis hint", diagnosis.hint());
    }
}

fn assert_output_clean(output: &GetAttrCodeOutput) {
    assert_clean("output Debug", &format!("{output:?}"));
    for (name, value) in &output.metadata.http_headers {
        assert_clean("header", &format!("{name}: {value}"));
    }
}

fn assert_logs_clean() {
    let logs = captured_logs().lock().unwrap().clone();
    assert!(
        logs.iter().any(|line| line.contains("attempt 1/")),
        "the attempts were not logged: {logs:?}"
    );
    for line in &logs {
        assert_clean("log record", line);
    }
}

fn call_with(server: &HostileServer, max_attempts: u32) -> Result<GetAttrCodeOutput, Error> {
    captured_logs();
    let settings = Settings::new()
        .endpoint_url(server.url())
        .max_attempts(max_attempts);
    let env: HashMap<&str, &str> = HashMap::new();
    Client::with_environment(&settings, &env)
        .unwrap()
        .with_retry_clock(Arc::new(RecordingClock::new(0.0)))
        .get_attr_code(&GetAttrCodeRequest::new(TOKEN, "email"))
}

fn call(bytes: Vec<u8>) -> Result<GetAttrCodeOutput, Error> {
    call_with(&HostileServer::replying(bytes), 1)
}

fn error_for(bytes: Vec<u8>) -> Error {
    let err = call(bytes).expect_err("the server answered with an error");
    assert_error_clean(&err);
    err
}

fn output_for(bytes: Vec<u8>) -> GetAttrCodeOutput {
    let output = call(bytes).expect("the server answered with a success");
    assert_output_clean(&output);
    output
}

const JSON: (&str, &str) = ("Content-Type", "application/x-amz-json-1.1");

#[test]
fn a_json_escaped_echo_in_the_message_is_scrubbed_after_decoding() {
    let body = format!(
        r#"{{"__type":"NotAuthorizedException","message":"Invalid token {}"}}"#,
        json_escaped(TOKEN)
    );
    let err = error_for(response("400 Bad Request", &[JSON], body.as_bytes()));
    assert_eq!(
        err.kind(),
        &ErrorKind::Service(ServiceErrorCode::NotAuthorized)
    );
    assert_eq!(err.message(), "Invalid token ***");
    assert_eq!(err.attempts(), 1);
    assert_logs_clean();
}

#[test]
fn a_lambda_message_echoing_the_token_is_scrubbed_in_the_diagnosis_hint() {
    let body = format!(
        r#"{{"__type":"UserLambdaValidationException","message":"CustomMessage failed with error {} and {}"}}"#,
        json_escaped(TOKEN),
        signature(TOKEN)
    );
    let err = error_for(response("400 Bad Request", &[JSON], body.as_bytes()));
    let diagnosis = err.diagnosis().expect("a failed trigger is diagnosed");
    assert_eq!(diagnosis.cause().as_str(), "lambda_trigger");
    assert!(
        diagnosis.hint().contains("with error \"*** and ***\""),
        "{}",
        diagnosis.hint()
    );
    assert_logs_clean();
}

#[test]
fn the_signature_alone_or_in_another_case_is_scrubbed() {
    let body = format!(
        r#"{{"__type":"NotAuthorizedException","message":"sig {} / {}"}}"#,
        signature(TOKEN),
        TOKEN.to_ascii_uppercase()
    );
    let err = error_for(response("400 Bad Request", &[JSON], body.as_bytes()));
    assert_eq!(err.message(), "sig *** / ***");
    assert_logs_clean();
}

#[test]
fn an_error_type_header_carrying_the_token_gives_a_scrubbed_code() {
    let error_type = format!("Bad{TOKEN}");
    let err = error_for(response(
        "400 Bad Request",
        &[JSON, ("x-amzn-ErrorType", &error_type)],
        b"{}",
    ));
    assert_eq!(err.kind(), &ErrorKind::UnknownService("Bad***".into()));
    assert_eq!(err.code(), "Bad***");
    assert_logs_clean();
}

#[test]
fn a_request_id_carrying_the_token_is_scrubbed_on_error_and_success() {
    let err = error_for(response(
        "400 Bad Request",
        &[JSON, ("x-amzn-RequestId", TOKEN)],
        br#"{"__type":"NotAuthorizedException","message":"m"}"#,
    ));
    assert_eq!(err.request_id(), Some("***"));
    let output = output_for(response(
        "200 OK",
        &[JSON, ("x-amzn-RequestId", TOKEN)],
        b"{}",
    ));
    assert_eq!(output.metadata.request_id.as_deref(), Some("***"));
    assert_logs_clean();
}

#[test]
fn any_header_name_or_value_carrying_the_token_is_scrubbed() {
    let name = format!("X-Echo-{TOKEN}");
    let percent = percent_encoded(TOKEN);
    let base64 = base64::engine::general_purpose::STANDARD.encode(format!("token={TOKEN}"));
    let escaped = json_escaped(TOKEN);
    let headers = [
        JSON,
        (name.as_str(), "1"),
        ("X-Percent", percent.as_str()),
        ("X-Base64", base64.as_str()),
        ("X-Escaped", escaped.as_str()),
        ("X-Signature", signature(TOKEN)),
    ];
    let err = error_for(response(
        "400 Bad Request",
        &headers,
        br#"{"__type":"NotAuthorizedException"}"#,
    ));
    assert!(err.http_headers().iter().any(|(n, _)| n == "x-echo-***"));
    let output = output_for(response("200 OK", &headers, b"{}"));
    let value_of = |wanted: &str| {
        output
            .metadata
            .http_headers
            .iter()
            .find(|(n, _)| n == wanted)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(value_of("x-percent").as_deref(), Some("***"));
    assert_eq!(value_of("x-signature").as_deref(), Some("***"));
    assert!(value_of("x-base64").unwrap().contains("***"));
    assert_logs_clean();
}

#[test]
fn a_redirect_carrying_the_token_is_reported_without_it() {
    for location in [
        format!("https://evil.example/cb?t={TOKEN}"),
        format!("https://evil.example/cb?t={}", percent_encoded(TOKEN)),
        format!("/cb?t={}&s={}", TOKEN.replace('.', "%2E"), signature(TOKEN)),
    ] {
        let err = error_for(response("302 Found", &[("Location", &location)], b""));
        assert_eq!(err.kind(), &ErrorKind::Protocol);
        assert_eq!(err.http_status(), Some(302));
        assert!(
            err.message().contains("evil.example/cb?t=***") || err.message().contains("/cb?t=***"),
            "{}",
            err.message()
        );
    }
    assert_logs_clean();
}

#[test]
fn an_escaped_echo_in_a_success_is_scrubbed_from_every_field() {
    let escaped = json_escaped(TOKEN);
    let body = format!(
        r#"{{"CodeDeliveryDetails":{{"Destination":"{escaped}","DeliveryMedium":"{escaped}","AttributeName":"{escaped}"}}}}"#
    );
    let output = output_for(response("200 OK", &[JSON], body.as_bytes()));
    let details = output.code_delivery_details.unwrap();
    assert_eq!(details.destination.as_deref(), Some("***"));
    assert_eq!(details.attribute_name.as_deref(), Some("***"));
    assert_eq!(details.delivery_medium.unwrap().as_str(), "***");
    assert_logs_clean();
}

#[test]
fn unparsable_bodies_quote_neither_the_token_nor_its_escaped_form() {
    let escaped = json_escaped(TOKEN);
    // No error code: a protocol error with a body excerpt.
    // The excerpt is short: the signature comes first so that it falls inside.
    let no_code = format!(
        r#"{{"echo":"{}","token":"{escaped}"}}"#,
        json_escaped(signature(TOKEN))
    );
    let err = error_for(response("502 Bad Gateway", &[JSON], no_code.as_bytes()));
    assert_eq!(err.kind(), &ErrorKind::Protocol);
    assert!(err.body_excerpt().unwrap().starts_with(r#"{"echo":"***""#));
    // A wrong-typed success: the JSON parser's message quotes the offending (decoded) string.
    let wrong_type = format!(r#"{{"CodeDeliveryDetails":"{escaped}"}}"#);
    let err = error_for(response("200 OK", &[JSON], wrong_type.as_bytes()));
    assert_eq!(err.kind(), &ErrorKind::Protocol);
    // A reason code.
    let reason = format!(r#"{{"__type":"InvalidParameterException","reasonCode":"{escaped}"}}"#);
    let err = error_for(response("400 Bad Request", &[JSON], reason.as_bytes()));
    assert_eq!(err.reason_code(), Some("***"));
    assert_logs_clean();
}

#[test]
fn a_utf16_echo_is_scrubbed_and_excerpted_without_control_bytes() {
    for encode in [utf16le, utf16be] {
        // No error code: a protocol error whose excerpt quotes the body, in UTF-16.
        let body = [encode("echo: "), encode(TOKEN), encode(" end")].concat();
        let err = error_for(response("502 Bad Gateway", &[JSON], &body));
        assert_eq!(err.kind(), &ErrorKind::Protocol);
        let excerpt = err.body_excerpt().unwrap();
        assert!(excerpt.contains(REDACTED), "{excerpt}");
        assert!(!excerpt.chars().any(char::is_control), "{excerpt:?}");
        // In a message and a reason code: JSON strings whose decoded text interleaves NULs.
        let interleaved: String = TOKEN.chars().map(|c| format!("{c}\\u0000")).collect();
        let body = format!(
            r#"{{"__type":"InvalidParameterException","message":"{interleaved}","reasonCode":"{interleaved}"}}"#
        );
        let err = error_for(response("400 Bad Request", &[JSON], body.as_bytes()));
        // (The NUL after the token's last character stays.)
        assert_eq!(err.message(), format!("{REDACTED}\0"));
        assert_eq!(err.reason_code(), Some(&*format!("{REDACTED}\0")));
        // In a success field.
        let body = format!(r#"{{"CodeDeliveryDetails":{{"Destination":"{interleaved}"}}}}"#);
        let output = output_for(response("200 OK", &[JSON], body.as_bytes()));
        let destination = output.code_delivery_details.unwrap().destination.unwrap();
        assert!(!leaks(&destination, TOKEN), "{destination:?}");
    }
    assert_logs_clean();
}

#[test]
fn a_retried_echo_is_scrubbed_before_the_retry_is_logged() {
    let body = format!(
        r#"{{"__type":"InternalErrorException","message":"echo {}"}}"#,
        json_escaped(TOKEN)
    );
    let server = HostileServer::replying(response(
        "500 Internal Server Error",
        &[JSON, ("x-amzn-RequestId", TOKEN)],
        body.as_bytes(),
    ));
    let err = call_with(&server, 2).unwrap_err();
    assert_error_clean(&err);
    assert_eq!(err.attempts(), 2);
    assert_eq!(server.requests().len(), 2);
    assert_eq!(err.message(), "echo ***");
    let logs = captured_logs().lock().unwrap().clone();
    assert!(logs.iter().any(|line| line.contains("retrying after")));
    assert_logs_clean();
}

#[test]
fn an_invalid_utf8_byte_in_an_error_body_keeps_the_error_code() {
    let err = error_for(response(
        "400 Bad Request",
        &[JSON],
        b"{\"__type\":\"NotAuthorizedException\",\"message\":\"Access Token has expired \xff\"}",
    ));
    assert_eq!(
        err.kind(),
        &ErrorKind::Service(ServiceErrorCode::NotAuthorized)
    );
    assert_eq!(err.message(), "Access Token has expired \u{FFFD}");
}
