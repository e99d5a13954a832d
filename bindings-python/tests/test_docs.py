"""The documentation's Python: every ```python block of the READMEs and docs/ compiles, the README's
quick start runs as written against a local stand-in (configured only through the environment
variables it reads), and help(Settings) lists every setting."""

import ast
import os
import pydoc
import re
import subprocess
import sys
from pathlib import Path
from typing import List, Tuple

import cognito_attr_code

from conftest import TOKEN, CognitoStub

ROOT = Path(__file__).resolve().parents[2]


def python_blocks() -> List[Tuple[str, str]]:
    documents = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "bindings-python" / "README.md"]
    blocks = []
    for document in documents:
        text = document.read_text(encoding="utf-8")
        for number, block in enumerate(re.findall(r"^```python\n(.*?)^```$", text, re.S | re.M)):
            blocks.append((f"{document.relative_to(ROOT)} block {number + 1}", block))
    return blocks


def test_every_python_block_compiles() -> None:
    blocks = python_blocks()
    assert any(name.startswith("README.md") for name, _ in blocks)
    for name, block in blocks:
        compile(block, name, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)


def test_the_readme_quick_start_requests_and_verifies_a_code(stub: CognitoStub) -> None:
    quick_start = next(block for name, block in python_blocks() if name.startswith("README.md"))
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ["HOME"],
        "AWS_CONFIG_FILE": os.environ["AWS_CONFIG_FILE"],
        "AWS_REGION": "us-east-1",
        "ACCESS_TOKEN": TOKEN,
        "COGNITO_ENDPOINT": stub.url,
        # Where the package is installed, when not in the interpreter's own site-packages.
        **{key: os.environ[key] for key in ("PYTHONPATH",) if key in os.environ},
    }
    result = subprocess.run(
        [sys.executable, "-c", quick_start],
        input="493817\n",
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, "code: email verified\n"), result.stderr
    targets = [received.headers["x-amz-target"].rsplit(".", 1)[1] for received in stub.received]
    assert targets == ["GetUserAttributeVerificationCode", "VerifyUserAttribute"]
    assert stub.received[1].body["Code"] == "493817"


def test_help_of_settings_lists_every_setting() -> None:
    text = pydoc.render_doc(cognito_attr_code.Settings)
    missing = [name for name in cognito_attr_code.Settings.__annotations__ if f"{name} (" not in text]
    assert missing == []
