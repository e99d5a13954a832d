"""Every fenced block of README.md, docs/*.md and the package READMEs is one the tests compile or run; fails naming
any other (a block without a language, or in a language no test reads).

  c, cpp        tests/c/check_readme_snippets.sh (make check-readme-c): compiled, C99 and C++17
  cmake         tests/consumers/run.sh (make test-install): built against an installed tree;
                one block, in docs/c-api.md
  python        bindings-python/tests/test_docs.py: compiled; README's quick start run
  js            bindings-node/test/docs.test.mjs: parsed; README's quick start run (and
                bindings-node/test/readme.test.mjs runs the package README's first block)
  rust,no_run   core's doctests (README.md and core/README.md are doc comments of
                core/src/lib.rs): compiled
  c excerpt=F   lines of the C program F, which make test-c compiles and runs: the block's lines
                must be a run of F's lines (indentation and blank lines aside)
  console       each `$ cognito-attr-code ...` line: cli/tests/docs.rs runs it; any other `$`
                line must be an install or build command (make test-dist and make test-install
                run those); lines without `$` are output

usage: python3 tests/docs/check_blocks.py [ROOT]"""

import re
import sys
from pathlib import Path

CHECKED = {"c", "cpp", "cmake", "python", "js", "rust,no_run", "console"}
# Commands of console blocks that install or build; anything else is an untested command.
INSTALL_COMMANDS = {"pip", "npm", "tar", "make", "cc", "export", "cmake", "cargo", "./a.out"}
FENCE = re.compile(r"^```(.*)$")
EXCERPT = re.compile(r"^c excerpt=(\S+)$")


def is_excerpt(root: Path, source: str, lines: list) -> bool:
    """Whether `lines` are consecutive lines of `source` (stripped, blank lines left out)."""
    path = root / source
    if not path.is_file():
        return False
    wanted = [line.strip() for line in lines if line.strip()]
    have = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return bool(wanted) and any(have[at : at + len(wanted)] == wanted for at in range(len(have)))


def package_readmes(root: Path):
    return [root / "bindings-python" / "README.md", root / "bindings-node" / "README.md", root / "core" / "README.md"]


def blocks(path: Path):
    language = None
    start = 0
    lines = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        fence = FENCE.match(line)
        if fence and language is None:
            language, start, lines = fence.group(1).strip(), number, []
        elif fence and fence.group(1) == "":
            yield language, start, lines
            language = None
        elif language is not None:
            lines.append(line)
    if language is not None:
        yield language, start, ["<unclosed>"]


def problems(root: Path):
    documents = [root / "README.md", *sorted((root / "docs").glob("*.md")), *package_readmes(root)]
    cmake = []
    for document in documents:
        name = document.relative_to(root)
        for language, line, lines in blocks(document):
            where = f"{name}:{line}"
            excerpt = EXCERPT.match(language or "")
            if excerpt:
                if not is_excerpt(root, excerpt.group(1), lines):
                    yield f"{where}: not a run of lines of {excerpt.group(1)}"
            elif language not in CHECKED:
                yield f"{where}: a ```{language or '(no language)'} block that no test compiles or runs"
            if language == "cmake":
                cmake.append(where)
            if language == "console":
                for text in lines:
                    if not text.startswith("$ "):
                        continue
                    words = text[2:].split()
                    command = words[0] if words else ""
                    while "=" in command and len(words) > 1:  # VARIABLE=value command ...
                        words = words[1:]
                        command = words[0]
                    if command != "cognito-attr-code" and command not in INSTALL_COMMANDS:
                        yield f"{where}: `{text}` is neither a cognito-attr-code line nor an install command"
    if cmake and cmake != [c for c in cmake if c.startswith("docs/c-api.md:")][:1]:
        yield f"cmake blocks {cmake}: tests/consumers/run.sh builds only the first one of docs/c-api.md"


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2])
    found = list(problems(root))
    for problem in found:
        print(problem, file=sys.stderr)
    if found:
        return 1
    print("every fenced block of README.md and docs/ is compiled or run by a test")
    return 0


if __name__ == "__main__":
    sys.exit(main())
