"""`make sandbox`: a local Cognito to try the README snippets against. Starts cognito-local on
127.0.0.1, provisions a pool, an app client and a confirmed user, prints the `export` lines
(endpoint URL, region, a fresh access token) and how to read the code that was "sent", then keeps
running until Ctrl-C (SIGINT) or SIGTERM, and removes everything it made.

`python3 scripts/sandbox.py code` prints the code issued most recently (cognito-local sends no
mail), read from the state file the exported COGNITO_SANDBOX_STATE names."""

from __future__ import annotations

import json
import os
import shlex
import signal
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from cognito_local import CognitoLocal  # noqa: E402

REGION = "us-east-1"
# The last line printed once the sandbox is ready (tests wait for it).
READY = "# sandbox ready: Ctrl-C stops it and removes its files"


def print_code() -> int:
    """`sandbox.py code`: the verification code the emulator issued most recently."""
    state = os.environ.get("COGNITO_SANDBOX_STATE")
    if not state:
        print("COGNITO_SANDBOX_STATE is not set: paste the export lines `make sandbox` printed", file=sys.stderr)
        return 2
    user = json.loads(Path(state).read_text()).get("Users", {}).get("jane", {})
    print(user.get("AttributeVerificationCode") or "no code sent yet")
    return 0


def main() -> int:
    stop = threading.Event()
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: stop.set())
    with CognitoLocal() as emulator:
        print(f"# cognito-local is running at {emulator.endpoint} (pool {emulator.email_pool}, user jane).")
        print("# Paste these lines into another shell:")
        print(f"export AWS_ENDPOINT_URL={shlex.quote(emulator.endpoint)}")
        print(f"export AWS_REGION={REGION}")
        print(f"export COGNITO_ACCESS_TOKEN={shlex.quote(emulator.access_token)}")
        state = emulator.folder / ".cognito" / "db" / f"{emulator.email_pool}.json"
        print(f"export COGNITO_SANDBOX_STATE={shlex.quote(str(state))}")
        print("# then send a code from any front end, e.g.:")
        print(
            '#   cognito-attr-code get-user-attribute-verification-code --access-token "$COGNITO_ACCESS_TOKEN" --attribute-name email'
        )
        print(
            '#   python3 -c \'import os, cognito_attr_code as c; print(c.get_attr_code(os.environ["COGNITO_ACCESS_TOKEN"], "email"))\''
        )
        print('# and read the code that was "sent" (cognito-local sends no mail) with:')
        print(f"#   python3 {shlex.quote(str(Path(__file__).resolve()))} code")
        print(f"# The access token expires in an hour; restart the sandbox for a new one. State: {emulator.folder}")
        print(READY, flush=True)
        stop.wait()
        folder = emulator.folder
    print(f"# sandbox stopped; removed {folder}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(print_code() if sys.argv[1:] == ["code"] else main())
