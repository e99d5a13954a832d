"""``exc.diagnosis``: each cause of the core's table against the stand-in sending the service's real
messages, through the Pythonic and the boto3-shaped calls; the ID token refused with nothing sent;
no cause for unknown messages; hints never carry the token or the code."""

import base64
import json
import pickle
import time
from typing import Any, Dict, Optional

import pytest

import cognito_attr_code
from cognito_attr_code import _native
from conftest import TOKEN, CognitoStub, Reply, leaks_any

CODE = "493817"


def token_with(claims: Dict[str, Any]) -> str:
    payload = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"eyJhbGciOiJub25lIn0.{payload}.c2lnbmF0dXJlLXNlY3JldA"


def error_for(stub: CognitoStub, code: str, message: str, token: str = TOKEN) -> cognito_attr_code.CognitoError:
    stub.replies(Reply(status=400, body={"__type": code, "message": message}))
    with cognito_attr_code.Client(region="eu-west-1", endpoint_url=stub.url, max_attempts=1) as client:
        with pytest.raises(cognito_attr_code.CognitoError) as caught:
            client.get_attr_code(token, "email")
    error = caught.value
    assert type(error).__name__ == code, "a diagnosis never changes the class"
    assert error.message == message, "nor the message"
    if error.diagnosis is not None:
        assert not leaks_any(error.diagnosis.hint, [token, CODE])
    return error


def cause_of(error: cognito_attr_code.CognitoError) -> Optional[str]:
    return None if error.diagnosis is None else error.diagnosis.cause


def hint_of(error: cognito_attr_code.CognitoError) -> str:
    assert error.diagnosis is not None
    return error.diagnosis.hint


def test_the_cause_type_is_the_core_table() -> None:
    assert cognito_attr_code.CAUSES == _native.DIAGNOSIS_CAUSES
    assert len(_native.DIAGNOSIS_CAUSES) == 12


@pytest.mark.parametrize(
    "code, message, cause, says",
    [
        (
            "LimitExceededException",
            "Attempt limit exceeded, please try after some time.",
            "per_user_limit",
            "5 code requests or 15 verifications per user per hour",
        ),
        (
            "LimitExceededException",
            "Exceeded daily email limit for the operation or the account. If a higher limit is required, please "
            "configure your user pool to use your own Amazon SES configuration for sending email.",
            "daily_email_limit",
            "Amazon SES",
        ),
        ("NotAuthorizedException", "Access Token has expired", "token_expired", "refresh it"),
        ("NotAuthorizedException", "Access Token has been revoked", "token_revoked", "sign the user in again"),
        (
            "NotAuthorizedException",
            "Access Token does not have required scopes",
            "missing_scope",
            "aws.cognito.signin.user.admin",
        ),
        ("NotAuthorizedException", "Invalid Access Token", "invalid_token", "access token"),
        (
            "UserLambdaValidationException",
            "CustomMessage failed with error Forbidden domain.",
            "lambda_trigger",
            'CustomMessage Lambda trigger failed with error "Forbidden domain."',
        ),
        (
            "UnexpectedLambdaException",
            "CustomEmailSender failed with error timeout.",
            "lambda_trigger",
            "CustomEmailSender",
        ),
        (
            "InvalidLambdaResponseException",
            "PreSignUp failed with error bad output.",
            "lambda_trigger",
            "PreSignUp",
        ),
        (
            "CodeDeliveryFailureException",
            "Unable to deliver message to the provided email address.",
            "delivery_failed",
            "SES or SNS",
        ),
        ("TooManyRequestsException", "Too many requests", "rate_limited", "request rate"),
    ],
)
def test_each_service_cause(stub: CognitoStub, code: str, message: str, cause: str, says: str) -> None:
    error = error_for(stub, code, message)
    assert cause_of(error) == cause
    assert says in hint_of(error)


def test_unknown_messages_get_no_cause(stub: CognitoStub) -> None:
    assert error_for(stub, "NotAuthorizedException", "User is disabled.").diagnosis is None
    assert error_for(stub, "LimitExceededException", "Something new").diagnosis is None
    assert error_for(stub, "UnexpectedLambdaException", "Unrecognizable lambda output").diagnosis is None


def test_an_expired_token_says_when_in_utc(stub: CognitoStub) -> None:
    exp = int(time.time()) - 3 * 3600 - 10
    token = token_with({"token_use": "access", "exp": exp})
    hint = hint_of(error_for(stub, "NotAuthorizedException", "Access Token has expired", token))
    assert time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(exp)) in hint
    assert "(3 h 0 min ago)" in hint


def test_an_invalid_token_of_another_region_names_both(stub: CognitoStub) -> None:
    token = token_with({"token_use": "access", "iss": "https://cognito-idp.us-west-2.amazonaws.com/us-west-2_Abc"})
    hint = hint_of(error_for(stub, "NotAuthorizedException", "Invalid Access Token", token))
    assert "us-west-2" in hint and "eu-west-1" in hint


def test_the_limit_is_still_not_retried(stub: CognitoStub) -> None:
    stub.replies(
        Reply(
            status=400,
            body={"__type": "LimitExceededException", "message": "Attempt limit exceeded, please try after some time."},
        )
    )
    with cognito_attr_code.Client(region="eu-west-1", endpoint_url=stub.url, max_attempts=3) as client:
        with pytest.raises(cognito_attr_code.LimitExceededException) as caught:
            client.get_attr_code(TOKEN, "email")
    assert cause_of(caught.value) == "per_user_limit"
    assert caught.value.attempts == 1 and len(stub.received) == 1


def test_an_id_token_is_refused_before_any_request(stub: CognitoStub) -> None:
    id_token = token_with({"token_use": "id"})
    with cognito_attr_code.Client(region="eu-west-1", endpoint_url=stub.url) as client:
        for call in (
            lambda: client.get_attr_code(id_token, "email"),
            lambda: client.verify_attr(id_token, "email", CODE),
            lambda: client.get_user_attribute_verification_code(AccessToken=id_token, AttributeName="email"),
        ):
            with pytest.raises(cognito_attr_code.InvalidArgumentError) as caught:
                call()
            assert cause_of(caught.value) == "id_token_given"
            assert not leaks_any(hint_of(caught.value), [id_token])
    assert stub.received == []


def test_wrong_and_expired_codes(stub: CognitoStub) -> None:
    stub.replies(
        Reply(
            status=400,
            body={
                "__type": "CodeMismatchException",
                "message": "Invalid verification code provided, please try again.",
            },
        ),
        Reply(
            status=400,
            body={"__type": "ExpiredCodeException", "message": "Invalid code provided, please request a code again."},
        ),
    )
    with cognito_attr_code.Client(region="eu-west-1", endpoint_url=stub.url) as client:
        with pytest.raises(cognito_attr_code.CodeMismatchException) as wrong:
            client.verify_attr(TOKEN, "email", CODE)
        with pytest.raises(cognito_attr_code.ExpiredCodeException) as expired:
            client.verify_user_attribute(AccessToken=TOKEN, AttributeName="email", Code=CODE)
    assert cause_of(wrong.value) == "wrong_code" and CODE not in hint_of(wrong.value)
    assert cause_of(expired.value) == "code_expired" and "24 hours" in hint_of(expired.value)


def test_a_lambda_message_echoing_the_token_is_scrubbed_in_the_hint(stub: CognitoStub) -> None:
    message = f"CustomMessage failed with error bad {TOKEN}"
    stub.replies(Reply(status=400, body={"__type": "UserLambdaValidationException", "message": message}))
    with cognito_attr_code.Client(region="eu-west-1", endpoint_url=stub.url, max_attempts=1) as client:
        with pytest.raises(cognito_attr_code.UserLambdaValidationException) as caught:
            client.get_attr_code(TOKEN, "email")
    error = caught.value
    assert error.message == "CustomMessage failed with error bad ***"
    assert cause_of(error) == "lambda_trigger"
    assert "bad ***" in hint_of(error)
    assert not leaks_any(repr(error.diagnosis), [TOKEN])


def test_the_diagnosis_survives_pickling_and_is_public(stub: CognitoStub) -> None:
    error = error_for(stub, "NotAuthorizedException", "Access Token has been revoked")
    copy = pickle.loads(pickle.dumps(error))
    assert copy.diagnosis == error.diagnosis
    assert isinstance(copy.diagnosis, cognito_attr_code.Diagnosis)
    assert cognito_attr_code.Diagnosis.__module__ == "cognito_attr_code"
    assert cognito_attr_code.NotAuthorizedException("m").diagnosis is None
