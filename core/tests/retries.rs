//! The retry loop against scripted loopback servers, with a clock that records instead of sleeping.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use cognito_attr_code::{
    Client, ErrorKind, GetAttrCodeRequest, RetryClock, ServiceErrorCode, Settings,
};
use test_support::{RecordingClock, Reply, TestServer};

const TOKEN: &str = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyLTEifQ.sig";

fn client(
    server: &TestServer,
    settings: Settings,
    env: &[(&str, &str)],
) -> (Client, Arc<RecordingClock>) {
    let env: HashMap<&str, &str> = env.iter().copied().collect();
    let clock = Arc::new(RecordingClock::new(0.5));
    let client = Client::with_environment(&settings.endpoint_url(server.url()), &env)
        .unwrap()
        .with_retry_clock(clock.clone());
    (client, clock)
}

fn request() -> GetAttrCodeRequest {
    GetAttrCodeRequest::new(TOKEN, "email")
}

#[test]
fn two_503s_then_success_on_attempt_3() {
    let unavailable = Reply::service_error(503, "ServiceUnavailable", "try later");
    let server = TestServer::start(vec![
        unavailable.clone(),
        unavailable,
        Reply::json(200, "{}"),
    ]);
    let (client, clock) = client(&server, Settings::new(), &[]);
    let output = client.get_attr_code(&request()).unwrap();
    assert_eq!(output.metadata.attempts, 3);
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    let ids: Vec<_> = requests
        .iter()
        .map(|r| r.header("amz-sdk-invocation-id").unwrap().to_owned())
        .collect();
    assert!(
        ids.iter().all(|id| id == &ids[0]),
        "one invocation id for every attempt: {ids:?}"
    );
    let attempts: Vec<_> = requests
        .iter()
        .map(|r| r.header("amz-sdk-request").unwrap().to_owned())
        .collect();
    assert_eq!(
        attempts,
        ["attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3"]
    );
    // random 0.5 × min(1 s × 2^(n-1), 20 s)
    assert_eq!(
        clock.sleeps(),
        [Duration::from_millis(500), Duration::from_millis(1000)]
    );
    assert_eq!(
        output.metadata.total_retry_delay,
        Duration::from_millis(1500)
    );
}

#[test]
fn too_many_requests_at_400_is_retried() {
    let server = TestServer::start(vec![
        Reply::service_error(400, "TooManyRequestsException", "slow down"),
        Reply::json(200, "{}"),
    ]);
    let (client, _) = client(&server, Settings::new(), &[]);
    assert_eq!(
        client.get_attr_code(&request()).unwrap().metadata.attempts,
        2
    );
}

#[test]
fn limit_exceeded_and_not_authorized_are_not_retried() {
    for code in [
        ServiceErrorCode::LimitExceeded,
        ServiceErrorCode::NotAuthorized,
    ] {
        let server = TestServer::start(vec![
            Reply::service_error(400, code.as_str(), "no"),
            Reply::json(200, "{}"),
        ]);
        let (client, clock) = client(&server, Settings::new(), &[]);
        let err = client.get_attr_code(&request()).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Service(code));
        assert_eq!(err.attempts(), 1);
        assert_eq!(server.requests().len(), 1);
        assert!(clock.sleeps().is_empty());
    }
}

#[test]
fn read_timeout_is_retried_only_when_opted_in() {
    let silent = || TestServer::start(vec![Reply::Silence(Duration::from_secs(2))]);
    let fast = Settings::new().read_timeout(Duration::from_millis(200));
    let server = silent();
    let (client1, _) = client(&server, fast.clone(), &[]);
    assert_eq!(client1.get_attr_code(&request()).unwrap_err().attempts(), 1);
    assert_eq!(server.requests().len(), 1);
    let server = silent();
    let (client2, _) = client(&server, fast.retry_read_timeouts(true).max_attempts(2), &[]);
    let err = client2.get_attr_code(&request()).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Timeout(_)));
    assert_eq!(err.attempts(), 2);
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn retry_after_header_sets_the_delay() {
    let server = TestServer::start(vec![
        Reply::service_error(400, "TooManyRequestsException", "later")
            .with_header("x-amz-retry-after", "1234"),
        Reply::json(200, "{}"),
    ]);
    let (client, clock) = client(&server, Settings::new(), &[]);
    client.get_attr_code(&request()).unwrap();
    assert_eq!(clock.sleeps(), [Duration::from_millis(1234)]);
}

#[test]
fn quota_exhaustion_stops_retries() {
    let server = TestServer::start(vec![Reply::service_error(
        500,
        "InternalErrorException",
        "down",
    )]);
    let (client, _) = client(&server, Settings::new().max_attempts(3), &[]);
    // 500 tokens / 5 per retry = 100 retries in all; 60 calls × 2 retries would need 120.
    for _ in 0..60 {
        let _ = client.get_attr_code(&request());
    }
    let before = server.requests().len();
    assert_eq!(before, 60 + 100);
    let err = client.get_attr_code(&request()).unwrap_err();
    assert_eq!(err.attempts(), 1, "an empty quota means no retry");
}

#[test]
fn max_attempts_from_the_environment() {
    let server = TestServer::start(vec![Reply::service_error(503, "ServiceUnavailable", "x")]);
    let (client, _) = client(&server, Settings::new(), &[("AWS_MAX_ATTEMPTS", "5")]);
    let err = client.get_attr_code(&request()).unwrap_err();
    assert_eq!(err.attempts(), 5);
    // 0.5 × (1 + 2 + 4 + 8) s of backoff before giving up
    assert_eq!(err.total_retry_delay(), Duration::from_millis(7500));
    assert_eq!(
        err.http_headers()
            .iter()
            .find(|(k, _)| k == "x-amzn-requestid")
            .map(|(_, v)| v.as_str()),
        Some("req-0001")
    );
    assert_eq!(
        server.requests()[4].header("amz-sdk-request"),
        Some("attempt=5; max=5")
    );
}

#[test]
fn max_attempts_and_retry_mode_from_the_profile() {
    let server = TestServer::start(vec![Reply::service_error(503, "ServiceUnavailable", "x")]);
    let config = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        config.path(),
        "[profile ops]\nmax_attempts = 4\nretry_mode = adaptive\n",
    )
    .unwrap();
    let file = config.path().to_str().unwrap();
    let (client, _) = client(
        &server,
        Settings::new(),
        &[("AWS_CONFIG_FILE", file), ("AWS_PROFILE", "ops")],
    );
    assert_eq!(
        client.config().retry_mode.value,
        cognito_attr_code::RetryMode::Adaptive
    );
    assert_eq!(client.get_attr_code(&request()).unwrap_err().attempts(), 4);
    // The environment beats the profile.
    let (client, _) = client_env(
        &server,
        &[
            ("AWS_CONFIG_FILE", file),
            ("AWS_PROFILE", "ops"),
            ("AWS_MAX_ATTEMPTS", "2"),
        ],
    );
    assert_eq!(client.get_attr_code(&request()).unwrap_err().attempts(), 2);
}

fn client_env(server: &TestServer, env: &[(&str, &str)]) -> (Client, Arc<RecordingClock>) {
    client(server, Settings::new(), env)
}

#[test]
fn one_connection_for_sequential_calls() {
    let server = TestServer::start(vec![Reply::json(200, "{}")]);
    let (client, _) = client(&server, Settings::new(), &[]);
    for _ in 0..50 {
        client.get_attr_code(&request()).unwrap();
    }
    assert_eq!(server.accepts(), 1);
}

#[test]
fn threads_share_one_client() {
    let server = TestServer::start(vec![Reply::json(200, "{}")]);
    let (client, _) = client(&server, Settings::new(), &[]);
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let client = client.clone();
            std::thread::spawn(move || {
                (0..200)
                    .filter(|_| client.get_attr_code(&request()).is_ok())
                    .count()
            })
        })
        .collect();
    let successes: usize = threads.into_iter().map(|t| t.join().unwrap()).sum();
    assert_eq!(successes, 1600);
    assert!(
        server.accepts() <= 8,
        "{} connections for 8 threads",
        server.accepts()
    );
}

#[test]
fn idle_connection_closed_by_the_server_is_not_an_error() {
    let reply = Reply::CloseWhenIdle(Duration::from_millis(200), Box::new(Reply::json(200, "{}")));
    let server = TestServer::start(vec![reply]);
    let (client, _) = client(&server, Settings::new().max_attempts(1), &[]);
    for closed in 1..=3 {
        client.get_attr_code(&request()).unwrap();
        // The next call starts only once the server has closed this call's idle connection.
        assert!(server.wait_for_closes(closed));
    }
    assert_eq!(
        server.accepts(),
        3,
        "each call found its pooled connection closed and reconnected"
    );
}

/// Virtual time: `now` moves only when the client sleeps.
struct VirtualClock {
    start: Instant,
    slept: Mutex<Vec<Duration>>,
}

impl RetryClock for VirtualClock {
    fn now(&self) -> Instant {
        self.start + self.slept.lock().unwrap().iter().sum::<Duration>()
    }
    fn sleep(&self, duration: Duration) {
        self.slept.lock().unwrap().push(duration);
    }
    fn random_unit(&self) -> f64 {
        0.5
    }
}

fn sleeps_for_mode(mode: cognito_attr_code::RetryMode) -> Vec<Duration> {
    let server = TestServer::start(vec![
        Reply::service_error(400, "TooManyRequestsException", "slow down"),
        Reply::json(200, "{}"),
    ]);
    let clock = Arc::new(VirtualClock {
        start: Instant::now(),
        slept: Mutex::new(Vec::new()),
    });
    let client = Client::with_environment(
        &Settings::new().endpoint_url(server.url()).retry_mode(mode),
        &HashMap::<&str, &str>::new(),
    )
    .unwrap()
    .with_retry_clock(clock.clone());
    for _ in 0..5 {
        client.get_attr_code(&request()).unwrap();
    }
    let sleeps = clock.slept.lock().unwrap().clone();
    sleeps
}

#[test]
fn adaptive_mode_delays_sends_after_throttling() {
    use cognito_attr_code::RetryMode;
    let standard = sleeps_for_mode(RetryMode::Standard);
    assert_eq!(
        standard,
        [Duration::from_millis(500)],
        "standard mode only backs off once"
    );
    let adaptive = sleeps_for_mode(RetryMode::Adaptive);
    assert_eq!(adaptive[0], Duration::from_millis(500));
    assert!(
        adaptive.len() > 1,
        "the rate limiter spaced out the sends: {adaptive:?}"
    );
    assert!(adaptive[1..].iter().all(|d| *d > Duration::ZERO));
}

#[test]
fn adaptive_mode_from_the_environment() {
    let server = TestServer::start(vec![Reply::json(200, "{}")]);
    let (client, _) = client(&server, Settings::new(), &[("AWS_RETRY_MODE", "adaptive")]);
    assert_eq!(
        client.config().retry_mode.value,
        cognito_attr_code::RetryMode::Adaptive
    );
}
