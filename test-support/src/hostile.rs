//! A misbehaving server for hostile scenarios: a raw `TcpListener` on an ephemeral loopback port
//! that reads each request and answers with exactly the bytes, pauses and closes it is scripted
//! to, with no HTTP library in between to tidy them up. Every wait in here is bounded.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// Longest a connection waits for the request, and the cap on what it reads of one.
const REQUEST_READ_TIMEOUT: Duration = Duration::from_secs(10);
const MAX_REQUEST_BYTES: usize = 1024 * 1024;

/// One thing the server does on a connection, after it has read the request.
#[derive(Clone, Debug)]
pub enum Step {
    /// Write these bytes as they are.
    Send(Vec<u8>),
    /// Wait this long.
    Pause(Duration),
}

/// A complete HTTP/1.1 response: the status line, the headers exactly as given (names, case,
/// duplicates, any bytes), `Content-Length` and `Connection: close`, then the body.
pub fn response(status_line: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut bytes = format!("HTTP/1.1 {status_line}\r\n").into_bytes();
    for (name, value) in headers {
        bytes.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    bytes.extend_from_slice(
        format!(
            "Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        )
        .as_bytes(),
    );
    bytes.extend_from_slice(body);
    bytes
}

/// Serves one script per connection, in order (the last one repeats), then closes each
/// connection. Records every request it read.
pub struct HostileServer {
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<Vec<u8>>>>,
    stop: Arc<AtomicBool>,
}

impl HostileServer {
    /// Serves `scripts`, one per connection in order of arrival.
    ///
    /// # Panics
    /// When `scripts` is empty.
    #[must_use]
    pub fn start(scripts: Vec<Vec<Step>>) -> Self {
        assert!(!scripts.is_empty(), "a hostile server needs a script");
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().expect("local address");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (recorded, stopped) = (requests.clone(), stop.clone());
        thread::spawn(move || {
            for (index, stream) in listener.incoming().enumerate() {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let script = scripts[index.min(scripts.len() - 1)].clone();
                let recorded = recorded.clone();
                thread::spawn(move || serve(stream, &script, &recorded));
            }
        });
        Self {
            addr,
            requests,
            stop,
        }
    }

    /// One script that sends `bytes` and closes.
    #[must_use]
    pub fn replying(bytes: Vec<u8>) -> Self {
        Self::start(vec![vec![Step::Send(bytes)]])
    }

    /// `http://` and the address.
    #[must_use]
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The raw requests read so far, in order of arrival.
    #[must_use]
    pub fn requests(&self) -> Vec<Vec<u8>> {
        self.requests
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }
}

impl Drop for HostileServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accept loop so that it sees the flag and ends.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_millis(200));
    }
}

fn serve(mut stream: TcpStream, script: &[Step], requests: &Mutex<Vec<Vec<u8>>>) {
    let Some(request) = read_request(&mut stream) else {
        return;
    };
    requests
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .push(request);
    for step in script {
        let outcome = match step {
            Step::Send(bytes) => stream.write_all(bytes).and_then(|()| stream.flush()),
            Step::Pause(duration) => {
                thread::sleep(*duration);
                Ok(())
            }
        };
        if outcome.is_err() {
            return;
        }
    }
    let _ = stream.shutdown(std::net::Shutdown::Write);
    // Drain what the client still sends so that closing does not turn into a reset.
    let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
    let _ = stream.read(&mut [0u8; 1024]);
}

/// The request head and a `Content-Length` body, or `None` when the peer gave up (or was the
/// wake-up connection of `Drop`).
fn read_request(stream: &mut TcpStream) -> Option<Vec<u8>> {
    let deadline = Instant::now() + REQUEST_READ_TIMEOUT;
    stream.set_read_timeout(Some(REQUEST_READ_TIMEOUT)).ok()?;
    let mut request = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        if let Some(head_end) = find(&request, b"\r\n\r\n") {
            let body_len = content_length(&request[..head_end]).unwrap_or(0);
            if request.len() >= head_end + 4 + body_len {
                return Some(request);
            }
        }
        if Instant::now() > deadline || request.len() > MAX_REQUEST_BYTES {
            return None;
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return None,
            Ok(n) => request.extend_from_slice(&chunk[..n]),
        }
    }
}

fn content_length(head: &[u8]) -> Option<usize> {
    String::from_utf8_lossy(head).lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("content-length")
            .then(|| value.trim().parse().ok())?
    })
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}
