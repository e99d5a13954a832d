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

import logging as _logging
from typing import TYPE_CHECKING, Any, Mapping, Optional

from . import _native
from . import param_validation as _param_validation
from .client import Client, ClientExceptions, _details, _verify, one_shot_client
from .details import CodeDeliveryDetails
from .exceptions import (
    CAUSES,
    AliasExistsException,
    CodeDeliveryFailureException,
    CodeMismatchException,
    CognitoError,
    ConfigurationError,
    Diagnosis,
    ExpiredCodeException,
    ForbiddenException,
    InternalErrorException,
    InvalidArgumentError,
    InvalidEmailRoleAccessPolicyException,
    InvalidLambdaResponseException,
    InvalidParameterException,
    InvalidSmsRoleAccessPolicyException,
    InvalidSmsRoleTrustRelationshipException,
    LimitExceededException,
    NetworkError,
    NotAuthorizedException,
    OperationNotEnabledException,
    PasswordResetRequiredException,
    ProtocolError,
    ResourceNotFoundException,
    TimeoutError,
    TlsError,
    TooManyRequestsException,
    UnexpectedLambdaException,
    UnknownServiceError,
    UserLambdaValidationException,
    UserNotConfirmedException,
    UserNotFoundException,
)
from .settings import Settings
from .shapes import (
    CodeDeliveryDetailsTypeTypeDef,
    GetUserAttributeVerificationCodeRequestTypeDef,
    GetUserAttributeVerificationCodeResponseTypeDef,
    ResponseMetadataTypeDef,
    VerifyUserAttributeRequestTypeDef,
    VerifyUserAttributeResponseTypeDef,
)

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from .param_validation import ParamValidationError

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
]

# A library leaves output to the application: records are dropped until logging is configured.
_logging.getLogger("cognito_attr_code").addHandler(_logging.NullHandler())


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
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
