//! A scripted HTTP/1.1 server on an ephemeral loopback port, plain or TLS, that records every
//! request it reads.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use crate::tls_identity::TlsIdentity;

/// Requests one connection serves before the server closes it.
const MAX_REQUESTS_PER_CONNECTION: usize = 10_000;
/// Header lines read of one request; the rest is left unread.
const MAX_HEADER_LINES: usize = 200;

/// How the server answers one request.
#[derive(Clone, Debug)]
pub enum Reply {
    /// A full response with `Content-Length`.
    Http {
        /// The status code.
        status: u16,
        /// Header lines, as given, after `Content-Length`.
        headers: Vec<(String, String)>,
        /// The body.
        body: Vec<u8>,
    },
    /// Exactly these bytes, then the connection is closed.
    Raw(Vec<u8>),
    /// Headers promising 1000 bytes, 10 bytes of body, then close.
    CloseMidBody,
    /// Close the connection with unread request data (the kernel answers with a reset).
    Reset,
    /// Read the request and say nothing for this long, then close.
    Silence(Duration),
    /// Wait, then answer.
    Delayed(Duration, Box<Reply>),
    /// Answer with keep-alive, then close the idle connection after this long (as cognito-local
    /// does after about 5 s).
    CloseWhenIdle(Duration, Box<Reply>),
}

/// The headers of a Cognito JSON response carrying `request_id`.
#[must_use]
pub fn amz_json_headers(request_id: &str) -> Vec<(String, String)> {
    vec![
        ("Content-Type".into(), "application/x-amz-json-1.1".into()),
        ("x-amzn-RequestId".into(), request_id.into()),
    ]
}

impl Reply {
    /// A Cognito JSON response with request id `req-0001`.
    #[must_use]
    pub fn json(status: u16, body: &str) -> Self {
        Self::Http {
            status,
            headers: amz_json_headers("req-0001"),
            body: body.as_bytes().to_vec(),
        }
    }

    /// This reply with one more header (only for [`Reply::Http`]).
    #[must_use]
    pub fn with_header(self, name: &str, value: &str) -> Self {
        match self {
            Self::Http {
                status,
                mut headers,
                body,
            } => {
                headers.push((name.into(), value.into()));
                Self::Http {
                    status,
                    headers,
                    body,
                }
            }
            other => other,
        }
    }

    /// A modeled error as Cognito sends it: code in the `__type` member.
    #[must_use]
    pub fn service_error(status: u16, code: &str, message: &str) -> Self {
        Self::json(
            status,
            &format!(r#"{{"__type":"{code}","message":"{message}"}}"#),
        )
    }
}

/// One request as received.
#[derive(Clone, Debug)]
pub struct Recorded {
    /// The first line, without its line end, e.g. `POST / HTTP/1.1`.
    pub request_line: String,
    /// The method of the request line.
    pub method: String,
    /// The target of the request line.
    pub path: String,
    /// Header names in lower case.
    pub headers: HashMap<String, String>,
    /// Header names in lower case, in the order received.
    pub header_order: Vec<String>,
    /// The body, as long as `Content-Length` said.
    pub body: Vec<u8>,
}

impl Recorded {
    /// The value of header `name`, in any case.
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }

    /// The body parsed as JSON.
    ///
    /// # Panics
    /// When the body is not JSON.
    #[must_use]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("request body is JSON")
    }
}

/// A running server; dropping it ends its accept loop.
pub struct TestServer {
    /// Where the server listens.
    pub addr: SocketAddr,
    /// Every request read, in order.
    pub requests: Arc<Mutex<Vec<Recorded>>>,
    /// Connections accepted so far.
    pub accepts: Arc<AtomicUsize>,
    /// Connections the server has closed so far.
    pub closes: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
}

impl TestServer {
    /// Serves `script` in order, one reply per request across all connections; the last reply
    /// repeats.
    #[must_use]
    pub fn start(script: Vec<Reply>) -> Self {
        Self::start_with(script, None)
    }

    /// As [`TestServer::start`], over TLS.
    #[must_use]
    pub fn start_tls(script: Vec<Reply>, identity: TlsIdentity) -> Self {
        Self::start_with(script, Some(identity))
    }

    fn start_with(script: Vec<Reply>, tls: Option<TlsIdentity>) -> Self {
        assert!(!script.is_empty(), "a test server needs a script");
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().expect("local address");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let accepts = Arc::new(AtomicUsize::new(0));
        let closes = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let script = Arc::new(script);
        let next = Arc::new(AtomicUsize::new(0));
        {
            let (requests, accepts, closes, stop) = (
                requests.clone(),
                accepts.clone(),
                closes.clone(),
                stop.clone(),
            );
            thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    accepts.fetch_add(1, Ordering::SeqCst);
                    let (requests, script, next, tls, closes) = (
                        requests.clone(),
                        script.clone(),
                        next.clone(),
                        tls.clone(),
                        closes.clone(),
                    );
                    thread::spawn(move || {
                        serve(stream, &requests, &script, &next, tls);
                        closes.fetch_add(1, Ordering::SeqCst);
                    });
                }
            });
        }
        Self {
            addr,
            requests,
            accepts,
            closes,
            stop,
        }
    }

    /// `http://` and the address.
    #[must_use]
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// `https://` and the address.
    #[must_use]
    pub fn https_url(&self) -> String {
        format!("https://{}", self.addr)
    }

    /// The requests read so far, in order of arrival.
    #[must_use]
    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().unwrap().clone()
    }

    /// Connections accepted so far.
    #[must_use]
    pub fn accepts(&self) -> usize {
        self.accepts.load(Ordering::SeqCst)
    }

    /// Waits (at most 10 s) until the server has closed `count` connections; `false` if it had
    /// not by then.
    #[must_use]
    pub fn wait_for_closes(&self, count: usize) -> bool {
        for _ in 0..2000 {
            if self.closes.load(Ordering::SeqCst) >= count {
                return true;
            }
            thread::sleep(Duration::from_millis(5));
        }
        false
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wakes the accept loop so that it sees the flag and ends.
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_millis(200));
    }
}

fn serve(
    stream: TcpStream,
    requests: &Mutex<Vec<Recorded>>,
    script: &[Reply],
    next: &AtomicUsize,
    tls: Option<TlsIdentity>,
) {
    stream.set_read_timeout(Some(Duration::from_secs(10))).ok();
    match tls {
        None => {
            let Ok(writer) = stream.try_clone() else {
                return;
            };
            serve_stream(BufReader::new(stream), writer, requests, script, next);
        }
        Some(identity) => {
            let Some((reader, writer)) = identity.accept(stream) else {
                return;
            };
            serve_stream(BufReader::new(reader), writer, requests, script, next);
        }
    }
}

fn serve_stream(
    mut reader: BufReader<impl Read>,
    mut writer: impl Write,
    requests: &Mutex<Vec<Recorded>>,
    script: &[Reply],
    next: &AtomicUsize,
) {
    for _ in 0..MAX_REQUESTS_PER_CONNECTION {
        let index = next.fetch_add(1, Ordering::SeqCst).min(script.len() - 1);
        let reply = &script[index];
        if matches!(reply, Reply::Reset) {
            let mut first = [0u8; 16];
            let _ = reader.read(&mut first);
            return; // unread request bytes: closing now sends RST
        }
        let Some(request) = read_request(&mut reader) else {
            return;
        };
        requests.lock().unwrap().push(request);
        if !answer(&mut writer, reply) {
            let _ = writer.flush();
            return;
        }
    }
}

/// Writes the reply; `false` when the connection must be closed afterwards.
fn answer(writer: &mut impl Write, reply: &Reply) -> bool {
    match reply {
        Reply::Http {
            status,
            headers,
            body,
        } => {
            let mut head = format!(
                "HTTP/1.1 {status} Status\r\nContent-Length: {}\r\n",
                body.len()
            );
            for (name, value) in headers {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
            head.push_str("\r\n");
            let _ = writer.write_all(head.as_bytes());
            let _ = writer.write_all(body);
            true
        }
        Reply::Raw(bytes) => {
            let _ = writer.write_all(bytes);
            false
        }
        Reply::CloseMidBody => {
            let _ = writer.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{\"CodeDeli");
            false
        }
        Reply::Silence(duration) => {
            thread::sleep(*duration);
            false
        }
        Reply::Delayed(duration, reply) => {
            thread::sleep(*duration);
            answer(writer, reply)
        }
        Reply::CloseWhenIdle(idle, reply) => {
            answer(writer, reply);
            let _ = writer.flush();
            thread::sleep(*idle);
            false
        }
        Reply::Reset => false,
    }
}

fn read_request(reader: &mut BufReader<impl Read>) -> Option<Recorded> {
    let mut line = String::new();
    if reader.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let request_line = line.trim_end().to_owned();
    let mut parts = request_line.split_whitespace();
    let method = parts.next()?.to_owned();
    let path = parts.next()?.to_owned();
    let mut headers = HashMap::new();
    let mut header_order = Vec::new();
    for _ in 0..MAX_HEADER_LINES {
        let mut line = String::new();
        reader.read_line(&mut line).ok()?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':')?;
        let name = name.trim().to_ascii_lowercase();
        header_order.push(name.clone());
        headers.insert(name, value.trim().to_owned());
    }
    let length: usize = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    Some(Recorded {
        request_line,
        method,
        path,
        headers,
        header_order,
        body,
    })
}
