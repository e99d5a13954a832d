//! A local fake of Amazon Cognito's `GetUserAttributeVerificationCode` and
//! `VerifyUserAttribute` for tests: the same wire protocol on 127.0.0.1, Cognito's per-user
//! limits and messages, a clock the test moves, codes from a seeded generator, and injected
//! faults (a modeled error, an HTTP status, a delay, a connection reset).
//!
//! Every front end drives it through one entry point, [`FakeCognito::control`] (or the same
//! actions as `POST /_fake/<action>` on its port). See `docs/testing.md`.

mod arguments;
mod clock;
mod control;
mod destination;
mod error;
mod faults;
mod pool;
mod server;
mod service;
mod service_errors;
mod token;
mod window;

use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};

pub use error::{FakeError, FakeErrorKind};
use pool::Pool;
use serde_json::Value;

/// How to start the fake.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// The region the tokens' issuer names (`us-east-1` by default).
    pub region: String,
    /// The user pool id in the issuer; `None` makes one from the region and the seed.
    pub user_pool_id: Option<String>,
    /// The port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// Seeds the codes (and token ids): the same seed and the same calls give the same codes.
    pub seed: u64,
    /// E-mails the pool may send per 24 hours (the default sender's quota is 50); `None`: no quota.
    pub daily_email_quota: Option<u32>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            region: "us-east-1".to_owned(),
            user_pool_id: None,
            port: 0,
            seed: 0,
            daily_email_quota: None,
        }
    }
}

/// What the server thread and the control entry point share.
pub(crate) struct Shared {
    pool: Mutex<Pool>,
    pub(crate) stopping: AtomicBool,
}

impl Shared {
    /// The pool; a panic in another thread leaves it usable (its state is always consistent
    /// between statements that take the lock).
    pub(crate) fn lock(&self) -> MutexGuard<'_, Pool> {
        self.pool
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(crate) fn lock_control(&self, action: &str, args: &Value) -> Result<Value, FakeError> {
        control::run(&mut self.lock(), action, args)
    }
}

/// A running fake: serves until dropped or stopped.
pub struct FakeCognito {
    shared: Arc<Shared>,
    region: String,
    port: u16,
    accept_thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for FakeCognito {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeCognito")
            .field("endpoint_url", &self.endpoint_url())
            .field("region", &self.region)
            .finish_non_exhaustive()
    }
}

impl FakeCognito {
    /// Listens on 127.0.0.1 and serves on a thread of its own.
    pub fn start(options: Options) -> Result<Self, FakeError> {
        if !is_region(&options.region) {
            return Err(FakeError::invalid(
                "region: must be a region name such as us-east-1 (letters, digits and hyphens)",
            ));
        }
        let io_error = |what: &str, error: std::io::Error| FakeError {
            kind: FakeErrorKind::Io,
            message: format!("port: cannot {what} 127.0.0.1:{}: {error}", options.port),
        };
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, options.port))
            .map_err(|error| io_error("listen on", error))?;
        let port = listener
            .local_addr()
            .map_err(|error| io_error("read the address of", error))?
            .port();
        let shared = Arc::new(Shared {
            pool: Mutex::new(Pool::new(&options)),
            stopping: AtomicBool::new(false),
        });
        let thread_shared = Arc::clone(&shared);
        let accept_thread = thread::Builder::new()
            .name("fake-cognito".into())
            .spawn(move || server::accept_loop(&listener, &thread_shared))
            .map_err(|error| io_error("start a thread for", error))?;
        Ok(Self {
            shared,
            region: options.region,
            port,
            accept_thread: Some(accept_thread),
        })
    }

    /// `http://127.0.0.1:PORT`: point a client's endpoint at it.
    pub fn endpoint_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The region the fake's tokens name.
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The user pool id the tokens' issuer names.
    pub fn user_pool_id(&self) -> String {
        self.shared.lock().user_pool_id.clone()
    }

    /// The port it listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Runs a control action (`add_user`, `mint_token`, `revoke_tokens`, `codes`, `last_code`,
    /// `user`, `advance`, `fail_next`, `requests`) with its JSON arguments.
    pub fn control(&self, action: &str, args: &Value) -> Result<Value, FakeError> {
        self.shared.lock_control(action, args)
    }

    /// Stops serving and waits for the server thread (as dropping does).
    pub fn stop(self) {}

    fn shut_down(&mut self) {
        let Some(thread) = self.accept_thread.take() else {
            return;
        };
        self.shared.stopping.store(true, Ordering::SeqCst);
        // Wakes the accept loop, which then sees `stopping`.
        let _ = TcpStream::connect((Ipv4Addr::LOCALHOST, self.port));
        let _ = thread.join();
    }
}

impl Drop for FakeCognito {
    fn drop(&mut self) {
        self.shut_down();
    }
}

/// The region goes into the tokens' issuer URL: lower-case letters, digits and hyphens only.
fn is_region(region: &str) -> bool {
    (1..=63).contains(&region.len())
        && region
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
}
