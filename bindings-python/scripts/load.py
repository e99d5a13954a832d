"""Load harness for the Python binding (not a timed unit test): one `Client` shared by THREADS
threads, each making CALLS calls against a local keep-alive HTTP/1.1 server in a child process.
Prints calls, errors, throughput, RSS (VmRSS from /proc/self/status) after each round and open file
descriptors (/proc/self/fd) before and after; exits non-zero on any error, RSS growth or descriptor
growth. Needs the package installed (`make load` builds it into target/load-venv).

    python bindings-python/scripts/load.py [THREADS [CALLS]]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import cognito_attr_code

DEFAULT_THREADS = 8
DEFAULT_CALLS = 5_000
ROUNDS = 5  # RSS is sampled after each round, not just at both ends
WARM_UP_CALLS = 200  # per thread, before the baseline: fills the pool and the allocators' caches
MAX_RSS_GROWTH_KIB = 8 * 1024  # between the first and the last round (allocator noise), not more
TOKEN = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJsb2FkIn0.load-signature"
SUCCESS_BODY = (
    b'{"CodeDeliveryDetails":{"AttributeName":"email","DeliveryMedium":"EMAIL","Destination":"l***@e***.com"}}'
)
IDLE_TIMEOUT = 30.0  # longer than the client's pool keeps a connection (4 s)


class CannedSuccess(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive
    timeout = IDLE_TIMEOUT
    # Head and body go out in two writes; with Nagle on, the body waits for the client's delayed
    # ACK (40 ms) and the harness would measure that instead of the client.
    disable_nagle_algorithm = True

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(200)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("x-amzn-RequestId", "load-test")
        self.send_header("Content-Length", str(len(SUCCESS_BODY)))
        self.end_headers()
        self.wfile.write(SUCCESS_BODY)

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve() -> None:
    """Prints the port, then serves on 127.0.0.1 until the parent closes stdin (or exits)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), CannedSuccess)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()


def start_server() -> tuple[subprocess.Popen[str], int]:
    child = subprocess.Popen(
        [sys.executable, __file__, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    return child, int(child.stdout.readline())


def clean_environment(home: str) -> None:
    """No AWS_* or proxy variable from the machine: the Client's arguments are the whole config."""
    for name in list(os.environ):
        if name.startswith("AWS_") or name.lower() in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
            del os.environ[name]
    os.environ["HOME"] = home
    os.environ["AWS_CONFIG_FILE"] = os.path.join(home, "config")
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.path.join(home, "credentials")


def run_round(client: "cognito_attr_code.Client", threads: int, calls: int) -> int:
    """`threads` threads each making `calls` calls on the shared client; returns the failures."""
    errors = [0] * threads

    def worker(index: int) -> None:
        for _ in range(calls):
            try:
                details = client.get_attr_code(TOKEN, "email")
                if details is None or details.destination != "l***@e***.com":
                    errors[index] += 1
            except Exception as error:  # every failure counts; the first few are shown
                errors[index] += 1
                if errors[index] <= 2:
                    print(f"call failed: {error}", file=sys.stderr)

    workers = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    return sum(errors)


def rss_kib() -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


def main() -> int:
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_THREADS
    calls = int(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_CALLS
    per_round = calls // ROUNDS
    server, port = start_server()
    try:
        with tempfile.TemporaryDirectory() as home:
            clean_environment(home)
            import cognito_attr_code

            client = cognito_attr_code.Client(
                region="us-east-1", endpoint_url=f"http://127.0.0.1:{port}", max_attempts=1
            )
            errors = run_round(client, threads, WARM_UP_CALLS)
            fds_before = open_descriptors()
            rss = [rss_kib()]
            started = time.monotonic()
            for _ in range(ROUNDS):
                errors += run_round(client, threads, per_round)
                rss.append(rss_kib())
            elapsed = time.monotonic() - started
            fds_after = open_descriptors()
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(timeout=30)

    total = threads * per_round * ROUNDS
    rss_growth = max(0, rss[ROUNDS] - rss[1])
    print(f"python load: {threads} threads x {per_round * ROUNDS} calls on one Client")
    print(f"calls: {total} (+{threads * WARM_UP_CALLS} warm-up)")
    print(f"errors: {errors}")
    print(f"elapsed: {elapsed:.2f} s ({total / elapsed:.0f} calls/s)")
    print(f"RSS KiB after warm-up and each round: {rss} (growth after round 1: {rss_growth} KiB)")
    print(f"open fds: before {fds_before}, after {fds_after}")
    violations = []
    if errors:
        violations.append(f"{errors} calls failed")
    if rss_growth > MAX_RSS_GROWTH_KIB:
        violations.append(f"RSS grew {rss_growth} KiB (limit {MAX_RSS_GROWTH_KIB})")
    if fds_after > fds_before + threads:  # one more pooled connection per thread at most
        violations.append(f"open descriptors grew from {fds_before} to {fds_after}")
    print("FAIL: " + "; ".join(violations) if violations else "PASS")
    return 1 if violations else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        serve()
    else:
        sys.exit(main())
