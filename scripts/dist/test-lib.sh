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
