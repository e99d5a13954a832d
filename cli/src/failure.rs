//! Why a run failed, what to print on stderr, and the AWS CLI v2 exit code for it.

use std::fmt;

use crate::spelling::CliSpelling;

/// The operation name as the AWS CLI prints it in error lines.
pub const OPERATION: &str = "GetUserAttributeVerificationCode";

/// AWS CLI v2 return codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitClass {
    /// 252: the command line or a parameter is wrong.
    Usage = 252,
    /// 253: the configuration (environment, settings) is wrong.
    Configuration = 253,
    /// 254: the service answered with an error.
    Service = 254,
    /// 255: anything else (network, TLS, timeout, protocol).
    Other = 255,
}

/// A failed run: the text for stderr (already in the AWS CLI's shape) and its class.
#[derive(Debug)]
pub struct Failure {
    /// What kind of failure, which decides the exit code.
    pub class: ExitClass,
    /// The text for stderr.
    pub message: String,
    /// The diagnosis's hint, printed as a second line `hint: ...` only when stderr is a
    /// terminal: piped or redirected, stderr stays byte-identical to the AWS CLI's.
    pub hint: Option<String>,
}

impl Failure {
    /// A command line the parser or a check rejected.
    pub fn usage(message: impl Into<String>) -> Self {
        Self {
            class: ExitClass::Usage,
            message: message.into(),
            hint: None,
        }
    }

    /// Settings or files that cannot be used.
    pub fn configuration(message: impl Into<String>) -> Self {
        Self {
            class: ExitClass::Configuration,
            message: message.into(),
            hint: None,
        }
    }

    /// A parameter that could not be parsed, named as the AWS CLI names it.
    pub fn parameter(option: &str, why: impl fmt::Display) -> Self {
        Self::usage(format!("Error parsing parameter '--{option}': {why}"))
    }

    /// The error of a `GetUserAttributeVerificationCode` call, in the AWS CLI's words.
    /// `endpoint` is the URL the request went to.
    pub fn from_call(error: &cognito_attr_code::Error, max_attempts: u32, endpoint: &str) -> Self {
        Self::from_operation_call(OPERATION, error, max_attempts, endpoint)
    }

    /// The error of a call of `operation` (as the AWS CLI names it in error lines).
    pub fn from_operation_call(
        operation: &str,
        error: &cognito_attr_code::Error,
        max_attempts: u32,
        endpoint: &str,
    ) -> Self {
        use cognito_attr_code::ErrorKind;
        let spelled = error.message_in(&CliSpelling);
        let (class, message) = match error.kind() {
            ErrorKind::Service(_) | ErrorKind::UnknownService(_) => {
                // botocore adds this whenever the last attempt was the last one allowed.
                let retries = if error.attempts() >= max_attempts {
                    format!(
                        " (reached max retries: {})",
                        error.attempts().saturating_sub(1)
                    )
                } else {
                    String::new()
                };
                (
                    ExitClass::Service,
                    format!(
                        "An error occurred ({}) when calling the {operation} operation{retries}: {}",
                        error.code(),
                        spelled
                    ),
                )
            }
            ErrorKind::InvalidArgument { .. } => (
                ExitClass::Usage,
                format!("Parameter validation failed:\n{spelled}"),
            ),
            ErrorKind::Configuration { .. } => {
                (ExitClass::Configuration, spelled)
            }
            // botocore's ConnectionClosedError: a response had started (status and headers
            // received) when the connection was reset or cut short.
            ErrorKind::Network if error.http_status().is_some() => (
                ExitClass::Other,
                format!("Connection was closed before we received a valid response from endpoint URL: \"{endpoint}\"."),
            ),
            ErrorKind::Network => (
                ExitClass::Other,
                format!("Could not connect to the endpoint URL: \"{endpoint}\""),
            ),
            ErrorKind::Timeout(phase) => (ExitClass::Other, timeout_message(*phase, endpoint)),
            ErrorKind::Tls => (
                ExitClass::Other,
                format!("SSL validation failed for {endpoint} {spelled}"),
            ),
            _ => (ExitClass::Other, error.to_string_in(&CliSpelling)),
        };
        let hint = error.diagnosis().map(|found| found.hint().to_owned());
        Self {
            class,
            message,
            hint,
        }
    }

    /// What to write on stderr: the AWS CLI's text, then `hint: ...` when `terminal` (stderr is
    /// one) and there is a hint.
    pub fn stderr_text(&self, terminal: bool) -> String {
        match &self.hint {
            Some(hint) if terminal => format!("{self}\nhint: {hint}\n"),
            _ => format!("{self}\n"),
        }
    }

    /// The process exit code of this failure.
    pub fn exit_code(&self) -> u8 {
        self.class as u8
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The AWS CLI starts every error with an empty line.
        writeln!(f)?;
        f.write_str(&self.message)
    }
}

/// botocore's words for connect and read timeouts; the deadlines, which botocore lacks, in the
/// same form, naming the flag that sets them.
fn timeout_message(phase: cognito_attr_code::TimeoutPhase, endpoint: &str) -> String {
    use cognito_attr_code::TimeoutPhase;
    let (what, flag) = match phase {
        TimeoutPhase::Connect => ("Connect", ""),
        TimeoutPhase::Read => ("Read", ""),
        TimeoutPhase::Attempt => ("Attempt", " (--cli-attempt-timeout)"),
        TimeoutPhase::Operation => ("Operation", " (--cli-operation-timeout)"),
    };
    format!("{what} timeout on endpoint URL: \"{endpoint}\"{flag}")
}
