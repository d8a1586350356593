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
    from ljsms_desktop.ui.app import RESOURCES

    assert (RESOURCES / "sample_import.xlsx").is_file()
    assert (RESOURCES / "i18n" / "ljsms_en.qm").is_file()
