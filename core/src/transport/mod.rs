//! The HTTP transport: one `ureq::Agent` (connection pool, TLS, timeouts, proxy) built from the
//! resolved configuration, one attempt at a time, with transport failures mapped to typed errors.

pub(crate) mod cancellation;
pub(crate) mod connection_reuse;
pub(crate) mod failed_attempt;
pub(crate) mod protocol;
pub(crate) mod resolver;
pub(crate) mod tcp_transport;
pub(crate) mod trust_roots;

use std::io;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ureq::config::AutoHeaderValue;
use ureq::tls::{Certificate, PemItem, RootCerts, TlsConfig};
use ureq::unversioned::transport::{ConnectProxyConnector, Connector, RustlsConnector};
use ureq::Agent;

use crate::config::resolve::ResolvedConfig;
use crate::config::source::Sourced;
use crate::error::setting_id::SettingId;
use crate::error::{Error, ErrorKind, TimeoutPhase};
use crate::secrecy::raw_response::RawResponse;
use crate::secrecy::scrub::Secrets;
use crate::transport::failed_attempt::FailedAttempt;
use crate::transport::protocol::CONTENT_TYPE;
use crate::transport::resolver::CachingResolver;
use crate::transport::tcp_transport::TcpConnector;
use connection_reuse::{ObservingConnector, POOL_IDLE_TIMEOUT};

/// Largest response body read, in bytes; anything larger is a `Protocol` error.
pub const MAX_RESPONSE_BODY: u64 = 1024 * 1024;

/// Idle connections kept for reuse: enough for one per thread of a busy multi-threaded caller
/// (ureq's default of 3 makes a 4th concurrent thread reconnect on every call).
pub const MAX_IDLE_CONNECTIONS: usize = 32;

/// How long one attempt may take, and which setting set that limit.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AttemptDeadline {
    /// Time left for the attempt; `None` means unbounded.
    pub remaining: Option<Duration>,
    /// [`TimeoutPhase::Attempt`], or [`TimeoutPhase::Operation`] when the time left of the
    /// operation is shorter than the attempt deadline.
    pub phase: TimeoutPhase,
}

/// The headers that change per attempt.
pub(crate) struct AttemptHeaders<'a> {
    /// `X-Amz-Target`: the operation.
    pub target: &'static str,
    pub invocation_id: &'a str,
    pub attempt: u32,
    pub max_attempts: u32,
}

#[derive(Debug)]
pub(crate) struct Transport {
    agent: Agent,
    /// Kept to build the same agent, with an empty pool, in a forked child.
    agent_config: ureq::config::Config,
    user_agent: String,
}

impl Transport {
    /// `endpoint`: the URL requests go to, which picks the proxy (`None`: an AWS endpoint
    /// known only per call, always `https://`).
    pub fn new(config: &ResolvedConfig, endpoint: Option<&ureq::http::Uri>) -> Result<Self, Error> {
        let proxy = config
            .proxy
            .for_endpoint(endpoint, config.allow_insecure_http.value)?;
        let plain_http = endpoint.is_some_and(|uri| uri.scheme_str() == Some("http"));
        let root_certs = match &config.ca_bundle {
            Some(bundle) => {
                log::debug!(
                    target: "cognito_attr_code",
                    "TLS roots: the CA bundle {} ({})",
                    bundle.value.display(),
                    bundle.source
                );
                load_ca_bundle(bundle)?
            }
            // No TLS to verify: the system's store is not read.
            None if plain_http => RootCerts::PlatformVerifier,
            None => crate::transport::trust_roots::default_roots(),
        };
        if !config.verify_tls.value {
            log::warn!(
                target: "cognito_attr_code",
                "TLS certificate verification is disabled ({}): the access token can be intercepted",
                config.verify_tls.source
            );
        }
        let tls = TlsConfig::builder()
            .root_certs(root_certs)
            .disable_verification(!config.verify_tls.value)
            .build();
        let connect = config.connect_timeout.value;
        let read = config.read_timeout.value;
        let agent_config = Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .tls_config(tls)
            .proxy(proxy)
            .timeout_resolve(connect)
            .timeout_connect(connect)
            .timeout_per_read(read)
            .timeout_per_write(read)
            .max_idle_age(POOL_IDLE_TIMEOUT)
            .max_idle_connections(MAX_IDLE_CONNECTIONS)
            .max_idle_connections_per_host(MAX_IDLE_CONNECTIONS)
            .user_agent(AutoHeaderValue::None)
            .accept(AutoHeaderValue::None)
            .build();
        let user_agent = format!(
            "cognito-attr-code/{} {} os/{}",
            env!("CARGO_PKG_VERSION"),
            config.user_agent_suffix,
            std::env::consts::OS
        );
        Ok(Self::with_agent_config(agent_config, user_agent))
    }

    fn with_agent_config(agent_config: ureq::config::Config, user_agent: String) -> Self {
        // ureq's default chain (CONNECT proxy, TCP, rustls) with a leaner TCP transport, and a
        // resolver that starts no thread for IP literals or recently resolved names.
        let connector =
            ().chain(ConnectProxyConnector::default())
                .chain(TcpConnector)
                .chain(RustlsConnector::default())
                .chain(ObservingConnector);
        let agent = Agent::with_parts(agent_config.clone(), connector, CachingResolver::default());
        Self {
            agent,
            agent_config,
            user_agent,
        }
    }

    /// The same transport for a forked child: a new agent (empty pool, resolver cache and TLS
    /// session cache) with the same settings. Nothing of `self` is used but its settings.
    pub fn for_new_process(&self) -> Self {
        Self::with_agent_config(self.agent_config.clone(), self.user_agent.clone())
    }

    pub fn user_agent(&self) -> &str {
        &self.user_agent
    }

    /// One HTTP exchange, within `deadline`; on a new connection when `fresh_connection`.
    /// Everything received is scrubbed of `secrets` before anything reads it.
    pub fn send(
        &self,
        url: &str,
        body: &[u8],
        headers: &AttemptHeaders<'_>,
        secrets: &Secrets,
        deadline: AttemptDeadline,
        fresh_connection: bool,
    ) -> Result<RawResponse, FailedAttempt> {
        let started = Instant::now();
        connection_reuse::begin_attempt();
        let mut request = self.agent.post(url);
        if deadline.remaining.is_some() || fresh_connection {
            let max_idle_age = if fresh_connection {
                Duration::ZERO
            } else {
                POOL_IDLE_TIMEOUT
            };
            request = request
                .config()
                .timeout_global(deadline.remaining)
                .max_idle_age(max_idle_age)
                .build();
        }
        let result = request
            .header("content-type", CONTENT_TYPE)
            .header("x-amz-target", headers.target)
            .header("user-agent", &self.user_agent)
            .header("amz-sdk-invocation-id", headers.invocation_id)
            .header(
                "amz-sdk-request",
                format!("attempt={}; max={}", headers.attempt, headers.max_attempts),
            )
            .send(body);
        let mut response = match result {
            Ok(response) => response,
            Err(err) => {
                let mut failure = failed_attempt(err, None, deadline, url);
                failure.error = secrets.scrub_error(failure.error);
                log::debug!(
                    target: "cognito_attr_code",
                    "POST {url} attempt {}/{} (invocation {}) failed after {} ms: {}",
                    headers.attempt, headers.max_attempts, headers.invocation_id, started.elapsed().as_millis(), failure.error
                );
                return Err(failure);
            }
        };
        let status = response.status().as_u16();
        let response_headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_owned(),
                    String::from_utf8_lossy(value.as_bytes()).into_owned(),
                )
            })
            .collect();
        let read = response
            .body_mut()
            .with_config()
            .limit(MAX_RESPONSE_BODY)
            .read_to_vec();
        let mut raw = RawResponse {
            status,
            headers: response_headers,
            body: Vec::new(),
        };
        match read {
            Ok(body) => raw.body = body,
            Err(err) => {
                let mut failure = failed_attempt(err, Some(&raw), deadline, url);
                failure.error = secrets.scrub_error(failure.error);
                log::debug!(
                    target: "cognito_attr_code",
                    "POST {url} attempt {}/{} -> {status}, body unreadable after {} ms: {}",
                    headers.attempt, headers.max_attempts, started.elapsed().as_millis(), failure.error
                );
                return Err(failure);
            }
        }
        secrets.scrub_response(&mut raw);
        log::debug!(
            target: "cognito_attr_code",
            "POST {url} attempt {}/{} (invocation {}) -> {status} request_id={} in {} ms",
            headers.attempt,
            headers.max_attempts,
            headers.invocation_id,
            raw.request_id().as_deref().unwrap_or("-"),
            started.elapsed().as_millis()
        );
        Ok(raw)
    }
}

fn load_ca_bundle(bundle: &Sourced<std::path::PathBuf>) -> Result<RootCerts, Error> {
    let suffix = format!(" ({})", bundle.source);
    let invalid = |why: String| Error::setting_with(SettingId::CaBundle, &suffix, why);
    let path: &Path = &bundle.value;
    let pem = crate::config::local_file::read_capped(
        path,
        crate::config::local_file::CA_BUNDLE_MAX,
        "CA bundle",
    )
    .map_err(|e| invalid(e.to_string()))?;
    let mut certs: Vec<Certificate<'static>> = Vec::new();
    for item in ureq::tls::parse_pem(&pem) {
        match item {
            Ok(PemItem::Certificate(cert)) => certs.push(cert),
            Ok(_) => {}
            Err(e) => {
                return Err(invalid(format!(
                    "{} is not a valid PEM file: {e}",
                    path.display()
                )))
            }
        }
    }
    if certs.is_empty() {
        return Err(invalid(format!(
            "{} contains no PEM certificate",
            path.display()
        )));
    }
    Ok(RootCerts::Specific(Arc::new(certs)))
}

fn failed_attempt(
    err: ureq::Error,
    response: Option<&RawResponse>,
    deadline: AttemptDeadline,
    url: &str,
) -> FailedAttempt {
    let (kind, message, not_sent) = classify(err, deadline, &host_and_port(url));
    let connection = connection_reuse::current();
    let stale_connection = kind == ErrorKind::Network
        && response.is_none()
        && connection.reused()
        && !connection.response_started;
    let mut error = Error::new(kind, message);
    if let Some(response) = response {
        error = error.with_response(response.status, response.request_id());
    }
    FailedAttempt {
        error,
        retry_after: None,
        not_sent,
        stale_connection,
    }
}

/// `host:port` of `url` (the scheme's default port when it names none), for messages about
/// connecting to it.
fn host_and_port(url: &str) -> String {
    let Ok(uri) = url.parse::<ureq::http::Uri>() else {
        return url.to_owned();
    };
    let host = uri.host().unwrap_or_default();
    let port = uri.port_u16().unwrap_or(match uri.scheme_str() {
        Some("http") => 80,
        _ => 443,
    });
    format!("{host}:{port}")
}

/// `to`: the endpoint's `host:port`, named in DNS and connection failures.
fn classify(err: ureq::Error, deadline: AttemptDeadline, to: &str) -> (ErrorKind, String, bool) {
    use ureq::Timeout as T;
    match err {
        ureq::Error::Timeout(T::Global) => {
            let limit = deadline.remaining.unwrap_or_default().as_millis();
            let message = match deadline.phase {
                TimeoutPhase::Operation => format!("operation timeout: the operation deadline expired during an attempt ({limit} ms left)"),
                _ => format!("attempt timeout: no complete response within the attempt deadline ({limit} ms)"),
            };
            (ErrorKind::Timeout(deadline.phase), message, false)
        }
        ureq::Error::Timeout(T::Resolve | T::Connect) => (
            ErrorKind::Timeout(TimeoutPhase::Connect),
            format!("connect timeout: no connection to {to} within the configured connect timeout"),
            true,
        ),
        ureq::Error::Timeout(phase) => (
            ErrorKind::Timeout(TimeoutPhase::Read),
            format!("read timeout ({phase}): the server did not answer within the configured read timeout"),
            false,
        ),
        ureq::Error::HostNotFound => (ErrorKind::Network, format!("could not resolve the host name of {to}"), true),
        ureq::Error::ConnectionFailed => (ErrorKind::Network, format!("could not connect to {to}"), true),
        ureq::Error::Io(io) => classify_io(io, to),
        ureq::Error::Tls(what) => (ErrorKind::Tls, format!("TLS failure: {what}"), true),
        ureq::Error::Rustls(e) => (ErrorKind::Tls, format!("TLS failure: {e}"), true),
        ureq::Error::Pem(e) => (ErrorKind::Tls, format!("TLS failure: {e}"), true),
        ureq::Error::BodyExceedsLimit(limit) => (
            ErrorKind::Protocol,
            format!("the response body is larger than {limit} bytes"),
            false,
        ),
        ureq::Error::Protocol(e) => (ErrorKind::Protocol, format!("malformed HTTP response: {e}"), false),
        ureq::Error::LargeResponseHeader(size, limit) => (
            ErrorKind::Protocol,
            format!("the response header is larger than {limit} bytes (at least {size})"),
            false,
        ),
        ureq::Error::BadUri(e) => (ErrorKind::Configuration { setting: Some(SettingId::EndpointUrl) }, e, true),
        other => (ErrorKind::Network, format!("HTTP failure: {other}"), false),
    }
}

fn classify_io(io: io::Error, to: &str) -> (ErrorKind, String, bool) {
    if let Some(tls) = io
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<rustls::Error>())
    {
        return (ErrorKind::Tls, format!("TLS failure: {tls}"), true);
    }
    use io::ErrorKind as K;
    match io.kind() {
        K::ConnectionRefused | K::AddrNotAvailable | K::NetworkUnreachable | K::HostUnreachable => {
            (
                ErrorKind::Network,
                format!("could not connect to {to}: {io}"),
                true,
            )
        }
        K::TimedOut | K::WouldBlock => (
            ErrorKind::Timeout(TimeoutPhase::Read),
            format!("read timeout: {io}"),
            false,
        ),
        K::UnexpectedEof => (
            ErrorKind::Network,
            "the server closed the connection before the response was complete".into(),
            false,
        ),
        // The resolver's failures arrive as `Other`/`Uncategorized` I/O errors.
        _ if is_lookup_failure(&io) => (
            ErrorKind::Network,
            format!("could not resolve the host name of {to}: {io}"),
            true,
        ),
        _ => (
            ErrorKind::Network,
            format!("connection failure with {to}: {io}"),
            false,
        ),
    }
}

/// The standard library's resolver reports "failed to lookup address information: ..." without
/// an error kind of its own; on Windows, Winsock's codes WSAHOST_NOT_FOUND, WSATRY_AGAIN,
/// WSANO_RECOVERY and WSANO_DATA (11001 to 11004).
fn is_lookup_failure(io: &io::Error) -> bool {
    io.to_string().contains("lookup address")
        || (cfg!(windows) && matches!(io.raw_os_error(), Some(11001..=11004)))
}
