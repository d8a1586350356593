"""The suppression list: numbers never sent to again (opted out by reply, or blocked by hand)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from .models import SuppressedNumber, now_text


def add(conn: sqlite3.Connection, mobiles: Iterable[str], reason: str = "", source: str = "manual") -> int:
    """Add numbers (already normalised); an existing entry keeps its first reason. Returns how many were new."""
    now = now_text()
    cur = conn.executemany("INSERT INTO suppression (mobile, reason, source, added_at) VALUES (?, ?, ?, ?) "
                           "ON CONFLICT (mobile) DO NOTHING", ((m, reason, source, now) for m in mobiles))
    return max(cur.rowcount, 0)


def remove(conn: sqlite3.Connection, mobiles: Iterable[str]) -> int:
    cur = conn.executemany("DELETE FROM suppression WHERE mobile = ?", ((m,) for m in mobiles))
    return max(cur.rowcount, 0)


def entries(conn: sqlite3.Connection) -> list[SuppressedNumber]:
    return [SuppressedNumber(*r) for r in conn.execute(
        "SELECT mobile, reason, source, added_at FROM suppression ORDER BY added_at, mobile")]


def mobiles(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT mobile FROM suppression")}


def fingerprint(conn: sqlite3.Connection) -> tuple:
    """A cheap summary that moves whenever numbers are added or removed (count, newest entry, sum of
    the numbers), so the window notices a change made elsewhere (``ljsms suppress``) without reading
    the whole list."""
    return tuple(conn.execute("SELECT count(*), max(added_at), total(CAST(mobile AS INTEGER)) FROM suppression")
                 .fetchone())


def contains(conn: sqlite3.Connection, mobile: str) -> bool:
    return conn.execute("SELECT 1 FROM suppression WHERE mobile = ?", (mobile,)).fetchone() is not None
