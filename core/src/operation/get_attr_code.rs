//! The `GetUserAttributeVerificationCode` operation: its input, its output and the input rules
//! of the service model, checked before any I/O.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::secrecy::secret::SecretBytes;

use super::{response_facts, Operation, OperationName, ResponseMetadata};

use crate::error::{Error, Result};
use crate::secrecy::raw_response::RawResponse;
use crate::secrecy::scrub::Secrets;
use crate::secrecy::secret::{is_token_byte, AccessToken};
use crate::secrecy::secret_forms::RecentForms;
use crate::transport::protocol;

/// Longest access token accepted, in bytes. Real Cognito access tokens are 1–4 KB; the limit only
/// stops absurd inputs before they are sent.
pub const ACCESS_TOKEN_MAX_BYTES: usize = 64 * 1024;
/// Longest attribute name, in characters (service model).
pub const ATTRIBUTE_NAME_MAX_CHARS: usize = 32;
/// Longest client-metadata key or value, in characters (service model).
pub const METADATA_STRING_MAX_CHARS: usize = 131_072;

/// The input of one call.
#[derive(Debug, Clone)]
pub struct GetAttrCodeRequest {
    access_token: AccessToken,
    attribute_name: String,
    client_metadata: Option<BTreeMap<String, String>>,
}

impl GetAttrCodeRequest {
    /// A request for `attribute_name` (e.g. `"email"`) of the user the token belongs to.
    pub fn new(access_token: impl Into<AccessToken>, attribute_name: impl Into<String>) -> Self {
        Self {
            access_token: access_token.into(),
            attribute_name: attribute_name.into(),
            client_metadata: None,
        }
    }

    /// Key-value pairs passed to the pool's custom-message Lambda trigger (never stored by Cognito).
    pub fn client_metadata(mut self, metadata: BTreeMap<String, String>) -> Self {
        self.client_metadata = Some(metadata);
        self
    }

    /// The token (prints as `***`).
    pub fn access_token(&self) -> &AccessToken {
        &self.access_token
    }

    /// The attribute whose verification code is requested.
    pub fn attribute_name(&self) -> &str {
        &self.attribute_name
    }

    /// The metadata, if any was set.
    pub fn metadata(&self) -> Option<&BTreeMap<String, String>> {
        self.client_metadata.as_ref()
    }

    /// Checks the input against the service model. Messages never quote the token.
    pub fn validate(&self) -> Result<()> {
        validate_access_token(self.access_token.expose())?;
        self.validate_except_token()
    }

    /// [`GetAttrCodeRequest::validate`] without the access token's check.
    pub(crate) fn validate_except_token(&self) -> Result<()> {
        validate_attribute_name(&self.attribute_name)?;
        if let Some(metadata) = &self.client_metadata {
            for (key, value) in metadata {
                validate_metadata_string("client_metadata key", key)?;
                validate_metadata_string("client_metadata value", value)?;
            }
        }
        Ok(())
    }
}

/// Linear, one table look-up per byte. A client checks each token once (see
/// `SecretForms::checked_as_token`), not on every call.
pub(crate) fn validate_access_token(token: &str) -> Result<()> {
    if token.is_empty() {
        return Err(Error::invalid_argument("access_token", "must not be empty"));
    }
    if token.len() > ACCESS_TOKEN_MAX_BYTES {
        return Err(Error::invalid_argument(
            "access_token",
            format_args!(
                "is {} bytes, longer than the {ACCESS_TOKEN_MAX_BYTES}-byte limit",
                token.len()
            ),
        ));
    }
    if let Some(position) = token.bytes().position(|b| !is_token_byte(b)) {
        // A file written by `aws ... --output text > token` or `echo` ends with a line break;
        // like the AWS CLI, `file://` values are kept verbatim, so say what is wrong.
        if token[position..]
            .bytes()
            .all(|b| matches!(b, b'\n' | b'\r'))
        {
            return Err(Error::invalid_argument(
                "access_token",
                format_args!(
                    "ends with a line break (byte {position}), as a file written by `--output text > file` or `echo` does; remove it (e.g. `tr -d '\\r\\n'`)"
                ),
            ));
        }
        return Err(Error::invalid_argument(
            "access_token",
            format_args!(
                "byte {position} is not one of A-Z a-z 0-9 - _ = . (is this really an access token?)"
            ),
        ));
    }
    Ok(())
}

pub(crate) fn validate_attribute_name(name: &str) -> Result<()> {
    let chars = name.chars().count();
    if chars == 0 {
        return Err(Error::invalid_argument(
            "attribute_name",
            "must not be empty",
        ));
    }
    if chars > ATTRIBUTE_NAME_MAX_CHARS {
        return Err(Error::invalid_argument(
            "attribute_name",
            format_args!("is {chars} characters, longer than {ATTRIBUTE_NAME_MAX_CHARS}"),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(Error::invalid_argument(
            "attribute_name",
            "must not contain control characters",
        ));
    }
    Ok(())
}

fn validate_metadata_string(argument: &'static str, text: &str) -> Result<()> {
    let chars = text.chars().count();
    if chars > METADATA_STRING_MAX_CHARS {
        return Err(Error::invalid_argument(
            argument,
            format_args!("is {chars} characters, longer than {METADATA_STRING_MAX_CHARS}"),
        ));
    }
    Ok(())
}

/// How the code was sent. Values other than `EMAIL` and `SMS` are kept as sent.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DeliveryMedium {
    /// `EMAIL`
    Email,
    /// `SMS`
    Sms,
    /// Any other value the service sent, verbatim.
    Other(String),
}

impl DeliveryMedium {
    /// The value as the service spells it.
    pub fn as_str(&self) -> &str {
        match self {
            DeliveryMedium::Email => "EMAIL",
            DeliveryMedium::Sms => "SMS",
            DeliveryMedium::Other(value) => value,
        }
    }
}

impl From<String> for DeliveryMedium {
    fn from(value: String) -> Self {
        match value.as_str() {
            "EMAIL" => DeliveryMedium::Email,
            "SMS" => DeliveryMedium::Sms,
            _ => DeliveryMedium::Other(value),
        }
    }
}

/// Where Cognito sent the code. Every field is optional in the service model.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeDeliveryDetails {
    /// The masked destination, e.g. `"a***@e***.com"`.
    pub destination: Option<String>,
    /// E-mail or SMS.
    pub delivery_medium: Option<DeliveryMedium>,
    /// The attribute the code verifies, e.g. `"email"`.
    pub attribute_name: Option<String>,
}

/// The result of a successful call, with the metadata of the HTTP exchange.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetAttrCodeOutput {
    /// Absent when the service answered without it (cognito-local answers `{}`).
    pub code_delivery_details: Option<CodeDeliveryDetails>,
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

response_facts!(GetAttrCodeOutput);

impl Operation for GetAttrCodeRequest {
    const NAME: OperationName = OperationName::GetUserAttributeVerificationCode;
    type Body = Option<CodeDeliveryDetails>;
    type Output = GetAttrCodeOutput;

    fn access_token(&self) -> &AccessToken {
        &self.access_token
    }

    fn secrets(&self, recent: &RecentForms) -> Secrets {
        Secrets::with_recent([self.access_token.expose()], recent)
    }

    fn validate_except_token(&self) -> Result<()> {
        GetAttrCodeRequest::validate_except_token(self)
    }

    fn body(&self) -> SecretBytes {
        request_body(self)
    }

    fn parse_body(response: &RawResponse) -> Result<Option<CodeDeliveryDetails>> {
        parse_success(response)
    }

    fn output(
        details: Option<CodeDeliveryDetails>,
        metadata: ResponseMetadata,
    ) -> GetAttrCodeOutput {
        GetAttrCodeOutput {
            code_delivery_details: details,
            request_id: metadata.request_id,
            http_status: metadata.http_status,
            http_headers: metadata.http_headers,
            attempts: metadata.attempts,
            total_retry_delay: metadata.total_retry_delay,
        }
    }

    fn scrub_output(secrets: &Secrets, output: GetAttrCodeOutput) -> GetAttrCodeOutput {
        secrets.scrub_parsed_output(output)
    }
}

/// The fields after `AccessToken` (written as it is, see `protocol::zeroizing_json`).
#[derive(Serialize)]
struct WireRequest<'a> {
    #[serde(rename = "AttributeName")]
    attribute_name: &'a str,
    #[serde(rename = "ClientMetadata", skip_serializing_if = "Option::is_none")]
    client_metadata: Option<&'a BTreeMap<String, String>>,
}

/// The compact JSON body. It holds the token, so it is zeroized when dropped; its capacity is
/// reserved up front so that no reallocation leaves a copy behind.
fn request_body(request: &GetAttrCodeRequest) -> SecretBytes {
    let metadata_len: usize = request
        .metadata()
        .map_or(0, |m| m.iter().map(|(k, v)| k.len() + v.len() + 8).sum());
    // Escaping can grow a string up to six times (\uXXXX); the token is never escaped.
    let capacity = 96
        + request.access_token().expose().len()
        + 6 * (request.attribute_name().len() + metadata_len);
    let wire = WireRequest {
        attribute_name: request.attribute_name(),
        client_metadata: request.metadata(),
    };
    protocol::zeroizing_json(capacity, request.access_token().expose(), &wire)
}

#[derive(Deserialize)]
struct WireOutput {
    #[serde(rename = "CodeDeliveryDetails")]
    code_delivery_details: Option<WireDetails>,
}

#[derive(Deserialize)]
struct WireDetails {
    #[serde(rename = "Destination")]
    destination: Option<String>,
    #[serde(rename = "DeliveryMedium")]
    delivery_medium: Option<String>,
    #[serde(rename = "AttributeName")]
    attribute_name: Option<String>,
}

/// Parses a 2xx response. An empty body, `{}`, unknown fields and `null` members mean "absent".
fn parse_success(response: &RawResponse) -> Result<Option<CodeDeliveryDetails>> {
    let Some(output) = protocol::parse_success_json::<WireOutput>(response)? else {
        return Ok(None);
    };
    Ok(output.code_delivery_details.map(|d| CodeDeliveryDetails {
        destination: d.destination,
        delivery_medium: d.delivery_medium.map(Into::into),
        attribute_name: d.attribute_name,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn argument_of(request: &GetAttrCodeRequest) -> &'static str {
        match request.validate().unwrap_err().kind() {
            ErrorKind::InvalidArgument { argument } => argument.name(),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn accepts_a_well_formed_request() {
        let request = GetAttrCodeRequest::new("aaa.bbb-_=.ccc", "email")
            .client_metadata(BTreeMap::from([("k".into(), "v".into())]));
        request.validate().unwrap();
    }

    #[test]
    fn rejects_bad_tokens_without_quoting_them() {
        for token in ["", "has space.secret", "caf\u{e9}.secret"] {
            let request = GetAttrCodeRequest::new(token, "email");
            assert_eq!(argument_of(&request), "access_token");
            let message = request.validate().unwrap_err().to_string();
            assert!(token.is_empty() || !message.contains("secret"), "{message}");
        }
        let long = "a".repeat(ACCESS_TOKEN_MAX_BYTES + 1);
        assert_eq!(
            argument_of(&GetAttrCodeRequest::new(long, "email")),
            "access_token"
        );
    }

    #[test]
    fn a_trailing_line_break_is_named_as_such() {
        for token in ["aaa.bbb.secret\n", "aaa.bbb.secret\r\n"] {
            let message = GetAttrCodeRequest::new(token, "email")
                .validate()
                .unwrap_err()
                .to_string();
            assert!(
                message.contains("ends with a line break (byte 14)"),
                "{message}"
            );
            assert!(!message.contains("secret"), "{message}");
        }
        let message = GetAttrCodeRequest::new("aaa.b\nbb.secret", "email")
            .validate()
            .unwrap_err()
            .to_string();
        assert!(message.contains("byte 5 is not one of"), "{message}");
    }

    #[test]
    fn attribute_name_is_1_to_32_characters() {
        assert_eq!(
            argument_of(&GetAttrCodeRequest::new("t", "")),
            "attribute_name"
        );
        let name32 = "é".repeat(32);
        GetAttrCodeRequest::new("t", name32).validate().unwrap();
        assert_eq!(
            argument_of(&GetAttrCodeRequest::new("t", "é".repeat(33))),
            "attribute_name"
        );
        assert_eq!(
            argument_of(&GetAttrCodeRequest::new("t", "a\nb")),
            "attribute_name"
        );
    }

    #[test]
    fn metadata_values_are_bounded() {
        let big = "x".repeat(METADATA_STRING_MAX_CHARS + 1);
        let request = GetAttrCodeRequest::new("t", "email")
            .client_metadata(BTreeMap::from([("k".into(), big)]));
        assert_eq!(argument_of(&request), "client_metadata value");
    }

    #[test]
    fn unknown_delivery_medium_is_kept() {
        assert_eq!(
            DeliveryMedium::from("EMAIL".to_string()),
            DeliveryMedium::Email
        );
        let other = DeliveryMedium::from("CARRIER_PIGEON".to_string());
        assert_eq!(other.as_str(), "CARRIER_PIGEON");
    }

    fn response(body: &[u8]) -> RawResponse {
        RawResponse {
            status: 200,
            headers: Vec::new(),
            body: body.to_vec(),
        }
    }

    #[test]
    fn body_is_compact_and_omits_absent_members() {
        let request = GetAttrCodeRequest::new("a.b.c", "email");
        assert_eq!(
            std::str::from_utf8(&request_body(&request)).unwrap(),
            r#"{"AccessToken":"a.b.c","AttributeName":"email"}"#
        );
        let request = request.client_metadata(BTreeMap::from([("k".into(), "v\"".into())]));
        assert_eq!(
            std::str::from_utf8(&request_body(&request)).unwrap(),
            r#"{"AccessToken":"a.b.c","AttributeName":"email","ClientMetadata":{"k":"v\""}}"#
        );
    }

    #[test]
    fn success_shapes() {
        assert_eq!(parse_success(&response(b"")).unwrap(), None);
        assert_eq!(parse_success(&response(b"{}")).unwrap(), None);
        let details = parse_success(&response(
            br#"{"CodeDeliveryDetails":{"Destination":null,"DeliveryMedium":"FAX","AttributeName":"email","Extra":1},"More":true}"#,
        ))
        .unwrap()
        .unwrap();
        assert_eq!(details.destination, None);
        assert_eq!(details.delivery_medium.unwrap().as_str(), "FAX");
        assert_eq!(details.attribute_name.as_deref(), Some("email"));
        let err = parse_success(&response(b"<html>")).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::Protocol);
        assert_eq!(err.body_excerpt(), Some("<html>"));
    }

    #[test]
    fn an_invalid_utf8_byte_keeps_the_delivery_details() {
        let raw = response(b"{\"CodeDeliveryDetails\":{\"Destination\":\"a\xff@e.com\"}}");
        let details = parse_success(&raw).unwrap().unwrap();
        assert_eq!(details.destination.as_deref(), Some("a\u{FFFD}@e.com"));
    }
}
