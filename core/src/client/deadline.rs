//! The deadlines of one call: the operation deadline (every attempt and every wait between
//! attempts) and the attempt deadline (one attempt, end to end), as the AWS SDK for Rust's
//! `operation_timeout` and `operation_attempt_timeout`.

use std::time::{Duration, Instant};

use crate::config::resolve::ResolvedConfig;
use crate::error::{Error, ErrorKind, TimeoutPhase};
use crate::retry::RetryClock;
use crate::transport::AttemptDeadline;

/// The time budget of one call, started when the call starts.
#[derive(Debug)]
pub(crate) struct OperationDeadline {
    started: Instant,
    operation: Option<Duration>,
    attempt: Option<Duration>,
}

impl OperationDeadline {
    pub fn start(clock: &dyn RetryClock, config: &ResolvedConfig) -> Self {
        Self {
            started: clock.now(),
            operation: config.operation_timeout.value,
            attempt: config.attempt_timeout.value,
        }
    }

    /// Time left of the operation; `None` when it has no deadline.
    fn remaining(&self, clock: &dyn RetryClock) -> Option<Duration> {
        let elapsed = clock.now().saturating_duration_since(self.started);
        self.operation.map(|limit| limit.saturating_sub(elapsed))
    }

    /// The deadline of an attempt starting now: the attempt deadline, cut to the time left of
    /// the operation.
    pub fn for_attempt(&self, clock: &dyn RetryClock) -> AttemptDeadline {
        match (self.attempt, self.remaining(clock)) {
            (Some(attempt), Some(left)) if attempt <= left => AttemptDeadline {
                remaining: Some(attempt),
                phase: TimeoutPhase::Attempt,
            },
            (_, Some(left)) => AttemptDeadline {
                remaining: Some(left),
                phase: TimeoutPhase::Operation,
            },
            (attempt, None) => AttemptDeadline {
                remaining: attempt,
                phase: TimeoutPhase::Attempt,
            },
        }
    }

    /// `Ok` when a wait of `wait` still leaves time for another attempt; otherwise the operation
    /// timeout error, naming `last_failure` (there is no point in waiting for a deadline).
    pub fn check_wait(
        &self,
        wait: Duration,
        clock: &dyn RetryClock,
        last_failure: Option<&Error>,
    ) -> Result<(), Error> {
        match (self.operation, self.remaining(clock)) {
            (Some(limit), Some(left)) if wait >= left => {
                let after = match last_failure {
                    Some(error) => format!("; last failure: {error}"),
                    None => String::new(),
                };
                Err(Error::new(
                    ErrorKind::Timeout(TimeoutPhase::Operation),
                    format!(
                        "operation timeout: waiting {} ms for the next attempt would pass the operation deadline ({} ms){after}",
                        wait.as_millis(),
                        limit.as_millis()
                    ),
                ))
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;
    use crate::config::settings::Settings;

    struct ManualClock(Mutex<Instant>);
    impl RetryClock for ManualClock {
        fn now(&self) -> Instant {
            *self.0.lock().unwrap()
        }
        fn sleep(&self, duration: Duration) {
            *self.0.lock().unwrap() += duration;
        }
        fn random_unit(&self) -> f64 {
            0.5
        }
    }

    fn deadline(settings: Settings, clock: &ManualClock) -> OperationDeadline {
        let env = std::collections::HashMap::from([("AWS_CONFIG_FILE", "/nonexistent/config")]);
        let config = ResolvedConfig::resolve(&settings, &env).unwrap();
        OperationDeadline::start(clock, &config)
    }

    #[test]
    fn attempts_are_cut_to_the_time_left_of_the_operation() {
        let clock = ManualClock(Mutex::new(Instant::now()));
        let settings = Settings::new()
            .attempt_timeout(Duration::from_secs(3))
            .operation_timeout(Duration::from_secs(5));
        let budget = deadline(settings, &clock);
        let first = budget.for_attempt(&clock);
        assert_eq!(first.remaining, Some(Duration::from_secs(3)));
        assert_eq!(first.phase, TimeoutPhase::Attempt);
        clock.sleep(Duration::from_secs(3));
        let second = budget.for_attempt(&clock);
        assert_eq!(second.remaining, Some(Duration::from_secs(2)));
        assert_eq!(second.phase, TimeoutPhase::Operation);
        assert!(budget
            .check_wait(Duration::from_secs(1), &clock, None)
            .is_ok());
        let err = budget
            .check_wait(Duration::from_secs(2), &clock, None)
            .unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Timeout(TimeoutPhase::Operation));
    }

    #[test]
    fn without_an_operation_deadline_only_the_attempt_deadline_applies() {
        let clock = ManualClock(Mutex::new(Instant::now()));
        let settings = Settings::new()
            .connect_timeout(Duration::from_secs(1))
            .read_timeout(Duration::from_secs(2));
        let budget = deadline(settings, &clock);
        clock.sleep(Duration::from_secs(1000));
        let attempt = budget.for_attempt(&clock);
        assert_eq!(attempt.remaining, Some(Duration::from_secs(3)));
        assert!(budget
            .check_wait(Duration::from_secs(100), &clock, None)
            .is_ok());
        let unbounded = deadline(Settings::new().attempt_timeout(Duration::ZERO), &clock);
        assert_eq!(unbounded.for_attempt(&clock).remaining, None);
    }
}
