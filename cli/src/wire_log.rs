//! `--debug`: a `log` logger writing every record on stderr with the time since start, with
//! the access token replaced by `***` in every line, in every form the core's scrubber knows
//! (the core never logs it; this is the second line of defence for other crates' records, such
//! as the HTTP library's, which quote some response headers as received).

use std::io::Write;
use std::sync::OnceLock;
use std::time::Instant;

use cognito_attr_code::Secrets;
use log::{LevelFilter, Log, Metadata, Record};
use zeroize::Zeroizing;

/// The `log` target of the command line's own records.
pub const TARGET: &str = "cognito_attr_code_cli";

struct WireLog {
    started: Instant,
    secrets: OnceLock<Secrets>,
}

static LOGGER: OnceLock<WireLog> = OnceLock::new();

/// Installs the logger (once); DEBUG and above from every crate go to stderr.
pub fn install() {
    let logger = LOGGER.get_or_init(|| WireLog {
        started: Instant::now(),
        secrets: OnceLock::new(),
    });
    if log::set_logger(logger).is_ok() {
        log::set_max_level(LevelFilter::Debug);
    }
}

/// The secrets (the token, the verification code) to scrub from every line from now on.
pub fn redact(secrets: &[&str]) {
    if let Some(logger) = LOGGER.get() {
        let _ = logger.secrets.set(Secrets::new(secrets.iter().copied()));
    }
}

impl Log for WireLog {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.level() <= log::Level::Debug
    }

    fn log(&self, record: &Record<'_>) {
        if !self.enabled(record.metadata()) {
            return;
        }
        let mut line = Zeroizing::new(record.args().to_string());
        if let Some(secrets) = self.secrets.get() {
            secrets.scrub_in_place(&mut line);
        }
        let elapsed = self.started.elapsed().as_secs_f64();
        let _ = writeln!(
            std::io::stderr().lock(),
            "{elapsed:9.3}s {:<5} {} - {}",
            record.level(),
            record.target(),
            line.as_str()
        );
    }

    fn flush(&self) {}
}
