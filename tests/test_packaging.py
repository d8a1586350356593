"""The wheel holds every subpackage and the resources the window offers (sample workbook, translations)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "ljsms_desktop").rglob("__init__.py")}
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


def test_resources_are_found_through_the_package():
    from ljsms_desktop.resources_path import RESOURCES

    assert (RESOURCES / "sample_import.xlsx").is_file()
    assert (RESOURCES / "i18n" / "ljsms_en.qm").is_file()


def test_the_tabs_do_not_import_the_app_module():
    """ui.app builds the window; a tab importing it back was an import loop (app → main_window → template_tab → app)."""
    import os
    import subprocess
    import sys

    code = ("import sys, ljsms_desktop.ui.template_tab, ljsms_desktop.ui.main_window; "
            "print('ljsms_desktop.ui.app' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
