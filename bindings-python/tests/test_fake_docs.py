"""Every ```python block of docs/testing.md is a pytest module that passes as written,
run in a fresh interpreter against the installed package (its fixture from the registered
plugin)."""

import pathlib
import re
import subprocess
import sys
from typing import List

import pytest

DOC = pathlib.Path(__file__).resolve().parents[2] / "docs" / "testing.md"


def snippets() -> List[str]:
    return re.findall(r"^```python\n(.*?)^```$", DOC.read_text(), re.MULTILINE | re.DOTALL)


def test_the_docs_have_python_examples() -> None:
    assert len(snippets()) >= 2


@pytest.mark.parametrize("index", range(len(snippets())))
def test_a_docs_example_passes_as_written(index: int, tmp_path: pathlib.Path) -> None:
    module = tmp_path / f"test_docs_example_{index}.py"
    module.write_text(snippets()[index])
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-W", "error", "-p", "no:cacheprovider", str(module)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"\b1 passed\b", result.stdout), result.stdout
