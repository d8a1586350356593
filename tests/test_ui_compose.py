"""发送短信 tab, driven through its real widgets against the simulator over loopback HTTP.

Real parts: the simulated gateway (HTTP on 127.0.0.1), a real SQLite store in tmp_path, the real
engine in a QThread. Only the password store is in memory.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from ljsms_desktop.credentials import MemoryCredentials
from ljsms_desktop.engine.schedule import ScheduleBook
from ljsms_desktop.settings import Settings
from ljsms_desktop.store import Store
from ljsms_desktop.ui.compose_tab import ComposeTab
from ljsms_desktop.ui.confirm_dialog import ConfirmSendDialog
from ljsms_desktop.ui.context import AppContext

CONTENT = "【联江科技】双十一全场五折，详情见官网。回T退订"


def make_ctx(tmp_path, sim, password: str = "demo", **settings) -> AppContext:
    creds = MemoryCredentials()
    creds.set_password("demo", password)
    s = Settings(base_url=sim.base_url, account="demo", quiet_start="00:00", quiet_end="00:00", **settings)
    return AppContext(tmp_path / "home", settings=s, credentials=creds)


@pytest.fixture
def env(tmp_path, make_simulator, qtbot):
    """(ctx, sim, tab) with the default simulator; ctx.shutdown() joins every thread at the end."""
    made = []

    def build(password: str = "demo", **sim_kwargs):
        sim = make_simulator(**sim_kwargs)
        ctx = make_ctx(tmp_path, sim, password)
        # Create the data file first: the store's first open is not yet safe against concurrent
        # first opens (PRAGMA journal_mode=WAL answers 'database is locked'); reported to the lead.
        Store(ctx.db_path).close()
        tab = ComposeTab(ctx)
        qtbot.addWidget(tab)
        made.append(ctx)
        return ctx, sim, tab

    yield build
    for ctx in made:
        shut_down(ctx)


def shut_down(ctx: AppContext) -> None:
    ctx.shutdown()
    assert all(t.isFinished() for t in ctx.tasks.running()), "a task outlived its test"


def numbers(n: int, start: int = 13800000000) -> list[str]:
    return [str(start + i) for i in range(n)]


def confirm(qtbot, tab) -> ConfirmSendDialog:
    qtbot.waitUntil(lambda: tab.confirm_dialog is not None and tab.confirm_dialog.isVisible())
    dlg = tab.confirm_dialog
    qtbot.waitUntil(lambda: "剩余" in dlg.balance_label.text() and "刷新" not in dlg.balance_label.text())
    return dlg


def test_counter_signature_and_opt_out_hints(env, qtbot):
    ctx, sim, tab = env()
    counter = tab.findChild(type(tab.parts_counter), "partsCounter")
    # QTest.keyClicks only types ASCII; Chinese arrives the way an input method commits it.
    tab.content_edit.insertPlainText("双十一全场五折")
    assert "已输入 7 字，共 1 条" in counter.text()
    assert "签名" in counter.text()            # no 【…】 yet
    assert "回T退订" in counter.text()          # marketing text without an opt-out line
    tab.content_edit.setPlainText(CONTENT)
    assert "签名" not in counter.text() and "提示" not in counter.text()
    tab.content_edit.setPlainText("【联江科技】" + "好" * 70)   # 76 units: two parts of 67
    assert "共 2 条" in counter.text()
    send = tab.findChild(QPushButton, "sendButton")
    assert not send.isEnabled() and send.toolTip()  # no numbers: disabled, and says why


def test_paste_numbers_counts_and_reasons(env, qtbot):
    ctx, sim, tab = env()
    with Store(ctx.db_path) as store:
        store.suppress(["13900000003"], "TD", "manual")
    tab._load_suppression()
    tab.content_edit.setPlainText(CONTENT)
    tab.numbers_edit.setPlainText("+86 138 0000 0001, 13800000002\n13800000001\n1380000\n13900000003；abc")
    qtbot.waitUntil(lambda: tab.plan is not None and len(tab.plan.suppressed) == 1, timeout=5000)
    text = tab.numbers_summary.text()
    assert "有效 <b>2</b>" in text and "无效 2" in text and "重复 1" in text and "已退订/屏蔽 1" in text
    items = [tab.problems_list.item(i).text() for i in range(tab.problems_list.count())]
    assert any(i.startswith("第 3 行") and "位数不对" in i for i in items)
    assert any(i.startswith("第 4 行") and "abc" in i for i in items)
    qtbot.waitUntil(tab.send_button.isEnabled)


def test_send_goes_out_once_with_confirmation(env, qtbot):
    ctx, sim, tab = env()
    costs = []
    tab.planned_cost_changed.connect(costs.append)
    tab.content_edit.setPlainText(CONTENT)
    tab.numbers_edit.setPlainText("\n".join(numbers(2500)))
    qtbot.waitUntil(tab.send_button.isEnabled, timeout=5000)
    assert costs[-1] == 2500
    qtbot.mouseClick(tab.send_button, Qt.MouseButton.LeftButton)
    dlg = confirm(qtbot, tab)
    assert "2,500" in dlg.findChild(type(dlg.balance_label), "confirmCost").text()
    assert "97,500" in dlg.after_label.text()
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已发送" in tab.result_label.text(), timeout=15000)
    sent = sim.sent_counter()
    assert len(sent) == 2500 and set(sent.values()) == {1}
    with Store(ctx.db_path) as store:
        (camp,) = store.campaigns()
        assert store.stats(camp.id).accepted == 2500
    # The list is cleared so a second click cannot send the same numbers again.
    assert tab.numbers_edit.toPlainText() == "" and not tab.send_button.isEnabled()
    qtbot.waitUntil(lambda: ctx.last_balance == 100_000 - 2500, timeout=5000)


def test_vendor_error_in_words(env, qtbot):
    ctx, sim, tab = env(password="wrong")
    tab.content_edit.setPlainText(CONTENT)
    tab.numbers_edit.setPlainText("13800000001\n13800000002")
    qtbot.waitUntil(tab.send_button.isEnabled, timeout=5000)
    qtbot.mouseClick(tab.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.confirm_dialog is not None and "余额未知" in tab.confirm_dialog.balance_label.text())
    assert "密码错误" in tab.confirm_dialog.balance_label.text()
    qtbot.mouseClick(tab.confirm_dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "发送失败" in tab.result_label.text(), timeout=10000)
    assert "密码错误" in tab.result_label.text() and "Traceback" not in tab.result_label.text()
    assert "没有发出任何短信" in tab.result_label.text()
    assert tab.numbers_edit.toPlainText()  # kept: fix the password, send again
    assert len(sim.sent_counter()) == 0


def test_cancel_a_slow_send(env, qtbot):
    ctx, sim, tab = env(delay=0.3)
    tab.content_edit.setPlainText(CONTENT)
    tab.numbers_edit.setPlainText("\n".join(numbers(4000 * 5)))   # 10 batches, ≥ 0.3 s each
    qtbot.waitUntil(tab.send_button.isEnabled, timeout=10000)
    tab.send()
    dlg = confirm(qtbot, tab)
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: len(sim.sent_counter()) >= 2000, timeout=10000)
    qtbot.mouseClick(tab.progress.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已取消" in tab.result_label.text() or "取消" in tab.progress.counts.text(),
                    timeout=10000)
    qtbot.waitUntil(lambda: not tab.runner.busy, timeout=10000)
    sent = sim.sent_counter()
    assert 2000 <= len(sent) < 20000 and set(sent.values()) == {1}
    with Store(ctx.db_path) as store:
        (camp,) = store.campaigns()
        assert camp.state == "cancelled"


def test_test_send_marks_a_small_campaign(env, qtbot):
    ctx, sim, tab = env()
    tab.content_edit.setPlainText(CONTENT)
    assert not tab.test_button.isEnabled() and "测试号码" in tab.test_button.toolTip()
    tab.test_numbers_edit.setText("13912345678, +86 139 1234 5679")
    tab.test_numbers_edit.editingFinished.emit()
    assert ctx.settings.test_numbers == ["13912345678", "13912345679"]
    qtbot.waitUntil(tab.test_button.isEnabled)
    qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "测试短信已发给 2 个号码" in tab.result_label.text(), timeout=10000)
    assert set(sim.sent_counter()) == {"13912345678", "13912345679"}
    with Store(ctx.db_path) as store:
        (camp,) = store.campaigns()
        assert camp.name.startswith("测试发送")


def test_scheduled_send_survives_restart_and_runs_when_due(env, qtbot, tmp_path):
    ctx, sim, tab = env()
    tab.content_edit.setPlainText(CONTENT)
    tab.numbers_edit.setPlainText("\n".join(numbers(30)))
    tab.schedule_panel.check.setChecked(True)
    due = (datetime.now() + timedelta(minutes=5)).replace(second=0, microsecond=0)
    tab.schedule_panel.set_when(due)
    qtbot.waitUntil(tab.send_button.isEnabled, timeout=5000)
    assert tab.send_button.text() == "定时发送…"
    tab.send()
    dlg = confirm(qtbot, tab)
    dlg.ok_button.click()
    qtbot.waitUntil(lambda: "已安排在" in tab.result_label.text(), timeout=5000)
    assert tab.has_pending_schedules() and len(sim.sent_counter()) == 0
    # A new window on the same data folder (a restart) sees it and sends it when it is due.
    book = ScheduleBook(ctx.home)
    assert [s.recipients for s in book.pending()] == [30]
    ctx2 = AppContext(ctx.home, settings=ctx.settings, credentials=ctx.credentials)
    try:
        tab2 = ComposeTab(ctx2)
        qtbot.addWidget(tab2)
        assert tab2.has_pending_schedules()
        assert not tab2.scheduler.check_now(now=due - timedelta(minutes=1))
        assert tab2.scheduler.check_now(now=due + timedelta(seconds=1))
        qtbot.waitUntil(lambda: not tab2.has_pending_schedules(), timeout=10000)
        sent = sim.sent_counter()
        assert len(sent) == 30 and set(sent.values()) == {1}
    finally:
        shut_down(ctx2)
