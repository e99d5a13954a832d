//! Functions with no status to return (the `_free` functions) swallow panics rather than unwind
//! into C. Functions that return a status use [`crate::boundary::guard`], which also reports.

/// Runs `body` for a function with no status to return (the `_free` functions): a panic is
/// swallowed rather than unwound into C.
pub(crate) fn quietly(body: impl FnOnce()) {
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(body));
}
