"""The client: built once from settings, reused for every call, shared between threads."""

import threading
from types import TracebackType
from typing import TYPE_CHECKING, Any, Callable, Mapping, Optional, Type, TypeVar

from . import _native
from . import exceptions as _errors
from .details import CodeDeliveryDetails
from .shapes import GetUserAttributeVerificationCodeResponseTypeDef, VerifyUserAttributeResponseTypeDef

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

    from typing_extensions import Unpack

    from .settings import Settings

__all__ = ["Client", "ClientExceptions"]

_Result = TypeVar("_Result")

# Threads that run async calls (each blocks in native code without the GIL while it waits on the
# network); created on demand, so a client that never awaits starts none.
_ASYNC_WORKERS = 64


class ClientExceptions:
    """``client.exceptions``, as in boto3: every modeled error class by its code, plus
    ``ClientError`` (the base class) and :meth:`from_code`."""

    ClientError = _errors.CognitoError
    ResourceNotFoundException = _errors.ResourceNotFoundException
    InvalidParameterException = _errors.InvalidParameterException
    TooManyRequestsException = _errors.TooManyRequestsException
    NotAuthorizedException = _errors.NotAuthorizedException
    UnexpectedLambdaException = _errors.UnexpectedLambdaException
    UserLambdaValidationException = _errors.UserLambdaValidationException
    InvalidLambdaResponseException = _errors.InvalidLambdaResponseException
    InvalidSmsRoleAccessPolicyException = _errors.InvalidSmsRoleAccessPolicyException
    InvalidSmsRoleTrustRelationshipException = _errors.InvalidSmsRoleTrustRelationshipException
    InvalidEmailRoleAccessPolicyException = _errors.InvalidEmailRoleAccessPolicyException
    CodeDeliveryFailureException = _errors.CodeDeliveryFailureException
    LimitExceededException = _errors.LimitExceededException
    PasswordResetRequiredException = _errors.PasswordResetRequiredException
    UserNotFoundException = _errors.UserNotFoundException
    UserNotConfirmedException = _errors.UserNotConfirmedException
    InternalErrorException = _errors.InternalErrorException
    ForbiddenException = _errors.ForbiddenException
    OperationNotEnabledException = _errors.OperationNotEnabledException
    CodeMismatchException = _errors.CodeMismatchException
    ExpiredCodeException = _errors.ExpiredCodeException
    AliasExistsException = _errors.AliasExistsException

    def from_code(self, code: str) -> Type[_errors.CognitoError]:
        """The class raised for ``code`` (``ClientError`` itself if it is not modeled, as in boto3)."""
        return _errors.MODELED_ERRORS.get(code, _errors.CognitoError)


ClientExceptions.__module__ = "cognito_attr_code"


def _details(
    response: GetUserAttributeVerificationCodeResponseTypeDef,
) -> Optional[CodeDeliveryDetails]:
    shaped = response.get("CodeDeliveryDetails")
    return None if shaped is None else CodeDeliveryDetails.from_dict(shaped)


def _verify(
    native: _native.Client, access_token: str, attribute_name: str, code: str
) -> VerifyUserAttributeResponseTypeDef:
    """The native call; its errors name the operation as botocore's ``operation_name`` does."""
    try:
        return native.verify_attr(access_token, attribute_name, code)
    except _errors.CognitoError as error:
        error.operation_name = "VerifyUserAttribute"
        raise


class Client:
    """Sends ``GetUserAttributeVerificationCode`` and ``VerifyUserAttribute`` requests.

    One client owns a connection pool and a retry quota; share it between threads and tasks.
    Settings are keyword arguments (see :class:`cognito_attr_code.Settings`); an unknown one is a
    ``TypeError``, an invalid value a :class:`~cognito_attr_code.ConfigurationError`.
    """

    exceptions = ClientExceptions()

    def __init__(self, **settings: "Unpack[Settings]") -> None:
        self._native: Optional[_native.Client] = _native.Client(**settings)
        self._executor: "Optional[ThreadPoolExecutor]" = None
        self._lock = threading.Lock()

    def _client(self) -> _native.Client:
        native = self._native
        if native is None:
            raise RuntimeError("this cognito_attr_code.Client is closed")
        return native

    @property
    def endpoint_url(self) -> str:
        """The URL requests go to. :class:`~cognito_attr_code.ConfigurationError` when it is not
        fixed (no region is set: each call uses the region of its access token's issuer)."""
        return self._client().endpoint_url

    @property
    def user_agent(self) -> str:
        """The ``User-Agent`` sent with every request."""
        return self._client().user_agent

    def get_attr_code(
        self,
        access_token: str,
        attribute_name: str,
        client_metadata: Optional[Mapping[str, str]] = None,
    ) -> Optional[CodeDeliveryDetails]:
        """Asks Cognito to send a verification code for ``attribute_name`` (``"email"`` or
        ``"phone_number"``) of the user ``access_token`` belongs to. Returns where the code went,
        or ``None`` if the service did not say. The GIL is released while waiting."""
        return _details(self._client().get_attr_code(access_token, attribute_name, client_metadata))

    async def get_attr_code_async(
        self,
        access_token: str,
        attribute_name: str,
        client_metadata: Optional[Mapping[str, str]] = None,
    ) -> Optional[CodeDeliveryDetails]:
        """:meth:`get_attr_code` for asyncio: the call runs on a worker thread, never blocking
        the event loop. Cancelling the task does not stop a request already sent."""
        native = self._client()
        response = await self._in_worker(native.get_attr_code, access_token, attribute_name, client_metadata)
        return _details(response)

    def verify_attr(self, access_token: str, attribute_name: str, code: str) -> None:
        """Submits the verification ``code`` the user received for ``attribute_name``; on return
        the attribute is verified. A wrong code raises :class:`CodeMismatchException`, an expired
        one :class:`ExpiredCodeException` (neither is retried). The code is never logged or put in
        an exception. The GIL is released while waiting."""
        _verify(self._client(), access_token, attribute_name, code)

    async def verify_attr_async(self, access_token: str, attribute_name: str, code: str) -> None:
        """:meth:`verify_attr` for asyncio: the call runs on a worker thread, never blocking the
        event loop."""
        await self._in_worker(_verify, self._client(), access_token, attribute_name, code)

    def verify_user_attribute(
        self,
        *,
        AccessToken: str,
        AttributeName: str,
        Code: str,
    ) -> VerifyUserAttributeResponseTypeDef:
        """boto3's ``client.verify_user_attribute(...)``: same arguments, same response dict
        (``{"ResponseMetadata": ...}``), errors with boto3's ``e.response``."""
        return _verify(self._client(), AccessToken, AttributeName, Code)

    async def _in_worker(self, call: Callable[..., _Result], *args: Any) -> _Result:
        """Runs ``call(*args)`` on an async worker thread. Cancelling the awaiting task does not
        stop a request already sent."""
        import asyncio

        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._async_executor(), call, *args)

    def get_user_attribute_verification_code(
        self,
        *,
        AccessToken: str,
        AttributeName: str,
        ClientMetadata: Optional[Mapping[str, str]] = None,
    ) -> GetUserAttributeVerificationCodeResponseTypeDef:
        """boto3's ``client.get_user_attribute_verification_code(...)``: same arguments, same
        response dict, errors with boto3's ``e.response``."""
        return self._client().get_attr_code(AccessToken, AttributeName, ClientMetadata)

    def _async_executor(self) -> "ThreadPoolExecutor":
        with self._lock:
            if self._executor is None:
                from concurrent.futures import ThreadPoolExecutor

                self._executor = ThreadPoolExecutor(
                    max_workers=_ASYNC_WORKERS, thread_name_prefix="cognito_attr_code"
                )
            return self._executor

    def close(self) -> None:
        """Releases the connection pool and the async worker threads. Calls in progress finish;
        later calls raise ``RuntimeError``. Closing twice is harmless."""
        with self._lock:
            self._native = None
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False)

    def __enter__(self) -> "Client":
        return self

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        native = self._native
        if native is None:
            return "<cognito_attr_code.Client closed>"
        try:
            return f"<cognito_attr_code.Client endpoint_url={native.endpoint_url!r}>"
        except _errors.ConfigurationError:
            return "<cognito_attr_code.Client endpoint_url=(from the access token's region)>"

    def __getstate__(self) -> Any:
        raise TypeError("a cognito_attr_code.Client cannot be pickled; create one per process")


Client.__module__ = "cognito_attr_code"


def one_shot_client(**settings: "Unpack[Settings]") -> _native.Client:
    """The client of every one-shot function: the library's process-wide client for these
    settings (one per resolved configuration, a few at most), so that consecutive one-shot calls
    reuse its connections instead of opening one each."""
    return _native.Client(shared=True, **settings)
