#!/bin/sh
# A Debian bookworm arm64 root with CPython 3.11 and Node 18, to run the aarch64 artifacts under
# qemu-user: debootstrap --foreign downloads the packages, dpkg-deb -x unpacks each (no chroot, no
# change to the host's dpkg architectures). Made once under target/ and reused; prints its path.
# usage: scripts/dist/arm64-root.sh DIR
set -eu
dir=$1
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
if [ ! -f "$dir/.complete" ]; then
  rm -rf "$dir"
  debootstrap --foreign --variant=minbase --arch=arm64 --include=python3,nodejs bookworm "$dir" "$mirror" >&2
  for deb in "$dir"/var/cache/apt/archives/*.deb; do dpkg-deb -x "$deb" "$dir"; done
  touch "$dir/.complete"
fi
echo "$dir"
