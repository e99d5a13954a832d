//! What went wrong and what to do, as an error carries it: a stable [`Cause`] and a one-sentence
//! hint. The client makes them (`client/diagnose.rs`, one table from the error code, the
//! service's message and the access token's claims); a diagnosis only adds to an error, never
//! changes its kind, code, message or retry rule.

use std::fmt;

/// Why an error happened, as a stable identifier (see [`Cause::as_str`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Cause {
    /// `LimitExceededException`, "Attempt limit exceeded, ...": the per-user hourly limit.
    PerUserLimit,
    /// `LimitExceededException`, "Exceeded daily email limit ...": the default sender's quota.
    DailyEmailLimit,
    /// `NotAuthorizedException`, "Access Token has expired".
    TokenExpired,
    /// `NotAuthorizedException`, "Access Token has been revoked".
    TokenRevoked,
    /// `NotAuthorizedException`, "Access Token does not have required scopes".
    MissingScope,
    /// `NotAuthorizedException`, "Invalid Access Token".
    InvalidToken,
    /// Local: the token's `token_use` claim is `id`; refused before any request.
    IdTokenGiven,
    /// A Lambda trigger failed: "`<Trigger>` failed with error ...".
    LambdaTrigger,
    /// `CodeDeliveryFailureException`: the e-mail or SMS provider refused the message.
    DeliveryFailed,
    /// `CodeMismatchException`: the code was wrong.
    WrongCode,
    /// `ExpiredCodeException`: the code is too old or was replaced.
    CodeExpired,
    /// `TooManyRequestsException`: the account's request rate, after retries with back-off.
    RateLimited,
}

impl Cause {
    /// Every cause, in table order.
    pub const ALL: &'static [Cause] = &[
        Cause::PerUserLimit,
        Cause::DailyEmailLimit,
        Cause::TokenExpired,
        Cause::TokenRevoked,
        Cause::MissingScope,
        Cause::InvalidToken,
        Cause::IdTokenGiven,
        Cause::LambdaTrigger,
        Cause::DeliveryFailed,
        Cause::WrongCode,
        Cause::CodeExpired,
        Cause::RateLimited,
    ];

    /// The stable snake_case identifier every front end exposes, e.g. `"per_user_limit"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Cause::PerUserLimit => "per_user_limit",
            Cause::DailyEmailLimit => "daily_email_limit",
            Cause::TokenExpired => "token_expired",
            Cause::TokenRevoked => "token_revoked",
            Cause::MissingScope => "missing_scope",
            Cause::InvalidToken => "invalid_token",
            Cause::IdTokenGiven => "id_token_given",
            Cause::LambdaTrigger => "lambda_trigger",
            Cause::DeliveryFailed => "delivery_failed",
            Cause::WrongCode => "wrong_code",
            Cause::CodeExpired => "code_expired",
            Cause::RateLimited => "rate_limited",
        }
    }
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A cause and a one-sentence hint saying what to do. Never contains the access token or the
/// verification code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnosis {
    cause: Cause,
    hint: String,
}

impl Diagnosis {
    pub(crate) fn new(cause: Cause, hint: String) -> Self {
        Self { cause, hint }
    }

    /// The stable cause.
    pub fn cause(&self) -> Cause {
        self.cause
    }

    /// One sentence: what happened and what to do.
    pub fn hint(&self) -> &str {
        &self.hint
    }

    pub(crate) fn hint_mut(&mut self) -> &mut String {
        &mut self.hint
    }
}
