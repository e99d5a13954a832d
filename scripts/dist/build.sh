#!/usr/bin/env bash
# `make dist`: every release artifact, collected into target/dist/ with SHA256SUMS. Each target of
# TARGETS (default: all, scripts/dist/lib.sh) builds its own artifacts with
# scripts/dist/targets/<triple>.sh build (C/CLI tarball or zip, wheel, npm platform package);
# this script adds what is common: the sdist, the npm main package (cognito-attr-code-VERSION.tgz),
# the checksums and the sizes, and prints the seconds each target took.
# The version comes from CHANGELOG.md (scripts/dist/release_version.sh). Run from anywhere.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
TARGETS=${TARGETS:-$ALL_TARGETS}
for target in $TARGETS; do
  [ -x "scripts/dist/targets/$target.sh" ] || fail "no scripts/dist/targets/$target.sh for the target $target"
done

step "release $VERSION (CHANGELOG.md), targets: $TARGETS"
python3 scripts/dist/third_party_notices.py check THIRD-PARTY-NOTICES.txt
rm -rf "$DIST" "$BUILD/stage"
mkdir -p "$DIST" "$BUILD/stage"
timings=()
for target in $TARGETS; do
  start=$SECONDS
  cpu_seconds cpu_start
  "scripts/dist/targets/$target.sh" build
  cpu_seconds cpu_end
  timings+=("$(printf 'build %-28s %5d s wall %5d s CPU' "$target" $((SECONDS - start)) $((cpu_end - cpu_start)))")
done

step "Python sdist and the npm main package"
(cd bindings-python && maturin sdist --out "$DIST")
ls "$DIST/cognito_attr_code-$VERSION.tar.gz" >/dev/null
node scripts/dist/npm-packages.js main "$BUILD/stage/npm-main" "$DIST"

step "SHA256SUMS and sizes"
(cd "$DIST" && find . -maxdepth 1 -type f ! -name SHA256SUMS -printf '%f\n' | LC_ALL=C sort |
  xargs sha256sum -- >SHA256SUMS && cat SHA256SUMS)
TARGETS="$TARGETS" sh scripts/dist/sizes.sh "$DIST"
printf '%s\n' "${timings[@]}"
