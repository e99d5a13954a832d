//! A scripted HTTP/1.1 server on an ephemeral loopback port, and a log capture, for the
//! integration tests. Every wait in here is bounded.
#![allow(dead_code)]

pub mod echo_forms;
pub mod hostile;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::Duration;

/// How the server answers one request.
#[derive(Clone, Debug)]
pub enum Reply {
    /// A full response with `Content-Length`.
    Http {
        status: u16,
        headers: Vec<(String, String)>,
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

impl Reply {
    pub fn json(status: u16, body: &str) -> Self {
        Self::Http {
            status,
            headers: vec![
                ("Content-Type".into(), "application/x-amz-json-1.1".into()),
                ("x-amzn-RequestId".into(), "req-0001".into()),
            ],
            body: body.as_bytes().to_vec(),
        }
    }

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
    pub method: String,
    pub path: String,
    /// Header names in lower case.
    pub headers: HashMap<String, String>,
    pub header_order: Vec<String>,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("request body is JSON")
    }
}

pub struct TestServer {
    pub addr: SocketAddr,
    pub requests: Arc<Mutex<Vec<Recorded>>>,
    pub accepts: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
}

impl TestServer {
    /// Serves `script` in order; the last reply repeats.
    pub fn start(script: Vec<Reply>) -> Self {
        Self::start_with(script, None)
    }

    fn start_with(script: Vec<Reply>, tls: Option<TlsIdentity>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().unwrap();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let accepts = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let script = Arc::new(script);
        let next = Arc::new(AtomicUsize::new(0));
        {
            let (requests, accepts, stop) = (requests.clone(), accepts.clone(), stop.clone());
            thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    accepts.fetch_add(1, Ordering::SeqCst);
                    let (requests, script, next, tls) =
                        (requests.clone(), script.clone(), next.clone(), tls.clone());
                    thread::spawn(move || serve(stream, &requests, &script, &next, tls));
                }
            });
        }
        Self {
            addr,
            requests,
            accepts,
            stop,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.requests.lock().unwrap().clone()
    }

    pub fn accepts(&self) -> usize {
        self.accepts.load(Ordering::SeqCst)
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect_timeout(&self.addr, Duration::from_millis(200));
    }
}

/// TLS settings of a server: its certificate chain and key.
#[derive(Clone)]
pub struct TlsIdentity(pub Arc<rustls::ServerConfig>);

impl TlsIdentity {
    /// A fresh private CA (returned as PEM) and a server certificate it signed for `names`
    /// (DNS names or IP addresses).
    pub fn generate(names: &[&str]) -> (Self, String) {
        use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair};
        let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "cognito-attr-code test CA");
        let ca_key = KeyPair::generate().unwrap();
        let ca_cert = ca_params.self_signed(&ca_key).unwrap();
        let params =
            CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>())
                .unwrap();
        let key = KeyPair::generate().unwrap();
        let cert = params.signed_by(&key, &ca_cert, &ca_key).unwrap();
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(
                vec![cert.der().clone()],
                rustls::pki_types::PrivateKeyDer::Pkcs8(key.serialize_der().into()),
            )
            .unwrap();
        (Self(Arc::new(config)), ca_cert.pem())
    }
}

impl TestServer {
    /// As [`TestServer::start`], over TLS.
    pub fn start_tls(script: Vec<Reply>, identity: TlsIdentity) -> Self {
        Self::start_with(script, Some(identity))
    }

    pub fn https_url(&self) -> String {
        format!("https://{}", self.addr)
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
            let writer = stream.try_clone().unwrap();
            serve_stream(BufReader::new(stream), writer, requests, script, next)
        }
        Some(identity) => {
            let Ok(connection) = rustls::ServerConnection::new(identity.0) else {
                return;
            };
            let shared = Arc::new(Mutex::new(rustls::StreamOwned::new(connection, stream)));
            let reader = BufReader::new(SharedStream(shared.clone()));
            serve_stream(reader, SharedStream(shared), requests, script, next)
        }
    }
}

/// One TLS stream used for both reading and writing.
struct SharedStream(Arc<Mutex<rustls::StreamOwned<rustls::ServerConnection, TcpStream>>>);

impl Read for SharedStream {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().read(buf)
    }
}

impl Write for SharedStream {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.lock().unwrap().flush()
    }
}

fn serve_stream(
    mut reader: BufReader<impl Read>,
    mut writer: impl Write,
    requests: &Mutex<Vec<Recorded>>,
    script: &[Reply],
    next: &AtomicUsize,
) {
    // Keep-alive: bounded number of requests per connection.
    for _ in 0..10_000 {
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
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_owned();
    let path = parts.next()?.to_owned();
    let mut headers = HashMap::new();
    let mut header_order = Vec::new();
    for _ in 0..200 {
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
        method,
        path,
        headers,
        header_order,
        body,
    })
}

/// Every log record at every level, formatted, for assertions. Installed once per test binary.
pub fn captured_logs() -> &'static Mutex<Vec<String>> {
    static LOGS: OnceLock<&'static Capture> = OnceLock::new();
    struct Capture(Mutex<Vec<String>>);
    impl log::Log for Capture {
        fn enabled(&self, _: &log::Metadata) -> bool {
            true
        }
        fn log(&self, record: &log::Record) {
            self.0
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(format!(
                    "{} {} {}",
                    record.level(),
                    record.target(),
                    record.args()
                ));
        }
        fn flush(&self) {}
    }
    let capture = LOGS.get_or_init(|| {
        let capture: &'static Capture = Box::leak(Box::new(Capture(Mutex::new(Vec::new()))));
        log::set_logger(capture).expect("no other logger");
        log::set_max_level(log::LevelFilter::Trace);
        capture
    });
    &capture.0
}

/// An HTTP CONNECT proxy on loopback that records each CONNECT target and tunnels to it.
pub struct ConnectProxy {
    pub addr: SocketAddr,
    pub targets: Arc<Mutex<Vec<String>>>,
}

impl ConnectProxy {
    pub fn start() -> Self {
        Self::start_with(true)
    }

    /// Records CONNECT targets and refuses them (502) without contacting anything.
    pub fn start_refusing() -> Self {
        Self::start_with(false)
    }

    fn start_with(forward: bool) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let targets = Arc::new(Mutex::new(Vec::new()));
        let recorded = targets.clone();
        thread::spawn(move || {
            for client in listener.incoming().take(100) {
                let Ok(client) = client else { continue };
                let recorded = recorded.clone();
                thread::spawn(move || tunnel(client, &recorded, forward));
            }
        });
        Self { addr, targets }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

/// Names under the reserved `.test` domain stand for this machine, so that tests can reach a
/// loopback server through the proxy under a name that is not loopback (loopback endpoints never
/// go through a proxy).
fn on_loopback(target: &str) -> String {
    match target.rsplit_once(':') {
        Some((host, port)) if host.ends_with(".test") => format!("127.0.0.1:{port}"),
        _ => target.to_owned(),
    }
}

fn tunnel(client: TcpStream, recorded: &Mutex<Vec<String>>, forward: bool) {
    client.set_read_timeout(Some(Duration::from_secs(10))).ok();
    let mut reader = BufReader::new(client.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let target = line.split_whitespace().nth(1).unwrap_or("").to_owned();
    for _ in 0..100 {
        let mut header = String::new();
        if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
            break;
        }
    }
    recorded.lock().unwrap().push(target.clone());
    if !forward {
        let mut client = client;
        let _ = client.write_all(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
        return;
    }
    let Ok(upstream) = TcpStream::connect(on_loopback(&target)) else {
        return;
    };
    let mut client_writer = client.try_clone().unwrap();
    let _ = client_writer.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n");
    let mut upstream_reader = upstream.try_clone().unwrap();
    let mut upstream_writer = upstream;
    let forward = thread::spawn(move || {
        let _ = std::io::copy(&mut reader, &mut upstream_writer);
        let _ = upstream_writer.shutdown(std::net::Shutdown::Write);
    });
    let _ = std::io::copy(&mut upstream_reader, &mut client_writer);
    let _ = client_writer.shutdown(std::net::Shutdown::Both);
    let _ = forward.join();
}
