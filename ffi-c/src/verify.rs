//! `VerifyUserAttribute` from C: submit the code the user received, with a client or one-shot.

use std::ffi::c_char;

use crate::boundary::required_str;
use crate::call::{guarded_call, Output, Sender};
use crate::error::ArgumentError;
use crate::{cognito_client, cognito_error, cognito_status};

/// Submits the verification `code` the user received for `attribute_name` of the user the access
/// token belongs to, with `client`'s settings and connection pool. On success the attribute is
/// verified (`email_verified` / `phone_number_verified` become true) and the status is
/// `COGNITO_OK`; a wrong code gives `COGNITO_CODE_MISMATCH`, an expired one
/// `COGNITO_EXPIRED_CODE` (neither is retried).
///
/// `access_token`, `attribute_name` and `code` are borrowed for the call; the library's copies of
/// the token and the code are zeroized after it and never logged. On failure writes `*error_out`
/// when not NULL (free with `cognito_error_free`); nothing else is written.
///
/// # Safety
/// `client` is NULL or valid; the strings are NULL or NUL-terminated; `error_out` is NULL or
/// valid for writes.
#[no_mangle]
pub unsafe extern "C" fn cognito_client_verify_attr(
    client: *const cognito_client,
    access_token: *const c_char,
    attribute_name: *const c_char,
    code: *const c_char,
    error_out: *mut cognito_error,
) -> cognito_status {
    let request = || request(access_token, attribute_name, code);
    guarded_call(Sender::Client(client), request, Output::none(), error_out)
}

/// The one-shot form of `cognito_client_verify_attr`: a client configured from the environment
/// (`AWS_REGION`, `AWS_ENDPOINT_URL`, `AWS_CA_BUNDLE`, ...) serves this call.
///
/// # Safety
/// As `cognito_client_verify_attr`.
#[no_mangle]
pub unsafe extern "C" fn cognito_verify_attr(
    access_token: *const c_char,
    attribute_name: *const c_char,
    code: *const c_char,
    error_out: *mut cognito_error,
) -> cognito_status {
    let request = || request(access_token, attribute_name, code);
    guarded_call(Sender::OneShot, request, Output::none(), error_out)
}

unsafe fn request(
    access_token: *const c_char,
    attribute_name: *const c_char,
    code: *const c_char,
) -> Result<cognito_core::VerifyAttrRequest, ArgumentError> {
    Ok(cognito_core::VerifyAttrRequest::new(
        required_str(access_token, "access_token")?,
        required_str(attribute_name, "attribute_name")?,
        required_str(code, "code")?,
    ))
}
