"""Settings shared by the command line and the window, in ``settings.json`` in the data folder.

The password is never a setting: it lives in the OS keyring (see credentials.py).
Window geometry and other view state belong to QSettings in the ui layer, not here.

The file is read field by field: a value of the wrong type or out of range (a number for
``base_url``, ``null`` for ``poll_interval``, "60" for a number), a file that is not JSON or not an
object — each falls back to its default and leaves a :class:`Notice` (field + code) in
``Settings.notices``; the command line prints them, the window shows them. The unreadable file is
first kept as ``settings.json.bad-YYYYMMDD-HHMMSS`` (``paths.keep_bad_copy``), so saving the
settings never destroys what the user wrote.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, ClassVar

from . import paths
from .api.address import DEFAULT_BASE_URL

_FORBIDDEN = {"password", "key", "secret"}

# Notice codes: the whole file ("" field) — "unreadable" (not JSON / not UTF-8), "not_object" (JSON,
# but not an object); a field — "wrong_type" (e.g. a number for a text), "bad_value" (the right type,
# but not usable: a poll interval of 0, "25:00", an address without http://).
UNREADABLE, NOT_OBJECT, WRONG_TYPE, BAD_VALUE = "unreadable", "not_object", "wrong_type", "bad_value"
_HHMM = re.compile(r"^([01]?\d|2[0-3]):[0-5]\d$")


@dataclass(frozen=True)
class Notice:
    """Something in settings.json that could not be used: *field* ("" for the whole file) and a code."""

    field: str
    code: str
    backup: str = ""      # where the file as it was is kept


_TEXTS = {"base_url", "account", "ext_code", "quiet_start", "quiet_end", "database_url"}
_RANGES = {"poll_interval": (5, 24 * 3600), "balance_threshold": (0, 10**12), "unconfirmed_after_hours": (1, 24 * 365)}


def _no_password(url: str) -> bool:
    from urllib.parse import urlsplit
    try:
        parts = urlsplit(url)
        return parts.password is None and "password=" not in parts.query.lower()
    except ValueError:
        return False


def _checked(name: str, value: Any) -> tuple[Any, str | None]:
    """(the value to use, None), or (None, the notice code) when *value* cannot be used for *name*."""
    if name in _TEXTS:
        if not isinstance(value, str):
            return None, WRONG_TYPE
        text = value.strip()
        usable = {"base_url": text.lower().startswith(("http://", "https://")),
                  "ext_code": re.fullmatch(r"\d{0,8}", text) is not None,
                  "quiet_start": _HHMM.match(text) is not None,
                  "quiet_end": _HHMM.match(text) is not None,
                  # a team's PostgreSQL database, never with its password (that is in the keyring)
                  "database_url": text == "" or (text.lower().startswith(("postgresql://", "postgres://"))
                                                 and _no_password(text))}.get(name, True)
        return (value, None) if usable else (None, BAD_VALUE)
    if name in _RANGES:
        if not isinstance(value, int) or isinstance(value, bool):
            return None, WRONG_TYPE
        lo, hi = _RANGES[name]
        return (value, None) if lo <= value <= hi else (None, BAD_VALUE)
    if name == "test_numbers":
        ok = isinstance(value, list) and all(isinstance(x, str) for x in value)
        return (list(value), None) if ok else (None, WRONG_TYPE)
    return value, None


@dataclass
class Settings:
    base_url: str = DEFAULT_BASE_URL
    account: str = ""
    ext_code: str = ""                 # default extension number prefix (digits), may be empty
    poll_interval: int = 60            # seconds between report/reply pulls
    balance_threshold: int = 1000      # balance indicator turns amber below this
    test_numbers: list[str] = field(default_factory=list)
    quiet_start: str = "21:00"         # marketing sends into quiet hours ask first
    quiet_end: str = "08:00"
    unconfirmed_after_hours: int = 72  # an "unknown" batch with no report this long: 重发未确认号码 is offered
    database_url: str = ""             # a team's PostgreSQL database (no password: keyring); "" = this computer only
    notices: ClassVar[tuple[Notice, ...]] = ()   # set per instance by load(): what fell back to its default

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        """The settings in *path*; every field that cannot be used gets its default and a notice."""
        path = path or paths.settings_path()
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return cls()
        except OSError:
            return cls._with([Notice("", UNREADABLE)])
        try:
            raw = json.loads(data.decode("utf-8-sig"))
        except ValueError:  # not JSON, or not UTF-8
            return cls._with([Notice("", UNREADABLE, _keep(path, data))])
        if not isinstance(raw, dict):
            return cls._with([Notice("", NOT_OBJECT, _keep(path, data))])
        values, problems = {}, []
        for f in fields(cls):
            if f.name not in raw:
                continue
            value, code = _checked(f.name, raw[f.name])
            if code is None:
                values[f.name] = value
            else:
                problems.append((f.name, code))
        settings = cls(**values)
        if problems:
            kept = _keep(path, data)
            settings.notices = tuple(Notice(name, code, kept) for name, code in problems)
        return settings

    @classmethod
    def _with(cls, notices: list[Notice]) -> Settings:
        settings = cls()
        settings.notices = tuple(notices)
        return settings

    def save(self, path: Path | None = None) -> None:
        path = path or paths.settings_path()
        data = {k: v for k, v in asdict(self).items() if k not in _FORBIDDEN}
        paths.make_private_dir(path.parent)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings.", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:  # mkstemp: 0600
            json.dump(data, f, ensure_ascii=False, indent=2)
        os.replace(tmp, path)
        self.notices = ()   # what the user saved is what the file now says


def _keep(path: Path, data: bytes) -> str:
    """The unusable file kept aside before anything overwrites it (its path, "" when that failed)."""
    kept = paths.keep_bad_copy(path, data)
    return str(kept) if kept else ""
