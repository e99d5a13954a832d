//! `--generate-cli-skeleton`: templates printed without sending a request.

use crate::args::SkeletonKind;

const INPUT: &str = r#"{
    "AccessToken": "",
    "AttributeName": "",
    "ClientMetadata": {
        "KeyName": ""
    }
}
"#;

const OUTPUT: &str = r#"{
    "CodeDeliveryDetails": {
        "Destination": "Destination",
        "DeliveryMedium": "SMS",
        "AttributeName": "AttributeName"
    }
}
"#;

const YAML_INPUT: &str = "\
AccessToken: '' # [REQUIRED] A valid access token that Amazon Cognito issued to the currently signed-in user.
AttributeName: '' # [REQUIRED] The name of the attribute that the user wants to verify, for example email.
ClientMetadata: # A map of custom key-value pairs that you can provide as input for any custom workflows that this action triggers.
  KeyName: ''
";

/// The skeleton `--generate-cli-skeleton` prints for `kind`.
pub fn render(kind: SkeletonKind) -> &'static str {
    match kind {
        SkeletonKind::Input => INPUT,
        SkeletonKind::Output => OUTPUT,
        SkeletonKind::YamlInput => YAML_INPUT,
    }
}

const VERIFY_INPUT: &str = r#"{
    "AccessToken": "",
    "AttributeName": "",
    "Code": ""
}
"#;

const VERIFY_YAML_INPUT: &str = "\
AccessToken: ''  # [REQUIRED] A valid access token that Amazon Cognito issued to the user whose user attributes you want to verify.
AttributeName: '' # [REQUIRED] The attribute name in the request to verify user attributes.
Code: '' # [REQUIRED] The verification code in the request to verify user attributes.
";

/// The skeleton of `verify-user-attribute`; none for `output`, whose shape has no members (the
/// AWS CLI then runs the command as if the option were absent).
pub fn render_verify(kind: SkeletonKind) -> Option<&'static str> {
    match kind {
        SkeletonKind::Input => Some(VERIFY_INPUT),
        SkeletonKind::Output => None,
        SkeletonKind::YamlInput => Some(VERIFY_YAML_INPUT),
    }
}
