#!/usr/bin/env bash
# Re-records the golden outputs of the real AWS CLI under cli/tests/golden/ (v1 for the
# json/text/table formats, v2 for yaml/yaml-stream), then checks our output against them.
# Review the diff (`git diff cli/tests/golden`) before committing it.
#   v1: installed here into .tools/awscli-v1 (PyPI, no root), or AWS_CLI_V1=/path/to/aws
#   v2: AWS_CLI_V2=/path/to/aws, else /usr/bin/aws (Debian: apt-get install awscli)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${AWS_CLI_V1:-}" ]; then
    cli/scripts/install-aws-cli-v1.sh
fi
v2="${AWS_CLI_V2:-/usr/bin/aws}"
if ! "$v2" --version 2>/dev/null | grep -q '^aws-cli/2\.'; then
    echo "recording needs the AWS CLI v2 at $v2 (Debian: apt-get install awscli), or AWS_CLI_V2=/path/to/aws" >&2
    exit 1
fi
export AWS_CLI_V2="$v2"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target/cli}"
COGNITO_RECORD_GOLDENS=1 cargo test -p cognito-attr-code-cli --test oracle -- --nocapture
git status --short cli/tests/golden
