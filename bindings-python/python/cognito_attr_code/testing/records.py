"""What the fake reports: the codes it "sent", a user's state, the requests it received; and the
exceptions its control methods raise."""

from dataclasses import dataclass, field
from typing import Mapping, Optional

__all__ = ["SentCode", "FakeUser", "ReceivedRequest", "FakeCognitoError", "FakeArgumentError", "UnknownUserError"]


@dataclass(frozen=True)
class SentCode:
    """One verification code the fake "delivered". ``code`` stays out of ``repr``."""

    attribute: str
    code: str = field(repr=False)
    destination: str
    """Masked as Cognito reports it (``j***@e***``)."""
    delivery_medium: str
    """``"EMAIL"`` or ``"SMS"``."""
    sent_at: float
    """On the fake's clock, in seconds (see :meth:`FakeCognito.advance`)."""


@dataclass(frozen=True)
class FakeUser:
    """A user's attributes and verification flags as the fake holds them now."""

    username: str
    attributes: Mapping[str, str]
    email_verified: bool
    phone_number_verified: bool


@dataclass(frozen=True)
class ReceivedRequest:
    """One request the fake received: never its token or code."""

    operation: str
    username: Optional[str]
    attribute: Optional[str]
    outcome: str
    """``"ok"``, the error code the fake answered with, ``"status N"`` (an injected status
    alone) or ``"reset"``."""


class FakeCognitoError(Exception):
    """Base class of the errors of the fake's own methods (not of the client's calls)."""


class FakeArgumentError(FakeCognitoError, ValueError):
    """An argument the fake refused; ``argument`` is its keyword."""

    def __init__(self, message: str, argument: Optional[str] = None) -> None:
        super().__init__(message)
        self.argument = argument


class UnknownUserError(FakeCognitoError, KeyError):
    """No user of that name was added to the fake."""

    def __init__(self, message: str, username: str) -> None:
        super().__init__(message)
        self.username = username

    def __str__(self) -> str:
        # KeyError's own __str__ shows the repr of its argument.
        return str(self.args[0])


for _cls in (SentCode, FakeUser, ReceivedRequest, FakeCognitoError, FakeArgumentError, UnknownUserError):
    _cls.__module__ = "cognito_attr_code.testing"
