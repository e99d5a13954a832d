#!/bin/sh
# Prints the size of every release artifact in DIST and of the binaries inside them (the .so, the
# .a, the CLI, the Python extension, the Node addon), and fails when one exceeds its ceiling in
# scripts/dist/size-ceilings.txt (or CEILINGS): generous limits that catch a doubling, not noise.
# usage: scripts/dist/sizes.sh DIST [CEILINGS]
set -eu
dist=$(cd "$1" && pwd)
ceilings=${2:-"$(cd "$(dirname "$0")" && pwd)/size-ceilings.txt"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for archive in "$dist"/*.tar.gz "$dist"/*.tgz; do tar -xzf "$archive" -C "$work"; done
for wheel in "$dist"/*.whl; do python3 -m zipfile -e "$wheel" "$work/wheel"; done
status=0
printf '%-78s %10s %10s\n' artifact bytes ceiling
while read -r pattern ceiling; do
  case $pattern in ''|'#'*) continue ;; esac
  found=0
  for file in "$dist"/$pattern "$work"/$pattern; do
    [ -f "$file" ] || continue
    found=1
    size=$(wc -c <"$file")
    printf '%-78s %10s %10s\n' "${file##*/}" "$size" "$ceiling"
    if [ "$size" -gt "$ceiling" ]; then echo "  ^ larger than its ceiling" >&2; status=1; fi
  done
  [ "$found" = 1 ] || { echo "no artifact matches $pattern" >&2; status=1; }
done <"$ceilings"
exit "$status"
