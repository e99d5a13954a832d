//! `cognito-attr-code fake-cognito` as a test of another program would use it: start the binary,
//! read its lines, drive the verify flow with our own subcommands and the control endpoints,
//! then stop it with SIGINT or SIGTERM (exit 0). Every wait is bounded.

mod support;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use support::Sandbox;

const WAIT: Duration = Duration::from_secs(20);

/// The running binary and the `key=value` lines it printed before `ready`.
struct RunningFake {
    child: Child,
    lines: HashMap<String, String>,
}

impl RunningFake {
    fn start(sandbox: &Sandbox, args: &[&str]) -> Self {
        let mut all = vec!["fake-cognito"];
        all.extend_from_slice(args);
        let mut child = sandbox
            .command(&all, &[])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the fake");
        let stdout = child.stdout.take().unwrap();
        let (sender, received) = mpsc::channel();
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                let ready = line == "ready";
                if sender.send(line).is_err() || ready {
                    break;
                }
            }
        });
        let deadline = Instant::now() + WAIT;
        let mut lines = HashMap::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let line = received
                .recv_timeout(left)
                .expect("the fake printed ready in time");
            if line == "ready" {
                break;
            }
            let (key, value) = line.split_once('=').expect("a key=value line");
            lines.insert(key.to_owned(), value.to_owned());
        }
        Self { child, lines }
    }

    fn line(&self, key: &str) -> &str {
        &self.lines[key]
    }

    fn port(&self) -> u16 {
        self.line("endpoint_url")
            .rsplit(':')
            .next()
            .unwrap()
            .parse()
            .unwrap()
    }

    /// `POST /_fake/<action>` over a plain socket, as a C test would.
    fn control(&self, action: &str, args: &Value) -> Value {
        let body = args.to_string();
        let mut stream = TcpStream::connect(("127.0.0.1", self.port())).unwrap();
        stream.set_read_timeout(Some(WAIT)).unwrap();
        write!(
            stream,
            "POST /_fake/{action} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        assert!(response.starts_with("HTTP/1.1 200 "), "{response}");
        serde_json::from_str(response.split_once("\r\n\r\n").unwrap().1).unwrap()
    }

    /// Sends `signal` with kill(1) and waits (bounded) for the exit code.
    fn stop_with(mut self, signal: &str) -> i32 {
        let status = Command::new("kill")
            .args([&format!("-{signal}"), &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code().expect("exited, not killed by the signal");
            }
            assert!(Instant::now() < deadline, "the fake did not stop");
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for RunningFake {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn prints_its_lines_serves_the_verify_flow_and_stops_on_sigint() {
    let sandbox = Sandbox::new();
    let fake = RunningFake::start(
        &sandbox,
        &[
            "--user",
            "jane:email=jane@example.com,phone_number=+15555551234",
            "--user",
            "bob",
            "--region",
            "eu-west-1",
            "--seed",
            "3",
        ],
    );
    assert!(fake.line("endpoint_url").starts_with("http://127.0.0.1:"));
    assert_eq!(fake.line("region"), "eu-west-1");
    assert!(fake.line("user_pool_id").starts_with("eu-west-1_"));
    assert!(fake.lines.contains_key("token.bob"));
    let token = fake.line("token.jane").to_owned();
    let endpoint = fake.line("endpoint_url").to_owned();

    let call = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend_from_slice(&["--endpoint-url", &endpoint, "--region", "eu-west-1"]);
        sandbox.run(&all, &[])
    };
    let sent = call(&[
        "get-user-attribute-verification-code",
        "--access-token",
        &token,
        "--attribute-name",
        "email",
    ]);
    assert_eq!(sent.code, 0, "{}", sent.stderr);
    let output: Value = serde_json::from_str(&sent.stdout).unwrap();
    assert_eq!(
        output["CodeDeliveryDetails"]["Destination"],
        json!("j***@e***")
    );

    let code = fake.control(
        "last_code",
        &json!({"username": "jane", "attribute": "email"}),
    )["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let verify = |code: &str| {
        call(&[
            "verify-user-attribute",
            "--access-token",
            &token,
            "--attribute-name",
            "email",
            "--code",
            code,
        ])
    };
    let wrong = verify("000000x");
    assert_ne!(wrong.code, 0);
    assert!(
        wrong.stderr.contains("CodeMismatchException"),
        "{}",
        wrong.stderr
    );
    let right = verify(&code);
    assert_eq!(right.code, 0, "{}", right.stderr);
    assert_eq!(
        fake.control("user", &json!({"username": "jane"}))["email_verified"],
        json!(true)
    );

    assert_eq!(fake.stop_with("INT"), 0);
}

#[test]
fn stops_on_sigterm_and_takes_a_fixed_port() {
    let sandbox = Sandbox::new();
    let probe = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = probe.local_addr().unwrap().port();
    drop(probe);
    let fake = RunningFake::start(&sandbox, &["--port", &port.to_string()]);
    assert_eq!(
        fake.line("endpoint_url"),
        format!("http://127.0.0.1:{port}")
    );
    assert_eq!(fake.line("region"), "us-east-1");
    assert_eq!(fake.stop_with("TERM"), 0);
}

#[test]
fn a_bad_user_is_a_usage_error() {
    let sandbox = Sandbox::new();
    let outcome = sandbox.run(&["fake-cognito", "--user", "jane:email"], &[]);
    assert_eq!(outcome.code, 252, "{}", outcome.stderr);
    assert!(
        outcome.stderr.contains("--user \"jane:email\""),
        "{}",
        outcome.stderr
    );
    assert!(outcome.stdout.is_empty());
}
