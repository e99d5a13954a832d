//! `cognito_output`: the result of a successful call as an opaque object with getters, so that
//! new fields (request id, attempts, ...) never change the ABI.

use std::ffi::{c_char, CString};

use crate::c_string::c_string;
use crate::details::delivery_fields;

/// The result of a successful `cognito_client_get_attr_code_output`. Opaque: read it with the
/// `cognito_output_*` getters, free it with `cognito_output_free`. Strings the getters return
/// are borrowed from the output and valid until it is freed. Safe to read from several threads.
#[allow(non_camel_case_types)]
pub struct cognito_output {
    destination: Option<CString>,
    delivery_medium: Option<CString>,
    attribute_name: Option<CString>,
    request_id: Option<CString>,
    http_status: u16,
    attempts: u32,
}

fn owned(text: Option<&str>) -> Option<CString> {
    text.map(c_string)
}

impl cognito_output {
    pub(crate) fn from_core(output: &cognito_core::GetAttrCodeOutput) -> Self {
        let [destination, delivery_medium, attribute_name] =
            delivery_fields(output.code_delivery_details.as_ref());
        Self {
            destination: owned(destination),
            delivery_medium: owned(delivery_medium),
            attribute_name: owned(attribute_name),
            request_id: owned(output.request_id.as_deref()),
            http_status: output.http_status,
            attempts: output.attempts,
        }
    }
}

fn borrowed(text: &Option<CString>) -> *const c_char {
    text.as_ref().map_or(std::ptr::null(), |t| t.as_ptr())
}

/// Reads `output` (NULL gives `fallback`) inside a panic boundary.
unsafe fn read<T: Copy>(
    output: *const cognito_output,
    fallback: T,
    field: impl FnOnce(&cognito_output) -> T,
) -> T {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        output.as_ref().map_or(fallback, field)
    }))
    .unwrap_or(fallback)
}

/// The masked destination, e.g. `"a***@e***.com"`, or NULL when the service did not say (or
/// `output` is NULL). Borrowed: valid until `cognito_output_free(output)`.
///
/// # Safety
/// `output` is NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn cognito_output_destination(
    output: *const cognito_output,
) -> *const c_char {
    read(output, std::ptr::null(), |o| borrowed(&o.destination))
}

/// `"EMAIL"`, `"SMS"` or any other value the service sent, or NULL. Borrowed, as
/// `cognito_output_destination`.
///
/// # Safety
/// `output` is NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn cognito_output_delivery_medium(
    output: *const cognito_output,
) -> *const c_char {
    read(output, std::ptr::null(), |o| borrowed(&o.delivery_medium))
}

/// The attribute the code verifies, e.g. `"email"`, or NULL. Borrowed, as
/// `cognito_output_destination`.
///
/// # Safety
/// `output` is NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn cognito_output_attribute_name(
    output: *const cognito_output,
) -> *const c_char {
    read(output, std::ptr::null(), |o| borrowed(&o.attribute_name))
}

/// The service's request id (`x-amzn-RequestId`), or NULL when the response had none. Borrowed,
/// as `cognito_output_destination`.
///
/// # Safety
/// `output` is NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn cognito_output_request_id(output: *const cognito_output) -> *const c_char {
    read(output, std::ptr::null(), |o| borrowed(&o.request_id))
}

/// The HTTP status of the response (2xx), or 0 for a NULL `output`.
///
/// # Safety
/// `output` is NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn cognito_output_http_status(output: *const cognito_output) -> u16 {
    read(output, 0, |o| o.http_status)
}

/// HTTP attempts made (1 when the first succeeded), or 0 for a NULL `output`.
///
/// # Safety
/// `output` is NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn cognito_output_attempts(output: *const cognito_output) -> u32 {
    read(output, 0, |o| o.attempts)
}

/// Frees an output and every string its getters returned. NULL is fine.
///
/// # Safety
/// `output` is NULL or came from this library and was not freed.
#[no_mangle]
pub unsafe extern "C" fn cognito_output_free(output: *mut cognito_output) {
    if !output.is_null() {
        crate::no_unwind::quietly(|| drop(Box::from_raw(output)));
    }
}
