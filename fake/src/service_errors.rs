//! The errors the two operations can answer, with the HTTP status and message the fake sends for
//! each when `fail_next` names only the code.
//!
//! Messages marked "recorded" were recorded against live Cognito (shared aws-facts); the others
//! are the service's documented meaning, since no recording exists.

/// `(code, HTTP status, default message)`, the 18 errors of GetUserAttributeVerificationCode and
/// the two more of VerifyUserAttribute.
const TABLE: &[(&str, u16, &str)] = &[
    (
        "ResourceNotFoundException",
        400,
        "User pool client does not exist.",
    ),
    // Recorded.
    ("InvalidParameterException", 400, ATTRIBUTE_NOT_VERIFIABLE),
    ("TooManyRequestsException", 400, "Rate exceeded"),
    // Recorded.
    ("NotAuthorizedException", 400, INVALID_TOKEN),
    (
        "UnexpectedLambdaException",
        400,
        "Unexpected error when invoking the Lambda function.",
    ),
    (
        "UserLambdaValidationException",
        400,
        "CustomMessage failed with error.",
    ),
    (
        "InvalidLambdaResponseException",
        400,
        "Invalid lambda response.",
    ),
    (
        "InvalidSmsRoleAccessPolicyException",
        400,
        "Role does not have permission to publish with SNS.",
    ),
    (
        "InvalidSmsRoleTrustRelationshipException",
        400,
        "Role cannot be assumed by Cognito.",
    ),
    (
        "InvalidEmailRoleAccessPolicyException",
        400,
        "Cognito is not allowed to use your email identity.",
    ),
    (
        "CodeDeliveryFailureException",
        400,
        "Unable to deliver the verification code.",
    ),
    // Recorded.
    ("LimitExceededException", 400, ATTEMPT_LIMIT),
    (
        "PasswordResetRequiredException",
        400,
        "Password reset required for the user",
    ),
    ("UserNotFoundException", 400, "User does not exist."),
    ("UserNotConfirmedException", 400, "User is not confirmed."),
    (
        "OperationNotEnabledException",
        400,
        "This operation is not enabled in this Region.",
    ),
    ("InternalErrorException", 500, "Internal server error."),
    ("ForbiddenException", 403, "Request blocked by AWS WAF."),
    ("CodeMismatchException", 400, CODE_MISMATCH),
    ("ExpiredCodeException", 400, CODE_EXPIRED),
    (
        "AliasExistsException",
        400,
        "An account with the given email already exists.",
    ),
];

/// NotAuthorizedException (recorded): a token the service did not issue, or not an access token.
pub(crate) const INVALID_TOKEN: &str = "Invalid Access Token";
/// NotAuthorizedException (recorded).
pub(crate) const EXPIRED_TOKEN: &str = "Access Token has expired";
/// NotAuthorizedException (recorded): after GlobalSignOut.
pub(crate) const REVOKED_TOKEN: &str = "Access Token has been revoked";
/// NotAuthorizedException (recorded): no `aws.cognito.signin.user.admin` scope.
pub(crate) const MISSING_SCOPE: &str = "Access Token does not have required scopes";
/// InvalidParameterException (recorded).
pub(crate) const ATTRIBUTE_NOT_VERIFIABLE: &str =
    "Invalid attribute name. Only phone_number and email can be verified.";
/// InvalidParameterException (recorded).
pub(crate) const NO_EMAIL: &str = "User does not have a valid registered email address";
/// InvalidParameterException (recorded).
pub(crate) const NO_PHONE: &str = "User does not have a valid registered phone number";
/// LimitExceededException (recorded): the per-user hourly limits.
pub(crate) const ATTEMPT_LIMIT: &str = "Attempt limit exceeded, please try after some time.";
/// LimitExceededException (recorded): the default sender's daily e-mail quota.
pub(crate) const DAILY_EMAIL_LIMIT: &str = "Exceeded daily email limit for the operation or the account. If a higher limit is required, please configure your user pool to use your own Amazon SES configuration for sending email.";
/// CodeMismatchException, as Cognito words it for every confirmation code.
pub(crate) const CODE_MISMATCH: &str = "Invalid verification code provided, please try again.";
/// ExpiredCodeException, as Cognito words it for every confirmation code.
pub(crate) const CODE_EXPIRED: &str = "Invalid code provided, please request a code again.";

/// The status and message of `code`: its own for a modeled error, 400 and a generic message
/// for any other code (kept verbatim, as the service may add codes).
pub(crate) fn defaults(code: &str) -> (u16, &'static str) {
    TABLE
        .iter()
        .find(|(name, _, _)| *name == code)
        .map_or((400, "Injected by the fake."), |(_, status, message)| {
            (*status, *message)
        })
}

/// Every code the table knows, for tests.
#[cfg(test)]
pub(crate) fn codes() -> impl Iterator<Item = &'static str> {
    TABLE.iter().map(|(name, _, _)| *name)
}

#[cfg(test)]
mod tests {
    #[test]
    fn internal_error_is_a_server_fault_and_codes_are_unique() {
        assert_eq!(super::defaults("InternalErrorException").0, 500);
        assert_eq!(
            super::defaults("SomethingNew"),
            (400, "Injected by the fake.")
        );
        let mut codes: Vec<_> = super::codes().collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 21);
    }
}
