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
