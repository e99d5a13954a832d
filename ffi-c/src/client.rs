//! The client's life (`cognito_client_new`/`_free`) and the `GetUserAttributeVerificationCode`
//! exports: with a client, and the one-shot `cognito_get_attr_code`.

use std::collections::BTreeMap;
use std::ffi::c_char;

use crate::boundary::{guard, required_str};
use crate::c_string::to_c_string;
use crate::call::{guarded_call, Output, Sender};
use crate::client_handle::cognito_client;
use crate::error::{report, ArgumentError};
use crate::{
    cognito_code_delivery_details, cognito_config, cognito_error, cognito_output, cognito_status,
};
use cognito_core::GetAttrCodeOutput;

/// One key/value pair of client metadata. Both strings are borrowed for the call.
#[allow(non_camel_case_types)]
#[repr(C)]
pub struct cognito_metadata_entry {
    pub key: *const c_char,
    pub value: *const c_char,
}

/// Creates a client from `config` (NULL: environment and defaults only).
///
/// On success writes a new client to `*client_out` (caller owns it: free with
/// `cognito_client_free`). On failure writes `*error_out` (when not NULL) and leaves
/// `*client_out` untouched. `config` is only read; the caller still owns it.
///
/// # Safety
/// `config` is NULL or valid; `client_out` is valid for writes; `error_out` is NULL or valid
/// for writes.
#[no_mangle]
pub unsafe extern "C" fn cognito_client_new(
    config: *const cognito_config,
    client_out: *mut *mut cognito_client,
    error_out: *mut cognito_error,
) -> cognito_status {
    guard(error_out, || {
        if client_out.is_null() {
            return ArgumentError::new("client_out", "is NULL").report(error_out);
        }
        let settings = match config.as_ref() {
            Some(config) => config.settings.clone(),
            None => cognito_core::Settings::new().user_agent_suffix("lang/c"),
        };
        match cognito_core::Client::new(&settings) {
            Ok(client) => {
                client_out.write(Box::into_raw(Box::new(cognito_client { client })));
                cognito_status::COGNITO_OK
            }
            Err(e) => report(&e, error_out),
        }
    })
}

/// Frees a client. NULL is fine. Do not free a client another thread is still using.
///
/// # Safety
/// `client` is NULL or came from `cognito_client_new` and was not freed.
#[no_mangle]
pub unsafe extern "C" fn cognito_client_free(client: *mut cognito_client) {
    if !client.is_null() {
        crate::no_unwind::quietly(|| drop(Box::from_raw(client)));
    }
}

/// The endpoint URL requests go to, without sending anything.
///
/// On success writes a new string to `*url_out` (caller owns it: free with
/// `cognito_string_free`). When no region is configured the status is `COGNITO_CONFIGURATION`
/// ("Invalid Configuration: Missing Region"); calls may still succeed, with the region read from
/// the access token.
///
/// # Safety
/// `client` is NULL or valid; `url_out` is valid for writes; `error_out` is NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn cognito_client_endpoint_url(
    client: *const cognito_client,
    url_out: *mut *mut c_char,
    error_out: *mut cognito_error,
) -> cognito_status {
    guard(error_out, || {
        let Some(client) = client.as_ref() else {
            return ArgumentError::new("client", "is NULL").report(error_out);
        };
        if url_out.is_null() {
            return ArgumentError::new("url_out", "is NULL").report(error_out);
        }
        match client.client.endpoint_url() {
            Ok(url) => {
                url_out.write(to_c_string(url));
                cognito_status::COGNITO_OK
            }
            Err(e) => report(&e, error_out),
        }
    })
}

/// Frees a string returned by this library. NULL is fine.
///
/// # Safety
/// `string` is NULL or was returned by this library and not freed.
#[no_mangle]
pub unsafe extern "C" fn cognito_string_free(string: *mut c_char) {
    let mut slot = string;
    crate::no_unwind::quietly(move || crate::c_string::free_c_string(&mut slot));
}

/// Asks Cognito to send a verification code for `attribute_name` of the user the access token
/// belongs to, with `client`'s settings and connection pool.
///
/// `access_token`, `attribute_name` and the metadata strings are borrowed for the call
/// (`client_metadata` may be NULL when `client_metadata_len` is 0). On success writes
/// `*details_out` (caller owns it: free with `cognito_code_delivery_details_free`); on failure
/// writes `*error_out` when not NULL (free with `cognito_error_free`). Nothing else is written.
///
/// # Safety
/// Every pointer is NULL or valid as described; strings are NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn cognito_client_get_attr_code(
    client: *const cognito_client,
    access_token: *const c_char,
    attribute_name: *const c_char,
    client_metadata: *const cognito_metadata_entry,
    client_metadata_len: usize,
    details_out: *mut cognito_code_delivery_details,
    error_out: *mut cognito_error,
) -> cognito_status {
    let metadata = (client_metadata, client_metadata_len);
    let request = || request(access_token, attribute_name, metadata);
    let output = Output::to("details_out", details_out, write_details);
    guarded_call(Sender::Client(client), request, output, error_out)
}

/// As `cognito_client_get_attr_code`, but on success writes a new `cognito_output` to
/// `*output_out` (caller owns it: free with `cognito_output_free`), which also carries the
/// request id, HTTP status and number of attempts. On failure writes `*error_out` when not NULL
/// and leaves `*output_out` untouched.
///
/// # Safety
/// As `cognito_client_get_attr_code`; `output_out` is NULL or valid for writes.
#[no_mangle]
pub unsafe extern "C" fn cognito_client_get_attr_code_output(
    client: *const cognito_client,
    access_token: *const c_char,
    attribute_name: *const c_char,
    client_metadata: *const cognito_metadata_entry,
    client_metadata_len: usize,
    output_out: *mut *mut cognito_output,
    error_out: *mut cognito_error,
) -> cognito_status {
    let metadata = (client_metadata, client_metadata_len);
    let request = || request(access_token, attribute_name, metadata);
    let output = Output::to("output_out", output_out, |out, output| {
        out.write(Box::into_raw(Box::new(cognito_output::from_core(&output))));
    });
    guarded_call(Sender::Client(client), request, output, error_out)
}

/// The one-shot form of `cognito_client_get_attr_code`, with a client configured from the
/// environment (`AWS_REGION`, `AWS_ENDPOINT_URL`, `AWS_CA_BUNDLE`, ...). The library keeps that
/// client for the process (one per distinct configuration, a few at most), so consecutive
/// one-shot calls reuse its connections.
///
/// # Safety
/// As `cognito_client_get_attr_code`.
#[no_mangle]
pub unsafe extern "C" fn cognito_get_attr_code(
    access_token: *const c_char,
    attribute_name: *const c_char,
    client_metadata: *const cognito_metadata_entry,
    client_metadata_len: usize,
    details_out: *mut cognito_code_delivery_details,
    error_out: *mut cognito_error,
) -> cognito_status {
    let metadata = (client_metadata, client_metadata_len);
    let request = || request(access_token, attribute_name, metadata);
    let output = Output::to("details_out", details_out, write_details);
    guarded_call(Sender::OneShot, request, output, error_out)
}

fn write_details(out: *mut cognito_code_delivery_details, output: GetAttrCodeOutput) {
    let details = cognito_code_delivery_details::from_core(output.code_delivery_details.as_ref());
    // SAFETY: `call` writes only through a pointer it checked for NULL; the caller promised it
    // is valid for writes.
    unsafe { out.write(details) };
}

/// The request from the C arguments; `metadata`: the entries and their number.
unsafe fn request(
    access_token: *const c_char,
    attribute_name: *const c_char,
    (client_metadata, client_metadata_len): (*const cognito_metadata_entry, usize),
) -> Result<cognito_core::GetAttrCodeRequest, ArgumentError> {
    let token = required_str(access_token, "access_token")?;
    let attribute = required_str(attribute_name, "attribute_name")?;
    let mut request = cognito_core::GetAttrCodeRequest::new(token, attribute);
    if client_metadata_len > 0 {
        if client_metadata.is_null() {
            return Err(ArgumentError::new(
                "client_metadata",
                format!("is NULL but client_metadata_len is {client_metadata_len}"),
            ));
        }
        let entries = std::slice::from_raw_parts(client_metadata, client_metadata_len);
        let mut metadata = BTreeMap::new();
        for entry in entries {
            let key = required_str(entry.key, "client_metadata key")?;
            let value = required_str(entry.value, "client_metadata value")?;
            metadata.insert(key.to_owned(), value.to_owned());
        }
        request = request.client_metadata(metadata);
    }
    Ok(request)
}
