"""`make demo`: start cognito-local, provision a user, and send a verification code from each
front end (C, Python, Node, CLI), showing what each got back and the code the emulator issued;
then the whole flow in each front end, for a user of its own: code requested, a wrong code
refused (CodeMismatchException), the right code accepted, the attribute verified (AdminGetUser).
Run through `make demo`, which builds and installs the front ends first."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from cognito_local import CognitoLocal  # noqa: E402

DEST = ROOT / "target" / "demo"
PYTHON_SNIPPET = """
import sys, cognito_attr_code
details = cognito_attr_code.get_attr_code(sys.argv[1], "email", endpoint_url=sys.argv[2], region="us-east-1")
print("get_attr_code(...) returned", repr(details), "(cognito-local omits CodeDeliveryDetails)" if details is None else "")
"""
NODE_SNIPPET = """
const { getAttrCode } = require('cognito-attr-code')
getAttrCode({ accessToken: process.argv[1], attributeName: 'email' }, { endpointUrl: process.argv[2], region: 'us-east-1' })
  .then((details) => console.log('getAttrCode(...) resolved to', JSON.stringify(details), details === null ? '(cognito-local omits CodeDeliveryDetails)' : ''))
"""


def run(label: str, command: list[str], emulator: CognitoLocal, **kwargs) -> None:
    before = emulator.issued_code()
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, **kwargs)
    output = (result.stdout + result.stderr).strip().replace(emulator.access_token, "***")
    issued = emulator.issued_code()
    outcome = "OK" if result.returncode == 0 and issued and issued != before else "FAILED"
    print(f"\n[{label}] {outcome}")
    for line in output.splitlines() or ["(no output: the response was {})"]:
        print(f"    {line}")
    print(f"    emulator issued code: {issued}")
    if outcome != "OK":
        raise SystemExit(f"{label} did not get a code issued")


PYTHON_VERIFY = """
import sys, cognito_attr_code
token, endpoint, code = sys.argv[1:4]
try:
    cognito_attr_code.verify_attr(token, "email", code, endpoint_url=endpoint, region="us-east-1")
    print("verify_attr(...) returned: email verified")
except cognito_attr_code.CodeMismatchException as error:
    print("verify_attr(...) raised", type(error).__name__ + ":", error.message)
    sys.exit(3)
"""
NODE_VERIFY = """
const lib = require('cognito-attr-code')
const [token, endpoint, code] = process.argv.slice(1)
lib.verifyAttr({ accessToken: token, attributeName: 'email', code }, { endpointUrl: endpoint, region: 'us-east-1' }).then(
  () => console.log('verifyAttr(...) resolved: email verified'),
  (error) => { console.log('verifyAttr(...) rejected with', error.name + ':', error.message); process.exitCode = error instanceof lib.CodeMismatchException ? 3 : 1 },
)
"""


def flow(label: str, username: str, request, verify, emulator: CognitoLocal) -> None:
    """One front end's whole flow for a user of its own. `request(token)` and `verify(token,
    code)` return the command to run; the code is read from the emulator, never printed."""
    token = emulator.new_unverified_user(username)
    print(f"\n[{label}] user {username!r}, email_verified={emulator.email_verified(username)}")

    def step(what: str, command: list[str], expected_status: int, **kwargs) -> None:
        result = subprocess.run(command, capture_output=True, text=True, timeout=60, **kwargs)
        output = (result.stdout + result.stderr).strip().replace(token, "***")
        if code:
            output = output.replace(code, "***")
        ok = result.returncode == expected_status
        print(f"    {what}: {'as expected' if ok else 'UNEXPECTED'} (exit {result.returncode})")
        for line in output.splitlines():
            print(f"        {line}")
        if not ok:
            raise SystemExit(f"{label}: {what} did not behave as expected")

    code = None
    command, kwargs = request(token)
    step("code requested", command, 0, **kwargs)
    code = emulator.issued_code(username=username)
    if not code:
        raise SystemExit(f"{label}: the emulator issued no code")
    print(f"    the emulator issued a code ({len(code)} characters; read from its state, not shown)")
    wrong = "000000" if code != "000000" else "111111"
    command, kwargs = verify(token, wrong)
    step("wrong code refused", command, expected_wrong_status(label), **kwargs)
    command, kwargs = verify(token, code)
    step("right code accepted", command, 0, **kwargs)
    verified = emulator.email_verified(username)
    print(f"    AdminGetUser: email_verified={verified}")
    if verified != "true":
        raise SystemExit(f"{label}: the attribute is not verified")


def expected_wrong_status(label: str) -> int:
    """The exit status of a wrong code: the CLI's service-error code (254, as the AWS CLI v2),
    3 for the C example and the snippets above."""
    return 254 if label.startswith("CLI") else 3


def main() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    print("==> starting cognito-local 5.3.0 (a third-party Cognito emulator) on 127.0.0.1")
    with CognitoLocal() as emulator:
        print(f"    listening on {emulator.endpoint}")
        print(f"==> provisioned user pool {emulator.email_pool} (auto-verifies email), an app client,")
        print("    and user 'jane' with an unverified e-mail; signed in with USER_PASSWORD_AUTH:")
        print(f"    got a real access token ({len(emulator.access_token)} bytes, not shown)")
        print("==> asking for an e-mail verification code from each front end")
        c_env = {**env, "AWS_ENDPOINT_URL": emulator.endpoint, "AWS_REGION": "us-east-1", "AWS_CONFIG_FILE": os.devnull}
        run(
            "C      examples/c/send_code.c",
            [str(ROOT / "target/c/send_code"), emulator.access_token, "email"],
            emulator,
            env=c_env,
        )
        run(
            "Python cognito_attr_code",
            [str(DEST / "venv/bin/python"), "-c", PYTHON_SNIPPET, emulator.access_token, emulator.endpoint],
            emulator,
            env=env,
        )
        run(
            "Node   cognito-attr-code",
            ["node", "-e", NODE_SNIPPET, emulator.access_token, emulator.endpoint],
            emulator,
            env=env,
            cwd=DEST / "node-app",
        )
        cli = [
            str(ROOT / "target/release/cognito-attr-code"),
            "get-user-attribute-verification-code",
            "--endpoint-url",
            emulator.endpoint,
            "--region",
            "us-east-1",
            "--access-token",
            emulator.access_token,
            "--attribute-name",
            "email",
            "--output",
            "json",
        ]
        run("CLI    cognito-attr-code get-user-attribute-verification-code", cli, emulator, env=env)

        print("\n==> the whole flow in each front end: request a code, submit a wrong one, submit the right one")
        endpoint = emulator.endpoint
        flow(
            "C      examples/c/send_code.c + examples/c/verify_code.c",
            "demo-c",
            lambda token: ([str(ROOT / "target/c/send_code"), token, "email"], {"env": c_env}),
            lambda token, code: ([str(ROOT / "target/c/verify_code"), token, "email", code], {"env": c_env}),
            emulator,
        )
        python = str(DEST / "venv/bin/python")
        flow(
            "Python get_attr_code + verify_attr",
            "demo-python",
            lambda token: ([python, "-c", PYTHON_SNIPPET, token, endpoint], {"env": env}),
            lambda token, code: ([python, "-c", PYTHON_VERIFY, token, endpoint, code], {"env": env}),
            emulator,
        )
        node_app = DEST / "node-app"
        flow(
            "Node   getAttrCode + verifyAttr",
            "demo-node",
            lambda token: (["node", "-e", NODE_SNIPPET, token, endpoint], {"env": env, "cwd": node_app}),
            lambda token, code: (["node", "-e", NODE_VERIFY, token, endpoint, code], {"env": env, "cwd": node_app}),
            emulator,
        )
        cli_binary = str(ROOT / "target/release/cognito-attr-code")
        common = ["--endpoint-url", endpoint, "--region", "us-east-1", "--attribute-name", "email"]
        flow(
            "CLI    get-user-attribute-verification-code + verify-user-attribute",
            "demo-cli",
            lambda token: (
                [cli_binary, "get-user-attribute-verification-code", *common, "--access-token", token],
                {"env": env},
            ),
            lambda token, code: (
                [cli_binary, "verify-user-attribute", *common, "--access-token", token, "--code", code],
                {"env": env},
            ),
            emulator,
        )
    print("\n==> stopped cognito-local. All four front ends had a code issued, refused a wrong code,")
    print("    and verified the e-mail address with the right one.")


if __name__ == "__main__":
    main()
