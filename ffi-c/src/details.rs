//! `cognito_code_delivery_details`: where the code was sent, owned by the caller once written.

use std::ffi::c_char;

use crate::c_string::{free_c_string, optional_c_string};

/// Where Cognito sent the code. Written only on success. Each field is NULL when the service
/// omitted it (cognito-local, for one, omits them all). Release with
/// `cognito_code_delivery_details_free`.
#[allow(non_camel_case_types)]
#[repr(C)]
pub struct cognito_code_delivery_details {
    /// Masked destination, e.g. `"a***@e***.com"`.
    pub destination: *mut c_char,
    /// `"EMAIL"`, `"SMS"`, or any other value the service sent.
    pub delivery_medium: *mut c_char,
    /// The attribute the code verifies, e.g. `"email"`.
    pub attribute_name: *mut c_char,
}

/// Destination, delivery medium and attribute name, each absent when the service omitted it.
pub(crate) fn delivery_fields(
    details: Option<&cognito_core::CodeDeliveryDetails>,
) -> [Option<&str>; 3] {
    let Some(d) = details else {
        return [None; 3];
    };
    [
        d.destination.as_deref(),
        d.delivery_medium.as_ref().map(|m| m.as_str()),
        d.attribute_name.as_deref(),
    ]
}

impl cognito_code_delivery_details {
    pub(crate) fn from_core(details: Option<&cognito_core::CodeDeliveryDetails>) -> Self {
        let [destination, delivery_medium, attribute_name] = delivery_fields(details);
        Self {
            destination: optional_c_string(destination),
            delivery_medium: optional_c_string(delivery_medium),
            attribute_name: optional_c_string(attribute_name),
        }
    }
}

/// Frees the strings of details written by this library and zeroes the struct, so a second call
/// is harmless. NULL is fine.
///
/// # Safety
/// `details` is NULL, zeroed, or was written by this library and not modified since.
#[no_mangle]
pub unsafe extern "C" fn cognito_code_delivery_details_free(
    details: *mut cognito_code_delivery_details,
) {
    crate::no_unwind::quietly(|| {
        let Some(details) = details.as_mut() else {
            return;
        };
        free_c_string(&mut details.destination);
        free_c_string(&mut details.delivery_medium);
        free_c_string(&mut details.attribute_name);
    });
}
