//! The shared config file reader. The input's first line names the profile, the rest is the
//! file's text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let (name, text) = input.split_once('\n').unwrap_or(("default", input));
    let _ = cognito_attr_code::fuzzing::parse_profile(text, name);
});
