#!/bin/sh
# Prints the size of every release artifact in DIST and of the binaries inside them (the .so, the
# .a, the CLI, the Python extension, the Node addon), and fails when one exceeds its ceiling in
# scripts/dist/size-ceilings.txt (or CEILINGS): generous limits that catch a doubling, not noise.
# A line naming a target (third column) counts only when TARGETS (default: all) includes it.
# usage: [TARGETS=...] scripts/dist/sizes.sh DIST [CEILINGS]
set -eu
dist=$(cd "$1" && pwd)
ceilings=${2:-"$(cd "$(dirname "$0")" && pwd)/size-ceilings.txt"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for archive in "$dist"/*.tar.gz "$dist"/*.tgz; do [ -f "$archive" ] || continue; tar -xzf "$archive" -C "$work"; done
for archive in "$dist"/*.zip; do [ -f "$archive" ] || continue; python3 -m zipfile -e "$archive" "$work"; done
# wheel-<platform tag>/: one directory per wheel, e.g. wheel-manylinux_2_17_x86_64.manylinux2014_x86_64
for wheel in "$dist"/*.whl; do
  [ -f "$wheel" ] || continue
  tag=${wheel##*-}
  python3 -m zipfile -e "$wheel" "$work/wheel-${tag%.whl}"
done
status=0
printf '%-78s %10s %10s\n' artifact bytes ceiling
while read -r pattern ceiling target; do
  case $pattern in ''|'#'*) continue ;; esac
  if [ -n "$target" ] && [ -n "${TARGETS:-}" ]; then
    case " $TARGETS " in *" $target "*) ;; *) continue ;; esac
  fi
  found=0
  for file in "$dist"/$pattern "$work"/$pattern; do
    [ -f "$file" ] || continue
    found=1
    size=$(wc -c <"$file")
    name=${file#"$work"/}
    printf '%-78s %10s %10s\n' "${name#"$dist"/}" "$size" "$ceiling"
    if [ "$size" -gt "$ceiling" ]; then echo "  ^ larger than its ceiling" >&2; status=1; fi
  done
  [ "$found" = 1 ] || { echo "no artifact matches $pattern" >&2; status=1; }
done <"$ceilings"
exit "$status"
