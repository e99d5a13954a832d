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
        .call_cancellable(&request(), Some(&cancellation))
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
        std::thread::spawn(move || client.call_cancellable(&request(), Some(&cancellation)))
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

/// Waits (at most 10 s) until the server has recorded `count` requests.
fn wait_for_requests(server: &TestServer, count: usize) {
    for _ in 0..2000 {
        if server.requests().len() >= count {
            return;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("the server did not receive {count} request(s)");
}

/// A client that would wait 30 s for a silent server, on one attempt.
fn patient_client(server: &TestServer) -> Client {
    let env = HashMap::from([("AWS_CONFIG_FILE", "/nonexistent/aws/config")]);
    Client::with_environment(
        &Settings::new()
            .endpoint_url(server.url())
            .max_attempts(3)
            .read_timeout(Duration::from_secs(30)),
        &env,
    )
    .unwrap()
}

#[test]
#[cfg_attr(
    windows,
    ignore = "under wine, shutting the socket down does not wake the blocked read (the call ends at its read timeout)"
)]
fn cancelling_abandons_the_attempt_on_the_wire_at_once() {
    // First call on a new connection that then goes to the pool; the second is held silent
    // on that pooled connection.
    let server = TestServer::start(vec![
        Reply::json(200, "{}"),
        Reply::Silence(Duration::from_secs(30)),
        Reply::json(200, "{}"),
    ]);
    let client = patient_client(&server);
    client.get_attr_code(&request()).unwrap();
    let cancellation = Cancellation::new();
    let started = Instant::now();
    let call = {
        let (client, cancellation) = (client.clone(), cancellation.clone());
        std::thread::spawn(move || client.call_cancellable(&request(), Some(&cancellation)))
    };
    wait_for_requests(&server, 2);
    cancellation.cancel();
    let error = call.join().unwrap().unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::Cancelled, "{error}");
    assert!(error.to_string().contains("abandoned"), "{error}");
    assert_eq!(error.attempts(), 1);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "the 30 s read was cut short"
    );
    assert_eq!(server.requests().len(), 2, "no replay, no retry");
    // The abandoned connection did not go back to the pool: the next call opens a new one.
    client.get_attr_code(&request()).unwrap();
    assert_eq!(server.accepts(), 2);
}

#[test]
fn a_cancellation_after_the_call_leaves_its_pooled_connection_alone() {
    let server = TestServer::start(vec![Reply::json(200, "{}"), Reply::json(200, "{}")]);
    let client = patient_client(&server);
    let cancellation = Cancellation::new();
    client
        .call_cancellable(&request(), Some(&cancellation))
        .unwrap();
    cancellation.cancel();
    client.get_attr_code(&request()).unwrap();
    assert_eq!(server.accepts(), 1, "the pooled connection still serves");
}
