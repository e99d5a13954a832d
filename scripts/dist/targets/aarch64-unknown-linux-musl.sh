#!/usr/bin/env bash
# aarch64 Linux, musl (zig as linker), run under qemu-user (scripts/dist/musl.sh).
#   build: cognito-attr-code-VERSION-aarch64-linux-musl.tar.gz: a fully static CLI, the C shared
#          library (needs musl's libc.so) and static library, headers, pkg-config, CMake, licences.
#   test:  as x86_64-unknown-linux-musl, under qemu-aarch64: C programs compiled with
#          `zig cc -target aarch64-linux-musl`; those linked against the shared library run with
#          Debian's arm64 musl loader (scripts/dist/arm64-musl-root.sh, kept under target/).
# usage: scripts/dist/targets/aarch64-unknown-linux-musl.sh build|test
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
# zig from the ziglang wheel (scripts/dist/tools.sh) is `python-zig` unless a `zig` is on PATH.
ZIG=$(command -v zig || command -v python-zig)
TRIPLE=aarch64-unknown-linux-musl
ARCH=aarch64
RUN=qemu-aarch64
# -O2: zig cc's default debug build adds its UBSan runtime, whose imports (statx, ...) need a
# newer musl than Debian's 1.2.3 loader has.
MUSL_CC="$ZIG cc -target aarch64-linux-musl -O2"
MUSL_CC_STATIC=$MUSL_CC
source scripts/dist/musl.sh

build() { musl_build; }
test_() {
  need_debian qemu-aarch64 qemu-user
  need_debian debootstrap debootstrap
  RUN_DYNAMIC="qemu-aarch64 -L $(scripts/dist/arm64-musl-root.sh "$BUILD/arm64-musl")"
  musl_test
}
target_main "$@"
