#!/usr/bin/env bash
# End-to-end tests of every front end against cognito-local (the pinned third-party emulator in
# tools/cognito-local). Builds what it tests, installs the test runner in its own venv, exits
# non-zero on any failure. Every emulator it starts is stopped by the fixture.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

cargo build --release -q -p cognito-attr-code-ffi -p cognito-attr-code-cli
venv=target/e2e-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pytest==8.3.5"
(cd tools/cognito-local && [ -d node_modules/cognito-local ] || npm ci --no-audit --no-fund --loglevel=error)

export COGNITO_E2E_LIB="$root/target/release/libcognito_attr_code.so"
export COGNITO_E2E_CLI="$root/target/release/cognito-attr-code"
"$venv/bin/python" -m pytest -W error -p no:cacheprovider -q tests/e2e "$@"
