//! The C boundary: panics never unwind into C, and pointers from C are checked before use.

use std::ffi::{c_char, CStr};

use crate::error::{write_error, ArgumentError};
use crate::no_unwind::quietly;
use crate::{cognito_error, cognito_status};

/// Runs `body`; a panic becomes `COGNITO_PANIC` (with a message in `error_out` when possible).
/// The panic payload is not reported: it could quote caller data.
pub(crate) fn guard(
    error_out: *mut cognito_error,
    body: impl FnOnce() -> cognito_status,
) -> cognito_status {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)) {
        Ok(status) => status,
        Err(_) => {
            quietly(|| {
                // SAFETY: the caller promised error_out is NULL or valid.
                unsafe {
                    write_error(
                        error_out,
                        cognito_status::COGNITO_PANIC,
                        "Panic",
                        "internal error: a bug in cognito-attr-code was caught at the C boundary",
                        None,
                        0,
                    )
                }
            });
            cognito_status::COGNITO_PANIC
        }
    }
}

/// A required C string argument as UTF-8.
///
/// # Safety
/// `ptr` is NULL or points to a NUL-terminated string valid for the call.
pub(crate) unsafe fn required_str<'a>(
    ptr: *const c_char,
    argument: &'static str,
) -> Result<&'a str, ArgumentError> {
    if ptr.is_null() {
        return Err(ArgumentError::new(argument, "is NULL"));
    }
    CStr::from_ptr(ptr).to_str().map_err(|e| {
        ArgumentError::new(
            argument,
            format!("is not valid UTF-8 (byte {})", e.valid_up_to()),
        )
    })
}

#[cfg(test)]
mod tests {
    /// Every export's body runs inside a panic boundary: `guard`, `quietly`, `update` and
    /// `guarded_call` (which call `guard`), the output getters' `read`, or `catch_unwind`
    /// itself. `cognito_version` only returns a constant.
    #[test]
    fn every_export_has_a_panic_boundary() {
        let sources = [
            include_str!("client.rs"),
            include_str!("config.rs"),
            include_str!("details.rs"),
            include_str!("error.rs"),
            include_str!("log_callback.rs"),
            include_str!("output.rs"),
            include_str!("status_name.rs"),
            include_str!("verify.rs"),
            include_str!("version.rs"),
        ];
        let markers = [
            "guard(",
            "quietly(",
            "update(",
            "guarded_call(",
            "read(",
            "catch_unwind(",
        ];
        let mut exports = 0;
        for source in sources {
            for export in source.split("#[no_mangle]").skip(1) {
                let body = &export[..export.find("\n}\n").expect("a function body")];
                let name = body.split("fn ").nth(1).and_then(|s| s.split('(').next());
                let name = name.expect("an exported function");
                exports += 1;
                assert!(
                    name == "cognito_version" || markers.iter().any(|m| body.contains(m)),
                    "{name} has no panic boundary"
                );
            }
        }
        let listed = include_str!("../exported-symbols.txt").lines().count();
        assert_eq!(
            exports, listed,
            "exports found in the sources vs ffi-c/exported-symbols.txt"
        );
    }
}
