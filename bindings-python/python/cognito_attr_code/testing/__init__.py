"""A Cognito fake for your application's tests: ``GetUserAttributeVerificationCode`` and
``VerifyUserAttribute`` served on 127.0.0.1 with Cognito's messages and per-user limits, a clock
you move, and faults you inject::

    from cognito_attr_code import Client
    from cognito_attr_code.testing import FakeCognito

    with FakeCognito() as fake, Client(endpoint_url=fake.endpoint_url) as client:
        token = fake.add_user("jane", email="jane@example.com")
        client.get_attr_code(token, "email")
        client.verify_attr(token, "email", fake.last_code("jane", "email"))
        assert fake.user("jane").email_verified

With pytest, the ``fake_cognito`` fixture (from the plugin this package registers) gives a
running fake per test. ``import cognito_attr_code`` does not import this module.
"""

from .fake import FakeCognito
from .records import FakeArgumentError, FakeCognitoError, FakeUser, ReceivedRequest, SentCode, UnknownUserError

__all__ = [
    "FakeCognito",
    "SentCode",
    "FakeUser",
    "ReceivedRequest",
    "FakeCognitoError",
    "FakeArgumentError",
    "UnknownUserError",
]
