"""A results view's reads: one consistent state of the store for several reads (a read transaction), and a
smaller page cache for a view's own connection.

The results views read a count, the rows above a key and a page one after the other while the poller, or
``ljsms`` in another process, may be committing pulls: each statement alone would see a different state.
``with read_snapshot(store.conn):`` makes them see one. In SQLite's WAL mode a deferred transaction's first
read fixes its snapshot until the end; writers go on committing meanwhile (only a checkpoint waits for it),
so keep it short. Inside a transaction the caller already holds, it does nothing. (PostgreSQL's default
READ COMMITTED gives each statement its own snapshot: there it only groups the reads.)
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from .db import known_errors


@contextlib.contextmanager
def read_snapshot(conn) -> Iterator[None]:
    if conn.in_transaction:
        yield
        return
    with known_errors():
        conn.execute("BEGIN DEFERRED")
    try:
        yield
    finally:
        with known_errors():
            if conn.in_transaction:
                conn.execute("COMMIT")


VIEW_CACHE_KIB = 16 * 1024
"""Page cache of a view's query connection: the store's connections keep 64 MiB (big pulls stay in memory);
a view that scans every row for its anchors would fill that and keep it, for pages it reads once."""


def view_connection(conn, cache_kib: int = VIEW_CACHE_KIB) -> None:
    """Make *conn* (a results view's own connection, reads only) keep a smaller page cache."""
    with known_errors():
        conn.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
