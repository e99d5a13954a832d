#!/bin/sh
# The arm64 musl dynamic loader (Debian bookworm's `musl` package), for running the aarch64 musl
# programs linked against the shared library under `qemu-aarch64 -L DIR`: debootstrap downloads
# the package (no chroot, no change to the host's dpkg architectures) and dpkg-deb -x unpacks it.
# Made once under target/ and reused; prints its path.
# usage: scripts/dist/arm64-musl-root.sh DIR
set -eu
dir=$1
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
if [ ! -f "$dir/.complete" ]; then
  rm -rf "$dir" "$dir.download"
  debootstrap --download-only --variant=minbase --arch=arm64 --include=musl bookworm "$dir.download" "$mirror" >&2
  mkdir -p "$dir"
  dpkg-deb -x "$dir.download"/var/cache/apt/archives/musl_*_arm64.deb "$dir"
  rm -rf "$dir.download"
  [ -e "$dir/lib/ld-musl-aarch64.so.1" ] || { echo "no lib/ld-musl-aarch64.so.1 in Debian's musl package" >&2; exit 1; }
  touch "$dir/.complete"
fi
echo "$dir"
