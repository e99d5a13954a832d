//! Core errors become instances of the exception classes defined in
//! `cognito_attr_code.exceptions`, built by its `_from_native` factory.

use cognito_attr_code::{Error, ErrorKind, Spelling, TimeoutPhase};
use pyo3::exceptions::{PyException, PyRuntimeError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyDict;

use crate::spelling::PySpelling;

static FACTORY: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Everything the Python exception carries.
struct ErrorFields<'a> {
    kind: &'static str,
    code: &'a str,
    message: String,
    description: String,
    request_id: Option<&'a str>,
    http_status: Option<u16>,
    attempts: u32,
    /// The argument, setting or timeout phase a local error is about.
    detail: Option<String>,
    body_excerpt: Option<&'a str>,
    max_attempts_reached: bool,
    http_headers: &'a [(String, String)],
    /// The diagnosis's cause and hint, when there is one.
    diagnosis: Option<(&'static str, &'a str)>,
}

/// The Python exception for a core error.
pub fn from_core(py: Python<'_>, error: &Error) -> PyErr {
    from_call(py, error, None)
}

/// The Python exception for an error of a call made with `max_attempts` attempts allowed: it
/// records, as botocore does, whether the call used them all.
pub fn from_call(py: Python<'_>, error: &Error, max_attempts: Option<u32>) -> PyErr {
    let (kind, detail) = match error.kind() {
        ErrorKind::Service(_) => ("service", None),
        ErrorKind::UnknownService(_) => ("unknown_service", None),
        ErrorKind::InvalidArgument { argument } => {
            ("invalid_argument", Some(PySpelling.argument(*argument)))
        }
        ErrorKind::Configuration { .. } => ("configuration", error.subject_in(&PySpelling)),
        ErrorKind::Network => ("network", None),
        ErrorKind::Timeout(TimeoutPhase::Connect) => ("timeout", Some("connect".into())),
        ErrorKind::Timeout(TimeoutPhase::Read) => ("timeout", Some("read".into())),
        ErrorKind::Timeout(TimeoutPhase::Attempt) => ("timeout", Some("attempt".into())),
        ErrorKind::Timeout(TimeoutPhase::Operation) => ("timeout", Some("operation".into())),
        ErrorKind::Tls => ("tls", None),
        ErrorKind::Protocol => ("protocol", None),
        // A kind added to the core later: still a CognitoError, with its code and message.
        _ => ("other", None),
    };
    build(
        py,
        ErrorFields {
            kind,
            code: error.code(),
            message: error.message_in(&PySpelling),
            description: error.to_string_in(&PySpelling),
            request_id: error.request_id(),
            http_status: error.http_status(),
            attempts: error.attempts(),
            detail,
            body_excerpt: error.body_excerpt(),
            max_attempts_reached: max_attempts.is_some_and(|max| error.attempts() >= max),
            http_headers: error.http_headers(),
            diagnosis: error
                .diagnosis()
                .map(|found| (found.cause().as_str(), found.hint())),
        },
    )
}

/// An `InvalidArgumentError` raised by the binding itself, worded like the core's.
pub fn invalid_argument(py: Python<'_>, argument: &str, why: &str) -> PyErr {
    local(py, "invalid_argument", "InvalidArgument", argument, why)
}

/// A `ConfigurationError` raised by the binding itself, worded like the core's.
pub fn configuration(py: Python<'_>, setting: &str, why: &str) -> PyErr {
    local(py, "configuration", "Configuration", setting, why)
}

fn local(py: Python<'_>, kind: &'static str, code: &str, detail: &str, why: &str) -> PyErr {
    let message = format!("{detail}: {why}");
    build(
        py,
        ErrorFields {
            kind,
            code,
            description: format!("{code} error: {message}"),
            message,
            request_id: None,
            http_status: None,
            attempts: 0,
            detail: Some(detail.to_owned()),
            body_excerpt: None,
            http_headers: &[],
            max_attempts_reached: false,
            diagnosis: None,
        },
    )
}

fn build(py: Python<'_>, fields: ErrorFields<'_>) -> PyErr {
    let made = FACTORY
        .get_or_try_init(py, || {
            py.import("cognito_attr_code.exceptions")?
                .getattr("_from_native")
                .map(Bound::unbind)
        })
        .and_then(|factory| {
            // Keywords, not positions: a field renamed or reordered on either side fails loudly
            // (TypeError) instead of silently landing in another field.
            let keywords = PyDict::new(py);
            keywords.set_item("kind", fields.kind)?;
            keywords.set_item("code", fields.code)?;
            keywords.set_item("message", &fields.message)?;
            keywords.set_item("description", &fields.description)?;
            keywords.set_item("request_id", fields.request_id)?;
            keywords.set_item("http_status", fields.http_status)?;
            keywords.set_item("attempts", fields.attempts)?;
            keywords.set_item("detail", &fields.detail)?;
            keywords.set_item("body_excerpt", fields.body_excerpt)?;
            keywords.set_item("max_attempts_reached", fields.max_attempts_reached)?;
            keywords.set_item("cause", fields.diagnosis.map(|(cause, _)| cause))?;
            keywords.set_item("hint", fields.diagnosis.map(|(_, hint)| hint))?;
            keywords.set_item(
                "http_headers",
                crate::output::headers(py, fields.http_headers)?,
            )?;
            factory.bind(py).call((), Some(&keywords))
        });
    match made {
        Ok(exception) => PyErr::from_value(exception),
        // The factory runs Python code, so a signal handler may run inside it: what it raised
        // (`KeyboardInterrupt`, `SystemExit`) goes to the caller unchanged, never wrapped.
        Err(err) if !err.is_instance_of::<PyException>(py) => err,
        // Only reachable if the package's Python half is broken; still say what failed.
        Err(err) => {
            let fallback = PyRuntimeError::new_err(fields.description);
            fallback.set_cause(py, Some(err));
            fallback
        }
    }
}
