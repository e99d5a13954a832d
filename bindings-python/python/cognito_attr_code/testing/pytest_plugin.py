"""The pytest plugin of ``cognito_attr_code.testing`` (registered through the ``pytest11`` entry
point): the ``fake_cognito`` fixture, a running :class:`FakeCognito` per test, stopped after it."""

from typing import TYPE_CHECKING, Iterator

# Type-checked with or without pytest installed (mypy -p cognito_attr_code checks this module too).
import pytest  # type: ignore[import-not-found, unused-ignore]

if TYPE_CHECKING:
    from .fake import FakeCognito

__all__ = ["fake_cognito"]


@pytest.fixture  # type: ignore[untyped-decorator, unused-ignore]
def fake_cognito() -> "Iterator[FakeCognito]":
    """A running Cognito fake with default options (us-east-1, seed 0, no users)."""
    # Imported here: every pytest session of an environment with this package loads the plugin.
    from .fake import FakeCognito

    with FakeCognito() as fake:
        yield fake
