//! Hostile input files for the command line: `file://` parameters that never end or are too
//! large, a config file that never ends, and documents nested 100 000 deep. Each run is a
//! subprocess under a memory limit (`ulimit -v`) and a time limit, and must fail with a usage
//! error that names the file and the cap, or the nesting limit.

mod support;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::{Outcome, Sandbox, TOKEN};

const SUB: &str = "get-user-attribute-verification-code";
/// Address space allowed to the binary, in KiB: reading /dev/zero unbounded exceeds it at once.
const MEMORY_LIMIT_KIB: u32 = 512 * 1024;
/// Generous for a loaded machine; each run takes milliseconds.
const TIME_BOUND: Duration = Duration::from_secs(15);
/// The parameter file cap (cli/src/param_file.rs), as the message prints it.
const PARAMETER_CAP: &str = "limit of 1048576 bytes (1 MiB)";
const USAGE_EXIT: i32 = 252;

/// Our binary under `ulimit -v` and `timeout`, with the sandbox's clean environment.
fn guarded(sandbox: &Sandbox, args: &[&str], env: &[(&str, &str)]) -> Outcome {
    let inner = sandbox.command(args, env);
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_LIMIT_KIB} && exec timeout {} \"$@\"",
            TIME_BOUND.as_secs() + 5
        ))
        .arg("sh")
        .arg(inner.get_program())
        .args(inner.get_args())
        .env_clear()
        .stdin(Stdio::null());
    for (name, value) in inner.get_envs() {
        if let Some(value) = value {
            command.env(name, value);
        }
    }
    let started = Instant::now();
    let outcome = support::run(command);
    assert!(
        started.elapsed() < TIME_BOUND,
        "took {:?}: {outcome:?}",
        started.elapsed()
    );
    outcome.assert_token_hidden();
    outcome
}

fn operation(extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = [
        SUB,
        "--region",
        "us-east-1",
        "--endpoint-url",
        "http://127.0.0.1:9",
    ]
    .iter()
    .map(std::string::ToString::to_string)
    .collect();
    args.extend(extra.iter().map(std::string::ToString::to_string));
    args
}

/// The operation with a token, an attribute and `--client-metadata value`.
fn with_client_metadata(value: &str) -> Vec<String> {
    operation(&[
        "--access-token",
        TOKEN,
        "--attribute-name",
        "email",
        "--client-metadata",
        value,
    ])
}

fn assert_usage_error(outcome: &Outcome, expected: &[&str]) {
    assert_eq!(outcome.code, USAGE_EXIT, "{outcome:?}");
    for part in expected {
        assert!(outcome.stderr.contains(part), "{part:?} not in {outcome:?}");
    }
}

#[test]
fn parameter_files_that_never_end_are_refused() {
    let sandbox = Sandbox::new();
    let cases: [(&[&str], &str); 4] = [
        (
            &["--client-metadata", "file:///dev/zero"],
            "'--client-metadata'",
        ),
        (
            &["--cli-input-json", "file:///dev/urandom"],
            "'--cli-input-json'",
        ),
        (
            &["--cli-input-yaml", "file:///dev/zero"],
            "'--cli-input-yaml'",
        ),
        (
            &[
                "--access-token",
                "file:///dev/zero",
                "--attribute-name",
                "email",
            ],
            "'--access-token'",
        ),
    ];
    for (extra, option) in cases {
        let args = operation(extra);
        let outcome = guarded(&sandbox, &support::strs(&args), &[]);
        assert_usage_error(
            &outcome,
            &[option, "Unable to load paramfile", PARAMETER_CAP],
        );
    }
}

#[test]
fn parameter_file_over_the_cap_is_refused() {
    let sandbox = Sandbox::new();
    let path = sandbox.path().join("metadata.json");
    let mut file = std::fs::File::create(&path).unwrap();
    file.write_all(b"{\"k\": \"").unwrap();
    file.write_all(&vec![b'v'; 1024 * 1024]).unwrap();
    file.write_all(b"\"}").unwrap();
    drop(file);
    let value = format!("file://{}", path.display());
    let args = with_client_metadata(&value);
    let outcome = guarded(&sandbox, &support::strs(&args), &[]);
    assert_usage_error(&outcome, &[&path.display().to_string(), PARAMETER_CAP]);
}

#[test]
fn config_file_that_never_ends_is_refused() {
    let sandbox = Sandbox::new();
    let args = operation(&["--access-token", TOKEN, "--attribute-name", "email"]);
    let outcome = guarded(
        &sandbox,
        &support::strs(&args),
        &[("AWS_CONFIG_FILE", "/dev/zero")],
    );
    assert_ne!(outcome.code, 0, "{outcome:?}");
    assert!(outcome.stderr.contains("/dev/zero"), "{outcome:?}");
    assert!(
        outcome.stderr.contains("limit of 1048576 bytes"),
        "{outcome:?}"
    );
}

#[test]
fn documents_nested_100_000_deep_are_refused_quickly() {
    let sandbox = Sandbox::new();
    let deep = 100_000;
    let documents = [
        (
            "cli-input-yaml",
            "flow.yaml",
            format!("AccessToken: {}{}\n", "[".repeat(deep), "]".repeat(deep)),
        ),
        (
            "cli-input-yaml",
            "block.yaml",
            format!("{}x\n", "- ".repeat(deep * 5)),
        ),
        (
            "cli-input-yaml",
            "mapping.yaml",
            format!("ClientMetadata: {}\n", "{a: ".repeat(deep)),
        ),
        (
            "cli-input-json",
            "deep.json",
            format!("{}{}", "[".repeat(deep), "]".repeat(deep)),
        ),
        (
            "client-metadata",
            "metadata.json",
            format!("{{\"k\": {}", "{\"k\": ".repeat(deep)),
        ),
        (
            "client-metadata",
            "shorthand.txt",
            format!("k={}", "{k=".repeat(deep)),
        ),
    ];
    for (option, name, text) in documents {
        let path = sandbox.write(name, &text);
        let value = format!("file://{}", path.display());
        let args = operation(&["--attribute-name", "email", &format!("--{option}"), &value]);
        let outcome = guarded(&sandbox, &support::strs(&args), &[]);
        assert_usage_error(
            &outcome,
            &[
                &format!("'--{option}'"),
                "nests collections deeper than 64 levels",
            ],
        );
    }
}

#[test]
fn nested_shorthand_is_parsed_then_refused_as_the_wrong_type() {
    let sandbox = Sandbox::new();
    let args = with_client_metadata("k={a=[b]}");
    let outcome = guarded(&sandbox, &support::strs(&args), &[]);
    assert_usage_error(
        &outcome,
        &[
            "Invalid type for parameter ClientMetadata.k",
            "type: object, valid types: string",
        ],
    );
}

#[test]
fn documents_nested_to_the_limit_are_still_parsed() {
    let sandbox = Sandbox::new();
    // 62 levels inside ClientMetadata's object and the document's own: 64 in all; the value
    // is then the wrong type, which proves the document was parsed.
    let inner = format!("{}1{}", "[".repeat(62), "]".repeat(62));
    let json = format!("{{\"AttributeName\": \"email\", \"ClientMetadata\": {{\"k\": {inner}}}}}");
    let path = sandbox.write("input.json", &json);
    let value = format!("file://{}", path.display());
    let args = operation(&["--access-token", TOKEN, "--cli-input-json", &value]);
    let outcome = guarded(&sandbox, &support::strs(&args), &[]);
    assert_usage_error(
        &outcome,
        &[
            "Invalid type for parameter ClientMetadata.k",
            "valid types: string",
        ],
    );
}
