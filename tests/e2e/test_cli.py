"""The command line against cognito-local."""

from __future__ import annotations

import subprocess

from conftest import EXPECTED_NO_AUTO_VERIFY, artifact, run_cli, unknown_client_token


def run(emulator, token, *extra, attribute="email"):
    return run_cli(emulator.endpoint, "get-user-attribute-verification-code", token, attribute, *extra)


def test_real_token_issues_a_new_code(emulator):
    before = emulator.issued_code()
    result = run(emulator, emulator.access_token)
    assert (result.returncode, result.stdout) == (0, ""), result.stderr  # {} prints nothing, as aws does
    first = emulator.issued_code()
    assert first is not None and first != before
    result = run(emulator, emulator.access_token, "--client-metadata", "source=e2e,lang=fr", "--output", "json")
    assert result.returncode == 0, result.stderr
    assert emulator.issued_code() != first


def test_service_errors(emulator):
    prefix = "\nAn error occurred ({}) when calling the GetUserAttributeVerificationCode operation: "
    result = run(emulator, "abc.def.ghi")
    assert result.returncode == 254
    assert result.stderr.startswith(prefix.format("InvalidParameterException"))
    result = run(emulator, unknown_client_token(emulator.access_token))
    assert (result.returncode, result.stderr) == (
        254,
        prefix.format("ResourceNotFoundException") + "App Client unknownclient not found\n",
    )
    result = run(emulator, emulator.plain_pool_token)
    assert (result.returncode, result.stderr) == (
        254,
        prefix.format("InvalidParameterException") + EXPECTED_NO_AUTO_VERIFY + "\n",
    )


def test_https_with_and_without_the_ca_bundle(tls_emulator):
    result = run(tls_emulator, tls_emulator.access_token, "--ca-bundle", tls_emulator.ca_bundle)
    assert result.returncode == 0, result.stderr
    result = run(tls_emulator, tls_emulator.access_token)
    assert result.returncode == 255
    assert "SSL" in result.stderr or "TLS" in result.stderr or "certificate" in result.stderr, result.stderr


def verify(emulator, token, code):
    command = [
        str(artifact("COGNITO_E2E_CLI")),
        "verify-user-attribute",
        "--endpoint-url",
        emulator.endpoint,
        "--region",
        "us-east-1",
        "--access-token",
        token,
        "--attribute-name",
        "email",
        "--code",
        code,
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert token not in result.stdout + result.stderr and code not in result.stdout + result.stderr
    return result


def test_verify_flow_marks_the_attribute_verified(emulator):
    token = emulator.new_unverified_user("cli-verify")
    assert run(emulator, token).returncode == 0
    code = emulator.issued_code(username="cli-verify")
    assert code and emulator.email_verified("cli-verify") == "false"
    wrong = "000000" if code != "000000" else "111111"
    result = verify(emulator, token, wrong)
    assert result.returncode == 254
    assert result.stderr.startswith(
        "\nAn error occurred (CodeMismatchException) when calling the VerifyUserAttribute operation: "
    ), result.stderr
    assert emulator.email_verified("cli-verify") == "false"
    result = verify(emulator, token, code)
    assert (result.returncode, result.stdout) == (0, ""), result.stderr
    assert emulator.email_verified("cli-verify") == "true"
