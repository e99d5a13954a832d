"""The C shared library (through ctypes, exactly as a C program links it) against cognito-local."""

from __future__ import annotations

import ctypes
import time

import pytest

from conftest import EXPECTED_NO_AUTO_VERIFY, IDLE_CLOSE_GAP, artifact, unknown_client_token

OK, TLS, INVALID_PARAMETER, RESOURCE_NOT_FOUND, CODE_MISMATCH = 0, 5, 102, 101, 119


class Details(ctypes.Structure):
    _fields_ = [
        ("destination", ctypes.c_void_p),
        ("delivery_medium", ctypes.c_void_p),
        ("attribute_name", ctypes.c_void_p),
    ]


class Error(ctypes.Structure):
    _fields_ = [
        ("status", ctypes.c_uint32),
        ("code", ctypes.c_void_p),
        ("message", ctypes.c_void_p),
        ("request_id", ctypes.c_void_p),
        ("http_status", ctypes.c_uint16),
        # Since 0.2.0 (a layout change): cognito_error_free zeroes these too.
        ("cause", ctypes.c_void_p),
        ("hint", ctypes.c_void_p),
    ]


class Entry(ctypes.Structure):
    _fields_ = [("key", ctypes.c_char_p), ("value", ctypes.c_char_p)]


def text(pointer):
    return None if pointer is None else ctypes.string_at(pointer).decode()


@pytest.fixture(scope="module")
def lib():
    library = ctypes.CDLL(str(artifact("COGNITO_E2E_LIB")))
    library.cognito_config_new.restype = ctypes.c_void_p
    for name in ("cognito_config_set_endpoint_url", "cognito_config_set_ca_bundle", "cognito_config_set_region"):
        getattr(library, name).argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(Error)]
    library.cognito_config_set_max_attempts.argtypes = [ctypes.c_void_p, ctypes.c_uint32, ctypes.POINTER(Error)]
    library.cognito_config_free.argtypes = [ctypes.c_void_p]
    library.cognito_client_new.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p), ctypes.POINTER(Error)]
    library.cognito_client_free.argtypes = [ctypes.c_void_p]
    library.cognito_client_get_attr_code.argtypes = [
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.c_char_p,
        ctypes.POINTER(Entry),
        ctypes.c_size_t,
        ctypes.POINTER(Details),
        ctypes.POINTER(Error),
    ]
    library.cognito_client_verify_attr.argtypes = [
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.c_char_p,
        ctypes.c_char_p,
        ctypes.POINTER(Error),
    ]
    library.cognito_code_delivery_details_free.argtypes = [ctypes.POINTER(Details)]
    library.cognito_error_free.argtypes = [ctypes.POINTER(Error)]
    return library


class Client:
    def __init__(self, lib, endpoint, ca_bundle=None):
        self.lib = lib
        config = lib.cognito_config_new()
        assert lib.cognito_config_set_endpoint_url(config, endpoint.encode(), None) == OK
        assert lib.cognito_config_set_region(config, b"us-east-1", None) == OK
        assert lib.cognito_config_set_max_attempts(config, 1, None) == OK
        if ca_bundle:
            assert lib.cognito_config_set_ca_bundle(config, ca_bundle.encode(), None) == OK
        self.handle = ctypes.c_void_p()
        error = Error()
        status = lib.cognito_client_new(config, ctypes.byref(self.handle), ctypes.byref(error))
        lib.cognito_config_free(config)
        assert status == OK, text(error.message)

    def call(self, token, attribute="email", metadata=None):
        entries = (Entry * len(metadata or {}))(*[Entry(k.encode(), v.encode()) for k, v in (metadata or {}).items()])
        details, error = Details(), Error()
        status = self.lib.cognito_client_get_attr_code(
            self.handle,
            token.encode(),
            attribute.encode(),
            entries,
            len(metadata or {}),
            ctypes.byref(details),
            ctypes.byref(error),
        )
        result = (
            status,
            [text(details.destination), text(details.delivery_medium), text(details.attribute_name)],
            text(error.code),
            text(error.message),
        )
        self.lib.cognito_code_delivery_details_free(ctypes.byref(details))
        self.lib.cognito_error_free(ctypes.byref(error))
        return result

    def verify(self, token, code, attribute="email"):
        error = Error()
        status = self.lib.cognito_client_verify_attr(
            self.handle, token.encode(), attribute.encode(), code.encode(), ctypes.byref(error)
        )
        result = (status, text(error.code), text(error.cause))
        self.lib.cognito_error_free(ctypes.byref(error))
        return result

    def close(self):
        self.lib.cognito_client_free(self.handle)


def test_real_token_issues_a_new_code(lib, emulator):
    client = Client(lib, emulator.endpoint)
    before = emulator.issued_code()
    status, details, _, message = client.call(emulator.access_token)
    assert status == OK, message
    assert details == [None, None, None]  # cognito-local answers {}
    first = emulator.issued_code()
    assert first is not None and first != before
    status, *_ = client.call(emulator.access_token, metadata={"source": "e2e", "lang": "fr"})
    assert status == OK
    assert emulator.issued_code() != first
    client.close()


def test_service_errors_are_typed(lib, emulator):
    client = Client(lib, emulator.endpoint)
    assert client.call("abc.def.ghi")[:3:2] == (INVALID_PARAMETER, "InvalidParameterException")
    status, _, code, message = client.call(unknown_client_token(emulator.access_token))
    assert (status, code) == (RESOURCE_NOT_FOUND, "ResourceNotFoundException"), message
    status, _, code, message = client.call(emulator.plain_pool_token)
    assert (status, code, message) == (INVALID_PARAMETER, "InvalidParameterException", EXPECTED_NO_AUTO_VERIFY)
    client.close()


def test_https_with_and_without_the_ca_bundle(lib, tls_emulator):
    trusted = Client(lib, tls_emulator.endpoint, ca_bundle=tls_emulator.ca_bundle)
    assert trusted.call(tls_emulator.access_token)[0] == OK
    trusted.close()
    untrusted = Client(lib, tls_emulator.endpoint)
    status, _, code, _ = untrusted.call(tls_emulator.access_token)
    assert (status, code) == (TLS, "Tls")
    untrusted.close()


def test_calls_six_seconds_apart_on_one_client(lib, emulator):
    client = Client(lib, emulator.endpoint)
    assert client.call(emulator.access_token)[0] == OK
    time.sleep(IDLE_CLOSE_GAP)
    status, _, _, message = client.call(emulator.access_token)
    assert status == OK, message
    client.close()


def test_verify_flow_marks_the_attribute_verified(lib, emulator):
    client = Client(lib, emulator.endpoint)
    token = emulator.new_unverified_user("c-verify")
    assert client.call(token)[0] == OK
    code = emulator.issued_code(username="c-verify")
    assert code and emulator.email_verified("c-verify") == "false"
    wrong = "000000" if code != "000000" else "111111"
    assert client.verify(token, wrong) == (CODE_MISMATCH, "CodeMismatchException", "wrong_code")
    assert emulator.email_verified("c-verify") == "false"
    assert client.verify(token, code) == (OK, None, None)
    assert emulator.email_verified("c-verify") == "true"
    client.close()
