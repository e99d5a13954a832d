#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 60) and prints, per target, libFuzzer's final
# figures: executions, coverage (cov = code edges, ft = features), corpus size and the outcome.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]   (needs nightly and cargo-fuzz; see `make fuzz`)
# Logs go to fuzz/logs/<target>.log, new inputs to fuzz/corpus/<target>, crashes to
# fuzz/artifacts/<target>.
set -uo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cargo +nightly fuzz list)
fi
mkdir -p logs
status=0
printf '%-16s %12s %8s %8s %8s %s\n' target executions cov ft corpus outcome
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target"
    log="logs/$target.log"
    # A crash, leak, timeout (>10 s per input) or 2 GB of memory is a finding.
    if cargo +nightly fuzz run "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        >"$log" 2>&1; then
        outcome=ok
    else
        outcome="FINDING (see fuzz/$log)"
        status=1
    fi
    final=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -1)
    runs=$(grep -oE '^stat::number_of_executed_units:[[:space:]]*[0-9]+' "$log" | grep -oE '[0-9]+$')
    cov=$(grep -oE 'cov: [0-9]+' <<<"$final" | grep -oE '[0-9]+')
    ft=$(grep -oE 'ft: [0-9]+' <<<"$final" | grep -oE '[0-9]+')
    corp=$(grep -oE 'corp: [0-9]+' <<<"$final" | grep -oE '[0-9]+')
    printf '%-16s %12s %8s %8s %8s %s\n' "$target" "${runs:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$outcome"
done
exit $status
