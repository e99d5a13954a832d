"""The compiled module. Use the re-exports in :mod:`cognito_attr_code` instead."""

import os
from typing import Mapping, Optional, Tuple, Union, final

from .shapes import GetUserAttributeVerificationCodeResponseTypeDef, VerifyUserAttributeResponseTypeDef

__all__ = ["__version__", "CORE_VERSION", "SERVICE_ERROR_CODES", "Client"]

__version__: str
CORE_VERSION: str
SERVICE_ERROR_CODES: Tuple[str, ...]

@final
class Client:
    def __new__(
        cls,
        *,
        region: Optional[str] = None,
        endpoint_url: Optional[str] = None,
        connect_timeout: Optional[float] = None,
        read_timeout: Optional[float] = None,
        attempt_timeout: Optional[float] = None,
        operation_timeout: Optional[float] = None,
        max_attempts: Optional[int] = None,
        retry_mode: Optional[str] = None,
        ca_bundle: Union[str, os.PathLike[str], None] = None,
        verify: Union[bool, str, os.PathLike[str], None] = None,
        allow_insecure_http: Optional[bool] = None,
        use_fips_endpoint: Optional[bool] = None,
        use_dualstack_endpoint: Optional[bool] = None,
        retry_read_timeouts: Optional[bool] = None,
        profile: Optional[str] = None,
        proxy: Optional[str] = None,
        validate_token: Optional[bool] = None,
        shared: bool = False,
    ) -> Client: ...
    def get_attr_code(
        self,
        access_token: str,
        attribute_name: str,
        client_metadata: Optional[Mapping[str, str]] = None,
    ) -> GetUserAttributeVerificationCodeResponseTypeDef: ...
    def verify_attr(
        self,
        access_token: str,
        attribute_name: str,
        code: str,
    ) -> VerifyUserAttributeResponseTypeDef: ...
    @property
    def endpoint_url(self) -> str: ...
    @property
    def user_agent(self) -> str: ...
