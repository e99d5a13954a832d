"""The client: built once from settings, reused for every call, shared between threads."""

from __future__ import annotations

import functools
import os
import threading
import weakref

from . import _native
from . import exceptions as _errors
from ._service_errors import ServiceErrorClasses
from .details import CodeDeliveryDetails
from .param_validation import Member, OperationShape, _error_class, validate

# `typing` is imported by type checkers only: at run time it is most of this package's import time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor
    from types import TracebackType
    from typing import Any, Callable, Dict, Mapping, Optional, Type, TypeVar

    from typing_extensions import Unpack

    from .settings import Settings
    from .shapes import (
        GetUserAttributeVerificationCodeRequestTypeDef,
        GetUserAttributeVerificationCodeResponseTypeDef,
        VerifyUserAttributeRequestTypeDef,
        VerifyUserAttributeResponseTypeDef,
    )

    _T = TypeVar("_T")

__all__ = ["Client", "ClientExceptions"]

# Threads that run async calls (each blocks in native code without the GIL while it waits on the
# network); created on demand, so a client that never awaits starts none.
_ASYNC_WORKERS = 64


class ClientExceptions(ServiceErrorClasses):
    """``client.exceptions``, as in boto3: every modeled error class by its code, plus
    ``ClientError`` (the base class) and :meth:`from_code`."""

    ClientError = _errors.CognitoError

    def from_code(self, code: str) -> Type[_errors.CognitoError]:
        """The class raised for ``code`` (``ClientError`` itself if it is not modeled, as in boto3)."""
        return _errors.MODELED_ERRORS.get(code, _errors.CognitoError)


ClientExceptions.__module__ = "cognito_attr_code"

#: The input shapes of the boto3-compatible methods (botocore's service model).
_SHAPES: Dict[str, OperationShape] = {
    "GetUserAttributeVerificationCode": OperationShape(
        members={
            "AccessToken": Member(str, sensitive=True),
            "AttributeName": Member(str, min_length=1),
            "ClientMetadata": Member(dict),
        },
        required=("AccessToken", "AttributeName"),
    ),
    "VerifyUserAttribute": OperationShape(
        members={
            "AccessToken": Member(str, sensitive=True),
            "AttributeName": Member(str, min_length=1),
            "Code": Member(str, min_length=1, sensitive=True),
        },
        required=("AccessToken", "AttributeName", "Code"),
    ),
}

#: The native call of each boto3-compatible method, from its validated parameters.
_NATIVE_CALLS: Dict[str, Callable[[_native.Client, Dict[str, Any]], Any]] = {
    "GetUserAttributeVerificationCode": lambda native, params: native.get_attr_code(
        params["AccessToken"], params["AttributeName"], params.get("ClientMetadata")
    ),
    "VerifyUserAttribute": lambda native, params: _verify(
        native, params["AccessToken"], params["AttributeName"], params["Code"]
    ),
}


def _pascal_case(argument: str) -> str:
    """The boto3 parameter of a core argument: ``attribute_name`` -> ``AttributeName``."""
    name, _, rest = argument.partition(" ")
    return "".join(part.capitalize() for part in name.split("_")) + (f" {rest}" if rest else "")


def _as_param_validation_error(error: _errors.InvalidArgumentError) -> BaseException:
    """A core check (length, characters) of a boto3-compatible method's parameter, reported as
    botocore reports parameter validation failures."""
    argument = error.argument or ""
    prefix = f"{argument}: "
    why = error.message[len(prefix) :] if error.message.startswith(prefix) else error.message
    converted = _error_class()(report=f"Invalid value for parameter {_pascal_case(argument)}: {why}")
    converted.argument = _pascal_case(argument)
    converted.diagnosis = error.diagnosis
    return converted


def _details(
    response: GetUserAttributeVerificationCodeResponseTypeDef,
) -> Optional[CodeDeliveryDetails]:
    shaped = response.get("CodeDeliveryDetails")
    return None if shaped is None else CodeDeliveryDetails.from_dict(shaped)


def _verify(
    native: _native.Client,
    access_token: str,
    attribute_name: str,
    code: str,
    cancellation: Optional[_native.Cancellation] = None,
) -> VerifyUserAttributeResponseTypeDef:
    """The native call; its errors name the operation as botocore's ``operation_name`` does."""
    try:
        return native.verify_attr(access_token, attribute_name, code, cancellation)
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
        self._native: Optional[_native.Client] = _native.Client(settings, "Client")
        self._executor: "Optional[ThreadPoolExecutor]" = None
        self._lock = threading.Lock()
        _CLIENTS.add(self)

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
        the event loop. Cancelling the task raises ``CancelledError`` at once and starts no
        further attempt (an attempt already on the wire completes in the background, unseen)."""
        native = self._client()
        response = await self._cancellable(native.get_attr_code, access_token, attribute_name, client_metadata)
        return _details(response)

    def verify_attr(self, access_token: str, attribute_name: str, code: str) -> None:
        """Submits the verification ``code`` the user received for ``attribute_name``; on return
        the attribute is verified. A wrong code raises :class:`CodeMismatchException`, an expired
        one :class:`ExpiredCodeException` (neither is retried). The code is never logged or put in
        an exception. The GIL is released while waiting."""
        _verify(self._client(), access_token, attribute_name, code)

    async def verify_attr_async(self, access_token: str, attribute_name: str, code: str) -> None:
        """:meth:`verify_attr` for asyncio, cancellable as :meth:`get_attr_code_async`."""
        await self._cancellable(functools.partial(_verify, self._client()), access_token, attribute_name, code)

    def verify_user_attribute(
        self, **params: "Unpack[VerifyUserAttributeRequestTypeDef]"
    ) -> VerifyUserAttributeResponseTypeDef:
        """boto3's ``client.verify_user_attribute(...)``: same arguments, same response dict
        (``{"ResponseMetadata": ...}``), errors with boto3's ``e.response``; invalid parameters
        raise ``ParamValidationError`` as :meth:`get_user_attribute_verification_code` does."""
        response: VerifyUserAttributeResponseTypeDef = self._call_boto3_style("VerifyUserAttribute", dict(params))
        return response

    def get_user_attribute_verification_code(
        self, **params: "Unpack[GetUserAttributeVerificationCodeRequestTypeDef]"
    ) -> GetUserAttributeVerificationCodeResponseTypeDef:
        """boto3's ``client.get_user_attribute_verification_code(...)``: same arguments, same
        response dict, errors with boto3's ``e.response``; invalid parameters raise
        ``ParamValidationError`` (botocore's, when botocore is installed) with its report."""
        response: GetUserAttributeVerificationCodeResponseTypeDef = self._call_boto3_style(
            "GetUserAttributeVerificationCode", dict(params)
        )
        return response

    def _call_boto3_style(self, operation: str, params: Dict[str, Any]) -> Any:
        validate(_SHAPES[operation], params)
        native = self._client()
        try:
            return _NATIVE_CALLS[operation](native, params)
        except _errors.InvalidArgumentError as error:
            raise _as_param_validation_error(error) from None

    async def _cancellable(self, call: Callable[..., _T], *args: Any) -> _T:
        """Runs the native ``call(*args, cancellation)`` on a worker thread. Cancelling the
        awaiting task raises ``CancelledError`` at once and sets the cancellation flag, so the
        call starts no further attempt (an attempt on the wire completes unseen)."""
        import asyncio

        cancellation = _native.Cancellation()
        loop = asyncio.get_running_loop()
        pending = loop.run_in_executor(self._async_executor(), functools.partial(call, *args, cancellation))
        try:
            return await pending
        except asyncio.CancelledError:
            cancellation.cancel()
            raise

    def _async_executor(self) -> "ThreadPoolExecutor":
        with self._lock:
            if self._executor is None:
                from concurrent.futures import ThreadPoolExecutor

                self._executor = ThreadPoolExecutor(max_workers=_ASYNC_WORKERS, thread_name_prefix="cognito_attr_code")
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

#: Every open client, for the fork handler below.
_CLIENTS: "weakref.WeakSet[Client]" = weakref.WeakSet()


def _after_fork_in_child() -> None:
    """A forked child inherits each client's async worker pool without its threads (the pool
    would queue work for a worker that no longer exists) and may inherit its lock held by a
    thread that no longer exists: each child starts both afresh. The native client needs
    nothing here: the core forgets inherited connections itself."""
    for client in list(_CLIENTS):
        client._lock = threading.Lock()
        client._executor = None


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def one_shot_client(caller: str, settings: "Settings") -> _native.Client:
    """The client of every one-shot function: the library's process-wide client for these
    settings (one per resolved configuration, a few at most), so that consecutive one-shot calls
    reuse its connections instead of opening one each. ``caller``: the function the user called,
    named in a ``TypeError`` for a misspelt setting."""
    return _native.Client(settings, caller, shared=True)
