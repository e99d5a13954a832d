#!/bin/sh
# Installs the library into a temporary prefix with `make install`, builds consumer projects
# against the installed tree only (pkg-config and CMake; shared and static; C99 and C++17, all
# -Wall -Wextra -Wpedantic -Werror), runs each (it sends a code to a loopback server), checks a
# DESTDIR-staged install, then `make uninstall` and checks that nothing is left.
# Environment: CMAKE, PKG_CONFIG, MAKE (set by `make test-install`).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
: "${CMAKE:=cmake}" "${PKG_CONFIG:=pkg-config}" "${MAKE:=make}"
cc=${CC:-cc}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
build="$work/build"
mkdir -p "$build"
strict="-Wall -Wextra -Wpedantic -Werror"
server_dir="$root/tests/c"
step() { printf '==> %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }

step "make install PREFIX=$prefix"
"$MAKE" --no-print-directory -C "$root" install PREFIX="$prefix" >"$work/install.log"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml")
# The SONAME's ABI version (ffi-c/build.rs): 0.<minor> before 1.0, then the major version.
major=${version%%.*}
minor=$(echo "$version" | cut -d. -f2)
case $version in
  0.*) abi=0.$minor ;;
  *) abi=$major ;;
esac
for file in "lib/libcognito_attr_code.so.$version" lib/libcognito_attr_code.a include/cognito_attr_code.h \
    include/cognito_attr_code.hpp lib/pkgconfig/cognito_attr_code.pc \
    lib/cmake/CognitoAttrCode/CognitoAttrCodeConfig.cmake \
    lib/cmake/CognitoAttrCode/CognitoAttrCodeConfigVersion.cmake bin/cognito-attr-code; do
  [ -f "$prefix/$file" ] || fail "make install did not install $file"
done
[ "$(readlink "$prefix/lib/libcognito_attr_code.so.$abi")" = "libcognito_attr_code.so.$version" ] ||
  fail "lib/libcognito_attr_code.so.$abi is not a link to the versioned library"
[ "$(readlink "$prefix/lib/libcognito_attr_code.so")" = "libcognito_attr_code.so.$abi" ] ||
  fail "lib/libcognito_attr_code.so is not a link to the SONAME"
readelf -d "$prefix/lib/libcognito_attr_code.so.$version" | grep -q "Library soname: \[libcognito_attr_code.so.$abi\]" ||
  fail "installed library lacks SONAME libcognito_attr_code.so.$abi"
"$prefix/bin/cognito-attr-code" --version >/dev/null || fail "installed CLI does not run"

step "pkg-config consumer ($PKG_CONFIG)"
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
export PKG_CONFIG_LIBDIR="$prefix/lib/pkgconfig"
[ "$("$PKG_CONFIG" --modversion cognito_attr_code)" = "$version" ] || fail "pkg-config --modversion"
cflags=$("$PKG_CONFIG" --cflags cognito_attr_code)
libs=$("$PKG_CONFIG" --libs cognito_attr_code)
libdir=$("$PKG_CONFIG" --variable=libdir cognito_attr_code)
static_libs=$("$PKG_CONFIG" --static --libs cognito_attr_code | sed 's/-lcognito_attr_code/-l:libcognito_attr_code.a/')
# shellcheck disable=SC2086 # word splitting of compiler flags is intended
{
  "$cc" -std=c99 $strict $cflags -I"$server_dir" -o "$build/pc_shared" "$root/tests/consumers/send_code_consumer.c" \
    "$server_dir/loopback_server.c" $libs -Wl,-rpath,"$libdir" -lpthread
  "$cc" -std=c99 $strict $cflags -I"$server_dir" -o "$build/pc_shared_norpath" \
    "$root/tests/consumers/send_code_consumer.c" "$server_dir/loopback_server.c" $libs -lpthread
  "$cc" -std=c99 $strict $cflags -I"$server_dir" -o "$build/pc_static" "$root/tests/consumers/send_code_consumer.c" \
    "$server_dir/loopback_server.c" $static_libs
}
needed "$build/pc_shared" | grep -qx "libcognito_attr_code.so.$abi" || fail "pc_shared does not need the SONAME"
if needed "$build/pc_static" | grep -q cognito; then fail "pc_static still needs the shared library"; fi
"$build/pc_shared"
"$build/pc_static"
if "$build/pc_shared_norpath" 2>/dev/null; then fail "without rpath or LD_LIBRARY_PATH the loader found the library"; fi
LD_LIBRARY_PATH="$libdir" "$build/pc_shared_norpath"

for linkage in shared static; do
  step "CMake consumer ($linkage, $("$CMAKE" --version | head -1))"
  use_static=OFF
  [ "$linkage" = static ] && use_static=ON
  "$CMAKE" -S "$root/tests/consumers/cmake" -B "$build/cmake-$linkage" -DCMAKE_PREFIX_PATH="$prefix" \
    -DCONSUMER_REQUIRED_VERSION="$abi" -DCognitoAttrCode_USE_STATIC_LIBS=$use_static -DCMAKE_BUILD_TYPE=Release >"$build/cmake-$linkage.log" ||
    { cat "$build/cmake-$linkage.log"; fail "cmake configure ($linkage)"; }
  "$CMAKE" --build "$build/cmake-$linkage" >>"$build/cmake-$linkage.log" 2>&1 ||
    { cat "$build/cmake-$linkage.log"; fail "cmake build ($linkage)"; }
  for program in consumer_c consumer_cpp; do
    if [ "$linkage" = shared ]; then
      needed "$build/cmake-$linkage/$program" | grep -qx "libcognito_attr_code.so.$abi" ||
        fail "$program does not need the SONAME"
    elif needed "$build/cmake-$linkage/$program" | grep -q cognito; then
      fail "$program ($linkage) still needs the shared library"
    fi
    "$build/cmake-$linkage/$program"
  done
done

step "docs/c-api.md's CMake example with its first C snippet"
example="$build/readme-example"
mkdir -p "$example"
awk '/^```c$/ { grab = 1; next } grab && /^```/ { exit } grab' "$root/docs/c-api.md" >"$example/send_code.c"
{
  printf 'cmake_minimum_required(VERSION 3.16)\nproject(readme_example C)\n'
  awk '/^```cmake$/ { grab = 1; next } grab && /^```/ { exit } grab' "$root/docs/c-api.md"
} >"$example/CMakeLists.txt"
grep -q find_package "$example/CMakeLists.txt" || fail "no \`\`\`cmake block in docs/c-api.md"
"$CMAKE" -S "$example" -B "$example/build" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_C_FLAGS="$strict" \
  >"$example/build.log" 2>&1 && "$CMAKE" --build "$example/build" >>"$example/build.log" 2>&1 ||
  { cat "$example/build.log"; fail "the CMake example of docs/c-api.md does not build"; }
# Without an argument it exits 2 at once: it ran, so the loader found the library (CMake rpath).
set +e
"$example/build/send_code" 2>/dev/null
usage_status=$?
set -e
[ "$usage_status" = 2 ] || fail "the docs/c-api.md example exited $usage_status, not 2 (usage)"

step "CMake refuses an incompatible version request"
incompatible="$((major + 1)).0 $abi.999"
# Before 1.0 another minor version is another ABI: an older one is refused too.
[ "$major" = 0 ] && [ "$minor" -gt 0 ] && incompatible="$incompatible 0.$((minor - 1))"
for wanted in $incompatible; do
  if "$CMAKE" -S "$root/tests/consumers/cmake" -B "$build/cmake-v$wanted" -DCMAKE_PREFIX_PATH="$prefix" \
      -DCONSUMER_REQUIRED_VERSION="$wanted" >"$build/cmake-v$wanted.log" 2>&1; then
    fail "find_package(CognitoAttrCode $wanted) accepted version $version"
  fi
done

step "make uninstall PREFIX=$prefix"
"$MAKE" --no-print-directory -C "$root" uninstall PREFIX="$prefix" >/dev/null
left=$(find "$prefix" ! -type d)
[ -z "$left" ] || fail "make uninstall left: $left"

step "make install DESTDIR=$work/stage PREFIX=/opt/cognito"
"$MAKE" --no-print-directory -C "$root" install DESTDIR="$work/stage" PREFIX=/opt/cognito >/dev/null
grep -qx 'prefix=/opt/cognito' "$work/stage/opt/cognito/lib/pkgconfig/cognito_attr_code.pc" ||
  fail "the staged .pc file does not name the final prefix"
[ -f "$work/stage/opt/cognito/lib/libcognito_attr_code.so.$version" ] || fail "DESTDIR install incomplete"
"$MAKE" --no-print-directory -C "$root" uninstall DESTDIR="$work/stage" PREFIX=/opt/cognito >/dev/null
left=$(find "$work/stage" ! -type d)
[ -z "$left" ] || fail "make uninstall with DESTDIR left: $left"
step "install, pkg-config and CMake consumers, uninstall: all passed"
