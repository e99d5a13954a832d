//! Node.js binding of `cognito-attr-code`, built with napi-rs.
//!
//! The native layer never throws for failures of the call itself: it returns an [`Outcome`]
//! (output or structured error), and the hand-written `index.js` turns errors into the right
//! JavaScript `Error` classes. That keeps async rejections and sync throws identical.

mod call;
mod call_queue;
mod client;
mod fake;
mod io_threads;
mod outcome;
mod request;
mod settings;
mod spelling;

pub use call::NativeCancellation;
pub use client::NativeClient;
pub use fake::{NativeFakeCognito, NativeFakeOptions, StopFake};
pub use outcome::{NativeError, NativeOutput, Outcome};
pub use request::NativeRequest;
pub use settings::{setting_table, NativeSettingSpec, NativeSettings};

use call::Sender;
use napi::bindgen_prelude::Object;
use napi::Env;
use napi_derive::napi;

/// The version of the native library.
#[napi]
pub const VERSION: &str = cognito_attr_code::VERSION;

/// Calls one client runs at once unless its `maxConcurrentCalls` says otherwise; also the bound
/// of each process-wide client of the one-shot functions.
#[napi]
pub const DEFAULT_MAX_CONCURRENT_CALLS: u32 = call_queue::DEFAULT_MAX_CONCURRENT_CALLS;

/// One call of `request.operation` with the process-wide client of `settings` (found or built
/// on the addon's I/O threads, like the call itself, in turn within that client's bound);
/// `cancellation` stops it before its next attempt.
#[napi(ts_return_type = "Promise<Outcome>")]
pub fn call<'env>(
    env: &'env Env,
    request: NativeRequest,
    settings: Option<NativeSettings>,
    cancellation: Option<&NativeCancellation>,
) -> napi::Result<Object<'env>> {
    let settings = settings::into_core(settings);
    call::start_one_shot(env, settings, request.into_core()?, cancellation)
}

/// One blocking call with the process-wide client of `settings`.
#[napi]
pub fn call_sync(
    request: NativeRequest,
    settings: Option<NativeSettings>,
) -> napi::Result<Outcome> {
    let request = request.into_core()?;
    Ok(Sender::one_shot(settings::into_core(settings)).send(&request))
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

/// The addon's I/O threads alive now, busy or idle (they end after a few idle seconds).
#[napi]
pub fn io_thread_count() -> u32 {
    io_threads::threads() as u32
}

/// The async calls of the process whose native work has not ended (an aborted call's included).
#[napi]
pub fn calls_in_flight() -> u32 {
    call::in_flight() as u32
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
