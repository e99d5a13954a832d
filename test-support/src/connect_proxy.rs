//! An HTTP CONNECT proxy on loopback that records each CONNECT target and tunnels to it.

use std::io::{BufRead, BufReader, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// Connections one proxy accepts before its accept loop ends.
const MAX_CONNECTIONS: usize = 100;

/// A running proxy; its threads end with the test binary.
pub struct ConnectProxy {
    /// Where the proxy listens.
    pub addr: SocketAddr,
    /// Every CONNECT target (`host:port`) received, in order.
    pub targets: Arc<Mutex<Vec<String>>>,
}

impl ConnectProxy {
    /// Records CONNECT targets and tunnels to them.
    #[must_use]
    pub fn start() -> Self {
        Self::start_with(true)
    }

    /// Records CONNECT targets and refuses them (502) without contacting anything.
    #[must_use]
    pub fn start_refusing() -> Self {
        Self::start_with(false)
    }

    fn start_with(forward: bool) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().expect("local address");
        let targets = Arc::new(Mutex::new(Vec::new()));
        let recorded = targets.clone();
        thread::spawn(move || {
            for client in listener.incoming().take(MAX_CONNECTIONS) {
                let Ok(client) = client else { continue };
                let recorded = recorded.clone();
                thread::spawn(move || tunnel(client, &recorded, forward));
            }
        });
        Self { addr, targets }
    }

    /// `http://` and the address.
    #[must_use]
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
    let mut reader = BufReader::new(client.try_clone().expect("clone stream"));
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
    let mut client_writer = client.try_clone().expect("clone stream");
    let _ = client_writer.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n");
    let mut upstream_reader = upstream.try_clone().expect("clone stream");
    let mut upstream_writer = upstream;
    let forward = thread::spawn(move || {
        let _ = std::io::copy(&mut reader, &mut upstream_writer);
        let _ = upstream_writer.shutdown(Shutdown::Write);
    });
    let _ = std::io::copy(&mut upstream_reader, &mut client_writer);
    let _ = client_writer.shutdown(Shutdown::Both);
    let _ = forward.join();
}
