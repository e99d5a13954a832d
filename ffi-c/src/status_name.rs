//! What the generated `cognito_status` (status.rs) means: the status of a core error, and the
//! name of any status value.

use std::ffi::c_char;

use cognito_core::ErrorKind;

use crate::cognito_status;
use crate::cognito_status::*;

impl cognito_status {
    pub(crate) fn from_kind(kind: &ErrorKind) -> Self {
        match kind {
            ErrorKind::Service(code) => Self::from_service(*code),
            ErrorKind::UnknownService(_) => COGNITO_UNKNOWN_SERVICE_ERROR,
            ErrorKind::InvalidArgument { .. } => COGNITO_INVALID_ARGUMENT,
            ErrorKind::Configuration { .. } => COGNITO_CONFIGURATION,
            ErrorKind::Network => COGNITO_NETWORK,
            ErrorKind::Timeout(_) => COGNITO_TIMEOUT,
            ErrorKind::Tls => COGNITO_TLS,
            ErrorKind::Protocol => COGNITO_PROTOCOL,
            _ => COGNITO_PANIC,
        }
    }
}

/// The name of a status value, e.g. `"COGNITO_NOT_AUTHORIZED"`, or `"COGNITO_UNKNOWN_STATUS"` for
/// a value this version does not define. The string is static: never free it.
#[no_mangle]
pub extern "C" fn cognito_status_name(status: u32) -> *const c_char {
    const UNKNOWN: &[u8] = b"COGNITO_UNKNOWN_STATUS\0";
    let name = std::panic::catch_unwind(|| {
        cognito_status::ALL
            .iter()
            .find(|s| **s as u32 == status)
            .map(|s| s.name())
            .unwrap_or(UNKNOWN)
    })
    .unwrap_or(UNKNOWN);
    name.as_ptr().cast()
}

#[cfg(test)]
mod tests {
    use super::*;
    use cognito_core::ServiceErrorCode;

    fn name(status: u32) -> &'static str {
        unsafe { std::ffi::CStr::from_ptr(cognito_status_name(status)) }
            .to_str()
            .unwrap()
    }

    /// The numbers of 0.1.0 and after, pinned: a number never changes.
    #[test]
    fn numbers_never_change() {
        let pinned: &[(u32, &str)] = &[
            (0, "COGNITO_OK"),
            (1, "COGNITO_INVALID_ARGUMENT"),
            (2, "COGNITO_CONFIGURATION"),
            (3, "COGNITO_NETWORK"),
            (4, "COGNITO_TIMEOUT"),
            (5, "COGNITO_TLS"),
            (6, "COGNITO_PROTOCOL"),
            (7, "COGNITO_PANIC"),
            (100, "COGNITO_UNKNOWN_SERVICE_ERROR"),
            (101, "COGNITO_RESOURCE_NOT_FOUND"),
            (102, "COGNITO_INVALID_PARAMETER"),
            (103, "COGNITO_TOO_MANY_REQUESTS"),
            (104, "COGNITO_NOT_AUTHORIZED"),
            (105, "COGNITO_UNEXPECTED_LAMBDA"),
            (106, "COGNITO_USER_LAMBDA_VALIDATION"),
            (107, "COGNITO_INVALID_LAMBDA_RESPONSE"),
            (108, "COGNITO_INVALID_SMS_ROLE_ACCESS_POLICY"),
            (109, "COGNITO_INVALID_SMS_ROLE_TRUST_RELATIONSHIP"),
            (110, "COGNITO_INVALID_EMAIL_ROLE_ACCESS_POLICY"),
            (111, "COGNITO_CODE_DELIVERY_FAILURE"),
            (112, "COGNITO_LIMIT_EXCEEDED"),
            (113, "COGNITO_PASSWORD_RESET_REQUIRED"),
            (114, "COGNITO_USER_NOT_FOUND"),
            (115, "COGNITO_USER_NOT_CONFIRMED"),
            (116, "COGNITO_INTERNAL_ERROR"),
            (117, "COGNITO_FORBIDDEN"),
            (118, "COGNITO_OPERATION_NOT_ENABLED"),
            (119, "COGNITO_CODE_MISMATCH"),
            (120, "COGNITO_EXPIRED_CODE"),
            (121, "COGNITO_ALIAS_EXISTS"),
        ];
        for (number, expected) in pinned {
            assert_eq!(name(*number), *expected);
        }
        let defined: Vec<u32> = cognito_status::ALL.iter().map(|s| *s as u32).collect();
        assert_eq!(
            defined[..pinned.len()],
            *pinned.iter().map(|p| p.0).collect::<Vec<_>>()
        );
    }

    #[test]
    fn every_service_error_has_its_own_status() {
        let mut numbers: Vec<u32> = ServiceErrorCode::ALL
            .iter()
            .map(|code| cognito_status::from_service(*code) as u32)
            .collect();
        assert!(numbers.iter().all(|n| *n > 100));
        numbers.dedup();
        assert_eq!(numbers.len(), ServiceErrorCode::ALL.len());
    }

    #[test]
    fn names_are_static_and_total() {
        assert_eq!(name(0), "COGNITO_OK");
        assert_eq!(name(104), "COGNITO_NOT_AUTHORIZED");
        assert_eq!(name(99), "COGNITO_UNKNOWN_STATUS");
        assert_eq!(name(u32::MAX), "COGNITO_UNKNOWN_STATUS");
    }
}
