//! The access token: a secret that is never printed and is wiped from memory when dropped.

use std::fmt;

use zeroize::Zeroizing;

/// A Cognito access token (a JWT).
///
/// `Debug` and `Display` print `***`; the bytes are zeroized on drop. The only way to read the
/// token back is [`AccessToken::expose`], used when the request body is written.
#[derive(Clone)]
pub struct AccessToken(Zeroizing<String>);

impl AccessToken {
    /// Wraps a token. Validation happens when a request is made, so that a bad token is reported
    /// as a typed error rather than at construction.
    pub fn new(token: impl Into<String>) -> Self {
        Self(Zeroizing::new(token.into()))
    }

    /// The token itself. Never log or format the returned value.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<String> for AccessToken {
    fn from(token: String) -> Self {
        Self::new(token)
    }
}

impl From<&str> for AccessToken {
    fn from(token: &str) -> Self {
        Self::new(token)
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessToken(***)")
    }
}

impl fmt::Display for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting_never_shows_the_token() {
        let token = AccessToken::new("eyJhbGciOi.secret-payload.signature");
        assert_eq!(format!("{token:?}"), "AccessToken(***)");
        assert_eq!(format!("{token}"), "***");
        assert_eq!(token.expose(), "eyJhbGciOi.secret-payload.signature");
    }
}
