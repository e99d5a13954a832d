//! Errors name settings as the caller's front end spells them, say how to set a missing region
//! there, and name the host and port a connection failed to reach.

use std::collections::HashMap;

use cognito_attr_code::{Client, ErrorKind, FrontEnd, GetAttrCodeRequest, Settings};

/// A token without an issuer: its region cannot be read.
const TOKEN: &str = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyLTEifQ.sig";

fn env() -> HashMap<&'static str, &'static str> {
    HashMap::from([("AWS_CONFIG_FILE", "/nonexistent/aws/config")])
}

#[test]
fn missing_region_says_how_to_set_one_in_each_front_end() {
    for (front_end, how) in [
        (FrontEnd::Python, "region=\"eu-west-1\""),
        (FrontEnd::Node, "{ region: 'eu-west-1' }"),
        (FrontEnd::Cli, "--region eu-west-1"),
        (FrontEnd::C, "cognito_config_set_region()"),
    ] {
        let client =
            Client::with_environment(&Settings::new().front_end(front_end), &env()).unwrap();
        for error in [
            client.endpoint_url().unwrap_err(),
            client
                .get_attr_code(&GetAttrCodeRequest::new(TOKEN, "email"))
                .unwrap_err(),
        ] {
            let message = error.message();
            assert!(
                message.contains("Invalid Configuration: Missing Region"),
                "{message}"
            );
            assert!(message.contains(how), "{front_end:?}: {message}");
            assert!(message.contains("AWS_REGION"), "{message}");
            assert!(message.contains("issuer names a region"), "{message}");
        }
    }
}

#[test]
fn settings_and_arguments_are_named_as_the_front_end_spells_them() {
    let insecure = Settings::new().endpoint_url("http://example.com");
    let node =
        Client::with_environment(&insecure.clone().front_end(FrontEnd::Node), &env()).unwrap_err();
    assert_eq!(
        node.kind(),
        &ErrorKind::Configuration {
            setting: "endpointUrl".into()
        }
    );
    assert!(node.message().starts_with("endpointUrl: "), "{node}");
    assert!(
        node.message()
            .contains("set allowInsecureHttp to permit it"),
        "{node}"
    );
    let cli = Client::with_environment(&insecure.front_end(FrontEnd::Cli), &env()).unwrap_err();
    assert!(cli.message().starts_with("--endpoint-url: "), "{cli}");

    let client = Client::with_environment(
        &Settings::new()
            .region("eu-west-1")
            .front_end(FrontEnd::Node),
        &env(),
    )
    .unwrap();
    let error = client
        .get_attr_code(&GetAttrCodeRequest::new(TOKEN, ""))
        .unwrap_err();
    assert!(error.message().starts_with("attributeName: "), "{error}");
}

/// The error of a one-attempt call to `endpoint`.
fn call_error(endpoint: &str) -> cognito_attr_code::Error {
    let client = Client::with_environment(
        &Settings::new().endpoint_url(endpoint).max_attempts(1),
        &env(),
    )
    .unwrap();
    client
        .get_attr_code(&GetAttrCodeRequest::new(TOKEN, "email"))
        .unwrap_err()
}

#[test]
fn connection_failures_name_host_and_port() {
    // A port nothing listens on: bind one, then close it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let error = call_error(&format!("http://127.0.0.1:{port}"));
    assert_eq!(error.kind(), &ErrorKind::Network);
    assert!(
        error
            .message()
            .contains(&format!("could not connect to 127.0.0.1:{port}")),
        "{error}"
    );
}

#[test]
fn dns_failures_name_host_and_port() {
    // `.invalid` never resolves (RFC 6761).
    let error = call_error("https://cognito.invalid:8443");
    assert!(
        error
            .message()
            .contains("could not resolve the host name of cognito.invalid:8443"),
        "{error}"
    );
}

#[test]
fn only_setting_names_are_respelled_not_text_that_starts_like_one() {
    let error = Client::with_environment(
        &Settings::new().profile("nobody").front_end(FrontEnd::C),
        &env(),
    )
    .unwrap_err();
    assert!(error.message().starts_with("profile 'nobody'"), "{error}");
    let error = Client::with_environment(
        &Settings::new().max_attempts(0).front_end(FrontEnd::Node),
        &env(),
    )
    .unwrap_err();
    assert!(error.message().starts_with("maxAttempts=0: "), "{error}");
}
