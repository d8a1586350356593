"""Campaigns off the GUI thread: create one from a plan, send it, resume it, cancel it.

``CampaignRunner`` (one per window, ``runner_for(ctx)``) wraps the engine in a Task. It sends one
campaign at a time — the account's balance and the gateway's rate are shared, and one clear
progress bar beats two half ones; a tab asking while another send runs is told so. Everything it
reports reaches the GUI thread as signals carrying plain data, tagged with the *origin* the caller
chose ("compose", "compose-test", "template", "schedule"), so each tab shows only its own runs:

- ``started(origin, info)``          info: name, recipients, cost, test, campaign_id (None until created)
- ``progressed(origin, data)``       numbers_done, numbers_total, batches_done, batches_total
- ``notice(origin, Notice)``         the engine's events as a code and parameters (``engine.notices``:
  busy waits, a batch left unknown, a stop), worded by ``ui/wording.notice``
- ``unknown_batches(origin, list)``  [{seq, size, error}] — batches the gateway may have accepted
- ``finished(origin, summary)``      the campaign's figures (``CampaignStats.to_dict()``), plus
  campaign_id, run_state, reason, cancelled, unknown_batches
- ``failed(origin, error)``          a ``TaskError``, or a :class:`RunStopped` (the engine stopped the
  campaign: its reason as a Notice in ``stop``, worded by ``ui/wording.message``)
- ``busy_changed(bool)``

What a send does is the use cases' (``usecases.send_draft`` / ``send_campaign``, the same road as
``ljsms send``): store the draft with the import's counts, send, close a fresh send that the engine
stopped before anything went out. This module only runs them in a Task and carries their callbacks
across the thread boundary.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from PySide6.QtCore import QObject, Signal

from ..changes import Changes
from ..core.campaign_names import TEST_PREFIX  # noqa: F401  (the tabs name their test sends with it)
from .gc_pause import paused_gc
from .task import Task, TaskContext, TaskError

log = logging.getLogger(__name__)

TASK_NAME = "campaign"


def services_of(app_ctx):
    """The use cases' ``Services`` from the window's context: a store and a client per worker, the
    collector paused while big campaigns are stored (``gc_pause``)."""
    from ..usecases import Services

    return Services(open_store=app_ctx.open_store, make_client=app_ctx.make_client, bulk=paused_gc)


class _TaskControl:
    """The engine's RunControl, also stopped by the Task's cancel flag (``TaskManager.shutdown``).

    The user's 取消 calls :meth:`cancel` (the rest is never sent); closing the window sets the
    Task's flag, which reads as a pause (the campaign can be resumed).
    """

    def __init__(self):
        from ..engine import RunControl

        self._control = RunControl()
        self._task_cancel = threading.Event()

    def attach(self, task_cancel: threading.Event) -> None:
        """Follow the Task's cancel flag too (called first thing in the worker)."""
        if self._task_cancel.is_set():
            task_cancel.set()
        self._task_cancel = task_cancel

    def cancel(self) -> None:
        self._control.cancel()

    @property
    def cancel_requested(self) -> bool:
        return self._control.cancel_requested

    @property
    def pause_requested(self) -> bool:
        return self._control.pause_requested or self._task_cancel.is_set()

    @property
    def stop_requested(self) -> bool:
        return self.pause_requested or self.cancel_requested

    def pause(self) -> None:
        self._control.pause()

    def wait(self, seconds: float) -> bool:
        """Sleep up to *seconds* (busy gateway), waking within 0.1 s when asked to stop."""
        deadline = time.monotonic() + max(0.0, seconds)
        while not self.stop_requested:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            self._task_cancel.wait(min(0.1, left))
        return True


def create_campaign(app_ctx, plan, *, name: str, import_invalid: int = 0, import_duplicates: int = 0) -> int:
    """Store *plan* (with the rows its import already left out) as a campaign in state ready and
    return its id (``usecases.store_draft``). Runs in a worker."""
    from ..usecases import Draft, store_draft

    return store_draft(services_of(app_ctx), Draft(plan, name, import_invalid, import_duplicates))


def _unknown_dicts(batches) -> list[dict[str, Any]]:
    return [{"seq": b.seq, "size": b.size, "error": b.error} for b in batches]


def send_campaign(tctx: TaskContext, app_ctx, control: _TaskControl, *, draft=None,
                  campaign_id: int | None = None) -> dict[str, Any]:
    """Store and send *draft* (``usecases.send_draft``), or send stored campaign *campaign_id*
    (``usecases.send_campaign``); return its figures. Runs in a worker.

    Events: ``created`` (campaign id), ``notice`` (an ``engine.notices.Notice``), ``unknown`` (the
    list of unknown batches, whenever one more turns up). A run the engine stopped (a refusal for
    every batch: wrong password, balance…) comes back with ``stop`` set; the runner reports it as
    a failure (:class:`RunStopped`).
    """
    from .. import usecases

    control.attach(tctx.cancel_event)

    def on_progress(done_b: int, total_b: int, sent_n: int, total_n: int) -> None:
        tctx.progress(batches_done=done_b, batches_total=total_b, numbers_done=sent_n, numbers_total=total_n)

    hooks = usecases.RunHooks(created=lambda cid: tctx.emit("created", cid), progress=on_progress,
                              notice=lambda n: tctx.emit("notice", n),
                              unknown=lambda batches: tctx.emit("unknown", _unknown_dicts(batches)) if batches else None)
    services = services_of(app_ctx)
    if draft is not None:
        outcome = usecases.send_draft(services, draft, control=control, hooks=hooks)
    else:
        tctx.emit("created", campaign_id)
        outcome = usecases.send_campaign(services, campaign_id, control=control, hooks=hooks)
    stats = outcome.stats.to_dict()
    stats["campaign_id"] = outcome.campaign_id
    stats["run_state"] = outcome.state
    stats["reason"] = outcome.stats.stop_reason
    stats["stop"] = outcome.stop
    stats["code"] = outcome.code
    stats["closed"] = outcome.closed
    stats["stopped"] = outcome.closed or outcome.state == "stopped"
    stats["cancelled"] = outcome.state in ("cancelled", "paused") and not outcome.closed
    stats["unknown_batches"] = _unknown_dicts(outcome.unknown_batches)
    return stats


class RunStopped:
    """The engine stopped a campaign for a reason that applies to every batch: what ``failed`` carries.

    Plain data like ``TaskError``: ``stop`` is the reason as an ``engine.notices.Notice`` (worded by
    ``ui/wording.message``), ``message_zh`` the words stored with the campaign, ``code`` the gateway's
    code (0: stopped for another reason, e.g. busy throughout), ``stats`` the campaign's figures.
    """

    maybe_delivered = False
    internal = False
    message_en = ""

    def __init__(self, stats: dict[str, Any]):
        self.stats = stats
        self.stop = stats.get("stop")
        self.code = int(stats.get("code") or 0)
        self.message_zh = stats.get("reason") or "发送已停止"


class CampaignRunner(QObject):
    started = Signal(str, object)
    created = Signal(str, int)
    progressed = Signal(str, object)
    notice = Signal(str, object)
    unknown_batches = Signal(str, object)
    finished = Signal(str, object)
    failed = Signal(str, object)
    busy_changed = Signal(bool)

    def __init__(self, app_ctx, parent: QObject | None = None):
        super().__init__(parent)
        self.setObjectName("campaignRunner")
        self.app = app_ctx
        self._task: Task | None = None
        self._control: _TaskControl | None = None
        self._origin = ""
        self.campaign_id: int | None = None

    @property
    def busy(self) -> bool:
        return self._task is not None

    @property
    def origin(self) -> str:
        return self._origin if self._task is not None else ""

    def send_plan(self, plan, *, origin: str, name: str, import_invalid: int = 0, import_duplicates: int = 0) -> bool:
        """Create a campaign from *plan* (its import left out *import_invalid* / *import_duplicates* rows)
        and send it. False (nothing done) when another send runs."""
        from ..usecases import Draft

        return self.send_draft(Draft(plan, name, import_invalid, import_duplicates), origin=origin)

    def send_draft(self, draft, *, origin: str) -> bool:
        """Store *draft* (``usecases.Draft``) as a campaign and send it, as ``ljsms send`` does."""
        plan = draft.plan
        info = {"name": draft.name, "recipients": len(plan.recipients), "cost": plan.cost,
                "batches": plan.batch_count, "campaign_id": None}
        return self._start(origin, info, lambda tctx, control: send_campaign(tctx, self.app, control, draft=draft))

    def run_campaign(self, campaign_id: int, *, origin: str, name: str = "", recipients: int = 0) -> bool:
        """Send (or resume) stored campaign *campaign_id*."""
        info = {"name": name, "recipients": recipients, "campaign_id": campaign_id}
        return self._start(origin, info, lambda tctx, control: send_campaign(
            tctx, self.app, control, campaign_id=campaign_id))

    def cancel(self) -> None:
        """Stop after the request in flight; the remaining batches are never sent."""
        if self._control is not None:
            self._control.cancel()

    def _start(self, origin: str, info: dict, fn) -> bool:
        if self._task is not None:
            return False
        self._origin = origin
        self.campaign_id = info.get("campaign_id")
        control = self._control = _TaskControl()
        self._task = self.app.tasks.run(TASK_NAME, lambda tctx: fn(tctx, control), on_success=self._done,
                                        on_error=self._error, on_progress=self._progress, on_event=self._event,
                                        on_cancel=self._cancelled)
        self.busy_changed.emit(True)
        self.started.emit(origin, info)
        return True

    # -- task callbacks (GUI thread) ---------------------------------------------------------------
    def _progress(self, data: dict) -> None:
        self.progressed.emit(self._origin, data)

    def _event(self, kind: str, payload) -> None:
        if kind == "created":
            self.campaign_id = int(payload)
            self.created.emit(self._origin, int(payload))
        elif kind == "notice":
            self.notice.emit(self._origin, payload)
        elif kind == "unknown":
            self.unknown_batches.emit(self._origin, payload)

    def _end(self) -> str:
        origin = self._origin
        self._task = None
        self._control = None
        self.busy_changed.emit(False)
        self.app.notify(Changes(campaigns=True))
        self.app.refresh_balance()
        return origin

    def _done(self, summary: dict) -> None:
        origin = self._end()
        if summary.get("stopped"):
            self.failed.emit(origin, RunStopped(summary))
        else:
            self.finished.emit(origin, summary)

    def _cancelled(self) -> None:
        origin = self._end()
        self.finished.emit(origin, {"cancelled": True, "campaign_id": self.campaign_id})

    def _error(self, error: TaskError) -> None:
        origin = self._end()
        self.failed.emit(origin, error)


def runner_for(app_ctx) -> CampaignRunner:
    """The window's one CampaignRunner (a child of the AppContext, made on first use)."""
    runner = app_ctx.findChild(CampaignRunner, "campaignRunner")
    if runner is None:
        runner = CampaignRunner(app_ctx, app_ctx)
    return runner
