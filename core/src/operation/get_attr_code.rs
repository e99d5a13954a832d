//! The `GetUserAttributeVerificationCode` operation: its input, its output and the input rules
//! of the service model, checked before any I/O.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::input_rules::validate_metadata_string;
use super::prelude::*;

/// Its name, target and the errors its service model declares.
pub(super) const SHAPE: Shape = Shape {
    name: "GetUserAttributeVerificationCode",
    target: "AWSCognitoIdentityProviderService.GetUserAttributeVerificationCode",
    modeled_errors: &[
        ERRORS_OF_EVERY_OPERATION,
        &[
            ServiceErrorCode::UnexpectedLambda,
            ServiceErrorCode::UserLambdaValidation,
            ServiceErrorCode::InvalidLambdaResponse,
            ServiceErrorCode::InvalidSmsRoleAccessPolicy,
            ServiceErrorCode::InvalidSmsRoleTrustRelationship,
            ServiceErrorCode::InvalidEmailRoleAccessPolicy,
            ServiceErrorCode::CodeDeliveryFailure,
        ],
    ],
};

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
    /// The request id, HTTP status and headers, attempts and retry delay.
    pub metadata: ResponseMetadata,
}

impl OperationOutput for GetAttrCodeOutput {
    fn metadata(&self) -> &ResponseMetadata {
        &self.metadata
    }

    fn members(&self) -> Vec<(&str, Member<'_>)> {
        let Some(details) = &self.code_delivery_details else {
            return Vec::new();
        };
        let shaped = [
            ("Destination", details.destination.as_deref()),
            (
                "DeliveryMedium",
                details.delivery_medium.as_ref().map(DeliveryMedium::as_str),
            ),
            ("AttributeName", details.attribute_name.as_deref()),
        ];
        let members = shaped
            .into_iter()
            .filter_map(|(name, value)| Some((name, Member::Text(value?))))
            .collect();
        vec![("CodeDeliveryDetails", Member::Structure(members))]
    }
}

impl super::sealed::Sealed for GetAttrCodeRequest {}

impl Operation for GetAttrCodeRequest {
    const NAME: OperationName = OperationName::GetUserAttributeVerificationCode;
    type Output = GetAttrCodeOutput;

    fn redacted_members(&self) -> Vec<(&str, Member<'_>)> {
        let mut members = vec![
            ("AccessToken", Member::Text(REDACTED)),
            ("AttributeName", Member::Text(&self.attribute_name)),
        ];
        if let Some(metadata) = &self.client_metadata {
            let entries = metadata
                .iter()
                .map(|(key, value)| (key.as_str(), Member::Text(value)))
                .collect();
            members.push(("ClientMetadata", Member::Structure(entries)));
        }
        members
    }

    type Body = Option<CodeDeliveryDetails>;

    fn access_token(&self) -> &AccessToken {
        &self.access_token
    }

    fn secrets(&self) -> impl IntoIterator<Item = &str> {
        [self.access_token.expose()]
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

    fn output(details: Self::Body, metadata: ResponseMetadata) -> GetAttrCodeOutput {
        GetAttrCodeOutput {
            code_delivery_details: details,
            metadata,
        }
    }

    fn scrub_output(secrets: &Secrets, output: &mut GetAttrCodeOutput) {
        if let Some(details) = &mut output.code_delivery_details {
            let medium = match &mut details.delivery_medium {
                Some(DeliveryMedium::Other(medium)) => Some(medium),
                _ => None,
            };
            secrets.scrub_strings(
                [&mut details.destination, &mut details.attribute_name]
                    .into_iter()
                    .flatten()
                    .chain(medium),
            );
        }
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
    use crate::operation::input_rules::rejected_argument;
    use crate::operation::{ACCESS_TOKEN_MAX_BYTES, METADATA_STRING_MAX_CHARS};

    fn argument_of(request: &GetAttrCodeRequest) -> &'static str {
        rejected_argument(request.validate())
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

    #[test]
    fn members_are_named_as_the_service_model_names_them_and_absent_ones_left_out() {
        let metadata = ResponseMetadata::new(None, 200, Vec::new(), 1, Default::default());
        let mut output = GetAttrCodeOutput {
            code_delivery_details: None,
            metadata,
        };
        assert!(output.members().is_empty());
        output.code_delivery_details = Some(CodeDeliveryDetails {
            destination: Some("a***@e***.com".into()),
            delivery_medium: Some(DeliveryMedium::Email),
            attribute_name: None,
        });
        let details = Member::Structure(vec![
            ("Destination", Member::Text("a***@e***.com")),
            ("DeliveryMedium", Member::Text("EMAIL")),
        ]);
        assert_eq!(output.members(), [("CodeDeliveryDetails", details)]);
    }

    #[test]
    fn the_output_scrubs_its_own_strings_and_the_log_shows_no_token() {
        let token = "eyJraWQiOiJzZWNyZXQta2V5.payload-part.signature-part";
        let metadata = ResponseMetadata::new(None, 200, Vec::new(), 1, Default::default());
        let mut output = GetAttrCodeOutput {
            code_delivery_details: Some(CodeDeliveryDetails {
                destination: Some(format!("to {token}")),
                delivery_medium: Some(DeliveryMedium::Other(token.into())),
                attribute_name: Some(token.into()),
            }),
            metadata,
        };
        GetAttrCodeRequest::scrub_output(&Secrets::new([token]), &mut output);
        assert!(
            !format!("{output:?}").contains("signature-part"),
            "{output:?}"
        );
        let request = GetAttrCodeRequest::new(token, "email");
        let logged = format!("{:?}", request.redacted_members());
        assert!(
            !logged.contains("signature-part") && logged.contains(REDACTED),
            "{logged}"
        );
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
        assert_eq!(err.kind(), &crate::error::ErrorKind::Protocol);
        assert_eq!(err.body_excerpt(), Some("<html>"));
    }

    #[test]
    fn an_invalid_utf8_byte_keeps_the_delivery_details() {
        let raw = response(b"{\"CodeDeliveryDetails\":{\"Destination\":\"a\xff@e.com\"}}");
        let details = parse_success(&raw).unwrap().unwrap();
        assert_eq!(details.destination.as_deref(), Some("a\u{FFFD}@e.com"));
    }
}
