"""The boto3 request and response shapes of ``get_user_attribute_verification_code`` and
``verify_user_attribute``, as ``TypedDict``\\ s named as in ``mypy-boto3-cognito-idp``."""

from typing import Dict, Mapping, TypedDict

__all__ = [
    "GetUserAttributeVerificationCodeRequestTypeDef",
    "VerifyUserAttributeRequestTypeDef",
    "CodeDeliveryDetailsTypeTypeDef",
    "ResponseMetadataTypeDef",
    "GetUserAttributeVerificationCodeResponseTypeDef",
    "VerifyUserAttributeResponseTypeDef",
]


class CodeDeliveryDetailsTypeTypeDef(TypedDict, total=False):
    """Where the code was sent (``CodeDeliveryDetails``); every key may be absent."""

    Destination: str
    DeliveryMedium: str
    AttributeName: str


class _ResponseMetadataRequired(TypedDict):
    HTTPStatusCode: int
    HTTPHeaders: Dict[str, str]
    RetryAttempts: int


class ResponseMetadataTypeDef(_ResponseMetadataRequired, total=False):
    """The HTTP status, headers, request id and retry count of a response, as in boto3."""

    RequestId: str


class _ResponseRequired(TypedDict):
    ResponseMetadata: ResponseMetadataTypeDef


class GetUserAttributeVerificationCodeResponseTypeDef(_ResponseRequired, total=False):
    """What ``get_user_attribute_verification_code`` returns."""

    CodeDeliveryDetails: CodeDeliveryDetailsTypeTypeDef


class VerifyUserAttributeResponseTypeDef(TypedDict):
    """What ``verify_user_attribute`` returns (only ``ResponseMetadata``)."""

    ResponseMetadata: ResponseMetadataTypeDef


class _RequestRequired(TypedDict):
    AccessToken: str
    AttributeName: str


class GetUserAttributeVerificationCodeRequestTypeDef(_RequestRequired, total=False):
    """The keyword arguments of ``get_user_attribute_verification_code``."""

    ClientMetadata: Mapping[str, str]


class VerifyUserAttributeRequestTypeDef(TypedDict):
    """The keyword arguments of ``verify_user_attribute``."""

    AccessToken: str
    AttributeName: str
    Code: str
