#!/usr/bin/env bash
# Qt Linguist: collect the window's strings into resources/i18n/ljsms_en.ts (Chinese source texts,
# English translations), then compile ljsms_en.qm, which the app loads at start on non-Chinese locales.
#   bash scripts/update-translations.sh          # after changing UI strings; then translate with
#   .venv/bin/pyside6-linguist resources/i18n/ljsms_en.ts   and run this script again to compile.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/pyside6-lupdate ljsms_desktop/ui/*.py -ts resources/i18n/ljsms_en.ts \
  -source-language zh_CN -target-language en -no-obsolete
.venv/bin/pyside6-lrelease resources/i18n/ljsms_en.ts -qm resources/i18n/ljsms_en.qm
