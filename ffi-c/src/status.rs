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
    COGNITO_OPERATION_NOT_ENABLED = 118,
    COGNITO_CODE_MISMATCH = 119,
    COGNITO_EXPIRED_CODE = 120,
    COGNITO_ALIAS_EXISTS = 121,
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
    COGNITO_OPERATION_NOT_ENABLED,
    COGNITO_CODE_MISMATCH,
    COGNITO_EXPIRED_CODE,
    COGNITO_ALIAS_EXISTS,
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

    /// The status whose number core's error table gives the code (the test below proves every
    /// code has one).
    fn from_service(code: ServiceErrorCode) -> Self {
        cognito_status::ALL
            .iter()
            .copied()
            .find(|status| *status as u32 == code.c_status())
            .unwrap_or(COGNITO_UNKNOWN_SERVICE_ERROR)
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

    /// `NotAuthorizedException` -> `COGNITO_NOT_AUTHORIZED`.
    fn c_name(code: ServiceErrorCode) -> String {
        let stem = code.as_str().trim_end_matches("Exception");
        let mut name = String::from("COGNITO");
        for c in stem.chars() {
            if c.is_ascii_uppercase() {
                name.push('_');
            }
            name.push(c.to_ascii_uppercase());
        }
        name
    }

    #[test]
    fn service_statuses_are_core_error_table_exactly_names_numbers_and_order() {
        let local = &cognito_status::ALL[..9];
        assert_eq!(local.last(), Some(&COGNITO_UNKNOWN_SERVICE_ERROR));
        let service: Vec<(u32, String)> = cognito_status::ALL[9..]
            .iter()
            .map(|s| {
                let name = std::ffi::CStr::from_bytes_with_nul(s.name()).unwrap();
                (*s as u32, name.to_str().unwrap().to_owned())
            })
            .collect();
        let table: Vec<(u32, String)> = ServiceErrorCode::ALL
            .iter()
            .map(|code| (code.c_status(), c_name(*code)))
            .collect();
        assert_eq!(service, table);
        for code in ServiceErrorCode::ALL {
            assert_eq!(cognito_status::from_service(*code) as u32, code.c_status());
        }
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
