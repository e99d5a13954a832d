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

# The generated binding.d.ts is checked in: the build must not change it.
cp binding.d.ts "$tmp/binding.d.ts.committed"
npx napi build --platform --release --js binding.js --dts binding.d.ts
if ! cmp -s binding.d.ts "$tmp/binding.d.ts.committed"; then
  diff -u "$tmp/binding.d.ts.committed" binding.d.ts || true
  echo "binding.d.ts is out of date: commit the regenerated file" >&2
  exit 1
fi

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

set -- test/*.test.mjs test/*.test.cjs
for file in "$@"; do
  [ -f "$file" ] || { echo "no test files found matching $file" >&2; exit 1; }
done

# Clear every AWS_* variable the machine may set; the tests also do so themselves.
for name in $(env | sed -n 's/^\(AWS_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$name"; done
# HOME moves to an empty folder; cargo and rustup keep theirs.
export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}" CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export HOME="$tmp/home"

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
