//! What an operation is to the call path: its name and `X-Amz-Target`, its input rules, its
//! secrets, its body and its success shape. [`crate::Client`] runs every operation through one
//! generic path; an operation is this data plus a few small functions.

mod get_attr_code;
mod verify_attr;

pub(crate) use get_attr_code::validate_access_token;
pub use get_attr_code::{
    CodeDeliveryDetails, DeliveryMedium, GetAttrCodeOutput, GetAttrCodeRequest,
    ACCESS_TOKEN_MAX_BYTES, ATTRIBUTE_NAME_MAX_CHARS, METADATA_STRING_MAX_CHARS,
};
pub use verify_attr::{VerifyAttrOutput, VerifyAttrRequest, VERIFICATION_CODE_MAX_CHARS};

use crate::secrecy::secret::SecretBytes;

use crate::error::{Result, ServiceErrorCode};
use crate::secrecy::raw_response::RawResponse;
use crate::secrecy::scrub::Secrets;
use crate::secrecy::secret::AccessToken;
use crate::secrecy::secret_forms::RecentForms;

/// The operations this crate sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OperationName {
    /// Asks Cognito to send a verification code.
    GetUserAttributeVerificationCode,
    /// Submits the code the user received.
    VerifyUserAttribute,
}

impl OperationName {
    /// Every operation.
    pub const ALL: &'static [OperationName] = &[
        OperationName::GetUserAttributeVerificationCode,
        OperationName::VerifyUserAttribute,
    ];

    /// The name as the service model spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            OperationName::GetUserAttributeVerificationCode => "GetUserAttributeVerificationCode",
            OperationName::VerifyUserAttribute => "VerifyUserAttribute",
        }
    }

    /// The `X-Amz-Target` header of its requests.
    pub fn target(self) -> &'static str {
        match self {
            OperationName::GetUserAttributeVerificationCode => {
                "AWSCognitoIdentityProviderService.GetUserAttributeVerificationCode"
            }
            OperationName::VerifyUserAttribute => {
                "AWSCognitoIdentityProviderService.VerifyUserAttribute"
            }
        }
    }

    /// The errors its service model declares, in the order of [`ServiceErrorCode::ALL`].
    pub fn modeled_errors(self) -> Vec<ServiceErrorCode> {
        ServiceErrorCode::ALL
            .iter()
            .copied()
            .filter(|code| code.operations().contains(&self))
            .collect()
    }
}

/// The HTTP facts of a successful exchange, which every operation's output carries: front ends
/// shape them (boto3's `ResponseMetadata`, the SDK's `$metadata`) once for every operation.
pub trait ResponseFacts {
    /// The request id from the response headers, if any.
    fn request_id(&self) -> Option<&str>;
    /// The HTTP status (2xx).
    fn http_status(&self) -> u16;
    /// The response headers, names in lower case, in the order received.
    fn http_headers(&self) -> &[(String, String)];
    /// HTTP attempts made.
    fn attempts(&self) -> u32;
    /// Time spent waiting between attempts.
    fn total_retry_delay(&self) -> std::time::Duration;
}

/// Implements [`ResponseFacts`] for an output with the five metadata fields.
macro_rules! response_facts {
    ($output:ty) => {
        impl $crate::operation::ResponseFacts for $output {
            fn request_id(&self) -> Option<&str> {
                self.request_id.as_deref()
            }
            fn http_status(&self) -> u16 {
                self.http_status
            }
            fn http_headers(&self) -> &[(String, String)] {
                &self.http_headers
            }
            fn attempts(&self) -> u32 {
                self.attempts
            }
            fn total_retry_delay(&self) -> std::time::Duration {
                self.total_retry_delay
            }
        }
    };
}
pub(crate) use response_facts;

/// The HTTP facts of a successful exchange, as the call path collects them.
#[derive(Debug, Clone)]
pub(crate) struct ResponseMetadata {
    pub request_id: Option<String>,
    pub http_status: u16,
    pub http_headers: Vec<(String, String)>,
    pub attempts: u32,
    pub total_retry_delay: std::time::Duration,
}

/// An operation's request, as the client's call path uses it.
pub(crate) trait Operation {
    /// Which operation.
    const NAME: OperationName;
    /// The parsed success body.
    type Body;
    /// What the caller receives.
    type Output;

    /// The token, whose issuer may name the region.
    fn access_token(&self) -> &AccessToken;
    /// Every secret of the request; each is scrubbed from everything that leaves the call.
    /// `recent`: the forms the client prepared for the secrets of earlier calls.
    fn secrets(&self, recent: &RecentForms) -> Secrets;
    /// The service model's input rules, checked before any I/O. Messages quote no secret.
    /// Checked after the access token (`validate_access_token`), which a client checks once
    /// per token.
    fn validate_except_token(&self) -> Result<()>;
    /// The compact JSON body (it holds secrets: zeroized on drop).
    fn body(&self) -> SecretBytes;
    /// Parses a 2xx response.
    fn parse_body(response: &RawResponse) -> Result<Self::Body>;
    /// The caller's output.
    fn output(body: Self::Body, metadata: ResponseMetadata) -> Self::Output;
    /// Replaces every occurrence of `secrets` in the output's strings parsed from the body (the
    /// response's headers, request id included, were scrubbed as received, by `Transport::send`).
    fn scrub_output(secrets: &Secrets, output: Self::Output) -> Self::Output;
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
    }
}
