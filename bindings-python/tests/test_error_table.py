"""Every Python list of service error codes is core's one error table (``_native.SERVICE_ERROR_CODES``,
straight from ``ServiceErrorCode::ALL``), names and order: a code added to or moved in core and
not here fails these tests."""

from typing import List

import cognito_attr_code
from cognito_attr_code import _native, _service_errors, exceptions
from cognito_attr_code.client import ClientExceptions

TABLE = list(_native.SERVICE_ERROR_CODES)


def modeled(names: List[str]) -> List[str]:
    return [name for name in names if name.endswith("Exception")]


def test_the_table_reaches_python_whole() -> None:
    assert len(TABLE) == 21
    assert TABLE[-4:] == [
        "OperationNotEnabledException",
        "CodeMismatchException",
        "ExpiredCodeException",
        "AliasExistsException",
    ]


def test_exception_classes_follow_the_table() -> None:
    assert list(exceptions.MODELED_ERRORS) == TABLE
    assert _service_errors.__all__ == TABLE
    for code in TABLE:
        assert exceptions.MODELED_ERRORS[code].__name__ == code


def test_package_exports_follow_the_table() -> None:
    assert modeled(cognito_attr_code.__all__) == TABLE
    for code in TABLE:
        assert getattr(cognito_attr_code, code) is exceptions.MODELED_ERRORS[code]


def test_client_exceptions_follow_the_table() -> None:
    # The attributes come from a generated base class (scripts/generate/error_names.py).
    attributes = [
        name for cls in reversed(ClientExceptions.__mro__) for name in vars(cls) if name.endswith("Exception")
    ]
    assert attributes == TABLE
