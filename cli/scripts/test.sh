#!/usr/bin/env bash
# Runs every test of the command line from the repository root: fmt, clippy, unit and
# integration tests (the golden ones use the AWS CLI v1 as their oracle; it is installed from
# PyPI if missing). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target/cli}"

if ! command -v aws >/dev/null 2>&1; then
    python3 -m pip install --quiet "awscli==1.45.11"
fi

cargo fmt -p cognito-attr-code-cli -- --check
cargo clippy -p cognito-attr-code-cli --all-targets -- -D warnings
cargo test -p cognito-attr-code-cli
