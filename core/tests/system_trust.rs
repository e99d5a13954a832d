//! Without a CA bundle the operating system's trust store decides (users behind TLS-inspecting
//! proxies install their CA there). On Linux it is read through SSL_CERT_FILE when set, which this
//! test binary sets for itself alone: it runs as its own process. (Windows and macOS read only
//! their own stores, which a test cannot add a CA to.)
#![cfg(target_os = "linux")]

use std::collections::HashMap;
use std::io::Write;

use cognito_attr_code::{Client, GetAttrCodeRequest, Settings};
use test_support::{Reply, TestServer, TlsIdentity};

#[test]
fn the_system_trust_store_is_the_default() {
    let (identity, ca_pem) = TlsIdentity::generate(&["127.0.0.1"]);
    let server = TestServer::start_tls(vec![Reply::json(200, "{}")], identity);
    let mut store = tempfile::NamedTempFile::new().unwrap();
    store.write_all(ca_pem.as_bytes()).unwrap();
    std::env::set_var("SSL_CERT_FILE", store.path());
    std::env::remove_var("SSL_CERT_DIR");
    let settings = Settings::new()
        .endpoint_url(server.https_url())
        .max_attempts(1);
    Client::with_environment(&settings, &HashMap::<&str, &str>::new())
        .unwrap()
        .get_attr_code(&GetAttrCodeRequest::new("a.b.c", "email"))
        .unwrap();
    assert_eq!(server.requests().len(), 1);
}
