#!/usr/bin/env bash
# Prints the median wall time of one full invocation against a local server: ours vs `aws`
# (AWS CLI v1) with the same arguments. Not a test; numbers depend on the machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target/cli}"
RUNS="${RUNS:-20}"
cargo build --release -q -p cognito-attr-code-cli
exec python3 - "$CARGO_TARGET_DIR/release/cognito-attr-code" "$RUNS" <<'PY'
import http.server, os, shutil, statistics, subprocess, sys, tempfile, threading, time

ours, runs = sys.argv[1], int(sys.argv[2])
BODY = b'{"CodeDeliveryDetails":{"Destination":"a***@e***.com","DeliveryMedium":"EMAIL","AttributeName":"email"}}'

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        self.rfile.read(int(self.headers.get("content-length", 0)))
        self.send_response(200)
        self.send_header("content-type", "application/x-amz-json-1.1")
        self.send_header("content-length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)
    def log_message(self, *args):
        pass

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
home = tempfile.mkdtemp()
env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
env.update(HOME=home, AWS_CONFIG_FILE=os.path.join(home, "config"),
           AWS_ACCESS_KEY_ID="AKIDEXAMPLE", AWS_SECRET_ACCESS_KEY="dummy")
args = ["get-user-attribute-verification-code", "--endpoint-url", f"http://127.0.0.1:{server.server_port}",
        "--region", "us-east-1", "--access-token", "aaa.bbb.ccc", "--attribute-name", "email"]

def median_ms(command):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)

ours_ms = median_ms([ours] + args)
print(f"cognito-attr-code: median {ours_ms:8.1f} ms over {runs} runs")
aws = shutil.which("aws")
if aws:
    aws_ms = median_ms([aws, "cognito-idp"] + args)
    print(f"aws (CLI v1):      median {aws_ms:8.1f} ms over {runs} runs  ({aws_ms / ours_ms:.0f}x)")
else:
    print("aws: not installed, no comparison")
server.shutdown()
shutil.rmtree(home)
PY
