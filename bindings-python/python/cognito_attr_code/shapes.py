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
    Destination: str
    DeliveryMedium: str
    AttributeName: str


class _ResponseMetadataRequired(TypedDict):
    HTTPStatusCode: int
    HTTPHeaders: Dict[str, str]
    RetryAttempts: int


class ResponseMetadataTypeDef(_ResponseMetadataRequired, total=False):
    RequestId: str


class _ResponseRequired(TypedDict):
    ResponseMetadata: ResponseMetadataTypeDef


class GetUserAttributeVerificationCodeResponseTypeDef(_ResponseRequired, total=False):
    CodeDeliveryDetails: CodeDeliveryDetailsTypeTypeDef


class VerifyUserAttributeResponseTypeDef(TypedDict):
    ResponseMetadata: ResponseMetadataTypeDef


class _RequestRequired(TypedDict):
    AccessToken: str
    AttributeName: str


class GetUserAttributeVerificationCodeRequestTypeDef(_RequestRequired, total=False):
    ClientMetadata: Mapping[str, str]


class VerifyUserAttributeRequestTypeDef(TypedDict):
    AccessToken: str
    AttributeName: str
    Code: str
