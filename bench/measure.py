"""`make bench`: every front end against its peers and the raw floor, interleaved, in one run.

Run by bench/run.sh with the bench venv's Python after everything is built. Prints the table,
checks the lean-path targets (PASS/FAIL; BENCH_STRICT=1 exits 1 on a FAIL), writes
bench/results.json (BENCH_RESULTS=path elsewhere). BENCH_QUICK=1: fewer calls.
BENCH_ONLY=concurrency: only the concurrency section (N calls at once against a stub that answers
after BENCH_DELAY_MS, default 50), merged into the existing results file.
"""

import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "target" / "bench"
VENV_PY = str(OUT / "venv" / "bin" / "python")
QUICK = os.environ.get("BENCH_QUICK") == "1"
ROUNDS = 3 if QUICK else 7
CALLS = 300 if QUICK else 2000
TRACE_CALLS = (50, 150)
CALLGRIND_CALLS = 100
COLD_RUNS = 3 if QUICK else 7
ONLY = os.environ.get("BENCH_ONLY", "")
DELAY_MS = int(os.environ.get("BENCH_DELAY_MS", "50"))
CONCURRENCY_LEVELS = (8, 64)
CONCURRENCY_ROUNDS = 3 if QUICK else 7


def access_token() -> str:
    """A JWT-shaped access token of a real Cognito token's size (about 1,000 characters): the
    scrubber's work grows with the token, so a short stand-in would flatter every figure."""
    import base64
    import hashlib

    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    header = part(json.dumps({"kid": "bench-key", "alg": "RS256"}).encode())
    claims = {
        "sub": "5f1c2e3a-bench-user",
        "iss": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Bench",
        "client_id": "benchclientid0123456789",
        "origin_jti": "bench",
        "event_id": "bench",
        "token_use": "access",
        "scope": "aws.cognito.signin.user.admin",
        "auth_time": 1764547200,
        "exp": 4102444800,
        "iat": 1764547200,
        "jti": "bench-jti",
        "username": "bench-user",
        "padding": hashlib.sha512(b"bench").hexdigest() * 2,
    }
    signature = part(hashlib.sha512(b"signature").digest() * 4)
    return f"{header}.{part(json.dumps(claims).encode())}.{signature}"


TOKEN = access_token()


def command_lines(http_port: int) -> dict:
    """Every keep-alive subject: name -> (argv for `calls` calls, peer group)."""
    py, node = VENV_PY, "node"
    script = str(ROOT / "bench")
    return {
        "raw C socket (floor)": (lambda n, t=1: [str(OUT / "raw_client"), str(http_port), str(n)]),
        "C client": (lambda n, t=1: [str(OUT / "c_client"), "client", str(n), str(t)]),
        "C one-shot": (lambda n, t=1: [str(OUT / "c_client"), "oneshot", str(n), str(t)]),
        "Python Client": (lambda n, t=1: [py, f"{script}/py_client.py", "ours", "client", str(n), str(t)]),
        "Python one-shot": (lambda n, t=1: [py, f"{script}/py_client.py", "ours", "oneshot", str(n), str(t)]),
        "boto3": (lambda n, t=1: [py, f"{script}/py_client.py", "boto3", "client", str(n), str(t)]),
        "Node sync": (lambda n, t=1: [node, f"{script}/node_client.mjs", "ours-sync", "client", str(n), str(t)]),
        "Node async": (lambda n, t=1: [node, f"{script}/node_client.mjs", "ours-async", "client", str(n), str(t)]),
        "Node one-shot": (lambda n, t=1: [node, f"{script}/node_client.mjs", "ours-oneshot", "client", str(n), str(t)]),
        "JS SDK v3": (lambda n, t=1: [node, f"{script}/node_client.mjs", "sdk", "client", str(n), str(t)]),
        "Python http.client": (lambda n, t=1: [py, f"{script}/py_client.py", "http.client", "client", str(n), str(t)]),
        "Node http": (lambda n, t=1: [node, f"{script}/node_client.mjs", "http", "client", str(n), str(t)]),
    }


PEER_OF = {
    "C client": ["boto3", "JS SDK v3"],
    "C one-shot": ["boto3", "JS SDK v3"],
    "Python Client": ["boto3"],
    "Python one-shot": ["boto3"],
    "Node sync": ["JS SDK v3"],
    "Node async": ["JS SDK v3"],
    "Node one-shot": ["JS SDK v3"],
}


def run_json(argv: list, env: dict) -> dict:
    """Runs a client; its JSON line."""
    process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    stdout, stderr = process.stdout.read(), process.stderr.read()
    if process.returncode != 0:
        raise SystemExit(f"bench: {' '.join(argv)} failed ({process.returncode}):\n{stderr}")
    result = json.loads(stdout.strip().splitlines()[-1])
    return result


def connections(port: int, scheme: str = "http") -> int:
    with urllib.request.urlopen(f"{scheme}://127.0.0.1:{port}/connections", timeout=5) as response:
        return int(response.read())


def start_server(args: list) -> tuple:
    port_file = Path(tempfile.mktemp(prefix="bench-port-"))
    process = subprocess.Popen([str(OUT / "stub_server"), str(port_file), *args])
    for _ in range(200):
        if port_file.exists() and port_file.read_text().strip():
            port = int(port_file.read_text())
            port_file.unlink()
            return process, port
        time.sleep(0.02)
    raise SystemExit("bench: the stub server did not start")


def base_environment() -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("AWS_")
        and k.lower() not in ("http_proxy", "https_proxy", "all_proxy", "no_proxy")
        and k not in ("SSL_CERT_FILE", "NODE_EXTRA_CA_CERTS", "REQUESTS_CA_BUNDLE")
    }
    env.update(
        {
            "AWS_REGION": "us-east-1",
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_MAX_ATTEMPTS": "1",
            "AWS_ACCESS_KEY_ID": "bench",
            "AWS_SECRET_ACCESS_KEY": "bench",
            "AWS_CONFIG_FILE": "/dev/null",
            "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
            "AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED": "true",
            "BENCH_NODE_MODULES": str(OUT / "node" / "node_modules"),
            "BENCH_OURS_NODE": str(ROOT / "bindings-node"),
            "BENCH_ACCESS_TOKEN": TOKEN,
        }
    )
    return env


def per_call(result: dict) -> tuple:
    return result["wall_s"] / result["calls"] * 1e6, result["cpu_s"] / result["calls"] * 1e6


def keep_alive(subjects: dict, env: dict, port: int) -> dict:
    """Interleaved rounds: every subject once per round; medians of per-call wall and CPU µs,
    and the connections each run opened."""
    samples = {name: [] for name in subjects}
    opened = {}
    for _ in range(ROUNDS):
        for name, argv in subjects.items():
            before = connections(port)
            result = run_json(argv(CALLS), env)
            opened[name] = connections(port) - before - 1
            samples[name].append(per_call(result))
    return {
        name: {
            "latency_us": statistics.median(s[0] for s in values),
            "cpu_us": statistics.median(s[1] for s in values),
            "connections_opened": opened[name],
            "calls": CALLS,
        }
        for name, values in samples.items()
    }


def strace_counts(argv: list, env: dict) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".strace") as out:
        subprocess.run(
            ["strace", "-f", "-c", "-o", out.name, *argv],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        counts = {}
        for line in Path(out.name).read_text().splitlines():
            fields = line.split()
            if len(fields) >= 5 and fields[-1] not in ("syscall", "total") and fields[0][0].isdigit():
                calls = int(fields[3])
                counts[fields[-1]] = calls
        return counts


def syscalls(subjects: dict, env: dict) -> dict:
    """Per call, from the difference of two runs (start-up cancels out): syscalls, threads."""
    low, high = TRACE_CALLS
    out = {}
    for name, argv in subjects.items():
        a, b = strace_counts(argv(low), env), strace_counts(argv(high), env)
        diff = {k: (b.get(k, 0) - a.get(k, 0)) / (high - low) for k in set(a) | set(b)}
        out[name] = {
            "syscalls_per_call": sum(diff.values()),
            "threads_per_call": sum(v for k, v in diff.items() if k in ("clone", "clone3", "fork", "vfork")),
            "by_syscall": {k: round(v, 2) for k, v in sorted(diff.items(), key=lambda kv: -kv[1]) if abs(v) >= 0.05},
        }
    return out


def callgrind_instructions(port: int) -> dict:
    """Instructions per call of the C client on a reused connection, and where they go
    (scripts/instructions_per_call.py, the measure `make test-c` guards)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import instructions_per_call

    return instructions_per_call.measure(str(OUT / "c_client"), port=port, calls=CALLGRIND_CALLS)


def cold_starts(env: dict, https_port: int) -> dict:
    """Process start to first answer over TLS (new process, new handshake), import time and
    peak RSS above the bare runtime, median of COLD_RUNS."""
    env = dict(env, AWS_ENDPOINT_URL=f"https://127.0.0.1:{https_port}")
    py, script, node = VENV_PY, str(ROOT / "bench"), "node"
    cli_args = ["get-user-attribute-verification-code", "--access-token", TOKEN, "--attribute-name", "email"]
    subjects = {
        "C client": [str(OUT / "c_client"), "client", "1", "1"],
        "Python Client": [py, f"{script}/py_client.py", "ours", "cold", "1", "1"],
        "boto3": [py, f"{script}/py_client.py", "boto3", "cold", "1", "1"],
        "Node async": [node, f"{script}/node_client.mjs", "ours-async", "cold", "1", "1"],
        "JS SDK v3": [node, f"{script}/node_client.mjs", "sdk", "cold", "1", "1"],
        "CLI": [str(ROOT / "target" / "release" / "cognito-attr-code"), *cli_args],
        "AWS CLI v1": [str(OUT / "venv" / "bin" / "aws"), "cognito-idp", *cli_args],
    }
    system_aws = shutil.which("aws")
    if system_aws and subprocess.run([system_aws, "--version"], capture_output=True, text=True).stdout.startswith(
        "aws-cli/2"
    ):
        subjects["AWS CLI v2"] = [system_aws, "cognito-idp", *cli_args]
    bare = {"python": [py, "-c", "pass"], "node": [node, "-e", "0"]}
    samples = {name: [] for name in list(subjects) + list(bare)}
    for _ in range(COLD_RUNS):
        for name, argv in list(subjects.items()) + list(bare.items()):
            started = time.perf_counter()
            process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - started
            stdout, stderr = process.stdout.read(), process.stderr.read()
            if os.waitstatus_to_exitcode(status) != 0:
                raise SystemExit(f"bench: cold run of {name} failed:\n{stderr}")
            extra = json.loads(stdout) if '"import_s"' in stdout else {}
            samples[name].append((wall, extra.get("import_s")))
    peak = {name: peak_rss_kib(argv, env) for name, argv in list(subjects.items()) + list(bare.items())}
    out = {}
    for name in subjects:
        runtime = (
            "python" if name in ("Python Client", "boto3") else "node" if name in ("Node async", "JS SDK v3") else None
        )
        entry = {"cold_ms": statistics.median(s[0] for s in samples[name]) * 1e3}
        imports = [s[1] for s in samples[name] if s[1] is not None]
        if imports:
            entry["import_ms"] = statistics.median(imports) * 1e3
        if peak[name] is None:
            pass
        elif runtime:
            entry["rss_above_runtime_mib"] = (peak[name] - peak[runtime]) / 1024
        else:
            entry["peak_rss_mib"] = peak[name] / 1024
        out[name] = entry
    return out


def peak_rss_kib(argv: list, env: dict):
    """Peak RSS of one run, from GNU time (None without it). Not from our own wait4: a child
    forked from this process starts with its resident size as its high-water mark."""
    if not Path("/usr/bin/time").exists():
        return None
    result = subprocess.run(
        ["/usr/bin/time", "-f", "bench-peak-rss-kib=%M", *argv], env=env, capture_output=True, text=True, check=True
    )
    return int(re.findall(r"bench-peak-rss-kib=(\d+)", result.stderr)[-1])


def throughput(subjects: dict, env: dict) -> dict:
    plan = {
        "C client": (1, 2, 4),
        "Python Client": (1, 2, 4),
        "boto3": (1, 2, 4),
        "Node async": (1, 4, 16),
        "JS SDK v3": (1, 4, 16),
    }
    calls = CALLS // 2 if QUICK else CALLS
    out = {}
    for name, levels in plan.items():
        out[name] = {}
        for level in levels:
            rates = [calls / run_json(subjects[name](calls, level), env)["wall_s"] for _ in range(3 if QUICK else 5)]
            out[name][str(level)] = statistics.median(rates)
    return out


def start_delay_stub(delay_ms: int) -> tuple:
    """The concurrency bench's stub (bench/delay_stub.mjs, a Node `http` server in its own
    process, keep-alive), answering each request after `delay_ms`."""
    process = subprocess.Popen(
        ["node", str(ROOT / "bench" / "delay_stub.mjs"), str(delay_ms)], stdout=subprocess.PIPE, text=True
    )
    line = process.stdout.readline().strip()
    if not line.isdigit():
        process.kill()
        raise SystemExit("bench: the delay stub did not start")
    return process, int(line)


def concurrency(env: dict) -> dict:
    """N calls at once against a stub that answers after DELAY_MS, and one small-file read issued
    right after they start: Node's fs.readFile (libuv's pool), Python's run_in_executor(None)
    job (the loop's default executor). Medians (and the worst read) of CONCURRENCY_ROUNDS rounds
    after one warm-up round; the subjects interleaved, each in a fresh process per level."""
    stub, port = start_delay_stub(DELAY_MS)
    env = dict(env, AWS_ENDPOINT_URL=f"http://127.0.0.1:{port}")
    script = str(ROOT / "bench")
    subjects = {
        "Node Client (async)": (["node", f"{script}/node_concurrency.mjs", "ours"], "read_file_ms"),
        "Node one-shot": (["node", f"{script}/node_concurrency.mjs", "ours-oneshot"], "read_file_ms"),
        "JS SDK v3": (["node", f"{script}/node_concurrency.mjs", "sdk"], "read_file_ms"),
        "Python get_attr_code_async": ([VENV_PY, f"{script}/py_concurrency.py", "ours"], "executor_job_ms"),
        "boto3 in run_in_executor": ([VENV_PY, f"{script}/py_concurrency.py", "boto3"], "executor_job_ms"),
    }
    out = {"delay_ms": DELAY_MS, "rounds": CONCURRENCY_ROUNDS, "levels": {}}
    try:
        for level in CONCURRENCY_LEVELS:
            rows = {}
            for name, (argv, side) in subjects.items():
                result = run_json([*argv, str(level), str(CONCURRENCY_ROUNDS)], env)
                rows[name] = {
                    "all_done_ms": statistics.median(result["all_done_ms"]),
                    "side_job_ms": statistics.median(result[side]),
                    "side_job_worst_ms": max(result[side]),
                    "side_job": "fs.readFile" if side == "read_file_ms" else "run_in_executor(None)",
                }
            out["levels"][str(level)] = rows
    finally:
        stub.kill()
    return out


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    versions = {}
    for label, argv in {
        "node": ["node", "--version"],
        "python": [VENV_PY, "--version"],
        "rustc": ["rustc", "--version"],
    }.items():
        versions[label] = subprocess.run(argv, capture_output=True, text=True).stdout.strip()
    return {"cpu": cpu, "cores": os.cpu_count(), "kernel": platform.release(), **versions}


def main_concurrency_only() -> None:
    """BENCH_ONLY=concurrency: the concurrency section alone, merged into the results file."""
    from report import print_concurrency, concurrency_targets

    destination = Path(os.environ.get("BENCH_RESULTS", ROOT / "bench" / "results.json"))
    results = json.loads(destination.read_text()) if destination.exists() else {}
    print(
        f"bench: concurrency, {CONCURRENCY_ROUNDS} rounds per subject and level, stub delay {DELAY_MS} ms", flush=True
    )
    results["concurrency"] = concurrency(base_environment())
    results["concurrency"]["machine"] = machine()
    results["concurrency"]["command"] = "BENCH_ONLY=concurrency make bench" + (" BENCH_QUICK=1" if QUICK else "")
    results["concurrency"]["targets"] = concurrency_targets(results["concurrency"])
    print_concurrency(results["concurrency"])
    destination.write_text(json.dumps(results, indent=2) + "\n")
    print(
        f"bench: wrote the concurrency section of {destination.relative_to(ROOT) if destination.is_relative_to(ROOT) else destination}"
    )
    if any(not t["pass"] for t in results["concurrency"]["targets"]) and os.environ.get("BENCH_STRICT") == "1":
        sys.exit(1)


def main() -> None:
    if ONLY == "concurrency":
        main_concurrency_only()
        return
    if ONLY:
        raise SystemExit(f"bench: BENCH_ONLY={ONLY} is not a section (only 'concurrency' runs alone)")
    ca_dir = OUT / "tls"
    http_server, http_port = start_server([])
    https_server, https_port = start_server([str(ca_dir / "server.pem"), str(ca_dir / "server.key")])
    try:
        env = base_environment()
        env.update(
            {
                "AWS_ENDPOINT_URL": f"http://127.0.0.1:{http_port}",
                "AWS_CA_BUNDLE": str(ca_dir / "ca.pem"),
                "NODE_EXTRA_CA_CERTS": str(ca_dir / "ca.pem"),
            }
        )
        subjects = command_lines(http_port)
        print(
            f"bench: {ROUNDS} interleaved rounds of {CALLS} keep-alive calls per subject{' (quick)' if QUICK else ''}",
            flush=True,
        )
        results = {"machine": machine(), "quick": QUICK, "command": "make bench" + (" BENCH_QUICK=1" if QUICK else "")}
        results["keep_alive"] = keep_alive(subjects, env, http_port)
        print("bench: strace", flush=True)
        results["syscalls"] = syscalls({k: v for k, v in subjects.items()}, env)
        print("bench: callgrind", flush=True)
        callgrind = callgrind_instructions(http_port)
        results["c_instructions_per_call"] = callgrind["per_call"]
        results["c_instructions_by_component"] = callgrind["components"]
        results["c_instructions_top_functions"] = callgrind["top_functions"][:12]
        print("bench: import cost", flush=True)
        from import_cost import measure as import_cost

        results["imports"] = import_cost(VENV_PY, str(ROOT / "bindings-node"), runs=COLD_RUNS * 3)
        print("bench: cold starts over TLS", flush=True)
        results["cold"] = cold_starts(env, https_port)
        print("bench: throughput", flush=True)
        results["throughput_calls_per_s"] = throughput(subjects, env)
        print(
            f"bench: concurrency ({', '.join(map(str, CONCURRENCY_LEVELS))} calls at once, stub delay {DELAY_MS} ms)",
            flush=True,
        )
        results["concurrency"] = concurrency(base_environment())
    finally:
        http_server.kill()
        https_server.kill()
    from report import print_report, check_targets

    results["targets"] = check_targets(results)
    print_report(results)
    destination = Path(os.environ.get("BENCH_RESULTS", ROOT / "bench" / "results.json"))
    destination.write_text(json.dumps(results, indent=2) + "\n")
    print(f"bench: wrote {destination.relative_to(ROOT) if destination.is_relative_to(ROOT) else destination}")
    # A FAIL is a finding of the run, printed above; BENCH_STRICT=1 makes it the exit status too.
    if any(not t["pass"] for t in results["targets"]) and os.environ.get("BENCH_STRICT") == "1":
        sys.exit(1)


if __name__ == "__main__":
    main()
