#!/usr/bin/env bash
# Tests of the Python package, run from any directory (rustfmt, clippy and ruff: make lint): builds the abi3 wheel,
# installs it into a fresh venv, checks the stubs, and runs pytest against the installed package;
# then checks that `pip install ./bindings-python` builds from source in another fresh venv and
# runs the example against a local stand-in server.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BINDINGS="$ROOT/bindings-python"
PYTHON="${PYTHON:-python3}"
export CARGO_TARGET_DIR="$ROOT/target/python"
VENV="$ROOT/target/python-venv"
SOURCE_VENV="$ROOT/target/python-venv-source"
WHEELS="$CARGO_TARGET_DIR/wheels"
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

step() { printf '\n==> %s\n' "$*"; }

step "fresh venv with the test tools ($VENV)"
rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    "maturin==1.16.0" "pytest==9.2.0" "mypy==2.4.1" "boto3==1.43.11" "botocore==1.43.11"

step "maturin build --release (abi3 wheel)"
rm -rf "$WHEELS"
(cd "$BINDINGS" && "$VENV/bin/maturin" build --release --quiet --out "$WHEELS")
WHEEL="$(ls "$WHEELS"/cognito_attr_code-*-cp39-abi3-*.whl)"
echo "$WHEEL"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps "$WHEEL"

step "stubtest and mypy --strict"
(cd "$WORK" && "$VENV/bin/python" -m mypy.stubtest cognito_attr_code)
(cd "$BINDINGS" && "$VENV/bin/python" -m mypy --strict --cache-dir "$WORK/mypy-cache" python/cognito_attr_code tests)

step "pytest against the installed wheel"
(cd "$WORK" && "$VENV/bin/python" -m pytest -W error -q -p no:cacheprovider \
    --rootdir "$BINDINGS" -c "$BINDINGS/pyproject.toml" "$BINDINGS/tests")

step "pip install ./bindings-python in a fresh venv (build from source)"
rm -rf "$SOURCE_VENV"
"$PYTHON" -m venv "$SOURCE_VENV"
(cd "$ROOT" && "$SOURCE_VENV/bin/python" -m pip install --quiet --disable-pip-version-check ./bindings-python)

step "examples/send_code.py against a local stand-in"
"$SOURCE_VENV/bin/python" "$ROOT/scripts/demo_server.py" "$WORK/port" &
SERVER_PID=$!
for _ in $(seq 1 100); do [ -s "$WORK/port" ] && break; sleep 0.1; done
[ -s "$WORK/port" ] || { echo "demo server did not start" >&2; exit 1; }
# Only what the example needs: no AWS_* or proxy variable from this machine leaks in.
OUTPUT="$(cd "$WORK" && env -i PATH="$PATH" HOME="$WORK" AWS_REGION=us-east-1 AWS_ENDPOINT_URL="http://127.0.0.1:$(cat "$WORK/port")" \
    "$SOURCE_VENV/bin/python" "$BINDINGS/examples/send_code.py" \
    eyJhbGciOiJub25lIn0.eyJzdWIiOiJkZW1vIn0.demo-signature email)"
wait "$SERVER_PID"
SERVER_PID=""
echo "$OUTPUT"
[ "$OUTPUT" = "code sent to d***@e***.com by EMAIL" ]

step "python tests passed"
