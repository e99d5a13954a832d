"""Successful calls: the Pythonic result, the boto3-shaped dict compared with boto3's own, and
what goes on the wire."""

import json
import sys
from typing import Any, Dict, Mapping

import pytest

import cognito_attr_code
from cognito_attr_code import CodeDeliveryDetails
from conftest import TOKEN, CognitoStub, Reply, boto3_client

FULL = {
    "CodeDeliveryDetails": {"Destination": "+*******0100", "DeliveryMedium": "SMS", "AttributeName": "phone_number"}
}


def without_headers(response: Mapping[str, Any]) -> Dict[str, Any]:
    shaped = dict(response)
    shaped["ResponseMetadata"] = {k: v for k, v in response["ResponseMetadata"].items() if k != "HTTPHeaders"}
    return shaped


def test_full_details(stub: CognitoStub, client: cognito_attr_code.Client) -> None:
    stub.replies(Reply(body=FULL))
    details = client.get_attr_code(TOKEN, "phone_number")
    assert details == CodeDeliveryDetails("+*******0100", "SMS", "phone_number")
    assert details is not None
    assert details.destination == "+*******0100"
    assert details.delivery_medium == "SMS"
    assert details.attribute_name == "phone_number"
    assert details.to_dict() == FULL["CodeDeliveryDetails"]
    assert repr(details) == (
        "CodeDeliveryDetails(destination='+*******0100', delivery_medium='SMS', attribute_name='phone_number')"
    )
    assert hash(details) == hash(CodeDeliveryDetails("+*******0100", "SMS", "phone_number"))
    with pytest.raises(AttributeError):
        details.destination = "x"


@pytest.mark.parametrize(
    "body",
    [
        FULL,
        {},
        {"CodeDeliveryDetails": {}},
        {"CodeDeliveryDetails": {"Destination": "a***@e***.com", "DeliveryMedium": "CARRIER_PIGEON"}},
        {"CodeDeliveryDetails": {"AttributeName": "email"}, "Unmodeled": 1},
    ],
    ids=["full", "empty", "empty-details", "unknown-medium", "partial"],
)
def test_same_response_as_boto3(stub: CognitoStub, client: cognito_attr_code.Client, boto: Any, body: Any) -> None:
    stub.replies(*[Reply(body=body, request_id="rid-1")] * 3)
    ours = client.get_user_attribute_verification_code(AccessToken=TOKEN, AttributeName="email")
    theirs = boto.get_user_attribute_verification_code(AccessToken=TOKEN, AttributeName="email")
    assert without_headers(ours) == without_headers(theirs)
    assert set(ours["ResponseMetadata"]["HTTPHeaders"]) == set(theirs["ResponseMetadata"]["HTTPHeaders"])
    assert ours["ResponseMetadata"]["HTTPHeaders"]["x-amzn-requestid"] == "rid-1"
    details = client.get_attr_code(TOKEN, "email")
    if "CodeDeliveryDetails" in theirs:
        assert details is not None
        assert details.to_dict() == theirs["CodeDeliveryDetails"]
    else:
        assert details is None


def test_no_request_id_header_is_left_out_like_boto3(stub: CognitoStub, client: Any, boto: Any) -> None:
    stub.replies(Reply(body=FULL, request_id=None), Reply(body=FULL, request_id=None))
    ours = client.get_user_attribute_verification_code(AccessToken=TOKEN, AttributeName="email")
    theirs = boto.get_user_attribute_verification_code(AccessToken=TOKEN, AttributeName="email")
    assert "RequestId" not in ours["ResponseMetadata"]
    assert without_headers(ours) == without_headers(theirs)


def test_retry_attempts_count_retries_like_boto3(stub: CognitoStub) -> None:
    busy = Reply(status=503, body={"__type": "InternalErrorException", "message": "busy"})
    stub.replies(busy, Reply(body=FULL), busy, Reply(body=FULL))
    with cognito_attr_code.Client(region="us-east-1", endpoint_url=stub.url, max_attempts=2) as client:
        ours = client.get_user_attribute_verification_code(AccessToken=TOKEN, AttributeName="email")
    boto = boto3_client(stub.url, max_attempts=2)
    try:
        theirs = boto.get_user_attribute_verification_code(AccessToken=TOKEN, AttributeName="email")
    finally:
        boto.close()
    assert ours["ResponseMetadata"]["RetryAttempts"] == 1
    assert without_headers(ours) == without_headers(theirs)


def test_request_on_the_wire(stub: CognitoStub, client: cognito_attr_code.Client) -> None:
    client.get_attr_code(TOKEN, "email", {"source": "signup", "lang": "fr"})
    client.get_attr_code(TOKEN, "email")
    first, second = stub.received
    assert first.body == {
        "AccessToken": TOKEN,
        "AttributeName": "email",
        "ClientMetadata": {"source": "signup", "lang": "fr"},
    }
    assert second.body == {"AccessToken": TOKEN, "AttributeName": "email"}
    assert first.headers["x-amz-target"] == "AWSCognitoIdentityProviderService.GetUserAttributeVerificationCode"
    assert first.headers["content-type"] == "application/x-amz-json-1.1"
    python = f"lang/python#{sys.version_info.major}.{sys.version_info.minor}"
    assert first.headers["user-agent"].startswith(f"cognito-attr-code/{cognito_attr_code.__version__} {python}")
    assert client.user_agent == first.headers["user-agent"]


def test_module_level_function(stub: CognitoStub) -> None:
    details = cognito_attr_code.get_attr_code(TOKEN, "email", None, region="us-east-1", endpoint_url=stub.url)
    assert details == CodeDeliveryDetails("d***@e***.com", "EMAIL", "email")


def test_settings_from_environment(stub: CognitoStub, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_REGION", "eu-west-1")
    monkeypatch.setenv("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", stub.url)
    assert cognito_attr_code.get_attr_code(TOKEN, "email") is not None
    with cognito_attr_code.Client() as client:
        assert client.endpoint_url == stub.url + "/"


def test_endpoint_url_property(stub: CognitoStub) -> None:
    with cognito_attr_code.Client(region="eu-west-1") as client:
        assert client.endpoint_url == "https://cognito-idp.eu-west-1.amazonaws.com/"
        assert repr(client) == "<cognito_attr_code.Client endpoint_url='https://cognito-idp.eu-west-1.amazonaws.com/'>"
    with cognito_attr_code.Client(endpoint_url=stub.url + "/custom/path") as client:
        assert client.endpoint_url == stub.url + "/custom/path/"
    with cognito_attr_code.Client() as client:
        with pytest.raises(cognito_attr_code.ConfigurationError, match="Missing Region"):
            client.endpoint_url


def test_retry_modes(stub: CognitoStub) -> None:
    for mode in ("standard", "adaptive", "legacy"):
        with cognito_attr_code.Client(endpoint_url=stub.url, retry_mode=mode) as client:
            assert client.get_attr_code(TOKEN, "email") is not None


def test_context_manager_and_close(stub: CognitoStub) -> None:
    with cognito_attr_code.Client(endpoint_url=stub.url) as client:
        assert client.get_attr_code(TOKEN, "email") is not None
    with pytest.raises(RuntimeError, match="closed"):
        client.get_attr_code(TOKEN, "email")
    client.close()
    assert repr(client) == "<cognito_attr_code.Client closed>"


def test_client_metadata_accepts_any_mapping(stub: CognitoStub, client: cognito_attr_code.Client) -> None:
    from types import MappingProxyType

    client.get_attr_code(TOKEN, "email", MappingProxyType({"k": "v"}))
    assert stub.received[0].body["ClientMetadata"] == {"k": "v"}


def test_extra_headers_like_boto3(stub: CognitoStub, client: Any, boto: Any) -> None:
    stub.replies(Reply(body=FULL, headers={"x-custom": "one"}), Reply(body=FULL, headers={"x-custom": "one"}))
    ours = client.get_user_attribute_verification_code(AccessToken=TOKEN, AttributeName="email")
    theirs = boto.get_user_attribute_verification_code(AccessToken=TOKEN, AttributeName="email")
    assert ours["ResponseMetadata"]["HTTPHeaders"]["x-custom"] == theirs["ResponseMetadata"]["HTTPHeaders"]["x-custom"]
    assert json.dumps(ours)  # plain data
