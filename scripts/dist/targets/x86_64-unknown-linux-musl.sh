#!/usr/bin/env bash
# x86_64 Linux, musl (zig as linker), run natively (scripts/dist/musl.sh).
#   build: cognito-attr-code-VERSION-x86_64-linux-musl.tar.gz: a fully static CLI, the C shared
#          library (needs musl's libc.so) and static library, headers, pkg-config, CMake, licences.
#   test:  the layout and linkage; the CLI and the C example (static and shared, compiled with
#          musl-gcc, or zig cc for the static ones, through the tarball's pkg-config) each make one call to a stand-in server; the
#          C API suite against both libraries; the CLI's golden and end-to-end tests against the
#          shipped CLI; the CLI with no CA store; the Rust suites of core and ffi-c built for musl.
# usage: scripts/dist/targets/x86_64-unknown-linux-musl.sh build|test
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
# zig from the ziglang wheel (scripts/dist/tools.sh) is `python-zig` unless a `zig` is on PATH.
ZIG=$(command -v zig || command -v python-zig)
TRIPLE=x86_64-unknown-linux-musl
ARCH=x86_64
RUN=""
RUN_DYNAMIC=""
MUSL_CC=musl-gcc
MUSL_CC_STATIC="$ZIG cc -target x86_64-linux-musl -O2"
source scripts/dist/musl.sh

build() { musl_build; }
test_() {
  need_debian musl-gcc musl-tools
  need_debian /lib/ld-musl-x86_64.so.1 musl
  musl_test
}
target_main "$@"
