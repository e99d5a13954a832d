//! Node.js binding of `cognito-attr-code`, built with napi-rs.
//!
//! The native layer never throws for failures of the call itself: it returns an [`Outcome`]
//! (output or structured error), and the hand-written `index.js` turns errors into the right
//! JavaScript `Error` classes. That keeps async rejections and sync throws identical.

// `task` comes first: napi-derive learns the task's resolved type when it expands the
// `impl Task`, and only methods expanded after that get `Promise<Outcome>` in the typings.
mod task;

mod client;
mod outcome;
mod request;
mod settings;

pub use client::NativeClient;
pub use outcome::{NativeCodeDeliveryDetails, NativeError, NativeOutput, Outcome};
pub use request::{NativeRequest, NativeVerifyRequest};
pub use settings::NativeSettings;
pub use task::{GetAttrCodeTask, VerifyAttrTask};

use napi::bindgen_prelude::AsyncTask;
use napi_derive::napi;
use task::Sender;

/// The version of the native library.
#[napi]
pub const VERSION: &str = cognito_attr_code::VERSION;

/// One call with the process-wide client of `settings` (found or built on the libuv pool, like
/// the call itself).
#[napi]
pub fn get_attr_code(
    request: NativeRequest,
    settings: Option<NativeSettings>,
) -> AsyncTask<GetAttrCodeTask> {
    let sender = Sender::OneShot(settings.unwrap_or_default().into_core());
    AsyncTask::new(GetAttrCodeTask::new(sender, request.into_core()))
}

/// One blocking call with the process-wide client of `settings`.
#[napi]
pub fn get_attr_code_sync(request: NativeRequest, settings: Option<NativeSettings>) -> Outcome {
    Sender::OneShot(settings.unwrap_or_default().into_core()).send(&request.into_core())
}

/// One `VerifyUserAttribute` call with a client built from `settings` (on the libuv pool).
#[napi]
pub fn verify_attr(
    request: NativeVerifyRequest,
    settings: Option<NativeSettings>,
) -> AsyncTask<VerifyAttrTask> {
    let sender = Sender::OneShot(settings.unwrap_or_default().into_core());
    AsyncTask::new(VerifyAttrTask::new(sender, request.into_core()))
}

/// One blocking `VerifyUserAttribute` call with a client built from `settings`.
#[napi]
pub fn verify_attr_sync(request: NativeVerifyRequest, settings: Option<NativeSettings>) -> Outcome {
    Sender::OneShot(settings.unwrap_or_default().into_core()).send_verify(&request.into_core())
}

/// Every modeled service error code, in the order of core's one error table (the JavaScript
/// lists are tested against it).
#[napi]
pub fn service_error_codes() -> Vec<&'static str> {
    cognito_attr_code::ServiceErrorCode::ALL
        .iter()
        .map(|code| code.as_str())
        .collect()
}
