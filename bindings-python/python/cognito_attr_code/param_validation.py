"""botocore's parameter validation for the boto3-compatible methods: the same checks (missing,
unknown, wrong type, too short) with the same report, raised as ``ParamValidationError``.

``ParamValidationError`` is an :class:`~cognito_attr_code.InvalidArgumentError` and, when
botocore is installed, also a ``botocore.exceptions.ParamValidationError``, so
``except botocore.exceptions.ParamValidationError`` keeps working after switching from boto3.
The class is built on first use: importing botocore (about 20 ms) is paid only by a program
that meets or names the error, never by one that does not.
"""

from __future__ import annotations

import importlib

# `typing` is imported by type checkers only: at run time it is most of this package's import time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Dict, List, Mapping, Optional, Tuple, Type

from .exceptions import InvalidArgumentError

__all__ = ["ParamValidationError", "Member", "OperationShape", "validate"]


class Member:
    """One input member of an operation, as the service model declares it."""

    __slots__ = ("type", "min_length", "sensitive")

    def __init__(self, type: type, min_length: Optional[int] = None, sensitive: bool = False) -> None:
        #: ``str`` or ``dict`` (a map of str to str).
        self.type = type
        self.min_length = min_length
        #: The value is never quoted in a report (botocore quotes values; a token must not be).
        self.sensitive = sensitive


class OperationShape:
    """The input shape of one operation: its members in model order, and the required ones."""

    __slots__ = ("members", "required")

    def __init__(self, members: Mapping[str, Member], required: Tuple[str, ...]) -> None:
        self.members = members
        self.required = required


if TYPE_CHECKING:

    class ParamValidationError(InvalidArgumentError):
        report: str
        kwargs: Dict[str, Any]

        def __init__(self, *, report: str) -> None: ...


_class: Optional[Type[ParamValidationError]] = None


def _error_class() -> Type[ParamValidationError]:
    global _class
    if _class is None:
        bases: Tuple[type, ...] = (InvalidArgumentError,)
        try:
            botocore_exceptions = importlib.import_module("botocore.exceptions")
            bases += (botocore_exceptions.ParamValidationError,)
        except ImportError:
            pass

        def __init__(self: Any, *, report: str) -> None:
            InvalidArgumentError.__init__(self, f"Parameter validation failed:\n{report}")
            self.report = report
            self.kwargs = {"report": report}

        def __reduce__(self: Any) -> Any:
            return (_rebuild, (self.report,))

        _class = type(
            "ParamValidationError",
            bases,
            {
                "__init__": __init__,
                "__reduce__": __reduce__,
                "__module__": "cognito_attr_code",
                "__doc__": "A boto3-compatible method's parameters failed validation "
                "(botocore's ``ParamValidationError``; ``e.report`` lists every failure).",
            },
        )
    return _class


def _rebuild(report: str) -> "ParamValidationError":
    return _error_class()(report=report)


def __getattr__(name: str) -> Any:
    if name == "ParamValidationError":
        return _error_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _shown(member: Member, value: Any) -> str:
    return "***" if member.sensitive else repr(value)


def _check(name: str, member: Member, value: Any) -> List[str]:
    if not isinstance(value, member.type):
        return [
            f"Invalid type for parameter {name}, value: {_shown(member, value)}, "
            f"type: {type(value)}, valid types: {member.type}"
        ]
    checked: Any = value
    if member.type is dict:
        return [
            f"Invalid type for parameter {name}.{key}, value: {entry!r}, type: {type(entry)}, valid types: {str}"
            for key, entry in checked.items()
            if not isinstance(entry, str)
        ]
    if member.min_length is not None and len(checked) < member.min_length:
        return [f"Invalid length for parameter {name}, value: {len(checked)}, valid min length: {member.min_length}"]
    return []


def validate(shape: OperationShape, params: Mapping[str, Any]) -> None:
    """Raises ``ParamValidationError`` listing every failure of ``params``, in botocore's order
    and wording; values of sensitive members are shown as ``***``."""
    report = [f'Missing required parameter in input: "{name}"' for name in shape.required if name not in params]
    known = ", ".join(shape.members)
    report += [
        f'Unknown parameter in input: "{name}", must be one of: {known}' for name in params if name not in shape.members
    ]
    for name, value in params.items():
        member = shape.members.get(name)
        if member is not None:
            report.extend(_check(name, member, value))
    if report:
        raise _error_class()(report="\n".join(report))
