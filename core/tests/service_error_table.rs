//! The one table of service error codes (`ServiceErrorCode`) against the checked-in excerpt of
//! the service model (`data/service-model-errors.json`, its `source` says where it came from):
//! each operation's modeled errors, its target, and the rules the C status numbers keep.

use std::collections::BTreeSet;

use cognito_attr_code::{OperationName, ServiceErrorCode, ServiceErrorRetry};
use serde_json::Value;

fn model() -> Value {
    serde_json::from_str(include_str!("data/service-model-errors.json")).unwrap()
}

fn model_errors(operation: OperationName) -> Vec<String> {
    model()["operations"][operation.as_str()]["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("the excerpt has no {}", operation.as_str()))
        .iter()
        .map(|code| code.as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn each_operation_models_exactly_the_errors_of_the_service_model() {
    let operations = model()["operations"].as_object().unwrap().len();
    assert_eq!(operations, OperationName::ALL.len());
    for operation in OperationName::ALL {
        let in_model: BTreeSet<String> = model_errors(*operation).into_iter().collect();
        let in_table: BTreeSet<String> = operation
            .modeled_errors()
            .iter()
            .map(|code| code.as_str().to_owned())
            .collect();
        assert_eq!(in_table, in_model, "{}", operation.as_str());
        assert_eq!(
            model()["operations"][operation.as_str()]["target"],
            operation.target()
        );
    }
    let every_model_code: BTreeSet<String> = OperationName::ALL
        .iter()
        .flat_map(|op| model_errors(*op))
        .collect();
    assert_eq!(every_model_code.len(), ServiceErrorCode::ALL.len());
}

#[test]
fn table_order_is_the_first_operation_then_appended_codes() {
    // The 17 codes of the first release keep the service model's order of that time; each later
    // code is appended (ffi-c numbers the C statuses and pins the numbers).
    let first_release: Vec<String> = model_errors(OperationName::GetUserAttributeVerificationCode)
        .into_iter()
        .filter(|code| code != "OperationNotEnabledException")
        .collect();
    let table: Vec<&str> = ServiceErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(table[..17], first_release);
}

#[test]
fn retry_rules_of_the_table() {
    let by_rule = |rule| -> Vec<&str> {
        ServiceErrorCode::ALL
            .iter()
            .filter(|c| c.retry() == rule)
            .map(|c| c.as_str())
            .collect()
    };
    assert_eq!(
        by_rule(ServiceErrorRetry::Always),
        ["TooManyRequestsException", "InternalErrorException"]
    );
    assert_eq!(
        by_rule(ServiceErrorRetry::Never),
        ["LimitExceededException", "CodeMismatchException"]
    );
}
