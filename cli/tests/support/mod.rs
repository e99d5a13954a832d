//! Test support: a loopback HTTP server started in-process, and runners for our binary and for
//! an installed AWS CLI (the oracle of the golden outputs), each with a clean environment.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// A token shaped like the real thing; every test asserts it never appears in any output.
pub const TOKEN: &str = "eyJraWQiOiJ0ZXN0In0.eyJzdWIiOiJzZWNyZXQtdXNlciJ9.c2VjcmV0LXNpZ25hdHVyZQ";

pub const SUCCESS_BODY: &str = r#"{"CodeDeliveryDetails":{"Destination":"a***@e***.com","DeliveryMedium":"EMAIL","AttributeName":"email"}}"#;

/// One canned answer.
#[derive(Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
    pub delay: Duration,
}

impl Reply {
    pub fn json(status: u16, body: &str) -> Self {
        Self {
            status,
            headers: vec![
                ("Content-Type".into(), "application/x-amz-json-1.1".into()),
                ("x-amzn-RequestId".into(), "req-1234".into()),
            ],
            body: body.into(),
            delay: Duration::ZERO,
        }
    }

    pub fn success() -> Self {
        Self::json(200, SUCCESS_BODY)
    }

    pub fn error(code: &str, message: &str) -> Self {
        Self::json(
            400,
            &format!(r#"{{"__type":"{code}","message":"{message}"}}"#),
        )
    }

    pub fn delayed(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }
}

/// A request as received.
#[derive(Clone, Debug)]
pub struct Received {
    pub request_line: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Received {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).expect("request body is JSON")
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Answers every request with `reply`, on 127.0.0.1 and an ephemeral port, until dropped.
pub struct Server {
    pub port: u16,
    received: Arc<Mutex<Vec<Received>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    pub fn start(reply: Reply) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().unwrap().port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let received = Arc::clone(&received);
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let reply = reply.clone();
                    let received = Arc::clone(&received);
                    // One thread per connection so a delayed reply never blocks the next one.
                    std::thread::spawn(move || serve(stream, &reply, &received));
                }
            })
        };
        Self {
            port,
            received,
            stop,
            thread: Some(thread),
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn requests(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn serve(stream: TcpStream, reply: &Reply, received: &Mutex<Vec<Received>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
        return;
    }
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_owned(), value.trim().to_owned()));
        }
    }
    let length: usize = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    if reader.read_exact(&mut body).is_err() {
        return;
    }
    received.lock().unwrap().push(Received {
        request_line: request_line.trim_end().to_owned(),
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    });
    std::thread::sleep(reply.delay);
    let mut response = format!(
        "HTTP/1.1 {} X\r\nContent-Length: {}\r\nConnection: close\r\n",
        reply.status,
        reply.body.len()
    );
    for (name, value) in &reply.headers {
        response.push_str(&format!("{name}: {value}\r\n"));
    }
    response.push_str("\r\n");
    response.push_str(&reply.body);
    let mut stream = stream;
    let _ = stream.write_all(response.as_bytes());
    let _ = stream.shutdown(Shutdown::Both);
}

/// What a run printed and returned.
#[derive(Debug)]
pub struct Outcome {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    pub fn assert_token_hidden(&self) {
        assert!(
            !self.stdout.contains(TOKEN),
            "token on stdout: {}",
            self.stdout
        );
        assert!(
            !self.stderr.contains(TOKEN),
            "token on stderr: {}",
            self.stderr
        );
    }
}

/// A temporary HOME with nothing in it, so no user configuration leaks into a test.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, contents).expect("write file");
        path
    }

    /// Our binary with a clean environment: no AWS_* variable unless given in `env`.
    pub fn command(&self, args: &[&str], env: &[(&str, &str)]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_cognito-attr-code"));
        self.clean(&mut command);
        command.args(args).envs(env.iter().copied());
        command
    }

    pub fn run(&self, args: &[&str], env: &[(&str, &str)]) -> Outcome {
        run(self.command(args, env))
    }

    fn clean(&self, command: &mut Command) {
        command
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.path())
            .env("AWS_CONFIG_FILE", self.path().join("config"))
            .env(
                "AWS_SHARED_CREDENTIALS_FILE",
                self.path().join("credentials"),
            )
            .env("LANG", "C.UTF-8")
            .stdin(Stdio::null());
    }

    /// A real AWS CLI (`program`) with the same clean environment, plus dummy credentials, which
    /// this unsigned operation never uses.
    pub fn run_aws(&self, program: &Path, args: &[&str]) -> Outcome {
        let mut command = Command::new(program);
        self.clean(&mut command);
        command
            .env("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
            .env("AWS_SECRET_ACCESS_KEY", "dummy")
            .env("AWS_PAGER", "")
            .env("PYTHONIOENCODING", "utf-8")
            .args(args);
        run(command)
    }
}

/// The installed AWS CLI of this major version, if any: `AWS_CLI_V<major>` (which must then be
/// that version), else the project-local copy under `.tools/awscli-v<major>/` (see
/// `cli/scripts/install-aws-cli-v1.sh`), else the first `aws` on PATH of that version.
pub fn installed_aws(major: u8) -> Option<PathBuf> {
    let prefix = format!("aws-cli/{major}.");
    let variable = format!("AWS_CLI_V{major}");
    if let Some(explicit) = std::env::var_os(&variable) {
        let explicit = PathBuf::from(explicit);
        assert!(
            aws_version(&explicit).is_some_and(|v| v.starts_with(&prefix)),
            "{variable}={} is not an AWS CLI v{major}",
            explicit.display()
        );
        return Some(explicit);
    }
    let project_local =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../.tools/awscli-v{major}/bin/aws"));
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::iter::once(project_local)
        .chain(std::env::split_paths(&path).map(|dir| dir.join("aws")))
        .filter(|candidate| candidate.is_file())
        .map(resolve_pyenv_shim)
        .find(|candidate| aws_version(candidate).is_some_and(|v| v.starts_with(&prefix)))
}

/// `aws --version`'s first word, e.g. `aws-cli/2.9.19`.
pub fn aws_version(program: &Path) -> Option<String> {
    let output = Command::new(program).arg("--version").output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    let first = text.split_whitespace().next()?;
    (output.status.success() && first.starts_with("aws-cli/")).then(|| first.to_owned())
}

/// The real executable behind a pyenv shim (the shim needs the real HOME, which the sandbox
/// replaces); any other path as it is.
fn resolve_pyenv_shim(program: PathBuf) -> PathBuf {
    if !program.to_string_lossy().contains("/shims/") {
        return program;
    }
    Command::new("pyenv")
        .args(["which", "aws"])
        .output()
        .ok()
        .filter(|real| real.status.success())
        .map(|real| PathBuf::from(String::from_utf8_lossy(&real.stdout).trim()))
        .unwrap_or(program)
}

pub fn run(mut command: Command) -> Outcome {
    let output = command.output().expect("run command");
    Outcome {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The operation's arguments against `server`.
pub fn call_args(server: &Server) -> Vec<String> {
    vec![
        "get-user-attribute-verification-code".into(),
        "--endpoint-url".into(),
        server.url(),
        "--region".into(),
        "us-east-1".into(),
        "--access-token".into(),
        TOKEN.into(),
        "--attribute-name".into(),
        "email".into(),
    ]
}

pub fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}
