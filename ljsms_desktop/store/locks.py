"""Locks held while one program does something no other may do at the same time (send a campaign, poll an
account), released when it stops — or dies: nothing a crash leaves behind keeps them.

* SQLite (one computer): an OS file lock (``filelock``) on the file the caller names, in the data folder.
* PostgreSQL (a team): a session-level advisory lock (``pg_try_advisory_lock``) held by a connection of its
  own, so every desktop on the database sees it. The server drops it when that connection closes: the
  program quit, or crashed and its socket was closed by the OS. (A desktop whose network vanished without a
  word keeps it until the server's TCP keepalive gives up: keepalives are asked for, 10 s idle.)
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import filelock

KINDS = {"campaign": 1, "poller": 2}


class HeldLock:
    """A lock that is held; ``release()`` (idempotent) lets it go."""

    def __init__(self, release, what: str):
        self._release = release
        self.what = what

    def release(self) -> None:
        release, self._release = self._release, None
        if release is not None:
            release()

    @property
    def held(self) -> bool:
        return self._release is not None

    def __enter__(self) -> HeldLock:
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def key_of(name: str | int) -> int:
    """An int4 advisory-lock key for *name* (a campaign id as it is; anything else hashed)."""
    if isinstance(name, int) and 0 <= name < 2**31:
        return name
    return int.from_bytes(hashlib.sha1(str(name).encode("utf-8")).digest()[:4], "big") & 0x7FFFFFFF


def try_file_lock(path: str | os.PathLike[str]) -> HeldLock | None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = filelock.FileLock(str(path), timeout=0, mode=0o600, thread_local=False)
    try:
        lock.acquire()
    except filelock.Timeout:
        return None
    return HeldLock(lambda: lock.release(force=True), str(path))


def try_advisory_lock(url: str, kind: str, name: str | int) -> HeldLock | None:
    import psycopg

    from .pg import NAMESPACE, _raw_connect, unreachable
    raw = _raw_connect(url)
    try:
        raw.execute("SELECT set_config('application_name', %s, false)", (f"ljsms-desktop {kind} lock",))
        # the server notices a desktop that vanished from the network within ~25 s (TCP connections only)
        for setting, value in (("tcp_keepalives_idle", 10), ("tcp_keepalives_interval", 5), ("tcp_keepalives_count", 3)):
            raw.execute(f"SET {setting} = {value}")
        got = raw.execute("SELECT pg_try_advisory_lock(%s, %s)", (NAMESPACE + KINDS[kind], key_of(name))).fetchone()[0]
    except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
        raw.close()
        raise unreachable(url, exc) from None
    except BaseException:
        raw.close()
        raise
    if not got:
        raw.close()
        return None
    keys = (NAMESPACE + KINDS[kind], key_of(name))

    def release() -> None:
        try:  # unlocked at once: the server ends a closed connection's session a moment later
            raw.execute("SELECT pg_advisory_unlock(%s, %s)", keys)
        except psycopg.Error:
            pass  # the connection is gone: so is the lock
        finally:
            raw.close()

    return HeldLock(release, f"{kind} {name}")


def lock_is_held(url: str, kind: str, name: str | int) -> bool:
    """Whether some desktop holds the advisory lock (for tests and the window's team status)."""
    import psycopg

    from .pg import NAMESPACE
    with psycopg.connect(url, autocommit=True) as raw:
        return bool(raw.execute(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = %s AND objid = %s",
            (NAMESPACE + KINDS[kind], key_of(name))).fetchone()[0])
