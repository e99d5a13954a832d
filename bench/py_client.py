"""The Python loops of `make bench`: CALLS calls on THREADS threads, configured from the
environment (AWS_ENDPOINT_URL, AWS_CA_BUNDLE, ...), with the access token BENCH_ACCESS_TOKEN. Prints {"calls", "wall_s", "cpu_s",
"import_s"} as JSON.

"http.client" is the floor of the runtime: the standard library's client sending the same request
on a keep-alive connection per thread and parsing the JSON answer.

usage: py_client.py ours|boto3|http.client client|oneshot|cold CALLS THREADS"""

import json
import os
import queue
import sys
import threading
import time

TOKEN = os.environ["BENCH_ACCESS_TOKEN"]


def sender(library: str, mode: str):
    if library == "ours":
        import cognito_attr_code

        if mode == "oneshot":
            return lambda: cognito_attr_code.get_attr_code(TOKEN, "email")
        client = cognito_attr_code.Client()
        return lambda: client.get_attr_code(TOKEN, "email")
    if library == "http.client":
        return bare_sender()
    import boto3

    client = boto3.client("cognito-idp")
    return lambda: client.get_user_attribute_verification_code(AccessToken=TOKEN, AttributeName="email")


def bare_sender():
    import http.client
    import urllib.parse

    url = urllib.parse.urlsplit(os.environ["AWS_ENDPOINT_URL"])
    body = json.dumps({"AccessToken": TOKEN, "AttributeName": "email"}, separators=(",", ":")).encode()
    headers = {
        "Content-Type": "application/x-amz-json-1.1",
        "X-Amz-Target": "AWSCognitoIdentityProviderService.GetUserAttributeVerificationCode",
    }
    idle = queue.SimpleQueue()  # keep-alive connections not in use, shared by the threads

    def send():
        try:
            connection = idle.get_nowait()
        except queue.Empty:
            connection = http.client.HTTPConnection(url.hostname, url.port)
        connection.request("POST", "/", body, headers)
        response = connection.getresponse()
        json.loads(response.read())
        idle.put(connection)

    return send


def main() -> None:
    library, mode, calls, threads = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    started = time.perf_counter()
    send = sender(library, mode)
    import_s = time.perf_counter() - started
    send()
    if mode == "cold":
        print(
            json.dumps(
                {
                    "calls": 1,
                    "wall_s": time.perf_counter() - started,
                    "cpu_s": time.process_time(),
                    "import_s": import_s,
                }
            )
        )
        return
    per_thread = calls // threads

    def loop() -> None:
        for _ in range(per_thread):
            send()

    workers = [threading.Thread(target=loop) for _ in range(threads)]
    wall, cpu = time.perf_counter(), time.process_time()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    print(
        json.dumps(
            {
                "calls": per_thread * threads,
                "wall_s": time.perf_counter() - wall,
                "cpu_s": time.process_time() - cpu,
                "import_s": import_s,
            }
        )
    )


main()
