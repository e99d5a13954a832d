//! Reading (never verifying) the claims of an access token: the server checks the signature;
//! the client only uses the issuer to find the region when nothing else sets one.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Deserialize;

/// The claims this library reads.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Claims {
    pub iss: Option<String>,
}

/// Decodes the payload segment, or `None` when the token is not a JWT.
pub(crate) fn claims(token: &str) -> Option<Claims> {
    let mut segments = token.split('.');
    let (_, payload, _, None) = (
        segments.next()?,
        segments.next()?,
        segments.next()?,
        segments.next(),
    ) else {
        return None;
    };
    let bytes =
        zeroize::Zeroizing::new(URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?);
    serde_json::from_slice(&bytes).ok()
}

/// The region in `https://cognito-idp.{region}.amazonaws.com/{poolId}`, else the prefix of the
/// pool id (`{region}_abc123`).
pub(crate) fn region_from_issuer(issuer: &str) -> Option<String> {
    let rest = issuer.strip_prefix("https://")?;
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    if let Some(region) = host
        .strip_prefix("cognito-idp.")
        .or_else(|| host.strip_prefix("cognito-idp-fips."))
        .and_then(|h| h.split('.').next())
    {
        if !region.is_empty() {
            return Some(region.to_owned());
        }
    }
    let pool_id = path.rsplit('/').next()?;
    let (region, _) = pool_id.split_once('_')?;
    (!region.is_empty()).then(|| region.to_owned())
}

/// The region of the pool that issued `token`, if it can be read.
pub(crate) fn token_region(token: &str) -> Option<String> {
    region_from_issuer(claims(token)?.iss.as_deref()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jwt(payload: &str) -> String {
        format!(
            "eyJhbGciOiJSUzI1NiJ9.{}.c2ln",
            URL_SAFE_NO_PAD.encode(payload)
        )
    }

    #[test]
    fn region_from_the_issuer_or_the_pool_id() {
        let token = jwt(
            r#"{"iss":"https://cognito-idp.eu-west-3.amazonaws.com/eu-west-3_AbC","token_use":"access"}"#,
        );
        assert_eq!(token_region(&token).as_deref(), Some("eu-west-3"));
        let token = jwt(r#"{"iss":"https://idp.example.com/us-east-2_XyZ"}"#);
        assert_eq!(token_region(&token).as_deref(), Some("us-east-2"));
        assert_eq!(token_region(&jwt(r#"{"sub":"x"}"#)), None);
        assert_eq!(token_region("not-a-jwt"), None);
        assert_eq!(token_region("a.b.c.d"), None);
    }
}
