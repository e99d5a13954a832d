//! A response whose header section is too large is a protocol error (a broken response), not a
//! network error, and is not retried.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use cognito_attr_code::{Client, ErrorKind, GetAttrCodeRequest, Settings};
use test_support::{Reply, TestServer};

#[test]
fn a_one_mebibyte_header_line_is_a_protocol_error() {
    let mut response = b"HTTP/1.1 200 OK\r\nX-Huge: ".to_vec();
    response.extend(std::iter::repeat_n(b'a', 1024 * 1024));
    response.extend_from_slice(b"\r\nContent-Length: 2\r\n\r\n{}");
    let server = TestServer::start(vec![Reply::Raw(response)]);
    let env: HashMap<&str, &str> = HashMap::from([("AWS_CONFIG_FILE", "/nonexistent/config")]);
    let client =
        Client::with_environment(&Settings::new().endpoint_url(server.url()), &env).unwrap();
    let started = Instant::now();
    let err = client
        .get_attr_code(&GetAttrCodeRequest::new("token-for-headers", "email"))
        .unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Protocol, "{err}");
    assert!(
        err.message().contains("response header is larger than"),
        "{err}"
    );
    assert_eq!(err.attempts(), 1);
    assert_eq!(server.requests().len(), 1);
    assert!(started.elapsed() < Duration::from_secs(10));
}
