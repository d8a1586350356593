#!/usr/bin/env bash
# Builds the one-folder bundle dist/ljsms-desktop/ (the window ljsms-desktop and the command line ljsms)
# from build.spec: Qt's system libraries, the venv with the `bundle` extra (PyInstaller), then PyInstaller.
# Extra arguments go to pyinstaller, e.g. --distpath /tmp/out --workpath /tmp/work.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
bash scripts/venv.sh bundle
started=$(date +%s)
.venv/bin/pyinstaller --noconfirm --clean "$@" build.spec
dist=dist
prev=""
for arg in "$@"; do
  case "$arg" in --distpath=*) dist="${arg#--distpath=}" ;; esac
  [ "$prev" = "--distpath" ] && dist="$arg"
  prev="$arg"
done
echo "built $dist/ljsms-desktop in $(( $(date +%s) - started )) s, $(du -sh "$dist/ljsms-desktop" | cut -f1)" >&2
echo "try: $dist/ljsms-desktop/ljsms-desktop --self-test   and   $dist/ljsms-desktop/ljsms --help" >&2
