# Sourced by the targets' `test`: a scratch directory removed on exit, the stand-in Cognito server
# (scripts/demo_server.py answers one request, then exits) and a user's clean environment.
# shellcheck shell=bash
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cognito-attr-code-dist.XXXXXX")
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
TOKEN=eyJhbGciOiJub25lIn0.eyJzdWIiOiJkZW1vIn0.demo-signature
EXPECTED="code sent to d***@e***.com by EMAIL"
USER_PATH=$PATH
mkdir -p "$WORK/home"
# Sets ENDPOINT to a stand-in server that answers one request.
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
# Counts a test suite in the per-target summary: count_tests NAME NUMBER.
count_tests() { printf 'tests %-40s %s\n' "$1" "$2" | tee -a "$WORK/counts"; }
# check_licences DIR...: each DIR holds the repository's LICENSE and THIRD-PARTY-NOTICES.txt.
check_licences() {
  local dir file
  for dir in "$@"; do
    for file in LICENSE THIRD-PARTY-NOTICES.txt; do
      cmp -s "$ROOT/$file" "$dir/$file" || fail "$dir/$file is missing or differs from the repository's"
    done
    echo "ok    ${dir#"$WORK"/}"
  done
}
# check_c_layout PREFIX: an extracted C/CLI tarball has `make install`'s layout.
check_c_layout() {
  local file
  for file in "bin/cognito-attr-code" "lib/libcognito_attr_code.so.$VERSION" "lib/libcognito_attr_code.a" \
      include/cognito_attr_code.h include/cognito_attr_code.hpp lib/pkgconfig/cognito_attr_code.pc \
      lib/cmake/CognitoAttrCode/CognitoAttrCodeConfig.cmake lib/cmake/CognitoAttrCode/CognitoAttrCodeConfigVersion.cmake; do
    [ -f "$1/$file" ] || fail "the tarball lacks $file"
  done
}
# pc_flags PREFIX ARGS...: pkg-config ARGS for the tarball extracted at PREFIX (its .pc file only).
pc_flags() {
  local prefix=$1
  shift
  PKG_CONFIG_PATH="$prefix/lib/pkgconfig" PKG_CONFIG_LIBDIR=/nonexistent pkg-config "$@" cognito_attr_code
}
# unpack_linux_gnu TRIPLE C_NAME NPM_PLATFORM: extracts a glibc target's C/CLI tarball, wheel and npm
# platform package under $WORK (setting prefix, wheel and npm_platform), then checks that every
# ELF needs at most GLIBC_$GLIBC and that each carries the licences.
unpack_linux_gnu() {
  local triple=$1 c_name=$2 platform=$3
  wheel=$(ls "$DIST"/cognito_attr_code-"$VERSION"-cp39-abi3-manylinux2014_"${triple%%-*}"*.whl)
  npm_platform="$DIST/cognito-attr-code-$platform-$VERSION.tgz"
  prefix="$WORK/c/$c_name"
  mkdir -p "$WORK/c" "$WORK/wheel" "$WORK/npm-platform"
  tar -xzf "$DIST/$c_name.tar.gz" -C "$WORK/c"
  python3 -m zipfile -e "$wheel" "$WORK/wheel"
  tar -xzf "$npm_platform" -C "$WORK/npm-platform"

  step "$triple: every shipped ELF needs at most GLIBC_$GLIBC"
  find "$WORK/c" "$WORK/wheel" "$WORK/npm-platform" -type f -print0 | xargs -0 sh scripts/dist/glibc-check.sh "$GLIBC"

  step "$triple: LICENSE and THIRD-PARTY-NOTICES.txt in every artifact, the make install layout"
  check_licences "$prefix/share/doc/cognito-attr-code" "$WORK/wheel/cognito_attr_code-$VERSION.dist-info/licenses" \
    "$WORK/npm-platform/package"
  check_c_layout "$prefix"
}
# cli_call CLI: the CLI (a path: the binary, or a script that runs it in an emulator) makes one call
# to a stand-in server and prints the masked destination.
cli_call() {
  start_server
  as_user "$1" get-user-attribute-verification-code --access-token "$TOKEN" \
    --attribute-name email --output text >"$WORK/cli.out"
  stop_server
  grep -q 'd\*\*\*@e\*\*\*.com' "$WORK/cli.out" || fail "the CLI call: $(cat "$WORK/cli.out")"
  echo "ok    CLI: $(tr '\t' ' ' <"$WORK/cli.out")"
}
