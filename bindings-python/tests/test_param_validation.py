"""The boto3-compatible method validates its parameters as botocore does, with the same report,
and raises a ParamValidationError that code written for boto3 catches."""

from typing import Any, Dict

import botocore.exceptions  # type: ignore[import-untyped]
import pytest

import cognito_attr_code
from conftest import TOKEN, CognitoStub, boto3_client

INVALID: Dict[str, Dict[str, Any]] = {
    "nothing": {},
    "token of the wrong type": {"AccessToken": 5, "AttributeName": "email"},
    "unknown and empty": {"AccessToken": "t", "AttributeName": "", "Foo": 1},
    "metadata value of the wrong type": {"AccessToken": "t", "AttributeName": "email", "ClientMetadata": {"a": 1}},
    "metadata of the wrong type": {"AccessToken": "t", "AttributeName": "email", "ClientMetadata": [1]},
    "name of the wrong type": {"AccessToken": "", "AttributeName": 3},
    "metadata None": {"AccessToken": "t", "AttributeName": "email", "ClientMetadata": None},
}


@pytest.mark.parametrize("params", INVALID.values(), ids=INVALID.keys())
def test_the_report_is_botocores(params: Dict[str, Any], stub: CognitoStub) -> None:
    with pytest.raises(botocore.exceptions.ParamValidationError) as theirs:
        boto3_client(stub.url).get_user_attribute_verification_code(**params)
    with cognito_attr_code.Client(region="us-east-1", endpoint_url=stub.url) as client:
        with pytest.raises(botocore.exceptions.ParamValidationError) as ours:
            client.get_user_attribute_verification_code(**params)
    # botocore quotes the wrong-typed value; a token's is shown as ***.
    expected = str(theirs.value).replace("AccessToken, value: 5,", "AccessToken, value: ***,")
    assert str(ours.value) == expected
    assert ours.value.kwargs == {"report": expected.split("\n", 1)[1]}
    assert stub.received == []


def test_the_class_is_the_packages_and_botocores(stub: CognitoStub) -> None:
    error_class = cognito_attr_code.ParamValidationError
    assert error_class is cognito_attr_code.param_validation.ParamValidationError
    assert issubclass(error_class, botocore.exceptions.ParamValidationError)
    assert issubclass(error_class, cognito_attr_code.InvalidArgumentError)
    assert error_class.__module__ == "cognito_attr_code"
    with cognito_attr_code.Client(region="us-east-1", endpoint_url=stub.url) as client:
        with pytest.raises(cognito_attr_code.ParamValidationError) as caught:
            client.get_user_attribute_verification_code(AccessToken=TOKEN)  # type: ignore[call-arg]
    assert caught.value.report == 'Missing required parameter in input: "AttributeName"'
    import pickle

    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is error_class and copy.report == caught.value.report


def test_a_wrong_typed_token_is_never_quoted(stub: CognitoStub) -> None:
    secret = TOKEN.encode()
    with cognito_attr_code.Client(region="us-east-1", endpoint_url=stub.url) as client:
        with pytest.raises(cognito_attr_code.ParamValidationError) as caught:
            client.get_user_attribute_verification_code(AccessToken=secret, AttributeName="email")  # type: ignore[arg-type]
    assert "Invalid type for parameter AccessToken, value: ***, type: <class 'bytes'>" in str(caught.value)
    assert TOKEN not in str(caught.value) and TOKEN not in repr(caught.value.kwargs)


def test_the_cores_checks_are_reported_the_same_way(stub: CognitoStub) -> None:
    with cognito_attr_code.Client(region="us-east-1", endpoint_url=stub.url) as client:
        with pytest.raises(cognito_attr_code.ParamValidationError) as caught:
            client.get_user_attribute_verification_code(AccessToken=TOKEN, AttributeName="x" * 33)
    assert str(caught.value).startswith("Parameter validation failed:\nInvalid value for parameter AttributeName: ")
    assert caught.value.argument == "AttributeName"
    assert stub.received == []


def test_from_native_takes_keywords_only() -> None:
    from cognito_attr_code.exceptions import _from_native

    with pytest.raises(TypeError):
        _from_native("service", "NotAuthorizedException", "m", "d", None, 400, 1, None, None, False, {})  # type: ignore[call-arg]
