//! Reading (never verifying) the claims of an access token: the server checks the signature;
//! the client only uses the issuer to find the region when nothing else sets one.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Deserialize;

use crate::error::Error;

/// The claims this library reads.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Claims {
    pub iss: Option<String>,
    pub token_use: Option<String>,
    pub scope: Option<String>,
    pub exp: Option<u64>,
}

/// The scope `GetUserAttributeVerificationCode` requires.
pub const ADMIN_SCOPE: &str = "aws.cognito.signin.user.admin";
/// Clock difference tolerated when checking `exp`.
pub const EXPIRY_SKEW: u64 = 120;

/// The optional local checks: a JWT, an access token (not an ID token), with the admin scope,
/// not expired. The server stays authoritative; messages never quote the token.
pub(crate) fn precheck(token: &str, now_unix: u64) -> Result<(), Error> {
    let bad = |why: &str| Error::invalid_argument("access_token", why);
    let segments: Vec<&str> = token.split('.').collect();
    if segments.len() != 3 || segments.iter().any(|s| s.is_empty()) {
        return Err(bad(
            "is not a JWT (expected three base64url segments separated by dots)",
        ));
    }
    let claims =
        claims(token).ok_or_else(|| bad("has a payload that is not base64url-encoded JSON"))?;
    match claims.token_use.as_deref() {
        Some("access") => {}
        Some("id") => {
            return Err(bad(
                "is an ID token (token_use \"id\"); pass the access token",
            ))
        }
        Some(other) => {
            return Err(bad(&format!(
                "has token_use {other:?}, expected \"access\""
            )))
        }
        None => return Err(bad("has no token_use claim")),
    }
    if !claims
        .scope
        .as_deref()
        .unwrap_or("")
        .split_whitespace()
        .any(|s| s == ADMIN_SCOPE)
    {
        return Err(bad(&format!(
            "lacks the {ADMIN_SCOPE} scope this operation requires"
        )));
    }
    if let Some(exp) = claims.exp {
        if exp + EXPIRY_SKEW < now_unix {
            return Err(bad(&format!("expired {} seconds ago", now_unix - exp)));
        }
    }
    Ok(())
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

/// The claims of an ID token (`token_use` `"id"`), else `None`. Cheap for any other token: the
/// payload is decoded but parsed only when its `token_use` looks like `"id"`.
pub(crate) fn id_token_claims(token: &str) -> Option<Claims> {
    let payload = token.split('.').nth(1)?;
    let bytes =
        zeroize::Zeroizing::new(URL_SAFE_NO_PAD.decode(payload.trim_end_matches('=')).ok()?);
    if !looks_like_id_token(&bytes) {
        return None;
    }
    claims(token).filter(|claims| claims.token_use.as_deref() == Some("id"))
}

/// `"token_use"` followed by `:` and `"id"`, JSON whitespace allowed between them.
fn looks_like_id_token(payload: &[u8]) -> bool {
    const KEY: &[u8] = b"\"token_use\"";
    memchr::memmem::find_iter(payload, KEY).any(|at| {
        let rest = payload[at + KEY.len()..].trim_ascii_start();
        rest.strip_prefix(b":")
            .is_some_and(|value| value.trim_ascii_start().starts_with(b"\"id\""))
    })
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
    fn only_an_id_token_has_id_token_claims() {
        assert!(id_token_claims(&jwt(r#"{"token_use":"id","sub":"u"}"#)).is_some());
        assert!(id_token_claims(&jwt(r#"{"sub":"u", "token_use" : "id"}"#)).is_some());
        assert!(id_token_claims(&jwt(r#"{"token_use":"access","sub":"u"}"#)).is_none());
        // Looks like one to the quick scan, but the parsed claim says otherwise.
        assert!(
            id_token_claims(&jwt(r#"{"x":{"token_use":"id"},"token_use":"access"}"#)).is_none()
        );
        assert!(id_token_claims(&jwt("not json")).is_none());
        assert!(id_token_claims("no-dots").is_none());
    }

    #[test]
    fn prechecks_say_what_is_wrong() {
        let good = jwt(
            r#"{"token_use":"access","scope":"openid aws.cognito.signin.user.admin","exp":1000}"#,
        );
        precheck(&good, 1000).unwrap();
        precheck(&good, 1000 + EXPIRY_SKEW).unwrap();
        let message = |token: &str, now| precheck(token, now).unwrap_err().message().to_owned();
        assert!(message(&good, 2000).contains("expired 1000 seconds ago"));
        assert!(message("abc", 0).contains("not a JWT"));
        assert!(message("a.!!!.c", 0).contains("not base64url"));
        assert!(message(&jwt(r#"{"token_use":"id"}"#), 0).contains("ID token"));
        assert!(message(&jwt(r#"{"token_use":"access","scope":"openid"}"#), 0).contains("scope"));
        assert!(message(&jwt(r#"{"sub":"x"}"#), 0).contains("no token_use"));
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
