//! Entry points for the `fuzz/` crate (feature `fuzzing`, not a stable API): each runs one of
//! the crate's parsers of untrusted input the way the client runs it.

use std::path::PathBuf;

use crate::config::profile::Profile;
use crate::error::Error;
use crate::operation::{GetAttrCodeOutput, GetAttrCodeRequest, Operation, ResponseMetadata};
use crate::secrecy::raw_response::RawResponse;
use crate::secrecy::scrub::Secrets;
use crate::secrecy::token_claims;
use crate::transport::protocol;

/// A response as the client handles it: scrubbed of `token`, parsed as a success (2xx) or as the
/// error it reports, and scrubbed again on the way out, as `Client` does.
pub fn parse_response(
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    token: &str,
) -> Result<GetAttrCodeOutput, Error> {
    let secrets = Secrets::new([token]);
    let mut raw = RawResponse {
        status,
        headers,
        body,
    };
    secrets.scrub_response(&mut raw);
    if (200..300).contains(&raw.status) {
        let details = GetAttrCodeRequest::parse_body(&raw).map_err(|e| secrets.scrub_error(e))?;
        let metadata = ResponseMetadata::new(
            raw.request_id(),
            raw.status,
            raw.headers,
            1,
            std::time::Duration::ZERO,
        );
        let mut output = GetAttrCodeOutput {
            code_delivery_details: details,
            metadata,
        };
        <GetAttrCodeRequest as Operation>::scrub_output(&secrets, &mut output);
        Ok(output)
    } else {
        Err(secrets.scrub_error(protocol::parse_error(&raw)))
    }
}

/// The local checks of an access token and the region read from its issuer.
pub fn read_token_claims(token: &str, now_unix: u64) -> (Result<(), Error>, Option<String>) {
    (
        token_claims::precheck(token, now_unix),
        token_claims::token_region(token),
    )
}

/// The profile `name` (and its `services` section) of a config file's text.
pub fn parse_profile(text: &str, name: &str) -> Result<Vec<(String, Option<String>)>, Error> {
    let profile = Profile::parse(name.to_owned(), true, PathBuf::from("fuzz-config"), text)?;
    Ok(["region", "endpoint_url", "max_attempts", "services"]
        .iter()
        .map(|key| {
            (
                (*key).to_owned(),
                profile
                    .get(key)
                    .or_else(|| profile.service_get(key))
                    .map(str::to_owned),
            )
        })
        .collect())
}
