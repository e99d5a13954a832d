//! The operation's parameters from all their sources: `--cli-input-json`/`--cli-input-yaml`
//! first, then the command-line options, which override it.

use std::collections::BTreeMap;

use serde_json::Value;
use zeroize::Zeroizing;

use crate::args::{GetAttrCodeArgs, InputDocumentArgs, VerifyAttrArgs};
use crate::failure::Failure;
use crate::{nesting, param_file, shorthand};

const MEMBERS: &[&str] = &["AccessToken", "AttributeName", "ClientMetadata"];
const VERIFY_MEMBERS: &[&str] = &["AccessToken", "AttributeName", "Code"];

/// What the user supplied; either required member may still be missing (see `prompt`).
#[derive(Default)]
pub struct Parameters {
    /// `AccessToken`.
    pub access_token: Option<Zeroizing<String>>,
    /// `AttributeName`.
    pub attribute_name: Option<String>,
    /// `ClientMetadata`.
    pub client_metadata: Option<BTreeMap<String, String>>,
    /// `Code` (`VerifyUserAttribute`), as secret as the token.
    pub code: Option<Zeroizing<String>>,
    /// Whether `Code` is a required member (`VerifyUserAttribute`).
    needs_code: bool,
}

impl Parameters {
    /// The parameters from the options and `--cli-input-json`/`--cli-input-yaml`.
    pub fn gather_get_attr_code(args: &GetAttrCodeArgs) -> Result<Self, Failure> {
        let mut params = Self::gather_common(
            &args.input,
            (&args.token.access_token, &args.attribute_name),
            MEMBERS,
        )?;
        if let Some(metadata) = &args.client_metadata {
            params.client_metadata = Some(client_metadata(metadata)?);
        }
        Ok(params)
    }

    /// The parameters of `verify-user-attribute`, from its options and input document.
    pub fn gather_verify_attr(args: &VerifyAttrArgs) -> Result<Self, Failure> {
        let mut params = Self::gather_common(
            &args.input,
            (&args.token.access_token, &args.attribute_name),
            VERIFY_MEMBERS,
        )?;
        params.needs_code = true;
        if let Some(code) = &args.code {
            params.code = Some(Zeroizing::new(param_file::resolve("code", code)?));
        }
        Ok(params)
    }

    fn gather_common(
        input: &InputDocumentArgs,
        (token_arg, name_arg): (&Option<String>, &Option<String>),
        members: &[&str],
    ) -> Result<Self, Failure> {
        let mut params = match (&input.cli_input_json, &input.cli_input_yaml) {
            (Some(json), _) => Self::from_members(&input_json(json)?, members)?,
            (None, Some(yaml)) => Self::from_members(&input_yaml(yaml)?, members)?,
            (None, None) => Self::default(),
        };
        if let Some(token) = token_arg {
            params.access_token = Some(Zeroizing::new(param_file::resolve("access-token", token)?));
        }
        if let Some(name) = name_arg {
            params.attribute_name = Some(param_file::resolve("attribute-name", name)?);
        }
        Ok(params)
    }

    /// The names of the required options still missing, as the AWS CLI lists them.
    pub fn missing(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        if self.access_token.is_none() {
            missing.push("--access-token");
        }
        if self.attribute_name.is_none() {
            missing.push("--attribute-name");
        }
        if self.needs_code && self.code.is_none() {
            missing.push("--code");
        }
        missing
    }

    /// The parameters of a `--cli-input-json`/`--cli-input-yaml` document.
    pub fn from_document(document: &Value) -> Result<Self, Failure> {
        Self::from_members(document, MEMBERS)
    }

    /// The parameters of an input document whose members may be `members`.
    fn from_members(document: &Value, members: &[&str]) -> Result<Self, Failure> {
        let Value::Object(document_members) = document else {
            return Err(Failure::usage(format!(
                "Parameter validation failed:\nInvalid type for parameter input, value: {document}, type: {}, valid types: object",
                type_name(document)
            )));
        };
        let mut params = Self::default();
        for (name, value) in document_members {
            match name.as_str() {
                _ if !members.contains(&name.as_str()) => {
                    return Err(Failure::usage(format!(
                        "Parameter validation failed:\nUnknown parameter in input: \"{name}\", must be one of: {}",
                        members.join(", ")
                    )))
                }
                "AccessToken" => {
                    params.access_token = Some(Zeroizing::new(string_member(name, value)?));
                }
                "AttributeName" => params.attribute_name = Some(string_member(name, value)?),
                "ClientMetadata" => params.client_metadata = Some(metadata_map(value)?),
                _ => params.code = Some(Zeroizing::new(string_member(name, value)?)),
            }
        }
        Ok(params)
    }
}

fn input_json(value: &str) -> Result<Value, Failure> {
    parse_input_json(&param_file::resolve("cli-input-json", value)?)
}

fn input_yaml(value: &str) -> Result<Value, Failure> {
    parse_input_yaml(&param_file::resolve("cli-input-yaml", value)?)
}

/// The text of `--cli-input-json` as a JSON document.
pub fn parse_input_json(text: &str) -> Result<Value, Failure> {
    parse_document("cli-input-json", "JSON", text, |text| {
        serde_json::from_str(text).map_err(|e| e.to_string())
    })
}

/// The text of `--cli-input-yaml` as a document.
pub fn parse_input_yaml(text: &str) -> Result<Value, Failure> {
    parse_document("cli-input-yaml", "YAML", text, |text| {
        serde_yaml_ng::from_str(text).map_err(|e| e.to_string())
    })
}

/// Checks the nesting depth before `parse` runs (see [`nesting`]).
fn parse_document(
    option: &str,
    format: &str,
    text: &str,
    parse: impl FnOnce(&str) -> Result<Value, String>,
) -> Result<Value, Failure> {
    nesting::check_depth(text)
        .and_then(|()| parse(text))
        .map_err(|why| Failure::parameter(option, format_args!("Invalid {format} received: {why}")))
}

fn client_metadata(value: &str) -> Result<BTreeMap<String, String>, Failure> {
    parse_client_metadata(&param_file::resolve("client-metadata", value)?)
}

/// The text of `--client-metadata`: a JSON object or the shorthand `k=v,k2=v2`.
pub fn parse_client_metadata(text: &str) -> Result<BTreeMap<String, String>, Failure> {
    const OPTION: &str = "client-metadata";
    if text.trim_start().starts_with('{') {
        let document: Value = nesting::check_depth(text)
            .and_then(|()| serde_json::from_str(text).map_err(|e| e.to_string()))
            .map_err(|why| {
                Failure::parameter(
                    OPTION,
                    format_args!("Invalid JSON: {why}\nJSON received: {text}"),
                )
            })?;
        metadata_map(&document)
    } else {
        let map = shorthand::parse_map(text).map_err(|why| Failure::parameter(OPTION, why))?;
        metadata_map(&Value::Object(map))
    }
}

fn metadata_map(value: &Value) -> Result<BTreeMap<String, String>, Failure> {
    let Value::Object(entries) = value else {
        return Err(invalid_type("ClientMetadata", value, "object"));
    };
    entries
        .iter()
        .map(|(key, value)| match value {
            Value::String(text) => Ok((key.clone(), text.clone())),
            other => Err(invalid_type(
                &format!("ClientMetadata.{key}"),
                other,
                "string",
            )),
        })
        .collect()
}

fn string_member(name: &str, value: &Value) -> Result<String, Failure> {
    match value {
        Value::String(text) => Ok(text.clone()),
        // Never echo what was given for a secret: it may be the secret in the wrong shape.
        other if name == "AccessToken" || name == "Code" => Err(Failure::usage(format!(
            "Parameter validation failed:\nInvalid type for parameter {name}, type: {}, valid types: string",
            type_name(other)
        ))),
        other => Err(invalid_type(name, other, "string")),
    }
}

fn invalid_type(name: &str, value: &Value, expected: &str) -> Failure {
    Failure::usage(format!(
        "Parameter validation failed:\nInvalid type for parameter {name}, value: {value}, type: {}, valid types: {expected}",
        type_name(value)
    ))
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}
