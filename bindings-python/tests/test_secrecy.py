"""The access token never appears in any repr, str, exception, traceback or log record."""

import logging
import re
import traceback
from typing import Any, List

import pytest

import cognito_attr_code
from conftest import TOKEN, CognitoStub, Reply, free_port


def leaked(text: str) -> bool:
    return any(part in text for part in TOKEN.split("."))


def test_debug_logs_show_the_wire_summary_but_not_the_token(
    stub: CognitoStub, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    echo = {"__type": "NotAuthorizedException", "message": f"bad token {TOKEN}"}
    stub.replies(Reply(body={}), Reply(status=400, body=echo), Reply(status=200, body=f"<html>{TOKEN}</html>"))
    outputs: List[str] = []
    with cognito_attr_code.Client(region="us-east-1", endpoint_url=stub.url, max_attempts=1) as client:
        outputs.append(repr(client))
        client.get_attr_code(TOKEN, "email")
        for _ in range(2):
            try:
                client.get_attr_code(TOKEN, "email")
            except cognito_attr_code.CognitoError as error:
                outputs += [repr(error), str(error), repr(error.__dict__), repr(error.response)]
                outputs.append("".join(traceback.format_exception(type(error), error, error.__traceback__)))
    records = [r for r in caplog.records if r.name == "cognito_attr_code"]
    assert any("POST " + stub.url in r.getMessage() and "-> 200" in r.getMessage() for r in records), records
    assert any("-> 400" in r.getMessage() for r in records)
    assert all(r.levelno == logging.DEBUG for r in records)
    outputs += [r.getMessage() for r in caplog.records] + [caplog.text]
    assert not any(leaked(text) for text in outputs), [t for t in outputs if leaked(t)]


def test_warning_when_verification_is_disabled(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING)
    cognito_attr_code.Client(region="us-east-1", verify=False)
    assert any(r.name == "cognito_attr_code" and r.levelno == logging.WARNING for r in caplog.records)


def test_log_level_changes_take_effect(stub: CognitoStub, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    cognito_attr_code.get_attr_code(TOKEN, "email", endpoint_url=stub.url)
    assert not [r for r in caplog.records if r.name == "cognito_attr_code"]
    caplog.set_level(logging.DEBUG)
    cognito_attr_code.get_attr_code(TOKEN, "email", endpoint_url=stub.url)
    assert [r for r in caplog.records if r.name == "cognito_attr_code"]


def test_errors_before_io_never_quote_the_token(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    host, port = free_port()
    bad_tokens = [TOKEN + " ", TOKEN + "\u00e9", TOKEN + "\ud800", TOKEN * 2000]
    outputs: List[str] = []
    for token in bad_tokens:
        with pytest.raises(cognito_attr_code.InvalidArgumentError) as caught:
            cognito_attr_code.get_attr_code(token, "email", endpoint_url=f"http://{host}:{port}")
        error = caught.value
        assert error.argument == "access_token"
        assert error.__cause__ is None and error.__context__ is None
        outputs += [repr(error), str(error), repr(error.__dict__)]
        outputs.append("".join(traceback.format_exception(type(error), error, error.__traceback__)))
    outputs.append(caplog.text)
    assert not any(leaked(text) for text in outputs)


def test_reprs_of_results_and_clients(stub: CognitoStub) -> None:
    with cognito_attr_code.Client(endpoint_url=stub.url) as client:
        details = client.get_attr_code(TOKEN, "email")
        response = client.get_user_attribute_verification_code(AccessToken=TOKEN, AttributeName="email")
        texts: List[Any] = [repr(client), str(client), repr(details), repr(response), repr(client.exceptions)]
    assert not any(leaked(str(text)) for text in texts)


def test_basic_config_debug_shows_the_wire_summary(stub: CognitoStub) -> None:
    import os
    import subprocess
    import sys

    program = (
        "import logging, sys\n"
        "logging.basicConfig(level=logging.DEBUG)\n"
        "import cognito_attr_code\n"
        "print(cognito_attr_code.get_attr_code(sys.argv[1], 'email', endpoint_url=sys.argv[2]))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_") and "proxy" not in k.lower()}
    done = subprocess.run(
        [sys.executable, "-c", program, TOKEN, stub.url], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("CodeDeliveryDetails(destination='d***@e***.com'")
    wire = rf"DEBUG:cognito_attr_code:POST {re.escape(stub.url)}/ attempt 1/3 \(invocation [0-9a-f-]{{36}}\) -> 200 request_id=req-0001 in \d+ ms"
    assert re.search(wire, done.stderr), done.stderr
    assert not leaked(done.stdout + done.stderr)
