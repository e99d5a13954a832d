"""Signals during a blocking call: each test runs the call in a fresh interpreter (a subprocess)
against a loopback server that holds every request until told to answer, and signals that
process while the call is blocked reading (read timeout 30 s). A handler that raises interrupts
the call with exactly its exception, long before the read timeout; one that does not raise lets
the call finish normally."""

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from typing import Any, Dict, List, Optional, Tuple

import pytest

from conftest import AWS_VARIABLES, TOKEN

# Far below the 30 s read timeout the calls would otherwise wait, far above the ~1 s they take.
FINISHES_WITHIN = 10.0
# Also bounds every wait of the server's threads.
BOUND = 30.0


class HeldServer:
    """Accepts connections on 127.0.0.1 and reads requests, counting both; answers each request
    (HTTP/1.1 keep-alive, `status`) only once :meth:`release` has been called, never otherwise.
    A 200 answer carries the request's ``ClientMetadata["marker"]`` as its Destination."""

    def __init__(self, status: int = 200) -> None:
        self.status = status
        self.connections = 0
        self.requests = 0
        self.arrived = threading.Event()
        self.released = threading.Event()
        self.closed = threading.Event()
        self._lock = threading.Lock()
        self._threads: List[threading.Thread] = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self._spawn(self._accept)

    def _spawn(self, target: Any, *args: Any) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _accept(self) -> None:
        while not self.closed.is_set():
            try:
                connection, _ = self.listener.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            with self._lock:
                self.connections += 1
            self._spawn(self._serve, connection)

    def _serve(self, connection: socket.socket) -> None:
        connection.settimeout(0.05)
        buffer = b""
        deadline = time.monotonic() + BOUND
        with connection:
            while not self.closed.is_set() and time.monotonic() < deadline:
                head, separator, rest = buffer.partition(b"\r\n\r\n")
                length = next(
                    (
                        int(line.split(b":", 1)[1])
                        for line in head.split(b"\r\n")
                        if line.lower().startswith(b"content-length:")
                    ),
                    0,
                )
                if not separator or len(rest) < length:
                    try:
                        chunk = connection.recv(65536)
                    except socket.timeout:
                        continue
                    if not chunk:
                        return
                    buffer += chunk
                    continue
                body, buffer = rest[:length], rest[length:]
                with self._lock:
                    self.requests += 1
                self.arrived.set()
                while not self.released.wait(0.05):
                    if self.closed.is_set() or time.monotonic() > deadline:
                        return
                connection.sendall(self._answer(json.loads(body)))

    def _answer(self, request: Dict[str, Any]) -> bytes:
        if self.status == 200:
            marker = (request.get("ClientMetadata") or {}).get("marker", "none")
            payload: Dict[str, Any] = {"CodeDeliveryDetails": {"Destination": marker, "DeliveryMedium": "EMAIL"}}
        else:
            payload = {"__type": "ServiceUnavailable", "message": "later"}
        data = json.dumps(payload).encode()
        head = (
            f"HTTP/1.1 {self.status} X\r\nContent-Type: application/x-amz-json-1.1\r\n"
            f"x-amzn-RequestId: held\r\nContent-Length: {len(data)}\r\n\r\n"
        )
        return head.encode() + data

    def release(self) -> None:
        self.released.set()

    def close(self) -> None:
        self.closed.set()
        self.listener.close()
        for thread in self._threads:
            thread.join(timeout=5)


@pytest.fixture
def held() -> Any:
    server = HeldServer()
    try:
        yield server
    finally:
        server.close()


# Every way to make a blocking call; `settings` and `client` are defined by SCRIPT.
CALLS = {
    "Client.get_attr_code": "client.get_attr_code(TOKEN, 'email', {'marker': 'm-1'})",
    "Client.verify_attr": "client.verify_attr(TOKEN, 'email', '123456')",
    "get_attr_code": "cognito_attr_code.get_attr_code(TOKEN, 'email', {'marker': 'm-1'}, **settings)",
    "verify_attr": "cognito_attr_code.verify_attr(TOKEN, 'email', '123456', **settings)",
    "Client.get_user_attribute_verification_code": (
        "client.get_user_attribute_verification_code(AccessToken=TOKEN, AttributeName='email', ClientMetadata={'marker': 'm-1'})"
    ),
    "Client.verify_user_attribute": "client.verify_user_attribute(AccessToken=TOKEN, AttributeName='email', Code='123456')",
}

# argv: endpoint URL, max_attempts, seconds to linger after a KeyboardInterrupt.
SCRIPT = """
import signal, sys, time
import cognito_attr_code
# Python installs this handler only when SIGINT is not ignored at start-up (it is in background
# jobs of a non-interactive shell): install it here so the test does not depend on that.
signal.signal(signal.SIGINT, signal.default_int_handler)
TOKEN = {token!r}
settings = dict(region="us-east-1", endpoint_url=sys.argv[1], read_timeout=30, connect_timeout=5,
                max_attempts=int(sys.argv[2]))
client = cognito_attr_code.Client(**settings)
{setup}
try:
    result = {call}
except KeyboardInterrupt:
    print("KeyboardInterrupt", flush=True)
    time.sleep(float(sys.argv[3]))  # any retry still to come would reach the server now
    sys.exit(0)
print("returned", repr(result), flush=True)
{after}
"""


def subprocess_environment(home: str) -> Dict[str, str]:
    """This environment without anything that could reroute or reconfigure the call."""
    dropped = set(AWS_VARIABLES) | {"SSL_CERT_FILE", "SSL_CERT_DIR", "PYTHONWARNINGS"}
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in dropped and not name.startswith("AWS_") and not name.endswith("_CA_BUNDLE")
    }
    env.update(
        HOME=home,
        AWS_CONFIG_FILE=os.path.join(home, "aws-config"),
        AWS_SHARED_CREDENTIALS_FILE=os.path.join(home, "aws-credentials"),
        AWS_EC2_METADATA_DISABLED="true",
    )
    return env


def run_signalled(
    server: HeldServer,
    home: str,
    call: str,
    signum: int,
    *,
    setup: str = "",
    after: str = "",
    max_attempts: int = 1,
    release: Optional[float] = None,
    linger: float = 0.0,
) -> Tuple[int, str, str, float]:
    """Starts the call in a fresh interpreter, sends `signum` once the request has been waiting
    at the server for 1 s, then lets the server answer `release` seconds later (or never).
    Returns the exit status, stdout, stderr and seconds from start to exit."""
    script = SCRIPT.format(token=TOKEN, setup=setup, call=call, after=after)
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-c", script, server.url, str(max_attempts), str(linger)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=subprocess_environment(home),
    )
    try:
        if not server.arrived.wait(BOUND):
            process.kill()
            pytest.fail(f"the request never reached the server: {process.communicate()}")
        time.sleep(1.0)
        process.send_signal(signum)
        if release is not None:
            time.sleep(release)
            server.release()
        stdout, stderr = process.communicate(timeout=BOUND)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    return process.returncode, stdout, stderr, time.monotonic() - started


@pytest.mark.parametrize("call", sorted(CALLS))
def test_ctrl_c_interrupts_a_blocked_call_with_keyboard_interrupt(held: HeldServer, tmp_path: Any, call: str) -> None:
    status, stdout, stderr, seconds = run_signalled(held, str(tmp_path), CALLS[call], signal.SIGINT)
    assert (status, stdout) == (0, "KeyboardInterrupt\n"), stderr
    assert seconds < FINISHES_WITHIN
    assert TOKEN not in stdout + stderr
    assert (held.connections, held.requests) == (1, 1)


@pytest.mark.parametrize("call", ["Client.get_attr_code", "verify_attr"])
def test_a_sigterm_handler_raising_system_exit_ends_the_call_with_its_status(
    held: HeldServer, tmp_path: Any, call: str
) -> None:
    setup = "signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(3))"
    status, stdout, stderr, seconds = run_signalled(held, str(tmp_path), CALLS[call], signal.SIGTERM, setup=setup)
    assert (status, stdout, stderr) == (3, "", "")
    assert seconds < FINISHES_WITHIN


@pytest.mark.parametrize(
    "call", ["Client.get_attr_code", "get_attr_code", "Client.get_user_attribute_verification_code"]
)
def test_a_handler_that_does_not_raise_lets_the_call_finish_normally(
    held: HeldServer, tmp_path: Any, call: str
) -> None:
    setup = "handled = []\nsignal.signal(signal.SIGUSR1, lambda signum, frame: handled.append(signum))"
    # The server answers 1 s after the signal: the handler has long run while the call waited.
    after = "print('handled', len(handled), flush=True)"
    status, stdout, stderr, seconds = run_signalled(
        held, str(tmp_path), CALLS[call], signal.SIGUSR1, setup=setup, after=after, release=1.0
    )
    assert status == 0, stderr
    boto3_style = call == "Client.get_user_attribute_verification_code"
    destination = "'Destination': 'm-1'" if boto3_style else "CodeDeliveryDetails(destination='m-1'"
    lines = stdout.splitlines()
    assert lines[0].startswith("returned") and destination in lines[0], stdout
    assert lines[1:] == ["handled 1"]
    assert seconds < FINISHES_WITHIN
    assert (held.connections, held.requests) == (1, 1)


@pytest.mark.parametrize("call", ["Client.get_attr_code", "Client.verify_user_attribute"])
def test_an_answer_right_after_ctrl_c_still_raises_keyboard_interrupt(
    held: HeldServer, tmp_path: Any, call: str
) -> None:
    status, stdout, stderr, _ = run_signalled(held, str(tmp_path), CALLS[call], signal.SIGINT, release=0.0)
    assert (status, stdout) == (0, "KeyboardInterrupt\n"), stderr
    assert "SystemError" not in stderr and "RuntimeError" not in stderr


@pytest.mark.parametrize("call", ["Client.get_attr_code", "Client.verify_attr", "get_attr_code"])
def test_no_retry_starts_after_ctrl_c(tmp_path: Any, call: str) -> None:
    # The held attempt fails with a retryable 503 just after the signal; three attempts are
    # allowed, and the interrupted process lives on for 3 s, longer than the first back-off
    # (at most 1 s): only the cancellation keeps a second request from reaching the server.
    server = HeldServer(status=503)
    try:
        status, stdout, stderr, _ = run_signalled(
            server, str(tmp_path), CALLS[call], signal.SIGINT, max_attempts=3, release=0.0, linger=3.0
        )
    finally:
        server.close()
    assert (status, stdout) == (0, "KeyboardInterrupt\n"), stderr
    assert (server.connections, server.requests) == (1, 1)


def test_a_call_on_another_thread_still_finishes_after_the_main_thread_handled_a_signal(
    held: HeldServer, tmp_path: Any
) -> None:
    # Only the main thread runs handlers: a call on a worker thread is not interrupted by them.
    setup = (
        "import threading\n"
        "handled, results = [], []\n"
        "signal.signal(signal.SIGUSR1, lambda signum, frame: handled.append(signum))\n"
        "worker = threading.Thread(target=lambda: results.append(client.get_attr_code(TOKEN, 'email', {'marker': 'w-1'})))\n"
        "worker.start()\n"
        "worker.join(60)"
    )
    after = "print('handled', len(handled), results, flush=True)"
    status, stdout, stderr, seconds = run_signalled(
        held, str(tmp_path), "None", signal.SIGUSR1, setup=setup, after=after, release=1.0
    )
    assert status == 0, stderr
    assert stdout.splitlines() == [
        "returned None",
        "handled 1 [CodeDeliveryDetails(destination='w-1', delivery_medium='EMAIL', attribute_name=None)]",
    ]
    assert seconds < FINISHES_WITHIN
