"""Opening the SQLite file, transactions and migrations.

* WAL journal: the GUI thread reads while the engine thread writes.
* ``synchronous=FULL``: a committed batch state survives a power cut, not only a killed process
  (a batch marked ``sending`` that fell back to ``planned`` would be sent twice). One fsync per
  commit, measured at ~0.3 ms here; a campaign commits twice per 2000 numbers.
* Foreign keys on; ``busy_timeout`` so two writers (runner and poller) wait for each other
  instead of failing.
* One connection per thread: sqlite3's own ``check_same_thread`` guard stays on.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from .. import paths
from . import backup
from .errors import StoreError, translate
from .schema import MIGRATIONS, SCHEMA_VERSION

BUSY_TIMEOUT_MS = 15_000


@contextlib.contextmanager
def known_errors() -> Iterator[None]:
    """Turn environmental sqlite3 errors into :class:`StoreError`; let bugs through unchanged."""
    try:
        yield
    except sqlite3.Error as exc:
        err = translate(exc)
        if err is None:
            raise
        raise err from exc


def connect(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """Open (creating if needed) the store at *path*, configured and migrated to the current schema.

    The folder is made private (0700) and the file with its WAL 0600. An empty or truncated file
    that would open as an empty database is refused (``StoreError("damaged")``, see ``backup``);
    a file of an older schema is backed up before it is migrated.
    """
    path = Path(path)
    # A file this process is creating is 0 bytes for a moment: other threads wait for it to be made
    # rather than take it for an emptied one (refuse_damaged) when backups exist.
    with known_errors(), (_creating if _missing_or_empty(path) else contextlib.nullcontext()):
        try:
            paths.make_private_dir(path.parent)
        except OSError as exc:
            raise StoreError("cantopen", f"无法创建数据文件夹 {path.parent}：{exc.strerror}",
                             f"Cannot create the data folder {path.parent}") from exc
        backup.refuse_damaged(path)
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            mode = _enable_wal(conn)
            if str(mode).lower() != "wal":  # e.g. a network drive without shared memory
                conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA cache_size = -65536")  # 64 MiB: big report pulls stay in memory
            # Checkpoint the WAL every 64 MiB instead of SQLite's 4 MiB: each checkpoint copies and
            # fsyncs; at the default they cost a fifth of the report-storing speed (measured 162k vs
            # 201k rows/s bare). The WAL file is reused after a checkpoint, so it stays that size.
            conn.execute("PRAGMA wal_autocheckpoint = 16384")
            for name in (path, f"{path}-wal", f"{path}-shm"):  # SQLite makes them 0644 less the umask
                paths.make_private(name)
            if 0 < user_version(conn) < SCHEMA_VERSION:
                backup.take_backup(path, reason=f"v{user_version(conn)}", conn=conn, once_a_day=True)
            migrate(conn)
        except BaseException:
            conn.close()
            raise
    return conn


_creating = threading.Lock()


def _missing_or_empty(path: Path) -> bool:
    try:
        return path.stat().st_size == 0
    except OSError:
        return True


def _enable_wal(conn: sqlite3.Connection) -> str:
    """Switch to WAL, waiting while another connection is opening the same fresh file.

    Changing the journal mode needs the file to itself and SQLite answers "database is locked"
    at once (without the busy handler) when another connection has it open — which happens when
    the window's tasks all open a new data file together at first start.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
            if str(mode).lower() == "wal":
                return mode
            return conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


class Transaction:
    """``with Transaction(conn):`` — BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception.

    IMMEDIATE takes the write lock at the start, so two writers queue on ``busy_timeout``
    rather than deadlocking on a read-to-write upgrade. Nested use joins the outer transaction.
    Known environmental errors come out as :class:`StoreError`.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._outer = False

    def __enter__(self) -> sqlite3.Connection:
        if self.conn.in_transaction:
            return self.conn
        with known_errors():
            self.conn.execute("BEGIN IMMEDIATE")
        self._outer = True
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> bool:
        if not self._outer:
            return False
        self._outer = False
        if exc_type is None:
            try:
                with known_errors():
                    self.conn.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
            return False
        self._rollback()
        if isinstance(exc, sqlite3.Error):
            err = translate(exc)
            if err is not None:
                raise err from exc
        return False

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the connection is already unusable; the original error says why


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the file forward to SCHEMA_VERSION, one transaction per step. Returns the version."""
    version = user_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError("too_new", "数据文件来自更新版本的联江短信桌面助手，请升级本程序后再打开。",
                         f"The data file was written by a newer version (schema {version} > {SCHEMA_VERSION}).")
    while version < SCHEMA_VERSION:
        with Transaction(conn):
            if user_version(conn) != version:  # another process migrated meanwhile
                version = user_version(conn)
                continue
            for statement in MIGRATIONS[version]:  # SQL text, or a function of the connection (backfills)
                statement(conn) if callable(statement) else conn.execute(statement)
            version += 1
            conn.execute(f"PRAGMA user_version = {version}")
    return version
