//! Retry policy: which failures are retried, how long to wait, and the retry quota shared by all
//! calls of one client (the AWS SDKs' "standard" mode, with this operation's own rules).

pub(crate) mod random;
pub(crate) mod rate_limiter;

use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::error::{Error, ErrorKind, ServiceErrorRetry, TimeoutPhase};
use crate::transport::cancellation::Cancellation;
use crate::transport::failed_attempt::FailedAttempt;

/// Longest wait between two attempts.
pub const MAX_BACKOFF: Duration = Duration::from_secs(20);
const INITIAL_QUOTA: u32 = 500;
const RETRY_COST: u32 = 5;
const TIMEOUT_RETRY_COST: u32 = 10;
const NO_RETRY_INCREMENT: u32 = 1;

/// Time and randomness for the retry loop; tests substitute a scripted one.
pub trait RetryClock: Send + Sync {
    /// Now.
    fn now(&self) -> Instant;
    /// Waits for `duration`.
    fn sleep(&self, duration: Duration);
    /// A uniformly distributed number in `[0, 1)`.
    fn random_unit(&self) -> f64;
    /// Waits for `duration` unless `cancellation` is set before or during the wait
    /// (`Err(Cancelled)` then). Clocks that do not really wait keep the default.
    fn sleep_unless_cancelled(
        &self,
        duration: Duration,
        cancellation: &Cancellation,
    ) -> Result<(), Error> {
        cancellation.check()?;
        self.sleep(duration);
        cancellation.check()
    }
}

/// The real clock and a fast non-cryptographic random source.
#[derive(Debug, Default)]
pub struct SystemClock;

impl RetryClock for SystemClock {
    fn now(&self) -> Instant {
        Instant::now()
    }
    fn sleep(&self, duration: Duration) {
        std::thread::sleep(duration);
    }
    fn random_unit(&self) -> f64 {
        random::unit()
    }
    fn sleep_unless_cancelled(
        &self,
        duration: Duration,
        cancellation: &Cancellation,
    ) -> Result<(), Error> {
        cancellation.wait(duration)
    }
}

/// The retry quota of one client: retries draw from it, successes refill it, and an empty quota
/// stops retries (so an outage does not multiply the load).
#[derive(Debug)]
pub(crate) struct RetryQuota {
    available: Mutex<u32>,
}

impl RetryQuota {
    pub fn new() -> Self {
        Self {
            available: Mutex::new(INITIAL_QUOTA),
        }
    }

    #[cfg(test)]
    pub fn available(&self) -> u32 {
        *self
            .available
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn try_acquire(&self, cost: u32) -> bool {
        let mut available = self
            .available
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if *available < cost {
            return false;
        }
        *available -= cost;
        true
    }

    /// After a successful call: return what its retries took, or 1 token if it took none.
    pub fn release(&self, acquired: u32) {
        let mut available = self
            .available
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let refund = if acquired == 0 {
            NO_RETRY_INCREMENT
        } else {
            acquired
        };
        *available = (*available + refund).min(INITIAL_QUOTA);
    }
}

/// `true` when the failure means "slow down" (drives adaptive mode).
pub(crate) fn is_throttling(error: &Error) -> bool {
    error.http_status() == Some(429) || THROTTLING_CODES.contains(&error.code())
}

/// Codes that mean "slow down".
const THROTTLING_CODES: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
];
const TRANSIENT_CODES: &[&str] = &[
    "RequestTimeout",
    "RequestTimeoutException",
    "InternalErrorException",
];
const TRANSIENT_STATUSES: &[u16] = &[500, 502, 503, 504];

/// The retry decisions of one client.
#[derive(Debug)]
pub(crate) struct RetryPolicy {
    pub max_attempts: u32,
    pub retry_read_timeouts: bool,
    pub quota: RetryQuota,
}

impl RetryPolicy {
    pub fn new(max_attempts: u32, retry_read_timeouts: bool) -> Self {
        Self {
            max_attempts,
            retry_read_timeouts,
            quota: RetryQuota::new(),
        }
    }

    /// The quota cost of retrying `failure`, or `None` when it must not be retried.
    fn retry_cost(&self, failure: &FailedAttempt) -> Option<u32> {
        let error = &failure.error;
        match error.kind() {
            ErrorKind::Service(code) if code.retry() == ServiceErrorRetry::Never => None,
            ErrorKind::Service(code) if code.retry() == ServiceErrorRetry::Always => {
                Some(RETRY_COST)
            }
            ErrorKind::Timeout(TimeoutPhase::Connect) => Some(TIMEOUT_RETRY_COST),
            // The request may have been processed: a retry can send a second code.
            ErrorKind::Timeout(TimeoutPhase::Read | TimeoutPhase::Attempt) => {
                self.retry_read_timeouts.then_some(TIMEOUT_RETRY_COST)
            }
            ErrorKind::Network if failure.not_sent => Some(TIMEOUT_RETRY_COST),
            ErrorKind::Service(_) | ErrorKind::UnknownService(_) | ErrorKind::Protocol => {
                let code = error.code();
                let by_code = THROTTLING_CODES.contains(&code) || TRANSIENT_CODES.contains(&code);
                let by_status = error
                    .http_status()
                    .is_some_and(|s| TRANSIENT_STATUSES.contains(&s));
                (by_code || by_status).then_some(RETRY_COST)
            }
            _ => None,
        }
    }

    /// Decides whether attempt number `attempt` (1-based), which failed, is followed by another,
    /// and after how long. On `Some`, the quota has been charged and `acquired` grows by the cost.
    pub fn next_delay(
        &self,
        attempt: u32,
        failure: &FailedAttempt,
        acquired: &mut u32,
        clock: &dyn RetryClock,
    ) -> Option<Duration> {
        if attempt >= self.max_attempts {
            return None;
        }
        let cost = self.retry_cost(failure)?;
        if !self.quota.try_acquire(cost) {
            return None;
        }
        *acquired += cost;
        Some(match failure.retry_after {
            Some(after) => after.min(MAX_BACKOFF),
            None => backoff(attempt, clock.random_unit()),
        })
    }
}

/// `random × min(1 s × 2^(attempt-1), 20 s)`.
pub fn backoff(attempt: u32, random_unit: f64) -> Duration {
    let exponent = attempt.saturating_sub(1).min(31);
    let ceiling = Duration::from_secs(1u64 << exponent).min(MAX_BACKOFF);
    ceiling.mul_f64(random_unit.clamp(0.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ServiceErrorCode;

    fn failure(kind: ErrorKind, status: Option<u16>) -> FailedAttempt {
        let mut error = Error::new(kind, "m");
        if let Some(status) = status {
            error = error.with_response(status, None);
        }
        FailedAttempt {
            error,
            retry_after: None,
            not_sent: false,
            stale_connection: false,
        }
    }

    struct FixedClock(f64);
    impl RetryClock for FixedClock {
        fn now(&self) -> Instant {
            Instant::now()
        }
        fn sleep(&self, _: Duration) {}
        fn random_unit(&self) -> f64 {
            self.0
        }
    }

    #[test]
    fn backoff_bounds_are_exact() {
        assert_eq!(backoff(1, 1.0), Duration::from_secs(1));
        assert_eq!(backoff(2, 0.5), Duration::from_secs(1));
        assert_eq!(backoff(3, 1.0), Duration::from_secs(4));
        assert_eq!(backoff(6, 1.0), MAX_BACKOFF);
        assert_eq!(backoff(60, 0.25), Duration::from_secs(5));
        assert_eq!(backoff(1, 0.0), Duration::ZERO);
    }

    #[test]
    fn modeled_errors_follow_the_table_whatever_the_status() {
        let policy = RetryPolicy::new(3, false);
        for code in ServiceErrorCode::ALL {
            for status in [400, 500, 503] {
                let cost = policy.retry_cost(&failure(ErrorKind::Service(*code), Some(status)));
                let expected = match code.retry() {
                    ServiceErrorRetry::Always => Some(RETRY_COST),
                    ServiceErrorRetry::Never => None,
                    ServiceErrorRetry::OnServerStatus => (status != 400).then_some(RETRY_COST),
                };
                assert_eq!(cost, expected, "{code:?} with HTTP {status}");
            }
        }
        for never in [
            ServiceErrorCode::LimitExceeded,
            ServiceErrorCode::CodeMismatch,
        ] {
            assert_eq!(never.retry(), ServiceErrorRetry::Never);
        }
    }

    #[test]
    fn classification() {
        let policy = RetryPolicy::new(3, false);
        let service = |code| failure(ErrorKind::Service(code), Some(400));
        assert_eq!(
            policy.retry_cost(&service(ServiceErrorCode::TooManyRequests)),
            Some(5)
        );
        assert_eq!(
            policy.retry_cost(&service(ServiceErrorCode::LimitExceeded)),
            None
        );
        assert_eq!(
            policy.retry_cost(&service(ServiceErrorCode::NotAuthorized)),
            None
        );
        assert_eq!(
            policy.retry_cost(&failure(ErrorKind::Protocol, Some(503))),
            Some(5)
        );
        assert_eq!(
            policy.retry_cost(&failure(
                ErrorKind::UnknownService("Throttling".into()),
                Some(400)
            )),
            Some(5)
        );
        assert_eq!(
            policy.retry_cost(&failure(ErrorKind::Timeout(TimeoutPhase::Read), None)),
            None
        );
        assert_eq!(
            policy.retry_cost(&failure(ErrorKind::Timeout(TimeoutPhase::Connect), None)),
            Some(10)
        );
        assert_eq!(policy.retry_cost(&failure(ErrorKind::Network, None)), None);
        let mut not_sent = failure(ErrorKind::Network, None);
        not_sent.not_sent = true;
        assert_eq!(policy.retry_cost(&not_sent), Some(10));
        let opted_in = RetryPolicy::new(3, true);
        assert_eq!(
            opted_in.retry_cost(&failure(ErrorKind::Timeout(TimeoutPhase::Read), None)),
            Some(10)
        );
    }

    #[test]
    fn quota_runs_out_and_refills() {
        let policy = RetryPolicy::new(3, false);
        let throttled = failure(
            ErrorKind::Service(ServiceErrorCode::TooManyRequests),
            Some(400),
        );
        let mut acquired = 0;
        for _ in 0..100 {
            assert!(policy
                .next_delay(1, &throttled, &mut acquired, &FixedClock(0.5))
                .is_some());
        }
        assert_eq!(policy.quota.available(), 0);
        assert!(policy
            .next_delay(1, &throttled, &mut acquired, &FixedClock(0.5))
            .is_none());
        policy.quota.release(5);
        assert_eq!(policy.quota.available(), 5);
        policy.quota.release(0);
        assert_eq!(policy.quota.available(), 6);
    }

    #[test]
    fn max_attempts_and_retry_after() {
        let policy = RetryPolicy::new(2, false);
        let mut throttled = failure(
            ErrorKind::Service(ServiceErrorCode::TooManyRequests),
            Some(400),
        );
        throttled.retry_after = Some(Duration::from_millis(1500));
        let mut acquired = 0;
        let clock = FixedClock(0.0);
        assert_eq!(
            policy.next_delay(1, &throttled, &mut acquired, &clock),
            Some(Duration::from_millis(1500))
        );
        assert_eq!(
            policy.next_delay(2, &throttled, &mut acquired, &clock),
            None
        );
        assert_eq!(acquired, 5);
    }
}
