//! Failures queued by `fail_next`: each answers the next matching requests instead of the
//! service (or delays them), then is used up.

use std::collections::VecDeque;
use std::time::Duration;

use crate::arguments::Arguments;
use crate::error::FakeError;
use crate::service_errors;

/// The two operations a fault can be limited to.
pub(crate) const OPERATIONS: [&str; 2] =
    ["GetUserAttributeVerificationCode", "VerifyUserAttribute"];

/// How a faulted request is answered.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum FaultAnswer {
    /// A modeled (or any) service error.
    Service {
        code: String,
        message: String,
        status: u16,
    },
    /// An HTTP status with a body that is not JSON, as a proxy or load balancer sends.
    Status(u16),
    /// The connection is reset without a response.
    Reset,
    /// Only the delay; then the service answers as usual.
    Service200,
}

/// One `fail_next` call.
#[derive(Clone, Debug)]
pub(crate) struct Fault {
    operation: Option<String>,
    pub(crate) answer: FaultAnswer,
    pub(crate) delay: Duration,
    remaining: u64,
}

impl Fault {
    pub(crate) const FIELDS: &'static [&'static str] = &[
        "operation",
        "error",
        "message",
        "status",
        "delay_seconds",
        "reset",
        "count",
    ];

    pub(crate) fn from_arguments(args: &Arguments<'_>) -> Result<Self, FakeError> {
        let operation = args.string("operation")?;
        if let Some(name) = operation {
            if !OPERATIONS.contains(&name) {
                return Err(FakeError::invalid(format!(
                    "operation: must be one of {}",
                    OPERATIONS.join(", ")
                )));
            }
        }
        let error = args.string("error")?;
        let message = args.string("message")?;
        let status = args.integer("status", 100, 599)?;
        let delay = args.seconds("delay_seconds")?;
        let reset = args.bool_or("reset", false)?;
        let count = args.integer("count", 1, 1_000_000)?.unwrap_or(1);
        if reset && (error.is_some() || status.is_some() || message.is_some()) {
            return Err(FakeError::invalid(
                "reset: a reset sends no response, so it takes no error, message or status",
            ));
        }
        if message.is_some() && error.is_none() {
            return Err(FakeError::invalid("message: needs an error"));
        }
        let answer = match (error, status) {
            (Some(code), _) => {
                if code.is_empty() {
                    return Err(FakeError::invalid("error: must not be empty"));
                }
                let (default_status, default_message) = service_errors::defaults(code);
                FaultAnswer::Service {
                    code: code.to_owned(),
                    message: message.unwrap_or(default_message).to_owned(),
                    status: status.map_or(default_status, |s| s as u16),
                }
            }
            (None, Some(status)) => FaultAnswer::Status(status as u16),
            (None, None) if reset => FaultAnswer::Reset,
            (None, None) if delay.is_some() => FaultAnswer::Service200,
            (None, None) => {
                return Err(FakeError::invalid(
                    "error: give error, status, reset or delay_seconds",
                ))
            }
        };
        Ok(Self {
            operation: operation.map(str::to_owned),
            answer,
            delay: Duration::from_secs_f64(delay.unwrap_or(0.0)),
            remaining: count,
        })
    }
}

/// The queue of pending faults, oldest first.
#[derive(Default)]
pub(crate) struct Faults {
    queue: VecDeque<Fault>,
}

impl Faults {
    pub(crate) fn push(&mut self, fault: Fault) {
        self.queue.push_back(fault);
    }

    /// The oldest fault matching `operation`, counted as used once — except a reset on a kept-alive
    /// connection (`reused`): clients replay such a request once on a fresh connection (the server
    /// may have closed an idle connection), so the replay takes the reset that counts, and the
    /// caller sees it whether or not it reuses connections.
    pub(crate) fn take(&mut self, operation: &str, reused: bool) -> Option<Fault> {
        let index = self.queue.iter().position(|fault| {
            fault
                .operation
                .as_deref()
                .is_none_or(|wanted| wanted == operation)
        })?;
        let fault = &mut self.queue[index];
        if reused && fault.answer == FaultAnswer::Reset {
            return Some(fault.clone());
        }
        fault.remaining -= 1;
        let taken = fault.clone();
        if fault.remaining == 0 {
            self.queue.remove(index);
        }
        Some(taken)
    }
}
