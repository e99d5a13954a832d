//! `verify-user-attribute` against a loopback server: the request, silence on success, the AWS
//! CLI's error line and exit code for a wrong code (never retried), required options, input
//! documents and files, and the code never printed, not even with `--debug` when the server
//! echoes it back.

mod support;

use std::time::Duration;

use support::{strs, verify_call_args, Outcome, Reply, Sandbox, Server, CODE, TOKEN};
use test_support::echo_forms::{json_escaped, leaks, percent_encoded};

fn run(server: &Server, code: &str, extra: &[&str]) -> Outcome {
    let mut args = verify_call_args(server, code);
    args.extend(extra.iter().map(ToString::to_string));
    let outcome = Sandbox::new().run(&strs(&args), &[]);
    outcome.assert_token_hidden();
    for text in [&outcome.stdout, &outcome.stderr] {
        assert!(!leaks(text, code), "the code was printed: {text}");
    }
    outcome
}

#[test]
fn sends_the_three_members_and_prints_nothing_on_success() {
    let server = Server::start(Reply::json(200, "{}"));
    for format in ["json", "text", "table", "yaml"] {
        let outcome = run(&server, CODE, &["--output", format]);
        assert_eq!(
            (outcome.code, outcome.stdout.as_str()),
            (0, ""),
            "{}",
            outcome.stderr
        );
    }
    let request = &server.requests()[0];
    assert_eq!(
        request.header("x-amz-target"),
        Some("AWSCognitoIdentityProviderService.VerifyUserAttribute")
    );
    assert_eq!(
        request.json(),
        serde_json::json!({"AccessToken": TOKEN, "AttributeName": "email", "Code": CODE})
    );
}

#[test]
fn a_wrong_code_is_a_service_error_and_is_not_retried() {
    let server = Server::start(Reply::error(
        "CodeMismatchException",
        "Invalid verification code provided, please try again.",
    ));
    let outcome = run(&server, "000000", &[]);
    assert_eq!(outcome.code, 254);
    assert_eq!(
        outcome.stderr,
        "\nAn error occurred (CodeMismatchException) when calling the VerifyUserAttribute operation: Invalid verification code provided, please try again.\n"
    );
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn the_code_is_required_and_validated_before_any_request() {
    let server = Server::start(Reply::json(200, "{}"));
    let mut args = verify_call_args(&server, CODE);
    args.truncate(args.len() - 2);
    let missing = Sandbox::new().run(&strs(&args), &[]);
    assert_eq!(missing.code, 252);
    assert!(missing.stderr.contains("--code"), "{}", missing.stderr);
    let spaced = run(&server, "49 3817", &[]);
    assert_eq!(spaced.code, 252);
    assert!(
        spaced.stderr.contains("Parameter validation failed"),
        "{}",
        spaced.stderr
    );
    assert!(server.requests().is_empty());
}

#[test]
fn the_code_comes_from_an_input_document_or_a_file() {
    let server = Server::start(Reply::json(200, "{}"));
    let sandbox = Sandbox::new();
    let file = sandbox.write("code.txt", CODE);
    let from_file = format!("file://{}", file.display());
    let mut args = verify_call_args(&server, &from_file);
    let outcome = sandbox.run(&strs(&args), &[]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    args.truncate(args.len() - 2);
    let document = format!(r#"{{"Code":"{CODE}","AttributeName":"email"}}"#);
    args.extend(["--cli-input-json".into(), document]);
    assert_eq!(sandbox.run(&strs(&args), &[]).code, 0);
    for request in server.requests() {
        assert_eq!(request.json()["Code"], CODE);
    }
    let wrong = r#"{"ClientMetadata":{"k":"v"}}"#;
    let mut args = verify_call_args(&server, CODE);
    args.extend(["--cli-input-json".into(), wrong.into()]);
    let outcome = sandbox.run(&strs(&args), &[]);
    assert_eq!(outcome.code, 252);
    assert!(
        outcome
            .stderr
            .contains("must be one of: AccessToken, AttributeName, Code"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn an_echoed_code_is_never_printed_even_with_debug() {
    for code in [CODE, "a-long-verification-code-0123456789"] {
        let body = format!(
            r#"{{"__type":"CodeMismatchException","message":"wrong {} / {}"}}"#,
            json_escaped(code),
            percent_encoded(code)
        );
        let mut reply = Reply::json(400, &body);
        reply.headers.push(("x-echo".into(), code.into()));
        reply.delay = Duration::ZERO;
        let server = Server::start(reply);
        let outcome = run(&server, code, &["--debug"]);
        assert_eq!(outcome.code, 254);
        assert!(outcome.stderr.contains("attempt 1/"), "{}", outcome.stderr);
        assert!(
            outcome.stderr.contains(r#""Code":"***""#),
            "{}",
            outcome.stderr
        );
        assert!(
            outcome.stderr.contains("wrong *** / ***"),
            "{}",
            outcome.stderr
        );
    }
}

#[test]
fn skeletons_are_the_aws_clis() {
    let sandbox = Sandbox::new();
    let sub = "verify-user-attribute";
    let input = sandbox.run(&[sub, "--generate-cli-skeleton"], &[]);
    assert_eq!(
        (input.code, input.stdout.as_str()),
        (
            0,
            "{\n    \"AccessToken\": \"\",\n    \"AttributeName\": \"\",\n    \"Code\": \"\"\n}\n"
        )
    );
    let yaml = sandbox.run(&[sub, "--generate-cli-skeleton", "yaml-input"], &[]);
    assert_eq!(yaml.code, 0);
    assert!(
        yaml.stdout.starts_with("AccessToken: ''  # [REQUIRED]"),
        "{}",
        yaml.stdout
    );
    assert!(
        yaml.stdout.contains("\nCode: '' # [REQUIRED]"),
        "{}",
        yaml.stdout
    );
    // `output` has nothing to print: the command runs, and the required options are missing.
    let output = sandbox.run(&[sub, "--generate-cli-skeleton", "output"], &[]);
    assert_eq!(output.code, 252);
    assert!(
        output
            .stderr
            .contains("--access-token, --attribute-name, --code"),
        "{}",
        output.stderr
    );
}
