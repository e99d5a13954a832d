//! The error of a control action or of starting the fake.

use std::fmt;

/// What went wrong with a control action or with starting the fake.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FakeErrorKind {
    /// An argument is missing, of the wrong type, unknown, or out of range.
    InvalidArgument,
    /// The action names a user the fake does not know.
    UnknownUser,
    /// No action has this name.
    UnknownAction,
    /// The listening socket or the server thread could not be set up.
    Io,
}

impl FakeErrorKind {
    /// The kind's name, as the HTTP control endpoints report it in `"error"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InvalidArgument => "InvalidArgument",
            Self::UnknownUser => "UnknownUser",
            Self::UnknownAction => "UnknownAction",
            Self::Io => "Io",
        }
    }
}

/// A control action's or the start's failure; the message names the JSON field at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FakeError {
    /// What went wrong.
    pub kind: FakeErrorKind,
    /// What to fix, naming the snake_case JSON field at fault.
    pub message: String,
}

impl FakeError {
    pub(crate) fn invalid(message: impl Into<String>) -> Self {
        Self {
            kind: FakeErrorKind::InvalidArgument,
            message: message.into(),
        }
    }

    pub(crate) fn unknown_user(username: &str) -> Self {
        Self {
            kind: FakeErrorKind::UnknownUser,
            message: format!("username: no user {username:?} in the fake (add_user first)"),
        }
    }
}

impl fmt::Display for FakeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.as_str(), self.message)
    }
}

impl std::error::Error for FakeError {}
