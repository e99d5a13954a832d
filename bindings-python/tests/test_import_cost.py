"""`import cognito_attr_code` stays lean: it imports neither `logging` nor `typing` (together about
three quarters of its former import time), and log records still reach `logging` once the
application imports it. Each case runs in a fresh interpreter: this one has imported both."""

import os
import subprocess
import sys
import textwrap


def run_fresh(code: str) -> subprocess.CompletedProcess[str]:
    # PYTHONPATH stays: it may be where the package is installed (the arm64 wheel's test under qemu).
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], env=env, capture_output=True, text=True, timeout=60, check=False
    )


def test_the_import_loads_neither_logging_nor_typing() -> None:
    result = run_fresh(
        """
        import sys
        import cognito_attr_code
        print(sorted({"logging", "typing", "re", "dataclasses", "inspect"} & set(sys.modules)))
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_records_are_dropped_until_logging_is_imported_then_reach_it() -> None:
    result = run_fresh(
        """
        import sys
        import cognito_attr_code
        cognito_attr_code.Client(region="us-east-1", verify=False)  # a WARNING record
        print("logging" in sys.modules, flush=True)
        import logging
        logging.basicConfig(level=logging.WARNING, format="%(name)s %(levelname)s %(message)s")
        cognito_attr_code.Client(region="us-east-1", verify=False)
        handlers = logging.getLogger("cognito_attr_code").handlers
        print([type(handler).__name__ for handler in handlers])
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["False", "['NullHandler']"]
    warnings = [line for line in result.stderr.splitlines() if line.startswith("cognito_attr_code WARNING")]
    assert len(warnings) == 1, result.stderr


def test_the_typed_dicts_load_on_first_use() -> None:
    result = run_fresh(
        """
        import sys
        import cognito_attr_code
        assert "Settings" in dir(cognito_attr_code)
        assert "typing" not in sys.modules
        settings = cognito_attr_code.Settings
        shape = cognito_attr_code.VerifyUserAttributeRequestTypeDef
        from cognito_attr_code import GetUserAttributeVerificationCodeResponseTypeDef
        print(settings.__name__, "region" in settings.__annotations__, shape.__name__, "typing" in sys.modules)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["Settings", "True", "VerifyUserAttributeRequestTypeDef", "True"]
