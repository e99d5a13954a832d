"""Settings that come from the shared config file, the proxy setting, and the token pre-check."""

import base64
import json
from typing import Any

import pytest

import cognito_attr_code
from conftest import TOKEN, CognitoStub


def test_profile_supplies_the_endpoint(stub: CognitoStub, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "aws-config"
    config.write_text(f"[profile dev]\nregion = eu-west-1\nendpoint_url = {stub.url}\nmax_attempts = 2\n")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(config))
    with cognito_attr_code.Client(profile="dev") as client:
        assert client.endpoint_url == stub.url + "/"
        client.get_attr_code(TOKEN, "email")
    assert len(stub.received) == 1
    with pytest.raises(cognito_attr_code.ConfigurationError) as caught:
        cognito_attr_code.Client(profile="nobody")
    assert "nobody" in str(caught.value)


def test_invalid_proxy_is_a_configuration_error() -> None:
    with pytest.raises(cognito_attr_code.ConfigurationError) as caught:
        cognito_attr_code.Client(region="us-east-1", proxy="ftp://proxy.example:21")
    assert "proxy" in str(caught.value)


def test_validate_token_refuses_an_id_token_locally(stub: CognitoStub) -> None:
    payload = base64.urlsafe_b64encode(json.dumps({"token_use": "id"}).encode()).rstrip(b"=").decode()
    id_token = f"eyJhbGciOiJub25lIn0.{payload}.c2ln"
    with cognito_attr_code.Client(endpoint_url=stub.url, validate_token=True) as client:
        with pytest.raises(cognito_attr_code.InvalidArgumentError) as caught:
            client.get_attr_code(id_token, "email")
    assert "ID token" in str(caught.value)
    assert id_token not in str(caught.value)
    assert stub.received == []


@pytest.mark.parametrize(
    "settings, message",
    [
        ({"region": 5}, "region must be str, not int"),
        ({"read_timeout": "x"}, "read_timeout must be a number of seconds (int or float), not str"),
        ({"max_attempts": True}, "max_attempts must be int, not bool"),
        ({"use_fips_endpoint": 1}, "use_fips_endpoint must be bool, not int"),
        ({"ca_bundle": 3}, "ca_bundle must be a str or os.PathLike, not int"),
        ({"verify": 1}, "verify must be a bool or a CA bundle path, not int"),
    ],
)
def test_wrong_typed_settings_name_the_setting(settings: Any, message: str) -> None:
    with pytest.raises(TypeError) as caught:
        cognito_attr_code.Client(**settings)
    assert str(caught.value) == message


def test_a_misspelt_setting_names_the_function_called() -> None:
    with pytest.raises(TypeError) as caught:
        cognito_attr_code.get_attr_code(TOKEN, "email", regoin="eu-west-1")  # type: ignore[call-arg]
    assert str(caught.value) == "get_attr_code() got an unexpected keyword argument 'regoin'"
    with pytest.raises(TypeError) as caught:
        cognito_attr_code.Client(regoin="eu-west-1")  # type: ignore[call-arg]
    assert str(caught.value) == "Client() got an unexpected keyword argument 'regoin'"


def test_missing_region_says_how_to_set_it_in_python() -> None:
    with cognito_attr_code.Client() as client:
        with pytest.raises(cognito_attr_code.ConfigurationError) as caught:
            client.get_attr_code(TOKEN, "email")
    message = str(caught.value)
    assert 'region="eu-west-1"' in message and "AWS_REGION" in message
    assert "issuer names a region" in message


def test_connection_failures_name_host_and_port() -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with cognito_attr_code.Client(endpoint_url=f"http://127.0.0.1:{port}", max_attempts=1) as client:
        with pytest.raises(cognito_attr_code.NetworkError) as caught:
            client.get_attr_code(TOKEN, "email")
    assert f"127.0.0.1:{port}" in str(caught.value)
