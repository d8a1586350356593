"""Campaigns off the GUI thread: create one from a plan, send it, resume it, cancel it.

``CampaignRunner`` (one per window, ``runner_for(ctx)``) wraps the engine in a Task. It sends one
campaign at a time — the account's balance and the gateway's rate are shared, and one clear
progress bar beats two half ones; a tab asking while another send runs is told so. Everything it
reports reaches the GUI thread as signals carrying plain data, tagged with the *origin* the caller
chose ("compose", "compose-test", "template", "schedule"), so each tab shows only its own runs:

- ``started(origin, info)``          info: name, recipients, cost, test, campaign_id (None until created)
- ``progressed(origin, data)``       numbers_done, numbers_total, batches_done, batches_total
- ``notice(origin, text)``           the engine's own words (busy waits, a batch left unknown, a stop)
- ``unknown_batches(origin, list)``  [{seq, size, error}] — batches the gateway may have accepted
- ``finished(origin, summary)``      the campaign's figures (``CampaignStats.to_dict()``), plus
  campaign_id, run_state, reason, cancelled, unknown_batches
- ``failed(origin, TaskError)``      why it stopped, in words (``message_zh``)
- ``busy_changed(bool)``

The engine decides everything about sending (states, retries, unknown batches, cancel at a
batch boundary); this module only carries its callbacks across the thread boundary.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from PySide6.QtCore import QObject, Signal

from ..changes import Changes
from .gc_pause import paused_gc
from .task import Task, TaskContext, TaskError

log = logging.getLogger(__name__)

TASK_NAME = "campaign"
TEST_PREFIX = "测试发送"


def _engine():
    from .. import engine  # imported late: the window starts without touching it

    return engine


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


def create_campaign(app_ctx, plan, *, name: str) -> int:
    """Store *plan* as a campaign (state ready) and return its id. Runs in a worker."""
    store = app_ctx.open_store()
    try:
        with paused_gc():
            return _engine().create_campaign(store, plan, name=name)
    finally:
        store.close()


def unknown_batches(store, campaign_id: int) -> list[dict[str, Any]]:
    """The campaign's batches whose fate is unknown, as plain data for the window."""
    return [{"seq": b.seq, "size": b.size, "error": b.error} for b in store.batches(campaign_id, "unknown")]


def send_campaign(tctx: TaskContext, app_ctx, control: _TaskControl, *, plan=None, campaign_id: int | None = None,
                  name: str = "", close_if_unsent: bool = False) -> dict[str, Any]:
    """Create (when given a *plan*) and send a campaign; return its figures. Runs in a worker.

    Events: ``created`` (campaign id), ``notice`` (the engine's words: busy waits, a batch left
    unknown, a stop), ``unknown`` (the list of unknown batches, after each batch that added one).
    A run the engine stopped (a refusal that applies to every batch: wrong password, balance…)
    raises :class:`CampaignStopped` with its reason, so the window shows it as a failure. With
    *close_if_unsent*, such a campaign that sent nothing at all is closed (cancelled) rather than
    left resumable: the user fixes the account and sends again from the tab, and a forgotten
    resumable copy must not go out a second time later.
    """
    eng = _engine()
    control.attach(tctx.cancel_event)
    store = app_ctx.open_store()
    try:
        if campaign_id is None:
            with paused_gc():
                campaign_id = eng.create_campaign(store, plan, name=name)
        tctx.emit("created", campaign_id)
        client = app_ctx.make_client()
        seen_unknown = [-1]

        def on_progress(done_b: int, total_b: int, sent_n: int, total_n: int) -> None:
            tctx.progress(batches_done=done_b, batches_total=total_b, numbers_done=sent_n, numbers_total=total_n)

        def on_notice(text: str) -> None:
            tctx.emit("notice", text)
            # A notice follows every batch that ended unknown: list them (a small indexed query).
            unknown = unknown_batches(store, campaign_id)
            if len(unknown) != seen_unknown[0]:
                seen_unknown[0] = len(unknown)
                if unknown:
                    tctx.emit("unknown", unknown)

        try:
            result = eng.run_campaign(store, client, campaign_id, control=control,
                                      on_progress=on_progress, on_notice=on_notice)
        finally:
            client.close()
        stats = store.stats(campaign_id).to_dict()
        stats["campaign_id"] = campaign_id
        stats["run_state"] = result.state
        stats["reason"] = result.reason
        stats["cancelled"] = result.state in ("cancelled", "paused")
        stats["unknown_batches"] = unknown_batches(store, campaign_id)
        if result.state == "stopped":
            if close_if_unsent and not (stats["accepted"] or stats["rejected"] or stats["unknown"]):
                store.set_campaign_state(campaign_id, "cancelled", f"{result.reason}（未发出任何短信，已关闭）")
            raise CampaignStopped(result.reason, stats, result.code)
        return stats
    finally:
        store.close()


class CampaignStopped(Exception):
    """The engine stopped the campaign for a reason that applies to every batch (in ``message_zh``)."""

    def __init__(self, reason: str, stats: dict[str, Any], code: int = 0):
        self.message_zh = reason or "发送已停止"
        self.message_en = "The campaign was stopped."
        self.stats = stats
        self.code = code  # the gateway's code (0: stopped for another reason, e.g. busy throughout)
        super().__init__(self.message_en)


class CampaignRunner(QObject):
    started = Signal(str, object)
    created = Signal(str, int)
    progressed = Signal(str, object)
    notice = Signal(str, str)
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

    def send_plan(self, plan, *, origin: str, name: str) -> bool:
        """Create a campaign from *plan* and send it. False (nothing done) when another send runs."""
        info = {"name": name, "recipients": len(plan.recipients), "cost": plan.cost,
                "batches": plan.batch_count, "campaign_id": None}
        return self._start(origin, info, lambda tctx, control: send_campaign(
            tctx, self.app, control, plan=plan, name=name, close_if_unsent=True))

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
            self.notice.emit(self._origin, str(payload))
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
