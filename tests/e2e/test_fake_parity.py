"""One verify-flow scenario, run against cognito-local and against the command-line fake
(`cognito-attr-code fake-cognito`), both driven by the same client: the command line's two
subcommands. Each step's outcome (the error code, or success, and `email_verified` afterwards)
is asserted against one table: the same for both wherever cognito-local implements the
behaviour, and otherwise a recorded difference with its reason, checked on both sides.

Messages are asserted too, but may differ without a recorded reason: cognito-local words its
errors its own way ("Incorrect confirmation code"); the fake uses the real service's messages.
"""

from __future__ import annotations

import json
import re
import time
from typing import NamedTuple

import pytest

from conftest import artifact, edited_token, run_cli, unknown_client_token
from fake_cli import FakeCli

EMAIL = "parity@example.com"
NOT_POSSIBLE = "not possible"  # the outcome of a step the service gives a test no way to take


class Outcome(NamedTuple):
    error: str | None  # None: success; NOT_POSSIBLE: the step cannot be taken
    message: str | None
    verified: str | None = None  # email_verified after the step; None where not read
    details: str | None = None  # where the answer says the code went; None where not read


class Row(NamedTuple):
    fake: Outcome
    local: Outcome
    why: str = ""  # required when the outcomes differ in more than the message

    def differs(self) -> bool:
        return self.fake._replace(message=None) != self.local._replace(message=None)


OK = Outcome(None, None)
NO_CLOCK = Outcome(NOT_POSSIBLE, "cognito-local has no clock a test can move")
WRONG = (
    "CodeMismatchException",
    "Invalid verification code provided, please try again.",
    "Incorrect confirmation code",
)
INVALID = "Invalid Access Token"

TABLE: dict[str, Row] = {
    "code sent for email": Row(OK._replace(verified="false"), OK._replace(verified="false")),
    "where the answer says the code went": Row(
        Outcome(None, None, details="EMAIL p***@e***"),
        OK,
        "cognito-local answers {}: no CodeDeliveryDetails",
    ),
    "wrong code": Row(Outcome(WRONG[0], WRONG[1], "false"), Outcome(WRONG[0], WRONG[2], "false")),
    "right code": Row(OK._replace(verified="true"), OK._replace(verified="true")),
    "the used code again": Row(Outcome(WRONG[0], WRONG[1], "true"), Outcome(WRONG[0], WRONG[2], "true")),
    "a code replaced by a newer one": Row(Outcome(WRONG[0], WRONG[1]), Outcome(WRONG[0], WRONG[2])),
    "code for email, user has no email": Row(
        Outcome("InvalidParameterException", "User does not have a valid registered email address"),
        Outcome("InvalidParameterException", "User has no attribute matching desired auto verified attributes"),
    ),
    "verify with a token naming an unknown user": Row(
        Outcome("NotAuthorizedException", INVALID), Outcome("NotAuthorizedException", "User not authorized")
    ),
    # Recorded differences: cognito-local does not implement the behaviour.
    "code for an attribute that cannot be verified": Row(
        Outcome("InvalidParameterException", "Invalid attribute name. Only phone_number and email can be verified."),
        OK,
        "cognito-local ignores AttributeName: it sends the code to the pool's auto-verified attribute",
    ),
    "code with a token that is not a JWT": Row(
        Outcome("NotAuthorizedException", INVALID),
        Outcome("InvalidParameterException", "Invalid parameter"),
        "cognito-local answers a token it cannot decode with InvalidParameterException",
    ),
    "code with a token the service did not mint": Row(
        Outcome("NotAuthorizedException", INVALID),
        Outcome("ResourceNotFoundException", "App Client unknownclient not found"),
        "cognito-local checks no signature: it looks up the client_id the edited token names",
    ),
    "code with a token naming an unknown user": Row(
        Outcome("NotAuthorizedException", INVALID),
        Outcome("UserNotFoundException", "User not found."),
        "cognito-local checks no signature: it looks up the sub the edited token names",
    ),
    "code with an expired token": Row(
        Outcome("NotAuthorizedException", "Access Token has expired"),
        OK,
        "cognito-local decodes the token without checking exp",
    ),
    "6th code request of a user within an hour": Row(
        Outcome("LimitExceededException", "Attempt limit exceeded, please try after some time."),
        OK,
        "cognito-local has no per-user limits",
    ),
    "code request an hour later": Row(OK, NO_CLOCK, "cognito-local has no clock a test can move"),
    "right code 24 hours later": Row(
        Outcome("ExpiredCodeException", "Invalid code provided, please request a code again.", "false"),
        NO_CLOCK,
        "cognito-local has no clock a test can move, and its codes never expire",
    ),
    "service failure": Row(
        Outcome("CodeDeliveryFailureException", "Unable to deliver the verification code."),
        Outcome(NOT_POSSIBLE, "cognito-local cannot inject a failure"),
        "cognito-local cannot inject a failure",
    ),
}

SERVICE_ERROR = re.compile(r"\nAn error occurred \((\w+)\) when calling the \w+ operation: (.*)\n\Z", re.S)


class LocalBackend:
    name = "cognito-local"

    def __init__(self, emulator):
        self.emulator = emulator
        self.endpoint = emulator.endpoint

    def new_user(self, username: str, email: str | None = EMAIL) -> str:
        attributes = {"email": email, "email_verified": "false"} if email else {}
        return self.emulator.new_unverified_user(username, attributes)

    def last_code(self, username: str) -> str | None:
        return self.emulator.issued_code(username=username)

    def email_verified(self, username: str) -> str | None:
        return self.emulator.email_verified(username)

    def expired_token(self, username: str, token: str) -> str:
        return edited_token(token, exp=int(time.time()) - 3600)

    def advance(self, seconds: int) -> bool:
        return False

    def sign_in_again(self, username: str, token: str) -> str:
        return token

    def fail_next(self, error: str) -> bool:
        return False


class FakeBackend:
    name = "fake"

    def __init__(self, fake: FakeCli):
        self.fake = fake
        self.endpoint = fake.endpoint

    def new_user(self, username: str, email: str | None = EMAIL) -> str:
        user = {"username": username, **({"email": email} if email else {})}
        return self.fake.control("add_user", user)["access_token"]

    def last_code(self, username: str) -> str | None:
        return self.fake.control("last_code", {"username": username, "attribute": "email"})["code"]

    def email_verified(self, username: str) -> str | None:
        return str(self.fake.control("user", {"username": username})["email_verified"]).lower()

    def expired_token(self, username: str, token: str) -> str:
        return self.fake.control("mint_token", {"username": username, "expired": True})["token"]

    def advance(self, seconds: int) -> bool:
        self.fake.control("advance", {"seconds": seconds})
        return True

    def sign_in_again(self, username: str, token: str) -> str:
        return self.fake.control("mint_token", {"username": username})["token"]

    def fail_next(self, error: str) -> bool:
        self.fake.control("fail_next", {"error": error})
        return True


def cli(backend, subcommand: str, token: str, attribute: str, *extra: str, secrets: tuple[str, ...] = ()) -> Outcome:
    result = run_cli(backend.endpoint, subcommand, token, attribute, *extra, secrets=secrets)
    if result.returncode == 0:
        answer = json.loads(result.stdout or "{}").get("CodeDeliveryDetails")
        return OK if answer is None else OK._replace(details=f"{answer['DeliveryMedium']} {answer['Destination']}")
    match = SERVICE_ERROR.fullmatch(result.stderr)
    assert result.returncode == 254 and match, (result.returncode, result.stderr)
    return Outcome(match[1], match[2])


def send_code(backend, token: str, attribute: str = "email", details: bool = False) -> Outcome:
    outcome = cli(backend, "get-user-attribute-verification-code", token, attribute)
    return outcome if details else outcome._replace(details=None)


def verify(backend, token: str, code: str) -> Outcome:
    return cli(backend, "verify-user-attribute", token, "email", "--code", code, secrets=(code,))


def other_code(code: str) -> str:
    return "000000" if code != "000000" else "111111"


def run_scenario(backend, prefix: str) -> dict[str, Outcome]:
    """Every step of the table, in order, each user fresh where earlier steps would interfere."""
    seen: dict[str, Outcome] = {}
    jane = f"{prefix}-jane"
    token = backend.new_user(jane)

    def verified(outcome: Outcome) -> Outcome:
        return outcome._replace(verified=backend.email_verified(jane))

    sent = send_code(backend, token, details=True)
    seen["code sent for email"] = verified(sent._replace(details=None))
    seen["where the answer says the code went"] = Outcome(None, None, details=sent.details)
    code = backend.last_code(jane)
    assert code is not None and re.fullmatch(r"\d{6}", code), "the code the service sent can be read"
    seen["wrong code"] = verified(verify(backend, token, other_code(code)))
    seen["right code"] = verified(verify(backend, token, code))
    seen["the used code again"] = verified(verify(backend, token, code))

    replaced_user = f"{prefix}-replaced"
    replaced = backend.new_user(replaced_user)
    assert send_code(backend, replaced) == OK
    first = backend.last_code(replaced_user)
    assert send_code(backend, replaced) == OK
    assert backend.last_code(replaced_user) != first, "two codes in a row differ (for cognito-local: 1 in 10^6)"
    seen["a code replaced by a newer one"] = verify(backend, replaced, first)

    seen["code for email, user has no email"] = send_code(backend, backend.new_user(f"{prefix}-no-email", email=None))
    seen["code for an attribute that cannot be verified"] = send_code(backend, token, "given_name")
    seen["code with a token that is not a JWT"] = send_code(backend, "abc.def.ghi")
    seen["code with a token the service did not mint"] = send_code(backend, unknown_client_token(token))
    nobody = edited_token(token, sub="no-such-user", username="no-such-user")
    seen["code with a token naming an unknown user"] = send_code(backend, nobody)
    seen["verify with a token naming an unknown user"] = verify(backend, nobody, "123456")
    seen["code with an expired token"] = send_code(backend, backend.expired_token(jane, token))

    limited_user = f"{prefix}-limited"
    limited = backend.new_user(limited_user)
    for attempt in range(5):
        assert send_code(backend, limited) == OK, f"code request {attempt + 1} of 5"
    seen["6th code request of a user within an hour"] = send_code(backend, limited)
    if backend.advance(3600):
        seen["code request an hour later"] = send_code(backend, backend.sign_in_again(limited_user, limited))
    else:
        seen["code request an hour later"] = NO_CLOCK

    late_user = f"{prefix}-late"
    late = backend.new_user(late_user)
    assert send_code(backend, late) == OK
    late_code = backend.last_code(late_user)
    if backend.advance(24 * 3600):
        outcome = verify(backend, backend.sign_in_again(late_user, late), late_code)
        seen["right code 24 hours later"] = outcome._replace(verified=backend.email_verified(late_user))
    else:
        seen["right code 24 hours later"] = NO_CLOCK

    if backend.fail_next("CodeDeliveryFailureException"):
        seen["service failure"] = send_code(backend, backend.new_user(f"{prefix}-failure"))
    else:
        seen["service failure"] = Outcome(NOT_POSSIBLE, "cognito-local cannot inject a failure")
    return seen


@pytest.fixture
def fake_cli():
    with FakeCli(artifact("COGNITO_E2E_CLI")) as fake:
        yield fake


def test_every_difference_has_a_reason_and_only_differences_have_one():
    for step, row in TABLE.items():
        assert bool(row.why) == row.differs(), (
            f"{step}: outcomes {'differ' if row.differs() else 'agree'}, why={row.why!r}"
        )


def test_the_scenario_against_cognito_local(emulator):
    seen = run_scenario(LocalBackend(emulator), "parity-local")
    assert seen == {step: row.local for step, row in TABLE.items()}


def test_the_scenario_against_the_command_line_fake(fake_cli):
    seen = run_scenario(FakeBackend(fake_cli), "parity-fake")
    assert seen == {step: row.fake for step, row in TABLE.items()}
    # The fake recorded every call of it, and no token.
    recorded = fake_cli.control("requests")["requests"]
    assert len(recorded) > 20 and "eyJ" not in str(recorded)
