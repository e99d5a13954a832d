//! Load harness (not a timed unit test): one `Client` shared by THREADS threads, each making CALLS
//! calls against a local keep-alive server in a child process. Prints calls, errors, throughput,
//! RSS (VmRSS from /proc/self/status) after each round and open file descriptors (/proc/self/fd)
//! before and after; exits non-zero on any error, RSS growth or descriptor growth.
//!
//!     cargo run --release -p cognito-attr-code --example load [-- THREADS CALLS]
//!
//! `make load` runs it together with the Python equivalent (bindings-python/scripts/load.py).

mod keep_alive_server;

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use cognito_attr_code::{Client, GetAttrCodeRequest, Settings};

const DEFAULT_THREADS: usize = 8;
const DEFAULT_CALLS: usize = 5_000;
/// The run is split into rounds so RSS is sampled as it goes, not just at both ends.
const ROUNDS: usize = 5;
/// Calls per thread before the baseline is taken: fills the pool and the allocator's caches.
const WARM_UP_CALLS: usize = 200;
/// RSS may move this much between the first and the last round (allocator noise), not more.
const MAX_RSS_GROWTH_KIB: u64 = 4 * 1024;
const TOKEN: &str = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJsb2FkIn0.load-signature";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("serve") {
        keep_alive_server::serve();
    }
    let number = |index: usize, default: usize| {
        args.get(index)
            .map_or(default, |a| a.parse().expect("a positive integer"))
    };
    let (threads, calls) = (number(0, DEFAULT_THREADS), number(1, DEFAULT_CALLS));

    let (mut server, port) = start_server();
    // No AWS_* or proxy variable from the machine: the settings below are the whole config.
    let settings = Settings::new()
        .region("us-east-1")
        .endpoint_url(format!("http://127.0.0.1:{port}"))
        .max_attempts(1);
    let client = Client::with_environment(&settings, &HashMap::<String, String>::new())
        .expect("client for the local server");

    let warm_up_errors = run_round(&client, threads, WARM_UP_CALLS);
    let fds_before = open_descriptors();
    let mut rss = vec![rss_kib()];
    let started = Instant::now();
    let mut errors = warm_up_errors;
    for _ in 0..ROUNDS {
        errors += run_round(&client, threads, calls / ROUNDS);
        rss.push(rss_kib());
    }
    let elapsed = started.elapsed();
    let fds_after = open_descriptors();
    let _ = server.kill();
    let _ = server.wait();

    let total = threads * (calls / ROUNDS) * ROUNDS;
    let rss_growth = rss[ROUNDS].saturating_sub(rss[1]);
    println!(
        "rust load: {threads} threads x {} calls on one Client",
        calls / ROUNDS * ROUNDS
    );
    println!("calls: {total} (+{} warm-up)", threads * WARM_UP_CALLS);
    println!("errors: {errors}");
    println!(
        "elapsed: {:.2} s ({:.0} calls/s)",
        elapsed.as_secs_f64(),
        total as f64 / elapsed.as_secs_f64()
    );
    println!(
        "RSS KiB after warm-up and each round: {rss:?} (growth after round 1: {rss_growth} KiB)"
    );
    println!("open fds: before {fds_before}, after {fds_after}");

    let mut violations = Vec::new();
    if errors > 0 {
        violations.push(format!("{errors} calls failed"));
    }
    if rss_growth > MAX_RSS_GROWTH_KIB {
        violations.push(format!(
            "RSS grew {rss_growth} KiB (limit {MAX_RSS_GROWTH_KIB})"
        ));
    }
    // The pool may hold one more idle connection per thread than at the baseline, no more.
    if fds_after > fds_before + threads {
        violations.push(format!(
            "open descriptors grew from {fds_before} to {fds_after}"
        ));
    }
    if violations.is_empty() {
        println!("PASS");
        ExitCode::SUCCESS
    } else {
        println!("FAIL: {}", violations.join("; "));
        ExitCode::FAILURE
    }
}

/// This program again, as the server; returns it and the port it listens on.
fn start_server() -> (Child, u16) {
    let mut child = Command::new(std::env::current_exe().expect("own path"))
        .arg("serve")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the server");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("server stdout"))
        .read_line(&mut line)
        .expect("read the server's port");
    let port = line.trim().parse().expect("the server prints its port");
    (child, port)
}

/// `threads` threads each making `calls` calls on the shared client; returns the failures.
fn run_round(client: &Client, threads: usize, calls: usize) -> usize {
    let errors = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                let request = GetAttrCodeRequest::new(TOKEN, "email");
                for _ in 0..calls {
                    match client.get_attr_code(&request) {
                        Ok(output) if output.code_delivery_details.is_some() => {}
                        Ok(_) => {
                            errors.fetch_add(1, Ordering::Relaxed);
                        }
                        Err(error) => {
                            if errors.fetch_add(1, Ordering::Relaxed) < 5 {
                                eprintln!("call failed: {error}");
                            }
                        }
                    }
                }
            });
        }
    });
    errors.into_inner()
}

fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("read /proc/self/status");
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS in /proc/self/status")
}

fn open_descriptors() -> usize {
    std::fs::read_dir("/proc/self/fd")
        .expect("read /proc/self/fd")
        .count()
}
