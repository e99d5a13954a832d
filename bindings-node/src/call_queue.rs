//! The bound on one client's concurrent calls (`maxConcurrentCalls`): at most that many run at
//! once, each on an I/O thread with at most one connection; the others wait here, first in,
//! first out, without holding a thread. A finishing call runs the next waiting one on its own
//! thread.

use std::collections::VecDeque;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::io_threads::{self, Job};

/// The default bound, as the AWS SDK for JavaScript's default socket limit is of that order.
pub const DEFAULT_MAX_CONCURRENT_CALLS: u32 = 64;

pub(crate) struct CallQueue {
    limit: usize,
    state: Mutex<Waiting>,
}

struct Waiting {
    running: usize,
    /// Never empty unless fewer than `limit` calls run.
    calls: VecDeque<Job>,
}

impl CallQueue {
    pub(crate) fn new(limit: u32) -> Arc<Self> {
        Arc::new(Self {
            limit: (limit as usize).max(1),
            state: Mutex::new(Waiting {
                running: 0,
                calls: VecDeque::new(),
            }),
        })
    }

    fn lock(&self) -> MutexGuard<'_, Waiting> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Queues `call` unless fewer than the bound run; gives it back when its turn has come (it
    /// then counts as running, and the caller must `drain` it).
    fn take_turn(&self, call: Job) -> Option<Job> {
        let mut state = self.lock();
        if state.running >= self.limit {
            state.calls.push_back(call);
            return None;
        }
        state.running += 1;
        Some(call)
    }

    /// Runs `call` on an I/O thread now if fewer than the bound run, else after those submitted
    /// before it.
    pub(crate) fn submit(self: &Arc<Self>, call: Job) {
        let Some(call) = self.take_turn(call) else {
            return;
        };
        let queue = Arc::clone(self);
        if !io_threads::run(Box::new(move || queue.drain(call))) {
            // No thread could be started (the call was dropped and rejected). Waiting calls
            // are drained by the calls still running; when none is left, they are rejected too.
            let orphans = {
                let mut state = self.lock();
                state.running -= 1;
                if state.running == 0 {
                    std::mem::take(&mut state.calls)
                } else {
                    VecDeque::new()
                }
            };
            drop(orphans);
        }
    }

    /// As `submit`, from an I/O thread (a one-shot call that has just found its client): a call
    /// whose turn has come runs on this thread, without a second hand-off.
    pub(crate) fn submit_here(&self, call: Job) {
        if let Some(call) = self.take_turn(call) {
            self.drain(call);
        }
    }

    /// Runs `first`, then waiting calls in order until none is left.
    fn drain(&self, first: Job) {
        let mut next = Some(first);
        while let Some(call) = next {
            // A panicking call rejects its promise as it unwinds; its slot is freed all the same.
            let _ = panic::catch_unwind(AssertUnwindSafe(call));
            let mut state = self.lock();
            next = state.calls.pop_front();
            if next.is_none() {
                state.running -= 1;
            }
        }
    }
}
