#!/usr/bin/env bash
# Builds every front end and installs each the way a user would, into DEST:
#   DEST/venv        a virtualenv with the Python wheel (plus any extra pip packages given)
#   DEST/node-app    a folder where the Node package was `npm install`ed from its tarball
# and builds the C library, the C example and the CLI under target/. Used by the end-to-end
# tests and by `make demo`.  usage: scripts/install-frontends.sh DEST [pip-package ...]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
dest=$(mkdir -p "$1" && cd "$1" && pwd)
shift
step() { printf '==> %s\n' "$*"; }

step "building the C library and the CLI (cargo, release)"
cargo build --release -p cognito-attr-code-ffi -p cognito-attr-code-cli
mkdir -p target/c
cc -std=c99 -Wall -Wextra -Wpedantic -Werror -Iinclude -o target/c/send_code examples/c/send_code.c \
  target/release/libcognito_attr_code.a -lpthread -ldl -lm
cc -std=c99 -Wall -Wextra -Wpedantic -Werror -Iinclude -o target/c/verify_code examples/c/verify_code.c \
  target/release/libcognito_attr_code.a -lpthread -ldl -lm

step "building the Python wheel (maturin) into a fresh virtualenv"
rm -rf "$dest/venv" "$dest/wheels"
python3 -m venv "$dest/venv"
"$dest/venv/bin/python" -m pip install --quiet --disable-pip-version-check "maturin==1.16.0" "$@"
(cd bindings-python && CARGO_TARGET_DIR="$root/target/python" "$dest/venv/bin/maturin" build --release --quiet --out "$dest/wheels")
"$dest/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps "$dest"/wheels/*.whl

step "building the Node addon (napi-rs) and installing its tarball"
(cd bindings-node && npm ci --no-audit --no-fund --loglevel=error \
  && CARGO_TARGET_DIR="$root/target/node" sh scripts/build.sh >/dev/null \
  && rm -f "$dest"/cognito-attr-code-*.tgz && npm pack --silent --pack-destination "$dest" >/dev/null)
rm -rf "$dest/node-app" && mkdir -p "$dest/node-app"
(cd "$dest/node-app" && printf '{ "name": "cognito-attr-code-app", "private": true }\n' >package.json \
  && npm install --no-audit --no-fund --loglevel=error "$dest"/cognito-attr-code-*.tgz)

step "installing cognito-local (pinned) into tools/cognito-local"
(cd tools/cognito-local && npm ci --no-audit --no-fund --loglevel=error)
