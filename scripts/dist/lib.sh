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
