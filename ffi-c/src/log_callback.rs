//! `cognito_set_log_callback`: the library's log lines (the warnings and debug lines the other
//! front ends show) delivered to a C function.

use std::cell::Cell;
use std::ffi::{c_char, c_void};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Once, PoisonError, RwLock};

use crate::boundary::guard;
use crate::c_string::c_string;
use crate::error::{write_error, ArgumentError};
use crate::{cognito_error, cognito_status};

/// No log lines (the default).
pub const COGNITO_LOG_OFF: u32 = 0;
/// Errors only.
pub const COGNITO_LOG_ERROR: u32 = 1;
/// Warnings, e.g. "TLS certificate verification is disabled".
pub const COGNITO_LOG_WARN: u32 = 2;
/// Informational lines.
pub const COGNITO_LOG_INFO: u32 = 3;
/// One line per HTTP attempt and retry (URL, status, request id, timing; never the token).
pub const COGNITO_LOG_DEBUG: u32 = 4;

/// Receives one log line: `level` is a `COGNITO_LOG_*` value, `target` the component
/// (`"cognito_attr_code"`), `message` the text without a trailing newline. Both strings are
/// borrowed for the call only. May be called from any thread, also concurrently; must return
/// normally (no `longjmp`, no C++ exception) and must not call `cognito_set_log_callback`.
#[allow(non_camel_case_types)]
pub type cognito_log_callback = Option<
    unsafe extern "C" fn(
        user_data: *mut c_void,
        level: u32,
        target: *const c_char,
        message: *const c_char,
    ),
>;

/// Only the library's own records: they are written to leave the token out. Records of the HTTP
/// and TLS crates are not forwarded.
const TARGET: &str = "cognito_attr_code";

struct Sink {
    callback: unsafe extern "C" fn(*mut c_void, u32, *const c_char, *const c_char),
    user_data: *mut c_void,
}

// SAFETY: the caller of cognito_set_log_callback promises the callback and user_data may be used
// from any thread.
unsafe impl Send for Sink {}
unsafe impl Sync for Sink {}

/// Held for reading while a callback runs, so that once `cognito_set_log_callback` returns the
/// previous callback is never called again and its `user_data` may be released.
static SINK: RwLock<Option<Sink>> = RwLock::new(None);
static LEVEL: AtomicU32 = AtomicU32::new(COGNITO_LOG_OFF);
static INSTALL: Once = Once::new();

thread_local! {
    /// Set while this thread runs the callback: a record logged from inside it is dropped
    /// instead of re-entering the callback.
    static IN_CALLBACK: Cell<bool> = const { Cell::new(false) };
}

struct CallbackLogger;

static LOGGER: CallbackLogger = CallbackLogger;

fn level_number(level: log::Level) -> u32 {
    match level {
        log::Level::Error => COGNITO_LOG_ERROR,
        log::Level::Warn => COGNITO_LOG_WARN,
        log::Level::Info => COGNITO_LOG_INFO,
        log::Level::Debug | log::Level::Trace => COGNITO_LOG_DEBUG,
    }
}

fn level_filter(level: u32) -> log::LevelFilter {
    match level {
        COGNITO_LOG_ERROR => log::LevelFilter::Error,
        COGNITO_LOG_WARN => log::LevelFilter::Warn,
        COGNITO_LOG_INFO => log::LevelFilter::Info,
        COGNITO_LOG_DEBUG => log::LevelFilter::Debug,
        _ => log::LevelFilter::Off,
    }
}

impl log::Log for CallbackLogger {
    fn enabled(&self, metadata: &log::Metadata) -> bool {
        metadata.target() == TARGET
            && level_number(metadata.level()) <= LEVEL.load(Ordering::Relaxed)
    }

    fn log(&self, record: &log::Record) {
        if !self.enabled(record.metadata()) || IN_CALLBACK.with(Cell::get) {
            return;
        }
        let sink = SINK.read().unwrap_or_else(PoisonError::into_inner);
        let Some(sink) = sink.as_ref() else { return };
        let target = c_string(record.target());
        let message = c_string(&record.args().to_string());
        IN_CALLBACK.with(|flag| flag.set(true));
        // SAFETY: the callback was registered for exactly this signature.
        unsafe {
            (sink.callback)(
                sink.user_data,
                level_number(record.level()),
                target.as_ptr(),
                message.as_ptr(),
            )
        };
        IN_CALLBACK.with(|flag| flag.set(false));
    }

    fn flush(&self) {}
}

/// Sends the library's log lines at `level` and more severe (`COGNITO_LOG_ERROR` ...
/// `COGNITO_LOG_DEBUG`) to `callback`, with `user_data` passed through. `COGNITO_LOG_OFF` or a
/// NULL `callback` turns logging off (the default). Process-wide; replaces any previous
/// callback. Thread-safe: when this returns, the previous callback is running nowhere and will
/// not be called again, so its `user_data` may be freed. The access token never appears in a
/// line.
///
/// Returns `COGNITO_INVALID_ARGUMENT` for a level above `COGNITO_LOG_DEBUG` or when called from
/// inside a log callback, and then writes `*error_out` when not NULL (free with
/// `cognito_error_free`); `COGNITO_CONFIGURATION` if another logger of the `log` crate was
/// installed in this library's copy of it first.
///
/// # Safety
/// `callback` is NULL or a function with the `cognito_log_callback` signature that is safe to
/// call from any thread with `user_data` until it is replaced; `error_out` is NULL or valid.
#[no_mangle]
pub unsafe extern "C" fn cognito_set_log_callback(
    level: u32,
    callback: cognito_log_callback,
    user_data: *mut c_void,
    error_out: *mut cognito_error,
) -> cognito_status {
    guard(error_out, || {
        if level > COGNITO_LOG_DEBUG {
            return ArgumentError::new(
                "level",
                format!("{level} is not a COGNITO_LOG_* value (0 to {COGNITO_LOG_DEBUG})"),
            )
            .report(error_out);
        }
        if IN_CALLBACK.with(Cell::get) {
            return ArgumentError::new("cognito_set_log_callback", "called from a log callback")
                .report(error_out);
        }
        let mut installed = true;
        INSTALL.call_once(|| installed = log::set_logger(&LOGGER).is_ok());
        if !installed {
            let status = cognito_status::COGNITO_CONFIGURATION;
            write_error(
                error_out,
                status,
                "Configuration",
                "another logger is already installed for the log crate",
                None,
                0,
            );
            return status;
        }
        let mut sink = SINK.write().unwrap_or_else(PoisonError::into_inner);
        let level = if callback.is_some() {
            level
        } else {
            COGNITO_LOG_OFF
        };
        *sink = callback.map(|callback| Sink {
            callback,
            user_data,
        });
        LEVEL.store(level, Ordering::Relaxed);
        log::set_max_level(level_filter(level));
        cognito_status::COGNITO_OK
    })
}
