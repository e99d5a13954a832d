"""`make sandbox`: started with a bounded wait, its printed exports used by a front end (the CLI),
the printed code command read, then SIGINT: it stops cognito-local and removes its files."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

from conftest import artifact

ROOT = Path(__file__).resolve().parents[2]
SANDBOX = ROOT / "scripts" / "sandbox.py"
READY = "# sandbox ready"


def read_until_ready(process: subprocess.Popen, timeout: float) -> list[str]:
    """The lines printed up to the ready line; fails after `timeout` seconds."""
    lines: list[str] = []
    ready = threading.Event()

    def reader() -> None:
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith(READY):
                ready.set()
                return

    threading.Thread(target=reader, daemon=True).start()
    assert ready.wait(timeout), f"the sandbox printed no ready line within {timeout} s: {lines}"
    return lines


def exports(lines: list[str]) -> dict[str, str]:
    import shlex

    found = {}
    for line in lines:
        if line.startswith("export "):
            name, _, value = line[len("export ") :].partition("=")
            found[name] = shlex.split(value)[0]
    return found


def accepts_connections(url: str) -> bool:
    host, port = url.rsplit("//", 1)[1].rsplit(":", 1)
    try:
        with socket.create_connection((host, int(port)), timeout=2):
            return True
    except OSError:
        return False


def test_sandbox_exports_work_and_ctrl_c_cleans_up(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_") and k != "COGNITO_SANDBOX_STATE"}
    process = subprocess.Popen(
        [sys.executable, str(SANDBOX)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    try:
        lines = read_until_ready(process, timeout=120)
        values = exports(lines)
        assert set(values) == {"AWS_ENDPOINT_URL", "AWS_REGION", "COGNITO_ACCESS_TOKEN", "COGNITO_SANDBOX_STATE"}
        assert values["AWS_ENDPOINT_URL"].startswith("http://127.0.0.1:")
        state = Path(values["COGNITO_SANDBOX_STATE"])
        assert state.exists()

        # The exports are all a front end needs: no flag names the endpoint, region or token.
        user_env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), **values}
        sent = subprocess.run(
            [
                str(artifact("COGNITO_E2E_CLI")),
                "get-user-attribute-verification-code",
                "--access-token",
                values["COGNITO_ACCESS_TOKEN"],
                "--attribute-name",
                "email",
            ],
            capture_output=True,
            text=True,
            timeout=60,
            env=user_env,
        )
        assert sent.returncode == 0, sent.stderr
        code = subprocess.run(
            [sys.executable, str(SANDBOX), "code"],
            capture_output=True,
            text=True,
            timeout=60,
            env=user_env,
        )
        assert code.returncode == 0, code.stderr
        assert code.stdout.strip().isdigit(), code.stdout
        assert any(f"{SANDBOX} code" in line for line in lines), "the printed command reads the code"
        assert accepts_connections(values["AWS_ENDPOINT_URL"])

        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
        rest = process.stdout.read()
        assert "sandbox stopped" in rest, rest
        assert not state.exists() and not state.parents[2].exists(), "its folder is removed"
        assert not accepts_connections(values["AWS_ENDPOINT_URL"]), "cognito-local is stopped"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        process.stdout.close()
