//! What a call returns to JavaScript: the output, or a structured error that `index.js` turns
//! into an instance of the matching error class.

use cognito_attr_code::{
    CodeDeliveryDetails, Error, ErrorKind, GetAttrCodeOutput, ResponseFacts, Spelling,
    TimeoutPhase, VerifyAttrOutput,
};

use crate::spelling::NodeSpelling;
use napi_derive::napi;

/// Where Cognito sent the code; every field is optional in the service model.
#[napi(object)]
pub struct NativeCodeDeliveryDetails {
    pub destination: Option<String>,
    pub delivery_medium: Option<String>,
    pub attribute_name: Option<String>,
}

/// A successful call with the metadata of its HTTP exchange.
#[napi(object)]
pub struct NativeOutput {
    pub code_delivery_details: Option<NativeCodeDeliveryDetails>,
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

impl From<CodeDeliveryDetails> for NativeCodeDeliveryDetails {
    fn from(details: CodeDeliveryDetails) -> Self {
        Self {
            destination: details.destination,
            delivery_medium: details.delivery_medium.map(|m| m.as_str().to_owned()),
            attribute_name: details.attribute_name,
        }
    }
}

impl From<GetAttrCodeOutput> for NativeOutput {
    fn from(output: GetAttrCodeOutput) -> Self {
        let metadata = Self::metadata(&output);
        Self {
            code_delivery_details: output.code_delivery_details.map(Into::into),
            ..metadata
        }
    }
}

/// `VerifyUserAttribute`'s output has no members: only the metadata of the exchange.
impl From<VerifyAttrOutput> for NativeOutput {
    fn from(output: VerifyAttrOutput) -> Self {
        Self::metadata(&output)
    }
}

impl NativeOutput {
    /// The metadata of a successful exchange, without delivery details.
    fn metadata(output: &impl ResponseFacts) -> Self {
        let header = |name: &str| {
            output
                .http_headers()
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        };
        Self {
            extended_request_id: header("x-amz-id-2"),
            cf_id: header("x-amz-cf-id"),
            code_delivery_details: None,
            http_status_code: output.http_status().into(),
            request_id: output.request_id().map(str::to_owned),
            attempts: output.attempts(),
            total_retry_delay_ms: output.total_retry_delay().as_millis() as f64,
        }
    }
}

impl<O: Into<NativeOutput>> From<Result<O, Error>> for Outcome {
    fn from(result: Result<O, Error>) -> Self {
        match result {
            Ok(output) => Self {
                output: Some(output.into()),
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
