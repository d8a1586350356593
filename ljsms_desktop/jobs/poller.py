"""The engine's report/reply poller on a QThread while the window is open.

Each poll is stored by the engine before anything else looks at it; the window hears about it by
a ``poll_status`` signal (plain data) and refreshes its views.
"""

from __future__ import annotations

import threading
import time

from ..changes import Changes
from .task import TaskContext, user_message

TASK_NAME = "poller"


def start_poller(ctx) -> None:
    """Start polling with ``ctx.settings.poll_interval`` (one poller at a time)."""
    if ctx.tasks.is_running(TASK_NAME) or not ctx.configured():
        return
    interval = max(1.0, float(ctx.settings.poll_interval))
    make_client, db_path = ctx.make_client, ctx.db_path
    wake = ctx._poll_wake = threading.Event()   # poll_now() (F5) sets it: the next poll starts at once

    def work(task: TaskContext) -> None:
        from ..engine import Poller
        from ..store import Store

        client = make_client()
        from ..engine.poller import PollerBusyError

        # Closing the window stops the poll after the pull in flight is stored (retry waits end at once); a pull
        # that could not be stored stays in the spool.
        poller = Poller(lambda: Store(db_path), client, interval, stop=task.cancel_event)
        try:
            while not task.cancelled:
                try:
                    result = poller.poll_once()
                except PollerBusyError:  # another window or `ljsms watch` pulls this account: wait, try again
                    task.emit("poll", {"error": None, "busy": True, "at": time.time()})
                except Exception as e:  # noqa: BLE001 - shown in the status bar, the loop goes on
                    task.emit("poll", {"error": user_message(e), "at": time.time()})
                else:
                    # lost_pulls / lost_items: pulls whose answer broke after the gateway handed them out
                    # (a code and counts; the window words them).
                    task.emit("poll", {"error": None, "at": time.time(), "reports": result.new_reports,
                                       "replies": result.new_replies, "opt_outs": result.opt_outs,
                                       "resolved": result.resolved_batches, "summary": result.summary_zh(),
                                       "lost_pulls": result.lost_pulls, "lost_items": result.lost_items,
                                       "more_waiting": result.more_waiting, "recovered": result.recovered,
                                       "suppression_mark": _suppression_mark(poller)})
                _wait(task, wake, interval)
        finally:
            poller.close()
            client.close()

    def on_event(kind: str, data: dict) -> None:
        data = dict(data, at_text=time.strftime("%H:%M:%S", time.localtime(data["at"])))
        if data["error"] is None and not data.get("busy"):
            ctx.note_contact(data["at"])
            ctx.notify(Changes(reports=bool(data.get("reports") or data.get("resolved")),
                               campaigns=bool(data.get("resolved")), replies=bool(data.get("replies")),
                               suppression=bool(data.get("opt_outs"))))
        ctx.poll_status.emit(data)

    ctx.tasks.run(TASK_NAME, work, on_event=on_event, on_error=lambda e: ctx.poll_status.emit(
        {"error": e, "at": time.time()}))


def _suppression_mark(poller):
    """The suppression list's fingerprint, read through the poll's own store (the window compares it with the last
    one to hear of numbers suppressed by another process); None when it cannot be read — the next poll tries again."""
    try:
        return poller.store().suppression_fingerprint()
    except Exception:  # noqa: BLE001 - only a hint
        return None


def _wait(task: TaskContext, wake: threading.Event, seconds: float) -> None:
    """Until the next poll: *seconds*, or less when cancelled or woken by ``poll_now``."""
    deadline = time.monotonic() + seconds
    while not task.cancelled:
        left = deadline - time.monotonic()
        if left <= 0:
            return
        if wake.wait(min(0.2, left)):
            wake.clear()
            return


def poll_now(ctx) -> bool:
    """F5: pull reports and replies now (wakes the running poller, or starts it). False when the
    account is not set up."""
    if not ctx.configured():
        return False
    if ctx.tasks.is_running(TASK_NAME):
        wake = getattr(ctx, "_poll_wake", None)
        if wake is not None:
            wake.set()
        return True
    start_poller(ctx)
    return True


def restart_poller(ctx) -> None:
    """Stop the running poller (if any) and start a new one with the current settings once it ended."""
    if not ctx.tasks.running(TASK_NAME):
        start_poller(ctx)
        return
    ctx.tasks.cancel(TASK_NAME)
    if getattr(ctx, "_poller_restart_pending", False):  # one restart at a time
        return
    ctx._poller_restart_pending = True

    def again() -> None:  # runs on the GUI thread: TaskManager.changed is emitted there
        if not ctx.tasks.running(TASK_NAME):
            ctx.tasks.changed.disconnect(again)
            ctx._poller_restart_pending = False
            start_poller(ctx)

    ctx.tasks.changed.connect(again)
