"""The compiled module. Use the re-exports in :mod:`cognito_attr_code` instead."""

from typing import Mapping, Optional, Tuple, final

from .settings import Settings
from .shapes import GetUserAttributeVerificationCodeResponseTypeDef, VerifyUserAttributeResponseTypeDef

__all__ = [
    "__version__",
    "CORE_VERSION",
    "SERVICE_ERROR_CODES",
    "DIAGNOSIS_CAUSES",
    "SETTING_NAMES",
    "Client",
    "Cancellation",
    "FakeCognito",
    "FakeControlError",
]

__version__: str
CORE_VERSION: str
SERVICE_ERROR_CODES: Tuple[str, ...]
DIAGNOSIS_CAUSES: Tuple[str, ...]
SETTING_NAMES: Tuple[str, ...]

@final
class Cancellation:
    """A flag a call checks between attempts and while it waits; ``cancel()`` stops the call."""

    def __new__(cls) -> Cancellation: ...
    def cancel(self) -> None:
        """Stops the calls given this cancellation: no further attempt starts."""
    @property
    def cancelled(self) -> bool:
        """``True`` once ``cancel()`` was called."""

@final
class Client:
    """The core client: one connection pool and retry quota, safe to share between threads."""

    def __new__(cls, settings: Optional[Settings] = None, caller: str = "Client", shared: bool = False) -> Client:
        """``settings``: the typed keyword settings (see :class:`cognito_attr_code.Settings`),
        converted by the kind of each; an unknown one is a ``TypeError`` naming ``caller``."""
    def get_attr_code(
        self,
        access_token: str,
        attribute_name: str,
        client_metadata: Optional[Mapping[str, str]] = None,
        cancellation: Optional[Cancellation] = None,
    ) -> GetUserAttributeVerificationCodeResponseTypeDef:
        """Sends ``GetUserAttributeVerificationCode`` and returns boto3's response dict."""
    def verify_attr(
        self,
        access_token: str,
        attribute_name: str,
        code: str,
        cancellation: Optional[Cancellation] = None,
    ) -> VerifyUserAttributeResponseTypeDef:
        """Sends ``VerifyUserAttribute`` and returns boto3's response dict."""
    @property
    def endpoint_url(self) -> str:
        """The resolved endpoint the client sends to."""
    @property
    def user_agent(self) -> str:
        """The ``User-Agent`` header the client sends."""

class FakeControlError(Exception):
    """A control action the fake refused: ``args`` is ``(kind, message)``."""

@final
class FakeCognito:
    """The Rust Cognito fake, serving on 127.0.0.1 (wrapped by ``cognito_attr_code.testing``)."""

    def __new__(
        cls, region: str, user_pool_id: Optional[str], port: int, seed: int, daily_email_quota: Optional[int]
    ) -> FakeCognito:
        """Starts the fake's server."""
    def control(self, action: str, args: str) -> str:
        """Runs one control action; arguments and result are JSON text."""
    def stop(self) -> None:
        """Stops the server and waits for its thread."""
    @property
    def endpoint_url(self) -> str:
        """``http://127.0.0.1:PORT``."""
    @property
    def region(self) -> str:
        """The region the fake's tokens name."""
    @property
    def port(self) -> int:
        """The port it listens on."""
    @property
    def running(self) -> bool:
        """Whether the server still runs."""
