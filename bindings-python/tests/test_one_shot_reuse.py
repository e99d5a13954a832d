"""The one-shot get_attr_code() shares the process-wide client of its settings: a loop over it
reuses one keep-alive connection (counted by a real loopback server)."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Iterator

import pytest

from conftest import TOKEN

BODY = json.dumps({"CodeDeliveryDetails": {"AttributeName": "email", "DeliveryMedium": "EMAIL"}}).encode()


class KeepAliveServer(ThreadingHTTPServer):
    daemon_threads = True
    connections = 0

    def process_request(self, request: Any, client_address: Any) -> None:
        self.connections += 1
        super().process_request(request, client_address)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(200)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[KeepAliveServer]:
    server = KeepAliveServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_consecutive_one_shot_calls_share_one_connection(server: KeepAliveServer) -> None:
    import cognito_attr_code

    url = f"http://127.0.0.1:{server.server_address[1]}"
    for _ in range(20):
        details = cognito_attr_code.get_attr_code(TOKEN, "email", region="us-east-1", endpoint_url=url, max_attempts=1)
        assert details is not None and details.attribute_name == "email"
    assert server.connections == 1
