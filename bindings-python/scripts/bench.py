"""Prints import time, resident memory and median call latency of cognito_attr_code next to
boto3, against a local stand-in server. Not a test: figures only.

    python bindings-python/scripts/bench.py [CALLS]

Run it with an interpreter where both cognito_attr_code and boto3 are installed (e.g.
target/python-venv after bindings-python/scripts/test.sh).
"""

import json
import os
import statistics
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List

TOKEN = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJiZW5jaCJ9.bench-signature"
REPLY = json.dumps(
    {"CodeDeliveryDetails": {"Destination": "d***@e***.com", "DeliveryMedium": "EMAIL", "AttributeName": "email"}}
).encode()

# Each snippet runs in a fresh interpreter; it prints seconds spent and VmRSS afterwards (kB).
STARTUP = {
    "python (nothing imported)": "pass",
    "import cognito_attr_code": "import cognito_attr_code",
    "import cognito_attr_code + Client()": ("import cognito_attr_code; cognito_attr_code.Client(region='us-east-1')"),
    "import boto3": "import boto3",
    "import boto3 + client('cognito-idp')": ("import boto3; boto3.client('cognito-idp', region_name='us-east-1')"),
}
MEASURE = """
import time
started = time.perf_counter()
{code}
elapsed = time.perf_counter() - started
rss = next(line for line in open('/proc/self/status') if line.startswith('VmRSS'))
print(elapsed, rss.split()[1])
"""


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so both clients reuse their connection
    disable_nagle_algorithm = True  # headers and body go out in separate writes

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(200)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("x-amzn-RequestId", "bench")
        self.send_header("Content-Length", str(len(REPLY)))
        self.end_headers()
        self.wfile.write(REPLY)

    def log_message(self, *args: Any) -> None:
        pass


def clean_env() -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_") and "proxy" not in k.lower()}
    env["AWS_EC2_METADATA_DISABLED"] = "true"
    return env


def startup(runs: int = 5) -> None:
    print(f"{'startup (median of %d fresh interpreters)' % runs:45} {'time':>10} {'RSS':>10}")
    for label, code in STARTUP.items():
        samples = []
        for _ in range(runs):
            out = subprocess.run(
                [sys.executable, "-c", MEASURE.format(code=code)],
                check=True,
                capture_output=True,
                text=True,
                env=clean_env(),
                timeout=60,
            ).stdout.split()
            samples.append((float(out[0]), int(out[1])))
        seconds = statistics.median(s for s, _ in samples)
        rss_mb = statistics.median(r for _, r in samples) / 1024
        print(f"  {label:43} {seconds * 1000:8.1f} ms {rss_mb:7.1f} MB")


def latency(label: str, call: Callable[[], Any], calls: int) -> None:
    for _ in range(10):
        call()
    samples: List[float] = []
    for _ in range(calls):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    samples.sort()
    print(
        f"  {label:43} median {statistics.median(samples) * 1e6:7.0f} µs"
        f"   p90 {samples[int(len(samples) * 0.9)] * 1e6:7.0f} µs"
    )


def main() -> None:
    calls = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    os.environ.clear()
    os.environ.update(clean_env())
    startup()

    import boto3
    from botocore import UNSIGNED
    from botocore.config import Config

    import cognito_attr_code

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        print(f"\ncall latency against {url} ({calls} calls each, after 10 warm-up calls)")
        ours = cognito_attr_code.Client(region="us-east-1", endpoint_url=url)
        theirs = boto3.client(
            "cognito-idp",
            region_name="us-east-1",
            endpoint_url=url,
            config=Config(signature_version=UNSIGNED),
        )
        latency("cognito_attr_code get_attr_code", lambda: ours.get_attr_code(TOKEN, "email"), calls)
        latency(
            "cognito_attr_code (boto3-shaped)",
            lambda: ours.get_user_attribute_verification_code(AccessToken=TOKEN, AttributeName="email"),
            calls,
        )
        latency(
            "boto3 get_user_attribute_verification_code",
            lambda: theirs.get_user_attribute_verification_code(AccessToken=TOKEN, AttributeName="email"),
            calls,
        )
        ours.close()
        theirs.close()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


if __name__ == "__main__":
    main()
