//! A `log` backend that keeps every record, for assertions on what was (not) logged.

use std::sync::{Mutex, OnceLock};

/// Every log record at every level, formatted as `LEVEL target message`. Installed once per test
/// binary, on first call.
///
/// # Panics
/// When another logger was installed first.
pub fn captured_logs() -> &'static Mutex<Vec<String>> {
    static LOGS: OnceLock<&'static Capture> = OnceLock::new();
    let capture = LOGS.get_or_init(|| {
        let capture: &'static Capture = Box::leak(Box::new(Capture(Mutex::new(Vec::new()))));
        log::set_logger(capture).expect("no other logger");
        log::set_max_level(log::LevelFilter::Trace);
        capture
    });
    &capture.0
}

struct Capture(Mutex<Vec<String>>);

impl log::Log for Capture {
    fn enabled(&self, _: &log::Metadata) -> bool {
        true
    }

    fn log(&self, record: &log::Record) {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(format!(
                "{} {} {}",
                record.level(),
                record.target(),
                record.args()
            ));
    }

    fn flush(&self) {}
}
