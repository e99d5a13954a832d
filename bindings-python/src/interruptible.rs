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
//!
//! The helper thread is kept for the next call (starting a thread per call cost about 120 µs,
//! handing a call to a waiting one about 40 µs) and leaves after `IDLE_EXIT` without work, so a
//! program that stopped calling has no extra thread when it forks.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::Duration;

use cognito_attr_code::Cancellation;
use pyo3::prelude::*;

/// How long a pending signal can wait for its handler: the issue asks for about 100 ms.
const SLICE: Duration = Duration::from_millis(50);

/// After a handler raised: how long the helper thread gets to wind down (a cancelled call ends
/// promptly: cancelling shuts down the socket of the attempt in flight) before it is left to
/// finish on its own.
const WIND_DOWN: Duration = Duration::from_millis(100);

/// Runs `work(&cancellation)` with the GIL released and returns its outcome, or the exception a
/// signal handler raised while it ran (then `cancellation` is set, and the outcome is dropped,
/// even one that arrived with the signal: the handler's exception always wins).
pub fn run<T: Send + 'static>(
    py: Python<'_>,
    cancellation: Cancellation,
    work: impl FnOnce(&Cancellation) -> T + Send + 'static,
) -> PyResult<T> {
    let pid = std::process::id();
    if !on_main_thread(py, pid)? {
        return Ok(py.detach(|| work(&cancellation)));
    }
    let handoff = Arc::new(Handoff::<T>::default());
    let job: Job = {
        let handoff = Arc::clone(&handoff);
        let cancellation = cancellation.clone();
        Box::new(move || {
            handoff.finish(panic::catch_unwind(AssertUnwindSafe(|| {
                work(&cancellation)
            })))
        })
    };
    let helper = match dispatch(pid, job) {
        Ok(helper) => Some(helper),
        // No thread could be started (RLIMIT_NPROC, memory): the call still runs, just not
        // interruptibly.
        Err(job) => {
            py.detach(job);
            None
        }
    };
    loop {
        match py.detach(|| handoff.wait(SLICE)) {
            Some(outcome) => {
                if let Some(helper) = helper {
                    give_back(helper);
                }
                // The work panicked: re-raise here, as if it had run on this thread (pyo3 turns
                // the panic into `PanicException`).
                let outcome = outcome.unwrap_or_else(|payload| panic::resume_unwind(payload));
                // A signal that arrived with the outcome still interrupts the caller.
                py.check_signals()?;
                return Ok(outcome);
            }
            None => {
                if let Err(raised) = py.check_signals() {
                    cancellation.cancel();
                    // Bounded: a helper stuck in a connect finishes later, unseen. It is not
                    // given back (dropping it lets its thread leave once the work ends).
                    let _ = py.detach(|| handoff.wait(WIND_DOWN));
                    return Err(raised);
                }
            }
        }
    }
}

type Job = Box<dyn FnOnce() + Send>;

/// A thread that runs the main thread's calls, one at a time.
struct Helper {
    /// The process it runs in: after a fork, the child has the parent's handle but no thread.
    pid: u32,
    /// Tells it apart from other helpers when it decides to leave.
    id: u64,
    jobs: mpsc::Sender<Job>,
}

/// The helper waiting for the next call. Taken with `try_lock` only: a fork may leave it locked
/// in the child (by a helper deciding to leave), and then each call starts a helper of its own.
static IDLE_HELPER: Mutex<Option<Helper>> = Mutex::new(None);
static HELPERS_STARTED: AtomicU64 = AtomicU64::new(0);

/// How long a helper without work waits for the next call before its thread ends.
const IDLE_EXIT: Duration = Duration::from_secs(1);

/// Hands `job` to the idle helper, or to a new one; `Err(job)` when no thread can be started.
fn dispatch(pid: u32, job: Job) -> Result<Helper, Job> {
    let idle = IDLE_HELPER.try_lock().ok().and_then(|mut idle| idle.take());
    let job = match idle {
        Some(helper) if helper.pid == pid => match helper.jobs.send(job) {
            Ok(()) => return Ok(helper),
            Err(mpsc::SendError(job)) => job,
        },
        // Inherited through a fork: its thread does not exist here, and its channel may have
        // been in use by that thread at the fork. Never touch it, not even to drop it.
        Some(inherited) => {
            std::mem::forget(inherited);
            job
        }
        None => job,
    };
    let (jobs, receiver) = mpsc::channel::<Job>();
    let id = HELPERS_STARTED.fetch_add(1, Ordering::Relaxed);
    let started = thread::Builder::new()
        .name("cognito_attr_code call".to_owned())
        .spawn(move || serve(id, &receiver));
    if started.is_err() {
        return Err(job);
    }
    let helper = Helper { pid, id, jobs };
    match helper.jobs.send(job) {
        Ok(()) => Ok(helper),
        Err(mpsc::SendError(job)) => Err(job),
    }
}

/// Keeps `helper` for the next call, unless another one is kept already (then its thread ends).
fn give_back(helper: Helper) {
    if let Ok(mut idle) = IDLE_HELPER.try_lock() {
        if idle.is_none() {
            *idle = Some(helper);
        }
    }
}

/// The helper thread: runs jobs until its handle is dropped, or until it has been idle for
/// `IDLE_EXIT` while kept in `IDLE_HELPER` (a helper taken out of it has a job on the way).
fn serve(id: u64, jobs: &mpsc::Receiver<Job>) {
    loop {
        match jobs.recv_timeout(IDLE_EXIT) {
            Ok(job) => job(),
            Err(mpsc::RecvTimeoutError::Disconnected) => return,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                if let Ok(mut idle) = IDLE_HELPER.try_lock() {
                    if idle.as_ref().is_some_and(|helper| helper.id == id) {
                        *idle = None;
                        return;
                    }
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
fn on_main_thread(py: Python<'_>, pid: u32) -> PyResult<bool> {
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
