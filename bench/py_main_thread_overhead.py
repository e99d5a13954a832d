"""Per-call time of Client.get_attr_code on the main thread (where a sync call runs on a helper
thread so that signal handlers run) and on a worker thread (run directly), against a keep-alive
server in another process. Prints the median of ROUNDS rounds of CALLS calls; the difference is
the cost of interruptibility. Run with the Python that has the wheel installed, e.g.
`target/python-venv/bin/python bench/py_main_thread_overhead.py 2000`."""

import os
import statistics
import subprocess
import sys
import threading
import time

SERVER = r"""
import json, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
REPLY = json.dumps({"CodeDeliveryDetails": {"Destination": "d", "DeliveryMedium": "EMAIL", "AttributeName": "email"}}).encode()
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(200)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("Content-Length", str(len(REPLY)))
        self.end_headers()
        self.wfile.write(REPLY)
    def log_message(self, *a):
        pass
s = ThreadingHTTPServer(("127.0.0.1", 0), H)
print(s.server_address[1], flush=True)
s.serve_forever()
"""
CALLS, ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 2000, 5
for k in [k for k in os.environ if k.startswith("AWS_")]:
    del os.environ[k]
server = subprocess.Popen([sys.executable, "-c", SERVER], stdout=subprocess.PIPE, text=True)
try:
    port = int(server.stdout.readline())
    import cognito_attr_code

    client = cognito_attr_code.Client(region="us-east-1", endpoint_url=f"http://127.0.0.1:{port}", max_attempts=1)
    TOKEN = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJiZW5jaCJ9.bench-signature"

    def loop(n):
        t = time.perf_counter()
        for _ in range(n):
            client.get_attr_code(TOKEN, "email")
        return (time.perf_counter() - t) / n * 1e6

    loop(200)
    main = [loop(CALLS) for _ in range(ROUNDS)]
    out = []
    th = threading.Thread(target=lambda: out.extend(loop(CALLS) for _ in range(ROUNDS)))
    th.start()
    th.join()
    print(f"main thread  µs/call median {statistics.median(main):7.1f}  rounds {[round(x, 1) for x in main]}")
    print(f"other thread µs/call median {statistics.median(out):7.1f}  rounds {[round(x, 1) for x in out]}")
finally:
    server.kill()
    server.wait()
