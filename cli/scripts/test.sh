#!/usr/bin/env bash
# Runs every test of the command line from the repository root: unit and integration tests
# (rustfmt and clippy: make lint). The golden tests compare with the AWS CLI outputs checked in under
# cli/tests/golden/, and also with the live AWS CLI v1/v2 wherever one is installed (see
# cli/tests/oracle/golden.rs). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target/cli}"

cargo test -p cognito-attr-code-cli
