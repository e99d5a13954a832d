#!/bin/sh
# usage: scripts/generate/run.sh generate|check   (runs from any directory)
# generate: rewrites every generated file that has a generator here from its pinned input.
# check:    regenerates into a temporary folder and fails, showing the difference, when a
#           checked-in file drifted; then proves the comparison catches drift on a perturbed copy.
# Each generator gets the output path and the checked-in file's path (the kind of file).
# Pinned inputs: scripts/generate/requirements.txt (installed into target/generate-venv) and the
# Unicode version of $PYTHON's unicodedata (east_asian_width.py names the one it needs).
# The C header (make header / make check-header) and the Node loader and types
# (bindings-node/scripts/test.sh) are generated and checked by their own tools.
set -eu

mode=${1:-}
case "$mode" in generate|check) ;; *) echo "usage: $0 generate|check" >&2; exit 2 ;; esac

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
python=${PYTHON:-python3}
venv="$root/target/generate-venv"
stamp="$venv/requirements.txt"

if ! cmp -s "$here/requirements.txt" "$stamp"; then
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$here/requirements.txt"
  cp "$here/requirements.txt" "$stamp"
fi

# The East Asian widths come from Python's own unicodedata: the first of $PYTHON, python3.11 and
# python3 that has the Unicode version east_asian_width.py pins (no PyPI backport of it builds on
# current Pythons).
unicode_python() {
  pinned=$(sed -n 's/^UNICODE_VERSION = "\(.*\)"$/\1/p' "$here/east_asian_width.py")
  for candidate in ${PYTHON:-} python3.11 python3; do
    version=$("$candidate" -c 'import unicodedata; print(unicodedata.unidata_version)' 2>/dev/null) || continue
    [ "$version" = "$pinned" ] && { command -v "$candidate"; return 0; }
  done
  return 1
}

# name  generator  interpreter  checked-in file (relative to the root)
generators() {
  if eaw_python=$(unicode_python); then
    echo "east_asian_width $here/east_asian_width.py $eaw_python cli/src/output/east_asian_width.rs"
  elif [ "$mode" = check ]; then
    echo "check-generated: cli/src/output/east_asian_width.rs SKIPPED (no Python with the Unicode" \
      "version scripts/generate/east_asian_width.py pins: install python3.11 or set PYTHON)" >&2
  fi
  echo "partitions $here/partitions.py $venv/bin/python core/src/config/endpoint/partitions.rs"
  echo "service_model_errors $here/service_model_errors.py $venv/bin/python core/tests/data/service-model-errors.json"
  echo "error_names_python $here/error_names.py $python bindings-python/python/cognito_attr_code/_service_errors.py"
  echo "error_names_package_all $here/error_names.py $python bindings-python/python/cognito_attr_code/__init__.py"
  echo "error_names_esm $here/error_names.py $python bindings-node/lib/service-errors.generated.mjs"
  echo "error_names_types $here/error_names.py $python bindings-node/lib/service-errors.generated.d.ts"
  echo "c_status $here/c_status.py $python ffi-c/src/status.rs"
}

compare() { # CHECKED_IN GENERATED
  diff -u "$1" "$2" && return 0
  echo "$1 is stale: run make generate and commit the result" >&2
  return 1
}

if [ "$mode" = generate ]; then
  # Without a fitting Python, east_asian_width.py fails, naming the Unicode version it needs.
  unicode_python >/dev/null || "$python" "$here/east_asian_width.py" /dev/null
  generators | while read -r name generator interpreter file; do
    "$interpreter" "$generator" "$root/$file" "$file"
    echo "generated $file"
  done
  exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cognito-attr-code-generated.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0
generators | {
  while read -r name generator interpreter file; do
    "$interpreter" "$generator" "$tmp/$name.rs" "$file"
    compare "$root/$file" "$tmp/$name.rs" || { status=1; continue; }
    # The comparison must catch drift: a copy with one data line removed has to fail it.
    lines=$(wc -l <"$root/$file")
    sed "$((lines - 2))d" "$root/$file" >"$tmp/$name.drifted"
    if compare "$tmp/$name.drifted" "$tmp/$name.rs" >/dev/null 2>&1; then
      echo "the drift check of $file did not catch a removed line" >&2
      status=1
      continue
    fi
    echo "$file matches its generator"
  done
  exit "$status"
}
