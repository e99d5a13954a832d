//! What an attempt that failed tells the retry policy.

use std::time::Duration;

use crate::error::Error;

/// What is known about an attempt that failed.
#[derive(Debug)]
pub(crate) struct FailedAttempt {
    pub error: Error,
    /// `x-amz-retry-after`, when the server sent one.
    pub retry_after: Option<Duration>,
    /// The request certainly did not reach the server (DNS or connect failure).
    pub not_sent: bool,
    /// The attempt failed on a connection taken from the pool before any byte of response
    /// arrived: the server had closed it, and did not see the request.
    pub stale_connection: bool,
}
