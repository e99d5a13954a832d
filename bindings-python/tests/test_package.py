"""The installed package: version, typing files, public names, and that the tests exercise the
installed wheel rather than the source tree."""

import inspect
import pathlib
import re
import sys

import pytest

import cognito_attr_code
from cognito_attr_code import _native

BINDINGS = pathlib.Path(__file__).resolve().parents[1]


def test_tests_run_against_the_installed_package() -> None:
    package = pathlib.Path(cognito_attr_code.__file__).resolve().parent
    assert "site-packages" in package.parts
    assert BINDINGS not in package.parents
    for shipped in ("py.typed", "_native.pyi", "__init__.py"):
        assert (package / shipped).is_file(), shipped


def test_version_matches_cargo_toml() -> None:
    workspace = (BINDINGS.parent / "Cargo.toml").read_text()
    section = workspace.split("[workspace.package]", 1)[1]
    match = re.search(r'^version\s*=\s*"([^"]+)"', section, re.MULTILINE)
    assert match is not None
    assert cognito_attr_code.__version__ == match.group(1) == _native.CORE_VERSION


@pytest.mark.skipif(sys.version_info < (3, 10), reason="abi3 classes have no signature before 3.10")
def test_settings_typed_dict_lists_every_setting_of_the_core_table_in_order() -> None:
    assert list(_native.SETTING_NAMES) == list(cognito_attr_code.Settings.__annotations__)


def test_public_names() -> None:
    for name in cognito_attr_code.__all__:
        value = getattr(cognito_attr_code, name)
        if inspect.isclass(value) and not name.endswith("TypeDef") and name != "Settings":
            assert value.__module__ == "cognito_attr_code", name
    assert repr(cognito_attr_code.NotAuthorizedException("m")).startswith("NotAuthorizedException(")
    assert str(cognito_attr_code.NotAuthorizedException).startswith(
        "<class 'cognito_attr_code.NotAuthorizedException'>"
    )
