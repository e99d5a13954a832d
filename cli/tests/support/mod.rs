//! Test support: the shared loopback HTTP server (crate `test_support`) answering one canned
//! reply, and runners for our binary and for an installed AWS CLI (the oracle of the golden
//! outputs), each with a clean environment.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use test_support::http_server::amz_json_headers;
use test_support::{Recorded, TestServer};

/// A token shaped like the real thing; every test asserts it never appears in any output.
pub const TOKEN: &str = "eyJraWQiOiJ0ZXN0In0.eyJzdWIiOiJzZWNyZXQtdXNlciJ9.c2VjcmV0LXNpZ25hdHVyZQ";

pub const SUCCESS_BODY: &str = r#"{"CodeDeliveryDetails":{"Destination":"a***@e***.com","DeliveryMedium":"EMAIL","AttributeName":"email"}}"#;

/// One canned answer: what the goldens record of a reply.
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
            headers: amz_json_headers("req-1234"),
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

    /// As the shared test server scripts it: each answer closes its connection.
    fn scripted(self) -> test_support::Reply {
        let mut headers = self.headers;
        headers.push(("Connection".into(), "close".into()));
        let http = test_support::Reply::Http {
            status: self.status,
            headers,
            body: self.body.into_bytes(),
        };
        test_support::Reply::Delayed(self.delay, Box::new(http))
    }
}

/// Answers every request with one reply, on 127.0.0.1 and an ephemeral port, until dropped.
pub struct Server(TestServer);

impl Server {
    pub fn start(reply: Reply) -> Self {
        Self(TestServer::start(vec![reply.scripted()]))
    }

    pub fn url(&self) -> String {
        self.0.url()
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.0.requests()
    }
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

    /// Our binary with a clean environment: no AWS_* variable unless given in `env`. The binary
    /// is cargo's build, or a release artifact named by `COGNITO_ATTR_CODE_CLI_UNDER_TEST` (make
    /// test-dist runs the arm64 CLI under qemu this way).
    pub fn command(&self, args: &[&str], env: &[(&str, &str)]) -> Command {
        let binary = std::env::var_os("COGNITO_ATTR_CODE_CLI_UNDER_TEST")
            .unwrap_or_else(|| env!("CARGO_BIN_EXE_cognito-attr-code").into());
        let mut command = Command::new(binary);
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

/// A verification code; tests of `verify-user-attribute` assert it never appears in any output.
pub const CODE: &str = "493817";

/// `verify-user-attribute`'s arguments against `server`, with `code`.
pub fn verify_call_args(server: &Server, code: &str) -> Vec<String> {
    let mut args = call_args(server);
    args[0] = "verify-user-attribute".into();
    args.extend(["--code".into(), code.into()]);
    args
}

pub fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}
