"""A team's shared database, for both front ends (no Qt): where the URL comes from, where its password lives.

* ``LJSMS_DATABASE_URL`` (password inside, for the command line and services) wins; the store reads it itself.
* Else the setting ``database_url`` — *without* a password (settings.json never holds one) — and the password
  from the keyring: service ``ljsms-desktop``, user ``db:<user>@<host>:<port>/<database>`` (the same keyring
  object as the gateway password). :func:`register` tells the store (``store.target.use_database``) which
  database the data folder opens.
* :func:`check` tries a URL (connect, read the schema version) and :func:`migrate` brings it to this
  program's schema — the settings dialog's 测试连接 and 升级数据库.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from .store import target

log = logging.getLogger(__name__)


def is_database_url(text: str) -> bool:
    return target.is_postgresql_url(text.strip())


def split_password(url: str) -> tuple[str, str | None]:
    """(the URL without its password, the password or None)."""
    parts = urlsplit(url.strip())
    if parts.password is None:
        return url.strip(), None
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = (f"{parts.username}@" if parts.username else "") + host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment)), unquote(parts.password)


def with_password(url: str, password: str | None) -> str:
    if not password:
        return url
    parts = urlsplit(url)
    user, _, rest = parts.netloc.rpartition("@")
    if not user:
        return url  # no user name to put it beside: libpq's own PGPASSWORD / .pgpass apply
    netloc = f"{user}:{quote(password, safe='')}@{rest}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def keyring_user(url: str) -> str:
    """The keyring entry of the database password: ``db:user@host:port/database``."""
    bare, _pw = split_password(url)
    return "db:" + bare.split("://", 1)[-1].split("?", 1)[0]


def password_of(url: str, credentials) -> str | None:
    if credentials is None:
        return None
    try:
        return credentials.get_password(keyring_user(url))
    except Exception as exc:  # noqa: BLE001 - a keyring that fails: libpq may still find one (PGPASSWORD, .pgpass)
        log.warning("database password lookup failed: %s", type(exc).__name__)
        return None


def register(home: str | os.PathLike[str], database_url: str, credentials=None) -> str | None:
    """Point the data folder *home* at the setting *database_url* (its password from *credentials*, the keyring).
    Returns the URL in use (None: the folder's SQLite file). Call *credentials* off the GUI thread."""
    url = (database_url or "").strip()
    if not url:
        target.use_database(Path(home), None)
        return None
    bare, inline = split_password(url)
    full = with_password(bare, inline or password_of(bare, credentials))
    target.use_database(Path(home), full)
    return full


@dataclass(frozen=True)
class Check:
    ok: bool
    version: int = 0        # the database's schema version (0: empty, not set up yet)
    current: int = 0        # this program's
    message_zh: str = ""
    message_en: str = ""

    @property
    def needs_migration(self) -> bool:
        return self.ok and self.version < self.current


def check(url: str) -> Check:
    """Connect to *url* and read its schema version (nothing is changed)."""
    from .store import StoreError, pg, pg_schema
    from .store.schema import SCHEMA_VERSION
    try:
        conn = pg.connect(url, migrate_schema=False)
    except StoreError as exc:
        return Check(False, 0, SCHEMA_VERSION, exc.message_zh, exc.message_en)
    try:
        version = pg_schema.version(conn)
    finally:
        conn.close()
    if version > SCHEMA_VERSION:
        return Check(False, version, SCHEMA_VERSION, "数据库来自更新版本的本程序，请先升级本程序。",
                     "The database was written by a newer version of this program; upgrade it first.")
    if version < SCHEMA_VERSION:
        return Check(True, version, SCHEMA_VERSION,
                     f"连接成功。数据库版本 {version}，本程序需要 {SCHEMA_VERSION}：请点“升级数据库”。",
                     f"Connected. The database is at schema {version}; this program needs {SCHEMA_VERSION}: migrate it.")
    return Check(True, version, SCHEMA_VERSION, f"连接成功，数据库版本 {version}。",
                 f"Connected; schema {version}.")


def migrate(url: str) -> Check:
    """Bring the database at *url* to this program's schema (safe while other desktops use it)."""
    from .store import StoreError, pg
    try:
        pg.connect(url).close()
    except StoreError as exc:
        from .store.schema import SCHEMA_VERSION
        return Check(False, 0, SCHEMA_VERSION, exc.message_zh, exc.message_en)
    return check(url)
