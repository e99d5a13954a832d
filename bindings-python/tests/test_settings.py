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
