//! The process-wide clients behind the one-shot functions.
//!
//! A one-shot call (`get_attr_code` in Rust, `cognito_get_attr_code` in C, Python's
//! `get_attr_code()`, Node's `getAttrCode(input, settings)`) used to build a client, and so a
//! connection pool, per call: a loop over it opened a connection, over TLS a full handshake,
//! for every call. Instead each one-shot resolves its settings and takes the client already
//! built for that same resolved configuration, so consecutive calls share its pool.
//!
//! Keyed by the whole [`ResolvedConfig`]: a changed environment variable, profile or setting
//! gives another client. At most [`MAX_SHARED_CLIENTS`] are kept; the least recently used one
//! is dropped first (its idle connections close with it, calls still running keep their
//! handle).
//!
//! The list itself is per process: a forked child starts with an empty one and never takes the
//! lock of the list it inherited (a parent thread may have held it at the fork).

use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use crate::client::per_process::PerProcess;
use crate::client::Client;
use crate::config::environment::{Environment, ProcessEnvironment};
use crate::config::resolve::ResolvedConfig;
use crate::config::settings::Settings;
use crate::error::Result;

/// Distinct configurations whose clients are kept.
pub const MAX_SHARED_CLIENTS: usize = 8;

/// Least recently used first.
type Clients = Mutex<Vec<Client>>;

static CLIENTS: OnceLock<PerProcess<Clients>> = OnceLock::new();

/// Runs `with` on this process's list of clients.
fn with_clients<R>(with: impl FnOnce(&mut MutexGuard<'_, Vec<Client>>) -> R) -> R {
    let clients = CLIENTS
        .get_or_init(|| PerProcess::new(Mutex::default()))
        .get(|_| Mutex::default());
    let mut guard = clients.lock().unwrap_or_else(PoisonError::into_inner);
    with(&mut guard)
}

/// The process-wide client for `settings` resolved against the process environment.
pub fn shared_client(settings: &Settings) -> Result<Client> {
    shared_client_with_environment(settings, &ProcessEnvironment)
}

/// As [`shared_client`], with environment variables read from `env`.
pub fn shared_client_with_environment(
    settings: &Settings,
    env: &dyn Environment,
) -> Result<Client> {
    let config = ResolvedConfig::resolve(settings, env)?;
    if let Some(client) = take_recent(&config) {
        return Ok(client);
    }
    // Built outside the lock: reading a CA bundle must not hold up other configurations.
    let client = Client::from_config(config)?;
    with_clients(|clients| {
        if let Some(existing) = clients.iter().find(|c| c.config() == client.config()) {
            // Another thread built the same one meanwhile: keep one pool.
            return Ok(existing.clone());
        }
        if clients.len() == MAX_SHARED_CLIENTS {
            clients.remove(0);
        }
        clients.push(client.clone());
        Ok(client)
    })
}

/// The kept client for `config`, now the most recently used.
fn take_recent(config: &ResolvedConfig) -> Option<Client> {
    with_clients(|clients| {
        let position = clients.iter().position(|c| c.config() == config)?;
        let client = clients.remove(position);
        clients.push(client.clone());
        Some(client)
    })
}
