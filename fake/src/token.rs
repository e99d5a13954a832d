//! JWT-shaped tokens with the claims Cognito puts in its access and ID tokens, and the fake's
//! record of each one it minted (a token it did not mint is "Invalid Access Token").

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::json;

use crate::service_errors::{EXPIRED_TOKEN, INVALID_TOKEN, MISSING_SCOPE, REVOKED_TOKEN};

/// The scope GetUserAttributeVerificationCode and VerifyUserAttribute require.
pub(crate) const ADMIN_SCOPE: &str = "aws.cognito.signin.user.admin";
/// Cognito's default access-token lifetime.
const LIFETIME_SECONDS: i64 = 3600;

/// Which of the two tokens of a sign-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenUse {
    Access,
    Id,
}

/// What the fake remembers of a token it minted.
#[derive(Debug)]
pub(crate) struct MintedToken {
    pub(crate) username: String,
    pub(crate) token_use: TokenUse,
    pub(crate) admin_scope: bool,
    pub(crate) expires_at: i64,
    pub(crate) revoked: bool,
}

impl MintedToken {
    /// The NotAuthorizedException message for this token at `now`, or `None` when it authorises
    /// the two operations.
    pub(crate) fn refusal(&self, now: i64) -> Option<&'static str> {
        if self.token_use == TokenUse::Id {
            Some(INVALID_TOKEN)
        } else if self.revoked {
            Some(REVOKED_TOKEN)
        } else if now >= self.expires_at {
            Some(EXPIRED_TOKEN)
        } else if !self.admin_scope {
            Some(MISSING_SCOPE)
        } else {
            None
        }
    }
}

/// What a token is minted for.
pub(crate) struct TokenClaims<'a> {
    pub(crate) issuer: &'a str,
    pub(crate) client_id: &'a str,
    pub(crate) username: &'a str,
    pub(crate) sub: &'a str,
    pub(crate) email: Option<&'a str>,
    pub(crate) token_use: TokenUse,
    pub(crate) admin_scope: bool,
    pub(crate) issued_at: i64,
    pub(crate) expired: bool,
}

impl TokenClaims<'_> {
    /// The token's text and the fake's record of it. `random` gives the ids and the signature.
    pub(crate) fn mint(&self, random: &mut fastrand::Rng) -> (String, MintedToken) {
        // An expired token was issued two lifetimes ago, so it expired one lifetime ago.
        let iat = if self.expired {
            self.issued_at - 2 * LIFETIME_SECONDS
        } else {
            self.issued_at
        };
        let exp = iat + LIFETIME_SECONDS;
        let jti = uuid_like(random);
        let origin_jti = uuid_like(random);
        let payload = match self.token_use {
            TokenUse::Access => {
                let scope = if self.admin_scope {
                    format!("{ADMIN_SCOPE} openid email")
                } else {
                    "openid email".to_owned()
                };
                json!({
                    "sub": self.sub, "iss": self.issuer, "client_id": self.client_id,
                    "origin_jti": origin_jti, "event_id": uuid_like(random),
                    "token_use": "access", "scope": scope, "auth_time": iat,
                    "exp": exp, "iat": iat, "jti": jti, "username": self.username,
                })
            }
            TokenUse::Id => {
                let mut claims = json!({
                    "sub": self.sub, "iss": self.issuer, "aud": self.client_id,
                    "client_id": self.client_id, "origin_jti": origin_jti,
                    "token_use": "id", "auth_time": iat, "exp": exp, "iat": iat, "jti": jti,
                    "username": self.username, "cognito:username": self.username,
                });
                if let Some(email) = self.email {
                    claims["email"] = json!(email);
                }
                claims
            }
        };
        let header = json!({"kid": "fake-cognito-key", "alg": "RS256"});
        let signature: Vec<u8> = (0..64).map(|_| random.u8(..)).collect();
        let text = format!(
            "{}.{}.{}",
            URL_SAFE_NO_PAD.encode(header.to_string()),
            URL_SAFE_NO_PAD.encode(payload.to_string()),
            URL_SAFE_NO_PAD.encode(signature)
        );
        let record = MintedToken {
            username: self.username.to_owned(),
            token_use: self.token_use,
            admin_scope: self.admin_scope,
            expires_at: exp,
            revoked: false,
        };
        (text, record)
    }
}

/// A version-4-shaped UUID from the seeded generator (deterministic per seed).
pub(crate) fn uuid_like(random: &mut fastrand::Rng) -> String {
    let high = random.u64(..);
    let low = random.u64(..);
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xffff,
        high & 0x0fff,
        0x8000 | ((low >> 48) & 0x3fff),
        low & 0xffff_ffff_ffff
    )
}
