"""Pulling delivery reports and replies into the store.

The gateway hands each report and reply out once, with no cursor and no acknowledgement
(contract §4, §5 and the notes after §6). So every pull is written to the store in one
transaction before the next pull is asked for: a crash can lose at most the one pull whose answer
was on its way or not yet committed (its items were taken off the gateway's queue when it
answered). ``PollResult.window_ms`` measures that window: from sending the pull request to the
commit of what it returned.

Each :meth:`Poller.poll_once` pulls reports until the gateway says no data (40999 or an empty
list), then replies likewise. :meth:`Poller.run` repeats that every ``interval`` seconds until a
stop event is set; errors are recorded (``Store.poll_status()``) and the loop goes on.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

from ..api.errors import LjError
from ..core.optout import is_opt_out
from ..store import Store, StoreError
from ..store import meta as _meta
from ..store.models import now_text

log = logging.getLogger(__name__)

MAX_PULLS = 1000  # per endpoint per poll: a guard against a gateway that never says "no data"


@dataclass(frozen=True, slots=True)
class PollResult:
    """What one poll stored. ``reports``/``replies``: items received; ``new_*``: not stored before."""

    reports: int = 0
    new_reports: int = 0
    replies: int = 0
    new_replies: int = 0
    opt_outs: int = 0
    resolved_batches: int = 0
    pulls: int = 0
    window_ms: float = 0.0  # longest request-to-commit time of one pull in this poll

    def summary_zh(self) -> str:
        s = f"状态报告 {self.reports} 条（新 {self.new_reports}），上行回复 {self.replies} 条（新 {self.new_replies}）"
        if self.opt_outs:
            s += f"，退订 {self.opt_outs} 个号码已加入屏蔽名单"
        if self.resolved_batches:
            s += f"，{self.resolved_batches} 个“未知”批次确认已被网关接收"
        return s


class Poller:
    """Pulls reports and replies through *client* into the store made by *store_factory*.

    *store_factory* is called in the thread that polls (one connection per thread), e.g.
    ``lambda: Store.open()``. *on_poll(result)* and *on_error(text_zh)* are plain callables.
    """

    def __init__(self, store_factory: Callable[[], Store], client, interval: float = 30.0, *,
                 is_opt_out: Callable[[str], bool] = is_opt_out, max_pulls: int = MAX_PULLS,
                 on_poll: Callable[[PollResult], None] | None = None,
                 on_error: Callable[[str], None] | None = None):
        self.store_factory = store_factory
        self.client = client
        self.interval = float(interval)
        self.is_opt_out = is_opt_out
        self.max_pulls = max_pulls
        self.on_poll = on_poll
        self.on_error = on_error
        self.last_error: str | None = None
        self.last_result: PollResult | None = None
        self._local = threading.local()

    def store(self) -> Store:
        """This thread's store (opened on first use)."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = self.store_factory()
        return store

    def close(self) -> None:
        store = getattr(self._local, "store", None)
        if store is not None:
            store.close()
            self._local.store = None

    def poll_once(self) -> PollResult:
        """Pull until no data, reports then replies, each pull stored in its own transaction.

        Raises the gateway's or the store's error after recording it; whatever was pulled before
        the error is already stored.
        """
        store = self.store()
        totals = dict(reports=0, new_reports=0, replies=0, new_replies=0, opt_outs=0, resolved_batches=0, pulls=0)
        window = 0.0
        try:
            for kind in ("reports", "replies"):
                for _ in range(self.max_pulls):
                    started = time.perf_counter()
                    if kind == "reports":
                        items = self.client.reports()
                    else:
                        items = self.client.replies()
                    if not items:
                        break
                    if kind == "reports":
                        saved = store.save_reports(items)
                        totals["resolved_batches"] += saved.resolved_batches
                    else:
                        saved = store.save_replies(items, is_opt_out=self.is_opt_out)
                        totals["opt_outs"] += saved.opt_outs
                    window = max(window, (time.perf_counter() - started) * 1000)
                    totals["pulls"] += 1
                    totals[kind] += saved.received
                    totals["new_" + kind] += saved.new
        except (LjError, StoreError) as exc:
            self._record_error(store, exc)
            raise
        result = PollResult(**totals, window_ms=round(window, 2))
        self.last_result = result
        self.last_error = None
        try:
            # Fsynced (synchronous=FULL): makes this poll's pulls, committed without an fsync each,
            # power-cut safe too (see Store._pull_commit).
            with store.transaction():
                _meta.put(store.conn, _meta.LAST_PULL_AT, now_text())
                _meta.put(store.conn, _meta.LAST_PULL_RESULT, json.dumps(asdict(result), ensure_ascii=False))
        except StoreError as exc:
            self._record_error(store, exc)
            raise
        return result

    def run(self, stop: threading.Event) -> None:
        """Poll now and then every ``interval`` seconds until *stop* is set. Errors do not end the loop."""
        try:
            while not stop.is_set():
                try:
                    result = self.poll_once()
                except (LjError, StoreError) as exc:
                    if self.on_error is not None:
                        self.on_error(str(exc))
                else:
                    if self.on_poll is not None:
                        self.on_poll(result)
                stop.wait(self.interval)
        finally:
            self.close()

    def _record_error(self, store: Store, exc: Exception) -> None:
        self.last_error = str(exc)
        log.warning("poll failed: %s", exc)
        try:
            with store.transaction():
                _meta.put(store.conn, _meta.LAST_ERROR, str(exc))
                _meta.put(store.conn, _meta.LAST_ERROR_AT, now_text())
        except StoreError:
            pass  # the store itself is the problem; the error is still raised to the caller
