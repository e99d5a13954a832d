"""The botocore that scripts/generate/requirements.txt pins: the generators that read botocore's
data import it from the venv scripts/generate/run.sh makes, and refuse any other version."""

import pathlib
import sys

import botocore

REQUIREMENTS = pathlib.Path(__file__).resolve().parent / "requirements.txt"


def pinned_botocore(generator):
    """The imported botocore module, after checking it is the pinned version (else exits, naming
    `generator`)."""
    for line in REQUIREMENTS.read_text().splitlines():
        if line.startswith("botocore=="):
            pinned = line.split("==", 1)[1].strip()
            break
    else:
        sys.exit(f"{REQUIREMENTS} pins no botocore version")
    if botocore.__version__ != pinned:
        sys.exit(
            f"{generator} needs botocore {pinned}, found {botocore.__version__}: run it through scripts/generate/run.sh"
        )
    return botocore
