//! Requests through an in-process CONNECT proxy on loopback, and `NO_PROXY`.

mod support;

use std::collections::HashMap;
use std::io::Write;

use cognito_attr_code::{Client, GetAttrCodeRequest, Settings};
use support::{ConnectProxy, Reply, TestServer, TlsIdentity};

fn request() -> GetAttrCodeRequest {
    GetAttrCodeRequest::new("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1In0.sig", "email")
}

fn tls_server() -> (TestServer, tempfile::NamedTempFile) {
    let (identity, ca_pem) = TlsIdentity::generate(&["127.0.0.1"]);
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

#[test]
fn explicit_proxy_tunnels_to_the_endpoint() {
    let (server, ca) = tls_server();
    let proxy = ConnectProxy::start();
    call(
        Settings::new()
            .endpoint_url(server.https_url())
            .ca_bundle(ca.path())
            .proxy(proxy.url()),
        &[],
    );
    assert_eq!(*proxy.targets.lock().unwrap(), [server.addr.to_string()]);
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
                .endpoint_url(server.https_url())
                .ca_bundle(ca.path()),
            &[(name, &url)],
        );
        assert_eq!(proxy.targets.lock().unwrap().len(), 1, "{name}");
    }
}

#[test]
fn no_proxy_bypasses_the_proxy() {
    let (server, ca) = tls_server();
    let proxy = ConnectProxy::start();
    let url = proxy.url();
    call(
        Settings::new()
            .endpoint_url(server.https_url())
            .ca_bundle(ca.path()),
        &[("HTTPS_PROXY", &url), ("NO_PROXY", "example.com,127.0.0.1")],
    );
    assert!(proxy.targets.lock().unwrap().is_empty());
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn plain_http_endpoints_use_http_proxy() {
    let server = TestServer::start(vec![Reply::json(200, "{}")]);
    let proxy = ConnectProxy::start();
    let url = proxy.url();
    call(
        Settings::new().endpoint_url(server.url()),
        &[("HTTPS_PROXY", "http://127.0.0.1:9"), ("HTTP_PROXY", &url)],
    );
    assert_eq!(*proxy.targets.lock().unwrap(), [server.addr.to_string()]);
}
