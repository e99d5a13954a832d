"""A reusable cognito-local fixture: install the pinned emulator, start it on a free 127.0.0.1 port
with a fresh state folder (optionally over HTTPS with a private CA made here), provision pools, an
app client and a confirmed user, sign in for a real access token, read the codes the emulator
issues, and stop only the process it started.

    with CognitoLocal() as emulator:
        emulator.endpoint, emulator.access_token, emulator.issued_code()
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools" / "cognito-local"
ENTRY = TOOLS / "node_modules" / "cognito-local" / "lib" / "bin" / "start.js"
USERNAME = "jane"
PASSWORD = "Correct-Horse-9-Battery!"
EMAIL = "jane@example.com"
PHONE = "+15555550100"


class EmulatorError(RuntimeError):
    pass


def install() -> None:
    """Installs cognito-local from the npm registry exactly as pinned by the lockfile (once)."""
    if ENTRY.exists():
        return
    subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=TOOLS,
        check=True,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def make_certificates(folder: Path) -> None:
    """A private CA and a server certificate for 127.0.0.1 and localhost, signed by it. Made with
    trustme (PyPI, installed with the e2e tests), so no openssl binary is needed."""
    import trustme  # only the HTTPS fixture needs it; `make demo` runs over HTTP without it

    ca = trustme.CA(organization_name="cognito-attr-code e2e CA")
    server = ca.issue_cert("127.0.0.1", "localhost")
    ca.cert_pem.write_to_path(str(folder / "ca.pem"))
    server.private_key_pem.write_to_path(str(folder / "server.key"))
    with open(folder / "server.pem", "wb") as chain:
        for pem in server.cert_chain_pems:
            chain.write(pem.bytes())


class CognitoLocal:
    def __init__(self, https: bool = False, startup_timeout: float = 30.0):
        self.https = https
        self.startup_timeout = startup_timeout
        self.process: subprocess.Popen | None = None
        self.folder: Path | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> "CognitoLocal":
        try:
            self.start()
            self.provision()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def start(self) -> None:
        install()
        self.folder = Path(tempfile.mkdtemp(prefix="cognito-local-"))
        self.port = free_port()
        server_config: dict = {"port": self.port, "hostname": "127.0.0.1", "https": self.https}
        if self.https:
            make_certificates(self.folder)
            server_config.update(cert=str(self.folder / "server.pem"), key=str(self.folder / "server.key"))
            self.ca_bundle = str(self.folder / "ca.pem")
        (self.folder / ".cognito").mkdir()
        (self.folder / ".cognito" / "config.json").write_text(
            json.dumps({"ServerConfig": server_config, "UserPoolDefaults": {"UsernameAttributes": []}})
        )
        scheme = "https" if self.https else "http"
        self.endpoint = f"{scheme}://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        env.update(HOST="127.0.0.1", PORT=str(self.port))
        self.log = open(self.folder / "cognito-local.log", "wb")
        self.process = subprocess.Popen(
            ["node", str(ENTRY)],
            cwd=self.folder,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise EmulatorError(f"cognito-local exited with {self.process.returncode}: {self.log_text()}")
            try:
                self.call("ListUserPools", {"MaxResults": 1})
                return
            except (OSError, EmulatorError):
                time.sleep(0.05)
        raise EmulatorError(f"cognito-local did not answer within {self.startup_timeout} s: {self.log_text()}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        self.process = None
        if getattr(self, "log", None):
            self.log.close()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    def log_text(self) -> str:
        try:
            return (self.folder / "cognito-local.log").read_text(errors="replace")[-2000:]
        except OSError:
            return ""

    # -- API -------------------------------------------------------------------------------
    def call(self, operation: str, body: dict) -> dict:
        request = urllib.request.Request(
            self.endpoint + "/",
            data=json.dumps(body).encode(),
            headers={
                "Content-Type": "application/x-amz-json-1.1",
                "X-Amz-Target": f"AWSCognitoIdentityProviderService.{operation}",
            },
        )
        context = ssl.create_default_context(cafile=self.ca_bundle) if self.https else None
        try:
            with urllib.request.urlopen(request, timeout=5, context=context) as response:
                return json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            raise EmulatorError(f"{operation}: HTTP {error.code}: {error.read()[:500]!r}") from None

    def provision(self) -> None:
        def pool(name: str, verified: list[str]) -> str:
            return self.call("CreateUserPool", {"PoolName": name, "AutoVerifiedAttributes": verified})["UserPool"]["Id"]

        self.email_pool = pool("email-verified", ["email"])
        self.phone_pool = pool("phone-verified", ["phone_number"])
        self.plain_pool = pool("nothing-verified", [])
        self.client_id = self.app_client(self.email_pool)
        self.create_user(self.email_pool)
        self.access_token = self.sign_in(self.email_pool, self.client_id)
        plain_client = self.app_client(self.plain_pool)
        self.create_user(self.plain_pool)
        self.plain_pool_token = self.sign_in(self.plain_pool, plain_client)

    def app_client(self, pool_id: str) -> str:
        response = self.call(
            "CreateUserPoolClient",
            {
                "UserPoolId": pool_id,
                "ClientName": "e2e",
                "ExplicitAuthFlows": ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
            },
        )
        return response["UserPoolClient"]["ClientId"]

    def create_user(self, pool_id: str, username: str = USERNAME, attributes: dict[str, str] | None = None) -> None:
        """A confirmed user with `attributes` (by default an unverified e-mail and a phone number)."""
        if attributes is None:
            attributes = {"email": EMAIL, "email_verified": "false", "phone_number": PHONE}
        self.call(
            "AdminCreateUser",
            {
                "UserPoolId": pool_id,
                "Username": username,
                "TemporaryPassword": PASSWORD,
                "MessageAction": "SUPPRESS",
                "UserAttributes": [{"Name": name, "Value": value} for name, value in attributes.items()],
            },
        )
        self.call(
            "AdminSetUserPassword",
            {"UserPoolId": pool_id, "Username": username, "Password": PASSWORD, "Permanent": True},
        )

    def sign_in(self, pool_id: str, client_id: str, username: str = USERNAME) -> str:
        response = self.call(
            "InitiateAuth",
            {
                "AuthFlow": "USER_PASSWORD_AUTH",
                "ClientId": client_id,
                "AuthParameters": {"USERNAME": username, "PASSWORD": PASSWORD},
            },
        )
        return response["AuthenticationResult"]["AccessToken"]

    def issued_code(self, pool_id: str | None = None, username: str = USERNAME) -> str | None:
        """The verification code the emulator stored for the user (changes with every call).
        cognito-local sends nothing: it keeps the code in its state file, where this reads it."""
        state = self.folder / ".cognito" / "db" / f"{pool_id or self.email_pool}.json"
        users = json.loads(state.read_text()).get("Users", {})
        return users.get(username, {}).get("AttributeVerificationCode")

    def new_unverified_user(self, username: str, attributes: dict[str, str] | None = None) -> str:
        """A new user of the e-mail pool whose email_verified is false (or with `attributes`);
        returns its access token. Each verification flow gets its own user, so flows do not
        depend on each other."""
        self.create_user(self.email_pool, username, attributes)
        return self.sign_in(self.email_pool, self.client_id, username)

    def email_verified(self, username: str) -> str | None:
        """`email_verified` as AdminGetUser reports it (`"true"` / `"false"`)."""
        user = self.call("AdminGetUser", {"UserPoolId": self.email_pool, "Username": username})
        return {a["Name"]: a["Value"] for a in user["UserAttributes"]}.get("email_verified")


if __name__ == "__main__":
    # Prints how long startup plus provisioning takes (meant to be about a second).
    started = time.monotonic()
    with CognitoLocal() as emulator:
        elapsed = time.monotonic() - started
        print(f"cognito-local at {emulator.endpoint}: started and provisioned in {elapsed:.2f} s")
        print(
            f"pools {emulator.email_pool}, {emulator.phone_pool}, {emulator.plain_pool}; token {len(emulator.access_token)} bytes"
        )
