# Sourced by scripts/dist/build.sh, test.sh and targets/*.sh: the paths, the release version, the
# pinned build tools on PATH, and the checks of the host's Debian tools.
#   ROOT     the repository          DIST   target/dist (the artifacts)
#   BUILD    target/dist-build       VERSION the release version (CHANGELOG.md)
#   GLIBC    the glibc baseline of every linux-gnu artifact
# shellcheck shell=bash
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DIST=$ROOT/target/dist
BUILD=$ROOT/target/dist-build
GLIBC=2.17
# Every target make dist knows (a scripts/dist/targets/<triple>.sh each); TARGETS selects some.
ALL_TARGETS="x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu x86_64-unknown-linux-musl aarch64-unknown-linux-musl x86_64-pc-windows-gnu"
cd "$ROOT"
VERSION=$(sh scripts/dist/release_version.sh)
# The SONAME's ABI version (ffi-c/build.rs): 0.<minor> before 1.0, then the major version.
case $VERSION in
  0.*) ABI=0.$(echo "$VERSION" | cut -d. -f2) ;;
  *) ABI=${VERSION%%.*} ;;
esac
step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
# need_debian COMMAND PACKAGE...: stops with the apt-get line that provides COMMAND when it is missing.
need_debian() {
  local command=$1
  shift
  command -v "$command" >/dev/null 2>&1 || [ -e "$command" ] ||
    fail "$command is missing: apt-get install -y $*"
}
# maturin, zig, cargo-zigbuild and auditwheel, pinned, in a venv under target/ (scripts/dist/tools.sh).
if [ -z "${DIST_TOOLS_ON_PATH:-}" ]; then
  PATH="$(scripts/dist/tools.sh "$BUILD/venv"):$PATH"
  DIST_TOOLS_ON_PATH=1
  export PATH DIST_TOOLS_ON_PATH
fi
# make_c_tarball RELEASE_DIR NAME: `make install`'s layout of the (zig-built) library, headers and CLI
# in RELEASE_DIR, its pkg-config file relocatable (prefix=${pcfiledir}/../..), with the licences,
# as $DIST/NAME.tar.gz. (-o lib -o cli: make must not rebuild them with plain cargo.)
make_c_tarball() {
  local release_dir=$1 name=$2
  local staged="$BUILD/stage/install-$name" doc="$BUILD/stage/$name/share/doc/cognito-attr-code"
  rm -rf "$staged" "$BUILD/stage/$name"
  # shellcheck disable=SC2016 # ${pcfiledir} is for pkg-config; $$ for make
  make --no-print-directory -o lib -o cli install RELEASE="$release_dir" PREFIX=/usr/local \
    PC_PREFIX='$${pcfiledir}/../..' DESTDIR="$staged" >/dev/null
  mv "$staged/usr/local" "$BUILD/stage/$name"
  rm -rf "$staged"
  mkdir -p "$doc"
  cp LICENSE THIRD-PARTY-NOTICES.txt CHANGELOG.md README.md "$doc/"
  # The README links to docs/ (every page but development.md is for users of the artifacts).
  cp -R docs "$doc/docs"
  tar -C "$BUILD/stage" --owner=0 --group=0 --numeric-owner --sort=name -czf "$DIST/$name.tar.gz" "$name"
}
# check_wheel_tag WHEEL TAG: auditwheel must report TAG (e.g. manylinux_2_17_x86_64) for WHEEL.
check_wheel_tag() {
  auditwheel show "$1" | tee "$BUILD/auditwheel.txt"
  tr -d '\n' <"$BUILD/auditwheel.txt" | grep -q "\"$2\"" || fail "auditwheel does not report $2 for $1"
}
# target_main build|test: a target script's entry point, calling its build or test_ function.
target_main() {
  case ${1:-} in
    build) build ;;
    test) test_ ;;
    *) echo "usage: $0 build|test" >&2; exit 2 ;;
  esac
}
# cpu_seconds VAR: sets VAR to the user + system CPU seconds of this shell's finished child processes
# so far (the machine may be shared: wall time alone says little about the work). `times` runs in
# this shell: a subshell would report only its own children.
cpu_seconds() {
  times >"$BUILD/.times"
  printf -v "$1" '%s' "$(awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%d", u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$BUILD/.times")"
}
# build_linux_gnu TRIPLE C_NAME NPM_PLATFORM WHEEL_TAG: a glibc target's artifacts, linked against
# glibc $GLIBC by zig: the C/CLI tarball C_NAME, the abi3 wheel (auditwheel must report WHEEL_TAG)
# and the npm platform package cognito-attr-code-NPM_PLATFORM.
build_linux_gnu() {
  local triple=$1 c_name=$2 npm_platform=$3 wheel_tag=$4
  rustup target list --installed | grep -qx "$triple" || rustup target add "$triple"
  step "$triple: C library and CLI (cargo zigbuild --target $triple.$GLIBC)"
  CARGO_TARGET_DIR="$BUILD/cargo" cargo zigbuild --release --locked \
    -p cognito-attr-code-ffi -p cognito-attr-code-cli --target "$triple.$GLIBC"
  make_c_tarball "$BUILD/cargo/$triple/release" "$c_name"

  step "$triple: Python abi3 wheel (maturin --zig --compatibility manylinux2014)"
  (cd bindings-python && CARGO_TARGET_DIR="$BUILD/python" maturin build --release --locked --quiet \
    --zig --compatibility manylinux2014 --target "$triple" --out "$DIST")
  check_wheel_tag "$(ls "$DIST"/cognito_attr_code-"$VERSION"-cp39-abi3-*"${triple%%-*}"*.whl)" "$wheel_tag"

  step "$triple: Node addon (cargo zigbuild) and its npm platform package"
  CARGO_TARGET_DIR="$BUILD/node" cargo zigbuild --release --locked -p cognito-attr-code-node --target "$triple.$GLIBC"
  node scripts/dist/npm-packages.js platform "$npm_platform" \
    "$BUILD/node/$triple/release/libcognito_attr_code_node.so" "$BUILD/stage/npm" "$DIST"
}
