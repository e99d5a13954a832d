"""The Python side of the concurrency bench: N asyncio calls at once against the delay stub
(AWS_ENDPOINT_URL), and one ``loop.run_in_executor(None, ...)`` job (reading a small file)
issued right after they start. One warm-up round opens the connections, then ROUNDS measured
rounds on the same client. Prints {"all_done_ms": [...], "executor_job_ms": [...]} as JSON.

``ours``: ``Client.get_attr_code_async`` (its own thread pool, not the loop's default
executor). ``boto3``: the usual way to call boto3 from asyncio, ``run_in_executor(None, ...)``,
with ``max_pool_connections`` raised to N.

usage: py_concurrency.py ours|boto3 N ROUNDS"""

import asyncio
import json
import os
import sys
import time

TOKEN = os.environ["BENCH_ACCESS_TOKEN"]


def sender(library: str, calls: int):
    if library == "ours":
        import cognito_attr_code

        client = cognito_attr_code.Client()
        return lambda: client.get_attr_code_async(TOKEN, "email")
    import boto3
    from botocore.config import Config

    client = boto3.client("cognito-idp", config=Config(max_pool_connections=calls))

    def send():
        loop = asyncio.get_running_loop()
        return loop.run_in_executor(
            None, lambda: client.get_user_attribute_verification_code(AccessToken=TOKEN, AttributeName="email")
        )

    return send


def read_small_file() -> None:
    with open(__file__, "rb") as file:
        file.read()


async def main() -> None:
    library, calls, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    send = sender(library, calls)
    loop = asyncio.get_running_loop()
    all_done, executor_job = [], []
    for round_ in range(rounds + 1):
        started = time.perf_counter()
        pending = [asyncio.ensure_future(send()) for _ in range(calls)]
        # Every call task runs up to its first await: the calls are under way.
        await asyncio.sleep(0)
        executor_job_done: list = []
        job_started = time.perf_counter()
        job = loop.run_in_executor(None, read_small_file)
        job.add_done_callback(lambda _: executor_job_done.append(time.perf_counter()))
        await asyncio.gather(*pending)
        done = time.perf_counter() - started
        await job
        if round_ > 0:
            all_done.append(done * 1e3)
            executor_job.append((executor_job_done[0] - job_started) * 1e3)
    print(json.dumps({"all_done_ms": all_done, "executor_job_ms": executor_job}))


asyncio.run(main())
