#!/bin/sh
# A 64-bit wine prefix reporting Windows 10, with the bcryptprimitives.dll stand-in that Rust's
# standard library needs under wine 8 (bcryptprimitives.c), to run the Windows artifacts. Made
# once under target/ and reused; prints its path.
# usage: scripts/dist/windows/wine-prefix.sh DIR
set -eu
dir=$(mkdir -p "$1" && cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -f "$dir/.complete" ]; then
  export WINEPREFIX="$dir" WINEARCH=win64 WINEDEBUG=-all
  wineboot -i >&2 2>/dev/null
  wine winecfg /v win10 >&2
  x86_64-w64-mingw32-gcc -O2 -Wall -Wextra -Werror -shared -o "$dir/drive_c/windows/system32/bcryptprimitives.dll" \
    "$here/bcryptprimitives.c" -ladvapi32
  wineserver -w
  touch "$dir/.complete"
fi
echo "$dir"
