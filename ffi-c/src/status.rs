//! `cognito_status`: the result of every fallible function. Numbers never change; a removed
//! value leaves a gap.

use std::ffi::c_char;

use cognito_core::{ErrorKind, ServiceErrorCode};

/// Result of a call. `COGNITO_OK` (0) is success; 1–99 are local errors; 100 and up are errors the
/// service returned (`COGNITO_UNKNOWN_SERVICE_ERROR` for codes this version does not model).
#[allow(non_camel_case_types)]
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum cognito_status {
    COGNITO_OK = 0,
    /// A NULL pointer, invalid UTF-8, or a value the service model rejects.
    COGNITO_INVALID_ARGUMENT = 1,
    /// A setting is missing or invalid (region, endpoint, CA bundle, environment variable, ...).
    COGNITO_CONFIGURATION = 2,
    /// DNS failure, connection refused, reset or closed.
    COGNITO_NETWORK = 3,
    /// The connect or read timeout expired.
    COGNITO_TIMEOUT = 4,
    /// TLS handshake failure (untrusted certificate, host name mismatch, ...).
    COGNITO_TLS = 5,
    /// Unparseable, redirected or oversized response.
    COGNITO_PROTOCOL = 6,
    /// A bug in this library was caught at the C boundary.
    COGNITO_PANIC = 7,
    /// The service returned an error code this version does not model; see `cognito_error.code`.
    COGNITO_UNKNOWN_SERVICE_ERROR = 100,
    COGNITO_RESOURCE_NOT_FOUND = 101,
    COGNITO_INVALID_PARAMETER = 102,
    COGNITO_TOO_MANY_REQUESTS = 103,
    COGNITO_NOT_AUTHORIZED = 104,
    COGNITO_UNEXPECTED_LAMBDA = 105,
    COGNITO_USER_LAMBDA_VALIDATION = 106,
    COGNITO_INVALID_LAMBDA_RESPONSE = 107,
    COGNITO_INVALID_SMS_ROLE_ACCESS_POLICY = 108,
    COGNITO_INVALID_SMS_ROLE_TRUST_RELATIONSHIP = 109,
    COGNITO_INVALID_EMAIL_ROLE_ACCESS_POLICY = 110,
    COGNITO_CODE_DELIVERY_FAILURE = 111,
    COGNITO_LIMIT_EXCEEDED = 112,
    COGNITO_PASSWORD_RESET_REQUIRED = 113,
    COGNITO_USER_NOT_FOUND = 114,
    COGNITO_USER_NOT_CONFIRMED = 115,
    COGNITO_INTERNAL_ERROR = 116,
    COGNITO_FORBIDDEN = 117,
}

use cognito_status::*;

/// Every value once: `ALL` and the names. `name` matches exhaustively, so a new variant that is
/// not listed here does not compile.
macro_rules! status_table {
    ($($status:ident),+ $(,)?) => {
        impl cognito_status {
            /// Every value, for `cognito_status_name` and tests.
            pub(crate) const ALL: &'static [cognito_status] = &[$($status),+];

            /// The NUL-terminated name of the status, e.g. `"COGNITO_NOT_AUTHORIZED\0"`.
            fn name(self) -> &'static [u8] {
                match self {
                    $($status => concat!(stringify!($status), "\0").as_bytes(),)+
                }
            }
        }
    };
}

status_table!(
    COGNITO_OK,
    COGNITO_INVALID_ARGUMENT,
    COGNITO_CONFIGURATION,
    COGNITO_NETWORK,
    COGNITO_TIMEOUT,
    COGNITO_TLS,
    COGNITO_PROTOCOL,
    COGNITO_PANIC,
    COGNITO_UNKNOWN_SERVICE_ERROR,
    COGNITO_RESOURCE_NOT_FOUND,
    COGNITO_INVALID_PARAMETER,
    COGNITO_TOO_MANY_REQUESTS,
    COGNITO_NOT_AUTHORIZED,
    COGNITO_UNEXPECTED_LAMBDA,
    COGNITO_USER_LAMBDA_VALIDATION,
    COGNITO_INVALID_LAMBDA_RESPONSE,
    COGNITO_INVALID_SMS_ROLE_ACCESS_POLICY,
    COGNITO_INVALID_SMS_ROLE_TRUST_RELATIONSHIP,
    COGNITO_INVALID_EMAIL_ROLE_ACCESS_POLICY,
    COGNITO_CODE_DELIVERY_FAILURE,
    COGNITO_LIMIT_EXCEEDED,
    COGNITO_PASSWORD_RESET_REQUIRED,
    COGNITO_USER_NOT_FOUND,
    COGNITO_USER_NOT_CONFIRMED,
    COGNITO_INTERNAL_ERROR,
    COGNITO_FORBIDDEN,
);

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

    fn from_service(code: ServiceErrorCode) -> Self {
        use ServiceErrorCode as S;
        match code {
            S::ResourceNotFound => COGNITO_RESOURCE_NOT_FOUND,
            S::InvalidParameter => COGNITO_INVALID_PARAMETER,
            S::TooManyRequests => COGNITO_TOO_MANY_REQUESTS,
            S::NotAuthorized => COGNITO_NOT_AUTHORIZED,
            S::UnexpectedLambda => COGNITO_UNEXPECTED_LAMBDA,
            S::UserLambdaValidation => COGNITO_USER_LAMBDA_VALIDATION,
            S::InvalidLambdaResponse => COGNITO_INVALID_LAMBDA_RESPONSE,
            S::InvalidSmsRoleAccessPolicy => COGNITO_INVALID_SMS_ROLE_ACCESS_POLICY,
            S::InvalidSmsRoleTrustRelationship => COGNITO_INVALID_SMS_ROLE_TRUST_RELATIONSHIP,
            S::InvalidEmailRoleAccessPolicy => COGNITO_INVALID_EMAIL_ROLE_ACCESS_POLICY,
            S::CodeDeliveryFailure => COGNITO_CODE_DELIVERY_FAILURE,
            S::LimitExceeded => COGNITO_LIMIT_EXCEEDED,
            S::PasswordResetRequired => COGNITO_PASSWORD_RESET_REQUIRED,
            S::UserNotFound => COGNITO_USER_NOT_FOUND,
            S::UserNotConfirmed => COGNITO_USER_NOT_CONFIRMED,
            S::InternalError => COGNITO_INTERNAL_ERROR,
            S::Forbidden => COGNITO_FORBIDDEN,
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

    #[test]
    fn every_service_code_has_its_own_status() {
        let mut seen = std::collections::HashSet::new();
        for code in ServiceErrorCode::ALL {
            let status = cognito_status::from_service(*code);
            assert!(status as u32 > 100);
            assert!(seen.insert(status as u32));
        }
        assert_eq!(
            cognito_status::ALL.len(),
            8 + 1 + ServiceErrorCode::ALL.len()
        );
    }

    #[test]
    fn names_are_static_and_total() {
        let name = |n| {
            unsafe { std::ffi::CStr::from_ptr(cognito_status_name(n)) }
                .to_str()
                .unwrap()
        };
        assert_eq!(name(0), "COGNITO_OK");
        assert_eq!(name(104), "COGNITO_NOT_AUTHORIZED");
        assert_eq!(name(99), "COGNITO_UNKNOWN_STATUS");
        assert_eq!(name(u32::MAX), "COGNITO_UNKNOWN_STATUS");
    }
}
