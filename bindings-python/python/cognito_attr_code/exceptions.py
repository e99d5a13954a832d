"""The exceptions raised by :mod:`cognito_attr_code`.

Every error is a :class:`CognitoError`. A service error is an instance of the class named exactly
as its error code (``NotAuthorizedException``, ...), or of :class:`UnknownServiceError` for codes
the service model does not declare. Local errors have their own classes. ``e.response`` has the
shape of botocore's ``ClientError.response``, so code written for boto3 keeps working.
"""

from __future__ import annotations

import builtins

# `typing` is imported by type checkers only: at run time it is most of this package's import time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, Optional, Tuple, Type

# The service error classes are exported by the package (its generated _service_errors.py).
__all__ = [
    "CAUSES",
    "Diagnosis",
    "CognitoError",
    "UnknownServiceError",
    "InvalidArgumentError",
    "ConfigurationError",
    "NetworkError",
    "TimeoutError",
    "TlsError",
    "ProtocolError",
]

_PUBLIC_MODULE = "cognito_attr_code"

CAUSES: Tuple[str, ...] = (
    "per_user_limit",
    "daily_email_limit",
    "token_expired",
    "token_revoked",
    "missing_scope",
    "invalid_token",
    "id_token_given",
    "lambda_trigger",
    "delivery_failed",
    "wrong_code",
    "code_expired",
    "rate_limited",
)
"""Every value of :attr:`Diagnosis.cause`, in the core's table order (tested against it)."""


class Diagnosis(tuple[str, str]):
    """What went wrong and what to do, when the library recognises the error (``e.diagnosis``).

    It never changes the exception's class, message or whether the call was retried, and it never
    contains the access token or the verification code. An immutable ``(cause, hint)`` pair that
    behaves as a ``NamedTuple``, written by hand: ``typing.NamedTuple`` and ``dataclasses`` would
    double this package's import time.
    """

    __slots__ = ()
    _fields = ("cause", "hint")

    def __new__(cls, cause: str, hint: str) -> Diagnosis:
        return tuple.__new__(cls, (cause, hint))

    def __getnewargs__(self) -> tuple[str, str]:
        return (self[0], self[1])

    @property
    def cause(self) -> str:
        """A stable identifier (one of :data:`CAUSES`), e.g. ``"per_user_limit"`` or ``"token_expired"``."""
        return self[0]

    @property
    def hint(self) -> str:
        """One sentence saying what to do."""
        return self[1]

    def _asdict(self) -> Dict[str, str]:
        return {"cause": self[0], "hint": self[1]}

    def __repr__(self) -> str:
        return f"Diagnosis(cause={self[0]!r}, hint={self[1]!r})"


class CognitoError(Exception):
    """Base class of every error of this package.

    ``str(e)`` reads like ``NotAuthorizedException: Access Token has expired (HTTP 400, request
    id ...)``. It never contains the access token.
    """

    #: botocore's ``ClientError.operation_name``.
    operation_name = "GetUserAttributeVerificationCode"
    _default_code = "CognitoError"

    code: str
    """The service's error code, or the local kind (``InvalidArgument``, ``Configuration``, ...)."""
    message: str
    """The service's message, or what went wrong locally."""
    request_id: Optional[str]
    http_status: Optional[int]
    attempts: int
    """HTTP attempts made before the error (0 when it happened before any I/O)."""
    max_attempts_reached: bool
    """Every allowed attempt was used (botocore's ``MaxAttemptsReached``)."""
    http_headers: Dict[str, str]
    """Headers of the error response (lower-case names), as in ``response["ResponseMetadata"]``."""
    diagnosis: Optional[Diagnosis]
    """The cause and a hint when the library recognises the error, else ``None``."""

    def __init__(
        self,
        message: str = "",
        *,
        code: Optional[str] = None,
        request_id: Optional[str] = None,
        http_status: Optional[int] = None,
        attempts: int = 0,
        max_attempts_reached: bool = False,
        description: Optional[str] = None,
        http_headers: Optional[Dict[str, str]] = None,
        diagnosis: Optional[Diagnosis] = None,
    ) -> None:
        super().__init__(message if description is None else description)
        self.code = type(self)._default_code if code is None else code
        self.message = message
        self.request_id = request_id
        self.http_status = http_status
        self.attempts = attempts
        self.max_attempts_reached = max_attempts_reached
        self.http_headers = dict(http_headers or {})
        self.diagnosis = diagnosis

    @property
    def response(self) -> Dict[str, Any]:
        """``{"Error": {"Code", "Message"}, "ResponseMetadata": {...}}`` as in botocore."""
        metadata: Dict[str, Any] = {}
        if self.request_id is not None:
            metadata["RequestId"] = self.request_id
        if self.http_status is not None:
            metadata["HTTPStatusCode"] = self.http_status
            metadata["HTTPHeaders"] = dict(self.http_headers)
        if self.max_attempts_reached:
            metadata["MaxAttemptsReached"] = True
        metadata["RetryAttempts"] = max(self.attempts - 1, 0)
        return {"Error": {"Code": self.code, "Message": self.message}, "ResponseMetadata": metadata}

    def __reduce__(self) -> Any:
        return (type(self), self.args, self.__dict__)


class UnknownServiceError(CognitoError):
    """The service answered with an error code the service model does not declare (kept verbatim)."""

    _default_code = "UnknownServiceError"


class InvalidArgumentError(CognitoError, ValueError):
    """An argument was rejected before any I/O."""

    _default_code = "InvalidArgument"
    argument: Optional[str] = None
    """Which argument, e.g. ``"access_token"``."""


class ConfigurationError(CognitoError):
    """A setting is missing or invalid (e.g. no region and none in the access token)."""

    _default_code = "Configuration"
    setting: Optional[str] = None
    """Which setting, with its source, e.g. ``"AWS_REGION"`` or ``"endpoint_url"``."""


class NetworkError(CognitoError):
    """DNS failure, connection refused or reset."""

    _default_code = "Network"


class TimeoutError(CognitoError, builtins.TimeoutError):
    """A connect, read, attempt or operation timeout expired."""

    _default_code = "Timeout"
    phase: Optional[str] = None
    """``"connect"`` (the request was not sent), ``"read"`` or ``"attempt"`` (its outcome is
    unknown), or ``"operation"`` (the whole call's deadline expired)."""


class TlsError(CognitoError):
    """The TLS handshake failed (untrusted certificate, wrong host name, ...)."""

    _default_code = "Tls"


class ProtocolError(CognitoError):
    """The response could not be understood: not JSON, a redirect, too large, broken HTTP."""

    _default_code = "Protocol"
    body_excerpt: Optional[str] = None
    """The start of the response body (at most 256 bytes)."""


class _ModeledError(CognitoError):
    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._default_code = cls.__name__


class ResourceNotFoundException(_ModeledError):
    """The user pool or a resource it needs does not exist."""


class InvalidParameterException(_ModeledError):
    """A parameter is invalid (e.g. an attribute that cannot be verified)."""


class TooManyRequestsException(_ModeledError):
    """Request rate exceeded (sent with HTTP 400)."""


class NotAuthorizedException(_ModeledError):
    """The access token is invalid, expired or revoked, or lacks the required scope."""


class UnexpectedLambdaException(_ModeledError):
    """A Lambda trigger failed unexpectedly."""


class UserLambdaValidationException(_ModeledError):
    """A Lambda trigger rejected the request."""


class InvalidLambdaResponseException(_ModeledError):
    """A Lambda trigger returned an invalid response."""


class InvalidSmsRoleAccessPolicyException(_ModeledError):
    """The SMS role lacks permission to publish."""


class InvalidSmsRoleTrustRelationshipException(_ModeledError):
    """The SMS role does not trust Cognito."""


class InvalidEmailRoleAccessPolicyException(_ModeledError):
    """Cognito is not allowed to use the configured e-mail identity."""


class CodeDeliveryFailureException(_ModeledError):
    """The code could not be delivered."""


class LimitExceededException(_ModeledError):
    """Too many codes requested (5 per user per hour), too many verifications (15 per user per
    hour) or the daily e-mail quota; not retried."""


class PasswordResetRequiredException(_ModeledError):
    """The user must reset their password first."""


class UserNotFoundException(_ModeledError):
    """The user does not exist."""


class UserNotConfirmedException(_ModeledError):
    """The user is not confirmed."""


class InternalErrorException(_ModeledError):
    """Cognito failed internally (server fault; retried)."""


class ForbiddenException(_ModeledError):
    """AWS WAF blocked the request."""


class OperationNotEnabledException(_ModeledError):
    """The operation is not available here, e.g. in a secondary Region of a multi-Region user
    pool: call the pool's primary Region."""


class CodeMismatchException(_ModeledError):
    """The verification code is wrong (not retried: ask the user to type it again)."""


class ExpiredCodeException(_ModeledError):
    """The verification code has expired (codes are valid 24 hours): request a new one."""


class AliasExistsException(_ModeledError):
    """Another user already has this e-mail address or phone number as an alias."""


MODELED_ERRORS: Dict[str, Type[CognitoError]] = {cls.__name__: cls for cls in _ModeledError.__subclasses__()}
"""Every modeled error class, by its error code."""

_LOCAL_ERRORS: Dict[str, Type[CognitoError]] = {
    "invalid_argument": InvalidArgumentError,
    "configuration": ConfigurationError,
    "network": NetworkError,
    "timeout": TimeoutError,
    "tls": TlsError,
    "protocol": ProtocolError,
}
_DETAIL_ATTRIBUTE = {
    "invalid_argument": "argument",
    "configuration": "setting",
    "timeout": "phase",
}


def from_code(code: str) -> Type[CognitoError]:
    """The class raised for a service error code (``UnknownServiceError`` if it is not modeled)."""
    return MODELED_ERRORS.get(code, UnknownServiceError)


def _from_native(
    *,
    kind: str,
    code: str,
    message: str,
    description: str,
    request_id: Optional[str],
    http_status: Optional[int],
    attempts: int,
    detail: Optional[str],
    body_excerpt: Optional[str],
    max_attempts_reached: bool,
    http_headers: Dict[str, str],
    cause: Optional[str],
    hint: Optional[str],
) -> CognitoError:
    """Called by the compiled module to build the exception for a core error."""
    if kind in ("service", "unknown_service"):
        cls = from_code(code)
    else:
        cls = _LOCAL_ERRORS.get(kind, CognitoError)
    error = cls(
        message,
        code=code,
        request_id=request_id,
        http_status=http_status,
        attempts=attempts,
        max_attempts_reached=max_attempts_reached,
        description=description,
        http_headers=http_headers,
        diagnosis=None if cause is None or hint is None else Diagnosis(cause, hint),
    )
    attribute = _DETAIL_ATTRIBUTE.get(kind)
    if attribute is not None:
        setattr(error, attribute, detail)
    if kind == "protocol":
        error.body_excerpt = body_excerpt  # type: ignore[attr-defined]
    return error


for _cls in [Diagnosis, CognitoError, UnknownServiceError, *_LOCAL_ERRORS.values(), *MODELED_ERRORS.values()]:
    _cls.__module__ = _PUBLIC_MODULE
del _cls
