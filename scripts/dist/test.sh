#!/usr/bin/env bash
# `make test-dist`: tests the artifacts of `make dist` (target/dist/) as users install them.
#  - common: checksums; sizes within their ceilings; the sdist and the npm main package carry the
#    licences and no binary; the sdist builds from source with pip and makes one call; the npm main
#    package alone fails to load with a message naming the missing platform package; its source
#    build prints its steps, works, and removes its build directory;
#  - each target of TARGETS: scripts/dist/targets/<triple>.sh test (its artifacts, run natively
#    or under an emulator); the seconds and the test counts of each are printed at the end.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source scripts/dist/test-lib.sh
TARGETS=${TARGETS:-$ALL_TARGETS}
for target in $TARGETS; do
  [ -x "scripts/dist/targets/$target.sh" ] || fail "no scripts/dist/targets/$target.sh for the target $target"
done
sdist="$DIST/cognito_attr_code-$VERSION.tar.gz"
npm_main="$DIST/cognito-attr-code-$VERSION.tgz"

step "checksums"
(cd "$DIST" && sha256sum --check --strict SHA256SUMS)
listed=$(cd "$DIST" && find . -maxdepth 1 -type f ! -name SHA256SUMS | wc -l)
[ "$listed" -eq "$(wc -l <"$DIST/SHA256SUMS")" ] || fail "SHA256SUMS does not cover every artifact"

step "sizes"
TARGETS="$TARGETS" sh scripts/dist/sizes.sh "$DIST"
# The check must catch growth: the same artifacts against a ceiling below the sdist's size.
sed 's/^\(cognito_attr_code-\*\[0-9\]\.tar\.gz\) *[0-9]*/\1 1000/' scripts/dist/size-ceilings.txt >"$WORK/low-ceilings.txt"
if TARGETS="$TARGETS" sh scripts/dist/sizes.sh "$DIST" "$WORK/low-ceilings.txt" >/dev/null 2>&1; then
  fail "sizes.sh accepted an sdist larger than its ceiling"
fi

step "the sdist and the npm main package: licences, no binary"
mkdir -p "$WORK/sdist" "$WORK/npm-main"
tar -xzf "$sdist" -C "$WORK/sdist"
tar -xzf "$npm_main" -C "$WORK/npm-main"
check_licences "$WORK/sdist/cognito_attr_code-$VERSION" "$WORK/npm-main/package"
[ "$(find "$WORK/npm-main" -name '*.node' | wc -l)" -eq 0 ] || fail "the npm main package carries a binary"

timings=()
for target in $TARGETS; do
  start=$SECONDS
  cpu_seconds cpu_start
  "scripts/dist/targets/$target.sh" test 2>&1 | tee "$WORK/test-$target.log"
  cpu_seconds cpu_end
  timings+=("$(printf 'test  %-28s %5d s wall %5d s CPU' "$target" $((SECONDS - start)) $((cpu_end - cpu_start)))")
  sed -n "s/^tests /tests $target: /p" "$WORK/test-$target.log" >>"$WORK/counts"
done
step "the sdist builds from source with pip"
python3 -m venv "$WORK/venv-sdist"
"$WORK/venv-sdist/bin/python" -m pip install --quiet --disable-pip-version-check "$sdist"
start_server
output=$(cd "$WORK" && as_user "$WORK/venv-sdist/bin/python" "$ROOT/bindings-python/examples/send_code.py" "$TOKEN" email)
stop_server
[ "$output" = "$EXPECTED" ] || fail "sdist: the example printed: $output"
echo "ok    pip install $(basename "$sdist")"

step "npm: the main package alone says which addon is missing"
alone="$WORK/alone"
mkdir -p "$alone"
printf '{ "name": "alone", "private": true }\n' >"$alone/package.json"
(cd "$alone" && npm install --no-audit --no-fund --no-update-notifier --loglevel=error --ignore-scripts --omit=optional "$npm_main")
if (cd "$alone" && node -e "require('cognito-attr-code')" 2>"$WORK/alone.err"); then
  fail "the main package loaded without any addon"
fi
grep -q 'no native addon for linux-x64-gnu' "$WORK/alone.err" || { cat "$WORK/alone.err"; fail "unclear message"; }
grep -q 'cognito-attr-code-linux-x64-gnu' "$WORK/alone.err" || { cat "$WORK/alone.err"; fail "message lacks the package"; }
sed -n '/Error: /{p;q;}' "$WORK/alone.err"

step "npm: the source build prints its steps and removes its build directory"
mkdir -p "$WORK/build-tmp"
(cd "$alone" && env -u CARGO_TARGET_DIR TMPDIR="$WORK/build-tmp" nice node node_modules/cognito-attr-code/scripts/install.js \
  >"$WORK/source-build.log" 2>&1) || { cat "$WORK/source-build.log"; fail "the source build failed"; }
grep '^cognito-attr-code:' "$WORK/source-build.log"
grep -q 'removed the build directory' "$WORK/source-build.log" || fail "the source build did not say it cleaned up"
[ -z "$(ls -A "$WORK/build-tmp")" ] || fail "the source build left $(ls "$WORK/build-tmp")"
[ ! -e "$alone/node_modules/cognito-attr-code/native/target" ] || fail "a build directory was left in the package"
start_server
output=$(cd "$alone" && as_user node -e "
const { getAttrCodeSync } = require('cognito-attr-code')
const d = getAttrCodeSync({ accessToken: '$TOKEN', attributeName: 'email' })
console.log('code sent to ' + d.destination + ' by ' + d.deliveryMedium)")
stop_server
[ "$output" = "$EXPECTED" ] || fail "source build: the call printed: $output"
echo "ok    built from source, one call"

step "release artifacts passed: $(cd "$DIST" && ls | tr '\n' ' ')"
printf '%s\n' "${timings[@]}"
cat "$WORK/counts"
