//! Diagnosing an error: one table ([`RULES`]) from the error code, the service's message and the
//! access token's own claims (`token_use`, `exp`, `iss`; read, never verified, never quoted) to a
//! [`Diagnosis`]. An unrecognised message gets none (no guessing). The hint may quote service text
//! (a Lambda trigger's message); it is scrubbed with the rest of the error at the call's one exit.

use crate::config::endpoint::validate_region;
use crate::error::diagnosis::{Cause, Diagnosis};
use crate::error::{Error, ErrorKind, ServiceErrorCode};
use crate::secrecy::token_claims::{region_from_issuer, Claims, ADMIN_SCOPE};

/// What a rule may read besides the error itself.
pub(crate) struct Facts<'a> {
    /// The access token's claims, when it is a readable JWT.
    pub claims: Option<&'a Claims>,
    /// Seconds since the Unix epoch, for "expired ... ago".
    pub now_unix: u64,
    /// The region of the endpoint the request went to, when known (not for a custom endpoint
    /// without a region).
    pub endpoint_region: Option<&'a str>,
}

/// How a rule recognises the service's message.
enum Recognised {
    /// The code alone decides.
    AnyMessage,
    /// The message starts with this text, as the real service sends it.
    Starts(&'static str),
    /// "<Trigger> failed with error <message>".
    LambdaFailure,
}

struct Rule {
    codes: &'static [ServiceErrorCode],
    message: Recognised,
    cause: Cause,
    hint: fn(&Error, &Facts<'_>) -> String,
}

use Recognised::{AnyMessage, LambdaFailure, Starts};
use ServiceErrorCode as Code;

// The one table of service-error diagnoses (`id_token_given`, the one local cause, is made where
// the token is refused: `local_refusal`). First match wins; no match, no diagnosis.
const RULES: &[Rule] = &[
    Rule {
        codes: &[Code::LimitExceeded],
        message: Starts("Attempt limit exceeded"),
        cause: Cause::PerUserLimit,
        hint: |_, _| {
            "the per-user hourly limit is used up (5 code requests or 15 verifications per user per hour): wait up to an hour before trying again; retrying now cannot succeed".into()
        },
    },
    Rule {
        codes: &[Code::LimitExceeded],
        message: Starts("Exceeded daily email limit"),
        cause: Cause::DailyEmailLimit,
        hint: |_, _| {
            "the user pool's default e-mail sender has used its daily quota for the account, which lasts until it resets the next day: configure the pool to send e-mail with your own Amazon SES identity".into()
        },
    },
    Rule {
        codes: &[Code::NotAuthorized],
        message: Starts("Access Token has expired"),
        cause: Cause::TokenExpired,
        hint: token_expired,
    },
    Rule {
        codes: &[Code::NotAuthorized],
        message: Starts("Access Token has been revoked"),
        cause: Cause::TokenRevoked,
        hint: |_, _| {
            "the access token was revoked (a global sign-out, or its refresh token was revoked): sign the user in again to get new tokens".into()
        },
    },
    Rule {
        codes: &[Code::NotAuthorized],
        message: Starts("Access Token does not have required scopes"),
        cause: Cause::MissingScope,
        hint: |_, _| {
            format!("the access token lacks the {ADMIN_SCOPE} scope: an OAuth 2.0 sign-in (Hosted UI or managed login) must request it, and the app client must allow it")
        },
    },
    Rule {
        codes: &[Code::NotAuthorized],
        message: Starts("Invalid Access Token"),
        cause: Cause::InvalidToken,
        hint: invalid_token,
    },
    Rule {
        codes: &[
            Code::UserLambdaValidation,
            Code::UnexpectedLambda,
            Code::InvalidLambdaResponse,
        ],
        message: LambdaFailure,
        cause: Cause::LambdaTrigger,
        hint: lambda_trigger,
    },
    Rule {
        codes: &[Code::CodeDeliveryFailure],
        message: AnyMessage,
        cause: Cause::DeliveryFailed,
        hint: |_, _| {
            "the e-mail or SMS provider refused to deliver the code: check the user pool's Amazon SES or SNS set-up, the SES or SNS sandbox and the SMS spending limit".into()
        },
    },
    Rule {
        codes: &[Code::CodeMismatch],
        message: AnyMessage,
        cause: Cause::WrongCode,
        hint: |_, _| {
            "the code is wrong: ask the user to type it again (each try counts toward 15 verifications per user per hour)".into()
        },
    },
    Rule {
        codes: &[Code::ExpiredCode],
        message: AnyMessage,
        cause: Cause::CodeExpired,
        hint: |_, _| {
            "the code has expired (codes are valid for 24 hours) or a newer one replaced it: request a new code".into()
        },
    },
    Rule {
        codes: &[Code::TooManyRequests],
        message: AnyMessage,
        cause: Cause::RateLimited,
        hint: rate_limited,
    },
];

/// The diagnosis of a service error, or `None` when no row of the table recognises it.
pub(crate) fn diagnose(error: &Error, facts: &Facts<'_>) -> Option<Diagnosis> {
    let ErrorKind::Service(code) = error.kind() else {
        return None;
    };
    let message = error.message();
    RULES
        .iter()
        .find(|rule| {
            rule.codes.contains(code)
                && match rule.message {
                    AnyMessage => true,
                    Starts(text) => message.starts_with(text),
                    LambdaFailure => lambda_failure(message).is_some(),
                }
        })
        .map(|rule| Diagnosis::new(rule.cause, (rule.hint)(error, facts)))
}

/// The local refusal of an ID token, or `None` when `claims` is not one.
pub(crate) fn local_refusal(claims: &Claims) -> Option<Error> {
    (claims.token_use.as_deref() == Some("id")).then(|| {
        Error::invalid_argument(
            "access_token",
            "is an ID token (token_use \"id\"); pass the access token",
        )
        .with_diagnosis(Diagnosis::new(
            Cause::IdTokenGiven,
            "this is the ID token (token_use \"id\"), not the access token: pass the access token from the same sign-in; nothing was sent, so no quota was spent".into(),
        ))
    })
}

fn token_expired(_: &Error, facts: &Facts<'_>) -> String {
    const ADVICE: &str =
        "refresh it (InitiateAuth with REFRESH_TOKEN_AUTH) or sign the user in again";
    match facts.claims.and_then(|claims| claims.exp) {
        Some(exp) if exp <= facts.now_unix => format!(
            "the access token expired at {} ({} ago): {ADVICE}",
            utc(exp),
            elapsed(facts.now_unix - exp)
        ),
        Some(exp) => format!(
            "the access token expired at {} by the service's clock (this machine's clock is behind): {ADVICE}",
            utc(exp)
        ),
        None => format!("the access token has expired: {ADVICE}"),
    }
}

fn invalid_token(_: &Error, facts: &Facts<'_>) -> String {
    let issuer_region = facts
        .claims
        .and_then(|claims| claims.iss.as_deref())
        .and_then(region_from_issuer)
        .filter(|region| validate_region(region).is_ok());
    match (issuer_region, facts.endpoint_region) {
        (Some(issuer), Some(endpoint)) if issuer != endpoint => format!(
            "the access token was issued by a user pool in {issuer} but the request went to the {endpoint} endpoint: send it to {issuer} (or set no region and let the library read it from the token)"
        ),
        _ => "the service does not accept this as an access token of a user pool in this Region: pass the access token (not the ID or refresh token) that the user pool you call issued".into(),
    }
}

fn rate_limited(error: &Error, _: &Facts<'_>) -> String {
    match error.attempts() {
        attempts @ 2.. => format!("the account's request rate for this operation was exceeded, and the call was already retried with back-off ({attempts} attempts): send fewer requests or ask AWS for a higher quota"),
        _ => "the account's request rate for this operation was exceeded (the call was not retried: one attempt allowed): retry later with back-off, send fewer requests or ask AWS for a higher quota".into(),
    }
}

fn lambda_trigger(error: &Error, _: &Facts<'_>) -> String {
    let (trigger, message) = lambda_failure(error.message()).unwrap_or_default();
    format!(
        "the user pool's {trigger} Lambda trigger failed with error \"{message}\": fix the function (see its CloudWatch logs) or its trigger set-up"
    )
}

/// `("CustomMessage", "Forbidden domain.")` from "CustomMessage failed with error Forbidden
/// domain.": the trigger must be one word of letters (CustomMessage, CustomEmailSender, ...).
fn lambda_failure(message: &str) -> Option<(&str, &str)> {
    let (trigger, rest) = message.split_once(" failed with error ")?;
    let named = !trigger.is_empty() && trigger.chars().all(|c| c.is_ascii_alphabetic());
    named.then(|| (trigger, rest.trim()))
}

/// `2026-12-04 20:01:00 UTC`.
fn utc(unix: u64) -> String {
    let days = (unix / 86_400) as i64;
    let seconds = unix % 86_400;
    // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// `45 s`, `12 min`, `3 h 5 min`, `2 days 4 h`.
fn elapsed(seconds: u64) -> String {
    let (days, hours, minutes) = (seconds / 86_400, seconds / 3600 % 24, seconds / 60 % 60);
    match (days, hours, minutes) {
        (0, 0, 0) => format!("{seconds} s"),
        (0, 0, _) => format!("{minutes} min"),
        (0, _, _) => format!("{hours} h {minutes} min"),
        (1, _, _) => format!("1 day {hours} h"),
        _ => format!("{days} days {hours} h"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_durations() {
        assert_eq!(utc(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(utc(951_782_400), "2000-02-29 00:00:00 UTC");
        assert_eq!(utc(1_796_414_461), "2026-12-04 20:01:01 UTC");
        assert_eq!(elapsed(45), "45 s");
        assert_eq!(elapsed(12 * 60 + 5), "12 min");
        assert_eq!(elapsed(3 * 3600 + 5 * 60), "3 h 5 min");
        assert_eq!(elapsed(86_400 + 4 * 3600), "1 day 4 h");
        assert_eq!(elapsed(3 * 86_400), "3 days 0 h");
    }

    #[test]
    fn a_lambda_failure_names_a_one_word_trigger() {
        assert_eq!(
            lambda_failure("CustomMessage failed with error Forbidden domain."),
            Some(("CustomMessage", "Forbidden domain."))
        );
        assert_eq!(lambda_failure("Some text failed with error x"), None);
        assert_eq!(lambda_failure("Unrecognizable lambda output"), None);
    }

    #[test]
    fn every_cause_has_a_unique_snake_case_name_and_the_table_uses_each_service_cause() {
        let mut names: Vec<&str> = Cause::ALL.iter().map(|c| c.as_str()).collect();
        assert!(names
            .iter()
            .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_')));
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Cause::ALL.len());
        for cause in Cause::ALL {
            let in_table = RULES.iter().any(|rule| rule.cause == *cause);
            assert_eq!(in_table, *cause != Cause::IdTokenGiven, "{cause}");
        }
    }
}
