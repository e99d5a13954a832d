"""``FakeCognito``: the Rust Cognito fake, served on 127.0.0.1 from this process."""

import json
import re
from typing import Any, Dict, List, Mapping, Optional

from .. import _native
from .records import FakeArgumentError, FakeCognitoError, FakeUser, ReceivedRequest, SentCode, UnknownUserError

__all__ = ["FakeCognito"]

# The fake names its JSON fields in messages; these are the Python keywords that differ.
_KEYWORDS = {"delay_seconds": "delay"}


class FakeCognito:
    """Cognito's ``GetUserAttributeVerificationCode`` and ``VerifyUserAttribute`` on 127.0.0.1,
    with Cognito's messages and limits, a clock of its own and injected faults. A
    :class:`cognito_attr_code.Client` given ``endpoint_url=fake.endpoint_url`` needs no other
    setting.

    Use it as a context manager (``with FakeCognito() as fake:``), or call :meth:`start` and
    :meth:`stop`."""

    def __init__(
        self,
        *,
        region: str = "us-east-1",
        user_pool_id: Optional[str] = None,
        port: int = 0,
        seed: int = 0,
        daily_email_quota: Optional[int] = None,
    ) -> None:
        _check_type("region", region, str)
        _check_optional("user_pool_id", user_pool_id, str)
        _check_whole("port", port, 0xFFFF)
        _check_whole("seed", seed, 2**64 - 1)
        if daily_email_quota is not None:
            _check_whole("daily_email_quota", daily_email_quota, 2**32 - 1)
        self._options: Dict[str, Any] = {
            "region": region,
            "user_pool_id": user_pool_id,
            "port": port,
            "seed": seed,
            "daily_email_quota": daily_email_quota,
        }
        self._native: Optional[_native.FakeCognito] = None

    def start(self) -> "FakeCognito":
        """Starts serving; returns ``self``. A stopped fake can be started again (with a new
        port unless ``port`` was given, and no users)."""
        if self._native is not None and self._native.running:
            raise FakeCognitoError("the fake is already running")
        try:
            self._native = _native.FakeCognito(**self._options)
        except _native.FakeControlError as error:
            raise _convert(error, self._options) from None
        return self

    def stop(self) -> None:
        """Stops serving and waits for the server's threads (without holding the GIL). Calling
        it twice is harmless."""
        if self._native is not None:
            self._native.stop()

    def __enter__(self) -> "FakeCognito":
        if self._native is None or not self._native.running:
            self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        if self._native is None or not self._native.running:
            return "<cognito_attr_code.testing.FakeCognito stopped>"
        native = self._native
        return f"<cognito_attr_code.testing.FakeCognito endpoint_url={native.endpoint_url!r} region={native.region!r}>"

    @property
    def endpoint_url(self) -> str:
        """``http://127.0.0.1:PORT``: give it to the client as ``endpoint_url``."""
        return self._running().endpoint_url

    @property
    def region(self) -> str:
        return self._running().region

    @property
    def port(self) -> int:
        return self._running().port

    def add_user(
        self,
        username: str,
        *,
        email: Optional[str] = None,
        phone_number: Optional[str] = None,
        email_verified: bool = False,
        phone_number_verified: bool = False,
        attributes: Optional[Mapping[str, str]] = None,
    ) -> str:
        """Adds a user; returns an access token for it (JWT-shaped, with Cognito's claims)."""
        _check_type("username", username, str)
        _check_optional("email", email, str)
        _check_optional("phone_number", phone_number, str)
        _check_type("email_verified", email_verified, bool)
        _check_type("phone_number_verified", phone_number_verified, bool)
        args: Dict[str, Any] = {
            "username": username,
            "email_verified": email_verified,
            "phone_number_verified": phone_number_verified,
        }
        if email is not None:
            args["email"] = email
        if phone_number is not None:
            args["phone_number"] = phone_number
        if attributes is not None:
            if not isinstance(attributes, Mapping) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in attributes.items()
            ):
                raise FakeArgumentError("attributes: expected a mapping of str to str", "attributes")
            args["attributes"] = dict(attributes)
        return str(self._control("add_user", args)["access_token"])

    def mint_token(
        self, username: str, *, token_use: str = "access", admin_scope: bool = True, expired: bool = False
    ) -> str:
        """Another token for ``username``: an ID token (``token_use="id"``), one without the
        ``aws.cognito.signin.user.admin`` scope, or one that has expired."""
        _check_type("username", username, str)
        if token_use not in ("access", "id"):
            raise FakeArgumentError(f"token_use: expected 'access' or 'id', got {token_use!r}", "token_use")
        _check_type("admin_scope", admin_scope, bool)
        _check_type("expired", expired, bool)
        args = {"username": username, "token_use": token_use, "admin_scope": admin_scope, "expired": expired}
        return str(self._control("mint_token", args)["token"])

    def revoke_tokens(self, username: str) -> None:
        """Revokes every token minted so far for ``username`` (as ``GlobalSignOut`` does)."""
        _check_type("username", username, str)
        self._control("revoke_tokens", {"username": username})

    def codes(self, username: str) -> List[SentCode]:
        """Every code sent to ``username``, oldest first."""
        _check_type("username", username, str)
        return [
            SentCode(
                attribute=c["attribute"],
                code=c["code"],
                destination=c["destination"],
                delivery_medium=c["delivery_medium"],
                sent_at=float(c["sent_at"]),
            )
            for c in self._control("codes", {"username": username})["codes"]
        ]

    def last_code(self, username: str, attribute: str) -> Optional[str]:
        """The newest code sent for ``attribute`` of ``username``, or ``None``."""
        _check_type("username", username, str)
        _check_type("attribute", attribute, str)
        code = self._control("last_code", {"username": username, "attribute": attribute})["code"]
        return None if code is None else str(code)

    def user(self, username: str) -> FakeUser:
        _check_type("username", username, str)
        u = self._control("user", {"username": username})
        return FakeUser(
            username=u["username"],
            attributes=dict(u["attributes"]),
            email_verified=bool(u["email_verified"]),
            phone_number_verified=bool(u["phone_number_verified"]),
        )

    def advance(self, seconds: float = 0, *, minutes: float = 0, hours: float = 0) -> float:
        """Moves the fake's clock forward (codes expire after 24 hours; the per-user limits count
        per hour); returns the fake's time now, in seconds."""
        for name, value in (("seconds", seconds), ("minutes", minutes), ("hours", hours)):
            _check_duration(name, value)
        total = seconds + 60 * minutes + 3600 * hours
        return float(self._control("advance", {"seconds": total})["now"])

    def fail_next(
        self,
        operation: Optional[str] = None,
        *,
        error: Optional[str] = None,
        message: Optional[str] = None,
        status: Optional[int] = None,
        delay: Optional[float] = None,
        reset: bool = False,
        count: int = 1,
    ) -> None:
        """The next ``count`` requests (of ``operation``, or of any operation) fail: with the
        modeled ``error`` (its real message unless ``message`` is given, HTTP ``status`` 400
        unless given), with ``status`` alone, after ``delay`` seconds, or with the connection
        reset."""
        _check_optional("operation", operation, str)
        _check_optional("error", error, str)
        _check_optional("message", message, str)
        _check_optional("status", status, int)
        if delay is not None:
            _check_duration("delay", delay)
        _check_type("reset", reset, bool)
        _check_whole("count", count)
        args: Dict[str, Any] = {"reset": reset, "count": count}
        for name, value in (("operation", operation), ("error", error), ("message", message), ("status", status)):
            if value is not None:
                args[name] = value
        if delay is not None:
            args["delay_seconds"] = delay
        self._control("fail_next", args)

    @property
    def requests(self) -> List[ReceivedRequest]:
        """What the fake received, oldest first (never a token or a code)."""
        return [
            ReceivedRequest(
                operation=r["operation"], username=r.get("username"), attribute=r.get("attribute"), outcome=r["outcome"]
            )
            for r in self._control("requests", {})["requests"]
        ]

    def _running(self) -> _native.FakeCognito:
        if self._native is None or not self._native.running:
            raise FakeCognitoError("the fake is not running: use it in a with block or call start()")
        return self._native

    def _control(self, action: str, args: Dict[str, Any]) -> Dict[str, Any]:
        try:
            result: Dict[str, Any] = json.loads(self._running().control(action, json.dumps(args)))
        except _native.FakeControlError as error:
            raise _convert(error, args) from None
        return result


def _convert(error: "_native.FakeControlError", args: Mapping[str, Any]) -> FakeCognitoError:
    kind, message = error.args
    for field, keyword in _KEYWORDS.items():
        message = re.sub(rf"\b{field}\b", keyword, message)
    if kind == "UnknownUser":
        return UnknownUserError(message, str(args.get("username", "")))
    if kind == "InvalidArgument":
        keywords = [_KEYWORDS.get(name, name) for name in args]
        named = [k for k in keywords if re.search(rf"\b{k}\b", message)]
        return FakeArgumentError(message, named[0] if named else None)
    return FakeCognitoError(message)


def _check_type(name: str, value: object, expected: type) -> None:
    # bool is an int: a number where a flag is wanted (and the reverse) is refused.
    if not isinstance(value, expected) or (expected is not bool and isinstance(value, bool)):
        raise FakeArgumentError(f"{name}: expected {expected.__name__}, got {type(value).__name__}", name)


def _check_optional(name: str, value: object, expected: type) -> None:
    if value is not None:
        _check_type(name, value, expected)


def _check_whole(name: str, value: object, most: int = 2**32 - 1) -> None:
    _check_type(name, value, int)
    assert isinstance(value, int)
    if not 0 <= value <= most:
        raise FakeArgumentError(f"{name}: must be from 0 to {most}, got {value}", name)


def _check_duration(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FakeArgumentError(f"{name}: expected a number of seconds, got {type(value).__name__}", name)
    if not value >= 0:
        raise FakeArgumentError(f"{name}: must be a number not below 0, got {value}", name)
