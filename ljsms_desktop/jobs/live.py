"""A team's changes, live: a worker LISTENs on its own connection (store.live) and the window's views hear them.

Notifications only wake: each becomes the typed ``Changes`` the views already filter for (AppContext.changes)
and they re-query from their last seen row. After a reconnect every kind is announced, so whatever happened
while the database was away is read again. ``ctx.team_status`` (when the context has it) gets
``{"up": bool, "error": text | None}``. Nothing runs for a data folder on SQLite.
"""

from __future__ import annotations

from ..changes import Changes
from .task import TaskContext

TASK_NAME = "team-live"


def start_live(ctx) -> bool:
    """Follow the team database of ``ctx.db_path`` (once); False when the folder works on SQLite."""
    from ..store import live

    db_path = ctx.db_path
    if not live.is_team(db_path):
        return False
    if ctx.tasks.is_running(TASK_NAME):
        return True

    def work(task: TaskContext) -> None:
        for kind, data in live.follow(db_path, task.cancel_event):
            if task.cancelled:
                return
            task.emit(kind, {"data": data})

    def on_event(kind: str, payload: dict) -> None:
        data = payload["data"]
        status = getattr(ctx, "team_status", None)
        if kind == "down":
            if status is not None:
                status.emit({"up": False, "error": data})
            return
        if kind == "up" and status is not None:
            status.emit({"up": True, "error": None})
        ctx.notify(Changes(**{k: True for k in data}))

    ctx.tasks.run(TASK_NAME, work, on_event=on_event)
    return True


def restart_live(ctx) -> None:
    """After the database changed (settings → 团队): stop following the old one, follow the new one (if any)."""
    if not ctx.tasks.running(TASK_NAME):
        start_live(ctx)
        return
    ctx.tasks.cancel(TASK_NAME)

    def again() -> None:   # on the GUI thread, once the old listener ended
        if not ctx.tasks.running(TASK_NAME):
            ctx.tasks.changed.disconnect(again)
            start_live(ctx)

    ctx.tasks.changed.connect(again)
