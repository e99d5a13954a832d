# Sourced by targets/{x86_64,aarch64}-unknown-linux-musl.sh after lib.sh, which set
#   TRIPLE   the Rust target            ARCH     x86_64 or aarch64 (the tarball's name)
#   RUN      how to run a static program of the target here ("" natively, else qemu-aarch64)
#   RUN_DYNAMIC  the same for a program linked against the shared library (needs musl's loader)
#   MUSL_CC  the C compiler and its flags for the target (musl-gcc, or zig cc -target ...)
#   MUSL_CC_STATIC  the same for fully static programs (zig cc: Debian's musl-gcc links glibc's
#            libgcc_eh, whose unwinder needs glibc's _dl_find_object), with `-lunwind` after the
#            library: Rust's static library leaves the unwinder to the program (gcc on Alpine
#            links libgcc_eh by itself; zig links its libunwind when asked)
# Two builds, as a musl cdylib needs `-C target-feature=-crt-static` and the CLI must keep it:
# the fully static CLI, and the C shared and static libraries.
# shellcheck shell=bash
C_NAME="cognito-attr-code-$VERSION-$ARCH-linux-musl"
TRIPLE_VAR=$(echo "$TRIPLE" | tr 'a-z-' 'A-Z_')

musl_build() {
  rustup target list --installed | grep -qx "$TRIPLE" || rustup target add "$TRIPLE"
  step "$TRIPLE: the static CLI (cargo zigbuild)"
  CARGO_TARGET_DIR="$BUILD/$TRIPLE-static" cargo zigbuild --release --locked -p cognito-attr-code-cli --target "$TRIPLE"

  step "$TRIPLE: the C shared and static library (cargo zigbuild, -C target-feature=-crt-static)"
  env "CARGO_TARGET_${TRIPLE_VAR}_RUSTFLAGS=-C target-feature=-crt-static" CARGO_TARGET_DIR="$BUILD/$TRIPLE-shared" \
    cargo zigbuild --release --locked -p cognito-attr-code-ffi --target "$TRIPLE"

  local release="$BUILD/$TRIPLE-release"
  rm -rf "$release"
  mkdir -p "$release"
  cp "$BUILD/$TRIPLE-shared/$TRIPLE/release/libcognito_attr_code.so" \
    "$BUILD/$TRIPLE-shared/$TRIPLE/release/libcognito_attr_code.a" \
    "$BUILD/$TRIPLE-static/$TRIPLE/release/cognito-attr-code" "$release/"
  make_c_tarball "$release" "$C_NAME"
}

musl_test() {
  source scripts/dist/test-lib.sh
  mkdir -p "$WORK/c"
  tar -xzf "$DIST/$C_NAME.tar.gz" -C "$WORK/c"
  local prefix="$WORK/c/$C_NAME" cli="$WORK/c/$C_NAME/bin/cognito-attr-code"

  step "$TRIPLE: the tarball: layout, licences, a static CLI, a musl shared library"
  check_c_layout "$prefix"
  check_licences "$prefix/share/doc/cognito-attr-code"
  ! readelf -l "$cli" | grep -q INTERP || fail "the CLI asks for a program interpreter: it is not static"
  [ -z "$(readelf -d "$cli" | grep NEEDED)" ] || fail "the CLI needs shared libraries: $(readelf -d "$cli" | grep NEEDED)"
  readelf -d "$prefix/lib/libcognito_attr_code.so.$VERSION" | grep NEEDED
  [ "$(readelf -d "$prefix/lib/libcognito_attr_code.so.$VERSION" | grep -c NEEDED)" -eq 1 ] &&
    readelf -d "$prefix/lib/libcognito_attr_code.so.$VERSION" | grep -q '\[libc.so\]' ||
    fail "the shared library needs more than musl's libc.so"
  readelf -d "$prefix/lib/libcognito_attr_code.so.$VERSION" | grep -q "soname: \[libcognito_attr_code.so.$ABI\]" ||
    fail "the shared library has no SONAME libcognito_attr_code.so.$ABI"
  echo "ok    static CLI ($(file -b "$cli" | cut -d, -f1-2)), shared library NEEDED libc.so only"

  step "$TRIPLE: the CLI and the C example from the extracted tree"
  # shellcheck disable=SC2086 # RUN is a command and its arguments, or nothing
  [ "$($RUN "$cli" --version | grep -o '[0-9][0-9.]*[0-9]' | head -1)" = "$VERSION" ] ||
    fail "the CLI does not report version $VERSION"
  start_server
  # shellcheck disable=SC2086
  as_user $RUN "$cli" get-user-attribute-verification-code --access-token "$TOKEN" \
    --attribute-name email --output text >"$WORK/cli.out"
  stop_server
  grep -q 'd\*\*\*@e\*\*\*.com' "$WORK/cli.out" || fail "the CLI call: $(cat "$WORK/cli.out")"
  echo "ok    CLI: $(tr '\t' ' ' <"$WORK/cli.out")"
  local cflags libs program
  cflags=$(pc_flags "$prefix" --cflags)
  libs=$(pc_flags "$prefix" --libs)
  # shellcheck disable=SC2086 # the compiler and pkg-config's flags are several arguments each
  $MUSL_CC_STATIC -std=c99 -Wall -Wextra -Werror -static $cflags -o "$WORK/send_code_static" examples/c/send_code.c \
    "$prefix/lib/libcognito_attr_code.a" -lunwind
  # shellcheck disable=SC2086
  $MUSL_CC -std=c99 -Wall -Wextra -Werror $cflags -o "$WORK/send_code_shared" examples/c/send_code.c \
    $libs -Wl,-rpath,"$prefix/lib"
  for program in send_code_static send_code_shared; do
    local runner=$RUN
    [ "$program" = send_code_shared ] && runner=$RUN_DYNAMIC
    start_server
    # shellcheck disable=SC2086
    as_user $runner "$WORK/$program" "$TOKEN" email >"$WORK/$program.out"
    stop_server
    grep -q 'destination: *d\*\*\*@e\*\*\*.com' "$WORK/$program.out" || fail "$program: $(cat "$WORK/$program.out")"
    echo "ok    C example ($program, compiled with the tarball's pkg-config file)"
  done
  count_tests "C/CLI tarball calls" 3

  step "$TRIPLE: the C API suite (tests/c/test_c_api.c) against the static and the shared library"
  # shellcheck disable=SC2086
  $MUSL_CC_STATIC -std=c99 -Wall -Wextra -Wpedantic -Werror -static -I"$prefix/include" -Itests/c -o "$WORK/test_c_static" \
    tests/c/test_c_api.c tests/c/loopback_server.c "$prefix/lib/libcognito_attr_code.a" -lunwind
  # shellcheck disable=SC2086
  $MUSL_CC -std=c99 -Wall -Wextra -Wpedantic -Werror -I"$prefix/include" -Itests/c -o "$WORK/test_c_shared" \
    tests/c/test_c_api.c tests/c/loopback_server.c -L"$prefix/lib" -lcognito_attr_code -Wl,-rpath,"$prefix/lib"
  # shellcheck disable=SC2086
  $RUN "$WORK/test_c_static" | tee "$WORK/test_c_static.out"
  # shellcheck disable=SC2086
  $RUN_DYNAMIC "$WORK/test_c_shared" | tee "$WORK/test_c_shared.out"
  count_tests "C API checks (static library)" "$(sed -n 's/^\([0-9]*\) passed, 0 failed$/\1/p' "$WORK/test_c_static.out")"
  count_tests "C API checks (shared library)" "$(sed -n 's/^\([0-9]*\) passed, 0 failed$/\1/p' "$WORK/test_c_shared.out")"

  step "$TRIPLE: the CLI's golden tests (cli/tests/oracle.rs) and its end-to-end tests against the shipped CLI"
  # shellcheck disable=SC2086 # RUN is a command and its arguments, or nothing
  scripts/dist/cli-tests.sh "$WORK/cli-tests.log" "oracle cli" $RUN "$cli"
  count_tests "CLI golden + end-to-end tests" "$(sh scripts/dist/cargo-passed.sh "$WORK/cli-tests.log")"

  step "$TRIPLE: the static CLI where there is no CA store: the bundled Mozilla roots"
  no_ca_store_test "$cli"

  step "$TRIPLE: the Rust test suites of core and the C library (cargo-zigbuild test${RUN:+, runner $RUN})"
  local runner_var=()
  [ -z "$RUN" ] || runner_var=("CARGO_TARGET_${TRIPLE_VAR}_RUNNER=$RUN")
  env "${runner_var[@]}" CARGO_TARGET_DIR="$ROOT/target" \
    cargo-zigbuild test --locked --target "$TRIPLE" -p cognito-attr-code -p cognito-attr-code-ffi 2>&1 |
    tee "$WORK/rust-tests.log"
  count_tests "Rust tests (core, ffi-c)" "$(sh scripts/dist/cargo-passed.sh "$WORK/rust-tests.log")"
}

# The CLI in a container without CA certificates: in a mount namespace whose certificate folders
# are empty (where unshare is permitted; else SSL_CERT_FILE/SSL_CERT_DIR naming an empty store),
# its --debug log says it trusts the bundled Mozilla roots; outside, the system's store.
no_ca_store_test() {
  local cli=$1 port empty="$WORK/empty-store" hide=() dir
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  mkdir -p "$empty/certs"
  : >"$empty/cert.pem"
  for dir in /etc/ssl /etc/pki /usr/lib/ssl /usr/local/ssl /etc/openssl /opt/etc/ssl; do
    [ -d "$dir" ] && hide+=("$dir")
  done
  # shellcheck disable=SC2086 # RUN is a command and its arguments, or nothing
  local call=(env -i PATH=/usr/bin:/bin HOME="$WORK/home" AWS_REGION=us-east-1 AWS_MAX_ATTEMPTS=1 $RUN "$cli" --debug
    --endpoint-url "https://127.0.0.1:$port" get-user-attribute-verification-code --access-token "$TOKEN"
    --attribute-name email)
  local how
  if unshare -m true 2>/dev/null; then
    how="a mount namespace with empty ${hide[*]}"
    # shellcheck disable=SC2016 # expanded by the inner shell
    unshare -m sh -c 'for dir in $1; do mount -t tmpfs none "$dir" || exit 9; done; shift; exec "$@"' \
      sh "${hide[*]}" "${call[@]}" >"$WORK/no-ca.out" 2>&1 && fail "the call to a closed port succeeded"
  else
    how="SSL_CERT_FILE and SSL_CERT_DIR naming an empty store (unshare -m is not permitted here)"
    env SSL_CERT_FILE="$empty/cert.pem" SSL_CERT_DIR="$empty/certs" "${call[@]}" >"$WORK/no-ca.out" 2>&1 &&
      fail "the call to a closed port succeeded"
  fi
  grep -q 'TLS roots: the bundled Mozilla roots' "$WORK/no-ca.out" ||
    { cat "$WORK/no-ca.out"; fail "with no CA store the CLI did not fall back to the bundled roots"; }
  "${call[@]}" >"$WORK/with-ca.out" 2>&1 && fail "the call to a closed port succeeded"
  grep -q "TLS roots: the system's certificate store" "$WORK/with-ca.out" ||
    { cat "$WORK/with-ca.out"; fail "with this machine's CA store the CLI did not use it"; }
  echo "ok    no CA store ($how): the bundled Mozilla roots; with this machine's store: the system's"
  count_tests "CLI trust roots (no CA store, system store)" 2
}
