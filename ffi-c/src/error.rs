//! `cognito_error`: the details of a failure, owned by the caller once written.

use std::ffi::c_char;

use crate::c_string::{free_c_string, optional_c_string, to_c_string};
use crate::cognito_status;
use crate::spelling::CSpelling;

/// Details of a failed call. Written only when a function fails and `error_out` is not NULL.
/// The strings are owned by the caller: release them with `cognito_error_free`.
#[allow(non_camel_case_types)]
#[repr(C)]
pub struct cognito_error {
    /// Same value the function returned.
    pub status: cognito_status,
    /// The service's error code (e.g. `"NotAuthorizedException"`), or for local errors one of
    /// `"InvalidArgument"`, `"Configuration"`, `"Network"`, `"Timeout"`, `"Tls"`, `"Protocol"`,
    /// `"Panic"`. Never NULL once written.
    pub code: *mut c_char,
    /// Human-readable message. Never NULL once written (may be empty). Never contains the token.
    pub message: *mut c_char,
    /// The service's request id, or NULL.
    pub request_id: *mut c_char,
    /// HTTP status of the response, or 0 when there was none.
    pub http_status: u16,
    /// Why it happened, as a stable snake_case identifier (e.g. `"per_user_limit"`,
    /// `"token_expired"`, `"id_token_given"`; the README lists them), or NULL when the library
    /// has nothing to say. Added in 0.2.0 (a layout change: recompile).
    pub cause: *mut c_char,
    /// One sentence saying what to do, or NULL exactly when `cause` is NULL. Never contains the
    /// access token or the verification code.
    pub hint: *mut c_char,
}

/// A rejected argument, before it becomes a `cognito_error`.
#[derive(Debug)]
pub(crate) struct ArgumentError {
    message: String,
}

impl ArgumentError {
    pub fn new(argument: &str, why: impl std::fmt::Display) -> Self {
        Self {
            message: format!("{argument}: {why}"),
        }
    }

    /// Writes the error and returns `COGNITO_INVALID_ARGUMENT`.
    ///
    /// # Safety
    /// `error_out` is NULL or valid for writes.
    pub unsafe fn report(self, error_out: *mut cognito_error) -> cognito_status {
        let status = cognito_status::COGNITO_INVALID_ARGUMENT;
        write_error(error_out, status, "InvalidArgument", &self.message, None, 0);
        status
    }
}

/// Writes a core error and returns its status.
///
/// # Safety
/// `error_out` is NULL or valid for writes.
pub(crate) unsafe fn report(
    error: &cognito_core::Error,
    error_out: *mut cognito_error,
) -> cognito_status {
    let status = cognito_status::from_kind(error.kind());
    let message = match error.body_excerpt() {
        Some(excerpt) => format!("{} (body starts: {excerpt})", error.message_in(&CSpelling)),
        None => error.message_in(&CSpelling),
    };
    write_error(
        error_out,
        status,
        error.code(),
        &message,
        error.request_id(),
        error.http_status().unwrap_or(0),
    );
    if let (Some(written), Some(diagnosis)) = (error_out.as_mut(), error.diagnosis()) {
        written.cause = to_c_string(diagnosis.cause().as_str());
        written.hint = to_c_string(diagnosis.hint());
    }
    status
}

/// # Safety
/// `error_out` is NULL or valid for writes. Whatever it held is overwritten, not freed.
pub(crate) unsafe fn write_error(
    error_out: *mut cognito_error,
    status: cognito_status,
    code: &str,
    message: &str,
    request_id: Option<&str>,
    http_status: u16,
) {
    if error_out.is_null() {
        return;
    }
    error_out.write(cognito_error {
        status,
        code: to_c_string(code),
        message: to_c_string(message),
        request_id: optional_c_string(request_id),
        http_status,
        cause: std::ptr::null_mut(),
        hint: std::ptr::null_mut(),
    });
}

/// Frees the strings of an error written by this library and zeroes the struct, so a second call
/// is harmless. NULL is fine.
///
/// # Safety
/// `error` is NULL, zeroed, or was written by this library and not modified since.
#[no_mangle]
pub unsafe extern "C" fn cognito_error_free(error: *mut cognito_error) {
    crate::no_unwind::quietly(|| {
        let Some(error) = error.as_mut() else { return };
        free_c_string(&mut error.code);
        free_c_string(&mut error.message);
        free_c_string(&mut error.request_id);
        free_c_string(&mut error.cause);
        free_c_string(&mut error.hint);
        error.status = cognito_status::COGNITO_OK;
        error.http_status = 0;
    });
}
