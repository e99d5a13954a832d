//! A retry clock that records the waits between attempts instead of sleeping, so that retry
//! tests run at once and can assert every back-off.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use cognito_attr_code::RetryClock;

/// Real `now`, recorded sleeps, and a fixed value for the back-off's random factor.
pub struct RecordingClock {
    sleeps: Mutex<Vec<Duration>>,
    random_unit: f64,
}

impl RecordingClock {
    /// A clock whose back-off randomness always returns `random_unit` (0.0 to 1.0).
    pub fn new(random_unit: f64) -> Self {
        Self {
            sleeps: Mutex::new(Vec::new()),
            random_unit,
        }
    }

    /// The waits asked for so far, in order.
    pub fn sleeps(&self) -> Vec<Duration> {
        self.sleeps
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }
}

impl RetryClock for RecordingClock {
    fn now(&self) -> Instant {
        Instant::now()
    }
    fn sleep(&self, duration: Duration) {
        self.sleeps
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(duration);
    }
    fn random_unit(&self) -> f64 {
        self.random_unit
    }
}
