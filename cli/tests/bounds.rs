//! The CLI's words for a connection cut after the response started, the deadline flags, and a
//! region that is not a DNS label next to an endpoint URL.

mod support;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

use support::{Sandbox, TOKEN};

const SUB: &str = "get-user-attribute-verification-code";

/// A loopback server that reads whatever the client sends first, then runs `answer` on the
/// connection; serves at most 10 connections. Returns its URL.
fn serve(answer: fn(&mut TcpStream)) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    thread::spawn(move || {
        for stream in listener.incoming().take(10) {
            let Ok(mut stream) = stream else { continue };
            thread::spawn(move || {
                stream.set_read_timeout(Some(Duration::from_secs(5))).ok();
                let mut request = [0u8; 64 * 1024];
                if stream.read(&mut request).unwrap_or(0) > 0 {
                    answer(&mut stream);
                }
            });
        }
    });
    url
}

fn run(url: &str, region: &str, extra: &[&str]) -> support::Outcome {
    let mut args = vec![
        SUB,
        "--endpoint-url",
        url,
        "--region",
        region,
        "--access-token",
        TOKEN,
        "--attribute-name",
        "email",
    ];
    args.extend_from_slice(extra);
    let outcome = Sandbox::new().run(&args, &[("AWS_MAX_ATTEMPTS", "1")]);
    outcome.assert_token_hidden();
    outcome
}

fn truncated_body(stream: &mut TcpStream) {
    let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{\"CodeDeli");
}

fn trickled_headers(stream: &mut TcpStream) {
    let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nX-Slow: ");
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(60) && stream.write_all(b"a").is_ok() {
        thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_connection_closed_after_the_response_started_is_named_as_the_aws_cli_does() {
    let url = serve(truncated_body);
    let outcome = run(&url, "us-east-1", &[]);
    assert_eq!(outcome.code, 255, "{}", outcome.stderr);
    assert_eq!(
        outcome.stderr,
        format!("\nConnection was closed before we received a valid response from endpoint URL: \"{url}/\".\n")
    );
}

#[test]
fn the_attempt_deadline_flag_ends_a_trickling_response() {
    let url = serve(trickled_headers);
    let started = Instant::now();
    let outcome = run(&url, "us-east-1", &["--cli-attempt-timeout", "1"]);
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(outcome.code, 255, "{}", outcome.stderr);
    assert_eq!(
        outcome.stderr,
        format!("\nAttempt timeout on endpoint URL: \"{url}/\" (--cli-attempt-timeout)\n")
    );
}

#[test]
fn the_operation_deadline_flag_ends_a_trickling_response() {
    let url = serve(trickled_headers);
    let started = Instant::now();
    let outcome = run(
        &url,
        "us-east-1",
        &["--cli-operation-timeout", "1", "--cli-read-timeout", "30"],
    );
    assert!(started.elapsed() < Duration::from_secs(10));
    assert_eq!(outcome.code, 255, "{}", outcome.stderr);
    assert!(
        outcome.stderr.contains("Operation timeout on endpoint URL"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn a_region_that_is_not_a_dns_label_is_refused_with_an_endpoint_url() {
    let url = serve(truncated_body);
    for region in ["us east", "../../etc"] {
        let outcome = run(&url, region, &[]);
        assert_eq!(outcome.code, 253, "{region}: {}", outcome.stderr);
        assert!(
            outcome.stderr.contains("is not a valid region name"),
            "{region}: {}",
            outcome.stderr
        );
    }
}
