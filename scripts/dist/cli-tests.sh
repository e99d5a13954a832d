#!/usr/bin/env bash
# The CLI's tests, built for this machine, run against a shipped CLI: COMMAND... runs it (the
# binary itself, `qemu-aarch64 BIN`, `env WINEPREFIX=... wine BIN.exe`); a script running it is
# what COGNITO_ATTR_CODE_CLI_UNDER_TEST names. LOG gets cargo's output. CLI_TEST_THREADS limits
# how many tests run at once.
# usage: scripts/dist/cli-tests.sh LOG "TEST..." COMMAND...   (TEST: cli/tests/<TEST>.rs)
set -euo pipefail
log=$1 tests=$2
shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
wrapper=$(mktemp)
trap 'rm -f "$wrapper"' EXIT
{
  printf '#!/bin/sh\nexec'
  for arg in "$@"; do printf " '%s'" "${arg//\'/\'\\\'\'}"; done
  printf ' "$@"\n'
} >"$wrapper"
chmod +x "$wrapper"
selected=()
for test in $tests; do selected+=(--test "$test"); done
COGNITO_ATTR_CODE_CLI_UNDER_TEST=$wrapper CARGO_TARGET_DIR="$root/target/cli" \
  cargo test --locked -p cognito-attr-code-cli "${selected[@]}" -- ${CLI_TEST_THREADS:+--test-threads="$CLI_TEST_THREADS"} 2>&1 |
  tee "$log"
