#!/bin/sh
# usage: scripts/compare-header.sh CHECKED_IN GENERATED
# Exits non-zero, showing the difference, when the checked-in C header is not what cbindgen
# generates from ffi-c now.
diff -u "$1" "$2" && exit 0
echo "$1 is stale: run make header" >&2
exit 1
