//! Without a CA bundle and with an empty system store (a container without `ca-certificates`),
//! TLS falls back to the bundled Mozilla roots; a CA bundle still overrides both. The store is
//! emptied as rustls-native-certs finds it on Linux: SSL_CERT_FILE and SSL_CERT_DIR, which this
//! test binary sets for itself alone (one test: it runs as its own process). The
//! `test-fallback-roots` feature puts a private CA in place of the bundled roots, since no server
//! on 127.0.0.1 can present a certificate from a public CA (`make test-rust` enables it; without it
//! this file is empty, and the npm package and the sdist, which vendor core without its tests,
//! need no `[[test]]` entry).
#![cfg(feature = "test-fallback-roots")]

use std::collections::HashMap;
use std::io::Write;

use cognito_attr_code::{Client, ErrorKind, GetAttrCodeRequest, Settings};
use test_support::{captured_logs, Reply, TestServer, TlsIdentity};

fn pem_file(pem: &str) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(pem.as_bytes()).unwrap();
    file
}

fn call(settings: Settings, env: &[(&str, &str)]) -> Result<(), cognito_attr_code::Error> {
    let env: HashMap<&str, &str> = env.iter().copied().collect();
    Client::with_environment(&settings.max_attempts(1), &env)?
        .get_attr_code(&GetAttrCodeRequest::new("a.b.c", "email"))
        .map(|_| ())
}

fn roots_logged() -> Vec<String> {
    let mut logs = captured_logs().lock().unwrap();
    let roots = logs
        .iter()
        .filter(|line| line.contains("TLS roots"))
        .cloned()
        .collect();
    logs.clear();
    roots
}

#[test]
fn an_empty_system_store_falls_back_to_the_bundled_roots_and_a_ca_bundle_overrides_both() {
    let (identity, server_ca) = TlsIdentity::generate(&["127.0.0.1"]);
    let (_, other_ca) = TlsIdentity::generate(&["127.0.0.1"]);
    let server = TestServer::start_tls(vec![Reply::json(200, "{}"); 2], identity);
    let empty_file = tempfile::NamedTempFile::new().unwrap();
    let empty_dir = tempfile::tempdir().unwrap();
    let server_ca = pem_file(&server_ca);
    let other_ca = pem_file(&other_ca);
    std::env::set_var("SSL_CERT_FILE", empty_file.path());
    std::env::set_var("SSL_CERT_DIR", empty_dir.path());
    std::env::set_var("COGNITO_ATTR_CODE_TEST_FALLBACK_ROOTS", server_ca.path());
    captured_logs().lock().unwrap().clear();
    let https = || Settings::new().endpoint_url(server.https_url());

    call(https(), &[]).unwrap();
    let logged = roots_logged();
    assert_eq!(logged.len(), 1, "{logged:?}");
    assert!(
        logged[0].starts_with("DEBUG cognito_attr_code TLS roots: the bundled Mozilla roots"),
        "{logged:?}"
    );

    // AWS_CA_BUNDLE replaces the fallback: the server's CA there, another CA as "bundled" roots.
    std::env::set_var("COGNITO_ATTR_CODE_TEST_FALLBACK_ROOTS", other_ca.path());
    let bundle = server_ca.path().to_str().unwrap();
    call(https(), &[("AWS_CA_BUNDLE", bundle)]).unwrap();
    let logged = roots_logged();
    assert!(
        logged[0].contains(&format!("TLS roots: the CA bundle {bundle} (")),
        "{logged:?}"
    );
    assert_eq!(server.requests().len(), 2);

    // The ca_bundle setting does too, and is not topped up with the fallback.
    std::env::set_var("COGNITO_ATTR_CODE_TEST_FALLBACK_ROOTS", server_ca.path());
    let err = call(https().ca_bundle(other_ca.path().to_str().unwrap()), &[]).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Tls, "{err:?}");
    assert_eq!(server.requests().len(), 2);
    roots_logged();

    // The store is read once per process: a CA added to it now is not seen by a new client.
    std::env::set_var("SSL_CERT_FILE", server_ca.path());
    std::env::set_var("COGNITO_ATTR_CODE_TEST_FALLBACK_ROOTS", other_ca.path());
    let err = call(https(), &[]).unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::Tls, "{err:?}");
    let logged = roots_logged();
    assert!(
        logged[0].contains("the bundled Mozilla roots"),
        "{logged:?}"
    );
    assert_eq!(server.requests().len(), 2);
}
