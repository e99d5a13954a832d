//! `--cli-input-yaml`: the document, then the operation's parameters read from it.
#![no_main]

use cognito_attr_code_cli::parameters::{parse_input_yaml, Parameters};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let outcome = parse_input_yaml(text).and_then(|document| Parameters::from_document(&document));
    if let Err(failure) = outcome {
        let _ = failure.to_string();
    }
});
