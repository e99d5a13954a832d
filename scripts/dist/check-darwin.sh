#!/usr/bin/env bash
# `make check-darwin`: macOS is a source platform (no Apple SDK to link against here, nothing here
# runs a Mach-O), so the guard is that the code compiles for it: cargo-zigbuild check (zig compiles
# ring's C for darwin; only the link needs the SDK) of the C library, the CLI and both bindings,
# for aarch64-apple-darwin and x86_64-apple-darwin. MACOSX_DEPLOYMENT_TARGET: zig stamps 15.0
# otherwise.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
export MACOSX_DEPLOYMENT_TARGET=11.0
for triple in aarch64-apple-darwin x86_64-apple-darwin; do
  rustup target list --installed | grep -qx "$triple" || rustup target add "$triple"
  step "cargo-zigbuild check --target $triple (MACOSX_DEPLOYMENT_TARGET=$MACOSX_DEPLOYMENT_TARGET)"
  start=$SECONDS
  CARGO_TARGET_DIR="$BUILD/darwin" cargo-zigbuild check --release --locked --target "$triple" \
    -p cognito-attr-code-ffi -p cognito-attr-code-cli -p cognito-attr-code-python -p cognito-attr-code-node
  echo "check $triple: $((SECONDS - start)) s"
done
