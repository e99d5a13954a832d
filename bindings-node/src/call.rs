//! An async call: the promise handed to JavaScript, and the blocking exchange on one of the
//! addon's I/O threads (`io_threads`), never on libuv's pool. The promise settles through napi's
//! deferred (a threadsafe function), which keeps the event loop alive only while the call is
//! pending: once the last call settles, nothing of ours holds the process.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use cognito_attr_code::{Cancellation, Client, ResolvedConfig, Settings, MAX_SHARED_CLIENTS};
use napi::bindgen_prelude::Object;
use napi::{Env, JsDeferred, Result};
use napi_derive::napi;

use crate::call_queue::{CallQueue, DEFAULT_MAX_CONCURRENT_CALLS};
use crate::io_threads;
use crate::outcome::{NativeError, Outcome};
use crate::request::Request;

/// Who sends a blocking (`...Sync`) request: the caller's client, or the one-shot client of
/// these settings.
pub(crate) enum Sender {
    Shared(Client),
    OneShot(std::result::Result<Box<Settings>, Box<NativeError>>),
}

impl Sender {
    /// The one-shot sender of `settings` (or of the error that refused them).
    pub(crate) fn one_shot(settings: std::result::Result<Settings, Box<NativeError>>) -> Self {
        Sender::OneShot(settings.map(Box::new))
    }

    /// Sends `request`, blocking; every failure becomes an `Outcome`.
    pub(crate) fn send(&self, request: &Request) -> Outcome {
        match self {
            Sender::Shared(client) => request.send(client, None),
            Sender::OneShot(Ok(settings)) => match one_shot_client(settings) {
                Ok(client) => request.send(&client, None),
                Err(error) => NativeError::from(&error).into(),
            },
            Sender::OneShot(Err(error)) => NativeError::clone(error).into(),
        }
    }
}

/// The client of every one-shot function: the process-wide one for `settings` (one per resolved
/// configuration, a few at most), so that consecutive one-shot calls reuse its connections.
pub(crate) fn one_shot_client(settings: &Settings) -> cognito_attr_code::Result<Client> {
    cognito_attr_code::shared_client(settings)
}

/// A cancellation flag for async calls, set by the JavaScript wrapper when the caller's
/// `AbortSignal` aborts: the call starts no further attempt and ends its back-off (a call still
/// waiting for its turn starts none at all).
#[napi]
#[derive(Default)]
pub struct NativeCancellation {
    inner: Cancellation,
}

#[napi]
impl NativeCancellation {
    #[napi(constructor)]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the flag (idempotent).
    #[napi]
    pub fn cancel(&self) {
        self.inner.cancel();
    }
}

type Resolver = Box<dyn FnOnce(Env) -> Result<Outcome> + Send>;

/// Async calls whose native work has not ended, in every worker thread of the process (an
/// aborted call's promise has rejected, but its native work may still be running).
static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);

/// The async calls of the process whose native work has not ended yet.
pub(crate) fn in_flight() -> usize {
    IN_FLIGHT.load(Ordering::SeqCst)
}

/// The promise of a call, settled from any thread. Dropped unsettled (a panic in the call, or
/// no I/O thread could be started), it rejects rather than leaving the caller, and the event
/// loop, waiting forever.
struct PendingPromise(Option<JsDeferred<Outcome, Resolver>>);

impl PendingPromise {
    fn new(deferred: JsDeferred<Outcome, Resolver>) -> Self {
        IN_FLIGHT.fetch_add(1, Ordering::SeqCst);
        Self(Some(deferred))
    }

    fn settle(mut self, outcome: Outcome) {
        if let Some(deferred) = self.0.take() {
            IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
            deferred.resolve(Box::new(move |_| Ok(outcome)));
        }
    }
}

impl Drop for PendingPromise {
    fn drop(&mut self) {
        if let Some(deferred) = self.0.take() {
            IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
            deferred.reject(napi::Error::from_reason(
                "cognito-attr-code: the call ended without an outcome (an internal error, or no \
                 thread could be started for it)",
            ));
        }
    }
}

/// One async call of either operation, not yet sent.
struct Call {
    request: Request,
    cancellation: Option<Cancellation>,
    promise: PendingPromise,
}

impl Call {
    fn new<'env>(
        env: &'env Env,
        request: Request,
        cancellation: Option<&NativeCancellation>,
    ) -> Result<(Self, Object<'env>)> {
        let (deferred, promise) = env.create_deferred::<Outcome, Resolver>()?;
        let call = Self {
            request,
            cancellation: cancellation.map(|c| c.inner.clone()),
            promise: PendingPromise::new(deferred),
        };
        Ok((call, promise))
    }

    /// Sends the request, blocking this (I/O) thread, and settles the promise.
    fn send(self, client: &Client) {
        let outcome = self.request.send(client, self.cancellation.as_ref());
        self.promise.settle(outcome);
    }

    fn refuse(self, error: NativeError) {
        self.promise.settle(error.into());
    }
}

/// A call with the caller's client, bounded by its queue; returns its promise.
pub(crate) fn start<'env>(
    env: &'env Env,
    client: &std::result::Result<(Client, Arc<CallQueue>), Box<NativeError>>,
    request: Request,
    cancellation: Option<&NativeCancellation>,
) -> Result<Object<'env>> {
    let (call, promise) = Call::new(env, request, cancellation)?;
    match client {
        Ok((client, queue)) => {
            let client = client.clone();
            queue.submit(Box::new(move || call.send(&client)));
        }
        Err(error) => call.refuse(NativeError::clone(error)),
    }
    Ok(promise)
}

/// A call with the process-wide client of `settings`, bounded by that client's queue; returns
/// its promise. Finding (or building) the client reads the environment and maybe files, so it
/// runs on an I/O thread too, before the call takes its turn.
pub(crate) fn start_one_shot<'env>(
    env: &'env Env,
    settings: std::result::Result<Settings, Box<NativeError>>,
    request: Request,
    cancellation: Option<&NativeCancellation>,
) -> Result<Object<'env>> {
    let (call, promise) = Call::new(env, request, cancellation)?;
    match settings {
        Ok(settings) => {
            io_threads::run(Box::new(move || match one_shot_client(&settings) {
                Ok(client) => one_shot_queue(client.config())
                    .submit_here(Box::new(move || call.send(&client))),
                Err(error) => call.refuse(NativeError::from(&error)),
            }));
        }
        Err(error) => call.refuse(*error),
    }
    Ok(promise)
}

/// The queues of the process-wide clients, by their resolved configuration (as core keys the
/// clients): the one-shot functions of every worker thread share one bound per client.
static ONE_SHOT_QUEUES: Mutex<Vec<(ResolvedConfig, Arc<CallQueue>)>> = Mutex::new(Vec::new());

fn one_shot_queue(config: &ResolvedConfig) -> Arc<CallQueue> {
    let mut queues = ONE_SHOT_QUEUES
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    if let Some((_, queue)) = queues.iter().find(|(kept, _)| kept == config) {
        return Arc::clone(queue);
    }
    // Core keeps this many clients; forget the queues nobody is using beyond that (a queue in
    // use is held by its running calls).
    if queues.len() >= MAX_SHARED_CLIENTS {
        queues.retain(|(_, queue)| Arc::strong_count(queue) > 1);
    }
    let queue = CallQueue::new(DEFAULT_MAX_CONCURRENT_CALLS);
    queues.push((config.clone(), Arc::clone(&queue)));
    queue
}
