//! HTTP/1.1 on 127.0.0.1: the Cognito calls (`POST` with `X-Amz-Target`) and the control
//! endpoints (`POST /_fake/<action>`), a thread per connection, keep-alive.
//!
//! Requests are parsed with `httparse` over std sockets rather than with a server crate because
//! an injected "connection reset" needs the socket itself (tiny_http answers 500 for a request
//! dropped without a response and offers no way to close or reset a connection).

use std::io::{ErrorKind, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use serde_json::{json, Value};

use crate::service::{self, Answer};
use crate::token::uuid_like;
use crate::Shared;

/// A request head larger than this is refused.
const MAX_HEAD_BYTES: usize = 64 * 1024;
/// A request body larger than this is refused.
const MAX_BODY_BYTES: usize = 1024 * 1024;
const MAX_HEADERS: usize = 64;
/// How often an idle connection checks whether the fake is stopping.
const POLL: Duration = Duration::from_millis(200);
const CONTROL_PREFIX: &str = "/_fake/";

/// Accepts connections until the fake stops.
pub(crate) fn accept_loop(listener: &TcpListener, shared: &Arc<Shared>) {
    for stream in listener.incoming() {
        if shared.stopping.load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        let shared = Arc::clone(shared);
        let spawned = thread::Builder::new()
            .name("fake-cognito-connection".into())
            .spawn(move || serve_connection(stream, &shared));
        drop(spawned);
    }
}

struct Request {
    method: String,
    path: String,
    target: Option<String>,
    close: bool,
    body: Vec<u8>,
}

enum ReadOutcome {
    Request(Request),
    /// Bad framing: answer this status and close.
    Refuse(u16),
    Closed,
}

fn serve_connection(mut stream: TcpStream, shared: &Shared) {
    let _ = stream.set_read_timeout(Some(POLL));
    let _ = stream.set_nodelay(true);
    let mut buffer = Vec::new();
    let mut served = 0usize;
    loop {
        let request = match read_request(&mut stream, &mut buffer, shared) {
            ReadOutcome::Request(request) => request,
            ReadOutcome::Refuse(status) => {
                let _ = write_response(&mut stream, status, "text/plain", &[], b"", true);
                return;
            }
            ReadOutcome::Closed => return,
        };
        if request.method != "POST" {
            let _ = write_response(&mut stream, 405, "text/plain", &[], b"", true);
            return;
        }
        let written = if let Some(action) = request.path.strip_prefix(CONTROL_PREFIX) {
            answer_control(&mut stream, shared, action, &request)
        } else {
            let (delay, answer) = {
                let mut pool = shared.lock();
                service::handle(
                    &mut pool,
                    request.target.as_deref(),
                    &request.body,
                    served > 0,
                )
            };
            if !delay.is_zero() {
                thread::sleep(delay);
            }
            answer_service(&mut stream, shared, answer, request.close)
        };
        if written.is_err() || request.close {
            return;
        }
        served += 1;
    }
}

fn answer_control(
    stream: &mut TcpStream,
    shared: &Shared,
    action: &str,
    request: &Request,
) -> std::io::Result<bool> {
    let args = if request.body.iter().all(u8::is_ascii_whitespace) {
        Ok(json!({}))
    } else {
        serde_json::from_slice::<Value>(&request.body)
            .map_err(|error| crate::FakeError::invalid(format!("the body is not JSON: {error}")))
    };
    let result = args.and_then(|args| shared.lock_control(action, &args));
    let (status, body) = match result {
        Ok(value) => (200, value),
        Err(error) => (
            400,
            json!({ "error": error.kind.as_str(), "message": error.message }),
        ),
    };
    write_response(
        stream,
        status,
        "application/json",
        &[],
        body.to_string().as_bytes(),
        request.close,
    )?;
    Ok(true)
}

fn answer_service(
    stream: &mut TcpStream,
    shared: &Shared,
    answer: Answer,
    close: bool,
) -> std::io::Result<bool> {
    let request_id = uuid_like(&mut shared.lock().id_random);
    match answer {
        Answer::Json {
            status,
            body,
            error_code,
        } => {
            let mut headers = vec![("x-amzn-RequestId", request_id)];
            if let Some(code) = error_code {
                headers.push(("x-amzn-ErrorType", format!("{code}:")));
            }
            write_response(
                stream,
                status,
                "application/x-amz-json-1.1",
                &headers,
                body.to_string().as_bytes(),
                close,
            )?;
        }
        Answer::Status(status) => {
            let body = format!("{status} {}\n", reason(status));
            write_response(stream, status, "text/plain", &[], body.as_bytes(), close)?;
        }
        Answer::Reset => {
            // Linger 0: closing sends RST instead of FIN.
            let _ = socket2::SockRef::from(&*stream).set_linger(Some(Duration::ZERO));
            return Err(ErrorKind::ConnectionReset.into());
        }
    }
    Ok(true)
}

fn read_request(stream: &mut TcpStream, buffer: &mut Vec<u8>, shared: &Shared) -> ReadOutcome {
    let mut chunk = [0u8; 8192];
    loop {
        let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut parsed = httparse::Request::new(&mut headers);
        match parsed.parse(buffer) {
            Ok(httparse::Status::Complete(head_length)) => {
                let header = |name: &str| {
                    parsed
                        .headers
                        .iter()
                        .find(|header| header.name.eq_ignore_ascii_case(name))
                        .and_then(|header| std::str::from_utf8(header.value).ok())
                        .map(str::trim)
                };
                if header("transfer-encoding").is_some() {
                    return ReadOutcome::Refuse(411);
                }
                let Some(length) =
                    header("content-length").map_or(Some(0), |value| value.parse::<usize>().ok())
                else {
                    return ReadOutcome::Refuse(400);
                };
                if length > MAX_BODY_BYTES {
                    return ReadOutcome::Refuse(413);
                }
                let close = header("connection")
                    .is_some_and(|value| value.eq_ignore_ascii_case("close"))
                    || parsed.version == Some(0);
                let target = header("x-amz-target").map(str::to_owned);
                let method = parsed.method.unwrap_or_default().to_owned();
                let path = parsed.path.unwrap_or_default().to_owned();
                if !fill(stream, buffer, head_length + length, shared) {
                    return ReadOutcome::Closed;
                }
                let body = buffer[head_length..head_length + length].to_vec();
                buffer.drain(..head_length + length);
                return ReadOutcome::Request(Request {
                    method,
                    path,
                    target,
                    close,
                    body,
                });
            }
            Ok(httparse::Status::Partial) if buffer.len() <= MAX_HEAD_BYTES => {}
            _ => return ReadOutcome::Refuse(400),
        }
        match stream.read(&mut chunk) {
            Ok(0) => return ReadOutcome::Closed,
            Ok(read) => buffer.extend_from_slice(&chunk[..read]),
            Err(error) if is_timeout(&error) => {
                if shared.stopping.load(Ordering::SeqCst) {
                    return ReadOutcome::Closed;
                }
            }
            Err(_) => return ReadOutcome::Closed,
        }
    }
}

/// Reads until `buffer` holds `wanted` bytes; `false` when the peer closed or the fake stops.
fn fill(stream: &mut TcpStream, buffer: &mut Vec<u8>, wanted: usize, shared: &Shared) -> bool {
    let mut chunk = [0u8; 8192];
    while buffer.len() < wanted {
        match stream.read(&mut chunk) {
            Ok(0) => return false,
            Ok(read) => buffer.extend_from_slice(&chunk[..read]),
            Err(error) if is_timeout(&error) => {
                if shared.stopping.load(Ordering::SeqCst) {
                    return false;
                }
            }
            Err(_) => return false,
        }
    }
    true
}

fn is_timeout(error: &std::io::Error) -> bool {
    matches!(
        error.kind(),
        ErrorKind::WouldBlock | ErrorKind::TimedOut | ErrorKind::Interrupted
    )
}

fn write_response(
    stream: &mut TcpStream,
    status: u16,
    content_type: &str,
    headers: &[(&str, String)],
    body: &[u8],
    close: bool,
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n",
        reason(status),
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if close {
        head.push_str("Connection: close\r\n");
    }
    head.push_str("\r\n");
    let mut message = head.into_bytes();
    message.extend_from_slice(body);
    stream.write_all(&message)?;
    stream.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        411 => "Length Required",
        413 => "Payload Too Large",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    }
}
