#!/bin/sh
# The number of tests a `cargo test` log reports passing (the sum of its "test result:" lines).
# usage: scripts/dist/cargo-passed.sh LOG
set -eu
tr -d '\r' <"$1" | sed -n 's/^test result: ok\. \([0-9]*\) passed.*/\1/p' | awk '{ n += $1 } END { print n + 0 }'
