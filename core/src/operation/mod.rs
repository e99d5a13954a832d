//! What an operation is to the call path: each operation file declares its shape once (name and
//! `X-Amz-Target`, inputs and their rules, secrets, body, output, modeled errors), and
//! [`crate::Client::call`] runs every operation through one generic path.

mod get_attr_code;
mod input_rules;
mod metadata;
mod verify_attr;

pub use get_attr_code::{
    CodeDeliveryDetails, DeliveryMedium, GetAttrCodeOutput, GetAttrCodeRequest,
};
pub(crate) use input_rules::validate_access_token;
pub use input_rules::{
    ACCESS_TOKEN_MAX_BYTES, ATTRIBUTE_NAME_MAX_CHARS, METADATA_STRING_MAX_CHARS,
};
pub use metadata::{Member, OperationOutput, ResponseMetadata};
pub use verify_attr::{VerifyAttrOutput, VerifyAttrRequest, VERIFICATION_CODE_MAX_CHARS};

use crate::error::{Result, ServiceErrorCode};
use crate::secrecy::raw_response::RawResponse;
use crate::secrecy::scrub::Secrets;
use crate::secrecy::secret::{AccessToken, SecretBytes};

/// What every operation file uses to declare its operation.
mod prelude {
    pub(super) use super::input_rules::{validate_access_token, validate_attribute_name};
    pub(super) use super::{
        Member, Operation, OperationName, OperationOutput, ResponseMetadata, Shape,
        ERRORS_OF_EVERY_OPERATION,
    };
    pub(super) use crate::error::{Result, ServiceErrorCode};
    pub(super) use crate::secrecy::raw_response::RawResponse;
    pub(super) use crate::secrecy::scrub::{Secrets, REDACTED};
    pub(super) use crate::secrecy::secret::{AccessToken, SecretBytes};
    pub(super) use crate::transport::protocol;
}

/// The operations this crate sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OperationName {
    /// Asks Cognito to send a verification code.
    GetUserAttributeVerificationCode,
    /// Submits the code the user received.
    VerifyUserAttribute,
}

/// What an operation declares about itself once, in its own file.
pub(crate) struct Shape {
    /// The name as the service model spells it.
    pub name: &'static str,
    /// The `X-Amz-Target` header of its requests.
    pub target: &'static str,
    /// The errors its service model declares, in groups (e.g. [`ERRORS_OF_EVERY_OPERATION`]
    /// and its own).
    pub modeled_errors: &'static [&'static [ServiceErrorCode]],
}

/// The errors the service model declares for every operation of this crate (each one
/// authenticated by an access token).
pub(crate) const ERRORS_OF_EVERY_OPERATION: &[ServiceErrorCode] = &[
    ServiceErrorCode::ResourceNotFound,
    ServiceErrorCode::InvalidParameter,
    ServiceErrorCode::TooManyRequests,
    ServiceErrorCode::NotAuthorized,
    ServiceErrorCode::LimitExceeded,
    ServiceErrorCode::PasswordResetRequired,
    ServiceErrorCode::UserNotFound,
    ServiceErrorCode::UserNotConfirmed,
    ServiceErrorCode::InternalError,
    ServiceErrorCode::Forbidden,
    ServiceErrorCode::OperationNotEnabled,
];

impl OperationName {
    /// Every operation.
    pub const ALL: &'static [OperationName] = &[
        OperationName::GetUserAttributeVerificationCode,
        OperationName::VerifyUserAttribute,
    ];

    fn shape(self) -> &'static Shape {
        match self {
            OperationName::GetUserAttributeVerificationCode => &get_attr_code::SHAPE,
            OperationName::VerifyUserAttribute => &verify_attr::SHAPE,
        }
    }

    /// The name as the service model spells it.
    pub fn as_str(self) -> &'static str {
        self.shape().name
    }

    /// The `X-Amz-Target` header of its requests.
    pub fn target(self) -> &'static str {
        self.shape().target
    }

    /// The errors its service model declares, in the order of [`ServiceErrorCode::ALL`].
    pub fn modeled_errors(self) -> Vec<ServiceErrorCode> {
        let declared = self.shape().modeled_errors;
        ServiceErrorCode::ALL
            .iter()
            .copied()
            .filter(|code| declared.iter().any(|group| group.contains(code)))
            .collect()
    }
}

mod sealed {
    /// Only this crate's request types are operations.
    pub trait Sealed {}
}

/// An operation's request, as [`crate::Client::call`] sends it. Sealed: the operations are
/// this crate's request types ([`GetAttrCodeRequest`], [`VerifyAttrRequest`]).
///
/// Code over every operation:
/// ```no_run
/// use cognito_attr_code::{Client, Operation, OperationOutput, Result};
///
/// fn attempts<O: Operation>(client: &Client, request: &O) -> Result<u32> {
///     Ok(client.call(request)?.metadata().attempts)
/// }
/// ```
/// No other type can be one:
/// ```compile_fail
/// struct Mine;
/// impl cognito_attr_code::Operation for Mine {
///     const NAME: cognito_attr_code::OperationName =
///         cognito_attr_code::OperationName::VerifyUserAttribute;
///     type Output = cognito_attr_code::VerifyAttrOutput;
/// }
/// ```
pub trait Operation: sealed::Sealed {
    /// Which operation.
    const NAME: OperationName;
    /// What a successful call returns.
    type Output: OperationOutput;

    /// The request's members as the service model names them, every secret shown as
    /// [`crate::REDACTED`] (what a debug log may print).
    fn redacted_members(&self) -> Vec<(&str, Member<'_>)>;

    /// The parsed success body.
    #[doc(hidden)]
    type Body;
    /// The token, whose issuer may name the region.
    #[doc(hidden)]
    fn access_token(&self) -> &AccessToken;
    /// Every secret of the request, the token included; each is scrubbed from everything that
    /// leaves the call.
    #[doc(hidden)]
    fn secrets(&self) -> impl IntoIterator<Item = &str>;
    /// The service model's input rules, checked before any I/O, after the access token's
    /// (`validate_access_token`, which a client checks once per token). Messages quote no secret.
    #[doc(hidden)]
    fn validate_except_token(&self) -> Result<()>;
    /// The compact JSON body (it holds secrets: zeroized on drop).
    #[doc(hidden)]
    fn body(&self) -> SecretBytes;
    /// Parses a 2xx response.
    #[doc(hidden)]
    fn parse_body(response: &RawResponse) -> Result<Self::Body>;
    /// The caller's output.
    #[doc(hidden)]
    fn output(body: Self::Body, metadata: ResponseMetadata) -> Self::Output;
    /// Scrubs the output's strings parsed from the body with [`Secrets::scrub_strings`] (the
    /// metadata, request id and headers, was scrubbed as received, by `Transport::send`).
    #[doc(hidden)]
    fn scrub_output(secrets: &Secrets, output: &mut Self::Output);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_operation_declares_its_modeled_errors() {
        let count = |op: OperationName| op.modeled_errors().len();
        assert_eq!(count(OperationName::GetUserAttributeVerificationCode), 18);
        assert_eq!(count(OperationName::VerifyUserAttribute), 14);
        for op in OperationName::ALL {
            assert_eq!(
                op.target(),
                format!("AWSCognitoIdentityProviderService.{}", op.as_str())
            );
        }
        assert_eq!(
            GetAttrCodeRequest::NAME.as_str(),
            "GetUserAttributeVerificationCode"
        );
        assert_eq!(VerifyAttrRequest::NAME.as_str(), "VerifyUserAttribute");
    }
}
