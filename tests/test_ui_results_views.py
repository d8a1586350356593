"""状态报告 and 上行回复: lazy, SQL-filtered tables over the real store (ui/lazy_table.py, reports_view.py,
replies_view.py), with the simulator over real HTTP and the real window."""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QLineEdit, QPushButton, QTableView

from ljsms_desktop.api import LjClient
from ljsms_desktop.api.models import Reply, Report
from ljsms_desktop.credentials import MemoryCredentials
from ljsms_desktop.settings import Settings
from ljsms_desktop.store import Store
from ljsms_desktop.store.views import ReportQueries
from ljsms_desktop.ui.context import AppContext
from ljsms_desktop.ui.replies_view import RepliesTab
from ljsms_desktop.ui.reports_view import ReportsTab

sys.path.insert(0, str(Path(__file__).parent))
import reports_helpers  # noqa: E402

SIGNED = "【联江科技】会员日全场八折，回T退订"
MILLION = 1_000_000


def first_number(label: QLabel) -> int:
    """The label's first number (-1 while it shows none, e.g. 正在筛选…)."""
    m = re.search(r"\d+", label.text())
    return int(m.group()) if m else -1


@pytest.fixture
def open_window(open_window):
    """conftest's at 1366x740."""
    def make(sim=None, home=None):
        return open_window(sim, home, size=(1366, 740))

    return make


@pytest.fixture
def tab_ctx(qtbot, tmp_path):
    """An AppContext on tmp_path (no gateway); its tasks are shut down at the end."""
    ctxs = []

    def make(home=None):
        ctx = AppContext(home or tmp_path / "home", settings=Settings(account="demo"), credentials=MemoryCredentials())
        ctxs.append(ctx)
        return ctx

    yield make
    for ctx in ctxs:
        ctx.shutdown()
        assert not ctx.tasks.running()


def open_tab(qtbot, cls, ctx, *, size=None, ready=lambda tab: True, timeout=8000):
    """A *cls* (ReportsTab, RepliesTab) on *ctx*, shown and refreshed: once its table was read and *ready(tab)*."""
    tab = cls(ctx)
    qtbot.addWidget(tab)
    if size is not None:
        tab.resize(*size)
    tab.show()
    tab.refresh()
    qtbot.waitUntil(lambda: tab.table.opened >= 1 and ready(tab), timeout=timeout)
    return tab


def add_campaign(store: Store, tag: int, n: int, hour: int, codes=("DELIVRD",), name="") -> int:
    nums = [f"139{tag:02d}{i:06d}" for i in range(n)]
    cid = store.create_campaign(kind="plain", content=SIGNED, name=name or f"活动{tag}",
                                batches=[nums[i:i + 2000] for i in range(0, n, 2000)],
                                batch_parts=[1] * ((n + 1999) // 2000))
    for b in store.batches(cid):
        store.mark_sending(b.id)
        store.mark_accepted(b.id, f"M{tag:02d}{b.seq:06d}")
        store.save_reports([Report(f"M{tag:02d}{b.seq:06d}", m, codes[j % len(codes)],
                                   f"2026-11-29 {hour:02d}:{j // 60 % 60:02d}:{j % 60:02d}", b.ext)
                            for j, m in enumerate(store.batch_mobiles(b.id))])
    return cid


# -- the window, the simulator, the contracts ----------------------------------------------------------
def test_reports_and_replies_from_the_simulator_appear_without_user_action(open_window, simulator, qtbot):
    w = open_window(simulator)
    view = w.findChild(QTableView, "reportsView")
    replies = w.findChild(QTableView, "repliesView")
    qtbot.waitUntil(lambda: w.reports.table.opened >= 1 and w.replies.table.opened >= 1, timeout=8000)
    assert view.model().rowCount() == 0 and first_number(w.findChild(QLabel, "reportsSummary")) == 0
    with LjClient(simulator.base_url, "demo", "demo") as c:
        r = c.send(SIGNED, ["13800138000", "13900139000"], code="77")
    simulator.make_all_due()
    simulator.add_reply("13800138000", "=1+1 好的", expand="77", msg_id=r.msg_id)
    qtbot.waitUntil(lambda: view.model().rowCount() == 2 and replies.model().rowCount() == 1, timeout=10000)
    qtbot.waitUntil(lambda: view.model().loaded_row(1) is not None, timeout=5000)
    assert {view.model().loaded_row(i).mobile for i in range(2)} == {"13800138000", "13900139000"}
    assert first_number(w.findChild(QLabel, "reportsSummary")) == 2
    status = [view.model().index(i, 2).data() for i in range(2)]
    assert status == ["已送达", "已送达"] and view.model().index(0, 3).data() == "DELIVRD"
    row = replies.model().loaded_row(0)
    assert row.mobile == "13800138000" and row.content == "=1+1 好的" and not row.read
    assert replies.model().index(0, 0).data(Qt.ItemDataRole.FontRole).bold()      # unread: bold
    assert first_number(w.findChild(QLabel, "repliesSummary")) == 1
    qtbot.waitUntil(lambda: w.tabs.tabText(4) == "上行回复 (1)", timeout=5000)
    assert "收到 1 条新回复" in w.last_reply_notice and "13800138000" in w.last_reply_notice
    # 标为已读: the row is no longer bold and the tab drops its count
    w.tabs.setCurrentWidget(w.replies)
    replies.selectRow(0)
    w.replies.mark_read_button.click()
    qtbot.waitUntil(lambda: w.tabs.tabText(4) == "上行回复", timeout=5000)
    qtbot.waitUntil(lambda: replies.model().loaded_row(0) is not None and replies.model().loaded_row(0).read,
                    timeout=5000)
    assert not replies.model().index(0, 0).data(Qt.ItemDataRole.FontRole)
    # 回复 opens 发送短信 with that number
    replies.selectRow(0)
    w.replies.reply_button.click()
    assert w.tabs.currentWidget() is w.compose and w.compose.numbers_edit.toPlainText() == "13800138000"


def test_the_named_widgets(open_window):
    w = open_window()
    status = w.findChild(QComboBox, "reportsStatusFilter")
    assert status.itemText(0) == "全部" and any("失败" in status.itemText(i) for i in range(status.count()))
    for name, kind in (("reportsCampaignFilter", QComboBox), ("reportsSearch", QLineEdit),
                       ("reportsExportButton", QPushButton), ("reportsSummary", QLabel), ("repliesSummary", QLabel),
                       ("repliesSearch", QLineEdit), ("reportsView", QTableView), ("repliesView", QTableView)):
        assert w.findChild(kind, name) is not None, name


def test_rows_another_process_stores_appear_and_the_view_keeps_its_place(tab_ctx, qtbot, tmp_path):
    """Rows written by another connection (as `ljsms pull` in another process does) appear through the
    store's change stamp; the rows on screen and the selection stay, and a hint counts the new rows."""
    home = tmp_path / "home"
    home.mkdir()
    with Store(home / "ljsms.sqlite3") as s:
        add_campaign(s, 1, 5000, 10, codes=("DELIVRD", "DELIVRD", "UNDELIV"))
    ctx = tab_ctx(home)
    tab = open_tab(qtbot, ReportsTab, ctx, size=(1366, 700), ready=lambda tab: tab.model.has_anchors())
    assert first_number(tab.summary) == 5000
    bar = tab.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    top = tab.view.rowAt(0)
    qtbot.waitUntil(lambda: tab.model.loaded_row(top + 5) is not None, timeout=5000)
    top_key = tab.model.loaded_row(top).key
    tab.view.selectRow(top + 3)
    selected_key = tab.model.loaded_row(top + 3).key
    opened = tab.table.opened
    with Store(home / "ljsms.sqlite3") as other:
        add_campaign(other, 2, 700, 12)          # newer than every row shown
    qtbot.waitUntil(lambda: tab.table.opened > opened and tab.model.rowCount() == 5700, timeout=8000)
    assert first_number(tab.summary) == 5700
    new_top = tab.view.rowAt(0)
    assert new_top == top + 700 and tab.model.loaded_row(new_top).key == top_key
    rows = tab.view.selectionModel().selectedRows()
    assert [tab.model.loaded_row(i.row()).key for i in rows] == [selected_key]
    assert tab.table.hint.isVisible() and tab.table.hint.text().startswith("700 条新报告")
    tab.table.hint.click()
    assert bar.value() == 0 and not tab.table.hint.isVisible()
    qtbot.waitUntil(lambda: tab.model.loaded_row(0) is not None, timeout=5000)
    assert tab.model.loaded_row(0).time.startswith("2026-11-29 12:")


def test_at_the_top_new_rows_show_at_once(tab_ctx, qtbot, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    with Store(home / "ljsms.sqlite3") as s:
        add_campaign(s, 1, 300, 10)
    ctx = tab_ctx(home)
    tab = open_tab(qtbot, ReportsTab, ctx)
    with Store(home / "ljsms.sqlite3") as other:
        add_campaign(other, 2, 10, 12)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 310, timeout=8000)
    assert tab.view.verticalScrollBar().value() == 0 and not tab.table.hint.isVisible()
    assert tab.model.loaded_row(0).time.startswith("2026-11-29 12:")


def test_filters_search_tooltip_and_column_chooser(tab_ctx, qtbot, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    with Store(home / "ljsms.sqlite3") as s:
        add_campaign(s, 1, 600, 10, codes=("DELIVRD", "MK:0001", "DELIVRD"), name="春季促销")
        add_campaign(s, 2, 400, 11, name="会员日")
    ctx = tab_ctx(home)
    tab = open_tab(qtbot, ReportsTab, ctx, ready=lambda tab: tab.campaign_filter.count() == 3)
    assert first_number(tab.summary) == 1000
    # status group 失败
    tab.status_filter.setCurrentIndex(next(i for i in range(tab.status_filter.count())
                                           if "失败" in tab.status_filter.itemText(i)))
    qtbot.waitUntil(lambda: first_number(tab.summary) == 200, timeout=5000)
    assert tab.model.index(0, 2).data() == "号码问题" and tab.model.index(0, 3).data() == "MK:0001"
    tip = tab.model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("MK:0001") and "重发" in tip
    # campaign by name
    tab.status_filter.setCurrentIndex(0)
    tab.campaign_filter.setCurrentIndex(tab.campaign_filter.findText("会员日"))
    qtbot.waitUntil(lambda: first_number(tab.summary) == 400, timeout=5000)
    assert tab.model.index(0, 5).data() == "会员日"
    tab.campaign_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: first_number(tab.summary) == 1000, timeout=5000)
    # search: a whole number (Enter), its last digits (typing, applied within 300 ms)
    tab.search.setText("13901000123")
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: first_number(tab.summary) == 1, timeout=5000)
    assert tab.model.loaded_row(0).mobile == "13901000123"
    tab.search.clear()
    qtbot.keyClicks(tab.search, "0399")
    qtbot.waitUntil(lambda: tab.model.filter.search == "0399", timeout=1000)
    qtbot.waitUntil(lambda: first_number(tab.summary) == 2, timeout=5000)   # 13901000399 and 13902000399
    # msgId and batch are hidden until chosen from the header's menu
    assert not tab.table.column_visible("msg_id") and not tab.table.column_visible("batch")
    assert tab.table.column_visible("status") and tab.table.column_visible("code")
    menu = tab.table.column_menu()                    # the header's context menu
    titles = {a.text(): a for a in menu.actions()}
    assert {"msgId", "批次", "号段归属"} <= set(titles) and "状态" not in titles and "代码" not in titles
    assert not titles["msgId"].isChecked()
    titles["msgId"].trigger()
    menu.close()
    assert tab.table.column_visible("msg_id") and tab.model.index(0, 6).data().startswith("M")


def test_rows_load_as_they_come_into_view_and_sort_in_sql(tab_ctx, qtbot, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    with Store(home / "ljsms.sqlite3") as s:
        add_campaign(s, 1, 6000, 10, codes=("DELIVRD", "UNDELIV"))
    ctx = tab_ctx(home)
    tab = open_tab(qtbot, ReportsTab, ctx, size=(1366, 700))
    m = tab.model
    assert m.rowCount() == 6000 and m.loaded_pages == 1          # only the first page was read
    middle = 3333
    assert m.index(middle, 0).data() == "…"                       # a placeholder until its page arrives
    tab.view.scrollTo(m.index(middle, 0))
    qtbot.waitUntil(lambda: m.loaded_row(middle) is not None, timeout=8000)
    assert m.index(middle, 0).data() != "…" and m.loaded_pages <= 4
    # rows in newest-first order, one after the other (pages join without a gap or a repeat)
    keys = [m.loaded_row(i).key for i in range(3200, 3400) if m.loaded_row(i) is not None]
    assert keys == sorted(keys, reverse=True) and len(set(keys)) == len(keys)
    # a click on 手机号 sorts by number in SQL
    tab.view.horizontalHeader().sectionClicked.emit(1)
    qtbot.waitUntil(lambda: tab.model.sort.column == "mobile" and tab.table.opened >= 2, timeout=8000)
    qtbot.waitUntil(lambda: m.loaded_row(1) is not None, timeout=5000)
    first = [m.loaded_row(i).mobile for i in range(3)]
    assert first == sorted(first) and first[0] == "13901000000"


def test_late_reports_in_the_middle_keep_every_row_reachable_in_order(tab_ctx, qtbot, tmp_path, monkeypatch):
    """Late reports of an earlier request arrive below the top (as they do): after the live refresh the
    anchors are moved, not found again, and every row is still where a walk over all of them puts it."""
    home = tmp_path / "home"
    home.mkdir()
    with Store(home / "ljsms.sqlite3") as s:
        nums = [f"1390100{i:04d}" for i in range(2000)]
        cid = s.create_campaign(kind="plain", content=SIGNED, name="早的", batches=[nums], batch_parts=[1])
        b = s.batches(cid)[0]
        s.mark_sending(b.id)
        s.mark_accepted(b.id, "M01")
        early = [Report("M01", m, "DELIVRD", "2026-11-29 09:00:00", b.ext) for m in nums]
        s.save_reports(early[::2])                    # half of them now, the rest later
        add_campaign(s, 2, 2000, 10)                  # a newer request, all reported
    ctx = tab_ctx(home)
    tab = open_tab(qtbot, ReportsTab, ctx, size=(1366, 700), ready=lambda tab: tab.model.has_anchors())
    assert tab.model.rowCount() == 3000
    bar = tab.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    qtbot.waitUntil(lambda: tab.model.loaded_row(tab.view.rowAt(0)) is not None, timeout=5000)
    opened = tab.table.opened
    scans = []
    real = ReportQueries.anchors
    monkeypatch.setattr(ReportQueries, "anchors", lambda self, *a, **k: scans.append(1) or real(self, *a, **k))
    with Store(home / "ljsms.sqlite3") as other:
        other.save_reports(early[1::2])               # 1000 rows in the middle of the order
    qtbot.waitUntil(lambda: tab.table.opened > opened and tab.model.rowCount() == 4000, timeout=8000)
    assert not scans                                  # the anchors were moved, not found again
    m = tab.model
    pages = {}
    for p in (13, 2, 17, 7, 19, 0, 11, 5, 15, 9, 1, 18, 4, 12, 8, 16, 3, 10, 6, 14):   # jumps, not a walk
        tab.view.scrollTo(m.index(p * 200 + 100, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        qtbot.waitUntil(lambda: all(m.loaded_row(i) is not None for i in range(p * 200, p * 200 + 200)),
                        timeout=5000)
        pages[p] = [m.loaded_row(i).key for i in range(p * 200, p * 200 + 200)]
    keys = [k for p in sorted(pages) for k in pages[p]]
    assert len(set(keys)) == 4000 and keys == sorted(keys, reverse=True)


def test_the_view_lets_go_of_the_file_while_a_restore_runs_and_comes_back(tab_ctx, qtbot, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    with Store(home / "ljsms.sqlite3") as s:
        add_campaign(s, 1, 300, 10)
    ctx = tab_ctx(home)
    tab = open_tab(qtbot, ReportsTab, ctx)
    ctx.store_exclusive = True                        # what ui/restore_dialog.py sets while it restores
    qtbot.waitUntil(lambda: not ctx.tasks.is_running("view:reportsView"), timeout=5000)
    with Store(home / "ljsms.sqlite3") as other:
        add_campaign(other, 2, 10, 12)
    opened = tab.table.opened
    tab.table.refresh()                               # asked meanwhile: waits, no connection is opened
    qtbot.wait(300)
    assert tab.table.opened == opened and not ctx.tasks.is_running("view:reportsView")
    ctx.store_exclusive = False                       # the restore is over: the worker starts again
    qtbot.waitUntil(lambda: tab.table.opened > opened and tab.model.rowCount() == 310, timeout=8000)


def test_a_reply_to_a_template_campaign_shows_the_recipients_sheet_values(tab_ctx, qtbot, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    with Store(home / "ljsms.sqlite3") as s:
        cid = s.create_campaign(kind="template", content="【联江】尊敬的{}，您的订单{}已发货", template_id="1001",
                                name="发货通知", batches=[[("13800138000", ["张三", "DD001"]),
                                                         ("13800138001", ["李四", "DD002"])]], batch_parts=[2])
        b = s.batches(cid)[0]
        s.mark_sending(b.id)
        s.mark_accepted(b.id, "9001")
        s.save_replies([Reply("13800138001", "好的，谢谢", "2026-11-29 10:00:00", "", "9001")])
    ctx = tab_ctx(home)
    tab = open_tab(qtbot, RepliesTab, ctx, ready=lambda tab: tab.model.rowCount() == 1)
    qtbot.waitUntil(lambda: tab.model.loaded_row(0) is not None, timeout=5000)
    assert tab.model.index(0, 3).data() == "李四 · DD002"          # 表格内容, beside the reply
    assert tab.model.index(0, 5).data() == "发货通知"


def test_a_reply_beginning_with_equals_exports_as_text(tab_ctx, qtbot, tmp_path):
    import openpyxl

    home = tmp_path / "home"
    home.mkdir()
    with Store(home / "ljsms.sqlite3") as s:
        s.save_replies([Reply("13800138000", "=HYPERLINK(\"http://x\",\"点我\")", "2026-11-29 10:00:00", "", ""),
                        Reply("13800138001", "+1 好的", "2026-11-29 10:01:00", "", "")])
    ctx = tab_ctx(home)
    tab = open_tab(qtbot, RepliesTab, ctx, ready=lambda tab: tab.model.rowCount() == 2)
    xlsx, csv_path = tmp_path / "回复.xlsx", tmp_path / "回复.csv"
    tab.export_to(xlsx)
    qtbot.waitUntil(lambda: tab.exported == 1, timeout=10000)
    tab.export_to(csv_path)
    qtbot.waitUntil(lambda: tab.exported == 2, timeout=10000)
    assert "已导出 2 条" in tab.note.text() and first_number(tab.summary) == 2
    ws = openpyxl.load_workbook(xlsx).active
    cells = {ws.cell(r, 3).value: ws.cell(r, 3) for r in (2, 3)}
    formula = cells['=HYPERLINK("http://x","点我")']
    assert formula.data_type == "s"                         # a string cell, never a formula
    assert cells["+1 好的"].data_type == "s"
    with open(csv_path, encoding="utf-8-sig", newline="") as fh:
        texts = [row[2] for row in csv.reader(fh)][1:]
    assert "'=HYPERLINK(\"http://x\",\"点我\")" in texts    # the apostrophe keeps it text in Excel


def test_report_export_of_the_current_filter(tab_ctx, qtbot, tmp_path):
    import openpyxl

    home = tmp_path / "home"
    home.mkdir()
    with Store(home / "ljsms.sqlite3") as s:
        add_campaign(s, 1, 3000, 10, codes=("DELIVRD", "UNDELIV", "DELIVRD"))
    ctx = tab_ctx(home)
    tab = open_tab(qtbot, ReportsTab, ctx)
    tab.status_filter.setCurrentIndex(next(i for i in range(tab.status_filter.count())
                                           if "失败" in tab.status_filter.itemText(i)))
    qtbot.waitUntil(lambda: first_number(tab.summary) == 1000, timeout=5000)
    target = tmp_path / "失败.xlsx"
    tab.export_to(target)
    qtbot.waitUntil(lambda: tab.exported == 1, timeout=15000)
    ws = openpyxl.load_workbook(target, read_only=True).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:4] == ("时间", "手机号", "状态", "代码") and len(rows) == 1001
    assert {r[3] for r in rows[1:]} == {"UNDELIV"} and all(r[4] for r in rows[1:])   # the explanation too


def test_an_export_can_be_cancelled_and_leaves_no_file(tab_ctx, qtbot, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    with Store(home / "ljsms.sqlite3") as s:
        add_campaign(s, 1, 60000, 10, codes=("DELIVRD", "UNDELIV"))
    ctx = tab_ctx(home)
    tab = open_tab(qtbot, ReportsTab, ctx)
    target = tmp_path / "全部.xlsx"
    tab.export_to(target)
    assert tab.export_progress.isVisible() and tab.export_cancel.isVisible() and not tab.export_button.isEnabled()
    qtbot.waitUntil(lambda: tab.export_progress.value() > 0, timeout=10000)   # progress while it writes
    tab.export_cancel.click()
    qtbot.waitUntil(lambda: tab.export_button.isEnabled(), timeout=10000)
    assert tab.note.text() == "已取消导出" and not target.exists() and first_number(tab.summary) == 60000
    assert not list(tmp_path.glob("*.xlsx*")) and not tab.export_progress.isVisible()


# -- a million stored reports -------------------------------------------------------------------------
@pytest.fixture(scope="session")
def million(tmp_path_factory):
    return reports_helpers.cached(tmp_path_factory.mktemp("million"), MILLION)


@pytest.mark.slow
def test_a_status_filter_and_a_number_search_at_a_million_reports(million, tab_ctx, qtbot, tmp_path):
    db, facts = million
    reports_helpers.copy_into(db, tmp_path / "home")
    ctx = tab_ctx(tmp_path / "home")
    tab = open_tab(qtbot, ReportsTab, ctx, size=(1366, 700), timeout=30000)
    assert first_number(tab.summary) == MILLION == tab.model.rowCount()
    # the scrollbar covers every row: the last one is reachable and loads
    tab.view.scrollToBottom()
    last = MILLION - 1
    qtbot.waitUntil(lambda: tab.model.loaded_row(last) is not None, timeout=10000)
    assert tab.model.loaded_pages < 100                     # only the pages that came into view
    # Ctrl+A over a million rows: the selection is ranges, kept across a refresh without an index per row
    import time as _time

    tab.view.selectAll()
    started = _time.perf_counter()
    assert tab.table.selected_row_numbers(3) == [0, 1, 2] and tab.table.has_selection()
    assert _time.perf_counter() - started < 0.05
    opened = tab.table.opened
    tab.table.refresh()
    qtbot.waitUntil(lambda: tab.table.opened > opened, timeout=30000)
    tab.view.clearSelection()
    # 已送达 / 失败
    groups = {tab.status_filter.itemData(i): i for i in range(tab.status_filter.count())}
    opened = tab.table.opened
    tab.status_filter.setCurrentIndex(groups["delivered"])
    qtbot.waitUntil(lambda: tab.model.filter.group == "delivered" and tab.table.opened > opened, timeout=30000)
    assert first_number(tab.summary) == facts["delivered"] == tab.model.rowCount()
    qtbot.waitUntil(lambda: tab.model.loaded_row(0) is not None, timeout=5000)
    assert tab.model.loaded_row(0).code == "DELIVRD"
    opened = tab.table.opened
    tab.status_filter.setCurrentIndex(groups["failed"])
    qtbot.waitUntil(lambda: tab.model.filter.group == "failed" and tab.table.opened > opened, timeout=30000)
    assert first_number(tab.summary) == MILLION - facts["delivered"]
    assert tab.model.loaded_row(0).code != "DELIVRD"
    # a number, then its last digits
    tab.status_filter.setCurrentIndex(0)
    wanted = facts["search"]
    tab.search.setText(wanted)
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.model.filter.search == wanted and first_number(tab.summary) == 1, timeout=30000)
    assert tab.model.loaded_row(0).mobile == wanted
    assert tab.model.loaded_row(0).campaign_name == facts["campaigns"][2][1]
