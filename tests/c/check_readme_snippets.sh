#!/bin/sh
# Every ```c block of a Markdown file is a complete program that compiles and links verbatim as
# C99 and as C++17; every ```cpp block as C++17. All with -Wall -Wextra -Wpedantic -Werror, against
# include/ and the shared library in target/release.
# usage: check_readme_snippets.sh README.md OUTPUT_DIR
set -eu
readme=$1
out=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$out"
mkdir -p "$out"
awk -v out="$out" '
  /^```(c|cpp)$/ { n++; lang = substr($0, 4); file = sprintf("%s/snippet%02d.%s", out, n, lang); next }
  /^```/ && file { close(file); file = ""; next }
  file { print > file }
' "$readme"
count=0
strict="-Wall -Wextra -Wpedantic -Werror -I$root/include"
link="-L$root/target/release -lcognito_attr_code -lpthread -ldl -lm"
for snippet in "$out"/snippet*; do
  [ -e "$snippet" ] || break
  count=$((count + 1))
  case "$snippet" in
    *.c)
      # shellcheck disable=SC2086
      "${CC:-cc}" -std=c99 $strict -o "${snippet%.c}.c99" "$snippet" $link ||
        { echo "$readme: $(basename "$snippet") does not compile as C99"; exit 1; }
      # shellcheck disable=SC2086
      "${CXX:-c++}" -x c++ -std=c++17 $strict -o "${snippet%.c}.cxx17" "$snippet" $link ||
        { echo "$readme: $(basename "$snippet") does not compile as C++17"; exit 1; } ;;
    *.cpp)
      # shellcheck disable=SC2086
      "${CXX:-c++}" -std=c++17 $strict -o "${snippet%.cpp}.cxx17" "$snippet" $link ||
        { echo "$readme: $(basename "$snippet") does not compile as C++17"; exit 1; } ;;
  esac
done
[ "$count" -gt 0 ] || { echo "$readme: no \`\`\`c or \`\`\`cpp snippet found"; exit 1; }
echo "$count README snippets compile as C99 and C++17"
