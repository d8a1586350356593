#!/usr/bin/env bash
# Installs the app and starts it in demo mode (a built-in gateway simulator, a throw-away data folder).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
bash scripts/venv.sh
exec .venv/bin/ljsms-desktop --demo "$@"
