#!/usr/bin/env bash
# The test command (README and CI): system libraries, a venv with the test extra, the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
bash scripts/venv.sh test
export QT_QPA_PLATFORM=offscreen
# A real, throw-away Secret Service for the keyring tests when dbus and gnome-keyring are there.
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session >/dev/null && command -v gnome-keyring-daemon >/dev/null; then
  exec dbus-run-session -- bash -c 'echo -n ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || true
    exec .venv/bin/python -m pytest "$@"' bash "$@"
fi
exec .venv/bin/python -m pytest "$@"
