//! Errors carry the settings and arguments they name as identifiers, which a front end's
//! [`Spelling`] renders (how to set a missing region included), and name the host and port a
//! connection failed to reach.

use std::collections::HashMap;

use cognito_attr_code::{
    ArgumentId, Client, ErrorKind, GetAttrCodeRequest, SettingId, Settings, Spelling,
};

/// A front end that writes names in camelCase, as Node does.
struct Camel;

fn camel(snake: &str) -> String {
    let mut parts = snake.split('_');
    let mut out = parts.next().unwrap_or_default().to_owned();
    for part in parts {
        out.extend(part.chars().take(1).flat_map(char::to_uppercase));
        out.push_str(&part[1.min(part.len())..]);
    }
    out
}

impl Spelling for Camel {
    fn setting(&self, setting: SettingId) -> String {
        camel(setting.name())
    }
    fn argument(&self, argument: ArgumentId) -> String {
        camel(argument.name())
    }
    fn how_to_set(&self, setting: SettingId, example: &str) -> String {
        format!("{{ {}: '{example}' }}", self.setting(setting))
    }
}

/// A token without an issuer: its region cannot be read.
const TOKEN: &str = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyLTEifQ.sig";

fn env() -> HashMap<&'static str, &'static str> {
    HashMap::from([("AWS_CONFIG_FILE", "/nonexistent/aws/config")])
}

#[test]
fn missing_region_says_how_to_set_one_in_each_front_end() {
    let client = Client::with_environment(&Settings::new(), &env()).unwrap();
    for error in [
        client.endpoint_url().unwrap_err(),
        client
            .get_attr_code(&GetAttrCodeRequest::new(TOKEN, "email"))
            .unwrap_err(),
    ] {
        assert_eq!(
            error.kind(),
            &ErrorKind::Configuration {
                setting: Some(SettingId::Region)
            }
        );
        for (message, how) in [
            (error.message().to_owned(), "Settings::region(...)"),
            (error.message_in(&Camel), "{ region: 'eu-west-1' }"),
        ] {
            assert!(
                message.contains("Invalid Configuration: Missing Region"),
                "{message}"
            );
            assert!(message.contains(how), "{message}");
            assert!(message.contains("AWS_REGION"), "{message}");
            assert!(message.contains("issuer names a region"), "{message}");
        }
    }
}

#[test]
fn settings_and_arguments_are_named_as_the_front_end_spells_them() {
    let insecure = Settings::new().endpoint_url("http://example.com");
    let error = Client::with_environment(&insecure, &env()).unwrap_err();
    assert_eq!(
        error.kind(),
        &ErrorKind::Configuration {
            setting: Some(SettingId::EndpointUrl)
        }
    );
    assert_eq!(error.subject_in(&Camel).as_deref(), Some("endpointUrl"));
    let node = error.message_in(&Camel);
    assert!(node.starts_with("endpointUrl: "), "{node}");
    assert!(
        node.contains("set allowInsecureHttp to permit it"),
        "{node}"
    );
    assert!(error.message().starts_with("endpoint_url: "), "{error}");
    assert!(error
        .message()
        .contains("set allow_insecure_http to permit it"));

    let client = Client::with_environment(&Settings::new().region("eu-west-1"), &env()).unwrap();
    let error = client
        .get_attr_code(&GetAttrCodeRequest::new(TOKEN, ""))
        .unwrap_err();
    assert!(
        error.message_in(&Camel).starts_with("attributeName: "),
        "{error}"
    );
    assert!(error.message().starts_with("attribute_name: "), "{error}");
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
    let error = Client::with_environment(&Settings::new().profile("nobody"), &env()).unwrap_err();
    assert_eq!(error.kind(), &ErrorKind::Configuration { setting: None });
    assert!(
        error.message_in(&Camel).starts_with("profile 'nobody'"),
        "{error}"
    );
    let error = Client::with_environment(&Settings::new().max_attempts(0), &env()).unwrap_err();
    assert!(
        error.message_in(&Camel).starts_with("maxAttempts=0: "),
        "{error}"
    );
    assert_eq!(error.subject_in(&Camel).as_deref(), Some("maxAttempts=0"));
}
