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
pub use settings::{setting_table, NativeSettingSpec};
pub use task::{CallTask, NativeCancellation};

use std::collections::HashMap;

use napi::bindgen_prelude::{AsyncTask, Either3};
use napi_derive::napi;
use task::Sender;

/// The version of the native library.
#[napi]
pub const VERSION: &str = cognito_attr_code::VERSION;

/// One call with the process-wide client of `settings` (found or built on the libuv pool, like
/// the call itself); `cancellation` stops it before its next attempt.
#[napi]
pub fn get_attr_code(
    request: NativeRequest,
    settings: Option<HashMap<String, Either3<String, f64, bool>>>,
    cancellation: Option<&NativeCancellation>,
) -> AsyncTask<CallTask> {
    let sender = Sender::one_shot(settings::into_core(settings));
    AsyncTask::new(CallTask::new(sender, request.into_core(), cancellation))
}

/// One blocking call with the process-wide client of `settings`.
#[napi]
pub fn get_attr_code_sync(
    request: NativeRequest,
    settings: Option<HashMap<String, Either3<String, f64, bool>>>,
) -> Outcome {
    Sender::one_shot(settings::into_core(settings)).send(&request.into_core(), None)
}

/// One `VerifyUserAttribute` call with the process-wide client of `settings` (on the libuv
/// pool); `cancellation` as for `get_attr_code`.
#[napi]
pub fn verify_attr(
    request: NativeVerifyRequest,
    settings: Option<HashMap<String, Either3<String, f64, bool>>>,
    cancellation: Option<&NativeCancellation>,
) -> AsyncTask<CallTask> {
    let sender = Sender::one_shot(settings::into_core(settings));
    AsyncTask::new(CallTask::new(sender, request.into_core(), cancellation))
}

/// One blocking `VerifyUserAttribute` call with the process-wide client of `settings`.
#[napi]
pub fn verify_attr_sync(
    request: NativeVerifyRequest,
    settings: Option<HashMap<String, Either3<String, f64, bool>>>,
) -> Outcome {
    Sender::one_shot(settings::into_core(settings)).send_verify(&request.into_core(), None)
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

/// Every diagnosis cause (`err.diagnosis.cause`), in the order of core's table (`Cause::ALL`;
/// `index.d.ts`'s `Cause` is tested against it).
#[napi]
pub fn diagnosis_causes() -> Vec<&'static str> {
    cognito_attr_code::Cause::ALL
        .iter()
        .map(|cause| cause.as_str())
        .collect()
}
