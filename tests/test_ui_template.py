"""模板群发 tab, driven through its real widgets: a real workbook, the simulator over loopback, a
real SQLite store, the real import and engine in QThreads."""

from __future__ import annotations

import time
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QElapsedTimer, QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from ljsms_desktop.credentials import MemoryCredentials
from ljsms_desktop.settings import Settings
from ljsms_desktop.store import Store
from ljsms_desktop.ui.context import AppContext
from ljsms_desktop.ui.template_tab import TemplateTab

TEMPLATE = "【联江科技】{}您好，您的订单{}已发货，请注意查收。回T退订"
TID = "T1001"
SAMPLE = Path(__file__).resolve().parents[1] / "resources" / "sample_import.xlsx"


def write_book(path: Path, rows: int, *, bad: bool = True) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "客户"
    ws.append(["手机号", "姓名", "订单号"])
    for i in range(rows):
        ws.append([13800000000 + i, f"客户{i}", f"DD{i:06d}"])
    if bad:
        ws.append(["1380000", "坏号码", "DD-bad"])          # invalid number
        ws.append([13800000000, "重复", "DD-dup"])          # duplicate of row 2
        ws.append([13900000000, "", "DD-empty"])            # missing value
    other = wb.create_sheet("备注")
    other.append(["说明"])
    wb.save(path)
    return path


def make_ctx(home: Path, sim, password: str = "demo") -> AppContext:
    creds = MemoryCredentials()
    creds.set_password("demo", password)
    s = Settings(base_url=sim.base_url, account="demo", quiet_start="00:00", quiet_end="00:00")
    return AppContext(home, settings=s, credentials=creds)


@pytest.fixture
def env(tmp_path, make_simulator, qtbot):
    made = []

    def build(**sim_kwargs):
        sim = make_simulator(templates={TID: TEMPLATE}, **sim_kwargs)
        ctx = make_ctx(tmp_path / "home", sim)
        # Create the data file first: the store's first open is not yet safe against concurrent
        # first opens (PRAGMA journal_mode=WAL answers 'database is locked'); reported to the lead.
        Store(ctx.db_path).close()
        tab = TemplateTab(ctx)
        qtbot.addWidget(tab)
        tab.resize(1000, 760)
        made.append(ctx)
        return ctx, sim, tab

    yield build
    for ctx in made:
        ctx.shutdown()
        assert all(t.isFinished() for t in ctx.tasks.running()), "a task outlived its test"


def fill_template(tab, text: str = TEMPLATE, tid: str = TID) -> None:
    tab.template_id_edit.setText(tid)
    tab.template_text_edit.setPlainText(text)


def wait_plan(qtbot, tab, timeout: int = 10000):
    qtbot.waitUntil(lambda: tab.plan is not None and not tab._importing and not tab._planning
                    and not tab._import_timer.isActive() and not tab._plan_timer.isActive(), timeout=timeout)
    return tab.plan


def test_import_map_preview_send_and_export(env, qtbot, tmp_path):
    ctx, sim, tab = env()
    fill_template(tab)
    book = write_book(tmp_path / "名单.xlsx", 1500)
    tab.load_file(book)
    plan = wait_plan(qtbot, tab)
    assert [tab.sheet_combo.itemText(i) for i in range(tab.sheet_combo.count())] == ["客户", "备注"]
    assert tab.mobile_combo.currentData() == 0 and [c.currentData() for c in tab.var_combos] == [1, 2]
    # Preview: the first rendered messages and their part counts.
    table = tab.preview_table
    assert table.item(0, 1).text() == "13800000000"
    assert table.item(0, 2).text() == "【联江科技】客户0您好，您的订单DD000000已发货，请注意查收。回T退订"
    assert table.item(0, 3).text().endswith("/ 1 条")
    # Validation summary and problem rows with their row numbers.
    summary = tab.import_summary.text()
    assert "共 1,503 行" in summary and "有效 <b>1,500</b>" in summary and "无效 2" in summary and "重复 1" in summary
    problems = [tab.problems_list.item(i).text() for i in range(tab.problems_list.count())]
    assert any(p.startswith("第 1502 行") and "1380000" in p for p in problems)
    assert any(p.startswith("第 1503 行") and "重复" in p for p in problems)
    assert any(p.startswith("第 1504 行") and "缺少" in p for p in problems)
    assert plan.batch_count == 2 and plan.cost == 1500

    # 导出问题行 (through the sheet layer, in a Task): the invalid rows with their reasons.
    out = tmp_path / "问题行.xlsx"
    assert tab.export_button.isEnabled()
    tab.export_problems(out)
    qtbot.waitUntil(lambda: "已导出问题行" in tab.progress.counts.text(), timeout=10000)
    rows = list(openpyxl.load_workbook(out, read_only=True).active.iter_rows(values_only=True))
    assert rows[0][-1] == "问题" and len(rows) == 3
    assert {str(r[0]) for r in rows[1:]} == {"1380000", "13900000000"}

    # Send: confirm with the real dialog, then every valid row goes out exactly once, rendered.
    qtbot.waitUntil(tab.send_button.isEnabled)
    qtbot.mouseClick(tab.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.confirm_dialog is not None and tab.confirm_dialog.isVisible())
    dlg = tab.confirm_dialog
    qtbot.waitUntil(lambda: "剩余 100,000 条" in dlg.balance_label.text())
    assert "98,500" in dlg.after_label.text()
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已发送" in tab.result_label.text(), timeout=15000)
    sent = sim.sent_counter()
    assert len(sent) == 1500 and set(sent.values()) == {1}
    accepted = sim.accepted
    assert sorted(len(a.mobiles) for a in accepted) == [500, 1000] and all(a.template_id == TID for a in accepted)
    texts = {m: c for a in accepted for m, c in zip(a.mobiles, a.contents)}
    assert texts["13800000001"] == "【联江科技】客户1您好，您的订单DD000001已发货，请注意查收。回T退订"
    with Store(ctx.db_path) as store:
        (camp,) = store.campaigns()
        assert camp.kind == "template" and store.stats(camp.id).accepted == 1500
    assert tab.plan is None and not tab.send_button.isEnabled()   # the file is forgotten: no second send


def test_mapping_and_template_changes_update_preview_and_plan(env, qtbot, tmp_path):
    ctx, sim, tab = env()
    fill_template(tab, "【联江科技】{}您好")
    tab.load_file(write_book(tmp_path / "a.xlsx", 20, bad=False))
    wait_plan(qtbot, tab)
    assert len(tab.var_combos) == 1 and tab.preview_table.item(0, 2).text() == "【联江科技】客户0您好"
    tab.set_variable_columns([2])                                  # map {} to 订单号 instead
    assert tab.preview_table.item(0, 2).text() == "【联江科技】DD000000您好"
    wait_plan(qtbot, tab)
    tab.template_text_edit.setPlainText(TEMPLATE)                  # two {} now: a second column combo
    assert len(tab.var_combos) == 2
    tab.set_variable_columns([1, 2])
    plan = wait_plan(qtbot, tab)
    assert plan.template == TEMPLATE and len(plan.recipients) == 20 and plan.ok
    tab.template_id_edit.setText("")
    qtbot.waitUntil(lambda: not tab.send_button.isEnabled() and "模板编号" in tab.send_button.toolTip())


def test_saved_templates_round_trip(env, qtbot):
    ctx, sim, tab = env()
    fill_template(tab)
    assert tab.save_template_button.isEnabled()
    tab.save_template_button.click()
    qtbot.waitUntil(lambda: tab.saved_combo.count() == 2)
    with Store(ctx.db_path) as store:
        assert store.template(TID).text == TEMPLATE
    tab.template_id_edit.clear()
    tab.template_text_edit.clear()
    tab.saved_combo.setCurrentIndex(1)
    tab.saved_combo.activated.emit(1)
    assert tab.template_id == TID and tab.template == TEMPLATE


def test_drop_a_workbook(env, qtbot, tmp_path):
    ctx, sim, tab = env()
    fill_template(tab)
    book = write_book(tmp_path / "drop.xlsx", 5, bad=False)
    md = QMimeData()
    md.setUrls([QUrl.fromLocalFile(str(book))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, md, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    tab.dropEvent(event)
    plan = wait_plan(qtbot, tab)
    assert len(plan.recipients) == 5 and "drop.xlsx" in tab.file_label.text()


@pytest.mark.skipif(not SAMPLE.exists(), reason="resources/sample_import.xlsx not there yet")
def test_sample_workbook_sends(env, qtbot):
    ctx, sim, tab = env()
    fill_template(tab)
    tab.load_file(SAMPLE)
    plan = wait_plan(qtbot, tab)
    assert plan.ok and plan.recipients
    tab.send()
    qtbot.waitUntil(lambda: tab.confirm_dialog is not None and tab.confirm_dialog.ok_button.isEnabled())
    tab.confirm_dialog.ok_button.click()
    qtbot.waitUntil(lambda: "已发送" in tab.result_label.text(), timeout=15000)
    assert set(sim.sent_counter().values()) == {1} and len(sim.sent_counter()) == len(plan.recipients)


def test_big_import_runs_off_the_gui_thread_and_cancels(env, qtbot, tmp_path):
    """100,000 rows: the heartbeat on the GUI thread keeps ticking; a second import is cancelled."""
    ctx, sim, tab = env()
    fill_template(tab)
    big = tmp_path / "big.csv"
    with big.open("w", encoding="utf-8") as f:
        f.write("手机号,姓名,订单号\n")
        f.writelines(f"{13000000000 + i},客户{i},DD{i}\n" for i in range(100_000))
    gaps = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def beat():
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    heart = QTimer()
    heart.setInterval(5)
    heart.timeout.connect(beat)
    heart.start()
    started = time.perf_counter()
    tab.load_file(big)
    plan = wait_plan(qtbot, tab, timeout=30000)
    heart.stop()
    took = time.perf_counter() - started
    assert len(plan.recipients) == 100_000 and plan.batch_count == 100
    worst = max(gaps[1:])
    print(f"\n100,000-row import + plan: {took:.2f} s; longest GUI-thread gap {worst} ms")
    # Target 50 ms, measured by benchmarks/bench_ui.py. Here, on a shared 2-core machine, GIL hand-offs
    # under CPU contention leave 30-180 ms; this bound catches the import or plan landing on the GUI thread.
    assert worst < 400

    # Cancel: start the import again (a mapping change) and cancel at its first progress report.
    tab.set_mobile_column(1)   # nonsense mapping → invalid rows, but the import runs
    tab.set_mobile_column(0)
    qtbot.waitUntil(lambda: tab._importing, timeout=5000)
    qtbot.mouseClick(tab.progress.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab._importing, timeout=10000)
    assert "已取消" in tab.progress.counts.text() or tab.plan is not None
    assert len(sim.sent_counter()) == 0
    QApplication.processEvents()


@pytest.mark.skipif(not SAMPLE.exists(), reason="resources/sample_import.xlsx not there yet")
def test_download_sample_workbook(env, qtbot, tmp_path):
    """下载示例表格: the button sits by 导入表格; the copy is a workbook with the sample's headers that imports."""
    from PySide6.QtWidgets import QPushButton

    ctx, sim, tab = env()
    button = tab.findChild(QPushButton, "downloadSampleButton")
    assert button is tab.sample_button and button.isEnabled() and "示例" in button.text()
    folder = tmp_path / "下载"
    folder.mkdir()
    out = folder / "示例导入表格"                 # no suffix typed: .xlsx is added
    assert tab.save_sample_to(out)
    saved = out.with_suffix(".xlsx")
    assert "已保存" in tab.result_label.text() and str(saved) in tab.result_label.text()
    assert ctx.qsettings.value("folders/sample") == str(folder)
    rows = list(openpyxl.load_workbook(saved, read_only=True).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("手机号", "姓名", "订单号") and len(rows) > 1
    # It imports as it is, with the demo-style template.
    fill_template(tab, "【联江科技】尊敬的{}，您的订单{}已发货。回T退订")
    tab.load_file(saved)
    assert len(wait_plan(qtbot, tab).recipients) == len(rows) - 1
    # A place that cannot be written: said in words, nothing raised.
    assert not tab.save_sample_to(tmp_path / "没有这个文件夹" / "x.xlsx")
    assert "未能保存" in tab.result_label.text() and "Traceback" not in tab.result_label.text()
