#!/bin/sh
# The C++ wrapper included from C++14 stops with exactly one error, the one saying it needs C++17
# (before the guard, g++ -std=c++14 printed 52 errors from the wrapper's C++17 parts).
# usage: check_cpp14_error.sh OUTPUT_DIR
set -eu
out=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out"
printf '#include <cognito_attr_code.hpp>\nint main() { return 0; }\n' >"$out/cpp14.cpp"
if "${CXX:-c++}" -std=c++14 -I"$root/include" -fsyntax-only "$out/cpp14.cpp" 2>"$out/cpp14.err"; then
  echo "cognito_attr_code.hpp compiled as C++14: the C++17 guard is missing"; exit 1
fi
errors=$(grep -c 'error:' "$out/cpp14.err" || true)
[ "$errors" = 1 ] || { cat "$out/cpp14.err"; echo "C++14: $errors errors, not exactly one"; exit 1; }
grep -q 'error: #error "cognito_attr_code.hpp requires C++17' "$out/cpp14.err" ||
  { cat "$out/cpp14.err"; echo "C++14: the one error does not say C++17 is required"; exit 1; }
echo "cognito_attr_code.hpp under C++14: one error, \"requires C++17\""
