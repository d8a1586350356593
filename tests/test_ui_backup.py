"""The window: 文件 → 从备份恢复…, a damaged data file at start, unusable settings/schedules said visibly."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton

from ljsms_desktop.settings import Settings
from ljsms_desktop.store import Store, backup
from ljsms_desktop.ui.restore_dialog import RestoreDialog

NUMBER = "13800138000"


@pytest.fixture
def open_window(open_window):
    """conftest's, with the home folder first and its own settings unless given; no password."""
    def make(home, *, settings: Settings | None = None):
        return open_window(home=home, settings=settings, password="")

    return make


def fill(home):
    with Store(home / "ljsms.sqlite3") as store:
        store.suppress([NUMBER], "TD", "reply")
        store.create_campaign(kind="plain", content="【联江】你好，回T退订", batches=[["13900139000"]],
                              batch_parts=[1])


def suppressed(home) -> list[str]:
    with Store(home / "ljsms.sqlite3") as store:
        return [e.mobile for e in store.suppressed()]


def test_restore_from_the_file_menu(open_window, qtbot, tmp_path):
    home = tmp_path / "home"
    fill(home)
    taken = backup.take_backup(home / "ljsms.sqlite3", now=datetime.now() - timedelta(days=1))
    with Store(home / "ljsms.sqlite3") as store:
        store.unsuppress([NUMBER])
    w = open_window(home, settings=Settings())
    qtbot.waitUntil(lambda: not w.ctx.tasks.is_running("store-check"), timeout=5000)
    assert w.guard.restore_action in w.menuBar().actions()[0].menu().actions()

    w.guard.restore_action.trigger()
    dialog = w.findChild(RestoreDialog, "restoreDialog")
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 2, timeout=5000)   # yesterday's + today's
    rows = [dialog.list.topLevelItem(i) for i in range(2)]
    assert rows[1].text(0) == datetime.strptime(taken.name[6:21], "%Y%m%d-%H%M%S").strftime("%Y-%m-%d %H:%M:%S")
    assert rows[1].text(1).endswith("KB")
    dialog.list.setCurrentItem(rows[1])
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.confirm is not None and dialog.confirm.isVisible(), timeout=3000)
    with qtbot.waitSignal(w.guard.restored, timeout=10000) as restored:
        dialog.confirm.button(QMessageBox.StandardButton.Yes).click()
    assert restored.args[0].kept is not None
    assert suppressed(home) == [NUMBER]
    done = w.findChild(QMessageBox, "restoredDialog")
    assert done is not None and "已从备份恢复" in done.text()


def test_a_damaged_file_at_start_offers_the_newest_backup(open_window, qtbot, tmp_path):
    home = tmp_path / "home"
    fill(home)
    backup.take_backup(home / "ljsms.sqlite3")
    (home / "ljsms.sqlite3").write_bytes(b"")
    w = open_window(home, settings=Settings())
    qtbot.waitUntil(lambda: w.findChild(QMessageBox, "damagedDialog") is not None, timeout=5000)
    box = w.findChild(QMessageBox, "damagedDialog")
    assert "0 字节" in box.text() and "最近的备份" in box.text()
    assert (home / "ljsms.sqlite3").stat().st_size == 0    # nothing started afresh over it
    reload = qtbot.waitSignal(w.ctx.changes, timeout=10000,    # every view is told to reload
                              check_params_cb=lambda c: c.campaigns and c.suppression and c.reports)
    with reload, qtbot.waitSignal(w.guard.restored, timeout=10000):
        box.findChild(QPushButton, "restoreNewestButton").click()
    assert suppressed(home) == [NUMBER]


def test_a_restore_is_refused_while_the_file_is_busy(open_window, qtbot, tmp_path):
    home = tmp_path / "home"
    fill(home)
    taken = backup.take_backup(home / "ljsms.sqlite3")
    w = open_window(home, settings=Settings())
    other = Store(home / "ljsms.sqlite3")    # e.g. `ljsms watch` in a terminal
    try:
        with qtbot.waitSignal(w.guard.restore_failed, timeout=10000) as failed:
            w.guard.restore(taken)
        assert "另一个窗口或命令" in failed.args[0].message_zh
        assert w.findChild(QMessageBox, "restoreFailedDialog") is not None
    finally:
        other.close()


def test_unusable_settings_and_schedules_are_shown(open_window, qtbot, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.json").write_text('{"base_url": 5, "account": 7, "poll_interval": null}', encoding="utf-8")
    due = (datetime.now() + timedelta(days=1)).isoformat(timespec="seconds")
    (home / "schedules.json").write_text(json.dumps([{"campaign_id": 1, "due": due}, {"campaign_id": 2, "due": "?"}]),
                                         encoding="utf-8")
    w = open_window(home)        # the window's own Settings.load
    label = w.findChild(QLabel, "fileNoticeLabel")
    assert label.isVisible() and "4" in label.text()
    assert "网关地址" in label.toolTip() and "定时发送列表中有 1 项无法读取" in label.toolTip()
    assert "settings.json.bad-" in label.toolTip() and "schedules.json.bad-" in label.toolTip()
    details = w.guard.show_notices()
    assert details.isVisible()
    assert "拉取间隔" in details.text()
    details.close()

    dialog = w.open_settings()
    notices = dialog.findChild(QLabel, "settingsNotices")
    assert notices is not None and "账号" in notices.text()
    dialog.close()
    w.ctx.settings.account = "demo"
    w.ctx.save_settings()         # saved: the settings notices are gone, the schedule one stays
    qtbot.waitUntil(lambda: "1" in label.text() and "网关地址" not in label.toolTip(), timeout=3000)


def test_a_good_start_shows_no_notice_and_takes_the_days_backup(open_window, qtbot, tmp_path):
    home = tmp_path / "home"
    fill(home)
    w = open_window(home, settings=Settings())
    qtbot.waitUntil(lambda: len(backup.list_backups(home / "ljsms.sqlite3")) == 1, timeout=5000)
    assert not w.findChild(QLabel, "fileNoticeLabel").isVisible()
    assert w.guard.damage is None


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_window_ini_is_private(open_window, qtbot, tmp_path):
    old = os.umask(0o022)
    try:
        home = tmp_path / "home"
        w = open_window(home, settings=Settings())
        w.save_state()
        assert stat.S_IMODE(os.stat(home / "window.ini").st_mode) == 0o600
        assert stat.S_IMODE(os.stat(home).st_mode) == 0o700
    finally:
        os.umask(old)
