#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 60) and prints, per target, libFuzzer's final
# figures: executions, coverage (cov = code edges, ft = features), corpus size and the outcome.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]   (needs nightly and cargo-fuzz; see `make fuzz`)
#        fuzz/run.sh --report [TARGET...]     (the figures of the last run, from its logs)
# Logs go to fuzz/logs/<target>.log, new inputs to fuzz/corpus/<target>, crashes to
# fuzz/artifacts/<target>.
set -uo pipefail
cd "$(dirname "$0")"
report_only=no
if [ "${1:-}" = --report ]; then
    report_only=yes
    shift
fi
seconds=60
if [ $report_only = no ] && [ $# -gt 0 ]; then
    seconds=$1
    shift
fi
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(sed -n 's/^name = "\(.*\)"$/\1/p' Cargo.toml | grep -v '^cognito-attr-code-fuzz$')
fi

# One line of figures from a libFuzzer log: the final status line and the executed units.
figures() {
    local target=$1 log=$2 outcome=$3 final runs cov ft corp
    final=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -1)
    runs=$(grep -oE '^stat::number_of_executed_units:[[:space:]]*[0-9]+' "$log" | grep -oE '[0-9]+$')
    cov=$(grep -oE 'cov: [0-9]+' <<<"$final" | grep -oE '[0-9]+')
    ft=$(grep -oE 'ft: [0-9]+' <<<"$final" | grep -oE '[0-9]+')
    corp=$(grep -oE 'corp: [0-9]+' <<<"$final" | grep -oE '[0-9]+')
    printf '%-16s %12s %8s %8s %8s %s\n' "$target" "${runs:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$outcome"
}

mkdir -p logs
status=0
printf '%-16s %12s %8s %8s %8s %s\n' target executions cov ft corpus outcome
for target in "${targets[@]}"; do
    log="logs/$target.log"
    if [ $report_only = yes ]; then
        [ -f "$log" ] || { echo "$target: no log ($log)"; status=1; continue; }
        figures "$target" "$log" "$(grep -qE '^Done [0-9]+ runs' "$log" && echo ok || echo "FINDING (see fuzz/$log)")"
        continue
    fi
    mkdir -p "corpus/$target"
    # A crash, leak, timeout (>10 s per input) or 2 GB of memory is a finding.
    if cargo +nightly fuzz run "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        >"$log" 2>&1; then
        outcome=ok
    else
        outcome="FINDING (see fuzz/$log)"
        status=1
    fi
    figures "$target" "$log" "$outcome"
done
exit $status
