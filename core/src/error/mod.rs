//! The one error type of the crate: service errors as Cognito reports them, and local errors.

pub(crate) mod diagnosis;
pub(crate) mod phrase;
pub(crate) mod setting_id;

use std::fmt;

use crate::error::setting_id::SettingId;
use diagnosis::Diagnosis;
use phrase::{ArgumentId, Part, Phrase, RustSpelling, Spelling};

/// Result alias used throughout the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

macro_rules! service_errors {
    ($(
        $variant:ident => $code:literal, retry $retry:ident;
    )+) => {
        /// The errors the service model declares for the operations of this crate.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ServiceErrorCode {
            $( #[doc = $code] $variant, )+
        }

        impl ServiceErrorCode {
            /// Every modeled error, in table order: the 17 of `GetUserAttributeVerificationCode`
            /// in its service model's order, then each later code appended (every front end's
            /// list follows it).
            pub const ALL: &'static [ServiceErrorCode] = &[$(ServiceErrorCode::$variant),+];

            /// The error code exactly as the service sends it, e.g. `"NotAuthorizedException"`.
            pub fn as_str(self) -> &'static str {
                match self { $( ServiceErrorCode::$variant => $code, )+ }
            }

            /// The modeled error for a sanitized code, if it is one.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $( $code => Some(ServiceErrorCode::$variant), )+ _ => None }
            }

            /// Whether a failed attempt with this error is sent again.
            pub fn retry(self) -> ServiceErrorRetry {
                match self { $( ServiceErrorCode::$variant => ServiceErrorRetry::$retry, )+ }
            }
        }
    };
}

// The one table of service error codes. Every other list (C status names, Python and Node
// classes and exports) is generated from it or checked against it, names and order. Append new
// codes at the end; the C API numbers them in ffi-c (`ffi-c/status-numbers.txt`).
service_errors! {
    ResourceNotFound => "ResourceNotFoundException", retry OnServerStatus;
    InvalidParameter => "InvalidParameterException", retry OnServerStatus;
    TooManyRequests => "TooManyRequestsException", retry Always;
    NotAuthorized => "NotAuthorizedException", retry OnServerStatus;
    UnexpectedLambda => "UnexpectedLambdaException", retry OnServerStatus;
    UserLambdaValidation => "UserLambdaValidationException", retry OnServerStatus;
    InvalidLambdaResponse => "InvalidLambdaResponseException", retry OnServerStatus;
    InvalidSmsRoleAccessPolicy => "InvalidSmsRoleAccessPolicyException", retry OnServerStatus;
    InvalidSmsRoleTrustRelationship => "InvalidSmsRoleTrustRelationshipException", retry OnServerStatus;
    InvalidEmailRoleAccessPolicy => "InvalidEmailRoleAccessPolicyException", retry OnServerStatus;
    CodeDeliveryFailure => "CodeDeliveryFailureException", retry OnServerStatus;
    // Per-user hourly limits (5 code requests, 15 verifications) or the daily e-mail quota: a
    // retry seconds later cannot succeed.
    LimitExceeded => "LimitExceededException", retry Never;
    PasswordResetRequired => "PasswordResetRequiredException", retry OnServerStatus;
    UserNotFound => "UserNotFoundException", retry OnServerStatus;
    UserNotConfirmed => "UserNotConfirmedException", retry OnServerStatus;
    InternalError => "InternalErrorException", retry Always;
    Forbidden => "ForbiddenException", retry OnServerStatus;
    OperationNotEnabled => "OperationNotEnabledException", retry OnServerStatus;
    // The same wrong code stays wrong; each try counts against the hourly verification limit.
    CodeMismatch => "CodeMismatchException", retry Never;
    ExpiredCode => "ExpiredCodeException", retry OnServerStatus;
    AliasExists => "AliasExistsException", retry OnServerStatus;
}

/// How the retry policy treats a modeled service error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ServiceErrorRetry {
    /// Always retried (throttling, the service's own transient fault).
    Always,
    /// Retried only when it arrives with HTTP 500, 502, 503 or 504.
    OnServerStatus,
    /// Never retried, whatever the HTTP status.
    Never,
}

impl ServiceErrorCode {
    /// `true` for errors the service models as its own fault (as opposed to the caller's).
    pub fn is_server_fault(self) -> bool {
        matches!(self, ServiceErrorCode::InternalError)
    }
}

/// Which phase of a request ran out of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeoutPhase {
    /// Resolving the host, connecting, or the TLS handshake: the request was not sent.
    Connect,
    /// Sending the request or waiting for / reading the response.
    Read,
    /// The attempt deadline (`attempt_timeout`) expired: connect, send and the whole response
    /// took longer, however steadily bytes arrived.
    Attempt,
    /// The operation deadline (`operation_timeout`) expired, across attempts and waits.
    Operation,
}

/// What went wrong, as a value a caller can match on.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The service answered with one of its modeled errors.
    Service(ServiceErrorCode),
    /// The service answered with an error code this library does not model; kept verbatim.
    UnknownService(String),
    /// An argument was rejected before any I/O.
    InvalidArgument {
        /// Which argument, e.g. `access_token`.
        argument: ArgumentId,
    },
    /// A setting is missing or invalid.
    Configuration {
        /// Which setting of [`crate::Settings`], when it is one; `None` for an environment
        /// variable, a profile or the config file ([`Error::subject`] names it).
        setting: Option<SettingId>,
    },
    /// DNS failure, connection refused or reset.
    Network,
    /// A connect, read, attempt or operation timeout expired.
    Timeout(TimeoutPhase),
    /// The TLS handshake failed (untrusted certificate, wrong host name, ...).
    Tls,
    /// The response could not be understood: not JSON, a redirect, too large, broken HTTP.
    Protocol,
    /// The caller cancelled the call (an abort signal, a cancelled task); no further attempt
    /// was started.
    Cancelled,
}

/// The error of every fallible operation in this crate.
///
/// No string of an error contains the access token: every error that leaves a call has passed
/// through the call's scrubber (`Secrets`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(Box<Details>);

/// Boxed so that `Result<T, Error>` stays one pointer wide on the success path.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Details {
    kind: ErrorKind,
    /// What a local error is about (a setting, an argument, an environment variable); empty
    /// otherwise.
    subject: Phrase,
    why: Phrase,
    /// `subject: why` in the Rust spelling.
    message: String,
    request_id: Option<String>,
    http_status: Option<u16>,
    body_excerpt: Option<String>,
    attempts: u32,
    http_headers: Vec<(String, String)>,
    reason_code: Option<String>,
    total_retry_delay: std::time::Duration,
    diagnosis: Option<Diagnosis>,
}

/// Longest body excerpt kept in a [`ErrorKind::Protocol`] error, in bytes.
pub const BODY_EXCERPT_MAX: usize = 256;

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        let subject = match &kind {
            ErrorKind::InvalidArgument { argument } => Part::Argument(*argument).into(),
            ErrorKind::Configuration {
                setting: Some(setting),
            } => Part::Setting(*setting).into(),
            _ => Phrase::default(),
        };
        Self::with_subject(kind, subject, Phrase::from(message.into()))
    }

    fn with_subject(kind: ErrorKind, subject: Phrase, why: Phrase) -> Self {
        let mut error = Self(Box::new(Details {
            kind,
            subject,
            why,
            message: String::new(),
            request_id: None,
            http_status: None,
            body_excerpt: None,
            attempts: 0,
            http_headers: Vec::new(),
            reason_code: None,
            total_retry_delay: std::time::Duration::ZERO,
            diagnosis: None,
        }));
        error.0.message = error.message_in(&RustSpelling);
        error
    }

    pub(crate) fn invalid_argument(
        argument: impl Into<ArgumentId>,
        why: impl fmt::Display,
    ) -> Self {
        let argument = argument.into();
        Self::new(ErrorKind::InvalidArgument { argument }, why.to_string())
    }

    /// A configuration error about `setting`.
    pub(crate) fn setting(setting: SettingId, why: impl Into<Phrase>) -> Self {
        Self::setting_with(setting, "", why)
    }

    /// A configuration error about `setting`, named with `suffix` after it (`=0`,
    /// ` (environment variable AWS_CA_BUNDLE)`).
    pub(crate) fn setting_with(setting: SettingId, suffix: &str, why: impl Into<Phrase>) -> Self {
        let mut subject = Phrase::from(Part::Setting(setting));
        if !suffix.is_empty() {
            subject.push_text(suffix);
        }
        let kind = ErrorKind::Configuration {
            setting: Some(setting),
        };
        Self::with_subject(kind, subject, why.into())
    }

    /// A configuration error about something that is not a setting (an environment variable,
    /// a profile, the config file), named by `subject`.
    pub(crate) fn configuration(subject: impl Into<String>, why: impl fmt::Display) -> Self {
        Self::configuration_phrase(subject, why.to_string().into())
    }

    /// As [`Error::configuration`], with a `why` that names settings.
    pub(crate) fn configuration_phrase(subject: impl Into<String>, why: Phrase) -> Self {
        let kind = ErrorKind::Configuration { setting: None };
        Self::with_subject(kind, subject.into().into(), why)
    }

    pub(crate) fn with_response(mut self, http_status: u16, request_id: Option<String>) -> Self {
        self.0.http_status = Some(http_status);
        self.0.request_id = request_id;
        self
    }

    /// Appends `; {hint}` to the message: what the caller can do about it.
    pub(crate) fn with_hint(self, hint: impl Into<Phrase>) -> Self {
        self.map_why(|why| {
            why.push_text("; ");
            for part in hint.into().parts() {
                why.push(part.clone());
            }
        })
    }

    pub(crate) fn with_body_excerpt(mut self, body: &[u8]) -> Self {
        self.0.body_excerpt = Some(excerpt(body));
        self
    }

    pub(crate) fn with_attempts(
        mut self,
        attempts: u32,
        total_retry_delay: std::time::Duration,
    ) -> Self {
        self.0.attempts = attempts;
        self.0.total_retry_delay = total_retry_delay;
        self
    }

    pub(crate) fn with_headers(mut self, headers: Vec<(String, String)>) -> Self {
        self.0.http_headers = headers;
        self
    }

    /// Edits what the message says after its subject (e.g. to name the setting a timeout came
    /// from).
    pub(crate) fn map_why(mut self, edit: impl FnOnce(&mut Phrase)) -> Self {
        edit(&mut self.0.why);
        self.0.message = self.message_in(&RustSpelling);
        self
    }

    /// Attaches a diagnosis; the kind, code, message and retry rule stay as they are.
    pub(crate) fn with_diagnosis(mut self, diagnosis: Diagnosis) -> Self {
        self.0.diagnosis = Some(diagnosis);
        self
    }

    pub(crate) fn with_reason_code(mut self, reason_code: Option<String>) -> Self {
        self.0.reason_code = reason_code;
        self
    }

    /// Applies `edit` to every string the error carries (an unmodeled code, a setting name, the
    /// message, request id, body excerpt, reason code, the diagnosis's hint, header names and
    /// values).
    pub(crate) fn map_strings(mut self, mut edit: impl FnMut(&mut String)) -> Self {
        let details = &mut *self.0;
        if let ErrorKind::UnknownService(code) = &mut details.kind {
            edit(code);
        }
        details.subject.map_text(&mut edit);
        details.why.map_text(&mut edit);
        for text in [
            &mut details.request_id,
            &mut details.body_excerpt,
            &mut details.reason_code,
        ]
        .into_iter()
        .flatten()
        {
            edit(text);
        }
        if let Some(diagnosis) = &mut details.diagnosis {
            edit(diagnosis.hint_mut());
        }
        for (name, value) in &mut details.http_headers {
            edit(name);
            edit(value);
        }
        self.0.message = self.message_in(&RustSpelling);
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    /// The service's sanitized error code for service errors (e.g. `"NotAuthorizedException"`),
    /// or a stable name for local errors (`"InvalidArgument"`, `"Configuration"`, `"Network"`,
    /// `"Timeout"`, `"Tls"`, `"Protocol"`).
    pub fn code(&self) -> &str {
        match &self.0.kind {
            ErrorKind::Service(code) => code.as_str(),
            ErrorKind::UnknownService(code) => code,
            ErrorKind::InvalidArgument { .. } => "InvalidArgument",
            ErrorKind::Configuration { .. } => "Configuration",
            ErrorKind::Network => "Network",
            ErrorKind::Timeout(_) => "Timeout",
            ErrorKind::Tls => "Tls",
            ErrorKind::Protocol => "Protocol",
            ErrorKind::Cancelled => "Cancelled",
        }
    }

    /// The service's message, or a description of the local failure, in the Rust spelling:
    /// `subject: why` when the error has a subject.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// The message as `spelling` writes the settings and arguments it names.
    pub fn message_in(&self, spelling: &dyn Spelling) -> String {
        let why = self.0.why.render(spelling);
        match self.subject_in(spelling) {
            Some(subject) => format!("{subject}: {why}"),
            None => why,
        }
    }

    /// What a local error is about, as data: the setting (with `=value` or its source), the
    /// argument, or the environment variable or profile it names. `None` for other errors.
    pub fn subject(&self) -> Option<&Phrase> {
        (!self.0.subject.is_empty()).then_some(&self.0.subject)
    }

    /// The subject as `spelling` writes it, e.g. `maxAttempts=0` or `AWS_MAX_ATTEMPTS=many`.
    pub fn subject_in(&self, spelling: &dyn Spelling) -> Option<String> {
        self.subject().map(|subject| subject.render(spelling))
    }

    /// What the message says after its subject, as data.
    pub fn why(&self) -> &Phrase {
        &self.0.why
    }

    /// As `Display`, with the message as `spelling` writes it.
    pub fn to_string_in(&self, spelling: &dyn Spelling) -> String {
        let mut text = String::new();
        let _ = self.write(&mut text, &self.message_in(spelling));
        text
    }

    /// The request id the service returned, if any.
    pub fn request_id(&self) -> Option<&str> {
        self.0.request_id.as_deref()
    }

    /// The HTTP status of the response, if one was received.
    pub fn http_status(&self) -> Option<u16> {
        self.0.http_status
    }

    /// For [`ErrorKind::Protocol`]: the start of the response body (at most
    /// [`BODY_EXCERPT_MAX`] bytes, lossily decoded).
    pub fn body_excerpt(&self) -> Option<&str> {
        self.0.body_excerpt.as_deref()
    }

    /// The headers of the error response (names in lower case), empty when there was none.
    pub fn http_headers(&self) -> &[(String, String)] {
        &self.0.http_headers
    }

    /// `reasonCode` of an `InvalidParameterException` (e.g. `"INVALID_PARAMETER"`), if sent.
    pub fn reason_code(&self) -> Option<&str> {
        self.0.reason_code.as_deref()
    }

    /// What went wrong and what to do, when the error is recognised (see [`crate::Cause`]).
    /// A diagnosis never changes the kind, code, message or retry rule of the error.
    pub fn diagnosis(&self) -> Option<&Diagnosis> {
        self.0.diagnosis.as_ref()
    }

    /// Time spent waiting between attempts before the call gave up.
    pub fn total_retry_delay(&self) -> std::time::Duration {
        self.0.total_retry_delay
    }

    /// How many HTTP attempts were made before this error (0 when it happened before any I/O).
    pub fn attempts(&self) -> u32 {
        self.0.attempts
    }

    /// `true` when the service reported an error of its own (`$fault: "server"` in AWS terms).
    pub fn is_server_fault(&self) -> bool {
        match &self.0.kind {
            ErrorKind::Service(code) => code.is_server_fault(),
            ErrorKind::UnknownService(_) | ErrorKind::Protocol => {
                self.0.http_status.is_some_and(|s| s >= 500)
            }
            _ => false,
        }
    }
}

fn excerpt(body: &[u8]) -> String {
    let mut end = body.len().min(BODY_EXCERPT_MAX);
    // Cut on a character boundary so the excerpt stays within the byte budget once decoded.
    while end > 0 && end < body.len() && (body[end] & 0xC0) == 0x80 {
        end -= 1;
    }
    // Control characters (the NULs of a UTF-16 body, escape sequences) are shown escaped, never
    // written raw to a terminal or a log.
    let mut text = String::with_capacity(end);
    for c in String::from_utf8_lossy(&body[..end]).chars() {
        if c.is_control() {
            text.extend(c.escape_default());
        } else {
            text.push(c);
        }
    }
    while text.len() > BODY_EXCERPT_MAX {
        text.pop();
    }
    text
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, &self.0.message)
    }
}

impl Error {
    fn write(&self, f: &mut dyn fmt::Write, message: &str) -> fmt::Result {
        match &self.0.kind {
            ErrorKind::Service(_) | ErrorKind::UnknownService(_) => {
                write!(f, "{}: {message}", self.code())?;
            }
            _ => write!(f, "{} error: {message}", self.code())?,
        }
        match (self.0.http_status, &self.0.request_id) {
            (Some(status), Some(id)) => write!(f, " (HTTP {status}, request id {id})"),
            (Some(status), None) => write!(f, " (HTTP {status})"),
            (None, Some(id)) => write!(f, " (request id {id})"),
            (None, None) => Ok(()),
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for code in ServiceErrorCode::ALL {
            assert_eq!(ServiceErrorCode::from_code(code.as_str()), Some(*code));
        }
        assert_eq!(ServiceErrorCode::from_code("SomethingElse"), None);
    }

    #[test]
    fn excerpt_is_bounded_and_cut_on_a_char_boundary() {
        let body = "é".repeat(300);
        let text = excerpt(body.as_bytes());
        assert!(text.len() <= BODY_EXCERPT_MAX);
        assert!(text.chars().all(|c| c == 'é'));
        assert_eq!(excerpt(b"short"), "short");
        assert_eq!(excerpt(b"a\0b\x1b[2J\n"), "a\\u{0}b\\u{1b}[2J\\n");
    }

    #[test]
    fn display_names_code_status_and_request_id() {
        let err = Error::new(
            ErrorKind::Service(ServiceErrorCode::NotAuthorized),
            "Access Token has expired",
        )
        .with_response(400, Some("req-1".into()));
        assert_eq!(
            err.to_string(),
            "NotAuthorizedException: Access Token has expired (HTTP 400, request id req-1)"
        );
    }
}
