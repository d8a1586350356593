"""One unit of background work on its own QThread (modelled on Electrum's TaskThread and Vorta's jobs).

A ``Task`` runs ``fn(ctx)`` in a worker thread. ``ctx.progress(**data)`` reports progress (throttled), and
``ctx.cancelled`` tells the work to stop at its next checkpoint. When ``fn`` returns, ``succeeded(result)``
fires on the GUI thread; when it raises, ``failed(TaskError)`` fires with a message a marketer understands.
``TaskManager`` keeps a reference to every running task and cancels and joins them on close.

The manager is a typed operation runner (modelled on Anki's ``aqt.operations``):
- ``key``: a newer request under the same key supersedes the older one — the older is cancelled
  and its callbacks are never called, so a tab needs no sequence counter of its own;
- ``owner``: the widget that asked; once it is destroyed its callbacks are simply not called;
- what changed: work returns ``Outcome(value, Changes(...))`` (or calls ``ctx.changed(...)`` while it
  runs); the manager's ``changes`` signal announces it on the GUI thread, whoever asked.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QThread, Signal, Slot
from shiboken6 import isValid

from ..changes import Changes, Outcome

log = logging.getLogger(__name__)
T = TypeVar("T")


class Cancelled(Exception):
    """Raised by ``TaskContext.check()`` when the user cancelled."""


@dataclass(frozen=True)
class TaskError:
    """A failure as the window shows it: plain data, safe to pass between threads."""

    message_zh: str
    message_en: str = ""
    code: int = 0
    maybe_delivered: bool = False
    internal: bool = False  # a bug rather than a known failure; details are in the log


def user_message(exc: BaseException) -> TaskError:
    """Turn any exception into words for the user; unknown ones are logged with their traceback."""
    zh = getattr(exc, "message_zh", None)
    if zh:
        code = getattr(exc, "code", 0)   # the gateway's number; a use case's code is a word (UseCaseError)
        return TaskError(zh, getattr(exc, "message_en", "") or "", code if isinstance(code, int) else 0,
                         bool(getattr(exc, "maybe_delivered", False)))
    log.error("unexpected error in background task\n%s", "".join(traceback.format_exception(exc)))
    return TaskError(f"内部错误：{type(exc).__name__}。详情已写入日志，请把日志发给技术支持。",
                     f"Internal error: {type(exc).__name__}; details are in the log.", internal=True)


class TaskContext:
    """What the work function sees: progress reporting and the cancel flag. Thread-safe, no Qt inside."""

    def __init__(self, task: Task, min_interval: float = 0.05):
        self._task = task
        self.cancel_event = threading.Event()
        self._min_interval = min_interval
        self._last = 0.0

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()

    def check(self) -> None:
        if self.cancel_event.is_set():
            raise Cancelled()

    def progress(self, force: bool = False, **data: Any) -> None:
        """Report progress; at most one signal per ``min_interval`` unless *force*."""
        now = time.monotonic()
        if force or now - self._last >= self._min_interval:
            self._last = now
            self._task.progressed.emit(data)

    def emit(self, kind: str, payload: Any) -> None:
        """An event that must not be throttled away (e.g. a batch became unknown)."""
        self._task.event.emit(kind, payload)

    def changed(self, changes: Changes) -> None:
        """Announce what the work changed so far (e.g. a poll stored reports); never throttled."""
        if changes:
            self._task.changes.emit(changes)


class Task(QThread):
    progressed = Signal(object)          # dict of plain data
    event = Signal(str, object)          # kind, plain data
    succeeded = Signal(object)           # fn's result
    failed = Signal(object)              # TaskError
    cancelled = Signal()
    changes = Signal(object)             # Changes

    def __init__(self, name: str, fn: Callable[[TaskContext], Any], parent: QObject | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.name = name
        self._fn = fn
        self.ctx = TaskContext(self)

    def cancel(self) -> None:
        self.ctx.cancel_event.set()

    def run(self) -> None:  # worker thread
        try:
            result = self._fn(self.ctx)
        except Cancelled:
            self.cancelled.emit()
        except BaseException as e:  # noqa: BLE001 - every failure must reach the GUI as a signal
            if type(e).__name__ in ("Cancelled", "CancelledError"):  # the engine's and the import's own
                self.cancelled.emit()
            else:
                self.failed.emit(user_message(e))
        else:
            if isinstance(result, Outcome):
                if result.changes:
                    self.changes.emit(result.changes)
                result = result.value
            if self.ctx.cancelled and result is None:
                self.cancelled.emit()
            else:
                self.succeeded.emit(result)


@dataclass
class _Entry:
    """What the manager keeps for a running task: the caller's callbacks and what binds them."""

    callbacks: dict[str, Callable | None]
    key: str | None = None
    owner: QObject | None = None
    superseded: bool = False
    owner_link: Any = None               # the owner.destroyed connection, dropped when the task ends


class TaskManager(QObject):
    """Holds every running task until it ends; ``shutdown()`` cancels and joins them all.

    Callbacks given to ``run`` are called on the GUI thread: the task's signals are connected to
    this object's slots (this object lives on the GUI thread, so the connections are queued), never
    straight to a lambda, which would run in the worker thread.
    """

    changed = Signal()                   # the set of running tasks changed
    changes = Signal(object)             # Changes: what a task changed in the local record

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._tasks: dict[Task, _Entry] = {}
        self._closed = False

    def run(self, name: str, fn: Callable[[TaskContext], T | Outcome[T]], *, key: str | None = None,
            owner: QObject | None = None, on_success: Callable[[T], Any] | None = None,
            on_error: Callable[[TaskError], Any] | None = None,
            on_progress: Callable[[dict[str, Any]], Any] | None = None, on_cancel: Callable[[], Any] | None = None,
            on_event: Callable[[str, Any], Any] | None = None) -> Task:
        """Start ``fn(ctx)`` on a worker thread; the callbacks run on the GUI thread.

        *key*: a running task under the same key is superseded (cancelled, its callbacks dropped).
        *owner*: the object that asked; after it is destroyed its callbacks are not called and its
        task is cancelled."""
        task = Task(name, fn)
        if self._closed:  # the window is closing: nothing new starts (the task is returned unstarted)
            log.info("not starting %s: shutting down", name)
            return task
        if key is not None:
            self.discard(key)
        entry = _Entry({"success": on_success, "error": on_error, "progress": on_progress,
                        "cancel": on_cancel, "event": on_event}, key, owner)
        if owner is not None:
            cancel_event = task.ctx.cancel_event  # not the task: it may be deleted before the owner
            entry.owner_link = owner.destroyed.connect(lambda *_: cancel_event.set())
        self._tasks[task] = entry
        task.changes.connect(self._on_changes)
        task.succeeded.connect(self._on_succeeded)
        task.failed.connect(self._on_failed)
        task.progressed.connect(self._on_progress)
        task.cancelled.connect(self._on_cancelled)
        task.event.connect(self._on_event)
        task.finished.connect(self._on_finished)
        task.start()
        self.changed.emit()
        return task

    def _callback(self, kind: str):
        entry = self._tasks.get(self.sender())
        if entry is None or entry.superseded:
            return None
        if entry.owner is not None and not isValid(entry.owner):  # the widget that asked is gone
            return None
        return entry.callbacks.get(kind)

    def discard(self, key: str) -> None:
        """Cancel the work running under *key* and drop its callbacks: its answer is no longer wanted."""
        for task, entry in self._tasks.items():
            if entry.key == key and not entry.superseded:
                entry.superseded = True
                entry.callbacks = {}
                task.cancel()

    @Slot(object)
    def _on_changes(self, changes) -> None:
        self.changes.emit(changes)

    @Slot(object)
    def _on_succeeded(self, result) -> None:
        if cb := self._callback("success"):
            cb(result)

    @Slot(object)
    def _on_failed(self, error) -> None:
        if cb := self._callback("error"):
            cb(error)
        else:
            entry = self._tasks.get(self.sender())
            log.log(logging.INFO if entry is None or entry.superseded else logging.WARNING, "task %s failed: %s",
                    getattr(self.sender(), "name", "?"), error.message_en or error.message_zh)

    @Slot(object)
    def _on_progress(self, data) -> None:
        if cb := self._callback("progress"):
            cb(data)

    @Slot()
    def _on_cancelled(self) -> None:
        if cb := self._callback("cancel"):
            cb()

    @Slot(str, object)
    def _on_event(self, kind, payload) -> None:
        if cb := self._callback("event"):
            cb(kind, payload)

    @Slot()
    def _on_finished(self) -> None:
        task = self.sender()
        if task in self._tasks:
            self._forget(task)
            self.changed.emit()

    def _forget(self, task: Task) -> None:
        entry = self._tasks.pop(task)
        if entry.owner_link is not None and entry.owner is not None and isValid(entry.owner):
            QObject.disconnect(entry.owner_link)
        task.deleteLater()

    def running(self, name: str | None = None) -> list[Task]:
        return [t for t in self._tasks if name is None or t.name == name]

    def is_running(self, name: str) -> bool:
        return any(t.name == name and t.isRunning() for t in self._tasks)

    def cancel(self, name: str) -> None:
        for t in self.running(name):
            t.cancel()

    def shutdown(self, timeout_ms: int = 15000) -> bool:
        """Cancel every task and wait for each to end. True when all ended in time. No task starts after."""
        self._closed = True
        tasks = list(self._tasks)
        for t in tasks:
            t.cancel()
        ok = True
        deadline = time.monotonic() + timeout_ms / 1000
        for t in tasks:
            left = max(0, int((deadline - time.monotonic()) * 1000))
            if t.wait(left):
                # Joined: forget it now, so no late queued signal reaches a closing window.
                self._forget(t)
            else:
                ok = False
                log.error("task %s did not stop in time", t.name)
        if tasks:
            self.changed.emit()
        return ok
