"""Bad arguments give the right exception, with a message that names the argument and never the
token, and never crash or hang."""

from typing import Any

import pytest

import cognito_attr_code
from cognito_attr_code import InvalidArgumentError
from conftest import TOKEN, CognitoStub


@pytest.fixture
def call(stub: CognitoStub) -> Any:
    client = cognito_attr_code.Client(endpoint_url=stub.url, max_attempts=1)
    yield client.get_attr_code
    client.close()
    assert not stub.received, "bad input reached the server"


@pytest.mark.parametrize("token", [None, 42, b"abc.def", ["a"], object()])
def test_token_of_the_wrong_type(call: Any, token: Any) -> None:
    with pytest.raises(TypeError, match=r"^access_token must be str, not \w+$"):
        call(token, "email")


@pytest.mark.parametrize("name", [None, 1, b"email"])
def test_attribute_name_of_the_wrong_type(call: Any, name: Any) -> None:
    with pytest.raises(TypeError, match="^attribute_name must be str"):
        call(TOKEN, name)


@pytest.mark.parametrize(
    "token, attribute, argument",
    [
        ("", "email", "access_token"),
        ("a" * (64 * 1024 + 1), "email", "access_token"),
        ("has space", "email", "access_token"),
        ("token\x00", "email", "access_token"),
        (TOKEN, "", "attribute_name"),
        (TOKEN, "x" * 33, "attribute_name"),
        (TOKEN, "a\nb", "attribute_name"),
        (TOKEN, "\ud800", "attribute_name"),
    ],
    ids=["empty-token", "long-token", "space", "nul", "empty-name", "long-name", "control", "surrogate"],
)
def test_invalid_values(call: Any, token: str, attribute: str, argument: str) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        call(token, attribute)
    assert isinstance(caught.value, ValueError)
    assert caught.value.argument == argument
    assert caught.value.attempts == 0


def test_longest_valid_attribute_name_is_accepted(stub: CognitoStub) -> None:
    with cognito_attr_code.Client(endpoint_url=stub.url) as client:
        client.get_attr_code(TOKEN, "\u00e9" * 32)


@pytest.mark.parametrize("metadata", [[("k", "v")], "k=v", 1, {"k", "v"}])
def test_metadata_not_a_mapping(call: Any, metadata: Any) -> None:
    with pytest.raises(TypeError, match="^client_metadata must be a dict of str to str"):
        call(TOKEN, "email", metadata)


@pytest.mark.parametrize(
    "metadata, message",
    [
        ({"k": 1}, r'client_metadata value must be str, not int \(key "k"\)'),
        ({"k": None}, r'client_metadata value must be str, not NoneType \(key "k"\)'),
        ({1: "v"}, "client_metadata key must be str, not int"),
        ({b"k": "v"}, "client_metadata key must be str, not bytes"),
    ],
)
def test_metadata_of_the_wrong_types(call: Any, metadata: Any, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        call(TOKEN, "email", metadata)


def test_metadata_value_too_long(call: Any) -> None:
    with pytest.raises(InvalidArgumentError) as caught:
        call(TOKEN, "email", {"k": "x" * 131_073})
    assert caught.value.argument == "client_metadata value"


def test_boto3_style_arguments_are_keyword_only(call: Any, stub: CognitoStub) -> None:
    with cognito_attr_code.Client(endpoint_url=stub.url) as client:
        with pytest.raises(TypeError):
            client.get_user_attribute_verification_code(TOKEN, "email")  # type: ignore[call-arg]
        with pytest.raises(cognito_attr_code.ParamValidationError):
            client.get_user_attribute_verification_code(AccessToken=TOKEN)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    "settings",
    [
        {"bogus": 1},
        {"region": 1},
        {"endpoint_url": b"http://127.0.0.1"},
        {"read_timeout": "5"},
        {"max_attempts": 1.5},
        {"verify": 1},
        {"use_fips_endpoint": "yes"},
        {"allow_insecure_http": 1},
        {"profile_name": "x"},
    ],
)
def test_settings_of_the_wrong_type(settings: Any) -> None:
    with pytest.raises(TypeError):
        cognito_attr_code.Client(**settings)
    with pytest.raises(TypeError):
        cognito_attr_code.get_attr_code(TOKEN, "email", **settings)


def test_none_settings_mean_unset(stub: CognitoStub, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL", stub.url)
    with cognito_attr_code.Client(region=None, endpoint_url=None, read_timeout=None, verify=None) as client:
        assert client.endpoint_url == stub.url + "/"


def test_zero_timeouts_mean_none(stub: CognitoStub) -> None:
    with cognito_attr_code.Client(endpoint_url=stub.url, connect_timeout=0, read_timeout=0.0) as client:
        assert client.get_attr_code(TOKEN, "email") is not None
