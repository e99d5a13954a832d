//! Verify a Cognito user attribute without an AWS SDK: [`Client::get_attr_code`] sends
//! `GetUserAttributeVerificationCode` (Cognito sends the user a code) and [`Client::verify_attr`]
//! sends `VerifyUserAttribute` (the code the user typed); [`get_attr_code`] and [`verify_attr`] are
//! the one-shot forms. Settings come from [`Settings`], then the `AWS_*` environment, then the
//! shared config file. Errors are [`Error`]s: match on [`Error::kind`], read
//! [`Error::diagnosis`]. The crate's README has an example.

mod client;
mod config;
mod error;
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing;
mod operation;
mod retry;
mod secrecy;
mod transport;

pub use client::shared_client::MAX_SHARED_CLIENTS;
pub use client::Client;
pub use config::local_file;
pub use config::retry_mode::RetryMode;
pub use config::setting_value::SettingValue;
pub use config::settings::{Settings, DEFAULT_MAX_ATTEMPTS, DEFAULT_TIMEOUT};
pub use error::diagnosis::{Cause, Diagnosis};
pub use error::phrase::{ArgumentId, Part, Phrase, RustSpelling, Spelling};
pub use error::setting_id::{SettingId, SettingKind};
pub use error::{
    Error, ErrorKind, Result, ServiceErrorCode, ServiceErrorRetry, TimeoutPhase, BODY_EXCERPT_MAX,
};
pub use operation::{
    CodeDeliveryDetails, DeliveryMedium, GetAttrCodeOutput, GetAttrCodeRequest, Member, Operation,
    OperationName, OperationOutput, ResponseMetadata, VerifyAttrOutput, VerifyAttrRequest,
    ACCESS_TOKEN_MAX_BYTES, ATTRIBUTE_NAME_MAX_CHARS, METADATA_STRING_MAX_CHARS,
    VERIFICATION_CODE_MAX_CHARS,
};
pub use retry::MAX_BACKOFF;
pub use secrecy::scrub::{REDACTED, SECRET_FRAGMENT_LEN};
pub use secrecy::secret::{AccessToken, VerificationCode};
pub use transport::cancellation::Cancellation;
pub use transport::connection_reuse::POOL_IDLE_TIMEOUT;
pub use transport::MAX_RESPONSE_BODY;

// What this workspace's front ends (C, Python, Node, CLI) need beyond the API above: not a
// stable API, hidden from the documentation.
#[cfg(feature = "front-end")]
#[doc(hidden)]
pub use {
    client::shared_client::shared_client,
    config::proxy::ProxyConfig,
    config::resolve::ResolvedConfig,
    config::resolved_setting::ShownSetting,
    config::setting_value::{InvalidValue, MaxAttempts},
    config::source::{Source, Sourced},
    secrecy::scrub::Secrets,
};

// What this workspace's tests need besides (a substitute environment and retry clock, the
// endpoint rule set on its own): not a stable API, hidden from the documentation.
#[cfg(feature = "testing")]
#[doc(hidden)]
pub use {
    client::shared_client::shared_client_with_environment,
    config::endpoint::{resolve_endpoint, validate_region, EndpointParams, Partition, PARTITIONS},
    config::environment::{Environment, ProcessEnvironment},
    retry::{backoff, RetryClock, SystemClock},
};

// The READMEs' Rust examples are compiled as doctests (their other blocks are not Rust). Only
// under `cargo test --doc`: the packages that bundle this crate's sources carry no README.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
mod readme_doctests {}

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
mod crate_readme_doctests {}

/// This library's version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// One call with the process-wide client configured from the process environment.
pub fn get_attr_code(request: &GetAttrCodeRequest) -> Result<GetAttrCodeOutput> {
    client::shared_client::shared_client(&Settings::new())?.get_attr_code(request)
}

/// One `VerifyUserAttribute` call with the process-wide client of the environment's
/// configuration, as [`get_attr_code`].
pub fn verify_attr(request: &VerifyAttrRequest) -> Result<VerifyAttrOutput> {
    client::shared_client::shared_client(&Settings::new())?.verify_attr(request)
}
