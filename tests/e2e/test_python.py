"""The Python package (the installed wheel) against cognito-local."""

from __future__ import annotations

import time

import pytest

import cognito_attr_code
from conftest import EXPECTED_NO_AUTO_VERIFY, IDLE_CLOSE_GAP, unknown_client_token


def client(emulator, **settings):
    return cognito_attr_code.Client(endpoint_url=emulator.endpoint, region="us-east-1", max_attempts=1, **settings)


def test_installed_wheel_is_under_test():
    assert "site-packages" in cognito_attr_code.__file__


def test_real_token_issues_a_new_code(emulator):
    before = emulator.issued_code()
    with client(emulator) as c:
        assert c.get_attr_code(emulator.access_token, "email") is None  # cognito-local answers {}
        first = emulator.issued_code()
        assert first is not None and first != before
        response = c.get_user_attribute_verification_code(
            AccessToken=emulator.access_token, AttributeName="email", ClientMetadata={"source": "e2e"}
        )
        assert "CodeDeliveryDetails" not in response
        assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
        assert emulator.issued_code() != first


def test_service_errors_are_typed(emulator):
    with client(emulator) as c:
        with pytest.raises(cognito_attr_code.InvalidParameterException):
            c.get_attr_code("abc.def.ghi", "email")
        with pytest.raises(cognito_attr_code.ResourceNotFoundException) as caught:
            c.get_attr_code(unknown_client_token(emulator.access_token), "email")
        assert caught.value.response["Error"]["Code"] == "ResourceNotFoundException"
        with pytest.raises(c.exceptions.InvalidParameterException) as caught:
            c.get_attr_code(emulator.plain_pool_token, "email")
        assert caught.value.message == EXPECTED_NO_AUTO_VERIFY


def test_https_with_and_without_the_ca_bundle(tls_emulator):
    with client(tls_emulator, ca_bundle=tls_emulator.ca_bundle) as c:
        assert c.get_attr_code(tls_emulator.access_token, "email") is None
    with client(tls_emulator) as c:
        with pytest.raises(cognito_attr_code.TlsError):
            c.get_attr_code(tls_emulator.access_token, "email")


def test_calls_six_seconds_apart_on_one_client(emulator):
    with client(emulator) as c:
        c.get_attr_code(emulator.access_token, "email")
        time.sleep(IDLE_CLOSE_GAP)
        c.get_attr_code(emulator.access_token, "email")


def test_verify_flow_marks_the_attribute_verified(emulator):
    token = emulator.new_unverified_user("python-verify")
    with client(emulator) as c:
        c.get_attr_code(token, "email")
        code = emulator.issued_code(username="python-verify")
        assert code and emulator.email_verified("python-verify") == "false"
        wrong = "000000" if code != "000000" else "111111"
        with pytest.raises(c.exceptions.CodeMismatchException) as caught:
            c.verify_attr(token, "email", wrong)
        assert caught.value.diagnosis is not None and caught.value.diagnosis.cause == "wrong_code"
        assert emulator.email_verified("python-verify") == "false"
        response = c.verify_user_attribute(AccessToken=token, AttributeName="email", Code=code)
        assert response["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert emulator.email_verified("python-verify") == "true"
