"""The pull spool: a pulled list the database could not take, kept in a file until it can.

The gateway hands each report and reply out once. When a pull arrived but its transaction could
not commit (disk full, a damaged file) and the process has to stop before a retry succeeds, the
items go here — fsynced, in the data folder next to the database, mode 0600 — and the next start
stores them before anything else (``Store`` does it when it opens the file; the poller before
its next pull).

A full disk must not stop the spool itself from being written, so the file is *reserved*: made
``RESERVE`` bytes long with real blocks while there is space (``reserve``), and later written in
place over those blocks, which needs no new space on tmpfs, ext4, xfs and NTFS. The file is a
header line ``LJSPOOL1 <length> <offset>\\n`` and that many bytes of JSON at that offset; the rest is
padding. An empty spool has length 0. A new list is written *after* the one the header points to
(when it fits, else from the start), fsynced, and only then does the header point to it: a write cut
short leaves the earlier list whole. No SQL here: storing the entries is ``Store.store_spooled``.

Entries: ``{"kind": "reports" | "replies", "items": [{field: value}, …]}``; a reply also carries
``opt_out`` (decided by the poller when it spooled it: the rule lives in core, above the store).
"""

from __future__ import annotations

import errno
import json
import logging
import os
from pathlib import Path

import filelock

log = logging.getLogger(__name__)

NAME = "pulls.spool"
MAGIC = b"LJSPOOL1"
RESERVE = 4 * 1024 * 1024  # ~40,000 reports as JSON; a pull of the simulator's 500 takes ~50 KB
_HEADER = 32               # "LJSPOOL1 <length>" padded with spaces, then "\n"


def path_for(db_path: str | os.PathLike[str]) -> Path:
    """The spool next to the database file *db_path*."""
    return Path(db_path).parent / NAME


def locked(path: Path) -> filelock.FileLock:
    """``with spool.locked(path):`` — one process at a time reads, writes or empties the spool."""
    return filelock.FileLock(str(path) + ".lock", timeout=30, mode=0o600, thread_local=False)


def has_entries(path: Path) -> bool:
    """True when the spool holds something (a quick look at the header, no lock)."""
    try:
        with open(path, "rb") as f:
            head = f.read(_HEADER)
    except OSError:
        return False
    if not head.startswith(MAGIC):
        return bool(head.strip(b"\0"))
    return _where(head)[0] > 0


def _where(head: bytes) -> tuple[int, int]:
    """(length, offset) of the list the header *head* points to."""
    parts = head[len(MAGIC):].split()
    length = int(parts[0]) if parts else 0
    offset = int(parts[1]) if len(parts) > 1 else _HEADER
    return length, offset


def _open(path: Path) -> int:
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    if os.name == "posix":
        try:
            os.fchmod(fd, 0o600)
        except OSError:
            pass
    return fd


def _header(length: int, offset: int = _HEADER) -> bytes:
    head = MAGIC + b" " + str(length).encode() + b" " + str(offset).encode()
    return head.ljust(_HEADER - 1) + b"\n"


def reserve(path: Path, size: int = RESERVE) -> bool:
    """Make sure the spool file holds at least *size* bytes of real blocks. False when there is no space."""
    with locked(path):
        fd = _open(path)
        try:
            have = os.fstat(fd).st_size
            if have >= size:
                return True
            if have < _HEADER:
                _pwrite_all(fd, _header(0), 0)
                have = _HEADER
            try:
                try:
                    if not hasattr(os, "posix_fallocate"):
                        raise OSError(errno.EOPNOTSUPP, "no posix_fallocate")
                    os.posix_fallocate(fd, 0, size)
                except OSError as exc:
                    if exc.errno == errno.ENOSPC:
                        raise
                    # Windows, or a file system without fallocate: write the zeros.
                    chunk = b"\0" * (1 << 20)
                    pos = have
                    while pos < size:
                        pos += os.pwrite(fd, chunk[:size - pos], pos) if hasattr(os, "pwrite") else _write_at(
                            fd, chunk[:size - pos], pos)
                os.fsync(fd)
            except OSError as exc:
                log.warning("could not reserve %d bytes for the pull spool %s: %s", size, path, exc)
                try:
                    os.ftruncate(fd, have)  # give back what a partial reservation took
                except OSError:
                    pass
                return False
            return True
        finally:
            os.close(fd)


def _read_at(fd: int, size: int, pos: int) -> bytes:
    os.lseek(fd, pos, os.SEEK_SET)
    return os.read(fd, size)


def _write_at(fd: int, data: bytes, pos: int) -> int:
    os.lseek(fd, pos, os.SEEK_SET)
    return os.write(fd, data)


def read(path: Path) -> list[dict]:
    """The spooled entries (empty when there is no spool or it is empty)."""
    if not path.exists():
        return []
    with locked(path):
        return read_unlocked(path)


def read_unlocked(path: Path) -> list[dict]:
    """``read`` for a caller that holds ``locked(path)``."""
    try:
        with open(path, "rb") as f:
            head = f.read(_HEADER)
            if not head.startswith(MAGIC):
                if head.strip(b"\0"):
                    log.error("the pull spool %s is not readable (no header); left as it is", path)
                return []
            length, offset = _where(head)
            if length <= 0:
                return []
            f.seek(offset)
            data = f.read(length)
    except FileNotFoundError:
        return []
    try:
        entries = json.loads(data.decode("utf-8"))
    except ValueError:  # a write cut short by a crash: keep the file aside for support, start empty
        aside = path.with_name(f"{path.name}.damaged-{os.getpid()}")
        log.error("the pull spool %s is damaged; kept as %s", path, aside)
        os.replace(path, aside)
        return []
    return [e for e in entries if isinstance(e, dict) and e.get("items")]


def add(path: Path, entry: dict) -> None:
    """Append *entry* to the spool and fsync it. Raises OSError when even the spool cannot be written."""
    with locked(path):
        entries = read_unlocked(path)
        entries.append(entry)
        _write(path, entries)


def clear(path: Path) -> None:
    """Mark the spool empty (in place: the reserved blocks stay for the next time)."""
    if not path.exists():
        return
    with locked(path):
        clear_unlocked(path)


def clear_unlocked(path: Path) -> None:
    """``clear`` for a caller that holds ``locked(path)``."""
    _write(path, [])


def _write(path: Path, entries: list[dict]) -> None:
    data = json.dumps(entries, ensure_ascii=False, separators=(",", ":")).encode("utf-8") if entries else b""
    fd = _open(path)
    try:
        # The list first, where the current one is not, then the header that makes it count: a crash
        # half-way leaves the current header and list as they were.
        offset = _HEADER
        if data:
            head = os.pread(fd, _HEADER, 0) if hasattr(os, "pread") else _read_at(fd, _HEADER, 0)
            old_length, old_offset = _where(head) if head.startswith(MAGIC) else (0, _HEADER)
            if old_length:
                after = old_offset + old_length
                # After the current list within the reserved blocks; else before it if it fits there;
                # else after it, growing the file (which needs free space).
                fits_after = after + len(data) <= os.fstat(fd).st_size
                offset = after if fits_after or _HEADER + len(data) > old_offset else _HEADER
            _pwrite_all(fd, data, offset)
            os.fsync(fd)
        _pwrite_all(fd, _header(len(data), offset), 0)
        os.fsync(fd)
    finally:
        os.close(fd)


def _pwrite_all(fd: int, data: bytes, pos: int) -> None:
    view = memoryview(data)
    while view:
        n = os.pwrite(fd, view, pos) if hasattr(os, "pwrite") else _write_at(fd, bytes(view), pos)
        view = view[n:]
        pos += n
