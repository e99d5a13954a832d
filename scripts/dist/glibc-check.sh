#!/bin/sh
# Prints the newest GLIBC_ symbol version that each ELF file needs and fails when one needs a
# newer glibc than MAX. Files that are not ELF (scripts, archives) are skipped.
# usage: scripts/dist/glibc-check.sh MAX FILE...
set -eu
max=$1
shift
elf_magic=$(printf '\177ELF')
status=0
checked=0
for file in "$@"; do
  [ "$(head -c 4 "$file")" = "$elf_magic" ] || continue
  checked=$((checked + 1))
  newest=$(objdump -T "$file" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/^GLIBC_//' | sort -uV | tail -1)
  newest=${newest:-none}
  if [ "$newest" != none ] && [ "$(printf '%s\n%s\n' "$newest" "$max" | sort -V | tail -1)" != "$max" ]; then
    printf 'FAIL  GLIBC_%-6s %s (more than GLIBC_%s)\n' "$newest" "$file" "$max"
    status=1
  else
    printf 'ok    GLIBC_%-6s %s\n' "$newest" "$file"
  fi
done
[ "$checked" -gt 0 ] || { echo "no ELF file among the arguments" >&2; exit 1; }
exit "$status"
