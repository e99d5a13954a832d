#!/usr/bin/env bash
# `make test-dist`: tests the artifacts of `make dist` (target/dist/) as users install them.
#  - checksums; the newest GLIBC_ symbol version of every shipped ELF <= 2.17; LICENSE and
#    THIRD-PARTY-NOTICES.txt in every artifact; sizes within their ceilings;
#  - C/CLI tarball: the CLI and the C example (static and shared) each send one request to a
#    local stand-in server, using only the extracted tree;
#  - the wheel on every CPython >= 3.9 found (pyenv's and python3): fresh venv, import, one call,
#    stubtest and mypy --strict; the sdist builds from source with pip and makes one call;
#  - npm: both tarballs install and work with no Rust toolchain or C compiler reachable (shims
#    record any attempt) and leave no build directory; the main package alone fails to load with
#    a message naming the missing platform package; its source build prints its steps, works,
#    and removes its build directory.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIST=$ROOT/target/dist
GLIBC=2.17
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cognito-attr-code-dist.XXXXXX")
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
cd "$ROOT"
VERSION=$(sh scripts/dist/release_version.sh)
TOKEN=eyJhbGciOiJub25lIn0.eyJzdWIiOiJkZW1vIn0.demo-signature
EXPECTED="code sent to d***@e***.com by EMAIL"

# One stand-in Cognito request per server (scripts/demo_server.py answers once, then exits).
start_server() {
  rm -f "$WORK/port"
  python3 scripts/demo_server.py "$WORK/port" >"$WORK/server.log" &
  SERVER_PID=$!
  for _ in $(seq 1 100); do [ -s "$WORK/port" ] && break; sleep 0.1; done
  [ -s "$WORK/port" ] || fail "the stand-in server did not start"
  ENDPOINT="http://127.0.0.1:$(cat "$WORK/port")"
}
stop_server() { wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }
# Runs a user's program with only what it needs: no AWS_*, proxy or CA variable of this machine.
as_user() { env -i PATH="$USER_PATH" HOME="$WORK/home" LANG=C.UTF-8 AWS_REGION=us-east-1 AWS_ENDPOINT_URL="$ENDPOINT" "$@"; }
USER_PATH=$PATH
mkdir -p "$WORK/home"

step "checksums"
(cd "$DIST" && sha256sum --check --strict SHA256SUMS)

step "unpacking every artifact"
c_name="cognito-attr-code-$VERSION-x86_64-linux-gnu"
wheel=$(ls "$DIST"/cognito_attr_code-"$VERSION"-cp39-abi3-manylinux2014_x86_64*.whl)
sdist="$DIST/cognito_attr_code-$VERSION.tar.gz"
npm_main="$DIST/cognito-attr-code-$VERSION.tgz"
npm_platform="$DIST/cognito-attr-code-linux-x64-gnu-$VERSION.tgz"
mkdir -p "$WORK/c" "$WORK/wheel" "$WORK/sdist" "$WORK/npm-main" "$WORK/npm-platform"
tar -xzf "$DIST/$c_name.tar.gz" -C "$WORK/c"
python3 -m zipfile -e "$wheel" "$WORK/wheel"
tar -xzf "$sdist" -C "$WORK/sdist"
tar -xzf "$npm_main" -C "$WORK/npm-main"
tar -xzf "$npm_platform" -C "$WORK/npm-platform"
prefix="$WORK/c/$c_name"

step "every shipped ELF needs at most GLIBC_$GLIBC"
find "$WORK/c" "$WORK/wheel" "$WORK/npm-main" "$WORK/npm-platform" -type f -print0 |
  xargs -0 sh scripts/dist/glibc-check.sh "$GLIBC"
[ "$(find "$WORK/npm-main" -name '*.node' | wc -l)" -eq 0 ] || fail "the npm main package carries a binary"
# The check must catch a newer requirement: this machine's own libc defines newer versions.
if sh scripts/dist/glibc-check.sh "$GLIBC" "$(gcc -print-file-name=libc.so.6)" >/dev/null; then
  fail "glibc-check.sh accepted this machine's libc.so.6"
fi

step "LICENSE and THIRD-PARTY-NOTICES.txt in every artifact"
for dir in "$prefix/share/doc/cognito-attr-code" "$WORK/wheel/cognito_attr_code-$VERSION.dist-info/licenses" \
    "$WORK/sdist/cognito_attr_code-$VERSION" "$WORK/npm-main/package" "$WORK/npm-platform/package"; do
  for file in LICENSE THIRD-PARTY-NOTICES.txt; do
    cmp -s "$ROOT/$file" "$dir/$file" || fail "$dir/$file is missing or differs from the repository's"
  done
  echo "ok    ${dir#"$WORK"/}"
done

step "sizes"
sh scripts/dist/sizes.sh "$DIST"
# The check must catch growth: the same artifacts against a ceiling below the wheel's size.
sed 's/^\(cognito_attr_code-\*-cp39-abi3[^ ]*\) .*/\1 1000/' scripts/dist/size-ceilings.txt >"$WORK/low-ceilings.txt"
if sh scripts/dist/sizes.sh "$DIST" "$WORK/low-ceilings.txt" >/dev/null 2>&1; then
  fail "sizes.sh accepted a wheel larger than its ceiling"
fi

step "C/CLI tarball: the layout of make install, the CLI and the C example from the extracted tree"
for file in "bin/cognito-attr-code" "lib/libcognito_attr_code.so.$VERSION" "lib/libcognito_attr_code.a" \
    include/cognito_attr_code.h include/cognito_attr_code.hpp lib/pkgconfig/cognito_attr_code.pc \
    lib/cmake/CognitoAttrCode/CognitoAttrCodeConfig.cmake lib/cmake/CognitoAttrCode/CognitoAttrCodeConfigVersion.cmake; do
  [ -f "$prefix/$file" ] || fail "the tarball lacks $file"
done
[ "$("$prefix/bin/cognito-attr-code" --version | grep -o '[0-9][0-9.]*[0-9]' | head -1)" = "$VERSION" ] ||
  fail "the CLI does not report version $VERSION"
start_server
as_user "$prefix/bin/cognito-attr-code" get-user-attribute-verification-code --access-token "$TOKEN" \
  --attribute-name email --output text >"$WORK/cli.out"
stop_server
grep -q 'd\*\*\*@e\*\*\*.com' "$WORK/cli.out" || fail "the CLI call: $(cat "$WORK/cli.out")"
echo "ok    CLI: $(tr '\t' ' ' <"$WORK/cli.out")"
cc -std=c99 -Wall -Wextra -Werror -I"$prefix/include" -o "$WORK/send_code_static" examples/c/send_code.c \
  "$prefix/lib/libcognito_attr_code.a" -lpthread -ldl -lm
cc -std=c99 -Wall -Wextra -Werror -I"$prefix/include" -o "$WORK/send_code_shared" examples/c/send_code.c \
  -L"$prefix/lib" -lcognito_attr_code -Wl,-rpath,"$prefix/lib"
for program in send_code_static send_code_shared; do
  start_server
  as_user "$WORK/$program" "$TOKEN" email >"$WORK/$program.out"
  stop_server
  grep -q 'destination: *d\*\*\*@e\*\*\*.com' "$WORK/$program.out" || fail "$program: $(cat "$WORK/$program.out")"
  echo "ok    C example ($program)"
done

step "the wheel on every CPython >= 3.9 found"
interpreters=()
for candidate in $(printf '%s\n' "$HOME"/.pyenv/versions/*/bin/python3 | sort -V) "$(command -v python3)"; do
  [ -x "$candidate" ] || continue
  "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 9))' 2>/dev/null || continue
  interpreters+=("$candidate")
done
[ ${#interpreters[@]} -gt 0 ] || fail "no CPython >= 3.9 found"
ran=()
for python in "${interpreters[@]}"; do
  version=$("$python" -c 'import platform; print(platform.python_version())')
  case " ${ran[*]} " in *" $version "*) continue ;; esac
  venv="$WORK/venv-$version"
  "$python" -m venv "$venv"
  # mypy 2 needs Python >= 3.10; 1.19.1 is the last for 3.9.
  mypy=$("$python" -c 'import sys; print("mypy==2.4.1" if sys.version_info >= (3, 10) else "mypy==1.19.1")')
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$wheel" "$mypy"
  (cd "$WORK" && "$venv/bin/python" -c "
import cognito_attr_code, pathlib
assert cognito_attr_code.__version__ == '$VERSION', cognito_attr_code.__version__
assert 'site-packages' in pathlib.Path(cognito_attr_code.__file__).parts")
  start_server
  output=$(cd "$WORK" && as_user "$venv/bin/python" "$ROOT/bindings-python/examples/send_code.py" "$TOKEN" email)
  stop_server
  [ "$output" = "$EXPECTED" ] || fail "CPython $version: the example printed: $output"
  # On 3.9 (mypy 1.19.1) stubtest reports the pure-Python modules' typing-only names (Unpack,
  # TypedDict, ...) as runtime mismatches; there it checks the compiled module against its stub.
  stubtest_target=$("$python" -c 'import sys; print("cognito_attr_code" if sys.version_info >= (3, 10) else "cognito_attr_code._native")')
  (cd "$WORK" && "$venv/bin/python" -m mypy.stubtest "$stubtest_target" >"$WORK/stubtest.out") ||
    { cat "$WORK/stubtest.out"; fail "CPython $version: stubtest"; }
  for target in "-p cognito_attr_code" "$ROOT/bindings-python/examples/send_code.py"; do
    # shellcheck disable=SC2086 # "-p cognito_attr_code" is two arguments
    (cd "$WORK" && "$venv/bin/python" -m mypy --strict --cache-dir "$WORK/mypy-cache-$version" $target \
        >"$WORK/mypy.out") || { cat "$WORK/mypy.out"; fail "CPython $version: mypy --strict $target"; }
  done
  echo "ok    CPython $version ($python): import, one call, stubtest $stubtest_target, mypy --strict ($mypy)"
  ran+=("$version")
done
echo "the wheel ran on CPython ${ran[*]}"

step "the sdist builds from source with pip"
"${interpreters[-1]}" -m venv "$WORK/venv-sdist"
"$WORK/venv-sdist/bin/python" -m pip install --quiet --disable-pip-version-check "$sdist"
start_server
output=$(cd "$WORK" && as_user "$WORK/venv-sdist/bin/python" "$ROOT/bindings-python/examples/send_code.py" "$TOKEN" email)
stop_server
[ "$output" = "$EXPECTED" ] || fail "sdist: the example printed: $output"
echo "ok    pip install $(basename "$sdist")"

step "npm: both tarballs, no Rust and no C compiler reachable"
shims="$WORK/no-compilers"
mkdir -p "$shims"
for tool in cargo rustc rustup cc gcc g++ c++ clang zig ld; do
  printf '#!/bin/sh\necho "%s $*" >>"%s/ran"\nexit 127\n' "$tool" "$shims" >"$shims/$tool"
  chmod +x "$shims/$tool"
done
node_dir=$(dirname "$(command -v node)")
app="$WORK/app"
mkdir -p "$app"
printf '{ "name": "app", "private": true }\n' >"$app/package.json"
(cd "$app" && env -i PATH="$shims:$node_dir:/usr/bin:/bin" HOME="$WORK/home" \
  npm install --no-audit --no-fund --no-update-notifier --foreground-scripts "$npm_platform" "$npm_main" >"$WORK/npm-install.log" 2>&1) ||
  { cat "$WORK/npm-install.log"; fail "npm install of the two tarballs"; }
cat "$WORK/npm-install.log"
# What docs/node.md says of npm 11: the install script runs, and npm names it as not yet approved.
grep -q '^> node scripts/install.js' "$WORK/npm-install.log" || fail "npm did not run the install script"
grep -q 'install scripts not yet covered by allowScripts' "$WORK/npm-install.log" ||
  fail "npm printed no allowScripts notice: docs/node.md (Install) describes one"
[ ! -e "$shims/ran" ] || fail "npm install ran a compiler: $(cat "$shims/ran")"
[ -f "$app/node_modules/cognito-attr-code-linux-x64-gnu/cognito-attr-code.linux-x64-gnu.node" ] ||
  fail "the platform package is not installed"
[ ! -e "$app/node_modules/cognito-attr-code/native/target" ] || fail "a build directory was left behind"
start_server
output=$(cd "$app" && as_user node -e "
const { getAttrCode } = require('cognito-attr-code')
getAttrCode({ accessToken: '$TOKEN', attributeName: 'email' }).then((d) =>
  console.log('code sent to ' + d.destination + ' by ' + d.deliveryMedium))")
stop_server
[ "$output" = "$EXPECTED" ] || fail "npm: the call printed: $output"
echo "ok    npm install <platform tarball> <main tarball>: no compiler ran, one call"

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
