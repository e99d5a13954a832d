#!/usr/bin/env bash
# `make bench`: builds every front end (release), the stub server and the C loops, installs the
# peers into a bench-local venv and node_modules (target/bench), then measures (bench/measure.py)
# and draws bench/chart.png (bench/chart.py). BENCH_QUICK=1 for a short run.
# BENCH_ONLY=concurrency: builds only the Python wheel and the Node addon and runs only the
# concurrency section (N calls at once against a stub with a delay), merged into the results.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=target/bench
mkdir -p "$out"
step() { printf '==> %s\n' "$*"; }
only=${BENCH_ONLY:-}
case "$only" in
  "" | concurrency) ;;
  *) echo "BENCH_ONLY=$only is not a section (only 'concurrency' runs alone)"; exit 1 ;;
esac

if [ "$only" = concurrency ]; then
  for tool in cargo python3 node npm; do
    command -v "$tool" >/dev/null || { echo "make bench needs '$tool' on PATH (apt-get install $tool)"; exit 1; }
  done
  step "bench venv: boto3, maturin (PyPI)"
  [ -x "$out/venv/bin/python" ] || python3 -m venv "$out/venv"
  "$out/venv/bin/pip" install --quiet --disable-pip-version-check boto3 "maturin==1.16.0"
fi

if [ -z "$only" ]; then
  for tool in cargo cc python3 node npm strace valgrind; do
    command -v "$tool" >/dev/null || { echo "make bench needs '$tool' on PATH (apt-get install $tool)"; exit 1; }
  done
  printf '#include <openssl/ssl.h>\nint main(void) { return 0; }\n' >"$out/ssl-check.c"
  cc -o "$out/ssl-check" "$out/ssl-check.c" -lssl -lcrypto 2>/dev/null || {
    echo "make bench needs OpenSSL's headers for the TLS stub server: apt-get install libssl-dev (Debian/Ubuntu) or dnf install openssl-devel (Fedora)"
    exit 1
  }

  step "C library and CLI (cargo, release)"
  cargo build --release --quiet -p cognito-attr-code-ffi -p cognito-attr-code-cli
  step "stub server and C loops"
  cc -O2 -Wall -Wextra -Werror -o "$out/stub_server" bench/stub_server.c -lssl -lcrypto -lpthread
  cc -O2 -Wall -Wextra -Werror -o "$out/raw_client" bench/raw_client.c
  cc -O2 -std=c99 -Wall -Wextra -Werror -Iinclude -o "$out/c_client" bench/c_client.c \
    target/release/libcognito_attr_code.a -lpthread -ldl -lm

  step "bench venv: boto3, AWS CLI v1, matplotlib, trustme, maturin (PyPI)"
  [ -x "$out/venv/bin/python" ] || python3 -m venv "$out/venv"
  "$out/venv/bin/pip" install --quiet --disable-pip-version-check boto3 awscli matplotlib trustme "maturin==1.16.0"
fi
step "Python wheel (maturin, release) into the bench venv"
rm -rf "$out/wheels"
(cd bindings-python && CARGO_TARGET_DIR="$root/target/python" "$root/$out/venv/bin/maturin" build --release --quiet --out "$root/$out/wheels")
"$out/venv/bin/pip" install --quiet --disable-pip-version-check --no-deps --force-reinstall "$out"/wheels/*.whl

step "Node addon (napi-rs, release) and @aws-sdk/client-cognito-identity-provider (npm)"
(cd bindings-node && { [ -d node_modules/@napi-rs/cli ] || npm ci --no-audit --no-fund --loglevel=error; } \
  && CARGO_TARGET_DIR="$root/target/node" sh scripts/build.sh >/dev/null)
mkdir -p "$out/node"
[ -f "$out/node/package.json" ] || printf '{ "name": "bench-peers", "private": true }\n' >"$out/node/package.json"
(cd "$out/node" && npm install --no-audit --no-fund --loglevel=error @aws-sdk/client-cognito-identity-provider >/dev/null)

if [ -z "$only" ]; then
  step "private CA and server certificate (trustme)"
  "$out/venv/bin/python" bench/make_certs.py "$out/tls"
fi

step "measuring"
status=0
"$out/venv/bin/python" bench/measure.py || status=$?
[ -z "$only" ] && [ -f "${BENCH_RESULTS:-bench/results.json}" ] && "$out/venv/bin/python" bench/chart.py "${BENCH_RESULTS:-bench/results.json}" bench/chart.png
exit $status
