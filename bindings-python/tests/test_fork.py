"""Forked processes never share a connection or a response: a loopback keep-alive server answers
each request with the marker it carried (ClientMetadata) as the Destination, and every process,
parent and children, must receive exactly its own markers back, with no failure, while the
parent's pooled connection stays usable. Children report through a pipe and leave with
``os._exit``; every wait is bounded."""

import asyncio
import functools
import json
import multiprocessing
import os
import signal
import threading
import time
import warnings
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

import pytest

import cognito_attr_code
from conftest import TOKEN

CHILDREN = 4
CALLS = 20
RUNS = 3
BOUND = 60.0


class MarkerServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), MarkerHandler)
        self.lock = threading.Lock()
        # marker -> the client port of the connection it arrived on
        self.seen: Dict[str, int] = {}
        self.slow_arrived = threading.Event()
        self.slow_release = threading.Event()
        self.url = f"http://127.0.0.1:{self.server_address[1]}"


class MarkerHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: the pool holds the connection between calls
    disable_nagle_algorithm = True
    server: MarkerServer

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))))
        marker = (body.get("ClientMetadata") or {}).get("marker", "none")
        with self.server.lock:
            self.server.seen[marker] = self.client_address[1]
        if marker.startswith("slow"):
            self.server.slow_arrived.set()
            self.server.slow_release.wait(BOUND)
        data = json.dumps({"CodeDeliveryDetails": {"Destination": marker, "DeliveryMedium": "EMAIL"}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[MarkerServer]:
    server = MarkerServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server
    finally:
        server.slow_release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def settings(server: MarkerServer) -> Dict[str, Any]:
    # One attempt: a mixed-up or malformed response is a failure, never hidden by a retry.
    return dict(region="us-east-1", endpoint_url=server.url, max_attempts=1, read_timeout=10, connect_timeout=5)


Call = Callable[[str], Optional[str]]


def calls(call: Call, label: str, count: int = CALLS) -> Dict[str, Any]:
    """`count` calls with markers of their own: how many came back with another marker, how
    many failed, and a few examples."""
    wrong, failed, examples = 0, 0, []
    for i in range(count):
        marker = f"{label}-{os.getpid()}-{i}"
        try:
            got = call(marker)
        except Exception as error:  # noqa: BLE001 - every failure counts
            failed += 1
            examples.append(f"{marker}: {type(error).__name__}: {str(error)[:160]}")
            continue
        if got != marker:
            wrong += 1
            examples.append(f"{marker}: got {got!r}")
    return {"wrong": wrong, "failed": failed, "examples": examples[:3]}


def fork(child: Callable[[], Dict[str, Any]]) -> Tuple[int, int]:
    """Forks; the child runs `child`, writes its JSON result into a pipe and leaves with
    ``os._exit``. Returns the child's pid and the read end of its pipe."""
    read_end, write_end = os.pipe()
    with warnings.catch_warnings():
        # Python 3.12+ warns that forking a multi-threaded process may deadlock the child:
        # that is exactly what these tests check does not happen.
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:
        status = 1
        try:
            os.close(read_end)
            os.write(write_end, json.dumps(child()).encode())
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    return pid, read_end


def collect(children: List[Tuple[int, int]]) -> List[Dict[str, Any]]:
    """Each child's result, once it has exited (killed after BOUND seconds)."""
    deadline = time.monotonic() + BOUND
    results = []
    for pid, read_end in children:
        status = None
        while status is None:
            done, raw = os.waitpid(pid, os.WNOHANG)
            if done:
                status = raw
            elif time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                status = -1
            else:
                time.sleep(0.02)
        with os.fdopen(read_end, "rb") as pipe:
            output = pipe.read()
        results.append({"pid": pid, "status": status, **(json.loads(output) if output else {"report": None})})
    return results


def fork_matrix(server: MarkerServer, call: Call, label: str) -> None:
    """A call (the pool now holds a keep-alive connection), CHILDREN forks, CALLS calls in each
    child and in the parent at the same time, then a call in the parent after the children
    exit: everyone gets only their own answers, and the parent keeps its one connection."""
    assert call(f"{label}-warm") == f"{label}-warm"
    children = [fork(functools.partial(calls, call, f"{label}-child{i}")) for i in range(CHILDREN)]
    parent = calls(call, f"{label}-parent")
    results = collect(children)
    assert parent == {"wrong": 0, "failed": 0, "examples": []}
    for result in results:
        assert (result["status"], result.get("wrong"), result.get("failed")) == (0, 0, 0), result
    assert call(f"{label}-after") == f"{label}-after"
    with server.lock:
        parent_ports = {
            port
            for marker, port in server.seen.items()
            if marker.startswith((f"{label}-warm", f"{label}-parent", f"{label}-after"))
        }
    assert len(parent_ports) == 1, "the parent's pooled connection stopped serving it"


def test_forked_children_of_a_client_get_only_their_own_answers(server: MarkerServer) -> None:
    for run in range(RUNS):
        with cognito_attr_code.Client(**settings(server)) as client:

            def call(marker: str) -> Optional[str]:
                details = client.get_attr_code(TOKEN, "email", {"marker": marker})
                return None if details is None else details.destination

            fork_matrix(server, call, f"client{run}")


def test_forked_children_of_the_one_shot_functions_get_only_their_own_answers(server: MarkerServer) -> None:
    for run in range(RUNS):
        # Each run its own process-wide client (the settings differ), inherited by the children.
        one_shot = dict(settings(server), read_timeout=10 + run)

        def call(marker: str) -> Optional[str]:
            details = cognito_attr_code.get_attr_code(TOKEN, "email", {"marker": marker}, **one_shot)
            return None if details is None else details.destination

        fork_matrix(server, call, f"oneshot{run}")


_POOL_CLIENT: Optional[cognito_attr_code.Client] = None


def _pool_call(marker: str) -> Tuple[str, str]:
    assert _POOL_CLIENT is not None
    try:
        response = _POOL_CLIENT.get_user_attribute_verification_code(
            AccessToken=TOKEN, AttributeName="email", ClientMetadata={"marker": marker}
        )
    except Exception as error:  # noqa: BLE001 - reported to the parent
        return marker, f"{type(error).__name__}: {str(error)[:160]}"
    return marker, response["CodeDeliveryDetails"]["Destination"]


def test_a_multiprocessing_fork_pool_gets_only_its_own_answers(server: MarkerServer) -> None:
    global _POOL_CLIENT
    with cognito_attr_code.Client(**settings(server)) as client:
        _POOL_CLIENT = client
        try:
            assert _pool_call("pool-warm") == ("pool-warm", "pool-warm")
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                pool = multiprocessing.get_context("fork").Pool(CHILDREN)
            try:
                pending = pool.map_async(_pool_call, [f"pool-{i}" for i in range(CHILDREN * CALLS)], chunksize=1)
                parent = [_pool_call(f"pool-parent-{i}") for i in range(CALLS)]
                answers = pending.get(timeout=BOUND)
            finally:
                pool.terminate()
                pool.join()
            assert [marker for marker, got in answers + parent if marker != got] == []
            assert _pool_call("pool-after") == ("pool-after", "pool-after")
        finally:
            _POOL_CLIENT = None


def test_a_fork_while_another_thread_is_mid_call_leaves_the_child_a_working_client(server: MarkerServer) -> None:
    with cognito_attr_code.Client(**settings(server)) as client:

        def call(marker: str) -> Optional[str]:
            details = client.get_attr_code(TOKEN, "email", {"marker": marker})
            return None if details is None else details.destination

        assert call("mid-warm") == "mid-warm"
        slow: List[Optional[str]] = []
        reader = threading.Thread(target=lambda: slow.append(call("slow-1")))
        reader.start()
        try:
            # The other thread is now blocked reading the response the server holds back.
            assert server.slow_arrived.wait(BOUND)
            child = fork(lambda: calls(call, "mid-child", count=3))
            [result] = collect([child])
        finally:
            server.slow_release.set()
            reader.join(BOUND)
        assert (result["status"], result.get("wrong"), result.get("failed")) == (0, 0, 0), result
        assert slow == ["slow-1"]
        assert call("mid-after") == "mid-after"


def test_a_forked_child_can_await_the_async_methods_of_an_inherited_client(server: MarkerServer) -> None:
    with cognito_attr_code.Client(**settings(server)) as client:

        async def call_async(marker: str) -> Optional[str]:
            details = await client.get_attr_code_async(TOKEN, "email", {"marker": marker})
            return None if details is None else details.destination

        def call(marker: str) -> Optional[str]:
            return asyncio.run(call_async(marker))

        # The parent's async worker pool now has an idle thread, which a child does not inherit.
        fork_matrix(server, call, "async")
