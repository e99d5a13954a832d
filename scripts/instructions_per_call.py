"""Instructions per call of the C client on a reused keep-alive connection, under callgrind.

Runs bench/c_client (MODE client, one thread) against a plain-HTTP keep-alive stub on 127.0.0.1
(tests/c/keepalive_stub.c) with the bench's 1,231-character access token, once for 1 call and
once for CALLS + 1 calls; instructions per call = (total(CALLS + 1) - total(1)) / CALLS, so the
start-up, the first connection and the warm-up call cancel out. The same difference, function
by function, gives the breakdown (self cost: the top functions; inclusive cost: the components).

Two cases: every call with the same token (a client reusing its token), and every call with a
token the client has not seen (BENCH_DISTINCT_TOKENS=1: a server calling for many users, the
common case, where a token's forms are never reused). Each has its own ceiling.

`make test-c` runs it as a guard: it fails, printing the breakdown, when either figure is above
its ceiling. `make bench` imports `measure` for its own figure and components.

usage: python3 scripts/instructions_per_call.py C_CLIENT KEEPALIVE_STUB [--ceiling N]
       [--distinct-ceiling N] [--calls N] [--breakdown]
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# 1.5x the 75,000-instruction target of issue 24: callgrind counts are deterministic to a few
# percent, so the margin catches a regression (the 287,000 it was at is 2.6x the ceiling), not noise.
CEILING = 112_500
# 1.5x the 150,000-instruction target for a call whose token the client has not seen (the 982,000
# the first version of the token's prepared forms cost there is 4.4x this ceiling).
DISTINCT_CEILING = 225_000
CALLS = 40

# Components of a call, by the inclusive cost of the functions that do each: a list of
# (function-name pattern, sign) summed per component. Functions that call each other are never
# summed twice: the transport's figure excludes the scrubbing it calls.
COMPONENTS = {
    "scrub": [
        (
            r"cognito_attr_code::secrecy::scrub::Secrets::(scrub_response|scrub_strings|scrub_error)"
            r"(<.*>)?$",
            1,
        ),
        (r"cognito_attr_code::secrecy::secret_forms::RecentForms::get$", 1),
        (r"drop_in_place<cognito_attr_code::secrecy::scrub::Secrets>$", 1),
    ],
    "validation": [
        (r"cognito_attr_code::operation::(\w+::)?validate_", 1),
        (r"cognito_attr_code::operation::.*::validate(_except_token)?$", 1),
        (r"cognito_attr_code::secrecy::scrub::Secrets::forms_of$", 1),
        (r"cognito_attr_code::secrecy::token_claims::", 1),
    ],
    "serialisation": [
        (r"cognito_attr_code::transport::protocol::(verify_)?request_body$", 1),
        (r"cognito_attr_code::transport::protocol::zeroizing_json$", 1),
        (r"cognito_attr_code::operation::.*::body$", 1),
        (r"serde_json::ser::", 1),
    ],
    "transport": [
        (r"cognito_attr_code::transport::Transport::send$", 1),
        (r"cognito_attr_code::secrecy::scrub::Secrets::scrub_response$", -1),
    ],
    "parse": [
        (r"cognito_attr_code::transport::protocol::parse", 1),
        (r"cognito_attr_code::operation::.*::parse_body$", 1),
    ],
}


def bench_token() -> str:
    """The bench's access token (bench/measure.py is its one source)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from measure import TOKEN  # noqa: PLC0415 (stdlib-only module)
    finally:
        sys.path.pop(0)
    return TOKEN


def start_stub(stub: str) -> tuple:
    port_file = Path(tempfile.mktemp(prefix="keepalive-stub-port-"))
    process = subprocess.Popen([stub, str(port_file)])
    for _ in range(500):
        if port_file.exists():
            port = int(port_file.read_text())
            port_file.unlink()
            return process, port
        if process.poll() is not None:
            raise SystemExit("instructions_per_call: the keep-alive stub exited")
        time.sleep(0.01)
    process.kill()
    raise SystemExit("instructions_per_call: the keep-alive stub did not start")


def environment(port: int, distinct: bool = False) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("AWS_") and k.lower() not in ("http_proxy", "https_proxy", "all_proxy", "no_proxy")
    }
    env.update(
        {
            "AWS_REGION": "us-east-1",
            "AWS_MAX_ATTEMPTS": "1",
            "AWS_CONFIG_FILE": "/dev/null",
            "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
            "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}",
            "BENCH_ACCESS_TOKEN": bench_token(),
        }
    )
    env.pop("BENCH_DISTINCT_TOKENS", None)
    if distinct:
        env["BENCH_DISTINCT_TOKENS"] = "1"
    return env


def annotate(out: Path, inclusive: bool) -> dict:
    """Instructions by function name (callgrind_annotate, one line per function)."""
    text = subprocess.run(
        ["callgrind_annotate", f"--inclusive={'yes' if inclusive else 'no'}", "--threshold=100", str(out)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    costs = {}
    for line in text.splitlines():
        match = re.match(r"^\s*([\d,]+)\s+(?:\(\s*[\d.]+%\)\s+)?(?:[^:\s]*:)?(.+?)(?:\s+\[.*\])?$", line)
        if match and "PROGRAM TOTALS" not in line:
            name = match.group(2).strip()
            costs[name] = costs.get(name, 0) + int(match.group(1).replace(",", ""))
    return costs


def run(client: str, env: dict, calls: int, tmp: Path) -> tuple:
    """Total instructions of a run of `calls` calls (after the client's warm-up call), and the
    callgrind output file."""
    out = tmp / f"callgrind.{calls}.out"
    subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", client, "client", str(calls), "1"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    match = re.search(r"^(?:summary|totals): (\d+)", out.read_text(), re.M)
    return int(match.group(1)), out


def measure(client: str, stub: str = None, calls: int = CALLS, port: int = None, distinct: bool = False) -> dict:
    """Instructions per call, the per-call self cost of the top functions and the components.
    Against `stub` (started and stopped here) or a keep-alive server already on `port`; with
    `distinct`, every call sends a token the client has not seen."""
    server = None
    if port is None:
        server, port = start_stub(stub)
    try:
        env = environment(port, distinct)
        with tempfile.TemporaryDirectory() as tmp:
            one, one_out = run(client, env, 1, Path(tmp))
            many, many_out = run(client, env, calls + 1, Path(tmp))
            per_function, components = {}, {}
            for inclusive in (False, True):
                a, b = annotate(one_out, inclusive), annotate(many_out, inclusive)
                diff = {name: (b.get(name, 0) - a.get(name, 0)) / calls for name in set(a) | set(b)}
                if inclusive:
                    for component, patterns in COMPONENTS.items():
                        components[component] = sum(
                            sign * cost
                            for pattern, sign in patterns
                            for name, cost in diff.items()
                            if re.search(pattern, name)
                        )
                else:
                    per_function = diff
    finally:
        if server:
            server.kill()
            server.wait()
    top = sorted(per_function.items(), key=lambda kv: -kv[1])[:25]
    return {"per_call": (many - one) / calls, "calls": calls, "top_functions": top, "components": components}


def print_breakdown(result: dict) -> None:
    per_call = result["per_call"]
    print("  by component (inclusive, per call; the rest is allocation, the C boundary, the retry loop):")
    for component, cost in result["components"].items():
        print(f"    {component:14} {cost:10,.0f}  {cost / per_call:6.1%}")
    print("  top functions (self cost, per call):")
    for name, cost in result["top_functions"]:
        print(f"    {cost:10,.0f}  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("client")
    parser.add_argument("stub")
    parser.add_argument("--ceiling", type=float, default=CEILING)
    parser.add_argument("--distinct-ceiling", type=float, default=DISTINCT_CEILING)
    parser.add_argument("--calls", type=int, default=CALLS)
    parser.add_argument("--breakdown", action="store_true", help="print the breakdown even when under the ceiling")
    args = parser.parse_args()
    failed = False
    for label, distinct, ceiling in (
        ("same token every call", False, args.ceiling),
        ("a new token every call", True, args.distinct_ceiling),
    ):
        result = measure(args.client, args.stub, args.calls, distinct=distinct)
        per_call = result["per_call"]
        verdict = "OK" if per_call <= ceiling else "FAIL"
        print(
            f"instructions per call (C client, reused connection, 1,231-character token, {label}, "
            f"({args.calls}+1 calls - 1 call) / {args.calls}): {per_call:,.0f}; ceiling {ceiling:,.0f}: {verdict}"
        )
        if verdict == "FAIL" or args.breakdown:
            print_breakdown(result)
        failed |= verdict == "FAIL"
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
