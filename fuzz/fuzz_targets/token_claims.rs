//! The access token's claims reader: the local prechecks and the region from the issuer.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// 2023-11-14, a fixed "now" so that expiry checks are reproducible.
const NOW_UNIX: u64 = 1_700_000_000;

fuzz_target!(|token: &str| {
    let (precheck, region) = cognito_attr_code::fuzzing::read_token_claims(token, NOW_UNIX);
    let _ = format!("{precheck:?} {region:?}");
});
