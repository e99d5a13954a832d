#!/usr/bin/env bash
# x86_64 Linux, glibc 2.17 (zig as C compiler and linker), run natively.
#   build: cognito-attr-code-VERSION-x86_64-linux-gnu.tar.gz (C library, headers, pkg-config, CMake,
#          CLI: the `make install` layout + licences), the abi3 wheel manylinux2014_x86_64 and the
#          npm platform package cognito-attr-code-linux-x64-gnu.
#   test:  the newest GLIBC_ version of every ELF; the licences; the CLI and the C example (static and
#          shared, through the tarball's pkg-config) each make one call to a stand-in server; the
#          wheel on every CPython >= 3.9 found (import, one call, stubtest, mypy --strict); the npm
#          platform package with the main package, installed with no compiler reachable, one call.
# usage: scripts/dist/targets/x86_64-unknown-linux-gnu.sh build|test
set -euo pipefail
source "$(dirname "$0")/../lib.sh"
TRIPLE=x86_64-unknown-linux-gnu
C_NAME="cognito-attr-code-$VERSION-x86_64-linux-gnu"
NPM_PLATFORM=linux-x64-gnu

build() { build_linux_gnu "$TRIPLE" "$C_NAME" "$NPM_PLATFORM" manylinux_2_17_x86_64; }

test_() {
  source scripts/dist/test-lib.sh
  unpack_linux_gnu "$TRIPLE" "$C_NAME" "$NPM_PLATFORM"
  # The GLIBC check must catch a newer requirement: this machine's own libc defines newer versions.
  if sh scripts/dist/glibc-check.sh "$GLIBC" "$(gcc -print-file-name=libc.so.6)" >/dev/null; then
    fail "glibc-check.sh accepted this machine's libc.so.6"
  fi

  step "$TRIPLE: C/CLI tarball: the CLI and the C example from the extracted tree"
  [ "$("$prefix/bin/cognito-attr-code" --version | grep -o '[0-9][0-9.]*[0-9]' | head -1)" = "$VERSION" ] ||
    fail "the CLI does not report version $VERSION"
  cli_call "$prefix/bin/cognito-attr-code"
  local flags
  flags=$(pc_flags "$prefix" --cflags --libs)
  # shellcheck disable=SC2046,SC2086 # pkg-config's flags are several arguments
  cc -std=c99 -Wall -Wextra -Werror -o "$WORK/send_code_static" examples/c/send_code.c \
    $(pc_flags "$prefix" --cflags) "$prefix/lib/libcognito_attr_code.a" -lpthread -ldl -lm
  # shellcheck disable=SC2086
  cc -std=c99 -Wall -Wextra -Werror -o "$WORK/send_code_shared" examples/c/send_code.c $flags -Wl,-rpath,"$prefix/lib"
  for program in send_code_static send_code_shared; do
    start_server
    as_user "$WORK/$program" "$TOKEN" email >"$WORK/$program.out"
    stop_server
    grep -q 'destination: *d\*\*\*@e\*\*\*.com' "$WORK/$program.out" || fail "$program: $(cat "$WORK/$program.out")"
    echo "ok    C example ($program, compiled with the tarball's pkg-config file)"
  done
  count_tests "C/CLI tarball calls" 3

  step "$TRIPLE: the wheel on every CPython >= 3.9 found"
  local interpreters ran python version venv mypy stubtest_target target output
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
    # mypy 2 and pytest 9 need Python >= 3.10; 1.19.1 and 8.3.5 are the last for 3.9. pytest: stubtest
    # imports every module, the pytest plugin (cognito_attr_code.testing.pytest_plugin) too.
    mypy=$("$python" -c 'import sys; print("mypy==2.4.1" if sys.version_info >= (3, 10) else "mypy==1.19.1")')
    pytest=$("$python" -c 'import sys; print("pytest==9.2.0" if sys.version_info >= (3, 10) else "pytest==8.3.5")')
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$wheel" "$mypy" "$pytest"
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
  count_tests "CPython versions (import, call, stubtest, mypy)" "${#ran[@]}"

  step "$TRIPLE: npm: the platform and main tarballs, no Rust and no C compiler reachable"
  local shims node_dir app tool
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
    npm install --no-audit --no-fund --no-update-notifier --foreground-scripts "$npm_platform" "$DIST/cognito-attr-code-$VERSION.tgz" >"$WORK/npm-install.log" 2>&1) ||
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
  count_tests "npm install + call" 1
}

target_main "$@"
