//! The two Cognito operations over AWS JSON 1.1, as the real service answers them.

use std::time::Duration;

use serde_json::{json, Map, Value};

use crate::destination::masked;
use crate::faults::{FaultAnswer, OPERATIONS};
use crate::pool::{Pool, RequestRecord, SentCode};
use crate::service_errors::{
    ATTEMPT_LIMIT, ATTRIBUTE_NOT_VERIFIABLE, CODE_EXPIRED, CODE_MISMATCH, DAILY_EMAIL_LIMIT,
    INVALID_TOKEN, NO_EMAIL, NO_PHONE,
};

/// The target prefix of every operation of the service.
pub(crate) const TARGET_PREFIX: &str = "AWSCognitoIdentityProviderService.";
/// Code requests per user per hour (the 6th is refused).
const CODE_REQUESTS_PER_HOUR: usize = 5;
/// Verifications per user per hour (the 16th is refused).
const VERIFICATIONS_PER_HOUR: usize = 15;
const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;

/// How the server answers a Cognito call.
#[derive(Debug)]
pub(crate) enum Answer {
    /// `application/x-amz-json-1.1`; errors carry their code in `x-amzn-ErrorType` too.
    Json {
        status: u16,
        body: Value,
        error_code: Option<String>,
    },
    /// An HTTP status with a short text body.
    Status(u16),
    /// Reset the connection.
    Reset,
}

/// A service error: code and message.
struct ServiceError(&'static str, String);

impl ServiceError {
    fn new(code: &'static str, message: &str) -> Self {
        Self(code, message.to_owned())
    }
}

fn error_answer(code: &str, message: &str, status: u16) -> Answer {
    Answer::Json {
        status,
        body: json!({ "__type": code, "message": message }),
        error_code: Some(code.to_owned()),
    }
}

/// Answers the call with `X-Amz-Target` `target` and body `body`, received on a connection that
/// served earlier requests when `reused`; returns how long to wait before answering.
pub(crate) fn handle(
    pool: &mut Pool,
    target: Option<&str>,
    body: &[u8],
    reused: bool,
) -> (Duration, Answer) {
    let operation = target
        .and_then(|target| target.strip_prefix(TARGET_PREFIX))
        .unwrap_or_default();
    if !OPERATIONS.contains(&operation) {
        // What the service's front door (Coral) answers for a target it does not serve.
        let code = "UnknownOperationException";
        pool.requests.push(RequestRecord {
            operation: target.unwrap_or_default().to_owned(),
            username: None,
            attribute: None,
            outcome: code.to_owned(),
        });
        return (
            Duration::ZERO,
            Answer::Json {
                status: 400,
                body: json!({ "__type": format!("com.amazon.coral.service#{code}") }),
                error_code: Some(code.to_owned()),
            },
        );
    }
    let input = serde_json::from_slice::<Value>(body)
        .ok()
        .and_then(|value| match value {
            Value::Object(map) => Some(map),
            _ => None,
        });
    let username = input
        .as_ref()
        .and_then(|map| map.get("AccessToken"))
        .and_then(Value::as_str)
        .and_then(|token| pool.tokens.get(token))
        .map(|record| record.username.clone());
    let attribute = input
        .as_ref()
        .and_then(|map| map.get("AttributeName"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let mut record = RequestRecord {
        operation: operation.to_owned(),
        username,
        attribute,
        outcome: String::new(),
    };
    let fault = pool.faults.take(operation, reused);
    let delay = fault.as_ref().map_or(Duration::ZERO, |fault| fault.delay);
    let answer = match fault {
        Some(fault) if fault.answer != FaultAnswer::Service200 => match fault.answer {
            FaultAnswer::Service {
                code,
                message,
                status,
            } => {
                record.outcome.clone_from(&code);
                error_answer(&code, &message, status)
            }
            FaultAnswer::Status(status) => {
                record.outcome = format!("status {status}");
                Answer::Status(status)
            }
            FaultAnswer::Reset | FaultAnswer::Service200 => {
                record.outcome = "reset".to_owned();
                Answer::Reset
            }
        },
        _ => {
            let result = match &input {
                None => Err(ServiceError("SerializationException", String::new())),
                Some(input) if operation == OPERATIONS[0] => send_code(pool, input),
                Some(input) => verify(pool, input),
            };
            match result {
                Ok(body) => {
                    record.outcome = "ok".to_owned();
                    Answer::Json {
                        status: 200,
                        body,
                        error_code: None,
                    }
                }
                Err(ServiceError(code, message)) => {
                    record.outcome = code.to_owned();
                    if message.is_empty() {
                        Answer::Json {
                            status: 400,
                            body: json!({ "__type": format!("com.amazon.coral.service#{code}") }),
                            error_code: Some(code.to_owned()),
                        }
                    } else {
                        error_answer(code, &message, 400)
                    }
                }
            }
        }
    };
    pool.requests.push(record);
    (delay, answer)
}

/// A required string member, as the service's validation words a missing one.
fn member<'a>(input: &'a Map<String, Value>, name: &str) -> Result<&'a str, ServiceError> {
    let field = {
        let mut chars = name.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_ascii_lowercase().to_string() + chars.as_str()
        })
    };
    match input.get(name) {
        Some(Value::String(text)) if !text.is_empty() => Ok(text),
        Some(Value::String(_)) => Err(ServiceError(
            "InvalidParameterException",
            format!("1 validation error detected: Value at '{field}' failed to satisfy constraint: Member must have length greater than or equal to 1"),
        )),
        Some(_) => Err(ServiceError("SerializationException", String::new())),
        None => Err(ServiceError(
            "InvalidParameterException",
            format!("1 validation error detected: Value null at '{field}' failed to satisfy constraint: Member must not be null"),
        )),
    }
}

/// The user the token authorises, checked as the service checks it.
fn authorised_user(pool: &Pool, input: &Map<String, Value>) -> Result<String, ServiceError> {
    let token = member(input, "AccessToken")?;
    let record = pool
        .tokens
        .get(token)
        .ok_or_else(|| ServiceError::new("NotAuthorizedException", INVALID_TOKEN))?;
    if let Some(message) = record.refusal(pool.clock.now()) {
        return Err(ServiceError::new("NotAuthorizedException", message));
    }
    Ok(record.username.clone())
}

fn verifiable_attribute(input: &Map<String, Value>) -> Result<&str, ServiceError> {
    let attribute = member(input, "AttributeName")?;
    if attribute == "email" || attribute == "phone_number" {
        Ok(attribute)
    } else {
        Err(ServiceError::new(
            "InvalidParameterException",
            ATTRIBUTE_NOT_VERIFIABLE,
        ))
    }
}

fn send_code(pool: &mut Pool, input: &Map<String, Value>) -> Result<Value, ServiceError> {
    let username = authorised_user(pool, input)?;
    let attribute = verifiable_attribute(input)?;
    let now = pool.clock.now();
    let is_email = attribute == "email";
    let user = &pool.users[&username];
    // The code goes to the attribute's current value.
    let Some(value) = user.attributes.get(attribute).cloned() else {
        let message = if is_email { NO_EMAIL } else { NO_PHONE };
        return Err(ServiceError::new("InvalidParameterException", message));
    };
    let over_daily_quota = is_email
        && pool
            .daily_email_quota
            .is_some_and(|quota| pool.emails_sent.is_full(now, DAY, quota as usize));
    // A request refused by either limit counts against neither.
    if user
        .code_requests
        .is_full(now, HOUR, CODE_REQUESTS_PER_HOUR)
    {
        return Err(ServiceError::new("LimitExceededException", ATTEMPT_LIMIT));
    }
    if over_daily_quota {
        return Err(ServiceError::new(
            "LimitExceededException",
            DAILY_EMAIL_LIMIT,
        ));
    }
    if is_email {
        pool.emails_sent.count(now);
    }
    let code = pool.new_code();
    let destination = masked(attribute, &value);
    let delivery_medium = if is_email { "EMAIL" } else { "SMS" };
    let user = pool
        .users
        .get_mut(&username)
        .expect("the token's user exists");
    user.code_requests.count(now);
    // Cognito keeps one pending code per attribute: a new one replaces the older ones.
    for older in user
        .codes
        .iter_mut()
        .filter(|sent| sent.attribute == attribute)
    {
        older.usable = false;
    }
    user.codes.push(SentCode {
        attribute: attribute.to_owned(),
        code,
        destination: destination.clone(),
        delivery_medium,
        sent_at: now,
        usable: true,
    });
    Ok(json!({
        "CodeDeliveryDetails": {
            "Destination": destination,
            "DeliveryMedium": delivery_medium,
            "AttributeName": attribute,
        }
    }))
}

fn verify(pool: &mut Pool, input: &Map<String, Value>) -> Result<Value, ServiceError> {
    let username = authorised_user(pool, input)?;
    let attribute = verifiable_attribute(input)?;
    let code = member(input, "Code")?;
    let now = pool.clock.now();
    let user = pool
        .users
        .get_mut(&username)
        .expect("the token's user exists");
    if !user.attributes.contains_key(attribute) {
        let message = if attribute == "email" {
            NO_EMAIL
        } else {
            NO_PHONE
        };
        return Err(ServiceError::new("InvalidParameterException", message));
    }
    // Every attempt counts, right or wrong.
    if !user
        .verifications
        .try_count(now, HOUR, VERIFICATIONS_PER_HOUR)
    {
        return Err(ServiceError::new("LimitExceededException", ATTEMPT_LIMIT));
    }
    let pending = user
        .codes
        .iter_mut()
        .rev()
        .find(|sent| sent.attribute == attribute && sent.usable);
    match pending {
        Some(sent) if sent.code == code => {
            if now >= sent.sent_at + DAY {
                return Err(ServiceError::new("ExpiredCodeException", CODE_EXPIRED));
            }
            sent.usable = false;
            user.attributes
                .insert(format!("{attribute}_verified"), "true".to_owned());
            Ok(json!({}))
        }
        _ => Err(ServiceError::new("CodeMismatchException", CODE_MISMATCH)),
    }
}
