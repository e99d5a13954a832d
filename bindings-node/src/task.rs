//! The call as an `AsyncTask`: `compute` (the blocking HTTP exchange) runs on the libuv pool,
//! never on the JavaScript thread.

use cognito_attr_code::{Cancellation, Client, GetAttrCodeRequest, Settings, VerifyAttrRequest};
use napi::{Env, Result, Task};
use napi_derive::napi;

use crate::outcome::{NativeError, NativeOutput, Outcome};

/// Who sends the request: the caller's client, or the one-shot client of these settings.
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
    pub(crate) fn send(
        &self,
        request: &GetAttrCodeRequest,
        cancellation: Option<&Cancellation>,
    ) -> Outcome {
        self.run(|client| client.get_attr_code_cancellable(request, cancellation))
    }

    /// Sends a `VerifyUserAttribute` request, blocking; every failure becomes an `Outcome`.
    pub(crate) fn send_verify(
        &self,
        request: &VerifyAttrRequest,
        cancellation: Option<&Cancellation>,
    ) -> Outcome {
        self.run(|client| client.verify_attr_cancellable(request, cancellation))
    }

    fn run<O: Into<NativeOutput>>(
        &self,
        call: impl FnOnce(&Client) -> cognito_attr_code::Result<O>,
    ) -> Outcome {
        match self {
            Sender::Shared(client) => call(client).into(),
            Sender::OneShot(Ok(settings)) => one_shot_client(settings)
                .and_then(|client| call(&client))
                .into(),
            Sender::OneShot(Err(error)) => NativeError::clone(error).into(),
        }
    }
}

/// The client of every one-shot function: the process-wide one for `settings` (one per resolved
/// configuration, a few at most), so that consecutive one-shot calls reuse its connections.
pub(crate) fn one_shot_client(settings: &Settings) -> cognito_attr_code::Result<Client> {
    cognito_attr_code::shared_client(settings)
}

/// The request of one call on the libuv pool.
pub(crate) enum Request {
    GetAttrCode(GetAttrCodeRequest),
    VerifyAttr(VerifyAttrRequest),
}

impl From<GetAttrCodeRequest> for Request {
    fn from(request: GetAttrCodeRequest) -> Self {
        Request::GetAttrCode(request)
    }
}

impl From<VerifyAttrRequest> for Request {
    fn from(request: VerifyAttrRequest) -> Self {
        Request::VerifyAttr(request)
    }
}

/// One call of either operation.
pub struct CallTask {
    sender: Sender,
    request: Request,
    cancellation: Option<Cancellation>,
}

impl CallTask {
    pub(crate) fn new(
        sender: Sender,
        request: impl Into<Request>,
        cancellation: Option<&NativeCancellation>,
    ) -> Self {
        Self {
            sender,
            request: request.into(),
            cancellation: cancellation.map(|c| c.inner.clone()),
        }
    }
}

/// A cancellation flag for calls on the libuv pool, set by the JavaScript wrapper when the
/// caller's `AbortSignal` aborts: the call starts no further attempt and ends its back-off.
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

#[napi]
impl Task for CallTask {
    type Output = Outcome;
    type JsValue = Outcome;

    fn compute(&mut self) -> Result<Outcome> {
        let cancellation = self.cancellation.as_ref();
        Ok(match &self.request {
            Request::GetAttrCode(request) => self.sender.send(request, cancellation),
            Request::VerifyAttr(request) => self.sender.send_verify(request, cancellation),
        })
    }

    fn resolve(&mut self, _env: Env, output: Outcome) -> Result<Outcome> {
        Ok(output)
    }
}
