"""Draws the bench's chart (PNG) from results.json: per-call latency and cold start, log scale."""

import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

results = json.loads(open(sys.argv[1]).read())
keep, cold = results["keep_alive"], results["cold"]
fig, (left, right) = plt.subplots(1, 2, figsize=(13, 5.5))


def floor(name):
    return name.startswith("raw") or name in ("Python http.client", "Node http")


def ours(name):
    return not floor(name) and not name.startswith(("boto3", "JS SDK", "AWS CLI"))


def colour(name):
    return "#2b7bba" if ours(name) else "#999999" if floor(name) else "#d95f02"


names = list(keep)
left.barh(names, [keep[n]["latency_us"] for n in names], color=[colour(n) for n in names])
left.set_xscale("log")
left.set_xlabel("µs per call, keep-alive, loopback (log scale)")
left.invert_yaxis()
for i, n in enumerate(names):
    left.text(keep[n]["latency_us"], i, f" {keep[n]['latency_us']:.0f}", va="center", fontsize=8)

names = list(cold)
right.barh(names, [cold[n]["cold_ms"] for n in names], color=[colour(n) for n in names])
right.set_xscale("log")
right.set_xlabel("ms from process start to first answer over TLS (log scale)")
right.invert_yaxis()
for i, n in enumerate(names):
    right.text(cold[n]["cold_ms"], i, f" {cold[n]['cold_ms']:.0f}", va="center", fontsize=8)

m = results["machine"]
fig.suptitle(
    f"cognito-attr-code (blue) vs peers (orange) and the floors: raw socket, http.client, Node http (grey) — {m['cpu']}, {m['cores']} cores"
)
fig.tight_layout()
fig.savefig(sys.argv[2], dpi=110)
