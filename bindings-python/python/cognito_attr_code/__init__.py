"""Send an Amazon Cognito user-attribute verification code (``GetUserAttributeVerificationCode``)
and submit the code the user received (``VerifyUserAttribute``).

Pythonic::

    details = cognito_attr_code.get_attr_code(access_token, "email", region="eu-west-1")
    cognito_attr_code.verify_attr(access_token, "email", code, region="eu-west-1")

boto3-compatible (a one-line change from ``boto3.client("cognito-idp")``)::

    client = cognito_attr_code.Client(region="eu-west-1")
    response = client.get_user_attribute_verification_code(AccessToken=token, AttributeName="email")

Rust log records reach the ``logging`` logger ``cognito_attr_code``; the access token is never
logged, printed or put in an exception.
"""

from __future__ import annotations

import importlib

from . import _native
from . import param_validation as _param_validation
from .client import Client, ClientExceptions, _details, _verify, one_shot_client
from .details import CodeDeliveryDetails
from ._service_errors import *  # noqa: F403 (one class per service error code, generated)
from .exceptions import (
    CAUSES,
    CognitoError,
    ConfigurationError,
    Diagnosis,
    InvalidArgumentError,
    NetworkError,
    ProtocolError,
    TimeoutError,
    TlsError,
    UnknownServiceError,
)

# `typing` (most of the import time of a package like this one) is imported by type checkers, and
# at run time only by a program that names a TypedDict below (see `__getattr__`).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Mapping, Optional

    from typing_extensions import Unpack

    from .param_validation import ParamValidationError
    from .settings import Settings
    from .shapes import (
        CodeDeliveryDetailsTypeTypeDef,
        GetUserAttributeVerificationCodeRequestTypeDef,
        GetUserAttributeVerificationCodeResponseTypeDef,
        ResponseMetadataTypeDef,
        VerifyUserAttributeRequestTypeDef,
        VerifyUserAttributeResponseTypeDef,
    )

_TYPED_DICTS = {
    "Settings": "settings",
    "CodeDeliveryDetailsTypeTypeDef": "shapes",
    "GetUserAttributeVerificationCodeRequestTypeDef": "shapes",
    "GetUserAttributeVerificationCodeResponseTypeDef": "shapes",
    "ResponseMetadataTypeDef": "shapes",
    "VerifyUserAttributeRequestTypeDef": "shapes",
    "VerifyUserAttributeResponseTypeDef": "shapes",
}

__version__: str = _native.__version__

__all__ = [
    "__version__",
    "get_attr_code",
    "verify_attr",
    "Client",
    "ClientExceptions",
    "CodeDeliveryDetails",
    "Settings",
    "CodeDeliveryDetailsTypeTypeDef",
    "GetUserAttributeVerificationCodeRequestTypeDef",
    "GetUserAttributeVerificationCodeResponseTypeDef",
    "ResponseMetadataTypeDef",
    "VerifyUserAttributeRequestTypeDef",
    "VerifyUserAttributeResponseTypeDef",
    "CognitoError",
    "Diagnosis",
    "CAUSES",
    "UnknownServiceError",
    "InvalidArgumentError",
    "ParamValidationError",
    "ConfigurationError",
    "NetworkError",
    "TimeoutError",
    "TlsError",
    "ProtocolError",
    # The service errors, generated from core's error table by make generate:
    "ResourceNotFoundException",
    "InvalidParameterException",
    "TooManyRequestsException",
    "NotAuthorizedException",
    "UnexpectedLambdaException",
    "UserLambdaValidationException",
    "InvalidLambdaResponseException",
    "InvalidSmsRoleAccessPolicyException",
    "InvalidSmsRoleTrustRelationshipException",
    "InvalidEmailRoleAccessPolicyException",
    "CodeDeliveryFailureException",
    "LimitExceededException",
    "PasswordResetRequiredException",
    "UserNotFoundException",
    "UserNotConfirmedException",
    "InternalErrorException",
    "ForbiddenException",
    "OperationNotEnabledException",
    "CodeMismatchException",
    "ExpiredCodeException",
    "AliasExistsException",
    # (end of the generated names)
]


def get_attr_code(
    access_token: str,
    attribute_name: str,
    client_metadata: Optional[Mapping[str, str]] = None,
    **settings: "Unpack[Settings]",
) -> Optional[CodeDeliveryDetails]:
    """One call with a client built from ``settings`` (see :class:`Client`); returns where the
    code was sent, or ``None`` if the service did not say. Consecutive calls with the same
    settings share one process-wide client and its connections."""
    client = one_shot_client("get_attr_code", settings)
    return _details(client.get_attr_code(access_token, attribute_name, client_metadata))


def verify_attr(
    access_token: str,
    attribute_name: str,
    code: str,
    **settings: "Unpack[Settings]",
) -> None:
    """Submits the verification ``code`` the user received, with the process-wide client of
    ``settings`` (see :class:`Client`); on return the attribute is verified."""
    _verify(one_shot_client("verify_attr", settings), access_token, attribute_name, code)


def __getattr__(name: str) -> Any:
    # ParamValidationError is built on first use (it subclasses botocore's when installed).
    if name == "ParamValidationError":
        return _param_validation.ParamValidationError
    module = _TYPED_DICTS.get(name)
    if module is not None:
        value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_TYPED_DICTS, "ParamValidationError"})
