"""Where the program keeps its files: one data folder (platformdirs), overridable with ``LJSMS_HOME``."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "ljsms-desktop"


def data_dir(*, create: bool = True) -> Path:
    """The data folder: ``$LJSMS_HOME`` when set, else the platform's per-user data folder."""
    home = os.environ.get("LJSMS_HOME")
    path = Path(home).expanduser() if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def db_path() -> Path:
    """The SQLite database holding campaigns, reports, replies and the suppression list."""
    return data_dir() / "ljsms.sqlite3"


def settings_path() -> Path:
    """Settings shared by the command line and the window (never the password)."""
    return data_dir() / "settings.json"


def log_dir() -> Path:
    """The log folder: ``$LJSMS_HOME/logs`` when set, else the platform's per-user log folder."""
    home = os.environ.get("LJSMS_HOME")
    if home:
        return Path(home).expanduser() / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def log_path() -> Path:
    """The rotating log (``ljsms.log``, ``.1`` … ``.4``) that ``ljsms`` and the window write (see ``logs``)."""
    return log_dir() / "ljsms.log"
