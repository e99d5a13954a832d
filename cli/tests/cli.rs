//! The command line against a loopback server: every option, precedence, exit codes per class,
//! usage errors, `--debug`, and the token never printed.

mod support;

use std::time::Duration;

use support::{call_args, strs, Reply, Sandbox, Server, TOKEN};

const SUB: &str = "get-user-attribute-verification-code";

fn run_with(server: &Server, extra: &[&str], env: &[(&str, &str)]) -> support::Outcome {
    let sandbox = Sandbox::new();
    let mut args = call_args(server);
    args.extend(extra.iter().map(std::string::ToString::to_string));
    let outcome = sandbox.run(&strs(&args), env);
    outcome.assert_token_hidden();
    outcome
}

#[test]
fn sends_the_request_and_prints_json() {
    let server = Server::start(Reply::success());
    let outcome = run_with(&server, &[], &[]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert_eq!(
        outcome.stdout,
        "{\n    \"CodeDeliveryDetails\": {\n        \"Destination\": \"a***@e***.com\",\n        \"DeliveryMedium\": \"EMAIL\",\n        \"AttributeName\": \"email\"\n    }\n}\n"
    );
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].request_line, "POST / HTTP/1.1");
    assert_eq!(
        requests[0].header("x-amz-target"),
        Some("AWSCognitoIdentityProviderService.GetUserAttributeVerificationCode")
    );
    assert_eq!(
        requests[0].json(),
        serde_json::json!({"AccessToken": TOKEN, "AttributeName": "email"})
    );
}

#[test]
fn yaml_formats() {
    let server = Server::start(Reply::success());
    let yaml = run_with(&server, &["--output", "yaml"], &[]);
    assert_eq!(yaml.code, 0, "{}", yaml.stderr);
    assert_eq!(
        yaml.stdout,
        "CodeDeliveryDetails:\n  AttributeName: email\n  DeliveryMedium: EMAIL\n  Destination: a***@e***.com\n"
    );
    let stream = run_with(&server, &["--output", "yaml-stream"], &[]);
    assert_eq!(
        stream.stdout,
        "- CodeDeliveryDetails:\n    AttributeName: email\n    DeliveryMedium: EMAIL\n    Destination: a***@e***.com\n"
    );
    let scalar = run_with(
        &server,
        &[
            "--output",
            "yaml",
            "--query",
            "CodeDeliveryDetails.AttributeName",
        ],
        &[],
    );
    assert_eq!(scalar.stdout, "\"email\"\n");
    let empty = Server::start(Reply::json(200, "{}"));
    assert_eq!(run_with(&empty, &["--output", "yaml"], &[]).stdout, "");
    assert_eq!(
        run_with(&empty, &["--output", "yaml-stream"], &[]).stdout,
        ""
    );
}

#[test]
fn client_metadata_shorthand_json_and_file() {
    let server = Server::start(Reply::success());
    let sandbox = Sandbox::new();
    let file = sandbox.write("meta.json", r#"{"from": "file"}"#);
    let file_arg = format!("file://{}", file.display());
    let cases: [(&str, serde_json::Value); 3] = [
        (
            "a=1,b=two words",
            serde_json::json!({"a": "1", "b": "two words"}),
        ),
        (r#"{"k": "v"}"#, serde_json::json!({"k": "v"})),
        (&file_arg, serde_json::json!({"from": "file"})),
    ];
    for (value, expected) in cases {
        let outcome = run_with(&server, &["--client-metadata", value], &[]);
        assert_eq!(outcome.code, 0, "{}", outcome.stderr);
        let sent = server.requests().last().unwrap().json();
        assert_eq!(sent["ClientMetadata"], expected, "for {value}");
    }
}

#[test]
fn cli_input_json_and_yaml_with_flags_overriding() {
    let server = Server::start(Reply::success());
    let sandbox = Sandbox::new();
    let document = format!(
        r#"{{"AccessToken": "{TOKEN}", "AttributeName": "phone_number", "ClientMetadata": {{"x": "y"}}}}"#
    );
    let endpoint = server.url();
    let base = [
        SUB,
        "--endpoint-url",
        endpoint.as_str(),
        "--region",
        "us-east-1",
    ];
    // From the document alone.
    let mut args = base.to_vec();
    args.extend(["--cli-input-json", document.as_str()]);
    let outcome = sandbox.run(&args, &[]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let sent = server.requests().last().unwrap().json();
    assert_eq!(sent["AttributeName"], "phone_number");
    assert_eq!(sent["ClientMetadata"]["x"], "y");
    // A flag overrides the document.
    args.extend(["--attribute-name", "email"]);
    assert_eq!(sandbox.run(&args, &[]).code, 0);
    let sent = server.requests().last().unwrap().json();
    assert_eq!(sent["AttributeName"], "email");
    assert_eq!(sent["AccessToken"], TOKEN);
    // From a file, in YAML.
    let yaml = sandbox.write(
        "input.yaml",
        &format!("AccessToken: {TOKEN}\nAttributeName: email\nClientMetadata:\n  k: v\n"),
    );
    let yaml_arg = format!("file://{}", yaml.display());
    let mut args = base.to_vec();
    args.extend(["--cli-input-yaml", yaml_arg.as_str()]);
    let outcome = sandbox.run(&args, &[]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert_eq!(
        server.requests().last().unwrap().json()["ClientMetadata"]["k"],
        "v"
    );
    // Both at once is a usage error.
    args.extend(["--cli-input-json", document.as_str()]);
    let both = sandbox.run(&args, &[]);
    assert_eq!(both.code, 252);
    assert!(both.stderr.contains("--cli-input-json"), "{}", both.stderr);
    both.assert_token_hidden();
}

#[test]
fn cli_input_json_errors_are_usage_errors() {
    let server = Server::start(Reply::success());
    let sandbox = Sandbox::new();
    let endpoint = server.url();
    let cases = [
        (
            r#"{"AccessToken": "t", "AttributeName": "email", "Bogus": 1}"#,
            "Unknown parameter in input: \"Bogus\"",
        ),
        (r#"{"AttributeName": "email"}"#, "--access-token"),
        ("{not json", "Invalid JSON"),
        (
            r#"{"AccessToken": 12, "AttributeName": "email"}"#,
            "Invalid type for parameter AccessToken",
        ),
        (
            r#"{"AccessToken": "t", "AttributeName": "e", "ClientMetadata": {"k": 1}}"#,
            "ClientMetadata.k",
        ),
    ];
    for (document, expected) in cases {
        let outcome = sandbox.run(
            &[
                SUB,
                "--endpoint-url",
                &endpoint,
                "--region",
                "us-east-1",
                "--cli-input-json",
                document,
            ],
            &[],
        );
        assert_eq!(outcome.code, 252, "{document}: {}", outcome.stderr);
        assert!(
            outcome.stderr.contains(expected),
            "{document}: {}",
            outcome.stderr
        );
    }
    assert!(server.requests().is_empty());
}

#[test]
fn generate_cli_skeleton_prints_without_sending() {
    let server = Server::start(Reply::success());
    let sandbox = Sandbox::new();
    let endpoint = server.url();
    let input = sandbox.run(
        &[SUB, "--endpoint-url", &endpoint, "--generate-cli-skeleton"],
        &[],
    );
    assert_eq!(input.code, 0);
    assert_eq!(
        input.stdout,
        "{\n    \"AccessToken\": \"\",\n    \"AttributeName\": \"\",\n    \"ClientMetadata\": {\n        \"KeyName\": \"\"\n    }\n}\n"
    );
    let output = sandbox.run(&[SUB, "--generate-cli-skeleton", "output"], &[]);
    let parsed: serde_json::Value = serde_json::from_str(&output.stdout).unwrap();
    assert_eq!(parsed["CodeDeliveryDetails"]["DeliveryMedium"], "SMS");
    let yaml = sandbox.run(&[SUB, "--generate-cli-skeleton", "yaml-input"], &[]);
    assert!(
        yaml.stdout.starts_with("AccessToken: '' # [REQUIRED]"),
        "{}",
        yaml.stdout
    );
    // The YAML skeleton is itself valid --cli-input-yaml (once filled in).
    let filled = yaml
        .stdout
        .replacen("AccessToken: ''", &format!("AccessToken: '{TOKEN}'"), 1)
        .replacen("AttributeName: ''", "AttributeName: email", 1);
    let outcome = sandbox.run(
        &[
            SUB,
            "--endpoint-url",
            &endpoint,
            "--region",
            "us-east-1",
            "--cli-input-yaml",
            &filled,
        ],
        &[],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert_eq!(server.requests().len(), 1);
    let bad = sandbox.run(&[SUB, "--generate-cli-skeleton", "xml"], &[]);
    assert_eq!(bad.code, 252);
}

#[test]
fn output_format_from_flag_then_environment_then_json() {
    let server = Server::start(Reply::success());
    let text = "CODEDELIVERYDETAILS\temail\tEMAIL\ta***@e***.com\n";
    assert_eq!(
        run_with(&server, &[], &[("AWS_DEFAULT_OUTPUT", "text")]).stdout,
        text
    );
    let flag = run_with(
        &server,
        &["--output", "json"],
        &[("AWS_DEFAULT_OUTPUT", "text")],
    );
    assert!(flag.stdout.starts_with("{\n"), "{}", flag.stdout);
    let bad = run_with(&server, &[], &[("AWS_DEFAULT_OUTPUT", "xml")]);
    assert_eq!(bad.code, 253);
    assert!(bad.stderr.contains("AWS_DEFAULT_OUTPUT"), "{}", bad.stderr);
}

#[test]
fn endpoint_and_region_flags_beat_the_environment() {
    let server = Server::start(Reply::success());
    let sandbox = Sandbox::new();
    let mut args = call_args(&server);
    args.push("--debug".into());
    let env = [
        ("AWS_ENDPOINT_URL", "http://127.0.0.1:9"),
        ("AWS_REGION", "eu-west-1"),
    ];
    let outcome = sandbox.run(&strs(&args), &env);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(
        outcome
            .stderr
            .contains("setting region = \"us-east-1\" (from explicit setting)"),
        "{}",
        outcome.stderr
    );
    // Without the flags the environment is used.
    let env = [
        ("AWS_ENDPOINT_URL", server.url()),
        ("AWS_REGION", "eu-west-1".to_owned()),
    ];
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let outcome = sandbox.run(
        &[
            SUB,
            "--access-token",
            TOKEN,
            "--attribute-name",
            "email",
            "--debug",
        ],
        &env,
    );
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(
        outcome
            .stderr
            .contains("(from environment variable AWS_REGION)"),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome
            .stderr
            .contains("(from environment variable AWS_ENDPOINT_URL)"),
        "{}",
        outcome.stderr
    );
    outcome.assert_token_hidden();
    assert_eq!(server.requests().len(), 2);
}

#[test]
fn exit_codes_per_class() {
    let sandbox = Sandbox::new();
    // 254: the service answered with an error.
    let server = Server::start(Reply::error(
        "NotAuthorizedException",
        "Access Token has expired",
    ));
    let outcome = run_with(&server, &[], &[]);
    assert_eq!(outcome.code, 254);
    assert_eq!(
        outcome.stderr,
        "\nAn error occurred (NotAuthorizedException) when calling the GetUserAttributeVerificationCode operation: Access Token has expired\n"
    );
    // 254 with retries exhausted names them, as botocore does.
    let server = Server::start(Reply::json(
        500,
        r#"{"__type":"InternalErrorException","message":"boom"}"#,
    ));
    let outcome = run_with(&server, &[], &[("AWS_MAX_ATTEMPTS", "2")]);
    assert_eq!(outcome.code, 254);
    assert!(
        outcome
            .stderr
            .contains("operation (reached max retries: 1): boom"),
        "{}",
        outcome.stderr
    );
    // 253: configuration (no region anywhere and a token without an issuer).
    let outcome = sandbox.run(
        &[SUB, "--access-token", TOKEN, "--attribute-name", "email"],
        &[],
    );
    assert_eq!(outcome.code, 253, "{}", outcome.stderr);
    assert!(
        outcome.stderr.contains("Missing Region")
            && outcome.stderr.contains("--region eu-west-1")
            && outcome.stderr.contains("issuer names a region"),
        "{}",
        outcome.stderr
    );
    outcome.assert_token_hidden();
    // 253: an unreadable CA bundle.
    let server = Server::start(Reply::success());
    let outcome = run_with(&server, &["--ca-bundle", "/nonexistent/ca.pem"], &[]);
    assert_eq!(outcome.code, 253, "{}", outcome.stderr);
    assert!(
        outcome.stderr.contains("/nonexistent/ca.pem"),
        "{}",
        outcome.stderr
    );
    // 255: nothing listening.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let url = format!("http://127.0.0.1:{port}");
    let outcome = sandbox.run(
        &[
            SUB,
            "--endpoint-url",
            &url,
            "--region",
            "us-east-1",
            "--access-token",
            TOKEN,
            "--attribute-name",
            "email",
        ],
        &[("AWS_MAX_ATTEMPTS", "1")],
    );
    assert_eq!(outcome.code, 255, "{}", outcome.stderr);
    assert_eq!(
        outcome.stderr,
        format!("\nCould not connect to the endpoint URL: \"{url}/\"\n")
    );
    // 255: read timeout.
    let slow = Server::start(Reply::success().delayed(Duration::from_secs(3)));
    let outcome = run_with(&slow, &["--cli-read-timeout", "1"], &[]);
    assert_eq!(outcome.code, 255, "{}", outcome.stderr);
    assert!(
        outcome.stderr.contains("Read timeout on endpoint URL"),
        "{}",
        outcome.stderr
    );
    // 252: a parameter the service model rejects.
    let server = Server::start(Reply::success());
    let mut args = call_args(&server);
    args[8] = String::new();
    let outcome = sandbox.run(&strs(&args), &[]);
    assert_eq!(outcome.code, 252, "{}", outcome.stderr);
    assert!(
        outcome.stderr.contains("Parameter validation failed"),
        "{}",
        outcome.stderr
    );
    assert!(server.requests().is_empty());
}

#[test]
fn usage_errors_name_the_problem() {
    let server = Server::start(Reply::success());
    let sandbox = Sandbox::new();
    let cases: [(&[&str], &str); 6] = [
        (&["--client-metadata", "novalue"], "--client-metadata"),
        (&["--client-metadata", "{\"a\": "], "--client-metadata"),
        (&["--bogus-option"], "--bogus-option"),
        (&["--query", "a["], "--query"),
        (
            &["--access-token", "file:///nonexistent/token"],
            "/nonexistent/token",
        ),
        (&["--cli-read-timeout", "soon"], "--cli-read-timeout"),
    ];
    for (extra, expected) in cases {
        let outcome = run_with(&server, extra, &[]);
        assert_eq!(outcome.code, 252, "{extra:?}: {}", outcome.stderr);
        assert!(
            outcome.stderr.contains(expected),
            "{extra:?}: {}",
            outcome.stderr
        );
    }
    let missing = sandbox.run(
        &[
            SUB,
            "--endpoint-url",
            &server.url(),
            "--access-token",
            TOKEN,
        ],
        &[],
    );
    assert_eq!(missing.code, 252);
    assert!(
        missing
            .stderr
            .contains("the following arguments are required: --attribute-name"),
        "{}",
        missing.stderr
    );
    missing.assert_token_hidden();
    let no_command = sandbox.run(&[], &[]);
    assert_eq!(no_command.code, 252);
    let unknown = sandbox.run(&["get-user"], &[]);
    assert_eq!(unknown.code, 252);
    assert!(unknown.stderr.contains("get-user"), "{}", unknown.stderr);
    assert!(server.requests().is_empty());
}

#[test]
fn debug_shows_the_wire_but_never_the_token() {
    let server = Server::start(Reply::success());
    let outcome = run_with(&server, &["--debug", "--client-metadata", "k=v"], &[]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    for expected in [
        "setting region = \"us-east-1\"",
        "setting endpoint_url",
        "setting read_timeout",
        &format!("request: POST {}/", server.url()),
        "request header x-amz-target: AWSCognitoIdentityProviderService.GetUserAttributeVerificationCode",
        r#""AccessToken":"***""#,
        "attempt 1/3 (invocation ",
        " -> 200 request_id=req-1234",
        "response header x-amzn-requestid: req-1234",
        "response body (parsed)",
    ] {
        assert!(outcome.stderr.contains(expected), "missing {expected:?} in {}", outcome.stderr);
    }
    let failing = Server::start(Reply::json(
        400,
        &format!(r#"{{"__type":"NotAuthorizedException","message":"bad token {TOKEN}"}}"#),
    ));
    let outcome = run_with(&failing, &["--debug"], &[]);
    assert_eq!(outcome.code, 254);
    assert!(
        outcome
            .stderr
            .contains("code=NotAuthorizedException http_status=400 request_id=req-1234"),
        "{}",
        outcome.stderr
    );
    assert!(
        outcome
            .stderr
            .contains("response header x-amzn-requestid: req-1234"),
        "{}",
        outcome.stderr
    );
    // A token the user gave in a file is hidden too.
    let sandbox = Sandbox::new();
    let file = sandbox.write("token", TOKEN);
    let file_arg = format!("file://{}", file.display());
    let mut args = call_args(&server);
    args[6] = file_arg;
    args.push("--debug".into());
    let outcome = sandbox.run(&strs(&args), &[]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    outcome.assert_token_hidden();
    assert_eq!(
        server.requests().last().unwrap().json()["AccessToken"],
        TOKEN
    );
}

#[test]
fn compatibility_flags_are_accepted() {
    let server = Server::start(Reply::success());
    let outcome = run_with(
        &server,
        &[
            "--no-sign-request",
            "--no-paginate",
            "--cli-binary-format",
            "raw-in-base64-out",
            "--no-cli-pager",
            "--no-cli-auto-prompt",
            "--color",
            "off",
            "--no-verify-ssl",
            "--cli-connect-timeout",
            "0",
            "--cli-read-timeout",
            "0",
        ],
        &[("AWS_PAGER", "less")],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(outcome.stdout.contains("\"EMAIL\""));
}

#[test]
fn global_options_before_the_subcommand() {
    let server = Server::start(Reply::success());
    let sandbox = Sandbox::new();
    let endpoint = server.url();
    let outcome = sandbox.run(
        &[
            "--output",
            "text",
            "--endpoint-url",
            &endpoint,
            "--region",
            "us-east-1",
            SUB,
            "--access-token",
            TOKEN,
            "--attribute-name",
            "email",
        ],
        &[],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert_eq!(
        outcome.stdout,
        "CODEDELIVERYDETAILS\temail\tEMAIL\ta***@e***.com\n"
    );
}

#[test]
fn auto_prompt_without_a_terminal_is_a_usage_error() {
    let server = Server::start(Reply::success());
    let sandbox = Sandbox::new();
    for (args, env) in [
        (vec![SUB, "--cli-auto-prompt"], vec![]),
        (vec![SUB], vec![("AWS_CLI_AUTO_PROMPT", "on")]),
    ] {
        let mut args = args;
        let endpoint = server.url();
        args.extend(["--endpoint-url", &endpoint]);
        let outcome = sandbox.run(&args, &env);
        assert_eq!(outcome.code, 252, "{}", outcome.stderr);
        assert!(
            outcome.stderr.contains("needs a terminal"),
            "{}",
            outcome.stderr
        );
    }
}

#[test]
fn help_and_version() {
    let sandbox = Sandbox::new();
    let version = sandbox.run(&["--version"], &[]);
    assert_eq!(version.code, 0);
    assert!(
        version.stdout.contains(env!("CARGO_PKG_VERSION")),
        "{}",
        version.stdout
    );
    let help = sandbox.run(&["--help"], &[]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains(SUB));
    let sub_help = sandbox.run(&[SUB, "--help"], &[]);
    assert_eq!(sub_help.code, 0);
    for option in [
        "--access-token",
        "--attribute-name",
        "--client-metadata",
        "--cli-input-json",
        "--cli-input-yaml",
        "--generate-cli-skeleton",
        "--output",
        "--query",
        "--debug",
        "--cli-read-timeout",
    ] {
        assert!(
            sub_help.stdout.contains(option),
            "{option} missing from help"
        );
    }
}

#[test]
fn ctrl_c_exits_130() {
    let server = Server::start(Reply::success().delayed(Duration::from_secs(5)));
    let sandbox = Sandbox::new();
    let args = call_args(&server);
    let mut child = sandbox
        .command(&strs(&args), &[])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait (bounded) until the request reached the server, then interrupt.
    for _ in 0..100 {
        if !server.requests().is_empty() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(server.requests().len(), 1);
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
}

#[test]
fn profile_settings_and_precedence() {
    let server = Server::start(Reply::success());
    let sandbox = Sandbox::new();
    sandbox.write(
        "config",
        &format!(
            "[default]\noutput = table\n\n[profile dev]\noutput = text\nregion = eu-west-1\nservices = local\n\n[services local]\ncognito_identity_provider =\n  endpoint_url = {}\n",
            server.url()
        ),
    );
    let base = [SUB, "--access-token", TOKEN, "--attribute-name", "email"];
    // The endpoint and the output format come from the profile named by --profile.
    let mut args = vec!["--profile", "dev"];
    args.extend(base);
    let outcome = sandbox.run(&args, &[]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert_eq!(
        outcome.stdout,
        "CODEDELIVERYDETAILS\temail\tEMAIL\ta***@e***.com\n"
    );
    // AWS_PROFILE selects it too; AWS_DEFAULT_OUTPUT beats the profile; --output beats both.
    let outcome = sandbox.run(
        &base,
        &[("AWS_PROFILE", "dev"), ("AWS_DEFAULT_OUTPUT", "json")],
    );
    assert!(outcome.stdout.starts_with("{\n"), "{}", outcome.stdout);
    let mut args = base.to_vec();
    args.extend(["--output", "yaml"]);
    let outcome = sandbox.run(
        &args,
        &[("AWS_PROFILE", "dev"), ("AWS_DEFAULT_OUTPUT", "json")],
    );
    assert!(
        outcome.stdout.starts_with("CodeDeliveryDetails:"),
        "{}",
        outcome.stdout
    );
    // A flag beats the profile's endpoint.
    let other = Server::start(Reply::json(200, "{}"));
    let url = other.url();
    let mut args = base.to_vec();
    args.extend(["--profile", "dev", "--endpoint-url", &url]);
    assert_eq!(sandbox.run(&args, &[]).code, 0);
    assert_eq!(other.requests().len(), 1);
    assert_eq!(server.requests().len(), 3);
    // An unknown profile is a configuration error.
    let mut args = vec!["--profile", "nobody"];
    args.extend(base);
    let outcome = sandbox.run(&args, &[]);
    assert_eq!(outcome.code, 253, "{}", outcome.stderr);
    assert!(outcome.stderr.contains("nobody"), "{}", outcome.stderr);
}

#[test]
fn debug_logs_every_setting_of_the_core_table_but_the_proxy() {
    let server = Server::start(Reply::success());
    let outcome = run_with(
        &server,
        &["--debug"],
        &[("HTTPS_PROXY", "http://user:proxy-password@127.0.0.1:9")],
    );
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    for &setting in cognito_attr_code::SettingId::ALL {
        let line = format!("setting {} = ", setting.name());
        let logged = outcome.stderr.contains(&line);
        assert_eq!(
            logged,
            setting != cognito_attr_code::SettingId::Proxy,
            "{line}: {}",
            outcome.stderr
        );
    }
    assert!(!outcome.stderr.contains("proxy-password"));
}
