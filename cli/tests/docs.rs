//! Every `$ cognito-attr-code ...` line of the README and docs/ runs as written against a
//! loopback server (the token placeholder replaced, `--endpoint-url` and `--region` added) and
//! succeeds.

mod support;

use std::path::{Path, PathBuf};

use support::{Reply, Sandbox, Server, TOKEN};

fn documents() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = vec![root.join("README.md")];
    let mut pages: Vec<PathBuf> = std::fs::read_dir(root.join("docs"))
        .expect("docs/ exists")
        .map(|entry| entry.expect("readable docs/").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    pages.sort();
    files.extend(pages);
    files
}

/// The documented command lines, each split into its arguments (no shell: the lines use plain
/// words and double-quoted variables only).
fn documented_commands() -> Vec<(PathBuf, Vec<String>)> {
    let mut commands = Vec::new();
    for file in documents() {
        let text = std::fs::read_to_string(&file).expect("readable document");
        for line in text.lines() {
            let Some(command) = line.strip_prefix("$ cognito-attr-code ") else {
                continue;
            };
            let args = command
                .split_whitespace()
                .map(|word| match word.trim_matches('"') {
                    "ACCESS_TOKEN" | "$ACCESS_TOKEN" => TOKEN.to_string(),
                    other => other.to_string(),
                })
                .collect();
            commands.push((file.clone(), args));
        }
    }
    commands
}

#[test]
fn every_documented_command_line_runs() {
    let commands = documented_commands();
    let operations: Vec<&str> = commands.iter().map(|(_, args)| args[0].as_str()).collect();
    for operation in [
        "get-user-attribute-verification-code",
        "verify-user-attribute",
    ] {
        assert!(
            operations.contains(&operation),
            "no `$ cognito-attr-code {operation}` line in the README or docs/"
        );
    }
    let server = Server::start(Reply::success());
    for (file, mut args) in commands {
        // `--version` and the like take no endpoint.
        if !args[0].starts_with("--") {
            args.extend(["--endpoint-url".into(), server.url()]);
            args.extend(["--region".into(), "us-east-1".into()]);
        }
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let outcome = Sandbox::new().run(&refs, &[]);
        assert_eq!(
            outcome.code,
            0,
            "{}: cognito-attr-code {}\n{}",
            file.display(),
            args.join(" "),
            outcome.stderr
        );
        outcome.assert_token_hidden();
    }
}
