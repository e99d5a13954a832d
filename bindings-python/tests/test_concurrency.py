"""The GIL is released during the network call; one client serves many threads and tasks."""

import asyncio
import threading
import time
from typing import Any, List

import cognito_attr_code
from conftest import TOKEN, CognitoStub, Received, Reply, success_reply


def test_other_threads_run_while_a_call_waits(stub: CognitoStub, client: cognito_attr_code.Client) -> None:
    stub.replies(Reply(body={}, delay=1.0))
    stop = threading.Event()
    spins = [0]

    def spin() -> None:
        while not stop.is_set():
            spins[0] += 1

    spinner = threading.Thread(target=spin)
    spinner.start()
    try:
        time.sleep(0.05)
        before = spins[0]
        started = time.monotonic()
        assert client.get_attr_code(TOKEN, "email") is None
        elapsed = time.monotonic() - started
        during = spins[0] - before
    finally:
        stop.set()
        spinner.join(timeout=5)
    assert elapsed >= 0.9
    # Pure-Python spinning runs ~10^6-10^7 iterations/s; holding the GIL for the call would
    # freeze it for the whole second.
    assert during > 100_000, during


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


def test_async_calls_run_concurrently_without_blocking_the_loop(stub: CognitoStub, client: cognito_attr_code.Client) -> None:
    def slow(received: Received) -> Reply:
        reply = success_reply(received)
        reply.delay = 0.2
        return reply

    stub.default = slow

    async def main() -> Any:
        ticks: List[float] = []
        done = asyncio.Event()

        async def ticker() -> None:
            while not done.is_set():
                ticks.append(time.monotonic())
                await asyncio.sleep(0.01)

        tick_task = asyncio.create_task(ticker())
        started = time.monotonic()
        results = await asyncio.gather(*(client.get_attr_code_async(TOKEN, "email") for _ in range(20)))
        elapsed = time.monotonic() - started
        done.set()
        await tick_task
        return results, elapsed, ticks

    results, elapsed, ticks = asyncio.run(main())
    assert all(r is not None and r.attribute_name == "email" for r in results)
    assert len(stub.received) == 20
    assert elapsed < 2.0, elapsed  # serially it would take 20 x 0.2 s = 4 s
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert len(ticks) >= 10
    assert max(gaps) < 0.15, max(gaps)


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
