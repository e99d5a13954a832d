//! The one body behind every call export: the client (or the one-shot client), the request,
//! the output pointer, in that order of checks; then the call through the core's generic
//! `Client::call`, and the output written only on success.

use cognito_core::Operation;

use crate::boundary::guard;
use crate::error::{report, ArgumentError};
use crate::{cognito_client, cognito_error, cognito_status};

/// Who sends the request.
pub(crate) enum Sender {
    /// The caller's client (NULL is reported as the `client` argument).
    Client(*const cognito_client),
    /// The process-wide client of the environment's configuration.
    OneShot,
}

/// Where a successful call's output goes: the out-parameter's name when the caller passed NULL
/// for it, and what writes the output.
pub(crate) struct Output<T> {
    null: Option<&'static str>,
    write: Box<dyn FnOnce(T)>,
}

impl<T: 'static> Output<T> {
    /// An export without an out-parameter for the output.
    pub(crate) fn none() -> Self {
        Self {
            null: None,
            write: Box::new(drop),
        }
    }

    /// An out-parameter `name` at `pointer`, written by `write` on success.
    pub(crate) fn to<P: 'static>(
        name: &'static str,
        pointer: *mut P,
        write: impl FnOnce(*mut P, T) + 'static,
    ) -> Self {
        Self {
            null: pointer.is_null().then_some(name),
            write: Box::new(move |output| write(pointer, output)),
        }
    }
}

/// Checks the sender, then the arguments (`request`), then the output pointer; sends; writes
/// the output or reports the error in `error_out` (NULL is fine).
///
/// # Safety
/// The sender's client is NULL or valid; `error_out` is NULL or valid for writes.
pub(crate) unsafe fn guarded_call<O: Operation>(
    sender: Sender,
    request: impl FnOnce() -> Result<O, ArgumentError>,
    output: Output<O::Output>,
    error_out: *mut cognito_error,
) -> cognito_status {
    guard(error_out, || {
        let client = match sender {
            Sender::Client(client) => match client.as_ref() {
                Some(client) => Some(&client.client),
                None => return ArgumentError::new("client", "is NULL").report(error_out),
            },
            Sender::OneShot => None,
        };
        let request = match request() {
            Ok(request) => request,
            Err(e) => return e.report(error_out),
        };
        if let Some(name) = output.null {
            return ArgumentError::new(name, "is NULL").report(error_out);
        }
        let result = match client {
            Some(client) => client.call(&request),
            None => one_shot_client().and_then(|client| client.call(&request)),
        };
        match result {
            Ok(out) => {
                (output.write)(out);
                cognito_status::COGNITO_OK
            }
            Err(e) => report(&e, error_out),
        }
    })
}

/// The client of every one-shot C function: the process-wide one for the environment's
/// configuration, so that consecutive one-shot calls reuse its connections.
fn one_shot_client() -> cognito_core::Result<cognito_core::Client> {
    cognito_core::shared_client(&cognito_core::Settings::new().user_agent_suffix("lang/c"))
}
