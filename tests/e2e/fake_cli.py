"""The command-line fake, `cognito-attr-code fake-cognito`, as any other language's test starts it:
a subprocess whose `key=value` lines are read up to `ready` (bounded), driven through its
control endpoints (`POST /_fake/<action>`, plain JSON over HTTP), stopped with SIGTERM (exit 0).

    with FakeCli(cli_path) as fake:
        token = fake.control("add_user", {"username": "jane", "email": "jane@example.com"})["access_token"]
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path


# The fake is on 127.0.0.1: never through a proxy, whatever the environment says.
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class FakeCli:
    def __init__(self, cli: Path, *args: str, startup_timeout: float = 20.0):
        self.command = [str(cli), "fake-cognito", *args]
        self.startup_timeout = startup_timeout
        self.process: subprocess.Popen | None = None
        self.lines: dict[str, str] = {}

    def __enter__(self) -> "FakeCli":
        # The fake reads no setting from the environment; it gets none that could matter.
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/nonexistent")}
        self.process = subprocess.Popen(
            self.command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True
        )
        try:
            self.lines = self._read_until_ready()
        except BaseException:
            self.stop()
            raise
        self.endpoint = self.lines["endpoint_url"]
        self.region = self.lines["region"]
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def _read_until_ready(self) -> dict[str, str]:
        deadline = time.monotonic() + self.startup_timeout
        stdout = self.process.stdout.fileno()
        buffer = b""
        while b"\nready\n" not in b"\n" + buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"fake-cognito printed no `ready` within {self.startup_timeout} s: {buffer!r}")
            readable, _, _ = select.select([stdout], [], [], left)
            if readable:
                chunk = os.read(stdout, 4096)
                if not chunk:
                    raise AssertionError(f"fake-cognito exited before `ready`: {self.process.stderr.read()!r}")
                buffer += chunk
        lines = buffer.decode().splitlines()
        return dict(line.split("=", 1) for line in lines[: lines.index("ready")])

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
                raise AssertionError("fake-cognito did not stop on SIGTERM within 5 s") from None
            assert self.process.returncode == 0, f"fake-cognito exited {self.process.returncode} on SIGTERM"
        self.process.stdout.close()
        self.process.stderr.close()
        self.process = None

    def control(self, action: str, args: dict | None = None) -> dict:
        request = urllib.request.Request(
            f"{self.endpoint}/_fake/{action}", data=json.dumps(args or {}).encode(), method="POST"
        )
        try:
            with NO_PROXY.open(request, timeout=5) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as error:
            raise AssertionError(f"/_fake/{action}: HTTP {error.code}: {error.read()[:500]!r}") from None
