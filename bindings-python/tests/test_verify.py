"""``VerifyUserAttribute``: the boto3-shaped method against boto3 itself, the Pythonic and async
forms, typed errors (never retried when the code is wrong), local validation, and the secrecy of
the code in every echo form (results, exceptions, tracebacks and DEBUG log records)."""

import asyncio
import logging
import traceback
from typing import Any, List

import botocore.exceptions  # type: ignore[import-untyped]
import pytest

import cognito_attr_code
from conftest import TOKEN, CognitoStub, Reply, json_escaped, leaks_any, percent_encoded

CODE = "493817"
MISMATCH = {"__type": "CodeMismatchException", "message": "Invalid verification code provided, please try again."}


def test_success_is_boto3s_response_and_sends_the_three_members(
    stub: CognitoStub, client: cognito_attr_code.Client, boto: Any
) -> None:
    stub.replies(Reply(body={}), Reply(body={}))
    ours = client.verify_user_attribute(AccessToken=TOKEN, AttributeName="email", Code=CODE)
    theirs = boto.verify_user_attribute(AccessToken=TOKEN, AttributeName="email", Code=CODE)
    assert set(ours) == set(theirs) == {"ResponseMetadata"}
    for key in ("RequestId", "HTTPStatusCode", "RetryAttempts"):
        assert ours["ResponseMetadata"][key] == theirs["ResponseMetadata"][key], key
    mine, boto3s = stub.received
    assert mine.body == boto3s.body == {"AccessToken": TOKEN, "AttributeName": "email", "Code": CODE}
    assert mine.headers["x-amz-target"] == boto3s.headers["x-amz-target"]
    assert "authorization" not in mine.headers


def test_wrong_code_is_boto3s_error_and_is_not_retried(stub: CognitoStub, boto: Any) -> None:
    reply = Reply(status=400, body=MISMATCH, request_id="rid-wrong")
    stub.replies(reply, reply)
    with cognito_attr_code.Client(endpoint_url=stub.url, max_attempts=3) as client:
        with pytest.raises(client.exceptions.CodeMismatchException) as caught:
            client.verify_user_attribute(AccessToken=TOKEN, AttributeName="email", Code="000000")
    with pytest.raises(botocore.exceptions.ClientError) as theirs:
        boto.verify_user_attribute(AccessToken=TOKEN, AttributeName="email", Code="000000")
    assert len(stub.received) == 2, "one request each: a wrong code is never retried"
    error = caught.value
    assert type(error) is cognito_attr_code.CodeMismatchException
    assert error.response["Error"] == theirs.value.response["Error"]
    assert error.operation_name == theirs.value.operation_name == "VerifyUserAttribute"
    assert error.attempts == 1 and error.request_id == "rid-wrong"


@pytest.mark.parametrize(
    "code",
    ["ExpiredCodeException", "LimitExceededException", "AliasExistsException", "OperationNotEnabledException"],
)
def test_typed_errors(stub: CognitoStub, client: cognito_attr_code.Client, code: str) -> None:
    stub.replies(Reply(status=400, body={"__type": code, "message": "m"}))
    with pytest.raises(getattr(cognito_attr_code, code)):
        client.verify_attr(TOKEN, "email", CODE)


def test_operation_not_enabled_is_typed_for_get_attr_code_too(
    stub: CognitoStub, client: cognito_attr_code.Client
) -> None:
    stub.replies(Reply(status=400, body={"__type": "OperationNotEnabledException", "message": "replica Region"}))
    with pytest.raises(client.exceptions.OperationNotEnabledException) as caught:
        client.get_attr_code(TOKEN, "email")
    assert caught.value.operation_name == "GetUserAttributeVerificationCode"


def test_pythonic_module_level_and_async_forms(stub: CognitoStub, client: cognito_attr_code.Client) -> None:
    stub.default = lambda received: Reply(body={})
    client.verify_attr(TOKEN, "email", CODE)
    cognito_attr_code.verify_attr(TOKEN, "email", CODE, endpoint_url=stub.url)
    assert asyncio.run(client.verify_attr_async(TOKEN, "email", CODE)) is None
    stub.replies(Reply(status=400, body=MISMATCH))
    with pytest.raises(cognito_attr_code.CodeMismatchException):
        asyncio.run(client.verify_attr_async(TOKEN, "email", "000000"))
    assert [r.body["Code"] for r in stub.received] == [CODE, CODE, CODE, "000000"]
    assert [r.headers["x-amz-target"] for r in stub.received] == [
        "AWSCognitoIdentityProviderService.VerifyUserAttribute"
    ] * 4


@pytest.mark.parametrize("code", ["", "12 34", "1234\n", "x" * 2049])
def test_bad_codes_are_refused_before_any_io(stub: CognitoStub, client: cognito_attr_code.Client, code: str) -> None:
    with pytest.raises(cognito_attr_code.InvalidArgumentError) as caught:
        client.verify_attr(TOKEN, "email", code)
    assert caught.value.argument == "code"
    assert stub.received == []


def test_a_code_of_the_wrong_type_is_a_type_error_naming_the_argument(client: cognito_attr_code.Client) -> None:
    with pytest.raises(TypeError, match="code must be str, not int"):
        client.verify_attr(TOKEN, "email", 493817)  # type: ignore[arg-type]


LONG_CODE = "verification-code-that-must-never-leak-0123456789"


@pytest.mark.parametrize("secret", [CODE, LONG_CODE])
def test_an_echoed_code_never_leaves_the_call(stub: CognitoStub, caplog: pytest.LogCaptureFixture, secret: str) -> None:
    escaped = json_escaped(secret)
    percent = percent_encoded(secret)
    headers = {"X-Echo": percent, "X-Upper": secret.upper()}
    stub.replies(
        Reply(
            status=400,
            body=f'{{"__type":"CodeMismatchException","message":"wrong {escaped}"}}',
            headers=headers,
            request_id=secret,
        ),
        Reply(status=200, body={}, headers=headers, request_id=secret),
    )
    texts: List[str] = []
    with caplog.at_level(logging.DEBUG, logger="cognito_attr_code"):
        with cognito_attr_code.Client(endpoint_url=stub.url, max_attempts=1) as client:
            with pytest.raises(cognito_attr_code.CodeMismatchException) as caught:
                client.verify_user_attribute(AccessToken=TOKEN, AttributeName="email", Code=secret)
            response = client.verify_user_attribute(AccessToken=TOKEN, AttributeName="email", Code=secret)
    error = caught.value
    assert error.message == "wrong ***"
    texts += [str(error), repr(error), repr(error.response), repr(error.__dict__), repr(response)]
    texts.append("".join(traceback.format_exception(type(error), error, error.__traceback__)))
    texts += [record.getMessage() for record in caplog.records]
    assert any("attempt 1/" in record.getMessage() for record in caplog.records)
    for text in texts:
        assert not leaks_any(text, (secret,)), text
