#!/usr/bin/env bash
# The release build's tools, pinned, in a virtualenv of the project tree (no root, no global
# install): maturin, zig (the `ziglang` wheel: the linker and C compiler that target glibc 2.17),
# cargo-zigbuild (cargo with zig as linker), auditwheel (reports a wheel's manylinux tag).
# Prints the venv's bin folder. usage: scripts/dist/tools.sh VENV
set -euo pipefail
venv=$1
pins="maturin==1.16.0 ziglang==0.17.1 cargo-zigbuild==0.24.0 auditwheel==6.8.2"
marker="$venv/.pins"
if [ "$(cat "$marker" 2>/dev/null)" != "$pins" ]; then
  rm -rf "$venv"
  python3 -m venv "$venv" >&2
  # shellcheck disable=SC2086 # one argument per pin
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check $pins >&2
  printf '%s' "$pins" >"$marker"
fi
echo "$venv/bin"
