"""Cancelling an asyncio task that awaits a call: CancelledError at once, no further attempt."""

import asyncio
import threading
from typing import Any, Callable, Coroutine

import pytest

import cognito_attr_code
from conftest import TOKEN, CognitoStub, Received, Reply


ASYNC_CALLS: "dict[str, Callable[[cognito_attr_code.Client], Coroutine[Any, Any, Any]]]" = {
    "get_attr_code_async": lambda client: client.get_attr_code_async(TOKEN, "email"),
    "verify_attr_async": lambda client: client.verify_attr_async(TOKEN, "email", "123456"),
}


@pytest.mark.parametrize("method", sorted(ASYNC_CALLS))
def test_cancelling_the_task_raises_at_once_and_starts_no_further_attempt(stub: CognitoStub, method: str) -> None:
    arrived = threading.Event()
    release = threading.Event()

    def first_attempt_held(received: Received) -> Reply:
        # A retryable failure, sent only after the task has been cancelled.
        arrived.set()
        release.wait(timeout=30)
        return Reply(status=503, body={"__type": "ServiceUnavailable", "message": "later"})

    stub.default = first_attempt_held
    client = cognito_attr_code.Client(region="us-east-1", endpoint_url=stub.url, max_attempts=3)

    async def main() -> None:
        loop = asyncio.get_running_loop()
        task = asyncio.create_task(ASYNC_CALLS[method](client))
        assert await loop.run_in_executor(None, arrived.wait, 30.0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    try:
        asyncio.run(main())
        assert not release.is_set(), "the task ended while its attempt was still on the wire"
    finally:
        release.set()
        executor: Any = client._executor
        client.close()
    # The attempt completes in the background; the call then stops instead of retrying.
    executor.shutdown(wait=True)
    assert len(stub.received) == 1


def test_a_cancellation_flag_set_before_the_call_sends_nothing(stub: CognitoStub) -> None:
    from cognito_attr_code import _native

    cancellation = _native.Cancellation()
    cancellation.cancel()
    assert cancellation.cancelled
    native = _native.Client({"region": "us-east-1", "endpoint_url": stub.url})
    calls: "list[Callable[[], object]]" = [
        lambda: native.get_attr_code(TOKEN, "email", None, cancellation),
        lambda: native.verify_attr(TOKEN, "email", "123456", cancellation),
    ]
    for call in calls:
        with pytest.raises(cognito_attr_code.CognitoError) as caught:
            call()
        assert caught.value.code == "Cancelled"
        assert TOKEN not in str(caught.value)
    assert stub.received == []
