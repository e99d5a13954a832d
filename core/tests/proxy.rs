//! Requests through an in-process CONNECT proxy on loopback. The endpoints are named
//! `cognito.test`, which the test proxy maps to loopback: a loopback endpoint never goes through a
//! proxy.

use std::collections::HashMap;
use std::io::Write;

use cognito_attr_code::{Client, GetAttrCodeRequest, Settings};
use test_support::{ConnectProxy, Reply, TestServer, TlsIdentity};

fn request() -> GetAttrCodeRequest {
    GetAttrCodeRequest::new("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1In0.sig", "email")
}

/// The endpoint's name, which only the test proxy resolves (to loopback).
const PROXIED_HOST: &str = "cognito.test";

fn tls_server() -> (TestServer, tempfile::NamedTempFile) {
    let (identity, ca_pem) = TlsIdentity::generate(&[PROXIED_HOST]);
    let mut ca = tempfile::NamedTempFile::new().unwrap();
    ca.write_all(ca_pem.as_bytes()).unwrap();
    (
        TestServer::start_tls(vec![Reply::json(200, "{}")], identity),
        ca,
    )
}

fn call(settings: Settings, env: &[(&str, &str)]) {
    let env: HashMap<&str, &str> = env.iter().copied().collect();
    Client::with_environment(&settings, &env)
        .unwrap()
        .get_attr_code(&request())
        .unwrap();
}

fn proxied_url(scheme: &str, server: &TestServer) -> String {
    format!("{scheme}://{PROXIED_HOST}:{}", server.addr.port())
}

fn proxied_target(server: &TestServer) -> String {
    format!("{PROXIED_HOST}:{}", server.addr.port())
}

#[test]
fn explicit_proxy_tunnels_to_the_endpoint() {
    let (server, ca) = tls_server();
    let proxy = ConnectProxy::start();
    call(
        Settings::new()
            .endpoint_url(proxied_url("https", &server))
            .ca_bundle(ca.path())
            .proxy(proxy.url()),
        &[],
    );
    assert_eq!(*proxy.targets.lock().unwrap(), [proxied_target(&server)]);
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn https_proxy_variable_in_either_case() {
    for name in ["HTTPS_PROXY", "https_proxy"] {
        let (server, ca) = tls_server();
        let proxy = ConnectProxy::start();
        let url = proxy.url();
        call(
            Settings::new()
                .endpoint_url(proxied_url("https", &server))
                .ca_bundle(ca.path()),
            &[(name, &url)],
        );
        assert_eq!(proxy.targets.lock().unwrap().len(), 1, "{name}");
    }
}

#[test]
fn loopback_endpoints_bypass_the_proxy() {
    // The proxy refuses every tunnel: a request that went through it would fail.
    let proxy = ConnectProxy::start_refusing();
    let url = proxy.url();
    let server = TestServer::start(vec![Reply::json(200, "{}")]);
    call(
        Settings::new().endpoint_url(server.url()),
        &[("HTTP_PROXY", &url), ("HTTPS_PROXY", &url)],
    );
    let (tls, ca) = {
        let (identity, ca_pem) = TlsIdentity::generate(&["127.0.0.1"]);
        let mut ca = tempfile::NamedTempFile::new().unwrap();
        ca.write_all(ca_pem.as_bytes()).unwrap();
        (
            TestServer::start_tls(vec![Reply::json(200, "{}")], identity),
            ca,
        )
    };
    call(
        Settings::new()
            .endpoint_url(tls.https_url())
            .ca_bundle(ca.path())
            .proxy(&url),
        &[],
    );
    assert!(proxy.targets.lock().unwrap().is_empty());
    assert_eq!(server.requests().len(), 1);
    assert_eq!(tls.requests().len(), 1);
}

#[test]
fn plain_http_endpoints_use_http_proxy() {
    let server = TestServer::start(vec![Reply::json(200, "{}")]);
    let proxy = ConnectProxy::start();
    let url = proxy.url();
    call(
        Settings::new()
            .endpoint_url(proxied_url("http", &server))
            .allow_insecure_http(true),
        &[("HTTPS_PROXY", "http://127.0.0.1:9"), ("HTTP_PROXY", &url)],
    );
    assert_eq!(*proxy.targets.lock().unwrap(), [proxied_target(&server)]);
}

// The proxy shows where a request would go without anything leaving the machine.
fn connect_target(settings: Settings, token: &str) -> (String, cognito_attr_code::Error) {
    let proxy = ConnectProxy::start_refusing();
    let err = Client::with_environment(
        &settings.proxy(proxy.url()).max_attempts(1),
        &HashMap::<&str, &str>::new(),
    )
    .unwrap()
    .get_attr_code(&GetAttrCodeRequest::new(token, "email"))
    .unwrap_err();
    let targets = proxy.targets.lock().unwrap().clone();
    assert_eq!(targets.len(), 1, "{targets:?}");
    (targets[0].clone(), err)
}

fn token_from(issuer: &str) -> String {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    let payload = format!(r#"{{"iss":"{issuer}","token_use":"access"}}"#);
    format!(
        "eyJhbGciOiJub25lIn0.{}.sig",
        URL_SAFE_NO_PAD.encode(payload)
    )
}

#[test]
fn region_is_inferred_from_the_token_when_nothing_sets_it() {
    let token = token_from("https://cognito-idp.eu-west-3.amazonaws.com/eu-west-3_AbCdEf");
    let client = Client::with_environment(&Settings::new(), &HashMap::<&str, &str>::new()).unwrap();
    assert!(client
        .endpoint_url()
        .unwrap_err()
        .message()
        .contains("Missing Region"));
    let (target, _) = connect_target(Settings::new(), &token);
    assert_eq!(target, "cognito-idp.eu-west-3.amazonaws.com:443");
    let (target, _) = connect_target(
        Settings::new().use_fips_endpoint(true),
        &token_from("https://idp.example/us-gov-west-1_x"),
    );
    assert_eq!(target, "cognito-idp-fips.us-gov-west-1.amazonaws.com:443");
}

#[test]
fn explicit_region_wins_over_the_token_with_a_warning() {
    let logs = test_support::captured_logs();
    let token = token_from("https://cognito-idp.eu-west-3.amazonaws.com/eu-west-3_AbCdEf");
    let (target, _) = connect_target(Settings::new().region("us-east-1"), &token);
    assert_eq!(target, "cognito-idp.us-east-1.amazonaws.com:443");
    let logs = logs.lock().unwrap();
    let warning = logs
        .iter()
        .find(|l| l.starts_with("WARN") && l.contains("eu-west-3"))
        .expect("a warning");
    assert!(
        warning.contains("us-east-1") && !warning.contains(&token),
        "{warning}"
    );
}

#[test]
fn a_token_without_a_region_and_no_region_setting_is_a_configuration_error() {
    let err = Client::with_environment(&Settings::new(), &HashMap::<&str, &str>::new())
        .unwrap()
        .get_attr_code(&GetAttrCodeRequest::new("a.b.c", "email"))
        .unwrap_err();
    assert!(
        err.message()
            .contains("Invalid Configuration: Missing Region"),
        "{err}"
    );
}
