"""`make demo`: start cognito-local, provision a user, and send a verification code from each
front end (C, Python, Node, CLI), showing what each got back and the code the emulator issued.
Run through `make demo`, which builds and installs the front ends first."""

from __future__ import annotations

import json
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
        run("C      examples/c/send_code.c", [str(ROOT / "target/c/send_code"), emulator.access_token, "email"], emulator, env=c_env)
        run("Python cognito_attr_code", [str(DEST / "venv/bin/python"), "-c", PYTHON_SNIPPET, emulator.access_token, emulator.endpoint], emulator, env=env)
        run("Node   cognito-attr-code", ["node", "-e", NODE_SNIPPET, emulator.access_token, emulator.endpoint], emulator, env=env, cwd=DEST / "node-app")
        cli = [str(ROOT / "target/release/cognito-attr-code"), "get-user-attribute-verification-code",
               "--endpoint-url", emulator.endpoint, "--region", "us-east-1",
               "--access-token", emulator.access_token, "--attribute-name", "email", "--output", "json"]
        run("CLI    cognito-attr-code get-user-attribute-verification-code", cli, emulator, env=env)
    print("\n==> stopped cognito-local. All four front ends had a code issued.")


if __name__ == "__main__":
    main()
