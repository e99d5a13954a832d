//! The AWS JSON 1.1 wire format every operation shares: the request body around the token, the
//! content type, success bodies as JSON, and error responses. Each operation declares its own
//! request and success shapes (`operation/`).

use crate::secrecy::secret::{is_token_byte, SecretBytes};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::{Error, ErrorKind, ServiceErrorCode};
use crate::secrecy::raw_response::RawResponse;

/// `Content-Type` of every request.
pub const CONTENT_TYPE: &str = "application/x-amz-json-1.1";

/// `{"AccessToken":"<token>",` and the fields of `rest`, as compact JSON in a buffer reserved up
/// front, so that no reallocation leaves a copy of a secret behind. The token is written as it
/// is: the call path sends only tokens that passed validation (A-Z a-z 0-9 - _ = ., nothing
/// JSON escapes), and scanning 1 KB for escapes was a tenth of a call's instructions.
pub(crate) fn zeroizing_json(capacity: usize, token: &str, rest: &impl Serialize) -> SecretBytes {
    debug_assert!(token.bytes().all(is_token_byte));
    let mut body = SecretBytes::with_capacity(capacity);
    body.extend_from_slice(b"{\"AccessToken\":\"");
    body.extend_from_slice(token.as_bytes());
    body.extend_from_slice(b"\"");
    let rest_at = body.len();
    serde_json::to_writer(&mut *body, rest).expect("a struct of strings always serializes");
    // The rest's opening brace becomes the comma after the token.
    body[rest_at] = b',';
    body
}

/// The body as text for the JSON parser: a stray invalid UTF-8 byte (in a message, say) must not
/// cost the error code or the delivery details, so it becomes U+FFFD instead of failing the parse.
fn body_text(body: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(body)
}

/// Parses a 2xx response of an operation whose output has no members: any JSON object (unknown
/// members ignored) or an empty body.
pub fn parse_empty_success(response: &RawResponse) -> Result<(), Error> {
    parse_success_json::<Map<String, Value>>(response).map(drop)
}

/// The body of a 2xx response as `T`, or `None` when it is empty.
pub(crate) fn parse_success_json<T: serde::de::DeserializeOwned>(
    response: &RawResponse,
) -> Result<Option<T>, Error> {
    if response.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    serde_json::from_str(&body_text(&response.body))
        .map(Some)
        .map_err(|e| {
            Error::new(
                ErrorKind::Protocol,
                format!("the success response is not the expected JSON: {e}"),
            )
            .with_response(response.status, response.request_id())
            .with_body_excerpt(&response.body)
        })
}

/// Turns a non-2xx response into the error it reports.
pub fn parse_error(response: &RawResponse) -> Error {
    let request_id = response.request_id();
    if (300..400).contains(&response.status) {
        let location = response
            .header("location")
            .unwrap_or("(no Location header)");
        return Error::new(
            ErrorKind::Protocol,
            format!(
                "the endpoint answered with a redirect to {location}; redirects are never followed"
            ),
        )
        .with_response(response.status, request_id)
        .with_body_excerpt(&response.body);
    }
    let body: Option<Map<String, Value>> = serde_json::from_str(&body_text(&response.body)).ok();
    let body_str = |key: &str| {
        body.as_ref()
            .and_then(|b| b.get(key))
            .and_then(Value::as_str)
    };
    let code = response
        .header("x-amzn-errortype")
        .and_then(sanitize_error_code)
        .or_else(|| body_str("code").and_then(sanitize_error_code))
        .or_else(|| body_str("__type").and_then(sanitize_error_code));
    let Some(code) = code else {
        return Error::new(
            ErrorKind::Protocol,
            format!("HTTP {} response without an error code", response.status),
        )
        .with_response(response.status, request_id)
        .with_body_excerpt(&response.body)
        .with_headers(response.headers.clone());
    };
    let message = ["message", "Message", "errorMessage"]
        .iter()
        .find_map(|key| body_str(key))
        .unwrap_or("")
        .to_owned();
    let kind = match ServiceErrorCode::from_code(&code) {
        Some(known) => ErrorKind::Service(known),
        None => ErrorKind::UnknownService(code),
    };
    let reason_code = body_str("reasonCode").map(str::to_owned);
    Error::new(kind, message)
        .with_response(response.status, request_id)
        .with_reason_code(reason_code)
        .with_headers(response.headers.clone())
}

/// `aws.protocoltests.json#FooError:http://internal.amazon.com/...` → `FooError`.
pub fn sanitize_error_code(raw: &str) -> Option<String> {
    let first = raw.split(',').next().unwrap_or("");
    let before_colon = first.split(':').next().unwrap_or("");
    let after_hash = match before_colon.split_once('#') {
        Some((_, rest)) => rest,
        None => before_colon,
    };
    let code = after_hash.trim();
    (!code.is_empty()).then(|| code.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, headers: &[(&str, &str)], body: &str) -> RawResponse {
        RawResponse {
            status,
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_ascii_lowercase(), v.to_string()))
                .collect(),
            body: body.as_bytes().to_vec(),
        }
    }

    // The 14 error-parsing cases of the Smithy awsJson1_1 protocol tests (their intent, with our
    // error shape).
    #[test]
    fn smithy_error_code_cases() {
        let cases: &[(&[(&str, &str)], &str)] = &[
            (&[("X-Amzn-Errortype", "FooError")], "{}"),
            (&[("X-Amzn-Errortype", "FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/")], "{}"),
            (&[("X-Amzn-Errortype", "aws.protocoltests.restjson#FooError")], "{}"),
            (&[("X-Amzn-Errortype", "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/")], "{}"),
            (&[], r#"{"__type":"FooError"}"#),
            (&[], r#"{"__type":"FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"}"#),
            (&[], r#"{"__type":"aws.protocoltests.restjson#FooError"}"#),
            (&[], r#"{"__type":"aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"}"#),
            (&[], r#"{"code":"FooError"}"#),
            (&[], r#"{"code":"FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"}"#),
            (&[], r#"{"code":"aws.protocoltests.restjson#FooError"}"#),
            (&[], r#"{"code":"aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"}"#),
            (&[("X-Amzn-Errortype", "FooError")], r#"{"__type":"BarError","code":"BazError"}"#),
            (&[], r#"{"code":"FooError","__type":"BarError"}"#),
        ];
        for (headers, body) in cases {
            let err = parse_error(&response(400, headers, body));
            assert_eq!(err.code(), "FooError", "{headers:?} {body}");
            assert_eq!(err.kind(), &ErrorKind::UnknownService("FooError".into()));
        }
    }

    #[test]
    fn nested_type_is_ignored_and_repeated_header_is_cut() {
        let err = parse_error(&response(
            400,
            &[],
            r#"{"Error":{"__type":"Inner"},"message":"m"}"#,
        ));
        assert_eq!(err.kind(), &ErrorKind::Protocol);
        let err = parse_error(&response(
            400,
            &[(
                "X-Amzn-Errortype",
                "NotAuthorizedException,NotAuthorizedException",
            )],
            "",
        ));
        assert_eq!(
            err.kind(),
            &ErrorKind::Service(ServiceErrorCode::NotAuthorized)
        );
    }

    #[test]
    fn message_keys_and_request_id_headers_in_order() {
        for key in ["message", "Message", "errorMessage"] {
            let body = format!(r#"{{"__type":"X","{key}":"hello"}}"#);
            assert_eq!(parse_error(&response(400, &[], &body)).message(), "hello");
        }
        let with_reason =
            r#"{"__type":"InvalidParameterException","reasonCode":"INVALID_PARAMETER"}"#;
        let err = parse_error(&response(400, &[("x-amzn-RequestId", "r")], with_reason));
        assert_eq!(err.reason_code(), Some("INVALID_PARAMETER"));
        assert_eq!(
            err.http_headers(),
            [("x-amzn-requestid".to_owned(), "r".to_owned())]
        );
        let both = r#"{"__type":"X","Message":"second","message":"first"}"#;
        assert_eq!(parse_error(&response(400, &[], both)).message(), "first");
        for name in ["x-amzn-RequestId", "x-amzn-request-id", "x-amz-request-id"] {
            let err = parse_error(&response(400, &[(name, "rid")], r#"{"__type":"X"}"#));
            assert_eq!(err.request_id(), Some("rid"));
        }
    }

    #[test]
    fn empty_success_shapes() {
        for body in ["", " ", "{}", r#"{"Unexpected":{"x":1}}"#] {
            parse_empty_success(&response(200, &[], body)).unwrap();
        }
        for body in ["<html>", "[]", "null"] {
            let err = parse_empty_success(&response(200, &[], body)).unwrap_err();
            assert_eq!(err.kind(), &ErrorKind::Protocol, "{body}");
        }
    }

    #[test]
    fn an_invalid_utf8_byte_keeps_the_code_and_message() {
        let mut raw = response(400, &[], "");
        raw.body =
            b"{\"__type\":\"NotAuthorizedException\",\"message\":\"bad \xff byte\"}".to_vec();
        let err = parse_error(&raw);
        assert_eq!(
            err.kind(),
            &ErrorKind::Service(ServiceErrorCode::NotAuthorized)
        );
        assert_eq!(err.message(), "bad \u{FFFD} byte");
    }
}
