//! The call as an `AsyncTask`: `compute` (the blocking HTTP exchange) runs on the libuv pool,
//! never on the JavaScript thread.

use cognito_attr_code::{Cancellation, Client, GetAttrCodeRequest, Settings};
use napi::{Env, Result, Task};
use napi_derive::napi;

use crate::outcome::{NativeError, Outcome};

/// Who sends the request: a shared client, or one built for this call from its settings.
pub(crate) enum Sender {
    Shared(Client),
    OneShot(std::result::Result<Settings, Box<NativeError>>),
}

impl Sender {
    /// Sends `request`, blocking; every failure becomes an `Outcome`.
    pub(crate) fn send(
        &self,
        request: &GetAttrCodeRequest,
        cancellation: Option<&Cancellation>,
    ) -> Outcome {
        match self {
            Sender::Shared(client) => client
                .get_attr_code_cancellable(request, cancellation)
                .into(),
            Sender::OneShot(Ok(settings)) => Client::new(settings)
                .and_then(|client| client.get_attr_code_cancellable(request, cancellation))
                .into(),
            Sender::OneShot(Err(error)) => NativeError::clone(error).into(),
        }
    }
}

/// One `GetUserAttributeVerificationCode` call.
pub struct GetAttrCodeTask {
    sender: Sender,
    request: GetAttrCodeRequest,
    cancellation: Option<Cancellation>,
}

impl GetAttrCodeTask {
    pub(crate) fn new(
        sender: Sender,
        request: GetAttrCodeRequest,
        cancellation: Option<&NativeCancellation>,
    ) -> Self {
        Self {
            sender,
            request,
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
impl Task for GetAttrCodeTask {
    type Output = Outcome;
    type JsValue = Outcome;

    fn compute(&mut self) -> Result<Outcome> {
        Ok(self.sender.send(&self.request, self.cancellation.as_ref()))
    }

    fn resolve(&mut self, _env: Env, output: Outcome) -> Result<Outcome> {
        Ok(output)
    }
}
