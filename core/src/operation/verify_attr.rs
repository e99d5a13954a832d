//! The `VerifyUserAttribute` operation: submits the code the user received; on success the
//! attribute is verified (`email_verified` / `phone_number_verified` become `true`).

use serde::Serialize;

use super::prelude::*;
use crate::error::Error;
use crate::secrecy::secret::VerificationCode;

/// Its name, target and the errors its service model declares.
pub(super) const SHAPE: Shape = Shape {
    name: "VerifyUserAttribute",
    target: "AWSCognitoIdentityProviderService.VerifyUserAttribute",
    modeled_errors: &[
        ERRORS_OF_EVERY_OPERATION,
        &[
            ServiceErrorCode::CodeMismatch,
            ServiceErrorCode::ExpiredCode,
            ServiceErrorCode::AliasExists,
        ],
    ],
};

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
    /// The request id, HTTP status and headers, attempts and retry delay.
    pub metadata: ResponseMetadata,
}

impl OperationOutput for VerifyAttrOutput {
    fn metadata(&self) -> &ResponseMetadata {
        &self.metadata
    }

    fn members(&self) -> Vec<(&str, Member<'_>)> {
        Vec::new()
    }
}

impl super::sealed::Sealed for VerifyAttrRequest {}

impl Operation for VerifyAttrRequest {
    const NAME: OperationName = OperationName::VerifyUserAttribute;
    type Output = VerifyAttrOutput;

    fn redacted_members(&self) -> Vec<(&str, Member<'_>)> {
        vec![
            ("AccessToken", Member::Text(REDACTED)),
            ("AttributeName", Member::Text(&self.attribute_name)),
            ("Code", Member::Text(REDACTED)),
        ]
    }

    type Body = ();

    fn access_token(&self) -> &AccessToken {
        &self.access_token
    }

    fn secrets(&self) -> impl IntoIterator<Item = &str> {
        [self.access_token.expose(), self.code.expose()]
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
        VerifyAttrOutput { metadata }
    }

    fn scrub_output(_: &Secrets, _: &mut VerifyAttrOutput) {
        // Nothing of it comes from the body: its request id and headers were scrubbed as received.
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
    use crate::operation::input_rules::rejected_argument;

    fn argument_of(request: &VerifyAttrRequest) -> &'static str {
        rejected_argument(request.validate())
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
    fn its_log_shows_neither_secret_and_its_output_has_no_members() {
        let request = VerifyAttrRequest::new("tok-en", "email", "493817");
        let logged = format!("{:?}", request.redacted_members());
        assert!(
            !logged.contains("tok-en") && !logged.contains("493817"),
            "{logged}"
        );
        assert!(
            logged.contains("AttributeName") && logged.contains("Code"),
            "{logged}"
        );
        let metadata =
            ResponseMetadata::new(Some("r".into()), 200, Vec::new(), 1, Default::default());
        assert!(VerifyAttrOutput { metadata }.members().is_empty());
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
