"""Background tasks: results, progress, errors and cancellation reach the GUI thread as signals."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QThread

from ljsms_desktop.api import LjApiError
from ljsms_desktop.jobs import TaskManager


def test_result_and_progress_arrive_on_the_gui_thread(qtbot):
    mgr = TaskManager()
    seen = {}
    gui = QThread.currentThread()

    def work(ctx):
        seen["worker"] = threading.current_thread().name
        for i in range(3):
            ctx.progress(force=True, done=i + 1, total=3)
        return 42

    def on_progress(data):
        seen.setdefault("progress", []).append(data["done"])
        assert QThread.currentThread() is gui

    def on_success(result):
        seen["result"] = result
        seen["success_thread_is_gui"] = QThread.currentThread() is gui

    mgr.run("t", work, on_success=on_success, on_progress=on_progress)
    qtbot.waitUntil(lambda: "result" in seen and not mgr.running())
    assert seen["result"] == 42 and seen["success_thread_is_gui"] and seen["progress"] == [1, 2, 3]
    assert seen["worker"] != threading.main_thread().name


def test_errors_become_words(qtbot):
    mgr = TaskManager()
    errors = []

    def work(ctx):
        raise LjApiError(40008, "key error")

    mgr.run("t", work, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors) and not mgr.running())
    assert errors[0].code == 40008 and "密码" in errors[0].message_zh and not errors[0].internal

    def bug(ctx):
        return 1 / 0

    mgr.run("bug", bug, on_error=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 2)
    assert errors[1].internal and "ZeroDivisionError" in errors[1].message_zh and "Traceback" not in errors[1].message_zh


def test_cancel_is_reported_and_shutdown_joins(qtbot):
    mgr = TaskManager()
    started = threading.Event()
    cancelled = []

    def work(ctx):
        started.set()
        while True:
            ctx.check()
            ctx.cancel_event.wait(0.01)

    mgr.run("long", work, on_cancel=lambda: cancelled.append(True))
    assert started.wait(5)
    mgr.cancel("long")
    qtbot.waitUntil(lambda: cancelled == [True] and not mgr.running())

    started.clear()
    task = mgr.run("long", work, on_cancel=lambda: cancelled.append(True))
    assert started.wait(5)
    assert mgr.shutdown(5000)
    assert task.isFinished() and not mgr.running()  # joined and forgotten: nothing reaches a closed window


def _blocking(started: threading.Event, release: threading.Event, value, seen_cancel: list):
    def work(ctx):
        started.set()
        release.wait(5)
        seen_cancel.append(ctx.cancelled)
        return value
    return work


def test_a_newer_request_under_the_same_key_supersedes_the_older(qtbot):
    mgr = TaskManager()
    got, cancelled_flags = [], []
    first_started, release = threading.Event(), threading.Event()
    mgr.run("plan", _blocking(first_started, release, "old", cancelled_flags), key="plan", on_success=got.append,
            on_cancel=lambda: got.append("old cancelled"))
    assert first_started.wait(5)
    mgr.run("plan", lambda ctx: "new", key="plan", on_success=got.append)
    mgr.run("other", lambda ctx: "unrelated", key="other", on_success=got.append)
    qtbot.waitUntil(lambda: len(got) == 2)
    release.set()
    qtbot.waitUntil(lambda: not mgr.running())
    assert sorted(got) == ["new", "unrelated"]        # the old answer (and its cancel) never reaches the caller
    assert cancelled_flags == [True]                  # ... and the old work was told to stop


def test_discard_drops_the_answer_of_the_work_under_a_key(qtbot):
    mgr = TaskManager()
    got, flags = [], []
    started, release = threading.Event(), threading.Event()
    mgr.run("import", _blocking(started, release, "rows", flags), key="import", on_success=got.append,
            on_error=got.append, on_cancel=lambda: got.append("cancelled"))
    assert started.wait(5)
    mgr.discard("import")
    release.set()
    qtbot.waitUntil(lambda: not mgr.running())
    assert got == [] and flags == [True]


def test_callbacks_of_a_destroyed_widget_are_not_called_but_its_changes_are_announced(qtbot):
    from shiboken6 import delete
    from PySide6.QtWidgets import QWidget

    from ljsms_desktop.changes import Changes, Outcome

    mgr = TaskManager()
    announced, got, flags = [], [], []
    mgr.changes.connect(announced.append)
    owner = QWidget()
    started, release = threading.Event(), threading.Event()

    def work(ctx):
        started.set()
        release.wait(5)
        flags.append(ctx.cancelled)
        return Outcome("saved", Changes(templates=True))

    mgr.run("save", work, owner=owner, on_success=got.append, on_error=got.append, on_cancel=lambda: got.append(0))
    assert started.wait(5)
    delete(owner)                     # the dialog or tab that asked is closed and deleted
    release.set()
    qtbot.waitUntil(lambda: not mgr.running())
    assert got == [] and flags == [True]
    assert announced == [Changes(templates=True)]   # the record changed all the same


def test_typed_changes_arrive_on_the_gui_thread_before_the_result(qtbot):
    from ljsms_desktop.changes import Changes, Outcome

    mgr = TaskManager()
    gui = QThread.currentThread()
    order = []
    mgr.changes.connect(lambda c: order.append((c, QThread.currentThread() is gui)))
    owner = QThread()   # any live QObject

    def work(ctx):
        ctx.changed(Changes(reports=True))
        ctx.changed(Changes())          # nothing changed: nothing announced
        return Outcome(7, Changes(suppression=True, replies=True))

    mgr.run("poll", work, owner=owner, on_success=lambda v: order.append(v))
    qtbot.waitUntil(lambda: not mgr.running() and 7 in order)
    assert order == [(Changes(reports=True), True), (Changes(replies=True, suppression=True), True), 7]
    both = Changes(reports=True) | Changes(templates=True)
    assert both.kinds == {"reports", "templates"} and both.touches(Changes(templates=True))
    assert not Changes() and not Changes(campaigns=True).touches(Changes(reports=True))


def test_shutdown_cancels_and_joins_keyed_and_owned_work(qtbot):
    from PySide6.QtWidgets import QWidget

    mgr = TaskManager()
    owner = QWidget()
    qtbot.addWidget(owner)
    started = [threading.Event() for _ in range(3)]
    got = []

    def work_for(i):
        def work(ctx):
            started[i].set()
            while not ctx.cancelled:
                ctx.cancel_event.wait(0.01)
            return i
        return work

    tasks = [mgr.run("a", work_for(0), key="a", owner=owner, on_success=got.append),
             mgr.run("b", work_for(1), owner=owner, on_success=got.append),
             mgr.run("c", work_for(2), key="c", on_success=got.append)]
    assert all(e.wait(5) for e in started)
    assert mgr.shutdown(5000)
    assert all(t.isFinished() for t in tasks) and not mgr.running()
    QCoreApplication.processEvents()   # deliver any answer still queued: none may reach a closed window
    assert got == []
    late = mgr.run("d", lambda ctx: 1, on_success=got.append)
    assert not late.isRunning() and not mgr.running()
