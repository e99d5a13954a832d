//! The diagnosis on the command line: stderr stays byte-identical to the AWS CLI's when it is
//! not a terminal; `--debug` always logs the cause and hint; on a terminal (a pseudo-terminal
//! from util-linux `script`) a second line `hint: ...` follows. Each cause of the core's table
//! against a loopback server sending the service's real messages; the ID token is refused with
//! nothing sent.

mod support;

use std::process::Command;

use base64::Engine;
use support::{call_args, strs, verify_call_args, Outcome, Reply, Sandbox, Server, CODE, TOKEN};

const ROWS: &[(&str, &str, &str)] = &[
    (
        "LimitExceededException",
        "Attempt limit exceeded, please try after some time.",
        "per_user_limit",
    ),
    (
        "LimitExceededException",
        "Exceeded daily email limit for the operation or the account. If a higher limit is required, please configure your user pool to use your own Amazon SES configuration for sending email.",
        "daily_email_limit",
    ),
    ("NotAuthorizedException", "Access Token has expired", "token_expired"),
    ("NotAuthorizedException", "Access Token has been revoked", "token_revoked"),
    (
        "NotAuthorizedException",
        "Access Token does not have required scopes",
        "missing_scope",
    ),
    ("NotAuthorizedException", "Invalid Access Token", "invalid_token"),
    (
        "UserLambdaValidationException",
        "CustomMessage failed with error Forbidden domain.",
        "lambda_trigger",
    ),
    (
        "CodeDeliveryFailureException",
        "Unable to deliver message to the provided email address.",
        "delivery_failed",
    ),
    ("TooManyRequestsException", "Too many requests", "rate_limited"),
];

fn get(server: &Server, extra: &[&str]) -> Outcome {
    let mut args = call_args(server);
    args.extend(extra.iter().map(ToString::to_string));
    let outcome = Sandbox::new().run(&strs(&args), &[("AWS_MAX_ATTEMPTS", "1")]);
    outcome.assert_token_hidden();
    outcome
}

/// `call_args` with `token` in place of the test token.
fn call_args_with_token(server: &Server, token: &str) -> Vec<String> {
    let mut args = call_args(server);
    let at = args.iter().position(|a| a == TOKEN).unwrap();
    args[at] = token.to_owned();
    args
}

fn aws_line(operation: &str, code: &str, message: &str) -> String {
    format!("\nAn error occurred ({code}) when calling the {operation} operation (reached max retries: 0): {message}\n")
}

#[test]
fn piped_stderr_is_the_aws_cli_line_alone_and_debug_logs_each_cause() {
    for (code, message, cause) in ROWS {
        let server = Server::start(Reply::error(code, message));
        let plain = get(&server, &[]);
        assert_eq!(plain.code, 254);
        assert_eq!(
            plain.stderr,
            aws_line("GetUserAttributeVerificationCode", code, message),
            "no hint line when stderr is not a terminal"
        );
        let server = Server::start(Reply::error(code, message));
        let debug = get(&server, &["--debug"]);
        assert!(
            debug
                .stderr
                .contains(&format!("diagnosis: cause={cause} hint=")),
            "{cause}: {}",
            debug.stderr
        );
        assert!(debug.stderr.ends_with(&aws_line(
            "GetUserAttributeVerificationCode",
            code,
            message
        )));
    }
}

#[test]
fn debug_says_when_there_is_no_diagnosis() {
    let server = Server::start(Reply::error("NotAuthorizedException", "User is disabled."));
    let debug = get(&server, &["--debug"]);
    assert!(debug.stderr.contains("diagnosis: none"), "{}", debug.stderr);
}

#[test]
fn wrong_and_expired_codes_are_diagnosed_without_the_code() {
    for (code, message, cause) in [
        (
            "CodeMismatchException",
            "Invalid verification code provided, please try again.",
            "wrong_code",
        ),
        (
            "ExpiredCodeException",
            "Invalid code provided, please request a code again.",
            "code_expired",
        ),
    ] {
        let server = Server::start(Reply::error(code, message));
        let mut args = verify_call_args(&server, CODE);
        args.push("--debug".into());
        let outcome = Sandbox::new().run(&strs(&args), &[]);
        assert!(
            outcome
                .stderr
                .contains(&format!("diagnosis: cause={cause} hint=")),
            "{}",
            outcome.stderr
        );
        let hint_line = outcome
            .stderr
            .lines()
            .find(|line| line.contains("diagnosis:"))
            .unwrap();
        assert!(!hint_line.contains(CODE), "{hint_line}");
    }
}

#[test]
fn an_id_token_is_refused_before_any_request() {
    let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(r#"{"token_use":"id"}"#);
    let id_token = format!("eyJhbGciOiJub25lIn0.{payload}.c2lnbmF0dXJl");
    let server = Server::start(Reply::success());
    let mut args = call_args_with_token(&server, &id_token);
    args.push("--debug".into());
    let outcome = Sandbox::new().run(&strs(&args), &[]);
    assert_eq!(outcome.code, 252, "{}", outcome.stderr);
    assert!(
        outcome.stderr.contains("diagnosis: cause=id_token_given"),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome
            .stderr
            .contains("Parameter validation failed:\n--access-token: is an ID token"),
        "{}",
        outcome.stderr
    );
    assert!(!outcome.stderr.contains(&id_token));
    assert!(server.requests().is_empty(), "nothing reached the server");
}

/// Runs the CLI with stdin, stdout and stderr on a pseudo-terminal (`script -q -e -c`), and
/// returns everything it printed there (line ends `\r\n`).
fn on_a_terminal(args: &[String]) -> String {
    let binary = env!("CARGO_BIN_EXE_cognito-attr-code");
    let quoted: Vec<String> = std::iter::once(binary.to_owned())
        .chain(args.iter().cloned())
        .map(|arg| format!("'{}'", arg.replace('\'', r"'\''")))
        .collect();
    let sandbox = Sandbox::new();
    let output = Command::new("script")
        .args(["-q", "-e", "-c", &quoted.join(" "), "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", sandbox.path())
        .env("AWS_CONFIG_FILE", sandbox.path().join("config"))
        .env("AWS_MAX_ATTEMPTS", "1")
        .env("TERM", "dumb")
        .output()
        .expect("util-linux `script` runs the CLI on a pseudo-terminal");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn on_a_terminal_a_hint_line_follows_the_aws_cli_line() {
    let message = "Attempt limit exceeded, please try after some time.";
    let server = Server::start(Reply::error("LimitExceededException", message));
    let args = call_args(&server);
    let printed = on_a_terminal(&args);
    let expected_start = aws_line(
        "GetUserAttributeVerificationCode",
        "LimitExceededException",
        message,
    )
    .replace('\n', "\r\n");
    assert!(printed.starts_with(&expected_start), "{printed:?}");
    let rest = &printed[expected_start.len()..];
    assert!(
        rest.starts_with("hint: the per-user hourly limit is used up") && rest.ends_with("\r\n"),
        "{printed:?}"
    );
    assert!(!printed.contains(TOKEN));

    // No diagnosis, no hint line, even on a terminal.
    let server = Server::start(Reply::error("NotAuthorizedException", "User is disabled."));
    let args = call_args(&server);
    let printed = on_a_terminal(&args);
    assert!(!printed.contains("hint:"), "{printed:?}");
    assert!(printed.contains("User is disabled."), "{printed:?}");
}

#[test]
fn a_token_file_ending_with_a_line_break_says_so() {
    let server = Server::start(Reply::success());
    let sandbox = Sandbox::new();
    let file = sandbox.write("token", &format!("{TOKEN}\n"));
    let args = call_args_with_token(&server, &format!("file://{}", file.display()));
    let outcome = sandbox.run(&strs(&args), &[]);
    outcome.assert_token_hidden();
    assert_eq!(outcome.code, 252, "{}", outcome.stderr);
    assert!(
        outcome
            .stderr
            .contains("--access-token: ends with a line break"),
        "{}",
        outcome.stderr
    );
    assert!(server.requests().is_empty());
}
