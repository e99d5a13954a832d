//! Golden comparison with the AWS CLI v1 (`aws cognito-idp get-user-attribute-verification-code`)
//! against the same loopback server: stdout byte for byte, and the error line on stderr.

mod support;

use support::{Reply, Sandbox, Server, TOKEN};

/// Which AWS CLI is the oracle: v1 for json/text/table, v2 for the yaml formats (v1 has none).
#[derive(Clone, Copy)]
enum Oracle {
    V1,
    V2,
}

fn compare(reply: Reply, extra: &[&str]) {
    compare_with(Oracle::V1, reply, extra)
}

fn compare_with(oracle: Oracle, reply: Reply, extra: &[&str]) {
    let server = Server::start(reply);
    let sandbox = Sandbox::new();
    let endpoint = server.url();
    let common = [
        "--endpoint-url",
        endpoint.as_str(),
        "--region",
        "us-east-1",
        "--access-token",
        TOKEN,
        "--attribute-name",
        "email",
    ];
    let mut ours_args = vec!["get-user-attribute-verification-code"];
    ours_args.extend(common);
    ours_args.extend(extra);
    let mut aws_args = vec!["cognito-idp", "get-user-attribute-verification-code"];
    aws_args.extend(common);
    aws_args.extend(extra);
    let ours = sandbox.run(&ours_args, &[]);
    let theirs = match oracle {
        Oracle::V1 => sandbox.run_aws(&aws_args),
        Oracle::V2 => sandbox.run_aws_v2(&aws_args),
    };
    assert_eq!(ours.stdout, theirs.stdout, "stdout differs for {extra:?}");
    ours.assert_token_hidden();
    if theirs.code == 0 {
        assert_eq!(ours.code, 0, "{}", ours.stderr);
        assert_eq!(ours.stderr, theirs.stderr);
    } else {
        // AWS CLI v1 exits 255 for service errors; v2 (and we) exit 254.
        assert_eq!(ours.code, 254, "{}", ours.stderr);
        let error_line = |text: &str| {
            text.lines()
                .find(|l| l.starts_with("An error occurred"))
                .map(str::to_owned)
        };
        assert!(ours.stderr.starts_with('\n'));
        assert_eq!(error_line(&ours.stderr), error_line(&theirs.stderr));
        assert!(error_line(&ours.stderr).is_some(), "{}", ours.stderr);
    }
}

const FORMATS: [&[&str]; 4] = [
    &["--output", "json"],
    &["--output", "text"],
    &["--output", "table"],
    &["--output", "table", "--color", "on"],
];

#[test]
fn success_with_details_matches_aws() {
    for format in FORMATS {
        compare(Reply::success(), format);
    }
}

#[test]
fn empty_success_matches_aws() {
    for format in FORMATS {
        compare(Reply::json(200, "{}"), format);
    }
}

#[test]
fn service_error_matches_aws() {
    for format in FORMATS {
        compare(
            Reply::error("NotAuthorizedException", "Access Token has expired"),
            format,
        );
    }
    compare(
        Reply::error(
            "LimitExceededException",
            "Attempt limit exceeded, please try after some time.",
        ),
        &[],
    );
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
    for query in queries {
        for format in FORMATS {
            let mut extra = vec!["--query", query];
            extra.extend(format);
            compare(Reply::success(), &extra);
        }
    }
}

#[test]
fn unusual_values_match_aws() {
    let body = r#"{"CodeDeliveryDetails":{"Destination":"+*******1234 ü 日本","DeliveryMedium":"CARRIER_PIGEON","AttributeName":"phone_number"}}"#;
    for format in FORMATS {
        compare(Reply::json(200, body), format);
    }
}

#[test]
fn yaml_formats_match_aws_cli_v2() {
    let unusual = Reply::json(
        200,
        r#"{"CodeDeliveryDetails":{"Destination":"+*******0100","DeliveryMedium":"yes","AttributeName":"näme: 'x' #1"}}"#,
    );
    for reply in [Reply::success(), Reply::json(200, "{}"), unusual] {
        for format in ["yaml", "yaml-stream"] {
            compare_with(Oracle::V2, reply.clone(), &["--output", format]);
            for query in [
                "CodeDeliveryDetails.AttributeName",
                "CodeDeliveryDetails.[Destination, DeliveryMedium]",
                "length(@)",
                "CodeDeliveryDetails.Missing",
            ] {
                compare_with(
                    Oracle::V2,
                    reply.clone(),
                    &["--output", format, "--query", query],
                );
            }
        }
    }
}
