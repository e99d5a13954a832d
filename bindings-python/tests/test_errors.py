"""Errors: every modeled service error against boto3, unknown codes, local errors, pickling."""

import builtins
import pickle
import time
from typing import Any

import botocore.exceptions  # type: ignore[import-untyped]
import botocore.session  # type: ignore[import-untyped]
import pytest

import cognito_attr_code
from cognito_attr_code import _native
from conftest import TOKEN, CognitoStub, Reply, free_port

OPERATION = (
    botocore.session.get_session().get_service_model("cognito-idp").operation_model("GetUserAttributeVerificationCode")
)
BOTOCORE_CODES = [shape.name for shape in OPERATION.error_shapes]


def test_modeled_errors_match_the_service_model() -> None:
    # botocore 1.43.11 predates OperationNotEnabledException (core's table has it, checked there
    # against the service-model excerpt); every code botocore has is modeled here.
    assert set(BOTOCORE_CODES) <= set(_native.SERVICE_ERROR_CODES)
    assert set(_native.SERVICE_ERROR_CODES) - set(BOTOCORE_CODES) == {
        "OperationNotEnabledException",
        "CodeMismatchException",
        "ExpiredCodeException",
        "AliasExistsException",
    }
    for code in _native.SERVICE_ERROR_CODES:
        cls = getattr(cognito_attr_code, code)
        assert cls.__name__ == code
        assert issubclass(cls, cognito_attr_code.CognitoError)
        assert getattr(cognito_attr_code.Client.exceptions, code) is cls
        assert cognito_attr_code.Client.exceptions.from_code(code) is cls
    assert cognito_attr_code.Client.exceptions.ClientError is cognito_attr_code.CognitoError


def test_client_exceptions_cover_boto3s_for_this_operation(boto: Any, client: cognito_attr_code.Client) -> None:
    for code in BOTOCORE_CODES:
        assert getattr(boto.exceptions, code).__name__ == getattr(client.exceptions, code).__name__


@pytest.mark.parametrize("code", BOTOCORE_CODES)
def test_modeled_error_like_boto3(stub: CognitoStub, client: cognito_attr_code.Client, boto: Any, code: str) -> None:
    status = 500 if code == "InternalErrorException" else 400
    reply = Reply(status=status, body={"__type": code, "message": f"{code} happened"}, request_id="rid-err")
    stub.replies(reply, reply)
    with pytest.raises(cognito_attr_code.CognitoError) as caught:
        client.get_user_attribute_verification_code(AccessToken=TOKEN, AttributeName="email")
    with pytest.raises(botocore.exceptions.ClientError) as theirs:
        boto.get_user_attribute_verification_code(AccessToken=TOKEN, AttributeName="email")
    error = caught.value
    assert type(error) is getattr(cognito_attr_code, code)
    assert isinstance(error, client.exceptions.ClientError)
    assert type(theirs.value).__name__ == code
    assert error.response["Error"] == {"Code": theirs.value.response["Error"]["Code"], "Message": f"{code} happened"}
    assert error.response["Error"]["Message"] == theirs.value.response["Error"]["Message"]
    ours_meta, their_meta = error.response["ResponseMetadata"], theirs.value.response["ResponseMetadata"]
    for key in ("RequestId", "HTTPStatusCode", "RetryAttempts", "MaxAttemptsReached"):
        assert ours_meta[key] == their_meta[key], key
    assert set(ours_meta["HTTPHeaders"]) == set(their_meta["HTTPHeaders"])
    assert ours_meta["HTTPHeaders"]["x-amzn-requestid"] == their_meta["HTTPHeaders"]["x-amzn-requestid"]
    assert (error.code, error.message, error.request_id, error.http_status, error.attempts) == (
        code,
        f"{code} happened",
        "rid-err",
        status,
        1,
    )
    assert str(error) == f"{code}: {code} happened (HTTP {status}, request id rid-err)"
    assert error.operation_name == theirs.value.operation_name


@pytest.mark.parametrize(
    "reply",
    [
        Reply(status=400, body={"__type": "aws.cognito#SomethingNewException:http://internal/", "message": "new"}),
        Reply(status=400, body={"__type": "SomethingNewException", "message": "new"}),
    ],
)
def test_unknown_service_error(stub: CognitoStub, client: Any, boto: Any, reply: Reply) -> None:
    stub.replies(reply, reply)
    with pytest.raises(cognito_attr_code.UnknownServiceError) as caught:
        client.get_attr_code(TOKEN, "email")
    with pytest.raises(botocore.exceptions.ClientError) as theirs:
        boto.get_user_attribute_verification_code(AccessToken=TOKEN, AttributeName="email")
    assert caught.value.code == "SomethingNewException" == theirs.value.response["Error"]["Code"]
    assert client.exceptions.from_code("SomethingNewException") is client.exceptions.ClientError


def test_error_code_from_header_which_botocore_ignores(stub: CognitoStub, client: Any) -> None:
    stub.replies(
        Reply(status=400, body={"message": "no"}, headers={"X-Amzn-Errortype": "NotAuthorizedException:http://x"})
    )
    with pytest.raises(cognito_attr_code.NotAuthorizedException):
        client.get_attr_code(TOKEN, "email")


def test_network_error() -> None:
    host, port = free_port()
    with pytest.raises(cognito_attr_code.NetworkError) as caught:
        cognito_attr_code.get_attr_code(TOKEN, "email", endpoint_url=f"http://{host}:{port}", max_attempts=2)
    assert caught.value.code == "Network"
    assert caught.value.attempts == 2
    assert caught.value.http_status is None


def test_read_timeout(stub: CognitoStub, client: Any) -> None:
    stub.replies(Reply(body={}, delay=1.0))
    with cognito_attr_code.Client(endpoint_url=stub.url, read_timeout=0.2) as client:
        with pytest.raises(cognito_attr_code.TimeoutError) as caught:
            client.get_attr_code(TOKEN, "email")
    error = caught.value
    assert isinstance(error, builtins.TimeoutError)
    assert isinstance(error, OSError)
    assert error.phase == "read"
    assert error.message.endswith("did not answer within read_timeout=0.2 s")
    assert error.attempts == 1  # read timeouts are not retried by default
    with pytest.raises(builtins.TimeoutError):
        raise error


def test_attempt_and_operation_deadlines(stub: CognitoStub, client: Any) -> None:
    stub.replies(Reply(body={}, delay=1.5), Reply(body={}, delay=1.5))
    bounded = (
        ("attempt", cognito_attr_code.Client(endpoint_url=stub.url, read_timeout=30, attempt_timeout=0.3)),
        ("operation", cognito_attr_code.Client(endpoint_url=stub.url, read_timeout=30, operation_timeout=0.3)),
    )
    for phase, deadline_client in bounded:
        started = time.monotonic()
        with deadline_client:
            with pytest.raises(cognito_attr_code.TimeoutError) as caught:
                deadline_client.get_attr_code(TOKEN, "email")
        assert caught.value.phase == phase
        assert f"({phase}_timeout=0.3 s)" in caught.value.message
        assert caught.value.attempts == 1
        assert time.monotonic() - started < 1.4
    with pytest.raises(cognito_attr_code.ConfigurationError, match="attempt_timeout=-1"):
        cognito_attr_code.Client(endpoint_url=stub.url, attempt_timeout=-1)


def test_protocol_errors(stub: CognitoStub, client: Any) -> None:
    stub.replies(Reply(status=200, body=b"<html>not json</html>"))
    with pytest.raises(cognito_attr_code.ProtocolError) as caught:
        client.get_attr_code(TOKEN, "email")
    assert caught.value.http_status == 200
    assert caught.value.body_excerpt == "<html>not json</html>"
    stub.replies(Reply(status=302, body=b"", headers={"Location": "http://127.0.0.1:1/"}))
    with pytest.raises(cognito_attr_code.ProtocolError, match="redirect"):
        client.get_attr_code(TOKEN, "email")


def test_tls_error_against_a_plain_http_server(stub: CognitoStub) -> None:
    https = stub.url.replace("http://", "https://")
    with pytest.raises((cognito_attr_code.TlsError, cognito_attr_code.ProtocolError)) as caught:
        cognito_attr_code.get_attr_code(TOKEN, "email", endpoint_url=https, max_attempts=1)
    assert caught.value.code in ("Tls", "Protocol")


def test_missing_ca_bundle_is_a_configuration_error(tmp_path: Any) -> None:
    with pytest.raises(cognito_attr_code.ConfigurationError) as caught:
        cognito_attr_code.Client(region="us-east-1", ca_bundle=tmp_path / "missing.pem")
    assert caught.value.setting is not None and "ca_bundle" in caught.value.setting.lower()


@pytest.mark.parametrize(
    "settings, setting",
    [
        ({}, "region"),
        ({"region": "us-east-1.evil.com"}, "region"),
        ({"region": "us-east-1", "max_attempts": 0}, "max_attempts=0"),
        ({"region": "us-east-1", "retry_mode": "fast"}, "retry_mode=fast"),
        ({"region": "us-east-1", "read_timeout": -1}, "read_timeout=-1"),
        ({"region": "us-east-1", "connect_timeout": float("nan")}, "connect_timeout=NaN"),
        ({"endpoint_url": "http://10.0.0.1:1"}, "endpoint_url"),
        ({"endpoint_url": "ftp://127.0.0.1"}, "endpoint_url"),
        ({"endpoint_url": "http://127.0.0.1:1", "use_fips_endpoint": True}, None),
        ({"region": "us-east-1", "verify": "/a.pem", "ca_bundle": "/b.pem"}, "verify"),
    ],
)
def test_configuration_errors(settings: Any, setting: Any) -> None:
    with pytest.raises(cognito_attr_code.ConfigurationError) as caught:
        cognito_attr_code.Client(**settings).endpoint_url
    error = caught.value
    assert error.code == "Configuration"
    if setting is not None:
        assert error.setting == setting
    assert str(error).startswith("Configuration error: ")


def test_configuration_error_names_the_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "many")
    with pytest.raises(cognito_attr_code.ConfigurationError) as caught:
        cognito_attr_code.Client(region="us-east-1")
    assert caught.value.setting == "AWS_MAX_ATTEMPTS=many"


def test_local_error_classes() -> None:
    assert issubclass(cognito_attr_code.InvalidArgumentError, ValueError)
    assert issubclass(cognito_attr_code.TimeoutError, builtins.TimeoutError)
    for cls in (
        cognito_attr_code.InvalidArgumentError,
        cognito_attr_code.ConfigurationError,
        cognito_attr_code.NetworkError,
        cognito_attr_code.TimeoutError,
        cognito_attr_code.TlsError,
        cognito_attr_code.ProtocolError,
        cognito_attr_code.UnknownServiceError,
    ):
        assert issubclass(cls, cognito_attr_code.CognitoError)
        assert cls.__module__ == "cognito_attr_code"


def every_error(stub: CognitoStub, client: Any) -> Any:
    for code in BOTOCORE_CODES:
        stub.replies(Reply(status=400, body={"__type": code, "message": "m"}, request_id="r"))
        try:
            client.get_attr_code(TOKEN, "email")
        except cognito_attr_code.CognitoError as error:
            yield error
    stub.replies(Reply(status=400, body={"__type": "Other", "message": "m"}))
    stub.replies(Reply(status=200, body=b"garbage"), Reply(body={}, delay=1.0))
    for _ in range(2):
        try:
            client.get_attr_code(TOKEN, "email")
        except cognito_attr_code.CognitoError as error:
            yield error
    with cognito_attr_code.Client(endpoint_url=stub.url, read_timeout=0.2) as slow:
        try:
            slow.get_attr_code(TOKEN, "email")
        except cognito_attr_code.CognitoError as error:
            yield error
    for call in (lambda: client.get_attr_code("", "email"), lambda: cognito_attr_code.Client(max_attempts=0)):
        try:
            call()
        except cognito_attr_code.CognitoError as error:
            yield error
    host, port = free_port()
    try:
        cognito_attr_code.get_attr_code(TOKEN, "email", endpoint_url=f"http://{host}:{port}", max_attempts=1)
    except cognito_attr_code.CognitoError as error:
        yield error


def test_exceptions_pickle(stub: CognitoStub, client: Any) -> None:
    errors = list(every_error(stub, client))
    kinds = {type(e).__name__ for e in errors}
    assert len(errors) == 17 + 6 and len(kinds) == 23, kinds
    for error in errors:
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert str(copy) == str(error)
        assert copy.args == error.args
        assert copy.__dict__ == error.__dict__
        assert copy.response == error.response
        assert repr(copy) == repr(error)
        assert repr(error).startswith(type(error).__name__ + "(")
        assert TOKEN not in repr(error) + str(error) + repr(error.__dict__)
