"""Where the repository's ``resources/`` folder is (sample workbook, translations). No Qt: the window's
modules import it from here, so ``ui.app`` (which builds the window) is never imported by a tab."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def resources_dir() -> Path:
    """``resources/``: installed as the package ``ljsms_desktop.resources`` (pyproject maps it), or next
    to the package in a plain checkout."""
    try:
        spec = importlib.util.find_spec("ljsms_desktop.resources")
    except (ImportError, ValueError):
        spec = None
    for location in (spec.submodule_search_locations or []) if spec else []:
        if Path(location).is_dir():
            return Path(location)
    return Path(__file__).resolve().parent.parent / "resources"


RESOURCES = resources_dir()
