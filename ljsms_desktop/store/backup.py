"""Backups of the SQLite file, restoring one, and refusing to start afresh from a damaged file.

* **Backups** go to ``backups/`` next to the database, as ``ljsms-YYYYMMDD-HHMMSS[-why].sqlite3``
  (local time; ``why`` is ``v1`` for the copy taken before migrating a version-1 file, ``prerestore``
  for the data a restore replaced). Each is made with SQLite's online backup API (a consistent copy
  while others read and write; WAL readers never block writers), written to a temporary file,
  switched to a single-file journal, fsynced and renamed into place, mode 0600. The newest ``KEEP``
  are kept. ``daily_backup`` takes one when none was taken today (a directory listing when one
  exists; the command line calls it when it opens the store, the window on a worker at start and
  every hour). ``db.connect`` takes one before each schema migration.
* **Restore** (``open_candidate`` + ``restore``): the chosen file is copied into the data folder
  and checked there (SQLite can read it, ``quick_check`` says ok, it has this program's tables and a
  known schema version). The current file is kept first (an online backup, or — when it is damaged —
  raw copies of it and its WAL in ``backups/damaged-…/``). While any other connection has the file
  open the restore is refused (SQLite will not leave WAL mode then, which is how it is detected);
  otherwise the file is held exclusively while the copy is renamed over it.
* **Damaged file** (``refuse_damaged``, called by ``db.connect`` before SQLite sees the file): a
  0-byte file when backups or a WAL exist, or a file shorter than its own header says, would open as
  an empty database — an empty suppression list, and the next send reaches opted-out numbers.
  ``StoreError("damaged")`` instead, naming the newest backup.

No words for the user are made here beyond the StoreError's own message: its ``params`` let the
command line (``commands/backup.py``) and the window (``ui/wording.py``) say it their way.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

from .. import paths
from .errors import StoreError
from .schema import SCHEMA_VERSION

FOLDER = "backups"
KEEP = 7
_NAME = re.compile(r"^ljsms-(\d{8})-(\d{6})(?:-([a-z0-9-]+))?\.sqlite3$")
_HEADER = b"SQLite format 3\x00"
_TABLES = {"meta", "campaigns", "batches", "batch_payloads", "suppression"}
_lock = threading.Lock()                 # one backup at a time in this process
_daily_done: dict[str, date] = {}        # db path -> the day a backup is known to exist


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    size: int
    reason: str = ""          # "" (daily / by hand), "v1" (before migrating version 1), "prerestore"
    order: int = 0            # st_mtime_ns: orders backups taken within the same second


@dataclass(frozen=True)
class Candidate:
    """A file checked for restoring: its copy in the data folder, and what it holds."""

    source: Path
    copy: Path
    version: int
    campaigns: int
    suppressed: int
    size: int


@dataclass(frozen=True)
class RestoreResult:
    source: Path
    kept: Path | None         # where the data that was replaced went (None: there was no file)
    version: int


def backup_dir(db_path: str | os.PathLike[str]) -> Path:
    return Path(db_path).parent / FOLDER


def list_backups(db_path: str | os.PathLike[str]) -> list[BackupFile]:
    """The backups of *db_path*, newest first."""
    out = []
    try:
        entries = list(os.scandir(backup_dir(db_path)))
    except OSError:
        return []
    for entry in entries:
        m = _NAME.match(entry.name)
        if not m or not entry.is_file():
            continue
        try:
            taken = datetime.strptime(m.group(1) + m.group(2), "%Y%m%d%H%M%S")
            st = entry.stat()
        except (ValueError, OSError):
            continue
        out.append(BackupFile(Path(entry.path), taken, st.st_size, m.group(3) or "", st.st_mtime_ns))
    out.sort(key=lambda b: (b.taken_at, b.order, b.path.name), reverse=True)
    return out


def newest_backup(db_path: str | os.PathLike[str]) -> BackupFile | None:
    found = list_backups(db_path)
    return found[0] if found else None


# -- taking backups ------------------------------------------------------------------------------
def take_backup(db_path: str | os.PathLike[str], *, reason: str = "", conn: sqlite3.Connection | None = None,
                now: datetime | None = None, keep: int = KEEP, once_a_day: bool = False) -> Path:
    """Copy the database into ``backups/`` now and keep the newest *keep*; returns the new file.

    *conn*: an open connection to copy from (not inside a transaction); else the file is opened
    for the copy (refused with StoreError("damaged") when it is empty or truncated).
    *once_a_day*: not when a backup with this *reason* was taken today (the window's tasks all open
    the file at start: one copy before a migration, not one per thread pushing the dailies out).
    """
    db_path = Path(db_path)
    with _lock:
        now = now or datetime.now()
        if once_a_day:
            same = [b for b in list_backups(db_path) if b.reason == reason and b.taken_at.date() == now.date()]
            if same:
                return same[0].path
        if conn is None:
            refuse_damaged(db_path, missing_ok=False)
        folder = paths.make_private_dir(backup_dir(db_path))
        target = _free_name(folder, now, reason)
        tmp = folder / f".{target.name}.tmp"
        try:
            _copy_database(db_path, tmp, conn)
            os.replace(tmp, target)
        except sqlite3.Error as exc:
            raise _translated(exc) from exc
        except OSError as exc:
            raise StoreError("ioerror", f"备份数据文件失败：{exc.strerror}", f"The backup failed: {exc.strerror}") from exc
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()
        _fsync_dir(folder)
        _daily_done[str(db_path)] = now.date()
        prune(db_path, keep, protect={target})
        return target


def daily_backup(db_path: str | os.PathLike[str], *, now: datetime | None = None) -> Path | None:
    """A backup unless one was taken today (None then). Nothing for a missing or empty file."""
    db_path = Path(db_path)
    now = now or datetime.now()
    if _daily_done.get(str(db_path)) == now.date():
        return None
    if any(b.taken_at.date() == now.date() for b in list_backups(db_path)):
        _daily_done[str(db_path)] = now.date()
        return None
    try:
        if db_path.stat().st_size == 0:
            return None
    except OSError:
        return None
    return take_backup(db_path, now=now)


def prune(db_path: str | os.PathLike[str], keep: int = KEEP, protect: set[Path] | frozenset = frozenset()) -> None:
    """Delete all but the newest *keep* backups (never one in *protect*)."""
    protected = {Path(p).resolve() for p in protect}
    for old in list_backups(db_path)[keep:]:
        if old.path.resolve() not in protected:
            with contextlib.suppress(OSError):
                old.path.unlink()


def _free_name(folder: Path, now: datetime, reason: str) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    base = f"ljsms-{stamp}" + (f"-{reason}" if reason else "")
    target = folder / f"{base}.sqlite3"
    n = 2
    while target.exists():
        target = folder / f"{base}-{n}.sqlite3" if reason else folder / f"ljsms-{stamp}-{n}.sqlite3"
        n += 1
    return target


def _copy_database(db_path: Path, target: Path, conn: sqlite3.Connection | None) -> None:
    """Online backup of *db_path* (or of *conn*) into the new file *target*: one file, 0600, fsynced."""
    fd = os.open(target, os.O_RDWR | os.O_CREAT | os.O_TRUNC, paths.PRIVATE_FILE)
    os.close(fd)
    paths.make_private(target)
    source = conn or sqlite3.connect(str(db_path), timeout=15)
    try:
        dest = sqlite3.connect(str(target), isolation_level=None)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # the copy is one self-contained file
        finally:
            dest.close()
    finally:
        if conn is None:
            source.close()
    with open(target, "rb+") as f:
        os.fsync(f.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _translated(exc: sqlite3.Error) -> StoreError:
    from .errors import translate

    return translate(exc) or StoreError("ioerror", f"备份数据文件失败：{exc}", f"The backup failed: {exc}")


# -- a damaged file ------------------------------------------------------------------------------
def inspect_file(db_path: str | os.PathLike[str]) -> str | None:
    """What is wrong with the file at *db_path* before SQLite opens it: ``"empty"`` (0 bytes),
    ``"truncated"`` (shorter than its header says, and no WAL that could hold the rest),
    ``"not_sqlite"`` (no SQLite header) — or None (looks whole, or missing: a new file is made)."""
    db_path = Path(db_path)
    try:
        size = db_path.stat().st_size
        if size == 0:
            return "empty"
        with open(db_path, "rb") as f:
            head = f.read(100)
    except FileNotFoundError:
        return None
    except OSError:
        return None  # SQLite says what it is (permissions, …)
    if len(head) < 100 or not head.startswith(_HEADER):
        return "truncated" if _HEADER.startswith(head[:16]) and len(head) < 100 else "not_sqlite"
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    header_valid = head[24:28] == head[92:96] and pages > 0
    if header_valid and size < pages * page_size and not _wal_has_frames(db_path):
        return "truncated"
    return None


def _wal_has_frames(db_path: Path) -> bool:
    try:
        return Path(f"{db_path}-wal").stat().st_size > 32
    except OSError:
        return False


def refuse_damaged(db_path: str | os.PathLike[str], *, missing_ok: bool = True) -> None:
    """Raise StoreError("damaged") rather than let SQLite start an empty database over lost data.

    A 0-byte file with neither a backup nor a WAL beside it is a new, empty file (allowed).
    """
    db_path = Path(db_path)
    detail = inspect_file(db_path)
    if detail is None and not missing_ok and not db_path.exists():
        raise StoreError("cantopen", f"数据文件 {db_path} 不存在。", f"The data file {db_path} does not exist.")
    if detail is None or detail == "not_sqlite":  # SQLite says so itself (StoreError "corrupt")
        return
    newest = newest_backup(db_path)
    wal = _wal_has_frames(db_path)
    if detail == "empty" and newest is None and not wal:
        return
    what_zh = {"empty": "是空的（0 字节）", "truncated": "不完整（被截断）", "not_sqlite": "不是有效的数据文件"}[detail]
    what_en = {"empty": "is empty (0 bytes)", "truncated": "is truncated", "not_sqlite": "is not a valid data file"}[detail]
    hint_zh = f"最近的备份：{newest.path}" if newest else "没有找到备份"
    raise StoreError(
        "damaged",
        f"数据文件 {db_path} {what_zh}。为免丢失记录（包括屏蔽名单），程序没有新建空白数据文件。请从备份恢复。{hint_zh}。",
        f"The data file {db_path} {what_en}. To keep the records (and the suppression list) the program did "
        f"not start an empty one. Restore a backup" + (f": the newest is {newest.path}." if newest else "."),
        detail=detail, path=str(db_path), backup=str(newest.path) if newest else "", wal=wal)


# -- restoring -----------------------------------------------------------------------------------
@contextlib.contextmanager
def open_candidate(db_path: str | os.PathLike[str], source: str | os.PathLike[str]) -> Iterator[Candidate]:
    """``with open_candidate(db, file) as c:`` — *file* copied next to *db* and checked (StoreError
    ``bad_backup`` with ``params["detail"]`` when it cannot be restored); the copy is removed on leaving
    unless ``restore(db, c)`` used it."""
    db_path, source = Path(db_path), Path(source)
    folder = paths.make_private_dir(db_path.parent)
    copy = folder / f".restore-{os.getpid()}-{threading.get_ident()}.sqlite3"
    try:
        try:
            candidate = _check_copy(source, copy)
        except OSError as exc:   # the copy in the data folder could not be made (full, not writable)
            raise StoreError("ioerror", f"无法在数据文件夹中准备恢复：{exc.strerror}",
                             f"Cannot prepare the restore in the data folder: {exc.strerror}") from exc
        yield candidate
    finally:
        for extra in ("", "-journal", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                Path(f"{copy}{extra}").unlink()


def _bad(detail: str, source: Path, zh: str, en: str, **more) -> StoreError:
    return StoreError("bad_backup", f"无法从 {source} 恢复：{zh}", f"Cannot restore from {source}: {en}",
                      detail=detail, path=str(source), **more)


def _check_copy(source: Path, copy: Path) -> Candidate:
    try:
        size = source.stat().st_size
        with open(source, "rb") as f:
            head = f.read(16)
    except FileNotFoundError:
        raise _bad("missing", source, "文件不存在。", "the file does not exist.") from None
    except OSError as exc:
        raise _bad("unreadable", source, f"无法读取（{exc.strerror}）。", f"it cannot be read ({exc.strerror}).") from exc
    if size == 0:
        raise _bad("empty", source, "文件是空的。", "the file is empty.")
    if head != _HEADER:
        raise _bad("not_sqlite", source, "这不是联江短信的数据文件。", "it is not a data file of this program.")
    try:
        src = sqlite3.connect(f"file:{quote(str(source.resolve()))}?mode=ro", uri=True, timeout=15)
        try:
            _copy_database(source, copy, src)
        finally:
            src.close()
        conn = sqlite3.connect(str(copy), isolation_level=None)
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            counts = (0, 0)
            if check == "ok" and _TABLES <= tables:
                counts = (conn.execute("SELECT count(*) FROM campaigns").fetchone()[0],
                          conn.execute("SELECT count(*) FROM suppression").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise _bad("damaged", source, "文件已损坏，无法读取。", "the file is damaged.") from exc
    if check != "ok":
        raise _bad("damaged", source, "文件已损坏（完整性检查未通过）。", "the file is damaged (integrity check failed).")
    if not _TABLES <= tables or version < 1:
        raise _bad("not_ljsms", source, "这不是联江短信的数据文件。", "it is not a data file of this program.")
    if version > SCHEMA_VERSION:
        raise _bad("too_new", source, "它来自更新版本的联江短信桌面助手，请先升级本程序。",
                   f"it was written by a newer version (schema {version} > {SCHEMA_VERSION}).", version=version)
    return Candidate(source, copy, version, int(counts[0]), int(counts[1]), size)


def restore(db_path: str | os.PathLike[str], candidate: Candidate, *, now: datetime | None = None) -> RestoreResult:
    """Put *candidate* in place of the database at *db_path*, keeping the current data first.

    StoreError("in_use") when another connection (a window, a command, the poller) has the file
    open: the file is left as it was.
    """
    db_path = Path(db_path)
    now = now or datetime.now()
    held: sqlite3.Connection | None = None
    kept: Path | None = None
    try:
        if db_path.exists() and inspect_file(db_path) is None:
            held = _hold_alone(db_path)
            try:
                kept = take_backup(db_path, reason="prerestore", conn=held, now=now, keep=KEEP + 1)
            except StoreError:
                kept = None
            if kept is None:
                kept = _keep_raw(db_path, now)
            held.execute("BEGIN EXCLUSIVE")  # nobody opens the old file while it is being replaced
        elif db_path.exists():
            kept = _keep_raw(db_path, now)
        if held is not None and os.name == "nt":  # Windows cannot rename over an open file
            held.close()
            held = None
        for extra in ("-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{db_path}{extra}").unlink()
        os.replace(candidate.copy, db_path)
        paths.make_private(db_path)
        _fsync_dir(db_path.parent)
    except sqlite3.Error as exc:
        raise _translated(exc) from exc
    except OSError as exc:
        raise StoreError("ioerror", f"恢复失败，当前数据未改动：{exc.strerror}",
                         f"The restore failed; the current data is unchanged: {exc.strerror}") from exc
    finally:
        if held is not None:
            held.close()
    _daily_done.pop(str(db_path), None)
    protect = {kept} if kept else set()
    prune(db_path, KEEP, protect=protect | {candidate.source})
    return RestoreResult(candidate.source, kept, candidate.version)


def _hold_alone(db_path: Path) -> sqlite3.Connection:
    """A connection that is the file's only one: SQLite leaves WAL mode only when no other connection
    (in any process) has the file open; it answers "locked" at once otherwise."""
    conn = sqlite3.connect(str(db_path), isolation_level=None, timeout=0)
    try:
        conn.execute("PRAGMA busy_timeout = 0")
        mode = str(conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]).lower()
        if mode != "delete":
            raise sqlite3.OperationalError("database is locked")
    except sqlite3.OperationalError as exc:
        conn.close()
        if "locked" in str(exc) or "busy" in str(exc):
            raise StoreError("in_use", "数据文件正在使用中（另一个窗口或命令、或正在进行的发送），请关闭它们或等发送结束后再恢复。",
                             "The data file is in use (another window or command, or a send under way); close them "
                             "or let the send finish, then restore again.",
                             path=str(db_path)) from exc
        raise
    except BaseException:
        conn.close()
        raise
    return conn


def _keep_raw(db_path: Path, now: datetime) -> Path:
    """Byte copies of a file SQLite cannot back up (and of its WAL: it may hold the data)."""
    folder = paths.make_private_dir(backup_dir(db_path) / f"damaged-{now:%Y%m%d-%H%M%S}")
    for extra in ("", "-wal"):
        src = Path(f"{db_path}{extra}")
        if src.exists():
            dst = folder / src.name
            shutil.copyfile(src, dst)
            paths.make_private(dst)
    return folder
