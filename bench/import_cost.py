"""What `import cognito_attr_code` (Python) and `require('cognito-attr-code')` (Node) cost: the
median wall time of the import alone over fresh processes, and, stable where milliseconds are not,
the instructions of a process that imports minus those of a bare interpreter (callgrind).

    python3 bench/import_cost.py PYTHON NODE_PACKAGE_DIR [RUNS]

PYTHON is an interpreter with the package installed; NODE_PACKAGE_DIR holds the built Node package.
`make bench` runs it with its own venv; it prints one JSON object.
"""

import json
import os
import re
import shutil
import statistics
import subprocess
import sys

PYTHON_IMPORT = (
    "import time; started = time.perf_counter(); import cognito_attr_code; print(time.perf_counter() - started)"
)
NODE_REQUIRE = (
    "const started = process.hrtime.bigint(); require(process.argv[1]); "
    "console.log(Number(process.hrtime.bigint() - started) / 1e9)"
)


def environment() -> dict:
    # Bytecode is read from the installed .pyc files, as a user's import reads it.
    return {key: value for key, value in os.environ.items() if key not in ("PYTHONDONTWRITEBYTECODE", "NODE_OPTIONS")}


def seconds(argv: list, runs: int) -> float:
    samples = [
        float(subprocess.run(argv, env=environment(), capture_output=True, text=True, check=True).stdout)
        for _ in range(runs)
    ]
    return statistics.median(samples)


def instructions(argv: list) -> int:
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        env=environment(),
        capture_output=True,
        text=True,
        check=True,
    )
    return int(re.findall(r"Collected : (\d+)", result.stderr)[-1])


def measure(python: str, node_package: str, runs: int = 15) -> dict:
    # Writes the package's .pyc files if the install left them out (PYTHONDONTWRITEBYTECODE).
    subprocess.run(
        [
            python,
            "-c",
            "import cognito_attr_code, compileall, os; "
            "compileall.compile_dir(os.path.dirname(cognito_attr_code.__file__), quiet=1)",
        ],
        env=environment(),
        check=True,
    )
    python_import = [python, "-c", PYTHON_IMPORT]
    node_require = ["node", "-e", NODE_REQUIRE, os.path.abspath(node_package)]
    result = {
        "python": {"import_ms": seconds(python_import, runs) * 1e3},
        "node": {"import_ms": seconds(node_require, runs) * 1e3},
    }
    if shutil.which("valgrind"):
        result["python"]["instructions"] = instructions([python, "-c", "import cognito_attr_code"]) - instructions(
            [python, "-c", "pass"]
        )
        result["node"]["instructions"] = instructions(
            ["node", "-e", "require(process.argv[1])", node_require[-1]]
        ) - instructions(["node", "-e", "0"])
    return result


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        raise SystemExit(__doc__)
    print(json.dumps(measure(sys.argv[1], sys.argv[2], *(int(arg) for arg in sys.argv[3:])), indent=2))
