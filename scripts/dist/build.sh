#!/usr/bin/env bash
# `make dist`: every release artifact, built against glibc 2.17 (zig as C compiler and linker)
# and collected into target/dist/ with SHA256SUMS:
#   cognito-attr-code-VERSION-x86_64-linux-gnu.tar.gz    C library, headers, pkg-config, CMake, CLI
#                                                         (the `make install` layout) + licences
#   cognito_attr_code-VERSION-cp39-abi3-manylinux2014_x86_64...whl, cognito_attr_code-VERSION.tar.gz
#   cognito-attr-code-VERSION.tgz (npm main package), cognito-attr-code-linux-x64-gnu-VERSION.tgz
# The version comes from CHANGELOG.md (scripts/dist/release_version.sh). Run from anywhere.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
DIST=$ROOT/target/dist
BUILD=$ROOT/target/dist-build
TRIPLE=x86_64-unknown-linux-gnu
GLIBC=2.17
step() { printf '\n==> %s\n' "$*"; }

VERSION=$(sh scripts/dist/release_version.sh)
step "release $VERSION (CHANGELOG.md), glibc $GLIBC baseline"
PATH="$(scripts/dist/tools.sh "$BUILD/venv"):$PATH"
export PATH
python3 scripts/dist/third_party_notices.py check THIRD-PARTY-NOTICES.txt
rm -rf "$DIST" "$BUILD/stage"
mkdir -p "$DIST" "$BUILD/stage"

step "C library and CLI (cargo zigbuild --target $TRIPLE.$GLIBC)"
CARGO_TARGET_DIR="$BUILD/cargo" cargo zigbuild --release --locked \
  -p cognito-attr-code-ffi -p cognito-attr-code-cli --target "$TRIPLE.$GLIBC"
release_dir="$BUILD/cargo/$TRIPLE/release"
c_name="cognito-attr-code-$VERSION-x86_64-linux-gnu"
# `make install`'s own layout, from the zig-built files (-o: do not rebuild them with plain cargo).
make --no-print-directory -o lib -o cli install RELEASE="$release_dir" PREFIX=/usr/local \
  DESTDIR="$BUILD/stage/install" >/dev/null
mv "$BUILD/stage/install/usr/local" "$BUILD/stage/$c_name"
doc="$BUILD/stage/$c_name/share/doc/cognito-attr-code"
mkdir -p "$doc"
cp LICENSE THIRD-PARTY-NOTICES.txt CHANGELOG.md README.md "$doc/"
# The README links to docs/ (every page but development.md is for users of the artifacts).
cp -R docs "$doc/docs"
tar -C "$BUILD/stage" --owner=0 --group=0 --numeric-owner --sort=name -czf "$DIST/$c_name.tar.gz" "$c_name"

step "Python abi3 wheel (maturin --zig --compatibility manylinux2014) and sdist"
(cd bindings-python && CARGO_TARGET_DIR="$BUILD/python" maturin build --release --locked --quiet \
  --zig --compatibility manylinux2014 --out "$DIST")
(cd bindings-python && maturin sdist --out "$DIST")
wheel=$(ls "$DIST"/cognito_attr_code-"$VERSION"-cp39-abi3-*.whl)
auditwheel show "$wheel" | tee "$BUILD/auditwheel.txt"
tr -d '\n' <"$BUILD/auditwheel.txt" | grep -q '"manylinux_2_17_x86_64"' ||
  { echo "auditwheel does not report manylinux_2_17 (manylinux2014) for $wheel" >&2; exit 1; }
ls "$DIST/cognito_attr_code-$VERSION.tar.gz" >/dev/null

step "Node addon (cargo zigbuild) and the npm packages"
CARGO_TARGET_DIR="$BUILD/node" cargo zigbuild --release --locked -p cognito-attr-code-node --target "$TRIPLE.$GLIBC"
node scripts/dist/npm-packages.js "$BUILD/node/$TRIPLE/release/libcognito_attr_code_node.so" "$BUILD/stage/npm" "$DIST"

step "SHA256SUMS and sizes"
(cd "$DIST" && sha256sum -- *.tar.gz *.whl *.tgz >SHA256SUMS && cat SHA256SUMS)
sh scripts/dist/sizes.sh "$DIST"
