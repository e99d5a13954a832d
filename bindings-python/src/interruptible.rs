//! Blocking calls that Ctrl-C can interrupt.
//!
//! CPython runs signal handlers (the one raising `KeyboardInterrupt`, a `SIGTERM` handler
//! raising `SystemExit`, ...) only on its main thread, and only when that thread runs Python or
//! calls `PyErr_CheckSignals`. A call that held the main thread in native code for a whole
//! read timeout would keep Ctrl-C waiting that long, so on the main thread the call runs on a
//! helper thread while the main thread waits for its outcome in short slices, without the GIL,
//! and runs the handlers between slices. When a handler raises, the call's `Cancellation` is set
//! (no further attempt starts; the attempt in flight is abandoned) and the handler's exception
//! is raised unchanged. On any other thread signals cannot be handled, so the call runs there
//! directly, as it always did.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::Duration;

use cognito_attr_code::Cancellation;
use pyo3::prelude::*;

/// How long a pending signal can wait for its handler: the issue asks for about 100 ms.
const SLICE: Duration = Duration::from_millis(50);

/// After a handler raised: how long the helper thread gets to wind down (a cancelled call ends
/// promptly unless it is stuck in a connect or a read) before it is left to finish on its own.
const WIND_DOWN: Duration = Duration::from_millis(100);

/// Runs `work(&cancellation)` with the GIL released and returns its outcome, or the exception a
/// signal handler raised while it ran (then `cancellation` is set, and the outcome is dropped,
/// even one that arrived with the signal: the handler's exception always wins).
pub fn run<T: Send + 'static>(
    py: Python<'_>,
    cancellation: Cancellation,
    work: impl FnOnce(&Cancellation) -> T + Send + 'static,
) -> PyResult<T> {
    if !on_main_thread(py)? {
        return Ok(py.detach(|| work(&cancellation)));
    }
    let handoff = Arc::new(Handoff::<T>::default());
    // The work waits in `pending` so that this thread can take it back if no thread starts.
    let pending = Arc::new(Mutex::new(Some(work)));
    let spawned = {
        let handoff = Arc::clone(&handoff);
        let pending = Arc::clone(&pending);
        let cancellation = cancellation.clone();
        thread::Builder::new()
            .name("cognito_attr_code call".to_owned())
            .spawn(move || {
                if let Some(work) = lock(&pending).take() {
                    let outcome = panic::catch_unwind(AssertUnwindSafe(|| work(&cancellation)));
                    handoff.finish(outcome);
                }
            })
    };
    if spawned.is_err() {
        // Out of threads (RLIMIT_NPROC, memory): the call still runs, just not interruptibly.
        if let Some(work) = lock(&pending).take() {
            return Ok(py.detach(|| work(&cancellation)));
        }
    }
    // Dropping the thread's handle detaches it: after a signal it is never joined.
    loop {
        match py.detach(|| handoff.wait(SLICE)) {
            Some(Ok(outcome)) => {
                // A signal that arrived with the outcome still interrupts the caller.
                py.check_signals()?;
                return Ok(outcome);
            }
            // The work panicked: re-raise here, as if it had run on this thread (pyo3 turns
            // the panic into `PanicException`).
            Some(Err(payload)) => panic::resume_unwind(payload),
            None => {
                if let Err(raised) = py.check_signals() {
                    cancellation.cancel();
                    // Bounded: a helper stuck in a connect or a read finishes later, unseen.
                    let _ = py.detach(|| handoff.wait(WIND_DOWN));
                    return Err(raised);
                }
            }
        }
    }
}

/// The outcome of the work, handed from the helper thread to the waiting caller.
struct Handoff<T> {
    outcome: Mutex<Option<thread::Result<T>>>,
    finished: Condvar,
}

impl<T> Default for Handoff<T> {
    fn default() -> Self {
        Self {
            outcome: Mutex::new(None),
            finished: Condvar::new(),
        }
    }
}

impl<T> Handoff<T> {
    fn finish(&self, outcome: thread::Result<T>) {
        *lock(&self.outcome) = Some(outcome);
        self.finished.notify_one();
    }

    /// The outcome, once the work has finished within `timeout`.
    fn wait(&self, timeout: Duration) -> Option<thread::Result<T>> {
        let outcome = lock(&self.outcome);
        let (mut outcome, _) = self
            .finished
            .wait_timeout_while(outcome, timeout, |outcome| outcome.is_none())
            .unwrap_or_else(PoisonError::into_inner);
        outcome.take()
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

thread_local! {
    /// Whether this thread is the interpreter's main thread, and the process that found out:
    /// a fork makes the forking thread the child's main thread.
    static MAIN_THREAD: Cell<Option<(u32, bool)>> = const { Cell::new(None) };
}

/// `threading.current_thread() is threading.main_thread()`, asked once per thread and process.
/// An error is what a signal handler raised while the question ran Python code.
fn on_main_thread(py: Python<'_>) -> PyResult<bool> {
    let pid = std::process::id();
    if let Some((seen_in, main)) = MAIN_THREAD.get() {
        if seen_in == pid {
            return Ok(main);
        }
    }
    let threading = py.import("threading")?;
    let main = threading
        .call_method0("main_thread")?
        .is(&threading.call_method0("current_thread")?);
    MAIN_THREAD.set(Some((pid, main)));
    Ok(main)
}
