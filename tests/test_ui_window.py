"""The main window against the simulator over loopback: shell, status bar, settings, poller, views, demo."""

from __future__ import annotations

import json

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView, QTabWidget, QWidget

from ljsms_desktop.api import LjClient
from ljsms_desktop.credentials import MemoryCredentials
from ljsms_desktop.ui.settings_dialog import SettingsDialog

SIGNED = "【联江科技】会员日全场八折，回T退订"


def test_named_widgets_and_tabs(open_window, simulator):
    w = open_window(simulator)
    assert w.objectName() == "mainWindow"
    tabs = w.findChild(QTabWidget, "tabs")
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["发送短信", "模板群发", "发送记录", "状态报告", "上行回复",
                                                                "退订名单"]
    for name in ("composeTab", "templateTab", "campaignsTab", "reportsTab", "repliesTab", "balanceIndicator"):
        assert w.findChild(QWidget, name) is not None, name
    for name in ("reportsView", "repliesView", "campaignsView", "suppressionView"):
        assert w.findChild(QTableView, name) is not None, name


def test_balance_indicator_states(open_window, make_simulator, qtbot):
    sim = make_simulator(balance=800)
    w = open_window(sim)
    qtbot.waitUntil(lambda: w.balance.balance == 800, timeout=5000)
    assert w.balance.text.text() == "剩余 800 条"
    assert w.balance.state == "low"  # default threshold 1000 → amber
    w.balance.set_threshold(100)
    assert w.balance.state == "ok"
    w.balance.set_required(801)
    assert w.balance.state == "short" and "余额不足" in w.balance.toolTip()
    w.balance.set_required(None)
    assert "最近连接网关" in w.contact_label.text()


def test_a_balance_beyond_32_bits_is_shown(open_window, make_simulator, qtbot):
    w = open_window(make_simulator(balance=10**12))
    qtbot.waitUntil(lambda: w.balance.balance == 10**12, timeout=5000)
    assert w.balance.text.text() == "剩余 1,000,000,000,000 条"


def test_balance_error_is_an_icon_with_the_reason_not_a_dialog(open_window, make_simulator, qtbot):
    sim = make_simulator(password="another")
    w = open_window(sim)
    qtbot.waitUntil(lambda: w.balance.error is not None, timeout=5000)
    assert w.balance.state == "error" and w.balance.icon.isVisible()
    assert "密码错误" in w.balance.toolTip()
    assert QApplication.activeModalWidget() is None


def test_poller_stores_reports_and_replies_and_views_show_them(open_window, simulator, qtbot):
    w = open_window(simulator)
    with LjClient(simulator.base_url, "demo", "demo") as c:
        r = c.send(SIGNED, ["13800138000", "13900139000"], code="77")
    simulator.make_all_due()
    simulator.add_reply("13800138000", "退订", expand="77", msg_id=r.msg_id)
    qtbot.waitUntil(lambda: w.reports.model.rowCount() == 2 and w.replies.model.rowCount() == 1, timeout=8000)
    qtbot.waitUntil(lambda: w.reports.model.loaded_row(1) is not None and w.replies.model.loaded_row(0) is not None,
                    timeout=5000)   # lazy tables: rows arrive page by page (ui/lazy_table.py)
    assert {w.reports.model.loaded_row(i).mobile for i in range(2)} == {"13800138000", "13900139000"}
    row = w.replies.model.loaded_row(0)
    assert row.mobile == "13800138000" and row.content == "退订" and row.opt_out
    assert "拉取" in w.poll_label.text()


def test_first_start_opens_settings_and_saves_password_only_in_the_keyring(open_window, make_simulator, qtbot):
    simulator = make_simulator(password="S3cret-pw")
    w = open_window(None, account="", credentials=None)  # no keyring works on this "machine"
    dialog = None
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), SettingsDialog), timeout=5000)
    dialog = QApplication.activeModalWidget()
    assert dialog.objectName() == "settingsDialog"
    assert dialog.findChild(QWidget, "tryDemoButton") is not None
    assert "没有可用的系统钥匙串" in dialog.keyring_note.text() and dialog.keep_memory.isVisible()
    dialog.base_url.setText(simulator.base_url)
    dialog.account.setText("demo")
    dialog.password.setText("wrong-pass")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "连接失败" in dialog.test_result.text(), timeout=5000)
    assert "密码错误" in dialog.test_result.text() and "40008" in dialog.test_result.text()
    dialog.password.setText("S3cret-pw")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "连接成功" in dialog.test_result.text(), timeout=5000)
    assert "剩余 100000 条" in dialog.test_result.text()
    dialog.keep_memory.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)   # the password is stored in a task
    assert w.ctx.configured() and not w.ctx.keyring_is_system
    qtbot.waitUntil(lambda: w.balance.balance == 100000, timeout=5000)
    w.save_state()
    files = [f for f in w.ctx.home.iterdir() if f.is_file()]
    assert {"settings.json", "window.ini"} <= {f.name for f in files}
    for f in files:  # settings, window state, database, log: the password is in none of them
        assert b"S3cret-pw" not in f.read_bytes() and b"wrong-pass" not in f.read_bytes(), f.name
    saved = json.loads((w.ctx.home / "settings.json").read_text(encoding="utf-8"))
    assert saved["account"] == "demo" and "password" not in saved


def test_settings_dialog_validates_in_words(open_window, simulator, qtbot):
    w = open_window(simulator)
    dialog = w.open_settings()
    dialog.base_url.setText("ftp://x")
    dialog.accept()
    assert dialog.isVisible() and "http://" in dialog.error_label.text()
    dialog.base_url.setText(simulator.base_url)
    dialog.ext_code.setText("12a")
    dialog.accept()
    assert "扩展号只能是数字" in dialog.error_label.text()
    dialog.ext_code.setText("12")
    dialog.test_numbers.setText("13800138000, 123")
    dialog.accept()
    assert "测试号码无效" in dialog.error_label.text()
    dialog.test_numbers.setText("+86 138 0013 8000")
    dialog.accept()
    assert not dialog.isVisible()
    assert w.ctx.settings.test_numbers == ["13800138000"] and w.ctx.settings.ext_code == "12"


def test_changing_the_poll_interval_restarts_the_poller(open_window, simulator, qtbot):
    w = open_window(simulator)
    qtbot.waitUntil(lambda: bool(w.ctx.tasks.running("poller")), timeout=5000)
    old = w.ctx.tasks.running("poller")[0]
    dialog = w.open_settings()
    dialog.test_numbers.setText("13800138000")  # not a connection setting: the poller keeps running
    dialog.accept()
    assert w.ctx.tasks.running("poller") == [old]
    dialog = w.open_settings()
    dialog.poll.setValue(7)
    dialog.accept()
    qtbot.waitUntil(lambda: bool(w.ctx.tasks.running("poller")) and w.ctx.tasks.running("poller")[0] is not old,
                    timeout=5000)
    assert len(w.ctx.tasks.running("poller")) == 1


def test_window_state_is_remembered(open_window, simulator, tmp_path):
    w = open_window(simulator, home=tmp_path / "same")
    w.tabs.setCurrentIndex(3)
    w.close()
    w2 = open_window(simulator, home=tmp_path / "same")
    assert w2.tabs.currentIndex() == 3


def test_demo_mode(qtbot):
    from ljsms_desktop.ui.app import create_window
    from ljsms_desktop.ui.demo import DEMO_TEMPLATE, DEMO_TEMPLATE_ID, DemoEnvironment

    env = DemoEnvironment().start()
    try:
        w = create_window(demo_env=env)
        qtbot.addWidget(w)
        w.show()
        w.start()
        assert "演示" in w.windowTitle()
        qtbot.waitUntil(lambda: w.balance.balance == 50000, timeout=5000)
        assert QApplication.activeModalWidget() is None  # no first-start dialog in demo mode
        assert env.simulator.config.templates[DEMO_TEMPLATE_ID] == DEMO_TEMPLATE
        from ljsms_desktop.store import Store

        with Store(w.ctx.db_path) as store:  # ready to use with the sample workbook
            assert store.template(DEMO_TEMPLATE_ID).text == DEMO_TEMPLATE
        assert w.ctx.home == env.home and w.ctx.settings.poll_interval <= 5
        w.close()
        assert not w.ctx.tasks.running()
    finally:
        env.stop()
    assert not env.home.exists()


def _on_gui_thread() -> bool:
    return QThread.currentThread() is QApplication.instance().thread()


def test_no_keyring_call_on_the_gui_thread_at_start_up_or_in_settings(open_window, make_simulator, qtbot,
                                                                       monkeypatch):
    class Counting(MemoryCredentials):
        def __init__(self):
            super().__init__()
            self.calls: list[tuple[str, bool]] = []   # (call, on the GUI thread?)

        def get_password(self, account):
            self.calls.append(("get", _on_gui_thread()))
            return super().get_password(account)

        def set_password(self, account, password):
            self.calls.append(("set", _on_gui_thread()))
            super().set_password(account, password)

        def delete_password(self, account):
            self.calls.append(("delete", _on_gui_thread()))
            super().delete_password(account)

    sim = make_simulator(password="demo")
    creds = Counting()
    creds.set_password("demo", "demo")
    creds.calls.clear()
    w = open_window(sim, credentials=creds)
    qtbot.waitUntil(lambda: w.balance.balance == 100000 and bool(w.ctx.tasks.running("poller")), timeout=5000)
    assert w.ctx.configured() and w.compose._configured
    dialog = w.open_settings()
    assert "已保存" in dialog.password.placeholderText()      # known without asking the keyring again
    dialog.test_button.click()                                 # the stored password, read in a task
    qtbot.waitUntil(lambda: "连接成功" in dialog.test_result.text(), timeout=5000)
    dialog.password.setText("demo")
    dialog.accept()                                            # stored in a task; the dialog closes after
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog = w.open_settings()
    dialog.account.setText("other")
    dialog.password.setText("pw2")
    dialog.accept()                                            # another account: delete the old entry?
    qtbot.waitUntil(lambda: not dialog.isVisible() and creds._items.get("demo") is None, timeout=5000)
    assert creds._items == {"other": "pw2"} and w.ctx.configured()
    assert {c for c, _gui in creds.calls} == {"get", "set", "delete"}
    assert [c for c in creds.calls if c[1]] == []              # not one of them on the GUI thread


def test_the_system_keyring_is_found_and_asked_off_the_gui_thread(open_window, simulator, qtbot, monkeypatch):
    import keyring
    from keyring.backend import KeyringBackend

    from ljsms_desktop.credentials import SERVICE
    from ljsms_desktop.ui import context

    class Recording(KeyringBackend):
        priority = 5
        viable = False   # not a candidate for keyring's chainer (it would stay in it for the session)

        def __init__(self):
            super().__init__()
            self.items = {(SERVICE, "demo"): "demo"}
            self.gui_calls: list[str] = []
            self.calls = 0

        def _note(self, what):
            self.calls += 1
            if _on_gui_thread():
                self.gui_calls.append(what)

        def get_password(self, service, username):
            self._note("get")
            return self.items.get((service, username))

        def set_password(self, service, username, password):
            self._note("set")
            self.items[(service, username)] = password

        def delete_password(self, service, username):
            self._note("delete")
            self.items.pop((service, username), None)

    backend = Recording()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    found_on_gui = []
    real = context.system_credentials
    monkeypatch.setattr(context, "system_credentials", lambda: (found_on_gui.append(_on_gui_thread()), real())[1])
    try:
        w = open_window(simulator, credentials="system")
        assert not w.ctx.configured()                           # not known yet: nobody blocked to ask
        qtbot.waitUntil(lambda: w.balance.balance == 100000, timeout=5000)
        assert w.ctx.keyring_is_system and w.ctx.configured()
        assert found_on_gui == [False] and backend.calls >= 1 and backend.gui_calls == []
    finally:
        keyring.set_keyring(previous)


def test_settings_opened_while_the_keyring_is_still_asked_says_so_and_waits(open_window, simulator, qtbot):
    import threading

    import keyring
    from keyring.backend import KeyringBackend

    from ljsms_desktop.credentials import SERVICE

    gate = threading.Event()

    class Slow(KeyringBackend):   # an unlock prompt the user has not answered yet
        priority = 5
        viable = False   # not a candidate for keyring's chainer (it would stay in it for the session)

        def get_password(self, service, username):
            gate.wait(10)
            return "demo" if (service, username) == (SERVICE, "demo") else None

        def set_password(self, service, username, password):
            pass

        def delete_password(self, service, username):
            pass

    previous = keyring.get_keyring()
    keyring.set_keyring(Slow())
    try:
        w = open_window(simulator, credentials="system")
        dialog = w.open_settings()
        save = dialog._save_button
        assert "正在查看系统钥匙串" in dialog.keyring_note.text() and not save.isEnabled()
        assert not dialog.keep_memory.isVisible()         # no "no keyring" choice before the answer
        gate.set()
        qtbot.waitUntil(save.isEnabled, timeout=5000)
        assert "系统钥匙串中" in dialog.keyring_note.text() and "已保存" in dialog.password.placeholderText()
        dialog.reject()
        qtbot.waitUntil(lambda: w.balance.balance == 100000, timeout=5000)
    finally:
        gate.set()
        keyring.set_keyring(previous)


def test_a_keyring_that_fails_still_answers_and_the_first_start_dialog_opens(open_window, simulator, qtbot):
    import keyring
    from keyring.backend import KeyringBackend

    class Broken(KeyringBackend):   # e.g. a half-started Secret Service daemon
        priority = 5
        viable = False   # not a candidate for keyring's chainer (it would stay in it for the session)

        def get_password(self, service, username):
            raise ValueError("the daemon went away")

        def set_password(self, service, username, password):
            raise ValueError("the daemon went away")

        def delete_password(self, service, username):
            raise ValueError("the daemon went away")

    previous = keyring.get_keyring()
    keyring.set_keyring(Broken())
    try:
        w = open_window(simulator, credentials="system")
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), SettingsDialog), timeout=5000)
        dialog = QApplication.activeModalWidget()
        assert w.ctx.credentials_known and not w.ctx.configured() and dialog._save_button.isEnabled()
        dialog.reject()
    finally:
        keyring.set_keyring(previous)
