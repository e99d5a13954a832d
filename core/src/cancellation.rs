//! Cancelling a call from another thread: the front end's abort signal or task cancellation
//! sets the flag; the retry loop checks it before each attempt and wakes from a back-off wait
//! when it is set. An attempt already on the wire runs to its end (a blocking socket cannot be
//! interrupted) and its outcome is returned as usual, but no further attempt starts.

use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use crate::error::{Error, ErrorKind};

/// A cancellation flag shared between the caller and one or more calls. Cloning shares it.
#[derive(Debug, Clone, Default)]
pub struct Cancellation {
    shared: Arc<Shared>,
}

#[derive(Debug, Default)]
struct Shared {
    cancelled: Mutex<bool>,
    woken: Condvar,
}

impl Cancellation {
    /// A flag that is not set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the flag and wakes every call waiting between attempts. Idempotent.
    pub fn cancel(&self) {
        *self.lock() = true;
        self.shared.woken.notify_all();
    }

    /// `true` once [`Cancellation::cancel`] has been called.
    pub fn is_cancelled(&self) -> bool {
        *self.lock()
    }

    /// `Err(Cancelled)` once the flag is set.
    pub(crate) fn check(&self) -> Result<(), Error> {
        if self.is_cancelled() {
            Err(cancelled())
        } else {
            Ok(())
        }
    }

    /// Waits up to `duration`, returning early (with `Err(Cancelled)`) when the flag is set.
    pub(crate) fn wait(&self, duration: Duration) -> Result<(), Error> {
        let until = Instant::now().checked_add(duration);
        let mut set = self.lock();
        while !*set {
            let left = match until {
                Some(until) => until.saturating_duration_since(Instant::now()),
                None => duration,
            };
            if left.is_zero() {
                return Ok(());
            }
            set = self
                .shared
                .woken
                .wait_timeout(set, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        Err(cancelled())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, bool> {
        self.shared
            .cancelled
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

fn cancelled() -> Error {
    Error::new(
        ErrorKind::Cancelled,
        "the call was cancelled; no further attempt was started",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cancel_wakes_a_waiter_before_its_deadline() {
        let cancellation = Cancellation::new();
        let waiter = {
            let cancellation = cancellation.clone();
            std::thread::spawn(move || cancellation.wait(Duration::from_secs(3600)))
        };
        cancellation.cancel();
        let outcome = waiter.join().unwrap();
        assert_eq!(outcome.unwrap_err().kind(), &ErrorKind::Cancelled);
        assert!(cancellation.check().is_err());
    }

    #[test]
    fn an_unset_flag_lets_a_short_wait_run_out() {
        let cancellation = Cancellation::new();
        assert!(cancellation.wait(Duration::from_millis(1)).is_ok());
        assert!(cancellation.check().is_ok());
    }
}
