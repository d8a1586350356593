#!/usr/bin/env bash
# Creates .venv (if needed) and installs the project into it. Usage: scripts/venv.sh [extra]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".${1:+[$1]}"
