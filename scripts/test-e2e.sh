#!/usr/bin/env bash
# End-to-end tests of every front end (C library, Python wheel, Node package, CLI) against
# cognito-local, the pinned third-party emulator in tools/cognito-local. Exits non-zero on any
# failure; the fixture stops every emulator it starts.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
dest=target/e2e
scripts/install-frontends.sh "$dest" "pytest==8.3.5" "trustme==1.2.1"

export COGNITO_E2E_LIB="$root/target/release/libcognito_attr_code.so"
export COGNITO_E2E_CLI="$root/target/release/cognito-attr-code"
export COGNITO_E2E_NODE_DIR="$root/$dest/node-app"
printf '==> end-to-end tests\n'
cd "$dest" && "$root/$dest/venv/bin/python" -m pytest -W error -p no:cacheprovider -q \
  --rootdir "$root/tests/e2e" "$root/tests/e2e" "$@"
