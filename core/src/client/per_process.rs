//! State that belongs to the process that made it.
//!
//! A forked child inherits its parent's memory: the pooled connections (the parent's own sockets,
//! so both processes would read each other's responses), the retry quota, the adaptive rate
//! limiter, and any lock a parent thread held at the moment of the fork (held forever in the
//! child, whose only thread is the one that forked). [`PerProcess`] hands out the value made in
//! the calling process. In a forked child, the first use makes a fresh value from the inherited
//! one's configuration and lets go of the inherited one without using it: no request, no read, no
//! lock taken. Dropping it closes the child's copies of the inherited sockets without writing to
//! them (no TLS `close_notify`, no `shutdown`), so the parent's connections stay usable.
//!
//! Reading is lock-free (`arc-swap`), so a lock held by a parent thread at fork time cannot block
//! the child.
//!
//! `arc-swap` keeps a pointer into the middle of the value's allocation, which leak checkers
//! (valgrind) report as "possibly lost" at exit when the value lives that long (the one-shot
//! functions' clients do); a `Weak` to the value of the creating process points at its start.

use std::ops::Deref;
use std::sync::{Arc, Weak};

use arc_swap::ArcSwap;

/// A value of the process it was made in, remade on first use in a forked child.
pub(crate) struct PerProcess<T> {
    current: ArcSwap<Owned<T>>,
    /// The value made at construction, for leak checkers only (it does not keep it alive).
    _made_first: Weak<Owned<T>>,
}

/// The value, and the process it belongs to.
pub(crate) struct Owned<T> {
    pid: u32,
    value: T,
}

impl<T> Owned<T> {
    /// The process the value belongs to: the calling one, when handed out by [`PerProcess::get`].
    pub fn pid(&self) -> u32 {
        self.pid
    }
}

impl<T> Deref for Owned<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> PerProcess<T> {
    /// `value`, owned by the calling process.
    pub fn new(value: T) -> Self {
        Self::owned_by(std::process::id(), value)
    }

    fn owned_by(pid: u32, value: T) -> Self {
        let first = Arc::new(Owned { pid, value });
        Self {
            _made_first: Arc::downgrade(&first),
            current: ArcSwap::new(first),
        }
    }

    /// The value of the calling process; in a forked child, the first call makes it with
    /// `for_new_process(inherited)`, which must only read the inherited value's configuration.
    pub fn get(&self, for_new_process: impl FnOnce(&T) -> T) -> Arc<Owned<T>> {
        let pid = std::process::id();
        let current = self.current.load_full();
        if current.pid == pid {
            return current;
        }
        let fresh = Arc::new(Owned {
            pid,
            value: for_new_process(&current.value),
        });
        let previous = self.current.compare_and_swap(&current, Arc::clone(&fresh));
        if Arc::ptr_eq(&previous, &current) {
            fresh
        } else {
            // Another thread of this child replaced it first: use theirs, drop ours unused.
            self.current.load_full()
        }
    }

    /// Whether the value in place was made in the calling process (for tests).
    #[cfg(test)]
    pub fn is_current(&self) -> bool {
        self.current.load().pid == std::process::id()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_value_made_in_this_process_is_kept() {
        let state = PerProcess::new(7);
        assert!(state.is_current());
        let value = state.get(|_| unreachable!("same process"));
        assert_eq!(**value, 7);
    }

    #[test]
    fn a_value_of_another_process_is_remade_from_it_once() {
        let state = PerProcess::owned_by(std::process::id().wrapping_add(1), 20);
        assert!(!state.is_current());
        let remade = state.get(|inherited| inherited + 1);
        assert_eq!(**remade, 21);
        assert!(state.is_current());
        assert_eq!(**state.get(|_| unreachable!("remade once")), 21);
    }
}
