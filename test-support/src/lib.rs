//! What the workspace's integration tests share: a scripted HTTP/1.1 server on an ephemeral
//! loopback port (plain or TLS), a raw hostile server, an HTTP CONNECT proxy, a log capture and
//! the forms in which a hostile server echoes a secret. Every wait in here is bounded, and
//! nothing listens beyond 127.0.0.1.

pub mod captured_logs;
pub mod connect_proxy;
pub mod echo_forms;
pub mod hostile;
pub mod http_server;
pub mod recording_clock;
pub mod tls_identity;

pub use captured_logs::captured_logs;
pub use connect_proxy::ConnectProxy;
pub use http_server::{Recorded, Reply, TestServer};
pub use recording_clock::RecordingClock;
pub use tls_identity::TlsIdentity;
