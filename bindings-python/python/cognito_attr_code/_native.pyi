"""The compiled module. Use the re-exports in :mod:`cognito_attr_code` instead."""

from typing import Any, Mapping, Optional, Tuple, final

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
    def __new__(cls) -> Cancellation: ...
    def cancel(self) -> None: ...
    @property
    def cancelled(self) -> bool: ...

@final
class Client:
    def __new__(cls, settings: Optional[Mapping[str, Any]] = None, caller: str = "Client", shared: bool = False) -> Client: ...
    def get_attr_code(
        self,
        access_token: str,
        attribute_name: str,
        client_metadata: Optional[Mapping[str, str]] = None,
        cancellation: Optional[Cancellation] = None,
    ) -> GetUserAttributeVerificationCodeResponseTypeDef: ...
    def verify_attr(
        self,
        access_token: str,
        attribute_name: str,
        code: str,
        cancellation: Optional[Cancellation] = None,
    ) -> VerifyUserAttributeResponseTypeDef: ...
    @property
    def endpoint_url(self) -> str: ...
    @property
    def user_agent(self) -> str: ...

class FakeControlError(Exception): ...

@final
class FakeCognito:
    def __new__(
        cls, region: str, user_pool_id: Optional[str], port: int, seed: int, daily_email_quota: Optional[int]
    ) -> FakeCognito: ...
    def control(self, action: str, args: str) -> str: ...
    def stop(self) -> None: ...
    @property
    def endpoint_url(self) -> str: ...
    @property
    def region(self) -> str: ...
    @property
    def port(self) -> int: ...
    @property
    def running(self) -> bool: ...
