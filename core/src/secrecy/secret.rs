//! The secrets a caller passes in (the access token, the verification code): never printed,
//! wiped from memory when dropped.

use std::fmt;
use std::ops::{Deref, DerefMut};

use zeroize::{Zeroize, Zeroizing};

/// Bytes that hold a secret (a request body), wiped on drop up to their capacity. Wiped through
/// zeroize's slice fills (a bulk fill behind an optimization barrier) rather than its `Vec`
/// impl, which wipes element by element: a tenth of the instructions for a 1 KB body.
#[derive(Default)]
pub struct SecretBytes(Vec<u8>);

impl SecretBytes {
    /// An empty buffer of `capacity` bytes: reserve enough that it never reallocates, which would
    /// leave a copy behind.
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        Self(Vec::with_capacity(capacity))
    }
}

impl Deref for SecretBytes {
    type Target = Vec<u8>;

    fn deref(&self) -> &Vec<u8> {
        &self.0
    }
}

impl DerefMut for SecretBytes {
    fn deref_mut(&mut self) -> &mut Vec<u8> {
        &mut self.0
    }
}

impl Drop for SecretBytes {
    fn drop(&mut self) {
        self.0.spare_capacity_mut().zeroize();
        self.0.as_mut_slice().zeroize();
    }
}

/// The bytes an access token may hold: A-Z a-z 0-9 - _ = . (base64url segments and dots).
const TOKEN_BYTES: [bool; 256] = {
    let mut allowed = [false; 256];
    let mut at = 0;
    while at < 256 {
        let byte = at as u8;
        allowed[at] = byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'=' | b'.');
        at += 1;
    }
    allowed
};

/// Whether an access token may hold `byte`.
pub(crate) const fn is_token_byte(byte: u8) -> bool {
    TOKEN_BYTES[byte as usize]
}

/// `value` in an allocation of exactly its length, wiped on drop as one slice (see
/// [`SecretBytes`]); a `String` with spare capacity is copied and wiped.
fn boxed_secret(value: String) -> Zeroizing<Box<str>> {
    if value.len() == value.capacity() {
        return Zeroizing::new(value.into_boxed_str());
    }
    let boxed = Box::from(value.as_str());
    drop(Zeroizing::new(value));
    Zeroizing::new(boxed)
}

/// A zeroizing string whose `Debug` prints `Name(***)` and `Display` prints `***`; the only way
/// to read it back is `expose`, used when the request body is written and the secrets of a call
/// are fingerprinted.
macro_rules! secret_string {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone)]
        pub struct $name(Zeroizing<Box<str>>);

        impl $name {
            /// Wraps the value. Validation happens when a request is made, so that a bad value is
            /// reported as a typed error rather than at construction.
            pub fn new(value: impl Into<String>) -> Self {
                Self(boxed_secret(value.into()))
            }

            /// The secret itself. Never log or format the returned value.
            pub fn expose(&self) -> &str {
                &self.0
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                Self::new(value)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self(Zeroizing::new(Box::from(value)))
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(concat!(stringify!($name), "(***)"))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("***")
            }
        }
    };
}

secret_string! {
    /// A Cognito access token (a JWT).
    AccessToken
}

secret_string! {
    /// The verification code the user received (`VerifyUserAttribute`'s `Code`): as secret as the
    /// token, since with it anyone holding the token can mark the attribute verified.
    VerificationCode
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

    #[test]
    fn formatting_never_shows_the_code() {
        let code = VerificationCode::new("493817");
        assert_eq!(format!("{code:?}"), "VerificationCode(***)");
        assert_eq!(format!("{code}"), "***");
        assert_eq!(format!("{:?}", Some(&code)), "Some(VerificationCode(***))");
        assert_eq!(code.expose(), "493817");
    }
}
