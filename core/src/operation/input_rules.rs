//! The input rules the operations share (service model): the access token, the attribute name,
//! metadata strings. Checked before any I/O; messages never quote the value.

use crate::error::{Error, Result};
use crate::secrecy::secret::is_token_byte;

/// Longest access token accepted, in bytes. Real Cognito access tokens are 1–4 KB; the limit only
/// stops absurd inputs before they are sent.
pub const ACCESS_TOKEN_MAX_BYTES: usize = 64 * 1024;
/// Longest attribute name, in characters (service model).
pub const ATTRIBUTE_NAME_MAX_CHARS: usize = 32;
/// Longest client-metadata key or value, in characters (service model).
pub const METADATA_STRING_MAX_CHARS: usize = 131_072;

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

pub(crate) fn validate_metadata_string(argument: &'static str, text: &str) -> Result<()> {
    let chars = text.chars().count();
    if chars > METADATA_STRING_MAX_CHARS {
        return Err(Error::invalid_argument(
            argument,
            format_args!("is {chars} characters, longer than {METADATA_STRING_MAX_CHARS}"),
        ));
    }
    Ok(())
}

/// The argument an input check rejected (tests of each operation's rules).
#[cfg(test)]
pub(crate) fn rejected_argument(checked: Result<()>) -> &'static str {
    match checked.unwrap_err().kind() {
        crate::error::ErrorKind::InvalidArgument { argument } => argument.name(),
        other => panic!("unexpected {other:?}"),
    }
}
