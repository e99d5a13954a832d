//! Version of the library, as macros in the header and at run time.

use std::ffi::c_char;

/// Major version (`Cargo.toml`; a test checks they agree).
pub const COGNITO_ATTR_CODE_VERSION_MAJOR: u32 = 0;
/// Minor version.
pub const COGNITO_ATTR_CODE_VERSION_MINOR: u32 = 2;
/// Patch version.
pub const COGNITO_ATTR_CODE_VERSION_PATCH: u32 = 0;

/// The library's version, e.g. `"0.2.0"`: static, never free it. Compare with the
/// `COGNITO_ATTR_CODE_VERSION_*` macros to detect a header/library mismatch.
#[no_mangle]
pub extern "C" fn cognito_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_macros_match_cargo_toml() {
        let part = |s: &str| s.parse::<u32>().unwrap();
        assert_eq!(
            COGNITO_ATTR_CODE_VERSION_MAJOR,
            part(env!("CARGO_PKG_VERSION_MAJOR"))
        );
        assert_eq!(
            COGNITO_ATTR_CODE_VERSION_MINOR,
            part(env!("CARGO_PKG_VERSION_MINOR"))
        );
        assert_eq!(
            COGNITO_ATTR_CODE_VERSION_PATCH,
            part(env!("CARGO_PKG_VERSION_PATCH"))
        );
    }
}
