//! Strings handed to C: NUL-terminated, owned by the caller until the matching `_free`.

use std::ffi::{c_char, CString};

/// `text` as a C string. Interior NUL bytes, which a C string cannot hold, become U+FFFD.
pub(crate) fn c_string(text: &str) -> CString {
    let cleaned;
    let text = if text.contains('\0') {
        cleaned = text.replace('\0', "\u{FFFD}");
        cleaned.as_str()
    } else {
        text
    };
    CString::new(text).expect("interior NUL bytes were replaced")
}

/// An owned C string for the caller (free with the matching `_free`), as [`c_string`].
pub(crate) fn to_c_string(text: &str) -> *mut c_char {
    c_string(text).into_raw()
}

/// Frees a string made by [`to_c_string`] and sets the pointer to NULL.
///
/// # Safety
/// `*slot` is NULL or came from [`to_c_string`] and was not freed.
pub(crate) unsafe fn free_c_string(slot: &mut *mut c_char) {
    let ptr = std::mem::replace(slot, std::ptr::null_mut());
    if !ptr.is_null() {
        drop(CString::from_raw(ptr));
    }
}

/// An owned C string for the caller, or NULL for `None`.
pub(crate) fn optional_c_string(text: Option<&str>) -> *mut c_char {
    text.map(to_c_string).unwrap_or(std::ptr::null_mut())
}
