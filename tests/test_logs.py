"""The support log: where it goes, how it rotates, who may read it, and that no secret reaches it —
tested with a real send to the simulator at DEBUG level (urllib3's request lines included)."""

from __future__ import annotations

import json
import logging
import os
import re
import stat
import sys

import pytest
import requests

from ljsms_desktop import logs, paths
from ljsms_desktop.api import LjClient

PASSWORD = "Pa55-word-that-must-stay-secret"


@pytest.fixture
def log_home(tmp_path, monkeypatch):
    monkeypatch.setenv("LJSMS_HOME", str(tmp_path))
    yield tmp_path
    logs.setup_logging()          # detach from tmp_path: the next test gets its own file
    logging.getLogger(logs.LOGGER).setLevel(logging.WARNING)


def test_log_goes_to_the_logs_folder_rotating_5_x_2mb_and_private(log_home):
    path = logs.setup_logging()
    assert path == log_home / "logs" / "ljsms.log" == paths.log_path()
    logging.getLogger("ljsms_desktop.test").info("hello")
    handler = next(h for h in logging.getLogger(logs.LOGGER).handlers if getattr(h, "baseFilename", None))
    assert handler.maxBytes == 2 * 1024 * 1024 and handler.backupCount + 1 == 5
    assert "hello" in path.read_text(encoding="utf-8")
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # Rotated files are private too.
    handler.doRollover()
    logging.getLogger("ljsms_desktop.test").info("after rollover")
    if os.name == "posix":
        for p in (path, path.with_name("ljsms.log.1")):
            assert stat.S_IMODE(p.stat().st_mode) == 0o600, p


def test_default_log_folder_is_the_users_log_folder(monkeypatch):
    import platformdirs

    monkeypatch.delenv("LJSMS_HOME", raising=False)
    assert paths.log_dir() == __import__("pathlib").Path(platformdirs.user_log_dir("ljsms-desktop", appauthor=False))


def test_a_real_send_at_debug_level_leaves_no_secret_in_the_log(log_home, simulator):
    simulator.configure(password=PASSWORD)
    path = logs.setup_logging(debug=True)
    sent_bodies: list[bytes] = []
    session = requests.Session()
    session.hooks["response"].append(lambda r, *a, **k: sent_bodies.append(r.request.body or b""))
    log = logging.getLogger("ljsms_desktop.test")
    with LjClient(simulator.base_url, "demo", PASSWORD, session=session) as client:
        result = client.send("【联江科技】会员日八折，回T退订", ["13800138000"])
        assert result.msg_id
        # What a careless debug line might do: log the whole request body, a repr'd dict, a query string.
        body = sent_bodies[-1].decode() if isinstance(sent_bodies[-1], bytes) else sent_bodies[-1]
        log.debug("request body %s", body)
        log.debug("fields %r", json.loads(body))
        log.debug("GET /report?account=demo&key=%s&timestamp=1", json.loads(body)["key"])
        try:
            raise RuntimeError(f"login failed for demo/{PASSWORD}")
        except RuntimeError:
            log.exception("failure with the password in the exception text")
        client.balance()
    keys = {json.loads(b)["key"] for b in sent_bodies}
    assert len(sent_bodies) == 2 and all(len(k) == 32 for k in keys)  # same second: maybe one key
    text = path.read_text(encoding="utf-8")
    assert "urllib3.connectionpool" in text and "POST /api/v1/sms" in text, "urllib3's DEBUG lines are logged"
    assert "request body" in text and '"key": "***"' in text.replace("'", '"')
    # (the account may be masked too: an earlier test's password "demo" is a registered secret)
    assert "key=***" in text and re.search(r"login failed for \S+/\*\*\*", text)
    assert PASSWORD not in text
    for key in keys:
        assert key not in text


def test_the_redaction_covers_the_forms_a_key_takes():
    logs.register_secret("hunter2-long-secret")
    line = logs.redact('{"account": "a", "key": "0123abcd", "password":"x y"} key=abc&x=1 '
                       "{'key': 'zz'} hunter2-long-secret")
    assert "0123abcd" not in line and "abc&" not in line and "'zz'" not in line and "hunter2" not in line
    assert '"account": "a"' in line and "x=1" in line
    assert logs.redact("monkey business, keyboard") == "monkey business, keyboard"


def test_cli_logs_to_the_same_rotating_file(log_home):
    from ljsms_desktop.cli import main

    assert main(["suppress", "list"]) == 0
    assert "ljsms_desktop.cli: ljsms " in (log_home / "logs" / "ljsms.log").read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_an_uncaught_exception_shows_a_dialog_logs_it_and_keeps_the_window(qtbot, qapp, log_home):
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMainWindow

    from ljsms_desktop.ui.errors import install_error_dialog

    path = logs.setup_logging()
    saved = sys.excepthook, threading.excepthook
    try:
        reporter = install_error_dialog(qapp, path)
        window = QMainWindow()
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)

        def broken_slot():
            raise ValueError(f"slot broke with {PASSWORD}")

        logs.register_secret(PASSWORD)
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
        dialog = reporter.dialog
        assert window.isVisible()
        assert "ValueError" in dialog.message.text() and str(path) in dialog.message.text()
        assert "broken_slot" in dialog.details.toPlainText() and PASSWORD not in dialog.details.toPlainText()
        dialog.copy_button.click()
        assert "broken_slot" in QGuiApplication.clipboard().text()
        assert dialog.isVisible(), "复制详情 copies, it does not close the dialog"

        worker = threading.Thread(target=lambda: 1 / 0, name="worker-x")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: dialog.count == 2)
        assert "ZeroDivisionError" in dialog.details.toPlainText()
        assert window.isVisible()
        text = path.read_text(encoding="utf-8")
        assert "uncaught exception" in text and "broken_slot" in text
        assert "uncaught exception in thread worker-x" in text and "ZeroDivisionError" in text
        assert PASSWORD not in text
        dialog.close()
    finally:
        sys.excepthook, threading.excepthook = saved


def test_help_about_shows_version_data_folder_log_file_and_keyring(qtbot, log_home):
    from ljsms_desktop import __version__
    from ljsms_desktop.credentials import MemoryCredentials
    from ljsms_desktop.ui.app import create_window
    from ljsms_desktop.ui.demo import DemoEnvironment

    path = logs.setup_logging()
    env = DemoEnvironment()
    try:
        window = create_window(demo_env=env.start())
        qtbot.addWidget(window)
        assert isinstance(window.ctx.credentials, MemoryCredentials)
        action = window.findChild(type(window.settings_action), "aboutAction")
        action.trigger()
        dialog = window.findChild(__import__("ljsms_desktop.ui.about", fromlist=["AboutDialog"]).AboutDialog)
        assert dialog is not None and dialog.isVisible()
        assert __version__ in dialog.fields["aboutVersion"].text()
        assert dialog.fields["aboutDataFolder"].text() == str(env.home)
        assert dialog.fields["aboutLogFile"].text() == str(path)
        keyring_text = dialog.fields["aboutKeyring"].text()
        assert "仅本次运行" in keyring_text and "keyring.backends" in keyring_text
        dialog.copy()
        from PySide6.QtGui import QGuiApplication

        assert str(env.home) in QGuiApplication.clipboard().text()
        dialog.close()
        window.quit()
    finally:
        env.stop()
