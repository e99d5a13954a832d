"""Fixtures: a clean AWS environment, a scripted Cognito stand-in on 127.0.0.1, and boto3 pointed
at the same stand-in for side-by-side comparisons."""

import json
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, Iterator, List, Optional, Sequence, Tuple

import pytest

# A syntactically valid access token; tests assert this string never leaks.
TOKEN = "eyJraWQiOiJzZWNyZXQtdG9rZW4ifQ.eyJzdWIiOiJ0b3Atc2VjcmV0LXBheWxvYWQifQ.c2lnbmF0dXJlLXNlY3JldA"

AWS_VARIABLES = [
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
    "AWS_ENDPOINT_URL",
    "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER",
    "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
    "AWS_CA_BUNDLE",
    "AWS_MAX_ATTEMPTS",
    "AWS_RETRY_MODE",
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_CONFIG_FILE",
    "AWS_SHARED_CREDENTIALS_FILE",
    "AWS_USE_FIPS_ENDPOINT",
    "AWS_USE_DUALSTACK_ENDPOINT",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_EC2_METADATA_DISABLED",
    "HTTPS_PROXY",
    "https_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "ALL_PROXY",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
]


def json_escaped(text: str) -> str:
    """``\\u0065...``: what a JSON encoder that escapes everything would send."""
    return "".join(f"\\u{ord(c):04x}" for c in text)


def percent_encoded(text: str) -> str:
    return "".join(f"%{b:02X}" for b in text.encode())


def leaks_any(text: str, secrets: Sequence[str]) -> bool:
    """One of ``secrets``, in any case, as is, percent-decoded or JSON-unescaped."""
    # repr() doubles backslashes: undo that first.
    unescaped = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text.replace("\\\\", "\\"))
    forms = [text, urllib.parse.unquote(text), unescaped]
    return any(secret.lower() in form.lower() for form in forms for secret in secrets)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    for name in AWS_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "aws-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")


@dataclass
class Reply:
    status: int = 200
    body: Any = None  # dict -> JSON, bytes/str -> verbatim
    headers: Dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    request_id: Optional[str] = "req-0001"


@dataclass
class Received:
    headers: Dict[str, str]
    body: Dict[str, Any]


def success_reply(received: Received) -> Reply:
    name = received.body.get("AttributeName", "")
    return Reply(
        body={
            "CodeDeliveryDetails": {
                "Destination": "d***@e***.com",
                "DeliveryMedium": "EMAIL",
                "AttributeName": name,
            }
        }
    )


class CognitoStub:
    """Answers each POST with the next scripted reply, or with `default(received)` when the
    script is empty. Records what it received."""

    def __init__(self) -> None:
        self.script: List[Reply] = []
        self.default: Callable[[Received], Reply] = success_reply
        self.received: List[Received] = []
        self._lock = threading.Lock()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length)
                received = Received({k.lower(): v for k, v in self.headers.items()}, json.loads(raw))
                with stub._lock:
                    stub.received.append(received)
                    reply = stub.script.pop(0) if stub.script else None
                if reply is None:
                    reply = stub.default(received)
                if reply.delay:
                    time.sleep(reply.delay)
                if isinstance(reply.body, (bytes, str)):
                    data = reply.body.encode() if isinstance(reply.body, str) else reply.body
                else:
                    data = json.dumps({} if reply.body is None else reply.body).encode()
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/x-amz-json-1.1")
                if reply.request_id is not None:
                    self.send_header("x-amzn-RequestId", reply.request_id)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        class Server(ThreadingHTTPServer):
            request_queue_size = 64
            daemon_threads = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05})
        self.thread.start()

    def replies(self, *replies: Reply) -> None:
        with self._lock:
            self.script.extend(replies)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def stub() -> Iterator[CognitoStub]:
    server = CognitoStub()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def client(stub: CognitoStub) -> Iterator[Any]:
    import cognito_attr_code

    with cognito_attr_code.Client(region="us-east-1", endpoint_url=stub.url, max_attempts=1) as c:
        yield c


def boto3_client(url: str, max_attempts: int = 1) -> Any:
    import boto3  # type: ignore[import-untyped]
    from botocore import UNSIGNED  # type: ignore[import-untyped]
    from botocore.config import Config  # type: ignore[import-untyped]

    return boto3.session.Session().client(
        "cognito-idp",
        region_name="us-east-1",
        endpoint_url=url,
        config=Config(
            signature_version=UNSIGNED,
            retries={"total_max_attempts": max_attempts, "mode": "standard"},
        ),
    )


@pytest.fixture
def boto(stub: CognitoStub) -> Iterator[Any]:
    c = boto3_client(stub.url)
    try:
        yield c
    finally:
        c.close()


def free_port() -> Tuple[str, int]:
    """A loopback port with nothing listening on it."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return "127.0.0.1", s.getsockname()[1]
