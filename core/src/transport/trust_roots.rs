//! Which certificates TLS trusts when no CA bundle is configured: the system's store first (where
//! corporate CAs are installed), else, in a container that has none (distroless, scratch, slim
//! images without `ca-certificates`), the Mozilla roots bundled with `webpki-roots`, as boto3
//! (certifi) and Node do.

use ureq::tls::RootCerts;

/// The roots of `https://` connections without a CA bundle, logged at debug level.
pub(crate) fn default_roots() -> RootCerts {
    match system_roots() {
        Some(roots) => {
            log::debug!(target: "cognito_attr_code", "TLS roots: the system's certificate store");
            roots
        }
        None => {
            log::debug!(
                target: "cognito_attr_code",
                "TLS roots: the bundled Mozilla roots (webpki-roots): the system's certificate store has no certificate"
            );
            fallback_roots()
        }
    }
}

/// The store as rustls-native-certs finds it (`SSL_CERT_FILE`, `SSL_CERT_DIR`, else the
/// distribution's paths), read once per process and handed to rustls as they are: the platform
/// verifier would read the same files again for every client, and reading them is most of a cold
/// call's time. `None` when the store holds no certificate.
#[cfg(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
))]
fn system_roots() -> Option<RootCerts> {
    use std::sync::{Arc, OnceLock};
    use ureq::tls::Certificate;
    static SYSTEM_ROOTS: OnceLock<Option<Arc<Vec<Certificate<'static>>>>> = OnceLock::new();
    let certs = SYSTEM_ROOTS.get_or_init(|| {
        let certs: Vec<_> = rustls_native_certs::load_native_certs()
            .certs
            .iter()
            .map(|cert| Certificate::from_der(cert.as_ref()).to_owned())
            .collect();
        (!certs.is_empty()).then(|| Arc::new(certs))
    });
    certs.clone().map(RootCerts::Specific)
}

/// macOS, iOS, Android and Windows: the platform verifier asks the operating system, which always
/// has its roots (and applies its own policy: user trust settings, revocation).
#[cfg(not(all(
    unix,
    not(any(target_os = "macos", target_os = "ios", target_os = "android"))
)))]
fn system_roots() -> Option<RootCerts> {
    Some(RootCerts::PlatformVerifier)
}

#[cfg(not(feature = "test-fallback-roots"))]
fn fallback_roots() -> RootCerts {
    RootCerts::WebPki
}

/// A test's private CA (a PEM file named by `COGNITO_ATTR_CODE_TEST_FALLBACK_ROOTS`) in place of
/// the bundled roots, which no server on 127.0.0.1 can present a certificate from.
#[cfg(feature = "test-fallback-roots")]
fn fallback_roots() -> RootCerts {
    use ureq::tls::PemItem;
    let path = std::env::var_os("COGNITO_ATTR_CODE_TEST_FALLBACK_ROOTS")
        .expect("the test-fallback-roots feature needs COGNITO_ATTR_CODE_TEST_FALLBACK_ROOTS");
    let pem = std::fs::read(path).expect("COGNITO_ATTR_CODE_TEST_FALLBACK_ROOTS is readable");
    let certs = ureq::tls::parse_pem(&pem)
        .filter_map(|item| match item {
            Ok(PemItem::Certificate(cert)) => Some(cert),
            _ => None,
        })
        .collect();
    RootCerts::Specific(std::sync::Arc::new(certs))
}
