//! Randomness for invocation ids and back-off jitter: a fast generator per thread.
//!
//! Not fastrand's global generator: it seeds itself from `std::thread::current()`, whose handle
//! on a thread Rust did not start (a C program's main thread) is an allocation that valgrind
//! reports as "possibly lost" at exit. And a forked child would repeat its parent's sequence
//! (the same invocation ids): the generator is reseeded when the process changes.

use std::cell::RefCell;
use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::time::SystemTime;

thread_local! {
    /// The generator of this thread, and the process that seeded it.
    static GENERATOR: RefCell<Option<(u32, fastrand::Rng)>> = const { RefCell::new(None) };
}

/// Runs `draw` with this thread's generator, in process `pid` (the caller's: glibc does not
/// cache it, and a caller that knows it saves a system call).
fn with_generator<R>(pid: u32, draw: impl FnOnce(&mut fastrand::Rng) -> R) -> R {
    GENERATOR.with_borrow_mut(|slot| match slot {
        Some((seeded_in, rng)) if *seeded_in == pid => draw(rng),
        _ => {
            let (_, rng) = slot.insert((pid, fastrand::Rng::with_seed(seed(pid))));
            draw(rng)
        }
    })
}

/// A seed from the standard library's per-thread random hash keys (drawn from the operating
/// system once per thread), the process id and the time.
fn seed(pid: u32) -> u64 {
    RandomState::new().hash_one((pid, SystemTime::now()))
}

/// 128 random bits, in the calling process `pid`.
pub(crate) fn u128(pid: u32) -> u128 {
    with_generator(pid, |rng| rng.u128(..))
}

/// A random number in `[0, 1)`.
pub(crate) fn unit() -> f64 {
    with_generator(std::process::id(), fastrand::Rng::f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_differ() {
        assert_ne!(u128(std::process::id()), u128(std::process::id()));
        let unit = unit();
        assert!((0.0..1.0).contains(&unit));
    }

    #[test]
    fn a_generator_of_another_process_is_reseeded() {
        let _ = u128(std::process::id());
        // As if this thread had been forked: the generator's next draw is known.
        let mut inherited = GENERATOR.with_borrow_mut(|slot| {
            let (pid, rng) = slot.as_mut().unwrap();
            *pid = pid.wrapping_add(1);
            rng.clone()
        });
        assert_ne!(u128(std::process::id()), inherited.u128(..));
        GENERATOR.with_borrow(|slot| assert_eq!(slot.as_ref().unwrap().0, std::process::id()));
    }
}
