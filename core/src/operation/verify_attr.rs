//! The `VerifyUserAttribute` operation: submits the code the user received; on success the
//! attribute is verified (`email_verified` / `phone_number_verified` become `true`).

use serde::Serialize;

use crate::secrecy::secret::SecretBytes;

use super::get_attr_code::{validate_access_token, validate_attribute_name};
use super::{response_facts, Operation, OperationName, ResponseMetadata};
use crate::error::{Error, Result};
use crate::secrecy::raw_response::RawResponse;
use crate::secrecy::scrub::Secrets;
use crate::secrecy::secret::{AccessToken, VerificationCode};
use crate::secrecy::secret_forms::RecentForms;
use crate::transport::protocol;

/// Longest verification code, in characters (service model).
pub const VERIFICATION_CODE_MAX_CHARS: usize = 2048;

/// The input of one `VerifyUserAttribute` call.
#[derive(Debug, Clone)]
pub struct VerifyAttrRequest {
    access_token: AccessToken,
    attribute_name: String,
    code: VerificationCode,
}

impl VerifyAttrRequest {
    /// Submits `code` for `attribute_name` (e.g. `"email"`) of the user the token belongs to.
    pub fn new(
        access_token: impl Into<AccessToken>,
        attribute_name: impl Into<String>,
        code: impl Into<VerificationCode>,
    ) -> Self {
        Self {
            access_token: access_token.into(),
            attribute_name: attribute_name.into(),
            code: code.into(),
        }
    }

    /// The token (prints as `***`).
    pub fn access_token(&self) -> &AccessToken {
        &self.access_token
    }

    /// The attribute being verified.
    pub fn attribute_name(&self) -> &str {
        &self.attribute_name
    }

    /// The code (prints as `***`).
    pub fn code(&self) -> &VerificationCode {
        &self.code
    }

    /// Checks the input against the service model. Messages never quote the token or the code.
    pub fn validate(&self) -> Result<()> {
        validate_access_token(self.access_token.expose())?;
        self.validate_except_token()
    }

    /// [`VerifyAttrRequest::validate`] without the access token's check.
    pub(crate) fn validate_except_token(&self) -> Result<()> {
        validate_attribute_name(&self.attribute_name)?;
        validate_code(self.code.expose())
    }
}

fn validate_code(code: &str) -> Result<()> {
    let chars = code.chars().count();
    if chars == 0 {
        return Err(Error::invalid_argument("code", "must not be empty"));
    }
    if chars > VERIFICATION_CODE_MAX_CHARS {
        return Err(Error::invalid_argument(
            "code",
            format_args!("is {chars} characters, longer than {VERIFICATION_CODE_MAX_CHARS}"),
        ));
    }
    if let Some(position) = code.chars().position(char::is_whitespace) {
        return Err(Error::invalid_argument(
            "code",
            format_args!("character {position} is whitespace; a code has none"),
        ));
    }
    Ok(())
}

/// The result of a successful `VerifyUserAttribute`: the service model's output has no members,
/// so this is the metadata of the HTTP exchange.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyAttrOutput {
    /// The request id from the response headers, if any.
    pub request_id: Option<String>,
    /// The HTTP status (2xx).
    pub http_status: u16,
    /// The response headers, names in lower case, in the order received.
    pub http_headers: Vec<(String, String)>,
    /// HTTP attempts made (1 when the first attempt succeeded).
    pub attempts: u32,
    /// Time spent waiting between attempts.
    pub total_retry_delay: std::time::Duration,
}

response_facts!(VerifyAttrOutput);

impl Operation for VerifyAttrRequest {
    const NAME: OperationName = OperationName::VerifyUserAttribute;
    type Body = ();
    type Output = VerifyAttrOutput;

    fn access_token(&self) -> &AccessToken {
        &self.access_token
    }

    fn secrets(&self, recent: &RecentForms) -> Secrets {
        Secrets::with_recent([self.access_token.expose(), self.code.expose()], recent)
    }

    fn validate_except_token(&self) -> Result<()> {
        VerifyAttrRequest::validate_except_token(self)
    }

    fn body(&self) -> SecretBytes {
        request_body(self)
    }

    fn parse_body(response: &RawResponse) -> Result<()> {
        protocol::parse_empty_success(response)
    }

    fn output((): (), metadata: ResponseMetadata) -> VerifyAttrOutput {
        VerifyAttrOutput {
            request_id: metadata.request_id,
            http_status: metadata.http_status,
            http_headers: metadata.http_headers,
            attempts: metadata.attempts,
            total_retry_delay: metadata.total_retry_delay,
        }
    }

    fn scrub_output(_: &Secrets, output: VerifyAttrOutput) -> VerifyAttrOutput {
        // Nothing of it comes from the body: its request id and headers were scrubbed as received.
        output
    }
}

#[derive(Serialize)]
struct WireRequest<'a> {
    #[serde(rename = "AttributeName")]
    attribute_name: &'a str,
    #[serde(rename = "Code")]
    code: &'a str,
}

/// The body: it holds the token and the code, so it is zeroized when dropped.
fn request_body(request: &VerifyAttrRequest) -> SecretBytes {
    let capacity = 96
        + request.access_token().expose().len()
        + 6 * (request.attribute_name().len() + request.code().expose().len());
    let wire = WireRequest {
        attribute_name: request.attribute_name(),
        code: request.code().expose(),
    };
    protocol::zeroizing_json(capacity, request.access_token().expose(), &wire)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn argument_of(request: &VerifyAttrRequest) -> &'static str {
        match request.validate().unwrap_err().kind() {
            ErrorKind::InvalidArgument { argument } => argument.name(),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn code_is_1_to_2048_non_whitespace_characters() {
        VerifyAttrRequest::new("t", "email", "123456")
            .validate()
            .unwrap();
        VerifyAttrRequest::new("t", "email", "é".repeat(2048))
            .validate()
            .unwrap();
        for code in [
            String::new(),
            "é".repeat(2049),
            "123 456".into(),
            "123456\n".into(),
            "12\u{3000}34".into(),
        ] {
            assert_eq!(
                argument_of(&VerifyAttrRequest::new("t", "email", code.as_str())),
                "code"
            );
        }
    }

    #[test]
    fn messages_never_quote_the_code_and_token_and_name_rules_are_shared() {
        let message = VerifyAttrRequest::new("t", "email", "secret-code 99")
            .validate()
            .unwrap_err()
            .to_string();
        assert!(!message.contains("secret-code"), "{message}");
        assert_eq!(
            argument_of(&VerifyAttrRequest::new("bad token", "email", "1")),
            "access_token"
        );
        assert_eq!(
            argument_of(&VerifyAttrRequest::new("t", "", "1")),
            "attribute_name"
        );
    }

    #[test]
    fn debug_prints_neither_secret() {
        let debug = format!("{:?}", VerifyAttrRequest::new("tok-en", "email", "493817"));
        assert!(
            !debug.contains("tok-en") && !debug.contains("493817"),
            "{debug}"
        );
    }

    #[test]
    fn body_carries_the_code() {
        let request = VerifyAttrRequest::new("a.b.c", "email", "12\"34");
        assert_eq!(
            std::str::from_utf8(&request_body(&request)).unwrap(),
            r#"{"AccessToken":"a.b.c","AttributeName":"email","Code":"12\"34"}"#
        );
    }
}
