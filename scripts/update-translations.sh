#!/usr/bin/env bash
# Qt Linguist: collect the window's strings into resources/i18n/ljsms_en.ts (Chinese source texts),
# write the English from scripts/translations_en.py into it, then compile ljsms_en.qm, which the app
# loads at start on non-Chinese locales (or with `ljsms-desktop --lang en`).
#   bash scripts/update-translations.sh          # after changing UI strings; it lists any source text
#                                                 # still without English: add it to translations_en.py
# (Translations made in `.venv/bin/pyside6-linguist resources/i18n/ljsms_en.ts` are kept when the
# dictionary has no entry for that text.)
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/pyside6-lupdate ljsms_desktop/ui/*.py -ts resources/i18n/ljsms_en.ts \
  -source-language zh_CN -target-language en -no-obsolete
.venv/bin/python scripts/translations_en.py resources/i18n/ljsms_en.ts
.venv/bin/pyside6-lrelease resources/i18n/ljsms_en.ts -qm resources/i18n/ljsms_en.qm
