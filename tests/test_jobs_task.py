"""Background tasks: results, progress, errors and cancellation reach the GUI thread as signals."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

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
