//! The addon's own I/O threads. An async call blocks one of them for its whole network round
//! trip, never one of libuv's pool threads: those (four by default) serve the application's
//! `fs`, `dns.lookup`, `crypto` and `zlib`, which would otherwise wait behind our calls.
//!
//! Threads start on demand, up to [`MAX_THREADS`], and end after [`IDLE_TIMEOUT`] without
//! work, so a process that stops calling keeps none. They hold no handle of any event loop: an
//! idle thread never keeps Node running (a pending call does, through its promise's threadsafe
//! function, until it settles). One pool per process, shared by every worker thread that
//! loads the addon.

use std::collections::VecDeque;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::Duration;

/// One unit of work: it settles its own promise (and rejects it if dropped unrun).
pub(crate) type Job = Box<dyn FnOnce() + Send>;

/// More jobs than this at once wait for a thread. Each client bounds its calls
/// (`maxConcurrentCalls`, default 64); this caps the sum over many clients.
pub(crate) const MAX_THREADS: usize = 512;

/// A thread with nothing to do for this long ends.
pub(crate) const IDLE_TIMEOUT: Duration = Duration::from_secs(5);

struct State {
    jobs: VecDeque<Job>,
    threads: usize,
    /// Threads waiting for a job (each counted until it wakes and takes the lock again).
    idle: usize,
}

static STATE: Mutex<State> = Mutex::new(State {
    jobs: VecDeque::new(),
    threads: 0,
    idle: 0,
});
static WORK: Condvar = Condvar::new();

fn lock() -> MutexGuard<'static, State> {
    STATE.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Runs `job` on an I/O thread: an idle one, a new one, or (at [`MAX_THREADS`]) the first to
/// finish its work. Only when no thread exists and none can be started is `job` dropped, which
/// rejects its promise; `false` then.
pub(crate) fn run(job: Job) -> bool {
    let mut state = lock();
    state.jobs.push_back(job);
    if state.jobs.len() <= state.idle {
        WORK.notify_one();
        return true;
    }
    if state.threads < MAX_THREADS {
        let started = thread::Builder::new()
            .name("cognito-attr-code-io".into())
            .spawn(work);
        if started.is_ok() {
            state.threads += 1;
            return true;
        }
    }
    if state.threads > 0 {
        return true;
    }
    let unrunnable = state.jobs.pop_back();
    drop(state);
    drop(unrunnable);
    false
}

/// The loop of one I/O thread.
fn work() {
    let mut state = lock();
    loop {
        if let Some(job) = state.jobs.pop_front() {
            drop(state);
            // A job settles its promise even when it panics (unwinding drops it); the thread
            // lives on.
            let _ = panic::catch_unwind(AssertUnwindSafe(job));
            state = lock();
            continue;
        }
        state.idle += 1;
        let (woken, wait) = WORK
            .wait_timeout(state, IDLE_TIMEOUT)
            .unwrap_or_else(PoisonError::into_inner);
        state = woken;
        state.idle -= 1;
        if wait.timed_out() && state.jobs.is_empty() {
            state.threads -= 1;
            return;
        }
    }
}

/// I/O threads alive now (busy or idle).
pub(crate) fn threads() -> usize {
    lock().threads
}
