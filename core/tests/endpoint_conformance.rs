//! The 57 official cognito-idp endpoint rule-set cases (`tests/data/endpoint-tests.json`, a copy
//! of `shared/conformance/endpoint-tests.json`), each one checked.

use cognito_attr_code::{resolve_endpoint, EndpointParams};
use serde_json::Value;

#[test]
fn every_official_endpoint_case_passes() {
    let data: Value = serde_json::from_str(include_str!("data/endpoint-tests.json")).unwrap();
    let cases = data["cases"].as_array().unwrap();
    assert_eq!(cases.len(), 57);
    let mut failures = Vec::new();
    for case in cases {
        let params = &case["params"];
        let input = EndpointParams {
            region: params["Region"].as_str().map(str::to_owned),
            use_fips: params["UseFIPS"].as_bool().unwrap_or(false),
            use_dual_stack: params["UseDualStack"].as_bool().unwrap_or(false),
            endpoint: params["Endpoint"].as_str().map(str::to_owned),
        };
        let got = match resolve_endpoint(&input) {
            Ok(url) => format!("url {url}"),
            // Configuration messages read "<setting>: <rule set message>".
            Err(e) => format!("error {}", e.message().split_once(": ").unwrap().1),
        };
        let expected = match (
            case["expect"]["url"].as_str(),
            case["expect"]["error"].as_str(),
        ) {
            (Some(url), _) => format!("url {url}"),
            (None, Some(error)) => format!("error {error}"),
            _ => panic!("case without expectation: {case}"),
        };
        if got != expected {
            failures.push(format!(
                "{}: expected {expected}, got {got}",
                case["documentation"]
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_copy_matches_shared_conformance_when_present() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/conformance/endpoint-tests.json");
    if let Ok(text) = std::fs::read_to_string(shared) {
        assert_eq!(
            text,
            include_str!("data/endpoint-tests.json"),
            "refresh core/tests/data/endpoint-tests.json"
        );
    }
}
