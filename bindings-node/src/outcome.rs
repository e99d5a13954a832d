//! What a call returns to JavaScript: the output, or a structured error that `index.js` turns
//! into an instance of the matching error class.

use cognito_attr_code::{Error, ErrorKind, Member, OperationOutput, Spelling, TimeoutPhase};

use crate::spelling::NodeSpelling;
use napi_derive::napi;
use serde_json::{Map, Value};

/// A successful call with the metadata of its HTTP exchange.
#[napi(object)]
pub struct NativeOutput {
    /// The output's members as the service model names them (`CodeDeliveryDetails`, ...),
    /// each present only when the service sent it.
    #[napi(ts_type = "Record<string, any>")]
    pub members: Map<String, Value>,
    pub http_status_code: u32,
    pub request_id: Option<String>,
    /// `x-amz-id-2`, as the AWS SDK reports it.
    pub extended_request_id: Option<String>,
    /// `x-amz-cf-id`, as the AWS SDK reports it.
    pub cf_id: Option<String>,
    pub attempts: u32,
    pub total_retry_delay_ms: f64,
}

/// A failed call. `kind` is one of `service`, `unknownService`, `invalidArgument`,
/// `configuration`, `network`, `timeout`, `tls`, `protocol`, `cancelled`.
#[napi(object)]
#[derive(Clone)]
pub struct NativeError {
    pub kind: String,
    pub code: String,
    pub message: String,
    pub server_fault: bool,
    pub http_status_code: Option<u32>,
    pub request_id: Option<String>,
    pub attempts: u32,
    /// The rejected argument (`invalidArgument`).
    pub argument: Option<String>,
    /// The setting at fault, with its source (`configuration`).
    pub setting: Option<String>,
    /// `connect` or `read` (`timeout`).
    pub timeout_phase: Option<String>,
    /// The start of an unparseable response body (`protocol`).
    pub body_excerpt: Option<String>,
    /// `reasonCode` of an InvalidParameterException.
    pub reason_code: Option<String>,
    /// Milliseconds spent waiting between attempts.
    pub total_retry_delay_ms: f64,
    /// The diagnosis's cause (`per_user_limit`, ...), when the core recognised the error.
    pub cause: Option<String>,
    /// The diagnosis's hint, set exactly when `cause` is.
    pub hint: Option<String>,
}

/// Exactly one of `output` and `error` is set.
#[napi(object)]
pub struct Outcome {
    pub output: Option<NativeOutput>,
    pub error: Option<NativeError>,
}

impl NativeError {
    /// A configuration error found while converting settings, before the core sees them.
    pub fn configuration(setting: &str, why: String) -> Self {
        Self {
            kind: "configuration".into(),
            code: "Configuration".into(),
            message: format!("{setting}: {why}"),
            server_fault: false,
            http_status_code: None,
            request_id: None,
            attempts: 0,
            argument: None,
            setting: Some(setting.into()),
            timeout_phase: None,
            body_excerpt: None,
            reason_code: None,
            total_retry_delay_ms: 0.0,
            cause: None,
            hint: None,
        }
    }
}

impl From<&Error> for NativeError {
    fn from(error: &Error) -> Self {
        let mut native = Self {
            kind: String::new(),
            code: error.code().to_owned(),
            message: error.message_in(&NodeSpelling),
            server_fault: error.is_server_fault(),
            http_status_code: error.http_status().map(u32::from),
            request_id: error.request_id().map(str::to_owned),
            attempts: error.attempts(),
            argument: None,
            setting: None,
            timeout_phase: None,
            body_excerpt: error.body_excerpt().map(str::to_owned),
            reason_code: error.reason_code().map(str::to_owned),
            total_retry_delay_ms: error.total_retry_delay().as_secs_f64() * 1000.0,
            cause: error
                .diagnosis()
                .map(|found| found.cause().as_str().to_owned()),
            hint: error.diagnosis().map(|found| found.hint().to_owned()),
        };
        native.kind = match error.kind() {
            ErrorKind::Service(_) => "service",
            ErrorKind::UnknownService(_) => "unknownService",
            ErrorKind::InvalidArgument { argument } => {
                native.argument = Some(NodeSpelling.argument(*argument));
                "invalidArgument"
            }
            ErrorKind::Configuration { .. } => {
                native.setting = error.subject_in(&NodeSpelling);
                "configuration"
            }
            ErrorKind::Network => "network",
            ErrorKind::Timeout(phase) => {
                native.timeout_phase = Some(
                    match phase {
                        TimeoutPhase::Connect => "connect",
                        TimeoutPhase::Read => "read",
                        TimeoutPhase::Attempt => "attempt",
                        TimeoutPhase::Operation => "operation",
                    }
                    .into(),
                );
                "timeout"
            }
            ErrorKind::Tls => "tls",
            ErrorKind::Protocol => "protocol",
            ErrorKind::Cancelled => "cancelled",
            _ => "protocol",
        }
        .into();
        native
    }
}

impl NativeOutput {
    /// The output of any operation: its members and the metadata of its exchange.
    fn new(output: &impl OperationOutput) -> Self {
        let metadata = output.metadata();
        let header = |name: &str| metadata.header(name).map(str::to_owned);
        Self {
            members: members(output.members()),
            extended_request_id: header("x-amz-id-2"),
            cf_id: header("x-amz-cf-id"),
            http_status_code: metadata.http_status.into(),
            request_id: metadata.request_id.clone(),
            attempts: metadata.attempts,
            total_retry_delay_ms: metadata.total_retry_delay.as_millis() as f64,
        }
    }
}

fn members(members: Vec<(&str, Member<'_>)>) -> Map<String, Value> {
    members
        .into_iter()
        .map(|(name, member)| {
            let value = match member {
                Member::Text(text) => Value::from(text),
                Member::Structure(inner) => Value::Object(self::members(inner)),
            };
            (name.to_owned(), value)
        })
        .collect()
}

impl<O: OperationOutput> From<Result<O, Error>> for Outcome {
    fn from(result: Result<O, Error>) -> Self {
        match result {
            Ok(output) => Self {
                output: Some(NativeOutput::new(&output)),
                error: None,
            },
            Err(error) => NativeError::from(&error).into(),
        }
    }
}
impl From<NativeError> for Outcome {
    fn from(error: NativeError) -> Self {
        Self {
            output: None,
            error: Some(error),
        }
    }
}
