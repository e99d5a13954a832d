//! A real loopback HTTP/1.1 server for the load harness: one thread per connection, every request
//! answered with a canned `GetUserAttributeVerificationCode` success, connections kept alive. It
//! runs in a child process so the client's RSS and descriptor figures are the client's alone, and
//! it stops by itself when its parent closes its stdin (or exits).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

const SUCCESS_BODY: &str = r#"{"CodeDeliveryDetails":{"AttributeName":"email","DeliveryMedium":"EMAIL","Destination":"l***@e***.com"}}"#;

/// A connection idle this long is closed, longer than the client's pool keeps one (4 s), so the
/// client never sends on a connection the server already gave up.
const IDLE_TIMEOUT: Duration = Duration::from_secs(30);

/// The largest request head accepted; the harness sends a few hundred bytes.
const MAX_HEAD: usize = 16 * 1024;

/// Binds 127.0.0.1 on an ephemeral port, prints the port on stdout, and serves until stdin closes.
pub fn serve() -> ! {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    println!("{}", listener.local_addr().expect("local address").port());
    std::io::stdout().flush().expect("print the port");
    std::thread::spawn(|| {
        // The parent holds our stdin; its end (or the parent's death) ends the server.
        let _ = std::io::copy(&mut std::io::stdin(), &mut std::io::sink());
        std::process::exit(0);
    });
    for stream in listener.incoming().flatten() {
        std::thread::spawn(move || answer_until_closed(stream));
    }
    unreachable!("TcpListener::incoming never ends")
}

fn answer_until_closed(stream: TcpStream) {
    let _ = stream.set_nodelay(true);
    let _ = stream.set_read_timeout(Some(IDLE_TIMEOUT));
    let Ok(mut writer) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(stream);
    let response = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nx-amzn-RequestId: \
         load-test\r\nContent-Length: {}\r\nConnection: keep-alive\r\n\r\n{SUCCESS_BODY}",
        SUCCESS_BODY.len()
    );
    while let Some(body_length) = read_head(&mut reader) {
        let mut body = vec![0; body_length];
        if reader.read_exact(&mut body).is_err() || writer.write_all(response.as_bytes()).is_err() {
            return;
        }
    }
}

/// Reads one request head; returns its body's length, or `None` at end of stream or on a
/// malformed or oversized head.
fn read_head(reader: &mut BufReader<TcpStream>) -> Option<usize> {
    let mut head = Vec::new();
    while !head.ends_with(b"\r\n\r\n") {
        if reader.read_until(b'\n', &mut head).ok()? == 0 || head.len() > MAX_HEAD {
            return None;
        }
    }
    let mut headers = [httparse::EMPTY_HEADER; 64];
    let mut request = httparse::Request::new(&mut headers);
    if !request.parse(&head).ok()?.is_complete() {
        return None;
    }
    let length = request
        .headers
        .iter()
        .find(|h| h.name.eq_ignore_ascii_case("content-length"))
        .map_or(Some(0), |h| {
            std::str::from_utf8(h.value).ok()?.trim().parse().ok()
        })?;
    (length <= MAX_HEAD).then_some(length)
}
