//! Servers that keep a call alive without ever tripping the read timeout (a byte at a time,
//! `100 Continue` forever), and slow retries: the attempt and operation deadlines end the call.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use cognito_attr_code::{
    Client, Error, ErrorKind, GetAttrCodeRequest, RetryMode, Settings, TimeoutPhase,
};

/// Generous for a loaded machine, far below the minutes these servers would hold a call.
const BOUND: Duration = Duration::from_secs(10);
/// How long a misbehaving server keeps going at most.
const SERVER_LIFETIME: Duration = Duration::from_secs(60);

/// A loopback server that reads each request, then hands the connection to `misbehave`.
struct ScriptedServer {
    addr: SocketAddr,
    requests: Arc<AtomicUsize>,
}

impl ScriptedServer {
    fn start(misbehave: fn(&mut TcpStream)) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let requests = Arc::new(AtomicUsize::new(0));
        let counter = requests.clone();
        thread::spawn(move || {
            for stream in listener.incoming().take(20) {
                let Ok(mut stream) = stream else { continue };
                let counter = counter.clone();
                thread::spawn(move || {
                    stream.set_read_timeout(Some(Duration::from_secs(10))).ok();
                    if read_request(&mut stream) {
                        counter.fetch_add(1, Ordering::SeqCst);
                        misbehave(&mut stream);
                    }
                });
            }
        });
        Self { addr, requests }
    }

    fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

/// Reads one request (headers, then a `Content-Length` body); `false` if the client went away.
fn read_request(stream: &mut TcpStream) -> bool {
    let mut data = Vec::new();
    let mut buf = [0u8; 4096];
    while data.len() < 64 * 1024 {
        let Ok(n) = stream.read(&mut buf) else {
            return false;
        };
        if n == 0 {
            return false;
        }
        data.extend_from_slice(&buf[..n]);
        if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&data[..end]).to_ascii_lowercase();
            let length: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
            let mut body = data.len() - end - 4;
            while body < length {
                match stream.read(&mut buf) {
                    Ok(0) | Err(_) => return false,
                    Ok(n) => body += n,
                }
            }
            return true;
        }
    }
    false
}

/// Writes `bytes` one at a time, `pause` apart, until the client leaves or time is up.
fn trickle(stream: &mut TcpStream, bytes: &[u8], pause: Duration) {
    let started = Instant::now();
    for byte in bytes.iter().cycle() {
        if started.elapsed() > SERVER_LIFETIME || stream.write_all(&[*byte]).is_err() {
            return;
        }
        thread::sleep(pause);
    }
}

fn trickled_headers(stream: &mut TcpStream) {
    // A header line that never ends, one byte every 100 ms.
    let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nX-Slow: ");
    trickle(stream, b"a", Duration::from_millis(100));
}

fn trickled_body(stream: &mut TcpStream) {
    let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n");
    trickle(stream, b" ", Duration::from_millis(100));
}

fn endless_continue(stream: &mut TcpStream) {
    trickle_chunks(
        stream,
        b"HTTP/1.1 100 Continue\r\n\r\n",
        Duration::from_millis(10),
    );
}

fn trickle_chunks(stream: &mut TcpStream, chunk: &[u8], pause: Duration) {
    let started = Instant::now();
    while started.elapsed() < SERVER_LIFETIME && stream.write_all(chunk).is_ok() {
        thread::sleep(pause);
    }
}

fn silent(stream: &mut TcpStream) {
    let started = Instant::now();
    let mut buf = [0u8; 64];
    stream
        .set_read_timeout(Some(Duration::from_millis(100)))
        .ok();
    // Wait for the client to leave (EOF), say nothing.
    while started.elapsed() < SERVER_LIFETIME {
        match stream.read(&mut buf) {
            Ok(0) => return,
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(e) if e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => return,
        }
    }
}

fn service_unavailable(stream: &mut TcpStream) {
    let _ = stream.write_all(
        b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/x-amz-json-1.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}",
    );
}

fn call(server: &ScriptedServer, settings: Settings) -> (Error, Duration) {
    let env: HashMap<&str, &str> = HashMap::from([("AWS_CONFIG_FILE", "/nonexistent/config")]);
    let client = Client::with_environment(&settings.endpoint_url(server.url()), &env).unwrap();
    let started = Instant::now();
    let err = client
        .get_attr_code(&GetAttrCodeRequest::new("token-for-deadlines", "email"))
        .unwrap_err();
    (err, started.elapsed())
}

/// The defaults bound every call: connect 1 s + read 1 s gives an attempt deadline of 2 s.
fn short_timeouts() -> Settings {
    Settings::new()
        .connect_timeout(Duration::from_secs(1))
        .read_timeout(Duration::from_secs(1))
}

fn assert_attempt_timeout(err: &Error, elapsed: Duration, attempts: u32) {
    assert_eq!(
        err.kind(),
        &ErrorKind::Timeout(TimeoutPhase::Attempt),
        "{err}"
    );
    assert_eq!(err.attempts(), attempts, "{err}");
    assert!(elapsed < BOUND, "took {elapsed:?}");
}

#[test]
fn headers_trickled_a_byte_at_a_time_hit_the_default_attempt_deadline() {
    let server = ScriptedServer::start(trickled_headers);
    let (err, elapsed) = call(&server, short_timeouts());
    assert_attempt_timeout(&err, elapsed, 1);
    assert!(elapsed >= Duration::from_millis(1900), "took {elapsed:?}");
    assert_eq!(server.requests(), 1);
}

#[test]
fn a_body_trickled_a_byte_at_a_time_hits_the_attempt_deadline() {
    let server = ScriptedServer::start(trickled_body);
    let (err, elapsed) = call(
        &server,
        short_timeouts().attempt_timeout(Duration::from_secs(1)),
    );
    assert_attempt_timeout(&err, elapsed, 1);
    assert_eq!(err.http_status(), Some(200));
}

#[test]
fn endless_100_continue_hits_the_attempt_deadline() {
    let server = ScriptedServer::start(endless_continue);
    let (err, elapsed) = call(&server, short_timeouts());
    assert_attempt_timeout(&err, elapsed, 1);
}

#[test]
fn attempt_deadlines_are_retried_only_when_read_timeouts_are() {
    let server = ScriptedServer::start(trickled_headers);
    let (err, elapsed) = call(
        &server,
        short_timeouts()
            .attempt_timeout(Duration::from_millis(500))
            .retry_read_timeouts(true)
            .max_attempts(2),
    );
    assert_attempt_timeout(&err, elapsed, 2);
    assert_eq!(server.requests(), 2);
}

#[test]
fn the_operation_deadline_cuts_an_attempt_short() {
    let server = ScriptedServer::start(silent);
    let (err, elapsed) = call(
        &server,
        Settings::new()
            .read_timeout(Duration::from_secs(30))
            .operation_timeout(Duration::from_secs(1)),
    );
    assert_eq!(
        err.kind(),
        &ErrorKind::Timeout(TimeoutPhase::Operation),
        "{err}"
    );
    assert_eq!(err.attempts(), 1);
    assert!(
        elapsed >= Duration::from_millis(900) && elapsed < BOUND,
        "took {elapsed:?}"
    );
}

#[test]
fn the_operation_deadline_ends_retries_and_back_off() {
    let server = ScriptedServer::start(service_unavailable);
    let (err, elapsed) = call(
        &server,
        short_timeouts()
            .max_attempts(50)
            .retry_mode(RetryMode::Standard)
            .operation_timeout(Duration::from_millis(1500)),
    );
    assert_eq!(
        err.kind(),
        &ErrorKind::Timeout(TimeoutPhase::Operation),
        "{err}"
    );
    assert!(err.message().contains("HTTP 503"), "{err}");
    assert!(
        (1..50).contains(&err.attempts()),
        "attempts {}",
        err.attempts()
    );
    assert_eq!(server.requests() as u32, err.attempts());
    assert!(elapsed < BOUND, "took {elapsed:?}");
    assert!(err.total_retry_delay() < Duration::from_millis(1500));
}
