//! Sends `log` records to Python's `logging`: the core's own records (target and Python logger
//! `cognito_attr_code`) from DEBUG, other crates' from WARN.
//!
//! `import cognito_attr_code` does not import `logging` (about half of the package's import time):
//! until the application has imported it, nothing can have configured a handler for our logger, so
//! a record would reach only the `NullHandler` a library adds, and is dropped here instead. The
//! first record after `logging` is imported sets up `pyo3_log` and adds that `NullHandler`. Python's
//! level is consulted on every record (no level cache), so `logging.basicConfig(...)` takes effect
//! whenever it is called; the core emits one record per HTTP attempt, so the cost is one GIL
//! acquisition per attempt.

use std::sync::OnceLock;

use log::{LevelFilter, Log, Metadata, Record};
use pyo3::prelude::*;

const CORE_TARGET: &str = "cognito_attr_code";

pub fn install() {
    // Fails only if the module is initialised twice in one process (sub-interpreters): the
    // bridge installed the first time keeps working.
    if log::set_logger(&BRIDGE).is_ok() {
        log::set_max_level(LevelFilter::Debug);
    }
}

static BRIDGE: LazyLogging = LazyLogging {
    forwarder: OnceLock::new(),
};

struct LazyLogging {
    forwarder: OnceLock<pyo3_log::Logger>,
}

impl Log for LazyLogging {
    fn enabled(&self, metadata: &Metadata) -> bool {
        let from_core = metadata.target() == CORE_TARGET
            || metadata.target().starts_with("cognito_attr_code::");
        let floor = if from_core {
            LevelFilter::Debug
        } else {
            LevelFilter::Warn
        };
        metadata.level() <= floor
    }

    fn log(&self, record: &Record) {
        if !self.enabled(record.metadata()) {
            return;
        }
        if let Some(forwarder) = self.forwarder.get() {
            return forwarder.log(record);
        }
        // Under the GIL, so two threads' first records add one NullHandler.
        Python::attach(|py| {
            if self.forwarder.get().is_none() && logging_imported(py) {
                let pending = PyErr::take(py);
                match forwarder(py) {
                    Ok(forwarder) => drop(self.forwarder.set(forwarder)),
                    Err(error) => error.restore(py),
                }
                if let Some(pending) = pending {
                    pending.restore(py);
                }
            }
        });
        if let Some(forwarder) = self.forwarder.get() {
            forwarder.log(record);
        }
    }

    fn flush(&self) {}
}

fn logging_imported(py: Python<'_>) -> bool {
    py.import("sys")
        .and_then(|sys| sys.getattr("modules"))
        .and_then(|modules| modules.contains("logging"))
        .unwrap_or(false)
}

fn forwarder(py: Python<'_>) -> PyResult<pyo3_log::Logger> {
    let logging = py.import("logging")?;
    let null_handler = logging.getattr("NullHandler")?.call0()?;
    logging
        .call_method1("getLogger", (CORE_TARGET,))?
        .call_method1("addHandler", (null_handler,))?;
    Ok(pyo3_log::Logger::new(py, pyo3_log::Caching::Loggers)?
        .filter(LevelFilter::Warn)
        .filter_target(CORE_TARGET.to_owned(), LevelFilter::Debug))
}
