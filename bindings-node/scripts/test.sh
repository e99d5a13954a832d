#!/bin/sh
# Builds the addon, packs it, installs the tarball into a fresh folder the way a user would,
# and runs every test there against the installed package. Run from anywhere.
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$here/../target/node}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cognito-attr-code-node.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

cd "$here"
npm ci --no-audit --no-fund --loglevel=error
# rustfmt, clippy and Biome: make lint.

# The generated loader and types are checked in: the build must not change them.
matches_build() { # COMMITTED BUILT
  cmp -s "$1" "$2" && return 0
  diff -u "$1" "$2" || true
  echo "$2 is out of date: run npm run build in bindings-node and commit it" >&2
  return 1
}
for file in binding.js binding.d.ts; do cp "$file" "$tmp/$file.committed"; done
sh scripts/build.sh
for file in binding.js binding.d.ts; do
  matches_build "$tmp/$file.committed" "$file"
  # The comparison must catch drift: a copy without its last line has to fail it.
  sed '$d' "$file" >"$tmp/$file.drifted"
  if matches_build "$tmp/$file.drifted" "$file" >/dev/null 2>&1; then
    echo "the drift check of $file did not catch a removed line" >&2
    exit 1
  fi
done

npm pack --silent --pack-destination "$tmp" >/dev/null
tarball=$(ls "$tmp"/cognito-attr-code-*.tgz)

app="$tmp/app"
mkdir -p "$app/node_modules/@aws-sdk"
cd "$app"
printf '{ "name": "cognito-attr-code-tests", "private": true }\n' >package.json
npm install --no-audit --no-fund --loglevel=error "$tarball"
# Test-only tools come from this package's devDependencies (pinned in package-lock.json).
ln -s "$here/node_modules/@aws-sdk/client-cognito-identity-provider" node_modules/@aws-sdk/
ln -s "$here/node_modules/typescript" node_modules/typescript
cp -R "$here/test" "$app/test"
# The fake's documented examples run as written (test/fake-docs.test.mjs).
cp -R "$here/../docs" "$app/docs"

set -- test/*.test.mjs test/*.test.cjs
for file in "$@"; do
  [ -f "$file" ] || { echo "no test files found matching $file" >&2; exit 1; }
done

# Clear every AWS_* variable the machine may set; the tests also do so themselves.
for name in $(env | sed -n 's/^\(AWS_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$name"; done
# HOME moves to an empty folder; cargo and rustup keep theirs.
export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}" CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export HOME="$tmp/home"
# docs.test.mjs reads the README and docs/ of the repository.
export COGNITO_ATTR_CODE_REPO="$(cd "$here/.." && pwd)"

status=0
node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tmp/report.tap" "$@" || status=$?
passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tmp/report.tap")
if [ "${passed:-0}" -eq 0 ]; then
  echo "no tests ran" >&2
  exit 1
fi
[ "$status" -eq 0 ] || exit "$status"

# Where no prebuilt binary fits this platform, the tarball's bundled Rust sources build one.
# Simulated by installing without scripts and removing the prebuilt binary.
echo "==> build from source when no prebuilt binary fits"
src_app="$tmp/from-source"
mkdir -p "$src_app"
cd "$src_app"
printf '{ "name": "from-source", "private": true }\n' >package.json
npm install --no-audit --no-fund --loglevel=error --ignore-scripts "$tarball"
rm node_modules/cognito-attr-code/cognito-attr-code.*.node
if node -e "require('cognito-attr-code')" 2>"$tmp/missing.err"; then
  echo "the package loaded without a native binary" >&2
  exit 1
fi
grep -q "Build it from the bundled sources" "$tmp/missing.err" || { cat "$tmp/missing.err" >&2; exit 1; }
node node_modules/cognito-attr-code/scripts/install.js
node -e "
const { Client } = require('cognito-attr-code')
const url = new Client({ region: 'eu-west-1' }).endpointUrl
if (url !== 'https://cognito-idp.eu-west-1.amazonaws.com/') throw new Error('unexpected endpoint ' + url)
console.log('built from source and loaded: endpoint', url)
"
