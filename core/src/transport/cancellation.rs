//! Cancelling a call from another thread: the front end's abort signal, task cancellation or a
//! signal handler sets the flag. The retry loop checks it before each attempt and wakes from a
//! back-off wait when it is set; an attempt on the wire is abandoned at once: its socket is shut
//! down (so the blocked read returns and the connection never goes back to the pool), and no
//! further attempt starts. Connecting and name lookups cannot be interrupted; they end within the
//! connect timeout.

use std::cell::RefCell;
use std::net::{Shutdown, TcpStream};
use std::sync::{Arc, Condvar, Mutex, PoisonError, Weak};
use std::time::{Duration, Instant};

use crate::error::{Error, ErrorKind};

/// A cancellation flag shared between the caller and one or more calls. Cloning shares it.
#[derive(Debug, Clone, Default)]
pub struct Cancellation {
    shared: Arc<Shared>,
}

#[derive(Debug, Default)]
struct Shared {
    state: Mutex<State>,
    woken: Condvar,
}

#[derive(Debug, Default)]
struct State {
    cancelled: bool,
    /// The socket of the attempt in progress, shut down by `cancel`.
    in_flight: Option<Weak<TcpStream>>,
}

thread_local! {
    /// The cancellation of the attempt running on this thread (the transport runs on the
    /// caller's thread, from the first write to the last read).
    static WATCHING: RefCell<Option<Cancellation>> = const { RefCell::new(None) };
}

impl Cancellation {
    /// A flag that is not set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the flag, wakes every call waiting between attempts and abandons any attempt in
    /// progress. Idempotent.
    pub fn cancel(&self) {
        let in_flight = {
            let mut state = self.lock();
            state.cancelled = true;
            state.in_flight.take()
        };
        self.shared.woken.notify_all();
        if let Some(socket) = in_flight.and_then(|weak| weak.upgrade()) {
            // Already closed by the server: nothing left to interrupt.
            let _ = socket.shutdown(Shutdown::Both);
        }
    }

    /// `true` once [`Cancellation::cancel`] has been called.
    pub fn is_cancelled(&self) -> bool {
        self.lock().cancelled
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
        let mut state = self.lock();
        while !state.cancelled {
            let left = match until {
                Some(until) => until.saturating_duration_since(Instant::now()),
                None => duration,
            };
            if left.is_zero() {
                return Ok(());
            }
            state = self
                .shared
                .woken
                .wait_timeout(state, left)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
        Err(cancelled())
    }

    /// Runs `attempt` on this thread with the sockets it writes to watched by `self`.
    pub(crate) fn watching<R>(&self, attempt: impl FnOnce() -> R) -> R {
        struct Unwatch<'a>(&'a Cancellation);
        impl Drop for Unwatch<'_> {
            fn drop(&mut self) {
                WATCHING.with_borrow_mut(|current| *current = None);
                self.0.lock().in_flight = None;
            }
        }
        WATCHING.with_borrow_mut(|current| *current = Some(self.clone()));
        let _unwatch = Unwatch(self);
        attempt()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.shared
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

/// The transport is about to write to `socket`: a cancellation of this thread's attempt shuts it
/// down (at once when the flag is already set).
pub(crate) fn watch_socket(socket: &Arc<TcpStream>) {
    WATCHING.with_borrow(|current| {
        let Some(cancellation) = current else { return };
        let mut state = cancellation.lock();
        if state.cancelled {
            drop(state);
            let _ = socket.shutdown(Shutdown::Both);
        } else {
            state.in_flight = Some(Arc::downgrade(socket));
        }
    });
}

/// `socket` is going back to the pool (or being taken out of it): no cancellation of this
/// thread's attempt may shut it down any more.
pub(crate) fn unwatch_socket(socket: &Arc<TcpStream>) {
    WATCHING.with_borrow(|current| {
        let Some(cancellation) = current else { return };
        let mut state = cancellation.lock();
        if state
            .in_flight
            .as_ref()
            .is_some_and(|watched| std::ptr::eq(watched.as_ptr(), Arc::as_ptr(socket)))
        {
            state.in_flight = None;
        }
    });
}

fn cancelled() -> Error {
    Error::new(
        ErrorKind::Cancelled,
        "the call was cancelled; no further attempt was started",
    )
}

/// The error of a call whose attempt in progress was abandoned by a cancellation.
pub(crate) fn abandoned() -> Error {
    Error::new(
        ErrorKind::Cancelled,
        "the call was cancelled; the attempt in progress was abandoned and no further attempt was started",
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
