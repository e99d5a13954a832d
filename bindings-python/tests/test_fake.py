"""``cognito_attr_code.testing.FakeCognito`` driven by a real ``Client``: the whole verify flow,
Cognito's limits, the clock, every injected fault as the client's typed exception, the pytest
fixture, argument errors naming the Python keyword, and no token or code in any repr."""

import subprocess
import sys
import threading
import time
from typing import Callable, Iterator, List, Tuple

import pytest

import cognito_attr_code
from cognito_attr_code.testing import (
    FakeArgumentError,
    FakeCognito,
    FakeCognitoError,
    SentCode,
    UnknownUserError,
)

LIMIT = "Attempt limit exceeded, please try after some time."


@pytest.fixture
def fake() -> Iterator[FakeCognito]:
    with FakeCognito() as running:
        yield running


def client_of(fake: FakeCognito, **settings: object) -> cognito_attr_code.Client:
    return cognito_attr_code.Client(endpoint_url=fake.endpoint_url, **settings)  # type: ignore[arg-type]


def test_the_whole_verify_flow_with_a_client_given_only_the_endpoint(fake: FakeCognito) -> None:
    token = fake.add_user("jane", email="jane@example.com")
    with client_of(fake) as client:
        details = client.get_attr_code(token, "email")
        assert details is not None
        assert details.delivery_medium == "EMAIL" and details.attribute_name == "email"
        (sent,) = fake.codes("jane")
        assert sent.attribute == "email" and sent.delivery_medium == "EMAIL"
        assert sent.destination == details.destination == "j***@e***"
        code = fake.last_code("jane", "email")
        assert code is not None and code == sent.code and len(code) == 6
        wrong = "000000" if code != "000000" else "111111"
        with pytest.raises(cognito_attr_code.CodeMismatchException):
            client.verify_attr(token, "email", wrong)
        assert not fake.user("jane").email_verified
        client.verify_attr(token, "email", code)
    user = fake.user("jane")
    assert user.email_verified and not user.phone_number_verified
    assert user.attributes["email"] == "jane@example.com"
    assert [(r.operation, r.username, r.attribute, r.outcome) for r in fake.requests] == [
        ("GetUserAttributeVerificationCode", "jane", "email", "ok"),
        ("VerifyUserAttribute", "jane", "email", "CodeMismatchException"),
        ("VerifyUserAttribute", "jane", "email", "ok"),
    ]


def test_the_sixth_code_request_in_an_hour_hits_the_limit_and_an_hour_later_it_is_lifted(
    fake: FakeCognito,
) -> None:
    token = fake.add_user("jane", email="jane@example.com")
    with client_of(fake) as client:
        for _ in range(5):
            client.get_attr_code(token, "email")
        with pytest.raises(cognito_attr_code.LimitExceededException) as caught:
            client.get_attr_code(token, "email")
        assert caught.value.message == LIMIT
        fake.advance(hours=1)
        # An access token lives an hour, as Cognito's do by default.
        with pytest.raises(cognito_attr_code.NotAuthorizedException):
            client.get_attr_code(token, "email")
        client.get_attr_code(fake.mint_token("jane"), "email")
    assert len(fake.codes("jane")) == 6


def test_the_sixteenth_verification_in_an_hour_hits_the_limit(fake: FakeCognito) -> None:
    token = fake.add_user("jane", email="jane@example.com")
    with client_of(fake, max_attempts=1) as client:
        client.get_attr_code(token, "email")
        code = fake.last_code("jane", "email")
        wrong = "000000" if code != "000000" else "111111"
        for _ in range(15):
            with pytest.raises(cognito_attr_code.CodeMismatchException):
                client.verify_attr(token, "email", wrong)
        with pytest.raises(cognito_attr_code.LimitExceededException):
            client.verify_attr(token, "email", wrong)
        fake.advance(minutes=30, seconds=1800)
        assert code is not None
        client.verify_attr(fake.mint_token("jane"), "email", code)
    assert fake.user("jane").email_verified


def test_a_code_expires_after_24_hours(fake: FakeCognito) -> None:
    token = fake.add_user("jane", phone_number="+15555550100")
    with client_of(fake) as client:
        details = client.get_attr_code(token, "phone_number")
        assert details is not None and details.delivery_medium == "SMS"
        code = fake.last_code("jane", "phone_number")
        assert code is not None
        before = fake.advance()
        assert fake.advance(hours=24, seconds=1) == pytest.approx(before + 24 * 3600 + 1)
        with pytest.raises(cognito_attr_code.ExpiredCodeException):
            client.verify_attr(fake.mint_token("jane"), "phone_number", code)
    assert not fake.user("jane").phone_number_verified


def test_cognitos_refusals(fake: FakeCognito) -> None:
    token = fake.add_user("jane", email="jane@example.com")
    with client_of(fake, max_attempts=1) as client:
        with pytest.raises(cognito_attr_code.InvalidParameterException) as caught:
            client.get_attr_code(token, "phone_number")
        assert "phone number" in caught.value.message
        with pytest.raises(cognito_attr_code.InvalidParameterException) as caught:
            client.get_attr_code(token, "name")
        assert caught.value.message == "Invalid attribute name. Only phone_number and email can be verified."
        expired = fake.mint_token("jane", expired=True)
        with pytest.raises(cognito_attr_code.NotAuthorizedException) as refused:
            client.get_attr_code(expired, "email")
        assert refused.value.message == "Access Token has expired"
        no_scope = fake.mint_token("jane", admin_scope=False)
        with pytest.raises(cognito_attr_code.NotAuthorizedException) as refused:
            client.get_attr_code(no_scope, "email")
        assert refused.value.message == "Access Token does not have required scopes"
        fake.revoke_tokens("jane")
        with pytest.raises(cognito_attr_code.NotAuthorizedException) as refused:
            client.get_attr_code(token, "email")
        assert refused.value.message == "Access Token has been revoked"
        fresh = fake.mint_token("jane")
        client.get_attr_code(fresh, "email")
        id_token = fake.mint_token("jane", token_use="id")
        # The client itself refuses an ID token.
        with pytest.raises(cognito_attr_code.InvalidArgumentError):
            client.get_attr_code(id_token, "email")


def test_a_daily_email_quota() -> None:
    with FakeCognito(daily_email_quota=1, seed=7) as quota:
        token = quota.add_user("jane", email="jane@example.com")
        with client_of(quota) as client:
            client.get_attr_code(token, "email")
            with pytest.raises(cognito_attr_code.LimitExceededException) as caught:
                client.get_attr_code(token, "email")
        assert caught.value.message.startswith("Exceeded daily email limit")


def test_codes_come_from_the_seed() -> None:
    def first_code(seed: int) -> str:
        with FakeCognito(seed=seed) as fake, client_of(fake) as client:
            client.get_attr_code(fake.add_user("jane", email="jane@example.com"), "email")
            code = fake.last_code("jane", "email")
            assert code is not None
            return code

    assert first_code(42) == first_code(42)


def test_an_injected_modeled_error_with_its_real_message(fake: FakeCognito) -> None:
    token = fake.add_user("jane", email="jane@example.com")
    with client_of(fake, max_attempts=1) as client:
        fake.fail_next("GetUserAttributeVerificationCode", error="CodeDeliveryFailureException")
        with pytest.raises(cognito_attr_code.CodeDeliveryFailureException) as caught:
            client.get_attr_code(token, "email")
        assert caught.value.http_status == 400 and caught.value.message
        fake.fail_next(error="LimitExceededException")
        with pytest.raises(cognito_attr_code.LimitExceededException) as limited:
            client.get_attr_code(token, "email")
        assert limited.value.message == LIMIT
        fake.fail_next(error="InternalErrorException", message="made up", status=500, count=2)
        for _ in range(2):
            with pytest.raises(cognito_attr_code.InternalErrorException) as internal:
                client.get_attr_code(token, "email")
            assert internal.value.message == "made up" and internal.value.http_status == 500
        client.get_attr_code(token, "email")
        # Scoped to the other operation: this call is not affected.
        fake.fail_next("VerifyUserAttribute", error="InternalErrorException")
        client.get_attr_code(token, "email")


def test_an_injected_status_a_retry_and_a_retry_that_gives_up(fake: FakeCognito) -> None:
    token = fake.add_user("jane", email="jane@example.com")
    with client_of(fake, max_attempts=1) as client:
        fake.fail_next(status=503)
        with pytest.raises(cognito_attr_code.CognitoError) as caught:
            client.get_attr_code(token, "email")
        assert caught.value.http_status == 503
    with client_of(fake, max_attempts=2) as client:
        fake.fail_next(error="TooManyRequestsException", status=429)
        client.get_attr_code(token, "email")
        assert [r.outcome for r in fake.requests][-2:] == ["TooManyRequestsException", "ok"]


def test_an_injected_delay_and_a_read_timeout(fake: FakeCognito) -> None:
    token = fake.add_user("jane", email="jane@example.com")
    with client_of(fake, max_attempts=1, read_timeout=0.2) as client:
        fake.fail_next(delay=1.0)
        with pytest.raises(cognito_attr_code.TimeoutError):
            client.get_attr_code(token, "email")
    with client_of(fake, max_attempts=1) as client:
        fake.fail_next(delay=0.3)
        started = time.monotonic()
        client.get_attr_code(token, "email")
        assert time.monotonic() - started >= 0.3


def test_an_injected_connection_reset(fake: FakeCognito) -> None:
    token = fake.add_user("jane", email="jane@example.com")
    with client_of(fake, max_attempts=1) as client:
        fake.fail_next(reset=True)
        with pytest.raises(cognito_attr_code.NetworkError):
            client.get_attr_code(token, "email")
        client.get_attr_code(token, "email")
        # On a kept-alive connection the client replays once on a new one (a reset there looks
        # like a connection the server had closed); the fake resets both, counting one.
        fake.fail_next(reset=True)
        with pytest.raises(cognito_attr_code.NetworkError):
            client.get_attr_code(token, "email")
        client.get_attr_code(token, "email")
    assert [r.outcome for r in fake.requests] == ["reset", "ok", "reset", "reset", "ok"]


def test_the_pytest_fixture(fake_cognito: FakeCognito) -> None:
    token = fake_cognito.add_user("jane", email="jane@example.com")
    with client_of(fake_cognito) as client:
        client.get_attr_code(token, "email")
    assert fake_cognito.last_code("jane", "email") is not None


def test_the_plugin_is_registered_as_a_pytest11_entry_point() -> None:
    from importlib.metadata import distribution

    points = [p for p in distribution("cognito-attr-code").entry_points if p.group == "pytest11"]
    assert [p.value for p in points] == ["cognito_attr_code.testing.pytest_plugin"]


def test_no_token_or_code_in_any_repr(fake: FakeCognito) -> None:
    token = fake.add_user("jane", email="jane@example.com")
    with client_of(fake) as client:
        client.get_attr_code(token, "email")
        code = fake.last_code("jane", "email")
        assert code is not None
        client.verify_attr(token, "email", code)
    shown = " ".join(repr(x) for x in (fake, fake.codes("jane"), fake.user("jane"), fake.requests, fake.requests[0]))
    assert token not in shown and code not in shown
    assert "jane" in shown and "email" in shown
    assert isinstance(fake.codes("jane")[0], SentCode)


def test_argument_errors_name_the_python_keyword(fake: FakeCognito) -> None:
    fake.add_user("jane", email="jane@example.com")
    with pytest.raises(UnknownUserError) as unknown:
        fake.codes("john")
    assert isinstance(unknown.value, KeyError) and unknown.value.username == "john"
    assert "john" in str(unknown.value)
    cases: List[Tuple[Callable[[], object], str]] = [
        (lambda: fake.mint_token("jane", token_use="refresh"), "token_use"),
        (lambda: fake.advance(hours=-1), "hours"),
        (lambda: fake.fail_next(delay=-1.0), "delay"),
        (lambda: fake.fail_next(count=-1), "count"),
        (lambda: fake.add_user("bob", email_verified="yes"), "email_verified"),  # type: ignore[arg-type]
        (lambda: FakeCognito(port=70000).start(), "port"),
    ]
    for call, keyword in cases:
        with pytest.raises(FakeArgumentError) as caught:
            call()
        assert isinstance(caught.value, ValueError)
        assert caught.value.argument == keyword, caught.value
        assert keyword in str(caught.value)


def test_start_stop_and_a_stopped_fake(fake: FakeCognito) -> None:
    url = fake.endpoint_url
    assert url.startswith("http://127.0.0.1:") and fake.region == "us-east-1"
    assert str(fake.port) in url
    fake.stop()
    fake.stop()
    with pytest.raises(FakeCognitoError):
        fake.add_user("jane")
    assert "stopped" in repr(fake)
    other = FakeCognito(region="eu-west-1").start()
    try:
        assert other.region == "eu-west-1"
        with pytest.raises(FakeCognitoError):
            other.start()
    finally:
        other.stop()


def test_stop_releases_the_gil_while_a_request_is_being_served(fake: FakeCognito) -> None:
    token = fake.add_user("jane", email="jane@example.com")
    fake.fail_next(delay=0.5)
    done = threading.Event()
    ticks = [0]

    def call() -> None:
        with client_of(fake, max_attempts=1) as client:
            try:
                client.get_attr_code(token, "email")
            except cognito_attr_code.CognitoError:
                pass

    def tick() -> None:
        for _ in range(10_000):
            if done.wait(0.002):
                return
            ticks[0] += 1

    caller = threading.Thread(target=call)
    ticker = threading.Thread(target=tick)
    caller.start()
    time.sleep(0.1)
    ticker.start()
    before = ticks[0]
    started = time.monotonic()
    fake.stop()
    stopped_in = time.monotonic() - started
    during = ticks[0] - before
    done.set()
    ticker.join(timeout=10)
    caller.join(timeout=10)
    assert not caller.is_alive() and not ticker.is_alive()
    if stopped_in > 0.05:
        assert during > 0, f"no other thread ran during the {stopped_in:.2f} s of stop()"


def test_importing_the_package_does_not_import_the_testing_module() -> None:
    code = "import sys, cognito_attr_code; print('cognito_attr_code.testing' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert output.stdout.strip() == "False"
