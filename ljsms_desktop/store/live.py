"""What other desktops of a team changed, as it happens (PostgreSQL LISTEN/NOTIFY). No Qt.

Every write of a team's store sends ``NOTIFY ljsms_changes, 'reports,campaigns'`` with its commit (store.pg).
:func:`follow` LISTENs on a connection of its own and yields, until *stop* is set:

* ``("up", ALL)`` once connected (and again after each reconnect: whatever happened while it was away is
  re-queried, since notifications only wake — views read from their last seen id);
* ``("changes", kinds)`` — the kinds (``Changes`` field names) notified within ``coalesce`` seconds, together;
* ``("down", message)`` when the database cannot be reached (the message has no password); it retries.

On SQLite (one computer) there is nothing to follow: it returns at once.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator

from . import target
from .errors import StoreError

log = logging.getLogger(__name__)

ALL = frozenset({"campaigns", "reports", "replies", "suppression", "templates"})
RETRY_WAITS = (1.0, 2.0, 5.0, 10.0)


def is_team(db_path: str | os.PathLike[str]) -> bool:
    """Whether the data folder of *db_path* works on a team database (whose changes can be followed)."""
    return bool(target.database_url(db_path))


def follow(db_path: str | os.PathLike[str], stop: threading.Event, *, coalesce: float = 0.25,
           retry_waits=RETRY_WAITS) -> Iterator[tuple[str, object]]:
    url = target.database_url(db_path)
    if not url:
        return
    import psycopg

    from . import pg
    failures = 0
    while not stop.is_set():
        try:
            raw = pg.listen_connection(url)
        except StoreError as exc:
            yield "down", str(exc)
            stop.wait(retry_waits[min(failures, len(retry_waits) - 1)])
            failures += 1
            continue
        try:
            raw.execute(f"LISTEN {pg.NOTIFY_CHANNEL}")
            failures = 0
            yield "up", ALL
            while not stop.is_set():
                kinds: set[str] = set()
                for n in raw.notifies(timeout=coalesce):
                    kinds.update(k for k in n.payload.split(",") if k in ALL)
                if kinds:
                    yield "changes", frozenset(kinds)
        except psycopg.Error as exc:
            yield "down", str(pg.unreachable(url, exc))
            stop.wait(retry_waits[min(failures, len(retry_waits) - 1)])
            failures += 1
        finally:
            raw.close()
