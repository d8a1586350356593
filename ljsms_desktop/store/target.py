"""Which database a data folder's store opens: the SQLite file (the default) or a team's PostgreSQL database.

``LJSMS_DATABASE_URL`` (e.g. ``postgresql://user:pass@host/db``) wins; else the URL a front end registered
for the data folder with :func:`use_database` (the setting ``database_url``, its password taken from the
keyring by the caller — the store never reads settings or the keyring itself). No URL: SQLite.
"""

from __future__ import annotations

import os
import re
import threading
from pathlib import Path

ENV = "LJSMS_DATABASE_URL"

_lock = threading.Lock()
_registered: dict[Path, str] = {}


def _key(folder: str | os.PathLike[str]) -> Path:
    return Path(os.path.abspath(folder))


def use_database(folder: str | os.PathLike[str], url: str | None) -> None:
    """Stores of the data folder *folder* open *url* (None or "": the folder's SQLite file again)."""
    with _lock:
        if url:
            _registered[_key(folder)] = url
        else:
            _registered.pop(_key(folder), None)


LOCAL = "local:"  # use_database(folder, LOCAL): this folder keeps its own SQLite file, whatever LJSMS_DATABASE_URL says


def keep_local(folder: str | os.PathLike[str]) -> None:
    """A throw-away folder (the demo, the self-test) never opens a team's database, even with LJSMS_DATABASE_URL set."""
    use_database(folder, LOCAL)


def database_url(db_path: str | os.PathLike[str]) -> str | None:
    """The PostgreSQL URL the store at *db_path* (``<data folder>/ljsms.sqlite3``) opens, or None for SQLite."""
    with _lock:
        registered = _registered.get(_key(Path(db_path).parent))
    if registered == LOCAL:
        return None
    env = os.environ.get(ENV, "").strip()
    if env:
        return env
    return registered


def is_postgresql_url(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


_PASSWORD = re.compile(r"(?P<head>[a-z][a-z0-9+.-]*://[^:/@\s]*):(?P<pw>[^@/\s]*)@", re.IGNORECASE)
_PARAM = re.compile(r"(?P<head>[?&]password=)[^&\s]*", re.IGNORECASE)


def redact(text: str) -> str:
    """*text* with any URL's password (``user:PASSWORD@`` or ``password=``) replaced by ``***``."""
    return _PARAM.sub(r"\g<head>***", _PASSWORD.sub(r"\g<head>:***@", str(text)))


def describe(url: str) -> str:
    """A URL fit for messages and logs: no password."""
    return redact(url)
