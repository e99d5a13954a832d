#!/usr/bin/env bash
# Installs the AWS CLI v1 (pinned, from PyPI) into the project's own tool folder,
# .tools/awscli-v1, without root. The CLI's golden tests then also compare with it live (see
# cli/tests/oracle/golden.rs); cli/scripts/record-goldens.sh records the v1 goldens with it.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=1.45.11
venv=.tools/awscli-v1
if "$venv/bin/aws" --version 2>/dev/null | grep -q "^aws-cli/$version "; then
    exit 0
fi
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "awscli==$version"
"$venv/bin/aws" --version
