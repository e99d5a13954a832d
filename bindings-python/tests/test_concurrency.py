"""The GIL is released during the network call; one client serves many threads and tasks."""

import asyncio
import threading
from typing import Any, List

import cognito_attr_code
from conftest import TOKEN, CognitoStub, Received, Reply, success_reply


def gated_until(release: threading.Event, arrivals: "threading.Semaphore") -> Any:
    """A stub reply that is sent only once `release` is set (by code that must run while the
    calls wait), after signalling its arrival; an error reply if it never is."""

    def reply(received: Received) -> Reply:
        arrivals.release()
        if not release.wait(timeout=30):
            return Reply(status=400, body={"__type": "NotAuthorizedException", "message": "never released"})
        return success_reply(received)

    return reply


def test_other_threads_run_while_a_call_waits(stub: CognitoStub, client: cognito_attr_code.Client) -> None:
    # The server answers only after another Python thread has run while the call waits: if the
    # call held the GIL, that thread could not release it and the call would get an error.
    release = threading.Event()
    arrivals = threading.Semaphore(0)
    stub.default = gated_until(release, arrivals)

    def releaser() -> None:
        if arrivals.acquire(timeout=30):
            release.set()

    other = threading.Thread(target=releaser)
    other.start()
    try:
        details = client.get_attr_code(TOKEN, "email")
    finally:
        release.set()
        other.join(timeout=30)
    assert details is not None and details.attribute_name == "email"


def test_eight_threads_share_one_client(stub: CognitoStub, client: cognito_attr_code.Client) -> None:
    def echo_thread(received: Received) -> Reply:
        reply = success_reply(received)
        reply.body["CodeDeliveryDetails"]["Destination"] = received.body["ClientMetadata"]["thread"]
        reply.delay = 0.02
        return reply

    stub.default = echo_thread
    results: List[Any] = [None] * 8
    errors: List[BaseException] = []
    barrier = threading.Barrier(8, timeout=10)

    def work(index: int) -> None:
        try:
            barrier.wait()
            got = [client.get_attr_code(TOKEN, "email", {"thread": str(index)}) for _ in range(5)]
            results[index] = {d.destination for d in got if d is not None}
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors
    assert results == [{str(i)} for i in range(8)]
    assert len(stub.received) == 40


def test_async_calls_run_concurrently_without_blocking_the_loop(
    stub: CognitoStub, client: cognito_attr_code.Client
) -> None:
    # Every reply waits until a coroutine on the event loop has seen all 20 requests arrive: the
    # calls succeed only if the 20 were in flight at once and the loop kept running meanwhile.
    calls = 20
    release = threading.Event()
    arrivals = threading.Semaphore(0)
    stub.default = gated_until(release, arrivals)

    async def release_when_all_arrived() -> None:
        loop = asyncio.get_running_loop()
        for _ in range(calls):
            assert await loop.run_in_executor(None, arrivals.acquire, True, 30.0)
        release.set()

    async def main() -> Any:
        try:
            return await asyncio.gather(
                release_when_all_arrived(),
                *(client.get_attr_code_async(TOKEN, "email") for _ in range(calls)),
            )
        finally:
            release.set()

    _, *results = asyncio.run(main())
    assert all(r is not None and r.attribute_name == "email" for r in results)
    assert len(stub.received) == calls


def test_async_errors_are_typed(stub: CognitoStub, client: cognito_attr_code.Client) -> None:
    stub.replies(Reply(status=400, body={"__type": "NotAuthorizedException", "message": "expired"}))

    async def main() -> cognito_attr_code.NotAuthorizedException:
        try:
            await client.get_attr_code_async(TOKEN, "email")
        except cognito_attr_code.NotAuthorizedException as error:
            return error
        raise AssertionError("no error")

    error = asyncio.run(main())
    assert error.message == "expired"
