//! The fake's clock: the real time when the fake started, moving with real time, plus whatever
//! `advance` added. Token lifetimes, code expiry and the limits' windows all read it.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

pub(crate) struct Clock {
    started: Instant,
    start_epoch: f64,
    advanced: f64,
}

impl Clock {
    pub(crate) fn new() -> Self {
        let start_epoch = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0.0, |since| since.as_secs_f64());
        Self {
            started: Instant::now(),
            start_epoch,
            advanced: 0.0,
        }
    }

    /// Seconds since the epoch, whole.
    pub(crate) fn now(&self) -> i64 {
        (self.start_epoch + self.started.elapsed().as_secs_f64() + self.advanced).floor() as i64
    }

    pub(crate) fn advance(&mut self, seconds: f64) {
        self.advanced += seconds;
    }
}
