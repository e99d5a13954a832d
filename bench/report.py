"""The bench's table and its lean-path targets (PASS/FAIL), from the results of measure.py."""

import json
from pathlib import Path

BASELINE = Path(__file__).resolve().parent / "baseline.json"
FLOOR = "raw C socket (floor)"
OURS_REUSED = ("C client", "Python Client", "Node sync", "Node async")
ONE_SHOTS = ("C one-shot", "Python one-shot", "Node one-shot")
PEERS = ("boto3", "JS SDK v3")
# Issue 24's targets: instructions per call of the C client, and the share of secrecy work.
INSTRUCTIONS_TARGET = 75_000
SECRECY_SHARE_TARGET = 0.05
IMPORT_MS_TARGETS = {"python": ("import cognito_attr_code", 12.0), "node": ("require('cognito-attr-code')", 5.5)}


def check_targets(results: dict) -> list:
    targets = []
    calls = results["syscalls"]
    worst = max(calls[name]["threads_per_call"] for name in OURS_REUSED + ONE_SHOTS)
    targets.append(
        {
            "target": "no thread created per call (reused connection, IP-literal host)",
            "measured": f"{worst:.2f} threads/call (worst of {', '.join(OURS_REUSED + ONE_SHOTS)})",
            "pass": worst < 0.01,
        }
    )
    c_syscalls = calls["C client"]["syscalls_per_call"]
    targets.append(
        {
            "target": "<= 6 system calls per call on a reused connection (C client)",
            "measured": f"{c_syscalls:.1f}",
            "pass": c_syscalls <= 6,
        }
    )
    instructions = results["c_instructions_per_call"]
    start = json.loads(BASELINE.read_text())["issue_24_start"] if BASELINE.exists() else None
    baseline = f" vs {start['c_instructions_per_call']:,.0f} at issue 24's start" if start else ""
    targets.append(
        {
            "target": f"C instructions per call (callgrind, reused connection) <= {INSTRUCTIONS_TARGET:,}",
            "measured": f"{instructions:,.0f}{baseline}",
            "pass": instructions <= INSTRUCTIONS_TARGET,
        }
    )
    components = results.get("c_instructions_by_component", {})
    secrecy = components.get("scrub", 0) + components.get("validation", 0)
    targets.append(
        {
            "target": f"scrubbing + validation <= {SECRECY_SHARE_TARGET:.0%} of a call",
            "measured": f"{secrecy:,.0f} ({secrecy / instructions:.1%})",
            "pass": secrecy <= SECRECY_SHARE_TARGET * instructions,
        }
    )
    keep = results["keep_alive"]
    for ours, bare in (("Python Client", "Python http.client"), ("Node async", "Node http")):
        if ours in keep and bare in keep:
            targets.append(
                {
                    "target": f"{ours} per call faster than the runtime's own {bare}",
                    "measured": f"{keep[ours]['latency_us']:.1f} vs {keep[bare]['latency_us']:.1f} µs",
                    "pass": keep[ours]["latency_us"] < keep[bare]["latency_us"],
                }
            )
    for runtime, cost in results.get("imports", {}).items():
        statement, limit = IMPORT_MS_TARGETS[runtime]
        counted = (
            f" ({cost['instructions'] / 1e6:.1f} M instructions above a bare interpreter)"
            if "instructions" in cost
            else ""
        )
        targets.append(
            {
                "target": f"{statement} <= {limit} ms",
                "measured": f"{cost['import_ms']:.1f} ms{counted}",
                "pass": cost["import_ms"] <= limit,
            }
        )
    opened = {name: results["keep_alive"][name]["connections_opened"] for name in ONE_SHOTS}
    targets.append(
        {
            "target": "one-shot functions reuse connections",
            "measured": ", ".join(
                f"{name}: {count} opened for {results['keep_alive'][name]['calls'] + 1} calls"
                for name, count in opened.items()
            ),
            "pass": all(count <= 1 for count in opened.values()),
        }
    )
    sync, asynchronous = (results["keep_alive"][name]["latency_us"] for name in ("Node sync", "Node async"))
    targets.append(
        {
            "target": "Node async within 1.3x of sync",
            "measured": f"{asynchronous / sync:.2f}x",
            "pass": asynchronous <= 1.3 * sync,
        }
    )
    if "concurrency" in results:
        targets += concurrency_targets(results["concurrency"])
    return targets


def concurrency_targets(section: dict) -> list:
    """Issue #26: N calls at once (N <= the bound, 64) done within about 2x the server's delay,
    the app's fs.readFile meanwhile within 20 ms, and not slower than the JS SDK v3."""
    delay, targets = section["delay_ms"], []
    for level, rows in section["levels"].items():
        ours, sdk = rows["Node Client (async)"], rows["JS SDK v3"]
        targets.append(
            {
                "target": f"Node, {level} calls at once: all done within 2x the {delay} ms delay",
                "measured": f"{ours['all_done_ms']:.0f} ms",
                "pass": ours["all_done_ms"] <= 2 * delay,
            }
        )
        targets.append(
            {
                "target": f"Node, {level} calls at once: fs.readFile meanwhile within 20 ms",
                "measured": f"median {ours['side_job_ms']:.1f} ms, worst {ours['side_job_worst_ms']:.1f} ms",
                "pass": ours["side_job_worst_ms"] <= 20,
            }
        )
        targets.append(
            {
                "target": f"Node, {level} calls at once: at least as fast as the JS SDK v3",
                "measured": f"{ours['all_done_ms']:.0f} ms vs {sdk['all_done_ms']:.0f} ms",
                "pass": ours["all_done_ms"] <= sdk["all_done_ms"],
            }
        )
    return targets


def print_concurrency(section: dict) -> None:
    print(
        f"\nN calls at once against a stub answering after {section['delay_ms']} ms (keep-alive; median of "
        f"{section['rounds']} rounds), and a small-file read issued right after they start"
    )
    print(f"{'':28} {'N':>3} {'all done ms':>11} {'read ms (median / worst)':>26}  read through")
    for level, rows in section["levels"].items():
        for name, row in rows.items():
            print(
                f"{name:28} {level:>3} {row['all_done_ms']:11.1f} {row['side_job_ms']:12.1f} / {row['side_job_worst_ms']:8.1f}   {row['side_job']}"
            )
    if section.get("targets"):
        print("\nconcurrency targets (issue #26)")
        for target in section["targets"]:
            print(f"  {'PASS' if target['pass'] else 'FAIL'}  {target['target']}: {target['measured']}")


def print_report(results: dict) -> None:
    m = results["machine"]
    print(
        f"\nmachine: {m['cpu']}, {m['cores']} cores, Linux {m['kernel']}; {m['python']}, node {m['node']}, {m['rustc']}"
    )
    keep, calls = results["keep_alive"], results["syscalls"]
    floor = keep[FLOOR]["latency_us"]
    header = f"{'keep-alive, per call':22} {'latency µs':>10} {'CPU µs':>8} {'syscalls':>8} {'threads':>7} {'conns':>5} {'x floor':>8}"
    header += "".join(f" {'x ' + p:>12}" for p in PEERS)
    print("\n" + header)
    for name, row in keep.items():
        line = (
            f"{name:22} {row['latency_us']:10.1f} {row['cpu_us']:8.1f} {calls[name]['syscalls_per_call']:8.1f}"
            f" {calls[name]['threads_per_call']:7.2f} {row['connections_opened']:5d} {row['latency_us'] / floor:8.1f}"
        )
        line += "".join(f" {row['latency_us'] / keep[p]['latency_us']:12.2f}" for p in PEERS)
        print(line)
    instructions = results["c_instructions_per_call"]
    print(f"\nC instructions per call (callgrind, reused connection): {instructions:,.0f}")
    for component, cost in results.get("c_instructions_by_component", {}).items():
        print(f"  {component:14} {cost:10,.0f}  {cost / instructions:6.1%}")
    print(f"\n{'cold, over TLS':22} {'to answer ms':>12} {'import ms':>9} {'RSS MiB':>8}  (+: above the bare runtime)")
    for name, row in results["cold"].items():
        rss = row.get("rss_above_runtime_mib", row.get("peak_rss_mib"))
        above = "+" if "rss_above_runtime_mib" in row else " "
        shown = f"{above}{rss:7.1f}" if rss is not None else "     n/a"
        imported = f"{row['import_ms']:9.1f}" if "import_ms" in row else f"{'':9}"
        print(f"{name:22} {row['cold_ms']:12.1f} {imported} {shown}")
    print(f"\n{'throughput calls/s':22} by threads (C, Python) or concurrency (Node)")
    for name, levels in results["throughput_calls_per_s"].items():
        print(f"{name:22} " + "  ".join(f"{level}: {rate:8.0f}" for level, rate in levels.items()))
    if "concurrency" in results:
        print_concurrency({**results["concurrency"], "targets": []})
    print("\nlean-path targets")
    for target in results["targets"]:
        print(f"  {'PASS' if target['pass'] else 'FAIL'}  {target['target']}: {target['measured']}")
