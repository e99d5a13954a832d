#!/bin/sh
# Prints the release version: the newest `## [x.y.z] - YYYY-MM-DD` heading of CHANGELOG.md, after
# checking that Cargo.toml's workspace version and bindings-node/package.json say the same.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
changelog=$(sed -n 's/^## \[\([0-9][0-9.]*[^]]*\)\] - [0-9]\{4\}-[0-9]\{2\}-[0-9]\{2\}$/\1/p' "$root/CHANGELOG.md" | head -1)
cargo=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' "$root/Cargo.toml")
npm=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$root/bindings-node/package.json")
[ -n "$changelog" ] || { echo "CHANGELOG.md has no released version (## [x.y.z] - YYYY-MM-DD)" >&2; exit 1; }
for pair in "Cargo.toml:$cargo" "bindings-node/package.json:$npm"; do
  [ "${pair#*:}" = "$changelog" ] ||
    { echo "CHANGELOG.md releases $changelog but ${pair%%:*} says ${pair#*:}" >&2; exit 1; }
done
echo "$changelog"
