//! Cancelling a call: no attempt starts after the flag is set, and a back-off wait ends at once.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use cognito_attr_code::{Cancellation, Client, ErrorKind, GetAttrCodeRequest, Settings};
use test_support::{Reply, TestServer};

const TOKEN: &str = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyLTEifQ.sig";

fn client(server: &TestServer) -> Client {
    let env = HashMap::from([("AWS_CONFIG_FILE", "/nonexistent/aws/config")]);
    Client::with_environment(
        &Settings::new().endpoint_url(server.url()).max_attempts(3),
        &env,
    )
    .unwrap()
}

fn request() -> GetAttrCodeRequest {
    GetAttrCodeRequest::new(TOKEN, "email")
}

#[test]
fn a_call_cancelled_before_it_starts_sends_nothing() {
    let server = TestServer::start(vec![Reply::json(200, "{}")]);
    let cancellation = Cancellation::new();
    cancellation.cancel();
    let error = client(&server)
        .get_attr_code_cancellable(&request(), Some(&cancellation))
        .unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::Cancelled);
    assert_eq!(error.code(), "Cancelled");
    assert_eq!(error.attempts(), 0);
    assert!(server.requests().is_empty());
}

#[test]
fn cancelling_during_the_back_off_ends_the_wait_and_starts_no_attempt() {
    // The server asks for a 20 s pause (the longest back-off) before the retry.
    let throttled = Reply::service_error(503, "ServiceUnavailable", "later")
        .with_header("x-amz-retry-after", "20000");
    let server = TestServer::start(vec![throttled, Reply::json(200, "{}")]);
    let client = client(&server);
    let cancellation = Cancellation::new();
    let started = Instant::now();
    let call = {
        let cancellation = cancellation.clone();
        std::thread::spawn(move || {
            client.get_attr_code_cancellable(&request(), Some(&cancellation))
        })
    };
    // The first attempt has been answered once the server recorded it; the call is then in
    // (or about to enter) its back-off.
    for _ in 0..2000 {
        if !server.requests().is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(server.requests().len(), 1);
    cancellation.cancel();
    let error = call.join().unwrap().unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::Cancelled, "{error}");
    assert_eq!(error.attempts(), 1);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "the 20 s wait was cut short"
    );
    assert_eq!(
        server.requests().len(),
        1,
        "no attempt after the cancellation"
    );
}
