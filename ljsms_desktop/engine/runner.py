"""Sending one campaign exactly once: the batch state machine.

For each batch still ``planned``:

1. commit ``planned → sending`` (fsynced) — only then does the request go out;
2. send it with the campaign's extension number ``code`` and the batch's ``ext``;
3. commit the outcome:

   ============================================  =====================================================
   answer                                        batch becomes
   ============================================  =====================================================
   success (msgId)                               ``accepted``
   49999 busy (after the client's quick retries) ``planned`` again; wait (5 s, 15 s, 30 s, 60 s), retry
   no connection (nothing reached the gateway)   ``planned`` again; same waits
   refusal that applies to every batch           ``planned`` again; the campaign ``stopped`` with the
   (account/key/IP/clock/balance, signature,     reason — resume once it is fixed
   template, extension number)
   any other refusal                             ``rejected(code)``; the campaign goes on
   timeout / connection lost after sending /     ``unknown`` — never resent automatically; a report
   unreadable answer                             carrying its ``ext`` turns it ``accepted``
   ============================================  =====================================================

Window: up to ``window`` requests (default 3) are on their way at once, each committed as
``sending`` just before it leaves, so committing one batch overlaps the network wait of the others
(one fsync per batch: an answer's "accepted" is committed together with the next "sending").
A crash leaves at most ``window`` batches in ``sending``; the next run turns them ``unknown`` (or
``accepted`` if their reports already came). ``window=1`` sends strictly one after the other.
Why 3: with 2, the gateway often finished the other request while the next batch's fsynced commit
was still under way, and sat idle (measured against the simulator: window 2 took 1.17x the time of a
bare request loop, window 3 1.01x, window 1 1.41x). The price is one more batch (2000 numbers) that
a crash can leave ``unknown``; the ones that did go out turn ``accepted`` when their reports come.

Retry layers: the client retries 49999 itself a few times within seconds (0.5 s … 4 s); this
runner adds the slow outer layer (``busy_waits``), interruptible by pause/cancel, and stops the
campaign (resumable) when the gateway stays busy or unreachable through all of them. Three
``unknown`` batches in a row also stop it (the connection is unreliable: every further request
would only add numbers whose fate is unknown), and so do three rejections in a row for the
same reason.

A per-campaign lock makes sure two processes — the window and ``ljsms resume``, or two desktops of a
team — never send the same campaign at once: an OS file lock (``filelock``) on SQLite, an advisory
lock on a team's PostgreSQL database (``Store.try_lock``); the OS or the server drops it when a process
dies, so a crash never leaves it stuck. Each batch is also claimed in the database before its request
leaves (``mark_sending``: planned → sending only if it is still planned, committed first).
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..api.errors import LjApiError, LjLimitError, LjTransportError
from ..store import (
    B_ACCEPTED, B_PLANNED, B_REJECTED, B_UNKNOWN, CANCELLED, DONE, PAUSED, STOPPED, Batch, Campaign, Store,
    StoreError,
)
from ..store import campaigns as _campaigns
from . import notices as N
from .control import RunControl
from .notices import Notice

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int, int, int], None]
NoticeCallback = Callable[[Notice], None]

BUSY_WAITS: tuple[float, ...] = (5.0, 15.0, 30.0, 60.0)
MAX_CONSECUTIVE_UNKNOWN = 3
MAX_SAME_REJECTION = 3
WINDOW = 3
CANCEL_CHECK_S = 0.5
SUPPRESSION_CHECK_S = 5.0

# Refusals that would hit every batch of the campaign alike (besides LjApiError.account_wide,
# which covers account, key, IP, clock and balance): text, signature, template and extension
# number are the same in every request.
_CAMPAIGN_WIDE = frozenset({40009, 40010, 40014, 40015, 40016})
_PLAIN_CAMPAIGN_WIDE = frozenset({40011})  # a template's rendered text differs per row

# Outcomes of one request.
_ACCEPTED, _REJECTED, _UNKNOWN, _RETRY, _STOP = "accepted", "rejected", "unknown", "retry", "stop"

_USER_PAUSED = N.notice(N.USER_PAUSED)
_USER_CANCELLED = N.notice(N.USER_CANCELLED)


class CampaignBusyError(StoreError):
    """The campaign is being sent by another window or process right now."""

    def __init__(self, campaign_id: int):
        super().__init__("locked", f"活动 {campaign_id} 正在另一个窗口或进程中发送，请等它结束或在那里暂停。",
                         f"Campaign {campaign_id} is being sent by another window or process.")


@dataclass(frozen=True, slots=True)
class RunResult:
    """How a run ended. ``state`` is the campaign's state afterwards (done/paused/cancelled/stopped);
    ``stop`` why it did not finish (a code and parameters, None when done), ``reason`` the same in
    the words stored with the campaign."""

    campaign_id: int
    state: str
    reason: str
    batches_sent: int       # requests answered (accepted or rejected) in this run
    unknown: int            # batches of the campaign left unknown (all runs)
    recovered: int          # batches found mid-request from an earlier run, now unknown/accepted
    code: int = 0           # the gateway's code when a refusal for every batch stopped the run
    stop: Notice | None = None


def lock_path(store: Store, campaign_id: int) -> Path:
    return store.path.parent / "locks" / f"{store.path.stem}-campaign-{campaign_id}.lock"


class _Now:
    """A finished "future" for window=1: the request runs in the caller's thread."""

    def __init__(self, fn, *args):
        try:
            self._value, self._error = fn(*args), None
        except BaseException as e:  # noqa: BLE001 - handed to result() like a Future would
            self._value, self._error = None, e

    def result(self, timeout=None):
        if self._error is not None:
            raise self._error
        return self._value


class CampaignRunner:
    """Sends (or resumes) one campaign through *client*, recording every step in *store*.

    Run it in one thread: *store* must have been opened in that thread (requests go out from a
    small pool of helper threads when ``window`` > 1; the store is only touched here).
    *control* (a :class:`RunControl`) pauses or cancels it from any thread;
    *on_progress(done_batches, total_batches, sent_numbers, total_numbers)* is called after every
    answer ("sent" = accepted or unknown); *on_notice(notice)* gets the run's events as a
    :class:`~ljsms_desktop.engine.notices.Notice` (busy waits, rejections, unknown batches, stops),
    which the front ends put into words. Both are called in the running thread.
    """

    def __init__(self, store: Store, client, campaign_id: int, *, control: RunControl | None = None,
                 on_progress: ProgressCallback | None = None, on_notice: NoticeCallback | None = None,
                 busy_waits: Sequence[float] = BUSY_WAITS, max_consecutive_unknown: int = MAX_CONSECUTIVE_UNKNOWN,
                 window: int = WINDOW):
        self.store = store
        self.client = client
        self.campaign_id = campaign_id
        self.control = control or RunControl()
        self.on_progress = on_progress
        self.on_notice = on_notice
        self.busy_waits = tuple(busy_waits)
        self.max_consecutive_unknown = max_consecutive_unknown
        self.window = max(1, int(window))

    # -- public ---------------------------------------------------------------------------------
    def run(self) -> RunResult:
        # The campaign's lock (a file lock beside the SQLite file; an advisory lock every desktop of a team sees)
        lock = self.store.try_lock("campaign", self.campaign_id, lock_path(self.store, self.campaign_id))
        if lock is None:
            raise CampaignBusyError(self.campaign_id)
        executor = ThreadPoolExecutor(self.window, thread_name_prefix="ljsms-send") if self.window > 1 else None
        try:
            return self._run_locked(executor)
        finally:
            if executor is not None:
                executor.shutdown(wait=True)
            lock.release()

    # -- the loop -------------------------------------------------------------------------------
    def _run_locked(self, executor: ThreadPoolExecutor | None) -> RunResult:
        store, cid = self.store, self.campaign_id
        camp, recovered = store.begin_run(cid)
        if recovered:
            self._notice(N.notice(N.RECOVERED, batches=recovered))
        batches = store.batches(cid)
        payloads = store.batch_payloads(cid)  # one read: no query per batch while sending
        self._deferred: list[tuple[int, str]] = []
        self._last_cancel_check = 0.0
        self._stop_code = 0
        self._suppressed_at = float("-inf")
        self._suppressed_set: set[str] = set()
        self._counts = _Counts.of(batches)
        self._progress()
        queue = deque(b for b in batches if b.state == B_PLANNED)
        inflight: deque[tuple[Batch, Future | _Now]] = deque()
        stopping: tuple[str, Notice] | None = None
        kept: dict | None = None          # cancelled elsewhere: the canceller's stored reason as data, kept
        retry_detail: Notice | None = None  # a busy/unreachable answer (a *_WAIT notice): wait first
        retries = 0                       # waits since the last answer that was not busy/unreachable
        unknown_run = 0
        same_rejection = (None, 0)        # (code, times in a row)
        answered = 0
        reached = False                   # any answer from the gateway in this run (busy included)
        try:
            while True:
                while stopping is None and retry_detail is None and queue and len(inflight) < self.window:
                    if self.control.cancel_requested:
                        stopping = (CANCELLED, _USER_CANCELLED)
                    elif self._cancelled_elsewhere(store, cid):  # from another window or process
                        cancelled = store.campaign(cid)
                        why, kept = cancelled.stop_reason, cancelled.stop_notice
                        stopping = (CANCELLED, N.notice(N.CANCELLED_ELSEWHERE, text=why) if why else _USER_CANCELLED)
                    elif self.control.pause_requested:
                        stopping = (PAUSED, _USER_PAUSED)
                    else:
                        submitted = self._submit(executor, camp, queue.popleft(), payloads)
                        if submitted is not None:  # None: every number of the batch had opted out
                            inflight.append(submitted)
                if inflight:
                    batch, fut = inflight.popleft()
                    outcome, detail = self._record(camp, batch, fut)
                    reached = reached or outcome != _RETRY or detail.code == N.BUSY_WAIT
                    if outcome == _RETRY:
                        queue.appendleft(batch)
                        retry_detail = retry_detail or detail
                        continue
                    if outcome in (_ACCEPTED, _REJECTED):
                        answered += 1
                        if retry_detail is None:
                            retries = 0
                    if outcome == _STOP:
                        stopping = stopping or (STOPPED, detail)
                    unknown_run = unknown_run + 1 if outcome == _UNKNOWN else 0
                    if unknown_run >= self.max_consecutive_unknown and stopping is None:
                        stopping = (STOPPED, N.notice(N.UNKNOWN_IN_A_ROW, batches=unknown_run))
                    if outcome == _REJECTED:
                        code = detail
                        same_rejection = (code, same_rejection[1] + 1 if same_rejection[0] == code else 1)
                        if same_rejection[1] >= MAX_SAME_REJECTION and stopping is None:
                            stopping = (STOPPED, N.notice(N.SAME_REJECTION, batches=same_rejection[1], code=code))
                    else:
                        same_rejection = (None, 0)
                    continue
                # Nothing in flight.
                if retry_detail is not None and stopping is None:
                    retries += 1
                    if not reached and retry_detail.code == N.UNREACHABLE_WAIT:
                        # No connection at the very first requests (no network, a wrong address): say so
                        # now rather than after minutes of waits. A connection lost mid-run still waits.
                        stopping = (STOPPED, N.notice(N.UNREACHABLE_AT_START, message_zh=retry_detail["message_zh"],
                                                      message_en=retry_detail["message_en"]))
                    elif retries > len(self.busy_waits):
                        stopping = (STOPPED, _gave_up(retry_detail))
                    else:
                        wait = self.busy_waits[retries - 1]
                        self._notice(Notice(retry_detail.code, {**retry_detail.params, "seconds": wait}))
                        with store.transaction():
                            self._flush()
                        if self.control.wait(wait):
                            cancel = self.control.cancel_requested
                            stopping = (CANCELLED, _USER_CANCELLED) if cancel else (PAUSED, _USER_PAUSED)
                    retry_detail = None
                    continue
                if stopping is None and queue:
                    continue
                break
        except BaseException as exc:  # a bug, the store failing, Ctrl-C: leave a resumable campaign
            self._abandon(camp, inflight)
            interrupted = isinstance(exc, KeyboardInterrupt)
            why = "已中断" if interrupted else f"出错：{exc}"
            try:
                with store.transaction():
                    self._flush()
                    store.set_campaign_state(cid, PAUSED if interrupted else STOPPED, why)
            except Exception:  # noqa: BLE001 - the first error is the one to report
                log.exception("could not record the campaign's state after an error")
            raise
        state, stop = stopping or (DONE, None)
        reason = N.zh(stop) if stop is not None else ""
        # The reason also as data, so a window in another language can word it later; cancelled elsewhere, the
        # record stays the canceller's (its words, and its data when it gave some: a typed reason has none).
        data = kept if stop is not None and stop.code == N.CANCELLED_ELSEWHERE else \
            N.to_data(stop) if stop is not None else None
        with store.transaction():
            self._flush()
            store.set_campaign_state(cid, state, reason, data)
        if state == STOPPED:
            self._notice(N.notice(N.STOPPED_NOTICE, reason=stop))
        self._progress()
        code = self._stop_code if state == STOPPED else 0
        return RunResult(cid, state, reason, answered, self._counts.unknown_batches, recovered, code, stop)

    def _cancelled_elsewhere(self, store: Store, cid: int) -> bool:
        """Looks at the stored state at most every CANCEL_CHECK_S (a query per batch cost ~7% of a send)."""
        now = time.monotonic()
        if now - self._last_cancel_check < CANCEL_CHECK_S:
            return False
        self._last_cancel_check = now
        return store.campaign_state(cid) == CANCELLED

    def _suppressed(self) -> set[str]:
        """The suppression list, re-read every SUPPRESSION_CHECK_S: opt-outs that arrive while a campaign
        waits (scheduled) or runs are honoured by the batches that have not gone out yet."""
        now = time.monotonic()
        if now - self._suppressed_at >= SUPPRESSION_CHECK_S:
            self._suppressed_at = now
            self._suppressed_set = self.store.suppressed_mobiles()
        return self._suppressed_set

    def _without_opt_outs(self, batch: Batch, payload: str) -> tuple[Batch | None, str]:
        """The batch minus numbers suppressed since planning (stored so); (None, "") when none is left."""
        suppressed = self._suppressed()
        if not suppressed:
            return batch, payload
        if payload.startswith("["):
            numbers = [m for m, _v in _campaigns.decode_rows(payload)]
        else:
            numbers = _campaigns.decode_mobiles(payload)
        if suppressed.isdisjoint(numbers):
            return batch, payload
        new, left = self.store.drop_suppressed(batch, payload, suppressed)
        self._counts.skip(batch, batch.size - left, whole=new is None)
        self._notice(N.notice(N.OPTED_OUT, seq=batch.seq, numbers=batch.size - left))
        if new is None:
            return None, ""
        return dataclasses.replace(batch, size=left), new

    def _submit(self, executor: ThreadPoolExecutor | None, camp: Campaign, batch: Batch, payloads: dict[int, str]):
        """Commit the batch as ``sending`` (with the answers received so far, one transaction and one
        fsync) and send it. Returns (batch, future), or None when every number had opted out."""
        with self.store.transaction():
            self._flush()
            bid = batch.id
            batch, payload = self._without_opt_outs(batch, payloads[bid])
            if batch is None:
                del payloads[bid]
                return None
            payloads[bid] = payload  # a retry after "busy" sends what is stored now
            self.store.mark_sending(bid)
        if executor is None:
            return batch, _Now(self._request, camp, batch, payload)
        return batch, executor.submit(self._request, camp, batch, payload)

    def _request(self, camp: Campaign, batch: Batch, payload: str):
        """The gateway request (in a helper thread when window > 1: no store access here)."""
        if camp.kind == "template":
            return self.client.send_template(camp.content, camp.template_id, _campaigns.decode_rows(payload),
                                             code=camp.code, ext=batch.ext)
        # The payload is the request's own comma-joined ``mobile`` field: handed over as it is.
        return self.client.send(camp.content, payload, code=camp.code, ext=batch.ext)

    def _record(self, camp: Campaign, batch: Batch, fut) -> tuple[str, object]:
        """Wait for one answer and record it. Returns (outcome, detail)."""
        store = self.store
        try:
            result = fut.result()
        except LjTransportError as e:
            if e.maybe_delivered:
                return self._unknown(batch, str(e)), None
            store.mark_unsent(batch.id, None, str(e))
            return _RETRY, N.notice(N.UNREACHABLE_WAIT, message_zh=e.message_zh, message_en=_en(e))
        except LjLimitError as e:
            store.mark_rejected(batch.id, 0, str(e))
            return self._rejected(batch, 0, e)
        except LjApiError as e:
            if getattr(e, "maybe_delivered", False):  # an unreadable answer to a send
                return self._unknown(batch, str(e)), None
            if e.busy:
                store.mark_unsent(batch.id, e.code, str(e))
                return _RETRY, N.notice(N.BUSY_WAIT)
            if e.account_wide or e.code in _CAMPAIGN_WIDE or (camp.kind == "plain" and e.code in _PLAIN_CAMPAIGN_WIDE):
                store.mark_unsent(batch.id, e.code, str(e))
                self._stop_code = self._stop_code or e.code
                return _STOP, N.notice(N.REFUSED, code=e.code, message_zh=e.message_zh, message_en=_en(e))
            store.mark_rejected(batch.id, e.code, str(e))
            return self._rejected(batch, e.code, e)
        except BaseException:
            # Not an answer (a bug in the client, Ctrl-C): the request may be out. Unknown, then raise.
            self._unknown(batch, "发送途中出错，网关可能已接收 (failed mid-request)")
            raise
        self._deferred.append((batch.id, result.msg_id))  # committed with the next step, before anything else is sent
        self._counts.done(batch, B_ACCEPTED)
        self._progress()
        return _ACCEPTED, result.msg_id

    def _rejected(self, batch: Batch, code: int, error: Exception) -> tuple[str, object]:
        self._counts.done(batch, B_REJECTED)
        self._notice(N.notice(N.BATCH_REJECTED, seq=batch.seq, code=code,
                              message_zh=getattr(error, "message_zh", "") or str(error), message_en=_en(error)))
        self._progress()
        return _REJECTED, code

    def _unknown(self, batch: Batch, error: str) -> str:
        state = self.store.mark_unknown(batch.id, error)
        self._counts.done(batch, state)
        if state == B_UNKNOWN:
            self._notice(N.notice(N.BATCH_UNKNOWN, seq=batch.seq))
        self._progress()
        return _UNKNOWN if state == B_UNKNOWN else _ACCEPTED

    def _abandon(self, camp: Campaign, inflight: deque) -> None:
        """After an error in this thread: record what the requests still on their way answered."""
        while inflight:
            batch, fut = inflight.popleft()
            try:
                self._record(camp, batch, fut)
            except BaseException:  # noqa: BLE001 - recorded as unknown by _record; keep the first error
                log.warning("batch %s: no usable answer while stopping", batch.id)

    def _flush(self) -> None:
        """Write the deferred "accepted" answers (call inside a transaction)."""
        while self._deferred:
            batch_id, msg_id = self._deferred.pop(0)
            self.store.mark_accepted(batch_id, msg_id)

    # -- callbacks ------------------------------------------------------------------------------
    def _progress(self) -> None:
        if self.on_progress is not None:
            c = self._counts
            self.on_progress(c.done_batches, c.total_batches, c.sent_numbers, c.total_numbers)

    def _notice(self, n: Notice) -> None:
        log.info("campaign %s: %s", self.campaign_id, N.zh(n))
        if self.on_notice is not None:
            self.on_notice(n)


def _en(error: Exception) -> str:
    """The English of a client error (its ``message_en``), "" when it has none."""
    return getattr(error, "message_en", "") or ""


def _gave_up(wait: Notice) -> Notice:
    """The stop reason after the last wait of a busy (or unreachable) gateway."""
    if wait.code == N.UNREACHABLE_WAIT:
        return N.notice(N.UNREACHABLE_GAVE_UP, message_zh=wait["message_zh"], message_en=wait["message_en"])
    return N.notice(N.BUSY_GAVE_UP)


class _Counts:
    """Progress figures kept in memory during a run (no query per batch)."""

    def __init__(self) -> None:
        self.done_batches = self.total_batches = self.sent_numbers = self.total_numbers = 0
        self.unknown_batches = 0

    @classmethod
    def of(cls, batches: Sequence[Batch]) -> _Counts:
        c = cls()
        for b in batches:
            c.total_batches += 1
            c.total_numbers += b.size
            if b.state != B_PLANNED:
                c.done_batches += 1
            if b.state in (B_ACCEPTED, B_UNKNOWN):
                c.sent_numbers += b.size
            if b.state == B_UNKNOWN:
                c.unknown_batches += 1
        return c

    def skip(self, batch: Batch, numbers: int, *, whole: bool) -> None:
        """*numbers* of *batch* opted out before it went out (all of them when *whole*)."""
        self.total_numbers -= numbers
        if whole:
            self.total_batches -= 1

    def done(self, batch: Batch, state: str) -> None:
        self.done_batches += 1
        if state in (B_ACCEPTED, B_UNKNOWN):
            self.sent_numbers += batch.size
        if state == B_UNKNOWN:
            self.unknown_batches += 1


def run_campaign(store: Store, client, campaign_id: int, **kwargs) -> RunResult:
    """``CampaignRunner(store, client, campaign_id, **kwargs).run()``."""
    return CampaignRunner(store, client, campaign_id, **kwargs).run()
