//! Send an Amazon Cognito user-attribute verification code (`GetUserAttributeVerificationCode`).
//!
//! ```no_run
//! use cognito_attr_code::{Client, GetAttrCodeRequest, Settings};
//!
//! let client = Client::new(&Settings::new().region("us-east-1"))?;
//! let output = client.get_attr_code(&GetAttrCodeRequest::new("eyJ...", "email"))?;
//! if let Some(details) = output.code_delivery_details {
//!     println!("code sent to {:?}", details.destination);
//! }
//! # Ok::<(), cognito_attr_code::Error>(())
//! ```

mod cancellation;
mod client;
mod connection_reuse;
mod deadline;
mod diagnosis;
mod endpoint;
mod environment;
mod error;
mod front_end;
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing;
pub mod local_file;
mod operation;
mod per_process;
mod profile;
mod protocol;
mod proxy;
mod random;
mod rate_limiter;
mod resolve;
mod resolver;
mod retry;
mod scrub;
mod secret;
mod secret_forms;
mod setting_value;
mod settings;
mod shared_client;
mod source;
mod tcp_transport;
mod token_claims;
mod transport;
mod trust_roots;

pub use cancellation::Cancellation;
pub use client::Client;
pub use diagnosis::{Cause, Diagnosis};
pub use endpoint::{resolve_endpoint, validate_region, EndpointParams, Partition, PARTITIONS};
pub use environment::{Environment, ProcessEnvironment};
pub use error::{
    Error, ErrorKind, Result, ServiceErrorCode, ServiceErrorRetry, TimeoutPhase, BODY_EXCERPT_MAX,
};
pub use front_end::{FrontEnd, SettingKind, SettingSpec, SettingValue, SETTINGS};
pub use operation::{
    CodeDeliveryDetails, DeliveryMedium, GetAttrCodeOutput, GetAttrCodeRequest, OperationName,
    ResponseFacts, VerifyAttrOutput, VerifyAttrRequest, ACCESS_TOKEN_MAX_BYTES,
    ATTRIBUTE_NAME_MAX_CHARS, METADATA_STRING_MAX_CHARS, VERIFICATION_CODE_MAX_CHARS,
};
pub use proxy::ProxyConfig;
pub use resolve::ResolvedConfig;
pub use retry::{backoff, RetryClock, RetryMode, SystemClock, MAX_BACKOFF};
pub use scrub::{Secrets, REDACTED, SECRET_FRAGMENT_LEN};
pub use secret::{AccessToken, VerificationCode};
pub use setting_value::{InvalidValue, MaxAttempts};
pub use settings::{CommonSettings, Settings, DEFAULT_MAX_ATTEMPTS, DEFAULT_TIMEOUT};
pub use shared_client::{shared_client, shared_client_with_environment, MAX_SHARED_CLIENTS};
pub use source::{Source, Sourced};
pub use transport::{MAX_RESPONSE_BODY, POOL_IDLE_TIMEOUT};

/// This library's version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// One call with the process-wide client configured from the process environment.
pub fn get_attr_code(request: &GetAttrCodeRequest) -> Result<GetAttrCodeOutput> {
    shared_client(&Settings::new())?.get_attr_code(request)
}

/// One `VerifyUserAttribute` call with the process-wide client of the environment's
/// configuration, as [`get_attr_code`].
pub fn verify_attr(request: &VerifyAttrRequest) -> Result<VerifyAttrOutput> {
    shared_client(&Settings::new())?.verify_attr(request)
}
