"""Fixtures for the end-to-end tests: one cognito-local over HTTP and one over HTTPS (private CA)
for the whole session, and the paths of the built front ends (set by scripts/test-e2e.sh)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from cognito_local import CognitoLocal  # noqa: E402

IDLE_CLOSE_GAP = 6.0  # cognito-local closes idle keep-alive connections after ~5 s
EXPECTED_NO_AUTO_VERIFY = "User has no attribute matching desired auto verified attributes"


@pytest.fixture(scope="session")
def emulator():
    with CognitoLocal() as running:
        yield running


@pytest.fixture(scope="session")
def tls_emulator():
    with CognitoLocal(https=True) as running:
        yield running


def artifact(variable: str) -> Path:
    value = os.environ.get(variable)
    if not value or not Path(value).exists():
        raise AssertionError(f"{variable} must name a built artifact (run scripts/test-e2e.sh); got {value!r}")
    return Path(value)


def run_cli(endpoint: str, subcommand: str, token: str, attribute: str, *extra: str, secrets: tuple = ()):
    """Runs the CLI's `subcommand` against `endpoint`; fails if the token or a secret is printed."""
    command = [
        str(artifact("COGNITO_E2E_CLI")),
        subcommand,
        "--endpoint-url",
        endpoint,
        "--region",
        "us-east-1",
        "--access-token",
        token,
        "--attribute-name",
        attribute,
        *extra,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    for secret in (token, *secrets):
        assert secret not in result.stdout + result.stderr
    return result


def edited_token(token: str, **claims) -> str:
    """The same token with some claims replaced, signature untouched: cognito-local reads the
    claims without checking the signature; a service that checks it refuses the token."""
    import base64
    import json

    header, payload, signature = token.split(".")
    decoded = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    decoded.update(claims)
    payload = base64.urlsafe_b64encode(json.dumps(decoded).encode()).rstrip(b"=").decode()
    return ".".join([header, payload, signature])


def unknown_client_token(token: str) -> str:
    """The same token with a client_id the emulator does not know (it looks the client up before
    anything else)."""
    return edited_token(token, client_id="unknownclient")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    for name in list(os.environ):
        if name.startswith("AWS_") or name.lower() in ("https_proxy", "http_proxy", "all_proxy", "no_proxy"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))
