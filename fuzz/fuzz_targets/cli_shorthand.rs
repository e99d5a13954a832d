//! `--client-metadata`: the shorthand syntax `k=v,k2=v2`, or a JSON object when it starts `{`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Err(failure) = cognito_attr_code_cli::parameters::parse_client_metadata(text) {
        let _ = failure.to_string();
    }
});
