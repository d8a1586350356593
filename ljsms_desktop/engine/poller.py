"""Pulling delivery reports and replies into the store, losing nothing the gateway hands out.

The gateway hands each report and reply out once, with no cursor and no acknowledgement
(contract §4, §5 and the notes after §6). So:

* **The write lock first.** Each pull is asked for inside a transaction that already holds the
  database's write lock (BEGIN IMMEDIATE, waiting at most ``lock_wait`` seconds): another program
  holding the lock makes the poll give up *before* anything is pulled, never after. The gateway
  request is tried once inside the lock; retries (busy, no connection) wait outside it, so a
  sending campaign is never kept waiting for the network.
* **A pulled list is kept until it is committed.** When its commit fails (disk full, a damaged
  file), the list goes to the spool file (``store.spool``: fsynced, 0600, in blocks reserved while
  there was space) and is retried (``store_retry_waits``); nothing more is pulled while one is
  unsaved. A process that has to stop first leaves it in the spool, and the next start (any
  ``Store`` opening the file, or the next poll) stores it before anything else. Without a reserved
  spool (no space even for that) nothing is pulled.
* **A broken answer is counted.** A pull whose answer broke after the gateway may have handed its
  items out (timeout, dropped connection, truncated JSON) has lost them at the gateway. Each one is
  logged and counted, with "up to N" = the largest pull seen so far (``PollResult.lost_pulls`` /
  ``lost_items``, and ``Store.poll_status()["losses"]``).
* **Pull until no data.** ``max_pulls`` per endpoint and poll guards against a gateway that never
  says "no data"; when it is reached, ``PollResult.more_waiting`` says so.
* **One poller per account per data folder** — per team on a shared PostgreSQL database. An OS file lock
  next to the database (an advisory lock on a team database, ``Store.try_lock``), held from the first poll
  until :meth:`Poller.close`; another poller gets :class:`PollerBusyError` and pulls nothing, and tries again
  each interval: when the holder quits or dies, another desktop takes over within one poll interval.

``PollResult.window_ms`` measures the window a ``kill -9`` can still hit: from sending the pull
request to the commit of what it returned.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, fields

from ..api.errors import LjApiError, LjBadResponseError, LjError, LjTransportError
from ..core.optout import is_opt_out
from ..store import Store, StoreError
from ..store import meta as _meta
from ..store import spool as _spool
from ..store.models import now_text

log = logging.getLogger(__name__)

MAX_PULLS = 1000        # per endpoint per poll: a guard against a gateway that never says "no data"
LOCK_WAIT = 10.0        # seconds to wait for the database's write lock before a pull (then: nothing pulled)
STORE_RETRY_WAITS: tuple[float, ...] = (0.1, 0.5, 1.5)  # retrying a pulled list whose commit failed
PULL_RETRIES = 3        # a busy or unreachable gateway: tries after the first, waiting outside the lock
KINDS = ("reports", "replies")
LOSSES_KEPT = 20        # recent possible losses kept in the store's meta table


class PollerBusyError(Exception):
    """Another poller (window or ``ljsms watch``) already pulls this account into this data folder."""

    kind = "poller_busy"

    def __init__(self, account: str):
        self.account = account
        self.message_zh = (f"另一个窗口或 ljsms watch 正在拉取账号 {account} 的状态报告和回复（存入同一个数据文件），"
                           "这里不再重复拉取")
        self.message_en = (f"Another window or 'ljsms watch' is already pulling reports and replies of account "
                           f"{account} into this data folder; not pulling here.")
        super().__init__(self.message_zh)


@dataclass(frozen=True, slots=True)
class PollResult:
    """What one poll stored. ``reports``/``replies``: items received; ``new_*``: not stored before.

    ``recovered``: items stored from the spool (pulled by this or an earlier poll whose commit
    failed at first). ``lost_pulls``: pulls whose answer broke after the gateway may have handed items out;
    ``lost_items``: up to how many items those were. ``more_waiting``: ``max_pulls`` was reached.
    """

    reports: int = 0
    new_reports: int = 0
    replies: int = 0
    new_replies: int = 0
    opt_outs: int = 0
    resolved_batches: int = 0
    pulls: int = 0
    window_ms: float = 0.0  # longest request-to-commit time of one pull in this poll
    recovered: int = 0
    lost_pulls: int = 0
    lost_items: int = 0
    more_waiting: bool = False

    def summary_zh(self) -> str:
        s = f"状态报告 {self.reports} 条（新 {self.new_reports}），上行回复 {self.replies} 条（新 {self.new_replies}）"
        if self.recovered:
            s += f"，其中 {self.recovered} 条一度未能存入数据文件、先暂存在本机，现已存入"
        if self.opt_outs:
            s += f"，退订 {self.opt_outs} 个号码已加入屏蔽名单"
        if self.resolved_batches:
            s += f"，{self.resolved_batches} 个“未知”批次确认已被网关接收"
        if self.lost_pulls:
            s += "。" + lost_text_zh(self.lost_pulls, self.lost_items)
        if self.more_waiting:
            s += "。网关上还有数据等待拉取，请再运行一次 ljsms pull"
        return s


def lost_text_zh(pulls: int, items: int) -> str:
    """The command line's words for pulls whose answer broke after the gateway handed items out."""
    up_to = f"最多 {items} 条" if items else "数量不明"
    if pulls == 1:
        return f"一次拉取可能丢失了{up_to}（网关已交出数据，但回答在途中中断）"
    return f"{pulls} 次拉取可能丢失了{up_to}（网关已交出数据，但回答在途中中断）"


@dataclass(slots=True)
class _Totals:
    reports: int = 0
    new_reports: int = 0
    replies: int = 0
    new_replies: int = 0
    opt_outs: int = 0
    resolved_batches: int = 0
    pulls: int = 0
    window: float = 0.0
    recovered: int = 0
    lost_pulls: int = 0
    lost_items: int = 0
    more_waiting: bool = False

    def add(self, kind: str, saved) -> None:
        if kind == "reports":
            self.reports += saved.received
            self.new_reports += saved.new
            self.resolved_batches += saved.resolved_batches
        else:
            self.replies += saved.received
            self.new_replies += saved.new
            self.opt_outs += saved.opt_outs

    def result(self) -> PollResult:
        return PollResult(self.reports, self.new_reports, self.replies, self.new_replies, self.opt_outs,
                          self.resolved_batches, self.pulls, round(self.window, 2), self.recovered,
                          self.lost_pulls, self.lost_items, self.more_waiting)


def account_lock_path(store_path, account: str):
    """The OS lock file a poller of *account* holds in the data folder of the database *store_path*."""
    from pathlib import Path

    digest = hashlib.sha1(account.encode("utf-8")).hexdigest()[:12]
    return Path(store_path).parent / f"poller-{digest}.lock"


class Poller:
    """Pulls reports and replies through *client* into the store made by *store_factory*.

    *store_factory* is called in the thread that polls (one connection per thread), e.g.
    ``lambda: Store.open()``. *on_poll(result)* and *on_error(text_zh)* are plain callables.
    """

    def __init__(self, store_factory: Callable[[], Store], client, interval: float = 30.0, *,
                 is_opt_out: Callable[[str], bool] = is_opt_out, max_pulls: int = MAX_PULLS,
                 on_poll: Callable[[PollResult], None] | None = None,
                 on_error: Callable[[str], None] | None = None, lock_wait: float = LOCK_WAIT,
                 store_retry_waits: Sequence[float] = STORE_RETRY_WAITS, pull_retries: int = PULL_RETRIES,
                 sleep: Callable[[float], object] | None = None, stop: threading.Event | None = None):
        self.store_factory = store_factory
        self.client = client
        self.interval = float(interval)
        self.is_opt_out = is_opt_out
        self.max_pulls = max_pulls
        self.on_poll = on_poll
        self.on_error = on_error
        self.lock_wait = lock_wait
        self.store_retry_waits = tuple(store_retry_waits)
        self.pull_retries = pull_retries
        self.last_error: str | None = None
        self.last_result: PollResult | None = None
        self.last_lost = (0, 0)  # (pulls, up to items) possibly lost in the last poll, also one that failed
        self._local = threading.local()
        self._stop = stop or threading.Event()  # set: no further pull in this poll (the one in flight is stored)
        self._sleep_fn = sleep
        self._claim = None  # store.locks.HeldLock while this poller is the account's
        self._reserved = False
        self._unspooled: list[dict] = []  # pulled, not stored, and not in the spool either (no space even there)
        self._spooled = 0                 # items this poller put in the spool and has not stored since

    # -- life cycle -------------------------------------------------------------------------------
    def store(self) -> Store:
        """This thread's store (opened on first use)."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = self.store_factory()
        return store

    def close(self) -> None:
        """Release the account lock and close this thread's store. Unsaved pulls stay in the spool."""
        if self._unspooled:
            log.error("%d pulled item(s) could not be stored nor spooled and are lost",
                      sum(len(e["items"]) for e in self._unspooled))
        if self._claim is not None:
            self._claim.release()
            self._claim = None
        store = getattr(self._local, "store", None)
        if store is not None:
            store.close()
            self._local.store = None

    def _reopen(self) -> None:
        """Drop this thread's store (its connection is gone); the next poll opens a new one. The account's
        lock went with the old session too: claimed again then."""
        store = getattr(self._local, "store", None)
        self._local.store = None
        if self._claim is not None:
            self._claim.release()
            self._claim = None
        if store is not None:
            try:
                store.close()
            except Exception:  # noqa: BLE001 - closing a dead connection
                pass

    @property
    def pending_items(self) -> int:
        """Items pulled but not yet stored (kept in the spool or, failing that, in memory)."""
        return self._spooled + sum(len(e["items"]) for e in self._unspooled)

    def stop(self) -> None:
        """Stop after the pull in flight is stored (e.g. on SIGTERM): nothing handed out is dropped."""
        self._stop.set()

    def claim(self, store: Store) -> bool:
        """Take this account's poller lock for this data folder (kept until close()); False if another holds it."""
        if self._claim is not None:
            return True
        account = str(getattr(self.client, "account", "") or "")
        # a file lock in the data folder; on a team database an advisory lock: one poller per account for the team
        lock = store.try_lock("poller", account, account_lock_path(store.path, account))
        if lock is None:
            return False
        self._claim = lock
        return True

    # -- one poll -----------------------------------------------------------------------------------
    def poll_once(self) -> PollResult:
        """Store what earlier polls kept, then pull until no data, reports then replies.

        Raises the gateway's or the store's error after recording it (whatever was pulled before
        it is stored or spooled), or PollerBusyError.
        """
        store = self.store()
        try:
            claimed = self.claim(store)
        except OSError as exc:  # the lock file cannot be made (a read-only data folder)
            raise _file_error(exc) from exc
        if not claimed:
            exc = PollerBusyError(str(getattr(self.client, "account", "")))
            self.last_error = str(exc)
            raise exc
        t = _Totals()
        try:
            self._reserve_spool(store)
            self._store_kept(store, t)
            for kind in KINDS:
                for _ in range(self.max_pulls):
                    if self._stop.is_set() or not self._pull(store, kind, t):
                        break
                else:
                    t.more_waiting = True
                    log.warning("%s: %d pulls in one poll and the gateway still has data", kind, self.max_pulls)
        except (LjError, StoreError) as exc:
            self.last_lost = (t.lost_pulls, t.lost_items)
            self._record_error(store, exc)
            if isinstance(exc, StoreError) and exc.kind == "unreachable":  # a team database gone: the next poll
                self._reopen()                                              # connects afresh
            raise
        self.last_lost = (t.lost_pulls, t.lost_items)
        result = t.result()
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

    def _reserve_spool(self, store: Store) -> None:
        if self._reserved:
            return
        try:
            reserved = _spool.reserve(_spool.path_for(store.path))
        except OSError as exc:
            raise _file_error(exc) from exc
        if not reserved:
            raise StoreError("disk_full", "磁盘空间不足：连暂存拉取数据的空间都没有，为免丢失网关交出的数据，暂不拉取。"
                             "请清理磁盘后重试。",
                             "The disk is full, with no room even to keep a pull safe: not pulling. Free some "
                             "space and try again.")
        self._reserved = True

    def _pull(self, store: Store, kind: str, t: _Totals) -> bool:
        """One pull of *kind*, asked for under the write lock and stored at once. False: the gateway had no data."""
        fetch = self.client.reports if kind == "reports" else self.client.replies
        attempt = 0
        while True:
            items = None
            started = time.perf_counter()
            try:
                with store.pull_transaction(wait=self.lock_wait):
                    items = fetch(retries=0)
                    if not items:
                        return False
                    saved = self._save(store, kind, items)
            except LjError as exc:  # no usable answer; nothing stored, and the transaction is gone
                if _maybe_lost(exc):
                    self._note_lost(store, kind, t, exc)
                if not _retryable(exc) or attempt >= self.pull_retries:
                    raise
                delay = min(8.0, 0.5 * 2 ** attempt)
                log.info("pull of %s: retry %d in %.1fs (%s)", kind, attempt + 1, delay, exc)
                attempt += 1
                self._sleep(delay)
                continue
            except StoreError:
                if items is None:  # the lock could not be taken: nothing was pulled
                    raise
                self._keep(store, kind, items)
                t.pulls += 1
                self._store_kept(store, t, first_wait=True)
                return True
            except BaseException:  # a bug, Ctrl-C, a stop: what the gateway handed out goes to the spool
                if items:
                    self._keep(store, kind, items)
                raise
            t.window = max(t.window, (time.perf_counter() - started) * 1000)
            t.pulls += 1
            t.add(kind, saved)
            return True

    def _sleep(self, seconds: float) -> None:
        """Wait between retries; a stopping run() cuts it short."""
        if self._sleep_fn is not None:
            self._sleep_fn(seconds)
        else:
            self._stop.wait(seconds)

    def _save(self, store: Store, kind: str, items):
        if kind == "reports":
            return store.save_reports(items)
        return store.save_replies(items, is_opt_out=self.is_opt_out)

    # -- what could not be stored ----------------------------------------------------------------
    def _keep(self, store: Store, kind: str, items) -> None:
        """Put a pulled list that could not be committed in the spool (fsynced), or failing that in memory."""
        entry = {"kind": kind, "items": [_item_dict(i, self.is_opt_out if kind == "replies" else None)
                                         for i in items]}
        try:
            _spool.add(_spool.path_for(store.path), entry)
            self._spooled += len(items)
            log.warning("%d pulled %s could not be stored yet; kept in %s", len(items), kind,
                        _spool.path_for(store.path))
        except (OSError, ValueError) as exc:
            self._unspooled.append(entry)
            log.error("%d pulled %s could not be stored nor spooled (%s); kept in memory", len(items), kind, exc)

    def _store_kept(self, store: Store, t: _Totals, *, first_wait: bool = False) -> None:
        """Store the spool and anything kept in memory, retrying; raises StoreError if the store cannot take them."""
        path = _spool.path_for(store.path)
        if not self._unspooled and not _spool.has_entries(path):
            self._spooled = 0
            return
        waits = self.store_retry_waits if first_wait else (0.0, *self.store_retry_waits)
        error: StoreError | None = None
        for wait in waits:
            if wait:
                self._sleep(wait)
            try:
                with _spool.locked(path):
                    entries = _spool.read_unlocked(path) + self._unspooled
                    if entries:
                        results = store.store_spooled(entries, wait=self.lock_wait)
                        store.sync()
                        _spool.clear_unlocked(path)
                    else:
                        results = []
            except StoreError as exc:
                error = exc
                continue
            except OSError as exc:  # the spool file itself (its lock, a damaged file set aside)
                error = _file_error(exc)
                continue
            self._unspooled = []
            self._spooled = 0
            for entry, saved in zip(entries, results):
                t.add(entry["kind"], saved)
                t.recovered += saved.received
            if results:
                log.info("stored %d item(s) kept from an earlier pull", sum(r.received for r in results))
            return
        assert error is not None
        raise error

    def _note_lost(self, store: Store, kind: str, t: _Totals, exc: LjError) -> None:
        """A pull whose answer broke after the gateway may have handed its items out: count it, log it, keep it."""
        try:
            up_to = store.largest_pull(kind)
        except StoreError:
            up_to = 0
        t.lost_pulls += 1
        t.lost_items += up_to
        log.warning("a pull of %s broke after the gateway may have handed it out (up to %s items lost): %s",
                    kind, up_to or "an unknown number of", exc)
        try:
            with store.transaction():
                losses = _losses(store.meta(_meta.POSSIBLE_LOSSES))
                losses.append({"at": now_text(), "kind": kind, "up_to": up_to})
                _meta.put(store.conn, _meta.POSSIBLE_LOSSES,
                          json.dumps(losses[-LOSSES_KEPT:], ensure_ascii=False))
        except StoreError:
            pass  # logged above; the store's own error comes up elsewhere

    # -- the loop -----------------------------------------------------------------------------------
    def run(self, stop: threading.Event) -> None:
        """Poll now and then every ``interval`` seconds until *stop* is set. Errors do not end the loop."""
        self._stop = stop
        try:
            while not stop.is_set():
                try:
                    result = self.poll_once()
                except (LjError, StoreError, PollerBusyError) as exc:
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
        if isinstance(exc, StoreError) and exc.kind == "locked":
            return  # another program holds the write lock: waiting for it again would only delay the message
        try:
            with store.transaction():
                _meta.put(store.conn, _meta.LAST_ERROR, str(exc))
                _meta.put(store.conn, _meta.LAST_ERROR_AT, now_text())
        except StoreError:
            pass  # the store itself is the problem; the error is still raised to the caller


def _file_error(exc: OSError) -> StoreError:
    """A file next to the database (spool, lock) that cannot be used, as the store's error in words."""
    import errno

    if exc.errno == errno.ENOSPC:
        return StoreError("disk_full", "磁盘空间已满，无法保存数据。请清理磁盘后重试。",
                          "The disk is full; free some space and try again.")
    name = getattr(exc, "filename", None) or ""
    return StoreError("ioerror", f"无法使用数据文件夹中的文件 {name}：{exc.strerror or exc}",
                      f"Cannot use the file {name} in the data folder: {exc.strerror or exc}")


def _item_dict(item, is_opt_out: Callable[[str], bool] | None) -> dict:
    d = {f.name: getattr(item, f.name) for f in fields(item)}
    if is_opt_out is not None:
        d["opt_out"] = bool(is_opt_out(d.get("content", "")))
    return d


def _maybe_lost(exc: LjError) -> bool:
    """True when a failed pull may have been handed out by the gateway (its items are gone there)."""
    if isinstance(exc, LjTransportError):
        return exc.maybe_delivered
    return isinstance(exc, LjBadResponseError)


def _retryable(exc: LjError) -> bool:
    return isinstance(exc, LjTransportError) or (isinstance(exc, LjApiError) and (exc.busy or _maybe_lost(exc)))


def _losses(text: str | None) -> list[dict]:
    try:
        value = json.loads(text) if text else []
    except ValueError:
        return []
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
