"""发送记录, the campaign detail (chart, resume, resend failed / unconfirmed, export), the 退订名单 manager,
the tray and F5 — real widgets under pytest-qt, real SQLite in tmp folders, the simulator over HTTP.

The simulator draws each number's report at random; these tests fix it per number instead
(``fixed_reports``): the outcome of a number is what the test says, everything else is the real path
(HTTP send, pull, store, views)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QSystemTrayIcon, QTabWidget

from ljsms_desktop import usecases
from ljsms_desktop.api import LjClient
from ljsms_desktop.core.planning import plan_template
from ljsms_desktop.engine import Poller
from ljsms_desktop.settings import Settings
from ljsms_desktop.simulator import state as sim_state
from ljsms_desktop.store import Store
from ljsms_desktop.ui.campaign_detail import CampaignDetail
from ljsms_desktop.ui.charts import render_to_image
from ljsms_desktop.ui.confirm_dialog import ConfirmSendDialog
from ljsms_desktop.ui.resend_dialog import ResendDialog
from ljsms_desktop.usecases import results

CONTENT = "【联江科技】会员日全场八折，回T退订"
TEMPLATE = "【联江科技】尊敬的{}，您的订单{}已发货，回T退订"
SHOTS = Path(os.environ.get("LJSMS_SHOTS", "/tmp/ljsms-shots"))

# One number per outcome: delivered, each failure bucket, an opt-out code.
N = {"ok": "13800000001", "unreachable": "13800000002", "number": "13800000003", "rate": "13800000004",
     "unknown": "13800000005", "optout": "13800000006", "content": "13800000007", "ok2": "13800000008"}
CODES = {N["ok"]: "DELIVRD", N["ok2"]: "DELIVRD", N["unreachable"]: "EXPIRED", N["number"]: "MK:0001",
         N["rate"]: "BEYONDN", N["unknown"]: "UNKNOWN", N["optout"]: "MX:0012", N["content"]: "REJECTD"}


@pytest.fixture
def fixed_reports(monkeypatch):
    """Each number's report code from *codes* (DELIVRD for any other number); no random replies."""
    codes: dict[str, str] = dict(CODES)

    def expand(batch) -> None:
        if batch.statuses is None:
            batch.statuses = [codes.get(m, "DELIVRD") for m in batch.mobiles]

    monkeypatch.setattr(sim_state.GatewayState, "_expand", staticmethod(expand))
    return codes


@pytest.fixture
def sim(make_simulator, fixed_reports):
    return make_simulator(templates={"1001": TEMPLATE})


@pytest.fixture
def home(tmp_path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


@pytest.fixture
def services(home, sim):
    db = home / "ljsms.sqlite3"
    Store(db).close()
    return usecases.Services(open_store=lambda: Store(db), make_client=lambda: LjClient(sim.base_url, "demo", "demo"))


def pull(services, sim) -> None:
    sim.make_all_due()
    with LjClient(sim.base_url, "demo", "demo") as client:
        poller = Poller(services.open_store, client, 1)
        try:
            poller.poll_once()
        finally:
            poller.close()


def template_campaign(services, sim, name="双十一发货通知") -> int:
    rows = [(m, [f"客户{i}", f"D{i:04d}"]) for i, m in enumerate(N.values())]
    plan = plan_template(TEMPLATE, "1001", rows)
    out = usecases.send_draft(services, usecases.Draft(plan, name))
    assert out.state == "done"
    pull(services, sim)
    return out.campaign_id


@pytest.fixture
def open_window(open_window):
    """conftest's at 1366x740, closed as by 退出."""
    def make(sim=None, *, poll_interval=1, home=None):
        return open_window(sim, home, poll_interval=poll_interval, size=(1366, 740), quit=True)

    return make


def shot(widget, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


def suppressed(window) -> set[str]:
    with Store(window.ctx.db_path) as store:
        return store.suppressed_mobiles()


def open_detail(window, qtbot, cid: int) -> CampaignDetail:
    view = window.campaigns
    qtbot.waitUntil(lambda: any(r[0] == cid for r in view.model.rows), timeout=10000)
    row = next(i for i, r in enumerate(view.model.rows) if r[0] == cid)
    view.view.setFocus()
    view.view.setCurrentIndex(view.model.index(row, 0))
    qtbot.keyClick(view.view, Qt.Key.Key_Return)       # Enter opens the detail (so does a double-click)
    detail = window.findChild(CampaignDetail, "campaignDetail")
    assert detail is not None and detail.campaign_id == cid
    qtbot.waitUntil(lambda: detail.loaded >= 1, timeout=10000)
    return detail


# -- the use cases ------------------------------------------------------------------------------------

def test_resend_failed_picks_the_chosen_buckets_and_keeps_template_values(services, sim):
    cid = template_campaign(services, sim)
    assert set(results.default_buckets()) == {"unreachable", "rate", "carrier"}
    assert "unknown" not in results.resendable_buckets()
    draft = results.resend_draft(services, cid, results.default_buckets())
    plan = draft.plan
    assert plan.kind == "template" and plan.template == TEMPLATE and plan.template_id == "1001"
    mobiles = list(N.values())
    assert plan.recipients == [N["unreachable"], N["rate"]]
    assert plan.values == [[f"客户{mobiles.index(m)}", f"D{mobiles.index(m):04d}"] for m in plan.recipients]
    # Asking for unknown changes nothing; a permanent bucket only when ticked; the opt-out is suppressed.
    assert results.resend_draft(services, cid, ["unknown"] + list(results.default_buckets())).plan.recipients == \
        plan.recipients
    wide = results.resend_draft(services, cid, ["number", "blocked", "unreachable"]).plan
    assert wide.recipients == [N["unreachable"], N["number"]] and wide.suppressed == [N["optout"]]
    with pytest.raises(usecases.UseCaseError) as e:
        results.resend_draft(services, cid, ["carrier"])
    assert e.value.code == "nothing_to_resend"


def test_export_results_one_row_per_number_with_sheet_values(services, sim, tmp_path):
    import openpyxl

    cid = template_campaign(services, sim)
    path, n = results.export_results(services, cid, tmp_path / "结果.xlsx")
    assert n == len(N)
    ws = openpyxl.load_workbook(path).active
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0][:3]) == ["手机号", "变量1", "变量2"] and "回复" in rows[0]
    by = {r[0]: r for r in rows[1:]}
    assert set(by) == set(N.values())
    assert by[N["unreachable"]][1:3] == ("客户1", "D0001")
    status = rows[0].index("状态")
    assert by[N["ok"]][status] == "已送达" and "暂时不可达" in by[N["unreachable"]][status]


# -- the window -----------------------------------------------------------------------------------------

def test_campaign_list_rate_dash_test_sends_and_daily_summary(open_window, sim, qtbot):
    sim.configure(report_delay=3600)     # no report arrives during the test: the rate stays "—"
    w = open_window(sim, poll_interval=3600)
    services = w.campaigns._services()
    usecases.store_draft(services, usecases.draft_plain(CONTENT, ["13900000001"], name="还没发"))
    usecases.send_draft(services, usecases.draft_plain(CONTENT, ["13900000002"], name="测试发送 · 会员日"))
    w.campaigns.refresh()
    view = w.campaigns
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=5000)
    texts = {view.model.rows[r][0]: [view.model.data(view.model.index(r, c)) for c in range(view.model.columnCount())]
             for r in range(2)}
    rate_col = [c.title for c in view.model.columns].index("送达率")
    assert all(t[rate_col] == "—" for t in texts.values())          # no report yet: a dash, never 0.0%
    assert any(t[1].startswith("［测试］") for t in texts.values())
    view.show_tests.setChecked(False)
    assert view.model.rowCount() == 1 and "已隐藏" in view.summary.text()
    qtbot.waitUntil(lambda: view.day_model.rowCount() >= 1, timeout=5000)


def test_detail_chart_renders_and_explains(open_window, services, home, sim, qtbot):
    cid = template_campaign(services, sim)
    w = open_window(sim, poll_interval=3600, home=home)
    detail = open_detail(w, qtbot, cid)
    chart = detail.outcome_chart
    assert chart.objectName() == "outcomeChart"
    keys = {s.key: s.value for s in chart.segments()}
    assert keys["delivered"] == 2 and keys["unreachable"] == 1 and keys["blocked"] == 1
    image = render_to_image(chart, (420, 300))
    green = QColor("#2f9e44")
    hits = sum(1 for x in range(0, 420, 3) for y in range(0, 300, 3)
               if abs(QColor(image.pixel(x, y)).red() - green.red()) < 12
               and abs(QColor(image.pixel(x, y)).green() - green.green()) < 12
               and abs(QColor(image.pixel(x, y)).blue() - green.blue()) < 12)
    assert hits > 50, "the delivered slice is drawn"
    tags = {b.tag for b in detail.codes_chart.bars()}
    assert {"EXPIRED", "MK:0001", "MX:0012"} <= tags
    assert detail.carrier_chart.bars() and "携号转网" in detail.carrier_note.text()
    assert "中位数" in detail.latency_label.text()
    assert detail.load_ms is not None
    detail.resize(1100, 720)
    qtbot.wait(50)
    shot(detail, "campaign-detail-zh")


def test_resend_failed_from_the_detail_sends_a_linked_campaign(open_window, services, home, sim, qtbot):
    cid = template_campaign(services, sim)
    w = open_window(sim, poll_interval=3600, home=home)
    detail = open_detail(w, qtbot, cid)
    assert detail.resend_button.isEnabled()
    dlg = detail.resend_failed()
    assert isinstance(dlg, ResendDialog)
    checks = dlg.checks
    assert checks["unreachable"].isChecked() and checks["rate"].isChecked()
    assert not checks["number"].isChecked() and not checks["blocked"].isChecked()     # permanent: off
    assert not checks["unknown"].isEnabled()                                           # never
    shot(dlg, "resend-dialog-zh")
    dlg.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: isinstance(detail.confirm_dialog, ConfirmSendDialog), timeout=5000)
    confirm = detail.confirm_dialog
    assert confirm.plan.recipients == [N["unreachable"], N["rate"]]
    before = len(sim.accepted)
    confirm.accept()
    qtbot.waitUntil(lambda: len(sim.accepted) == before + 1 and not detail.runner.busy, timeout=10000)
    sent = sim.accepted[-1]
    assert sent.template_id == "1001" and list(sent.mobiles) == [N["unreachable"], N["rate"]]
    assert [list(v) for v in sent.values] == [["客户1", "D0001"], ["客户3", "D0003"]]
    new_id = detail._new_id
    qtbot.waitUntil(lambda: results.campaign_detail(services, new_id).resend_of == cid, timeout=5000)


def test_resume_from_the_detail(open_window, sim, qtbot):
    w = open_window(sim, poll_interval=3600)
    services = w.campaigns._services()
    numbers = [str(13700000000 + i) for i in range(5)]
    cid = usecases.store_draft(services, usecases.draft_plain(CONTENT, numbers, name="昨晚没发完"))
    w.campaigns.refresh()
    detail = open_detail(w, qtbot, cid)
    assert detail.resume_button.isEnabled() and "5" in detail.resume_button.toolTip()
    qtbot.mouseClick(detail.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sorted(m for a in sim.accepted for m in a.mobiles) == numbers, timeout=10000)
    qtbot.waitUntil(lambda: detail.data.detail.summary.state == "done", timeout=10000)
    assert not detail.resume_button.isEnabled() and detail.resume_button.toolTip()   # disabled with a reason
    assert not detail.cancel_button.isEnabled()


def test_unconfirmed_numbers_are_offered_only_after_the_set_time_and_confirmed(open_window, sim, qtbot):
    w = open_window(sim, poll_interval=3600)
    services = w.campaigns._services()
    # A 502 from a proxy before the gateway saw the request: "unknown" to us, and no report will ever come.
    sim.inject("sms", status=502, body=b"<html>502 Bad Gateway</html>", content_type="text/html")
    out = usecases.send_draft(services, usecases.draft_plain(CONTENT, ["13600000001", "13600000002"], name="断线"))
    assert out.stats.unknown == 2
    w.campaigns.refresh()
    detail = open_detail(w, qtbot, out.campaign_id)
    assert not detail.unconfirmed_button.isEnabled() and "72" in detail.unconfirmed_button.toolTip()
    assert not detail.resend_button.isEnabled()       # unknown numbers are never "failed"
    w.ctx.settings.unconfirmed_after_hours = 0        # (a test: no report "for 0 hours")
    detail.refresh()
    qtbot.waitUntil(lambda: detail.unconfirmed_button.isEnabled(), timeout=5000)
    assert detail.stale_label.isVisible() and "两次" in detail.stale_label.text()
    detail.resend_unconfirmed()
    box = detail.confirm_dialog
    assert isinstance(box, QMessageBox) and "两次" in box.text()
    accept = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    accept.click()
    qtbot.waitUntil(lambda: isinstance(detail.confirm_dialog, ConfirmSendDialog), timeout=5000)
    detail.confirm_dialog.accept()
    qtbot.waitUntil(lambda: sim.sent_count("13600000001") == 1 and sim.sent_count("13600000002") == 1, timeout=10000)


def test_an_opt_out_code_and_a_td_reply_both_suppress(open_window, sim, qtbot, fixed_reports):
    w = open_window(sim, poll_interval=1)
    with LjClient(sim.base_url, "demo", "demo") as c:
        r = c.send(CONTENT, [N["optout"], N["ok"], N["ok2"]])
    sim.make_all_due()
    sim.add_reply(N["ok"], "TD", msg_id=r.msg_id)
    tabs = w.findChild(QTabWidget, "tabs")
    tabs.setCurrentWidget(w.suppression)
    view = w.suppression
    qtbot.waitUntil(lambda: {row[0] for row in view.model.rows} >= {N["optout"], N["ok"]}, timeout=15000)
    by = {row[0]: row for row in view.model.rows}
    assert N["ok2"] not in by
    assert by[N["optout"]][3] == "MX:0012" and by[N["ok"]][2] == "TD"
    shot(w, "suppression-zh")


def test_the_suppression_manager_adds_removes_and_searches(open_window, sim, qtbot, tmp_path, monkeypatch):
    w = open_window(sim, poll_interval=3600)
    view = w.suppression
    w.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.loaded >= 1, timeout=5000)
    dlg = view.add_numbers()
    dlg.numbers.setPlainText("138 0013 8000\n+86 13900139000, 12345")
    dlg.reason.setText("客户来电要求")
    dlg.accept()
    qtbot.waitUntil(lambda: len(view.model.rows) == 2, timeout=5000)
    assert "已加入 2 个号码" in view.last_result and "12345" in view.last_result
    assert {r[2] for r in view.model.rows} == {"客户来电要求"}
    view.search.setText("9000")
    qtbot.waitUntil(lambda: [r[0] for r in view.model.rows] == ["13900139000"], timeout=3000)
    view.view.selectRow(0)
    monkeypatch.setattr("ljsms_desktop.ui.suppression_view.QInputDialog.getText",
                        lambda *a, **k: ("客户同意接收", True))
    view.remove_selected()
    qtbot.waitUntil(lambda: view.model.rowCount() == 0 and "已移出 1" in view.last_result, timeout=5000)
    view.search.setText("")
    qtbot.waitUntil(lambda: [r[0] for r in view.model.rows] == ["13800138000"], timeout=3000)
    out = tmp_path / "名单.csv"
    view.export_to(str(out))
    qtbot.waitUntil(lambda: out.exists() and "已导出" in view.last_result, timeout=5000)
    assert "13800138000" in out.read_text(encoding="utf-8-sig")
    sheet = tmp_path / "退订.csv"
    sheet.write_text("手机号\n13500000001\n13500000002\n", encoding="utf-8")
    assert results.looks_like_opt_out_sheet(sheet.stem)
    view.import_path(str(sheet))
    qtbot.waitUntil(lambda: view.total == 3, timeout=10000)


@pytest.mark.qt_log_ignore("systemTrayWindowChanged", "does not support raise")   # offscreen has no real tray
def test_f5_polls_now_and_the_tray_keeps_the_poller(open_window, sim, qtbot, monkeypatch):
    w = open_window(sim, poll_interval=3600)
    qtbot.waitUntil(lambda: "拉取" in w.poll_label.text(), timeout=5000)   # the first poll at start
    with LjClient(sim.base_url, "demo", "demo") as c:
        c.send(CONTENT, ["13500000009"])
    sim.make_all_due()
    handed = len(sim.reports_handed_out)
    w.poll_action.trigger()                                                 # F5
    qtbot.waitUntil(lambda: len(sim.reports_handed_out) == handed + 1, timeout=5000)
    assert w.poll_action.shortcut().toString() == "F5"
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    w.close()                                                               # to the tray
    assert not w.isVisible() and w.ctx.tasks.is_running("poller")
    assert w.tray is not None and w.tray.contextMenu() is not None
    monkeypatch.setattr(type(w), "_ask_quit", lambda self: False)
    from ljsms_desktop.jobs.campaign import runner_for

    runner = runner_for(w.ctx)
    monkeypatch.setattr(type(runner), "busy", property(lambda self: True))
    w.quit()                                                                # a send runs: asked, said no
    assert w.ctx.tasks.is_running("poller")
    monkeypatch.undo()
    w.show_from_tray()
    assert w.isVisible()
    QApplication.processEvents()


def test_a_sheet_named_like_an_opt_out_list_is_offered_to_the_list_not_sent_to(open_window, sim, qtbot, tmp_path):
    w = open_window(sim, poll_interval=3600)
    sheet = tmp_path / "客户退订名单.csv"
    sheet.write_text("手机号\n13500000011\n13500000012\n", encoding="utf-8")
    w.compose.import_numbers_file(sheet)
    box = w.compose.findChild(QMessageBox, "optOutSheetQuestion")
    assert box is not None and "退订" in box.text()
    add = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)
    add.click()
    qtbot.waitUntil(lambda: suppressed(w) == {"13500000011", "13500000012"}, timeout=10000)
    assert not w.compose._sources, "nothing was added to the numbers to send to"


def test_painting_a_chart_thousands_of_times_does_not_kill_the_interpreter(tmp_path):
    """PySide6 6.12 on CPython 3.11 loses a reference to None per void Qt call: without the guard in
    ljsms_desktop.ui the interpreter aborted after ~150 paints of the donut (in a child process here)."""
    import subprocess
    import sys

    script = tmp_path / "paint.py"
    script.write_text(
        "import os\nos.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from ljsms_desktop.ui.charts import DonutChart, Segment, render_to_image\n"
        "app = QApplication([])\nc = DonutChart()\n"
        "c.set_data([Segment('a', 5, 'delivered'), Segment('b', 3, 'number')])\n"
        "for _ in range(2000):\n    render_to_image(c, (300, 200))\nprint('painted')\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=240)
    assert out.returncode == 0 and "painted" in out.stdout, out.stderr[-2000:]


def test_ljsms_export_results_is_the_windows_export(sim, tmp_path, monkeypatch, capsys):
    """``ljsms export results FILE --campaign ID``: the same use case as the detail's 导出结果; a reply that
    starts with = is written as text."""
    import openpyxl

    from ljsms_desktop.cli import main

    monkeypatch.setenv("LJSMS_HOME", str(tmp_path / "cli"))
    monkeypatch.setenv("LJSMS_PASSWORD", "demo")
    args = ["--base-url", sim.base_url, "--account", "demo"]
    assert main(args + ["send", "--content", CONTENT, "--to", f"{N['ok']},{N['number']}", "--yes"]) == 0
    sim.make_all_due()
    sent = sim.accepted[-1]
    sim.add_reply(N["ok"], "=1+1", expand=sent.ext, msg_id=sent.msg_id)
    assert main(args + ["pull"]) == 0
    assert main(args + ["export", "results", str(tmp_path / "r.xlsx")]) == 2          # --campaign is needed
    assert main(args + ["export", "results", str(tmp_path / "r.xlsx"), "--campaign", "1"]) == 0
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx").active
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    header = [c.value for c in ws[1]]
    assert set(rows) == {N["ok"], N["number"]}
    assert rows[N["ok"]][header.index("回复")] == "=1+1" and ws.cell(2, 1).data_type == "s"
    assert "失败" in rows[N["number"]][header.index("状态")]


def test_cancel_from_the_detail_and_no_dead_buttons(open_window, sim, qtbot, monkeypatch):
    w = open_window(sim, poll_interval=3600)
    services = w.campaigns._services()
    cid = usecases.store_draft(services, usecases.draft_plain(CONTENT, ["13400000001", "13400000002"], name="不发了"))
    w.campaigns.refresh()
    detail = open_detail(w, qtbot, cid)
    assert detail.cancel_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(detail.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: detail.data.detail.summary.state == "cancelled", timeout=5000)
    assert sim.sent_count("13400000001") == 0
    buttons = (detail.resume_button, detail.cancel_button, detail.resend_button, detail.unconfirmed_button,
               detail.export_button)
    assert not detail.resume_button.isEnabled() and not detail.cancel_button.isEnabled()
    for b in buttons:   # a button that does nothing says why
        assert b.isEnabled() or b.toolTip(), b.objectName()


def test_the_unconfirmed_after_hours_setting_is_validated_like_the_others(tmp_path):
    import json

    path = tmp_path / "settings.json"
    assert Settings.load(path).unconfirmed_after_hours == 72
    for bad, code in ((0, "bad_value"), ("72", "wrong_type"), (None, "wrong_type"), (24 * 366, "bad_value")):
        path.write_text(json.dumps({"unconfirmed_after_hours": bad}), encoding="utf-8")
        s = Settings.load(path)
        assert s.unconfirmed_after_hours == 72 and [(n.field, n.code) for n in s.notices] == \
            [("unconfirmed_after_hours", code)]
    path.write_text(json.dumps({"unconfirmed_after_hours": 24}), encoding="utf-8")
    assert Settings.load(path).unconfirmed_after_hours == 24 and not Settings.load(path).notices


def test_export_results_from_the_detail(open_window, services, home, sim, qtbot, tmp_path):
    import openpyxl

    cid = template_campaign(services, sim)
    w = open_window(sim, poll_interval=3600, home=home)
    detail = open_detail(w, qtbot, cid)
    assert detail.export_button.isEnabled()
    out = tmp_path / "结果.xlsx"
    detail.export_to(str(out))
    qtbot.waitUntil(lambda: detail.last_export is not None, timeout=10000)
    assert detail.last_export == (str(out), len(N)) and not detail.export_cancel.isVisible()
    rows = list(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert len(rows) == len(N) + 1 and rows[0][1:3] == ("变量1", "变量2")


def test_ljsms_resend_and_suppress_import_use_the_same_use_cases(sim, tmp_path, monkeypatch, capsys):
    from ljsms_desktop.cli import main

    home = tmp_path / "cli"
    monkeypatch.setenv("LJSMS_HOME", str(home))
    monkeypatch.setenv("LJSMS_PASSWORD", "demo")
    args = ["--base-url", sim.base_url, "--account", "demo"]
    sheet = tmp_path / "名单.csv"
    sheet.write_text("手机号,姓名,订单号\n" + "".join(f"{m},客户{i},D{i:04d}\n" for i, m in enumerate(N.values())),
                     encoding="utf-8")
    assert main(args + ["template", "--template-id", "1001", "--template", TEMPLATE, "--file", str(sheet),
                        "--yes"]) == 0
    assert main(args + ["pull"]) == 0
    assert main(args + ["resend", "1", "--buckets", "unknown", "--yes"]) == 2      # unknown: never
    before = len(sim.accepted)
    assert main(args + ["resend", "1", "--yes"]) == 0
    assert len(sim.accepted) == before + 1
    sent = sim.accepted[-1]
    assert list(sent.mobiles) == [N["unreachable"], N["rate"]] and [list(v) for v in sent.values] == \
        [["客户1", "D0001"], ["客户3", "D0003"]]
    services = usecases.Services(open_store=lambda: Store(home / "ljsms.sqlite3"), make_client=lambda: None)
    assert results.campaign_detail(services, 2).resend_of == 1
    assert main(args + ["resend", "1", "--unconfirmed", "--yes"]) == 1              # no unknown batch: nothing
    opt = tmp_path / "退订.csv"
    opt.write_text("手机号\n13500000031\n13500000032\n", encoding="utf-8")
    assert main(args + ["suppress", "import", str(opt)]) == 0
    assert "已从表格加入屏蔽名单 2 个号码" in capsys.readouterr().out


def test_a_workbook_whose_sheet_is_named_tuiding_is_offered_to_the_list(open_window, sim, qtbot, tmp_path):
    import openpyxl

    w = open_window(sim, poll_interval=3600)
    book = tmp_path / "客户.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "退订客户"
    wb.active.append(["手机号"])
    wb.active.append(["13500000041"])
    wb.save(book)
    w.compose.import_numbers_file(book)
    qtbot.waitUntil(lambda: w.compose.findChild(QMessageBox, "optOutSheetQuestion") is not None, timeout=10000)
    box = w.compose.findChild(QMessageBox, "optOutSheetQuestion")
    assert "退订客户" in box.text()
    send = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.RejectRole)
    send.click()                                    # 仍然作为发送名单: the numbers go to the send list, once
    qtbot.waitUntil(lambda: len(w.compose._sources) == 1, timeout=5000)
    assert w.compose._sources[0].mobiles == ["13500000041"] and suppressed(w) == set()
