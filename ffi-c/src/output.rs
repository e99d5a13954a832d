//! `cognito_output`: the result of a successful call as an opaque object with getters, so that
//! new fields (request id, attempts, ...) never change the ABI. Built from any operation's
//! output: its string members by path and its metadata.

use std::ffi::{c_char, CString};

use cognito_core::{Member, OperationOutput};

use crate::c_string::c_string;

/// The result of a successful `cognito_client_get_attr_code_output`. Opaque: read it with the
/// `cognito_output_*` getters, free it with `cognito_output_free`. Strings the getters return
/// are borrowed from the output and valid until it is freed. Safe to read from several threads.
#[allow(non_camel_case_types)]
pub struct cognito_output {
    /// Every string member, by its path in the service model (`CodeDeliveryDetails.Destination`).
    texts: Vec<(String, CString)>,
    request_id: Option<CString>,
    http_status: u16,
    attempts: u32,
}

impl cognito_output {
    pub(crate) fn from_core(output: &impl OperationOutput) -> Self {
        let mut texts = Vec::new();
        collect_texts("", output.members(), &mut texts);
        let metadata = output.metadata();
        Self {
            texts,
            request_id: metadata.request_id.as_deref().map(c_string),
            http_status: metadata.http_status,
            attempts: metadata.attempts,
        }
    }

    /// The string member at `path`, or NULL.
    fn text(&self, path: &str) -> *const c_char {
        self.texts
            .iter()
            .find(|(at, _)| at == path)
            .map_or(std::ptr::null(), |(_, text)| text.as_ptr())
    }
}

fn collect_texts(prefix: &str, members: Vec<(&str, Member<'_>)>, out: &mut Vec<(String, CString)>) {
    for (name, member) in members {
        let path = if prefix.is_empty() {
            name.to_owned()
        } else {
            format!("{prefix}.{name}")
        };
        match member {
            Member::Text(text) => out.push((path, c_string(text))),
            Member::Structure(inner) => collect_texts(&path, inner, out),
        }
    }
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
    read(output, std::ptr::null(), |o| {
        o.text("CodeDeliveryDetails.Destination")
    })
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
    read(output, std::ptr::null(), |o| {
        o.text("CodeDeliveryDetails.DeliveryMedium")
    })
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
    read(output, std::ptr::null(), |o| {
        o.text("CodeDeliveryDetails.AttributeName")
    })
}

/// The service's request id (`x-amzn-RequestId`), or NULL when the response had none. Borrowed,
/// as `cognito_output_destination`.
///
/// # Safety
/// `output` is NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn cognito_output_request_id(output: *const cognito_output) -> *const c_char {
    read(output, std::ptr::null(), |o| {
        o.request_id
            .as_ref()
            .map_or(std::ptr::null(), |id| id.as_ptr())
    })
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
