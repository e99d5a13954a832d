//! Golden comparison with the AWS CLI (`aws cognito-idp get-user-attribute-verification-code`)
//! against the same loopback server: stdout byte for byte, the exit status, and the error line
//! on stderr. The goldens are checked in (see `oracle/golden.rs`); the live AWS CLI is compared
//! too wherever it is installed.

#[path = "oracle/golden.rs"]
mod golden;
mod support;

use golden::{GoldenBook, Oracle};
use support::{verify_call_args, Reply, CODE};

const FORMATS: [&[&str]; 4] = [
    &["--output", "json"],
    &["--output", "text"],
    &["--output", "table"],
    &["--output", "table", "--color", "on"],
];

#[test]
fn success_with_details_matches_aws() {
    let mut book = GoldenBook::open(Oracle::V1, "success_with_details");
    for format in FORMATS {
        book.check("success", &Reply::success(), format);
    }
    book.finish();
}

#[test]
fn empty_success_matches_aws() {
    let mut book = GoldenBook::open(Oracle::V1, "empty_success");
    for format in FORMATS {
        book.check("empty", &Reply::json(200, "{}"), format);
    }
    book.finish();
}

#[test]
fn service_error_matches_aws() {
    let mut book = GoldenBook::open(Oracle::V1, "service_error");
    let expired = Reply::error("NotAuthorizedException", "Access Token has expired");
    for format in FORMATS {
        book.check("NotAuthorizedException", &expired, format);
    }
    let limit = Reply::error(
        "LimitExceededException",
        "Attempt limit exceeded, please try after some time.",
    );
    book.check("LimitExceededException", &limit, &[]);
    book.finish();
}

#[test]
fn queries_match_aws() {
    let queries = [
        "CodeDeliveryDetails",
        "CodeDeliveryDetails.{z:Destination,a:AttributeName}",
        "CodeDeliveryDetails.[Destination,AttributeName]",
        "length(@)",
        "CodeDeliveryDetails.Destination",
        "missing",
        "[CodeDeliveryDetails, CodeDeliveryDetails]",
        "CodeDeliveryDetails.{a:[Destination,`1.5`,`true`], b:`null`, c:{d:`[]`}}",
    ];
    let mut book = GoldenBook::open(Oracle::V1, "queries");
    for query in queries {
        for format in FORMATS {
            let mut extra = vec!["--query", query];
            extra.extend(format);
            book.check("success", &Reply::success(), &extra);
        }
    }
    book.finish();
}

#[test]
fn unusual_values_match_aws() {
    let body = r#"{"CodeDeliveryDetails":{"Destination":"+*******1234 ü 日本","DeliveryMedium":"CARRIER_PIGEON","AttributeName":"phone_number"}}"#;
    let mut book = GoldenBook::open(Oracle::V1, "unusual_values");
    for format in FORMATS {
        book.check("unusual", &Reply::json(200, body), format);
    }
    book.finish();
}

#[test]
fn yaml_formats_match_aws_cli_v2() {
    let unusual = Reply::json(
        200,
        r#"{"CodeDeliveryDetails":{"Destination":"+*******0100","DeliveryMedium":"yes","AttributeName":"näme: 'x' #1"}}"#,
    );
    let replies = [
        ("success", Reply::success()),
        ("empty", Reply::json(200, "{}")),
        ("yaml-hostile", unusual),
    ];
    let mut book = GoldenBook::open(Oracle::V2, "yaml_formats");
    for (label, reply) in &replies {
        for format in ["yaml", "yaml-stream"] {
            book.check(label, reply, &["--output", format]);
            for query in [
                "CodeDeliveryDetails.AttributeName",
                "CodeDeliveryDetails.[Destination, DeliveryMedium]",
                "length(@)",
                "CodeDeliveryDetails.Missing",
            ] {
                book.check(label, reply, &["--output", format, "--query", query]);
            }
        }
    }
    book.finish();
}

#[test]
fn verify_user_attribute_matches_aws() {
    let mut book = GoldenBook::open(Oracle::V1, "verify_user_attribute");
    let verify = |server: &support::Server| verify_call_args(server, CODE);
    let mismatch = Reply::error(
        "CodeMismatchException",
        "Invalid verification code provided, please try again.",
    );
    for format in FORMATS {
        book.check_call("verified", &Reply::json(200, "{}"), verify, format);
        book.check_call("CodeMismatchException", &mismatch, verify, format);
    }
    let expired = Reply::error(
        "ExpiredCodeException",
        "Invalid code provided, please request a code again.",
    );
    book.check_call("ExpiredCodeException", &expired, verify, &[]);
    let limit = Reply::error(
        "LimitExceededException",
        "Attempt limit exceeded, please try after some time.",
    );
    book.check_call("LimitExceededException", &limit, verify, &[]);
    book.check_call(
        "verified",
        &Reply::json(200, "{}"),
        verify,
        &["--query", "length(@)"],
    );
    book.finish();
}

#[test]
fn verify_user_attribute_matches_aws_cli_v2() {
    let mut book = GoldenBook::open(Oracle::V2, "verify_user_attribute");
    let verify = |server: &support::Server| verify_call_args(server, CODE);
    let mismatch = Reply::error(
        "CodeMismatchException",
        "Invalid verification code provided, please try again.",
    );
    for format in [
        ["--output", "yaml"],
        ["--output", "yaml-stream"],
        ["--output", "json"],
    ] {
        book.check_call("verified", &Reply::json(200, "{}"), verify, &format);
        book.check_call("CodeMismatchException", &mismatch, verify, &format);
    }
    book.finish();
}
