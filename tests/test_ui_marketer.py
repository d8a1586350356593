"""The window as a marketer uses it (issue 9): a schedule firing while work is open, column mapping
that never picks an index column, template test sends, stale lines, and the window fitting 1366×768.

Real parts: the simulator over loopback HTTP, a real SQLite store, real workbooks, the engine in QThreads.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from ljsms_desktop.credentials import MemoryCredentials
from ljsms_desktop.settings import Settings
from ljsms_desktop.store import Store
from ljsms_desktop.ui.context import AppContext
from ljsms_desktop.ui.main_window import MainWindow

CONTENT = "【联江科技】双十一全场五折，详情见官网。回T退订"
TID = "T2001"
TEMPLATE = "【联江优选】{}您好，您的优惠券{}已到账，先到先得。回T退订"


def write_customers(path: Path, rows: int = 5) -> Path:
    """The sheet of the issue: 序号 first, the name in 客户姓名, the number in 联系电话, a coupon code."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "客户"
    ws.append(["序号", "客户姓名", "城市", "联系电话", "优惠券码"])
    for i in range(rows):
        ws.append([i + 1, f"客户{i}", "杭州", 13900000000 + i, f"QV{i:04d}"])
    wb.save(path)
    return path


@pytest.fixture
def window(qtbot, tmp_path, make_simulator):
    made = []

    def make(**sim_kwargs) -> tuple[MainWindow, object]:
        sim = make_simulator(templates={TID: TEMPLATE}, **sim_kwargs)
        creds = MemoryCredentials()
        creds.set_password("demo", "demo")
        settings = Settings(base_url=sim.base_url, account="demo", quiet_start="00:00", quiet_end="00:00",
                            test_numbers=["13912345678"])
        ctx = AppContext(tmp_path / f"home{len(made)}", settings=settings, credentials=creds)
        Store(ctx.db_path).close()
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        w.resize(1366, 700)
        w.show()
        w.start()
        made.append(w)
        return w, sim

    yield make
    for w in made:
        w.quit()
        assert not w.ctx.tasks.running(), "closing the window joins every worker"


def confirm(qtbot, tab):
    qtbot.waitUntil(lambda: tab.confirm_dialog is not None and tab.confirm_dialog.isVisible(), timeout=5000)
    dlg = tab.confirm_dialog
    qtbot.waitUntil(lambda: "剩余" in dlg.balance_label.text() and "刷新" not in dlg.balance_label.text(), timeout=5000)
    return dlg


def wait_template_plan(qtbot, tab, timeout: int = 10000):
    qtbot.waitUntil(lambda: tab.plan is not None and not tab._importing and not tab._planning
                    and not tab._import_timer.isActive() and not tab._plan_timer.isActive(), timeout=timeout)
    return tab.plan


def schedule_compose_send(qtbot, w, count: int) -> datetime:
    tab = w.compose
    tab.content_edit.setPlainText(CONTENT)
    tab.numbers_edit.setPlainText("\n".join(str(13800000000 + i) for i in range(count)))
    tab.schedule_panel.check.setChecked(True)
    due = (datetime.now() + timedelta(minutes=10)).replace(second=0, microsecond=0)
    tab.schedule_panel.set_when(due)
    qtbot.waitUntil(tab.send_button.isEnabled, timeout=5000)
    tab.send()
    confirm(qtbot, tab).ok_button.click()
    qtbot.waitUntil(lambda: "已安排在" in tab.result_label.text(), timeout=5000)
    return due


def test_a_schedule_firing_leaves_the_open_work_untouched(window, qtbot, tmp_path):
    w, sim = window()
    due = schedule_compose_send(qtbot, w, 2)
    assert w.compose.numbers_edit.toPlainText() == ""   # the scheduled numbers left the box (no double booking)
    # New work in both tabs, not sent yet.
    typing = "13700000001\n13700000002\n137000"
    w.compose.content_edit.setPlainText("【联江科技】下周的新活动，回T退订")
    w.compose.numbers_edit.setPlainText(typing)
    tmpl = w.template
    tmpl.template_id_edit.setText(TID)
    tmpl.template_text_edit.setPlainText(TEMPLATE)
    tmpl.load_file(write_customers(tmp_path / "客户.xlsx"))
    wait_template_plan(qtbot, tmpl)
    file_label = tmpl.file_label.text()

    assert w.compose.scheduler.check_now(now=due + timedelta(seconds=1))
    qtbot.waitUntil(lambda: bool(w.compose.scheduler.results), timeout=10000)
    assert len(sim.sent_counter()) == 2

    # The inputs are as the user left them; neither tab claims the scheduled run as its own.
    assert w.compose.numbers_edit.toPlainText() == typing
    assert w.compose.content_edit.toPlainText() == "【联江科技】下周的新活动，回T退订"
    assert "已发送" not in w.compose.result_label.text() and "网关接收" not in w.compose.result_label.text()
    assert w.compose.progress.isHidden() and tmpl.progress.isHidden()
    assert tmpl.info is not None and tmpl.file_label.text() == file_label
    assert tmpl.plan is not None and len(tmpl.plan.recipients) == 5
    assert "网关接收" not in tmpl.result_label.text()
    # Reported separately: the status bar and the schedule list.
    assert "网关接收 2 个号码" in w.schedule_label.text() and w.schedule_label.isVisible()
    lines = [w.compose.schedule_panel.list.item(i).text() for i in range(w.compose.schedule_panel.list.count())]
    assert len(lines) == 1 and "已发送" in lines[0] and "网关接收 2 个号码" in lines[0]
    # The announcement under the compose tab went with the schedule it announced.
    assert "已安排在" not in w.compose.result_label.text()


def test_a_cancelled_schedule_is_no_longer_announced(window, qtbot):
    w, sim = window()
    schedule_compose_send(qtbot, w, 3)
    panel = w.compose.schedule_panel
    panel.list.setCurrentRow(0)
    assert panel.cancel_button.isEnabled()
    panel.cancel_button.click()
    assert not w.compose.has_pending_schedules()
    assert w.compose.result_label.text() == "" and w.compose.result_label.isHidden()


def test_the_schedule_list_shows_when_quiet_hours_let_it_go(window, qtbot):
    w, sim = window()
    s = w.ctx.settings
    s.quiet_start, s.quiet_end = "21:00", "08:00"
    due = datetime.now().replace(hour=22, minute=30, second=0, microsecond=0) + timedelta(days=1)
    from ljsms_desktop.engine.schedule import Schedule

    w.compose.scheduler.book.add(Schedule(campaign_id=1, due=due.isoformat(), marketing=True, label="夜间活动",
                                          recipients=10))
    w.compose.scheduler.changed.emit()
    text = w.compose.schedule_panel.list.item(0).text()
    after = (due + timedelta(days=1)).replace(hour=8, minute=0)
    assert text.startswith(after.strftime("%Y-%m-%d 08:00")) and due.strftime("原定 %m-%d 22:30") in text


def test_variables_map_by_header_words_never_to_the_index_column(window, qtbot, tmp_path):
    w, sim = window()
    tab = w.template
    tab.template_id_edit.setText(TID)
    tab.template_text_edit.setPlainText(TEMPLATE)
    tab.load_file(write_customers(tmp_path / "客户.xlsx"))
    plan = wait_template_plan(qtbot, tab)
    assert tab.mobile_combo.currentData() == 3
    assert [c.currentData() for c in tab.var_combos] == [1, 4]          # 客户姓名 before 您好, 优惠券码 after 优惠券
    first = "【联江优选】客户0您好，您的优惠券QV0000已到账，先到先得。回T退订"
    assert tab.preview_table.item(0, 2).text() == first
    assert plan.values[0] == ["客户0", "QV0000"]
    # The confirm dialog shows one whole message, as the first number gets it.
    qtbot.waitUntil(tab.send_button.isEnabled, timeout=5000)
    tab.send()
    dlg = confirm(qtbot, tab)
    assert dlg.sample_label.text() == first and dlg.sample_label.wordWrap()
    assert "13900000000" in dlg.sample_caption.text()
    dlg.cancel_button.click()


def test_a_variable_no_header_fits_stays_unset_and_blocks_the_send(window, qtbot, tmp_path):
    w, sim = window()
    tab = w.template
    tab.template_id_edit.setText(TID)
    tab.template_text_edit.setPlainText("【联江优选】{}：{}，回T退订")      # no words to go by
    tab.load_file(write_customers(tmp_path / "客户.xlsx"))
    qtbot.waitUntil(lambda: tab.info is not None and not tab._inspecting, timeout=5000)
    assert [c.currentData() for c in tab.var_combos] == [None, None]   # not 序号, not 客户姓名 by position
    assert not tab.send_button.isEnabled() and "请为变量1、2选择" in tab.send_button.toolTip()
    assert "请为变量1、2选择" in tab.import_summary.text()
    tab.set_variable_columns([1, 2])
    plan = wait_template_plan(qtbot, tab)
    assert plan.values[0] == ["客户0", "杭州"]
    qtbot.waitUntil(tab.send_button.isEnabled, timeout=5000)


def test_template_test_send_goes_to_the_test_numbers_and_keeps_the_workbook(window, qtbot, tmp_path):
    w, sim = window()
    tab = w.template
    assert "13912345678" in tab.test_numbers_label.text()
    tab.template_id_edit.setText(TID)
    tab.template_text_edit.setPlainText(TEMPLATE)
    tab.load_file(write_customers(tmp_path / "客户.xlsx"))
    wait_template_plan(qtbot, tab)
    qtbot.waitUntil(tab.test_button.isEnabled, timeout=5000)
    tab.test_button.click()
    qtbot.waitUntil(lambda: "测试短信已发给 1 个号码" in tab.result_label.text(), timeout=10000)
    (batch,) = sim.accepted
    assert list(batch.mobiles) == ["13912345678"]
    assert batch.contents == ("【联江优选】客户0您好，您的优惠券QV0000已到账，先到先得。回T退订",)
    assert tab.info is not None and tab.plan is not None and len(tab.plan.recipients) == 5   # the real send is next
    assert tab.progress.isHidden()
    with Store(w.ctx.db_path) as store:
        (camp,) = store.campaigns()
        assert camp.name.startswith("测试发送")


def test_add_opt_out_is_a_clause_of_its_own(window, qtbot):
    w, sim = window()
    tab = w.compose
    tab.content_edit.setPlainText("【联江优选】双十一全场五折，先到先得")
    assert tab.opt_out_button.isVisible()
    tab.opt_out_button.click()
    assert tab.content_edit.toPlainText() == "【联江优选】双十一全场五折，先到先得，回T退订"
    assert not tab.opt_out_button.isVisible()


def test_duplicates_are_listed_with_the_line_they_repeat(window, qtbot, tmp_path):
    w, sim = window()
    tab = w.compose
    tab.content_edit.setPlainText(CONTENT)
    tab.numbers_edit.setPlainText("13800000001\n13800000002\n1380000\n+86 138 0000 0001")
    qtbot.waitUntil(lambda: tab.plan is not None and len(tab.plan.duplicates) == 1, timeout=5000)
    items = [tab.problems_list.item(i).text() for i in range(tab.problems_list.count())]
    assert any(i.startswith("第 3 行") and "位数不对" in i for i in items)
    assert "第 4 行：“+86 138 0000 0001” 重复：与第 1 行的号码相同，只发一次" in items
    # A file's duplicate rows too: row 4 of the file repeats row 2.
    book = openpyxl.Workbook()
    ws = book.active
    for row in (["手机号"], [13700000000], [13700000001], [13700000000]):
        ws.append(row)
    book.save(tmp_path / "号码.xlsx")
    tab.import_numbers_file(tmp_path / "号码.xlsx")
    qtbot.waitUntil(lambda: bool(tab._sources) and tab.plan is not None and len(tab.plan.recipients) == 4,
                    timeout=10000)
    items = [tab.problems_list.item(i).text() for i in range(tab.problems_list.count())]
    assert any("号码.xlsx" in i and "第 4 行" in i and "与第 2 行的号码重复" in i for i in items)


def test_try_demo_switches_in_place_and_its_settings_do_not_warn_about_the_keyring(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QProcess
    from PySide6.QtWidgets import QApplication

    from ljsms_desktop.ui.demo import DEMO_TEMPLATE_ID
    from ljsms_desktop.ui.settings_dialog import SettingsDialog

    started = []
    monkeypatch.setattr(QProcess, "startDetached", lambda *a, **k: started.append(a))
    ctx = AppContext(tmp_path / "fresh", settings=Settings(base_url="http://127.0.0.1:9/api/v1"), credentials=None)
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    first.start()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), SettingsDialog), timeout=5000)
    dialog = QApplication.activeModalWidget()
    dialog.findChild(type(dialog.test_button), "tryDemoButton").click()
    def demo_windows() -> list[MainWindow]:
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.ctx.demo and w.isVisible()]

    qtbot.waitUntil(lambda: len(demo_windows()) == 1, timeout=5000)
    (window,) = demo_windows()
    env = window.demo_env
    try:
        assert not started and not first.isVisible() and not ctx.tasks.running()   # one process, one window
        assert "演示" in window.windowTitle()
        qtbot.waitUntil(lambda: window.balance.balance == 50000, timeout=5000)
        with Store(window.ctx.db_path) as store:
            assert store.template(DEMO_TEMPLATE_ID) is not None
        settings = window.open_settings()
        assert "演示模式" in settings.keyring_note.text() and "没有可用的系统钥匙串" not in settings.keyring_note.text()
        assert not settings.keep_memory.isVisible() and not settings.keep_none.isVisible()
        settings.reject()
    finally:
        window.quit()
    assert not window.ctx.tasks.running() and not env.home.exists()


@pytest.fixture(params=["zh", "en"])
def language(request, qapp):
    """The window in Chinese, then in English (the translator removed again at teardown)."""
    from ljsms_desktop.ui.app import install_translator

    translator = install_translator(qapp, "en") if request.param == "en" else None
    yield request.param
    if translator is not None:
        qapp.removeTranslator(translator)


def test_the_window_fits_a_1366x768_screen(window, language, qtbot, tmp_path):
    """With a workbook loaded, two schedules listed and every message under 发送 showing, the
    window's minimum size leaves room for a task bar and the frame (≤ 1366×720), in both languages;
    the preview shows a useful number of rows."""
    from ljsms_desktop.engine.schedule import Schedule

    w, sim = window()
    tmpl = w.template
    tmpl.template_id_edit.setText(TID)
    tmpl.template_text_edit.setPlainText(TEMPLATE)
    tmpl.load_file(write_customers(tmp_path / "客户.xlsx", rows=40))
    wait_template_plan(qtbot, tmpl)
    due = datetime.now() + timedelta(days=1)
    for i in range(2):
        w.compose.scheduler.book.add(Schedule(campaign_id=100 + i, due=(due + timedelta(hours=i)).isoformat(timespec="seconds"),
                                              label=f"会员日活动第{i + 1}波（五折，先到先得）", recipients=1200,
                                              origin=("compose", "template")[i]))
    w.compose.scheduler.changed.emit()
    for tab in (w.compose, tmpl):
        assert tab.schedule_panel.list.count() == 2 and tab.schedule_panel.list.isVisibleTo(tab)
        tab.progress.start("正在发送：1,200 个号码", 1200)
        tab.progress.update(600, 1200, "已发出 600 / 1,200 个号码（第 1 / 2 批）")
        tab.notice_label.setText("网关繁忙，5 秒后重试")
        tab.show_unknown([{"seq": 2, "size": 600, "error": ""}])
        tab._set_result("发送失败：余额不足。请在“文件 → 设置”中检查账号和密码。", "#b42318")
    for i in range(w.tabs.count()):
        w.tabs.setCurrentIndex(i)
        qtbot.waitExposed(w)
        hint = w.minimumSizeHint()
        assert hint.width() <= 1366 and hint.height() <= 720 - 30, (w.tabs.tabText(i), hint)   # 30: title bar
    w.resize(1366, 690)
    w.tabs.setCurrentWidget(tmpl)
    qtbot.waitUntil(lambda: tmpl.preview_table.rowCount() == 15)
    row = tmpl.preview_table.rowHeight(0)
    assert tmpl.preview_table.viewport().height() >= 10 * row   # not the 2-3 rows of before


def test_cli_import_takes_header_words_too_and_skips_the_index_column(tmp_path):
    from ljsms_desktop.sheets import import_sheet

    r = import_sheet(write_customers(tmp_path / "客户.xlsx"), template=TEMPLATE)
    assert r.layout.variable_columns == [1, 4]   # 客户姓名, 优惠券码 — not 序号, not 城市
    r = import_sheet(write_customers(tmp_path / "客户.xlsx"), template="【联江优选】{}{}，回T退订")
    assert r.layout.variable_columns == [1, 2]   # no words: left to right, still without 序号
