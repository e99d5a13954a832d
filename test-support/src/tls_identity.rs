//! A server's TLS identity signed by a fresh private CA, and the stream that serves it.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::{Arc, Mutex};

/// TLS settings of a server: its certificate chain and key.
#[derive(Clone)]
pub struct TlsIdentity(pub Arc<rustls::ServerConfig>);

impl TlsIdentity {
    /// A fresh private CA (returned as PEM) and a server certificate it signed for `names`
    /// (DNS names or IP addresses).
    ///
    /// # Panics
    /// When a name is not a valid subject alternative name.
    #[must_use]
    pub fn generate(names: &[&str]) -> (Self, String) {
        use rcgen::{BasicConstraints, CertificateParams, IsCa, KeyPair};
        let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "cognito-attr-code test CA");
        let ca_key = KeyPair::generate().unwrap();
        let ca_cert = ca_params.self_signed(&ca_key).unwrap();
        let params = CertificateParams::new(
            names
                .iter()
                .map(|name| (*name).to_owned())
                .collect::<Vec<_>>(),
        )
        .unwrap();
        let key = KeyPair::generate().unwrap();
        let cert = params.signed_by(&key, &ca_cert, &ca_key).unwrap();
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(
                vec![cert.der().clone()],
                rustls::pki_types::PrivateKeyDer::Pkcs8(key.serialize_der().into()),
            )
            .unwrap();
        (Self(Arc::new(config)), ca_cert.pem())
    }

    /// The server side of a TLS session on `stream`, as one reader and one writer; `None` when
    /// the session cannot be set up.
    pub(crate) fn accept(self, stream: TcpStream) -> Option<(SharedStream, SharedStream)> {
        let connection = rustls::ServerConnection::new(self.0).ok()?;
        let shared = Arc::new(Mutex::new(rustls::StreamOwned::new(connection, stream)));
        Some((SharedStream(shared.clone()), SharedStream(shared)))
    }
}

/// One TLS stream used for both reading and writing.
pub(crate) struct SharedStream(
    Arc<Mutex<rustls::StreamOwned<rustls::ServerConnection, TcpStream>>>,
);

impl Read for SharedStream {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().read(buf)
    }
}

impl Write for SharedStream {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.lock().unwrap().flush()
    }
}
