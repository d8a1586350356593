"""``Store``: the one object the engine, the CLI and the GUI use to reach the SQLite file.

One ``Store`` (one sqlite3 connection) per thread: the GUI thread opens its own for reading while
the engine's thread writes through another; WAL lets the reader read meanwhile. sqlite3's
``check_same_thread`` stays on, so sharing one by mistake fails loudly.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import SimpleNamespace

from . import campaigns, meta, reports, spool, stats, suppression, target, templates
from .db import BUSY_TIMEOUT_MS, Transaction, connect, known_errors
from .models import now_text
from .models import Batch, Campaign, CampaignStats, SavedTemplate, SaveResult, SuppressedNumber
from .errors import StoreError

log = logging.getLogger(__name__)


# What each write changes, for the team's live views (NOTIFY at commit; see store.live). Names as in changes.Changes.
_CHANGES: dict[Callable, tuple[str, ...]] = {
    campaigns.create: ("campaigns",), campaigns.set_state: ("campaigns",), campaigns.begin_run: ("campaigns",),
    campaigns.drop_suppressed: ("campaigns",), campaigns.mark_sending: ("campaigns",),
    campaigns.mark_accepted: ("campaigns", "reports"), campaigns.mark_rejected: ("campaigns",),
    campaigns.mark_unsent: ("campaigns",), campaigns.mark_unknown: ("campaigns",),
    reports.save_reports: ("reports", "campaigns", "suppression"),
    reports.save_replies: ("replies", "campaigns", "suppression"),
    suppression.add: ("suppression",), suppression.remove: ("suppression",),
    templates.save: ("templates",), templates.delete: ("templates",),
}


class Store:
    """The durable store. ``Store(path)`` opens (and creates or migrates) the file."""

    def __init__(self, path: str | os.PathLike[str], *, url: str | None = None):
        """*path*: the data folder's SQLite file. The store opens the team's PostgreSQL database instead when
        *url* is given, ``LJSMS_DATABASE_URL`` is set or the data folder was pointed at one (``store.target``);
        *path* still places the folder's own files (spool, locks)."""
        self.path = Path(path)
        self.url = url or target.database_url(self.path)
        if self.url:
            from . import pg
            self.conn = pg.connect(self.url)
        else:
            self.conn: sqlite3.Connection = connect(self.path)
        if spool.has_entries(spool.path_for(self.path)):  # pulls an earlier process could not store: first
            try:
                self.recover_spool(wait=0.5)
            except (StoreError, OSError) as exc:
                log.warning("pulled items kept in %s could not be stored yet: %s", spool.path_for(self.path), exc)

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None) -> Store:
        """Open the store at *path*, default ``paths.db_path()`` (the data folder; LJSMS_HOME overrides)."""
        if path is None:
            from ..paths import db_path
            path = db_path()
        return cls(path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({target.describe(self.url)!r})" if self.url else f"Store({str(self.path)!r})"

    @property
    def dialect(self) -> str:
        """"sqlite" or "postgresql" (for the store's own modules and tests; nothing above store asks)."""
        return "postgresql" if self.url else "sqlite"

    @property
    def shared(self) -> bool:
        """True on a team database (several desktops): the window says so, backups are the server's."""
        return bool(self.url)

    def try_lock(self, kind: str, name: str | int, path: str | os.PathLike[str]):
        """Take the lock *kind* ("campaign", "poller") of *name* for as long as this program needs it: a
        :class:`~.locks.HeldLock`, or None when another window, command or desktop holds it. On SQLite the OS
        file lock *path* (in the data folder); on a team database an advisory lock every desktop sees."""
        from . import locks
        if self.url:
            return locks.try_advisory_lock(self.url, kind, name)
        return locks.try_file_lock(path)

    def transaction(self) -> Transaction:
        """``with store.transaction():`` — several calls committed together (nesting joins)."""
        return Transaction(self.conn)

    @property
    def views(self):
        """Counts, keyset pages and figures for the results views (``store.views``, see that module)."""
        from .views import Views
        if self.__dict__.get("_views") is None:
            self.__dict__["_views"] = Views(self.conn)
        return self.__dict__["_views"]

    def _read(self, fn: Callable, *args, **kwargs):
        with known_errors():
            return fn(self.conn, *args, **kwargs)

    def _write(self, fn: Callable, *args, **kwargs):
        with Transaction(self.conn):
            result = fn(self.conn, *args, **kwargs)
            if self.url:  # a team: every desktop's views hear of it when this commits (store.live)
                self._notify(_CHANGES.get(fn, ()))
            return result

    def _notify(self, kinds) -> None:
        if self.url and kinds:
            self.conn.notify_changed(kinds)

    # ---- campaigns -------------------------------------------------------------------------
    def create_campaign(self, *, kind: str, content: str, batches: Sequence[Sequence], batch_parts: Sequence[int],
                        template_id: str = "", name: str = "", invalid: int = 0, duplicates: int = 0,
                        suppressed: int = 0, batch_size: int = 0, code: str | None = None) -> int:
        """Store a planned campaign (state ``ready``) with its batches; returns its id.

        *batches*: plain — lists of numbers; template — lists of ``(mobile, values)``.
        *batch_parts*: message parts (cost) per batch. *code*: the extension number, allocated
        sequentially when None.
        """
        return self._write(campaigns.create, kind=kind, content=content, batches=batches, batch_parts=batch_parts,
                           template_id=template_id, name=name, invalid=invalid, duplicates=duplicates,
                           suppressed=suppressed, batch_size=batch_size, code=code)

    def campaign(self, campaign_id: int) -> Campaign | None:
        return self._read(campaigns.get, campaign_id)

    def campaign_state(self, campaign_id: int) -> str | None:
        with known_errors():
            row = self.conn.execute("SELECT state FROM campaigns WHERE id = ?", (campaign_id,)).fetchone()
        return row[0] if row else None

    def campaigns(self, *, mine: bool = False) -> list[Campaign]:
        """Every campaign, oldest first; *mine*: only those this OS user created on this machine."""
        if mine:
            ids = set(self._read(campaigns.mine))
            return [c for c in self._read(campaigns.all_campaigns) if c.id in ids]
        return self._read(campaigns.all_campaigns)

    def my_campaign_ids(self) -> set[int]:
        """Ids of the campaigns this OS user created on this machine (a team's "mine")."""
        return set(self._read(campaigns.mine))

    def batches(self, campaign_id: int, state: str | None = None) -> list[Batch]:
        return self._read(campaigns.batches, campaign_id, state)

    def batch(self, batch_id: int) -> Batch | None:
        return self._read(campaigns.get_batch, batch_id)

    def batch_payloads(self, campaign_id: int) -> dict[int, str]:
        """{batch_id: payload JSON} of the batches still planned; decode with campaigns.decode_*."""
        return self._read(campaigns.batch_payloads, campaign_id)

    def batch_mobiles(self, batch_id: int) -> list[str]:
        return self._read(campaigns.batch_mobiles, batch_id)

    def batch_rows(self, batch_id: int) -> list[tuple[str, list[str]]]:
        return self._read(campaigns.batch_rows, batch_id)

    def begin_run(self, campaign_id: int) -> tuple[Campaign, int]:
        return self._write(campaigns.begin_run, campaign_id)

    def set_campaign_state(self, campaign_id: int, state: str, reason: str = "", notice: dict | None = None) -> None:
        """*notice*: the reason as data (``engine.notices.to_data``) beside the words (see campaigns.set_state)."""
        self._write(campaigns.set_state, campaign_id, state, reason, notice)

    def drop_suppressed(self, batch: Batch, payload: str, suppressed: set[str]) -> tuple[str | None, int]:
        """See campaigns.drop_suppressed (joins the caller's transaction)."""
        return self._write(campaigns.drop_suppressed, batch, payload, suppressed)

    def mark_sending(self, batch_id: int) -> None:
        self._write(campaigns.mark_sending, batch_id)

    def mark_accepted(self, batch_id: int, msg_id: str) -> None:
        self._write(campaigns.mark_accepted, batch_id, msg_id)

    def mark_rejected(self, batch_id: int, code: int, error: str) -> None:
        self._write(campaigns.mark_rejected, batch_id, code, error)

    def mark_unsent(self, batch_id: int, code: int | None, error: str) -> None:
        self._write(campaigns.mark_unsent, batch_id, code, error)

    def mark_unknown(self, batch_id: int, error: str) -> str:
        return self._write(campaigns.mark_unknown, batch_id, error)

    def progress(self, campaign_id: int) -> tuple[int, int, int, int]:
        return self._read(campaigns.progress, campaign_id)

    def stats(self, campaign_id: int) -> CampaignStats:
        """Figures of one campaign (numbers, not batches); < 1 ms whatever the number of reports."""
        return self._read(stats.campaign_stats, campaign_id)

    def all_stats(self, *, mine: bool = False) -> list[CampaignStats]:
        with known_errors():
            return [stats.campaign_stats(self.conn, c.id) for c in self.campaigns(mine=mine)]

    # ---- reports and replies ---------------------------------------------------------------
    def save_reports(self, items: Sequence) -> SaveResult:
        """Store one report pull in one transaction (attributing it, resolving unknown batches).

        Committed without its own fsync (see ``_pull_commit``); ``sync()`` or the next fsynced
        commit makes it power-cut safe.
        """
        with self._pull_commit():
            return self._write(reports.save_reports, items)

    def save_replies(self, items: Sequence, *, is_opt_out: Callable[[str], bool] = lambda _t: False) -> SaveResult:
        """Store one reply pull in one transaction; opt-outs go on the suppression list (see save_reports)."""
        with self._pull_commit():
            return self._write(reports.save_replies, items, is_opt_out=is_opt_out)

    @contextlib.contextmanager
    def _pull_commit(self):
        """A pull's transaction commits with synchronous=NORMAL: in WAL mode that is durable the moment it
        commits against a killed or crashed process (the WAL is in the OS's hands), but waits for the next
        fsync against a power cut. The poller fsyncs once per poll (its closing fsynced commit of the last
        pull time, or ``sync()``), after the last pull, so a
        power cut loses at most one poll's pulls; a kill -9 loses at most the pull in flight. One fsync per
        pull cost half the storing speed (measured: ~100k vs ~200k reports/s). Batch states keep an fsync
        on every commit: a batch that fell back to "planned" would be sent twice.
        """
        if self.conn.in_transaction:  # part of a caller's transaction: its commit decides
            yield
            return
        self.conn.execute("PRAGMA synchronous = NORMAL")
        try:
            yield
        finally:
            self.conn.execute("PRAGMA synchronous = FULL")

    @contextlib.contextmanager
    def pull_transaction(self, wait: float | None = None):
        """``with store.pull_transaction(wait=S):`` — the write lock is taken (BEGIN IMMEDIATE, waiting at
        most *wait* seconds, default the busy timeout) *before* the pull is asked for, so that what the
        gateway hands out can be committed at once; committed like a pull (see ``_pull_commit``).
        Raises StoreError("locked") when another writer holds the lock longer: nothing was pulled.
        """
        with self._pull_commit(), contextlib.ExitStack() as stack:
            if wait is not None:
                self.conn.execute(f"PRAGMA busy_timeout = {max(0, int(wait * 1000))}")
            try:
                stack.enter_context(Transaction(self.conn))
                if self.url:
                    # the lock before the pull is asked for (a BEGIN is otherwise sent late), and the savepoint a
                    # report pull's statement needs (store.pg_reports), in the same round trip
                    self.conn.begin_now(savepoint="pull")
            finally:
                if wait is not None:
                    self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            yield self

    def store_spooled(self, entries: Sequence[dict], *, wait: float | None = None) -> list[SaveResult]:
        """Store pulls kept in the spool file (see ``spool``), all in one transaction; a result per entry.
        *wait*: at most this many seconds for the write lock (default the busy timeout)."""
        results = []
        with self.pull_transaction(wait=wait):
            self._notify(("reports", "replies", "campaigns", "suppression"))
            for entry in entries:
                items = [SimpleNamespace(**{k: v for k, v in i.items() if k != "opt_out"}) for i in entry["items"]]
                if entry.get("kind") == "reports":
                    results.append(reports.save_reports(self.conn, items))
                else:
                    flagged = {i["content"] for i in entry["items"] if i.get("opt_out")}
                    results.append(reports.save_replies(self.conn, items, is_opt_out=flagged.__contains__))
        return results

    def recover_spool(self, *, wait: float | None = None) -> list[SaveResult]:
        """Store what an earlier process spooled (``spool.path_for(self.path)``) and empty the spool.

        Raises StoreError when the store cannot take it yet (the spool stays for the next try). *wait*:
        see store_spooled (opening a store waits briefly: the window's thread must not hang on it).
        """
        path = spool.path_for(self.path)
        if not spool.has_entries(path):
            return []
        with spool.locked(path):
            entries = spool.read_unlocked(path)
            if not entries:
                return []
            results = self.store_spooled(entries, wait=wait)
            self.sync()
            spool.clear_unlocked(path)
        return results

    def largest_pull(self, kind: str) -> int:
        """The most items one pull of *kind* ("reports"/"replies") has brought so far (0: none yet)."""
        with known_errors():
            return int(self.conn.execute("SELECT coalesce(max(items), 0) FROM pulls WHERE kind = ?",
                                         (kind,)).fetchone()[0])

    def sync(self) -> None:
        """Make every commit so far power-cut safe (an fsynced write of the WAL)."""
        with Transaction(self.conn):  # synchronous=FULL: this commit fsyncs the WAL, and with it every frame before
            meta.put(self.conn, "last_sync_at", now_text())

    def report_count(self, campaign_id: int | None = None) -> int:
        with known_errors():
            if campaign_id is None:
                return self.conn.execute("SELECT count(*) FROM reports").fetchone()[0]
            return self.conn.execute("SELECT coalesce(sum(n), 0) FROM report_counts WHERE campaign_id = ?",
                                     (campaign_id,)).fetchone()[0]

    def report_keys(self) -> set[tuple[str, str]]:
        """Every stored (msg_id, mobile) — for checks and exports."""
        with known_errors():
            return set(self.conn.execute("SELECT msg_id, mobile FROM reports"))

    def replies(self, campaign_id: int | None = None, *, unattributed: bool = False) -> list[dict]:
        sql = "SELECT id, mobile, content, time, expand, msg_id, campaign_id, opt_out FROM replies"
        args: tuple = ()
        if unattributed:
            sql += " WHERE campaign_id IS NULL"
        elif campaign_id is not None:
            sql += " WHERE campaign_id = ?"
            args = (campaign_id,)
        keys = ("id", "mobile", "content", "time", "expand", "msg_id", "campaign_id", "opt_out")
        with known_errors():
            return [dict(zip(keys, r)) for r in self.conn.execute(sql + " ORDER BY id", args)]

    # ---- suppression -----------------------------------------------------------------------
    def suppress(self, mobiles: Iterable[str], reason: str = "", source: str = "manual") -> int:
        return self._write(suppression.add, list(mobiles), reason, source)

    def unsuppress(self, mobiles: Iterable[str]) -> int:
        return self._write(suppression.remove, list(mobiles))

    def suppressed(self) -> list[SuppressedNumber]:
        return self._read(suppression.entries)

    def suppressed_mobiles(self) -> set[str]:
        return self._read(suppression.mobiles)

    def suppression_fingerprint(self) -> tuple:
        return self._read(suppression.fingerprint)

    def is_suppressed(self, mobile: str) -> bool:
        return self._read(suppression.contains, mobile)

    # ---- templates -------------------------------------------------------------------------
    def save_template(self, template_id: str, text: str, name: str = "") -> None:
        self._write(templates.save, template_id, text, name)

    def template(self, template_id: str) -> SavedTemplate | None:
        return self._read(templates.get, template_id)

    def templates(self) -> list[SavedTemplate]:
        return self._read(templates.all_templates)

    def delete_template(self, template_id: str) -> bool:
        return self._write(templates.delete, template_id)

    # ---- meta ------------------------------------------------------------------------------
    def meta(self, key: str, default: str | None = None) -> str | None:
        return self._read(meta.get, key, default)

    def set_meta(self, key: str, value: str) -> None:
        self._write(meta.put, key, value)

    def delete_meta(self, key: str) -> None:
        self._write(meta.delete, key)

    def poll_status(self) -> dict:
        """Last pull time, its result and the last error, for the CLI and the GUI; ``losses``: recent pulls
        whose answer broke after the gateway may have handed them out ([{at, kind, up_to}], oldest first)."""
        with known_errors():
            rows = dict(self.conn.execute(
                "SELECT key, value FROM meta WHERE key IN (?, ?, ?, ?, ?)",
                (meta.LAST_PULL_AT, meta.LAST_PULL_RESULT, meta.LAST_ERROR, meta.LAST_ERROR_AT,
                 meta.POSSIBLE_LOSSES)).fetchall())
        try:
            losses = json.loads(rows.get(meta.POSSIBLE_LOSSES) or "[]")
        except ValueError:
            losses = []
        return {"last_pull_at": rows.get(meta.LAST_PULL_AT), "last_result": rows.get(meta.LAST_PULL_RESULT),
                "last_error": rows.get(meta.LAST_ERROR), "last_error_at": rows.get(meta.LAST_ERROR_AT),
                "losses": losses if isinstance(losses, list) else []}
