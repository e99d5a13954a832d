#!/usr/bin/env bash
# End-to-end tests of every front end (C library, Python wheel, Node package, CLI) against
# cognito-local, the pinned third-party emulator in tools/cognito-local. Builds and installs what
# it tests the way a user would; exits non-zero on any failure. The fixture stops every emulator
# it starts.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

step() { printf '\n==> %s\n' "$*"; }

step "C library and CLI (release)"
cargo build --release -q -p cognito-attr-code-ffi -p cognito-attr-code-cli

step "test runner and the Python wheel in target/e2e-venv"
venv=target/e2e-venv
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pytest==8.3.5" "maturin==1.16.0"
(cd bindings-python && CARGO_TARGET_DIR="$root/target/python" "$root/$venv/bin/maturin" build --release --quiet --out "$work/wheels")
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps "$work"/wheels/*.whl

step "Node package, installed from its tarball"
(cd bindings-node && npm ci --no-audit --no-fund --loglevel=error \
  && CARGO_TARGET_DIR="$root/target/node" npx napi build --platform --release --js binding.js --dts binding.d.ts >/dev/null \
  && npm pack --silent --pack-destination "$work" >/dev/null)
mkdir -p "$work/node-app"
(cd "$work/node-app" && printf '{ "name": "e2e", "private": true }\n' >package.json \
  && npm install --no-audit --no-fund --loglevel=error "$work"/cognito-attr-code-*.tgz)

step "cognito-local"
(cd tools/cognito-local && npm ci --no-audit --no-fund --loglevel=error)

export COGNITO_E2E_LIB="$root/target/release/libcognito_attr_code.so"
export COGNITO_E2E_CLI="$root/target/release/cognito-attr-code"
export COGNITO_E2E_NODE_DIR="$work/node-app"
step "end-to-end tests"
(cd "$work" && "$root/$venv/bin/python" -m pytest -W error -p no:cacheprovider -q --rootdir "$root/tests/e2e" "$root/tests/e2e" "$@")
