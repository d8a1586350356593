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
        qtbot.waitUntil(lambda: ctx.credentials_known)   # the keyring is asked in a task
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


def test_quiet_hours_rules():
    from ljsms_desktop.engine.schedule import Schedule, in_quiet_hours, quiet_hours_end, runs_into_quiet

    night = datetime(2026, 11, 11, 22, 30)
    assert in_quiet_hours(night) and in_quiet_hours(datetime(2026, 11, 12, 7, 59))
    assert not in_quiet_hours(datetime(2026, 11, 12, 8, 0)) and not in_quiet_hours(night, "09:00", "09:00")
    assert quiet_hours_end(night) == datetime(2026, 11, 12, 8, 0)
    assert runs_into_quiet(datetime(2026, 11, 11, 20, 59), timedelta(minutes=5))
    assert not runs_into_quiet(datetime(2026, 11, 11, 20, 0), timedelta(minutes=5))
    marketing = Schedule(campaign_id=1, due=night.isoformat())
    notice = Schedule(campaign_id=2, due=night.isoformat(), marketing=False)
    assert marketing.runnable_at("21:00", "08:00") == datetime(2026, 11, 12, 8, 0)
    assert notice.runnable_at("21:00", "08:00") == night


def test_scheduled_marketing_send_waits_for_quiet_hours_to_end(tmp_path):
    from ljsms_desktop.engine.schedule import Schedule, ScheduleBook

    book = ScheduleBook(tmp_path)
    book.add(Schedule(campaign_id=7, due="2026-11-11T22:00:00", marketing=True))
    book.add(Schedule(campaign_id=8, due="2026-11-11T22:00:00", marketing=False))
    at = datetime(2026, 11, 11, 22, 1)
    assert [s.campaign_id for s in book.due(at, "21:00", "08:00")] == [8]
    assert [s.campaign_id for s in book.due(datetime(2026, 11, 12, 8, 0), "21:00", "08:00")] == [7, 8]
    assert [s.campaign_id for s in ScheduleBook(tmp_path).pending()] == [7, 8]   # survives a restart


def test_marketing_send_in_quiet_hours_asks_first(env, qtbot):
    ctx, sim, tab = env()
    ctx.settings.quiet_start, ctx.settings.quiet_end = "00:00", "23:59"   # now is quiet
    tab.content_edit.setPlainText(CONTENT)
    tab.numbers_edit.setPlainText("13800000001")
    qtbot.waitUntil(tab.send_button.isEnabled, timeout=5000)
    tab.send()
    dlg = confirm(qtbot, tab)
    assert dlg.quiet_check is not None and "免打扰" in dlg.quiet_note.text()
    assert not dlg.ok_button.isEnabled() and "免打扰" in dlg.ok_button.toolTip()
    dlg.quiet_check.setChecked(True)
    assert dlg.ok_button.isEnabled()
    dlg.reject()
    tab.marketing_check.setChecked(False)                 # a notice, not marketing: no question
    tab.send()
    dlg = confirm(qtbot, tab)
    assert dlg.quiet_check is None and dlg.ok_button.isEnabled()
    dlg.reject()
    assert len(sim.sent_counter()) == 0


def test_import_numbers_from_a_file(env, qtbot, tmp_path):
    import openpyxl

    ctx, sim, tab = env()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "手机号码"])
    for i in range(30):
        ws.append([f"客户{i}", 13700000000 + i])
    ws.append(["坏", "1.38001E+10"])
    path = tmp_path / "号码.xlsx"
    wb.save(path)
    tab.content_edit.setPlainText(CONTENT)
    tab.numbers_edit.setPlainText("13700000000\n13600000000")    # one repeats a row of the file
    tab.import_numbers_file(path)
    qtbot.waitUntil(lambda: bool(tab._sources) and tab.plan is not None and len(tab.plan.recipients) == 31,
                    timeout=10000)
    assert "号码.xlsx" in tab.sources_label.text() and "30 个号码" in tab.sources_label.text()
    assert "重复 1" in tab.numbers_summary.text() and "无效 1" in tab.numbers_summary.text()
    items = [tab.problems_list.item(i).text() for i in range(tab.problems_list.count())]
    assert any("第 32 行" in i and "科学计数法" in i for i in items)


def test_pick_failed_numbers_from_a_previous_campaign(env, qtbot):
    from ljsms_desktop.engine import Poller
    from ljsms_desktop.ui.compose_tab import PickCampaignDialog

    ctx, sim, tab = env(deliver_rate=0.5)
    tab.content_edit.setPlainText(CONTENT)
    tab.numbers_edit.setPlainText("\n".join(numbers(40)))
    qtbot.waitUntil(tab.send_button.isEnabled, timeout=5000)
    tab.send()
    confirm(qtbot, tab).ok_button.click()
    qtbot.waitUntil(lambda: "已发送" in tab.result_label.text(), timeout=10000)
    with ctx.make_client() as client:
        Poller(ctx.open_store, client).poll_once()
    failed = {m for m, _n in sim.sent_counter().items()} - {
        r["mobile"] for r in sim.reports_handed_out if r["code"] == "DELIVRD"}
    assert 0 < len(failed) < 40
    tab.pick_button.click()
    dlg = tab.findChild(PickCampaignDialog)
    assert not dlg.ok.isEnabled() and dlg.ok.toolTip()      # nothing to pick yet: disabled, says why
    qtbot.waitUntil(lambda: dlg.list.count() == 1)
    dlg.list.setCurrentRow(0)
    qtbot.mouseClick(dlg.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(tab._sources) and tab.plan is not None and len(tab.plan.recipients) == len(failed),
                    timeout=5000)
    assert set(tab.plan.recipients) == failed and "未成功送达" in tab.sources_label.text()


def test_unknown_batches_are_explained_and_not_resent(env, qtbot):
    ctx, sim, tab = env(drop_rate=1.0)   # the gateway accepts each request, then drops the connection
    tab.content_edit.setPlainText(CONTENT)
    tab.numbers_edit.setPlainText("\n".join(numbers(2500)))    # two batches
    qtbot.waitUntil(tab.send_button.isEnabled, timeout=5000)
    tab.send()
    confirm(qtbot, tab).ok_button.click()
    qtbot.waitUntil(lambda: not tab.runner.busy and tab.result_label.text() != "", timeout=15000)
    assert not tab.unknown_notice.isHidden()
    notice = tab.unknown_notice.text()
    assert "2,500 个号码" in notice and "可能已经发出" in notice and "请勿重复发送" in notice
    assert "状态未知 2,500" in tab.result_label.text()
    assert tab.numbers_edit.toPlainText() == ""                 # cannot be sent again by a second click
    sent = sim.sent_counter()
    assert len(sent) == 2500 and set(sent.values()) == {1}
