"""A server that echoes the access token back in other forms than raw body bytes (JSON-escaped, in
the error type, the request id, any header, a redirect, a success field) never gets it into a
result, an exception (str, repr, attributes, ``e.response``, traceback) or a log record, at DEBUG."""

import base64
import logging
import traceback
from typing import Any, Dict, List

import pytest

import cognito_attr_code
from conftest import TOKEN, CognitoStub, Reply, json_escaped, leaks_any, percent_encoded

SIGNATURE = TOKEN.rsplit(".", 1)[1]


def leaks(text: str) -> bool:
    """The token or its signature, in any echo form."""
    return leaks_any(text, (TOKEN, SIGNATURE))


def error_texts(error: cognito_attr_code.CognitoError) -> List[str]:
    return [
        str(error),
        repr(error),
        repr(error.__dict__),
        repr(error.response),
        repr(error.args),
        "".join(traceback.format_exception(type(error), error, error.__traceback__)),
        "" if error.diagnosis is None else error.diagnosis.hint,
    ]


def call_expecting_error(stub: CognitoStub, reply: Reply) -> cognito_attr_code.CognitoError:
    stub.replies(reply)
    with cognito_attr_code.Client(endpoint_url=stub.url, max_attempts=1) as client:
        with pytest.raises(cognito_attr_code.CognitoError) as caught:
            client.get_attr_code(TOKEN, "email")
    error = caught.value
    leaked = [text for text in error_texts(error) if leaks(text)]
    assert not leaked, leaked
    return error


def call_expecting_success(stub: CognitoStub, reply: Reply) -> Dict[str, Any]:
    stub.replies(reply)
    with cognito_attr_code.Client(endpoint_url=stub.url, max_attempts=1) as client:
        response: Dict[str, Any] = dict(
            client.get_user_attribute_verification_code(AccessToken=TOKEN, AttributeName="email")
        )
    assert not leaks(repr(response)), response
    return response


@pytest.fixture(autouse=True)
def debug_logs_stay_clean(caplog: pytest.LogCaptureFixture) -> Any:
    caplog.set_level(logging.DEBUG)
    yield
    records = caplog.get_records("call")
    messages = [record.getMessage() for record in records]
    messages += [logging.Formatter("%(levelname)s %(name)s %(message)s").format(record) for record in records]
    assert any("attempt 1/" in message for message in messages), messages
    assert not any(leaks(message) for message in messages), messages


def test_a_json_escaped_echo_in_the_message(stub: CognitoStub) -> None:
    body = '{"__type":"NotAuthorizedException","message":"Invalid token %s"}' % json_escaped(TOKEN)
    error = call_expecting_error(stub, Reply(status=400, body=body))
    assert isinstance(error, cognito_attr_code.NotAuthorizedException)
    assert error.message == "Invalid token ***"


def test_a_json_escaped_echo_in_a_lambda_message_is_scrubbed_in_the_diagnosis_hint(stub: CognitoStub) -> None:
    body = '{"__type":"UserLambdaValidationException","message":"CustomMessage failed with error %s"}' % json_escaped(
        TOKEN
    )
    error = call_expecting_error(stub, Reply(status=400, body=body))
    assert error.diagnosis is not None and error.diagnosis.cause == "lambda_trigger"
    assert 'with error "***"' in error.diagnosis.hint


def test_an_error_type_header_carrying_the_token(stub: CognitoStub) -> None:
    error = call_expecting_error(stub, Reply(status=400, body={}, headers={"x-amzn-ErrorType": "Bad" + TOKEN}))
    assert isinstance(error, cognito_attr_code.UnknownServiceError)
    assert error.code == "Bad***"
    assert error.response["Error"]["Code"] == "Bad***"


def test_a_request_id_carrying_the_token_on_error_and_success(stub: CognitoStub) -> None:
    error = call_expecting_error(stub, Reply(status=400, body={"__type": "NotAuthorizedException"}, request_id=TOKEN))
    assert error.request_id == "***"
    response = call_expecting_success(stub, Reply(body={}, request_id=SIGNATURE))
    assert response["ResponseMetadata"]["RequestId"] == "***"


def test_any_header_name_or_value_carrying_the_token(stub: CognitoStub) -> None:
    headers = {
        "X-Echo-" + TOKEN: "1",
        "X-Percent": percent_encoded(TOKEN),
        "X-Base64": base64.b64encode(TOKEN.encode()).decode(),
        "X-Escaped": json_escaped(TOKEN),
        "X-Signature": SIGNATURE,
    }
    error = call_expecting_error(stub, Reply(status=400, body={"__type": "NotAuthorizedException"}, headers=headers))
    http_headers = error.response["ResponseMetadata"]["HTTPHeaders"]
    assert http_headers["x-echo-***"] == "1"
    assert http_headers["x-percent"] == "***"
    response = call_expecting_success(stub, Reply(body={}, headers=headers))
    assert response["ResponseMetadata"]["HTTPHeaders"]["x-signature"] == "***"


def test_a_redirect_carrying_the_token(stub: CognitoStub) -> None:
    for location in (f"https://evil.example/cb?t={TOKEN}", f"https://evil.example/cb?t={percent_encoded(TOKEN)}"):
        error = call_expecting_error(stub, Reply(status=302, body="", headers={"Location": location}))
        assert isinstance(error, cognito_attr_code.ProtocolError)
        assert "cb?t=***" in str(error)


def test_an_escaped_echo_in_a_success(stub: CognitoStub) -> None:
    escaped = json_escaped(TOKEN)
    body = '{"CodeDeliveryDetails":{"Destination":"%s","DeliveryMedium":"%s","AttributeName":"%s"}}' % (
        escaped,
        escaped,
        escaped,
    )
    response = call_expecting_success(stub, Reply(body=body))
    assert response["CodeDeliveryDetails"] == {"Destination": "***", "DeliveryMedium": "***", "AttributeName": "***"}


def test_an_unparsable_body_with_an_escaped_echo(stub: CognitoStub) -> None:
    # The excerpt is short: the signature comes first so that it falls inside.
    body = '{"echo":"%s","token":"%s"}' % (json_escaped(SIGNATURE), json_escaped(TOKEN))
    error = call_expecting_error(stub, Reply(status=400, body=body))
    assert isinstance(error, cognito_attr_code.ProtocolError)
