"""`make docs`: every exported declaration of the Node package's TypeScript declarations
(`export ...` in a .d.ts) and every declaration of the C header (functions, structs, enums,
typedefs and macros outside the include guard) follows a /** ... */ doc comment; prints each
missing one and fails. With an output folder, copies the checked files there.

usage: python3 scripts/docs/declaration_docs.py ts|c FILE... [--out DIR]"""

import re
import shutil
import sys
from pathlib import Path

TS_EXPORT = re.compile(r"^export (declare |default )?(const|function|class|interface|type|enum|abstract class)\b")
# A top-level C declaration starts in column 0 with a type or a keyword; continuation lines,
# braces, preprocessor guards and comments do not.
C_START = re.compile(
    r"^(typedef |struct |enum |union |const |unsigned |signed |void |char |int |bool |size_t |uint\w+ |int\w+ |cognito_\w+ |#define COGNITO_)"
)
C_SKIP = re.compile(r"^(#define COGNITO_ATTR_CODE_H\b)")


def preceded_by_doc(lines, index):
    """The nearest line above `index` that is neither blank nor a preprocessor conditional (cbindgen
    wraps a sized enum's typedef in #if/#else) closes a /** comment or ends the declaration above."""
    above = index - 1
    while above >= 0 and (not lines[above].strip() or lines[above].startswith(("#if", "#else", "#endif"))):
        above -= 1
    if (
        above >= 0
        and lines[index].startswith("typedef ")
        and (lines[above] == "};" or lines[above].startswith("typedef "))
    ):
        return True  # the typedef of the enum just declared, documented there
    if above < 0 or not lines[above].rstrip().endswith("*/"):
        return False
    while above >= 0 and "/*" not in lines[above]:
        above -= 1
    return above >= 0 and "/**" in lines[above]


def undocumented(kind, path):
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        f"{path}:{index + 1}: {lines[index].strip()}"
        for index in declarations(kind, lines)
        if not preceded_by_doc(lines, index)
    ]


def declarations(kind, lines):
    """The index of every top-level declaration the check covers."""
    depth = 0
    for index, line in enumerate(lines):
        top_level = depth == 0
        # cbindgen wraps every declaration in `extern "C" {` ... `}  // extern "C"` for C++.
        if not line.startswith(('extern "C"', "}  // extern")):
            depth += line.count("{") - line.count("}")
        if not top_level:
            continue
        if kind == "ts" and TS_EXPORT.match(line):
            yield index
        if kind == "c" and C_START.match(line) and not C_SKIP.match(line):
            yield index


def without_last_doc(kind, lines):
    """The lines with the doc comment of the last declaration removed."""
    index = list(declarations(kind, lines))[-1]
    end = index - 1
    while not lines[end].rstrip().endswith("*/"):
        end -= 1
    start = end
    while "/**" not in lines[start]:
        start -= 1
    return lines[:start] + lines[end + 1 :]


def main():
    args = sys.argv[1:]
    out = None
    if "--out" in args:
        at = args.index("--out")
        out = Path(args[at + 1])
        del args[at : at + 2]
    kind, files = args[0], [Path(name) for name in args[1:]]
    missing = [item for path in files for item in undocumented(kind, path)]
    for item in missing:
        print(f"no doc comment: {item}", file=sys.stderr)
    if out:
        out.mkdir(parents=True, exist_ok=True)
        for path in files:
            shutil.copy(path, out / path.name)
    if missing:
        return 1
    for path in files:
        lines = without_last_doc(kind, path.read_text(encoding="utf-8").splitlines())
        if all(preceded_by_doc(lines, index) for index in declarations(kind, lines)):
            print(f"{path}: the check missed a declaration whose doc comment was removed", file=sys.stderr)
            return 1
    print(f"{', '.join(map(str, files))}: every declaration has a doc comment")
    return 0


if __name__ == "__main__":
    sys.exit(main())
