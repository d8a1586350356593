"""The program's icons (resources/icons, drawn by scripts/make_icons.py): window, tray, file."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon


def icons_dir() -> Path:
    """``resources/icons``: inside the installed package ``ljsms_desktop.resources`` (or the bundle), or
    next to the package in a plain checkout."""
    try:
        spec = importlib.util.find_spec("ljsms_desktop.resources")
    except (ImportError, ValueError):
        spec = None
    for location in (spec.submodule_search_locations or []) if spec else []:
        if (Path(location) / "icons").is_dir():
            return Path(location) / "icons"
    return Path(__file__).resolve().parent.parent.parent / "resources" / "icons"


def _icon(prefix: str) -> QIcon:
    icon = QIcon()
    for png in sorted(icons_dir().glob(f"{prefix}-*.png")):
        icon.addFile(str(png))
    return icon


@cache
def app_icon() -> QIcon:
    """The window and program icon (all sizes, 16–1024 px)."""
    return _icon("app")


@cache
def tray_icon() -> QIcon:
    """The tray icon: bolder details, readable at 16 px on dark and light panels."""
    return _icon("tray")
