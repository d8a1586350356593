"""Typed change events in the window: every kind a view listens for is announced where it changes.

Real parts: the simulator over loopback HTTP, a real SQLite file in tmp_path, the real window and
its poller. Only the password store is in memory.
"""

from __future__ import annotations

import pytest

from ljsms_desktop.api import LjClient
from ljsms_desktop.changes import Changes
from ljsms_desktop.credentials import MemoryCredentials
from ljsms_desktop.settings import Settings
from ljsms_desktop.store import Store
from ljsms_desktop.ui.context import AppContext
from ljsms_desktop.ui.main_window import MainWindow

SIGNED = "【联江科技】会员日全场八折，回T退订"


@pytest.fixture
def window(qtbot, tmp_path, simulator):
    creds = MemoryCredentials()
    creds.set_password("demo", "demo")
    settings = Settings(base_url=simulator.base_url, account="demo", poll_interval=1)
    ctx = AppContext(tmp_path / "home", settings=settings, credentials=creds)
    Store(ctx.db_path).close()
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    w.start()
    qtbot.waitUntil(lambda: bool(ctx.tasks.running("poller")), timeout=5000)
    yield w
    w.close()
    assert not ctx.tasks.running(), "closing the window joins every worker"


def _seen(w) -> list[Changes]:
    seen: list[Changes] = []
    w.ctx.changes.connect(seen.append)
    return seen


def _any(seen: list[Changes], **kinds) -> bool:
    return any(c.touches(Changes(**kinds)) for c in seen)


def test_an_opt_out_reply_announces_the_suppression_list_and_the_tabs_reload_it(window, simulator, qtbot):
    seen = _seen(window)
    with LjClient(simulator.base_url, "demo", "demo") as c:
        r = c.send(SIGNED, ["13800138000", "13900139000"], code="77")
    simulator.add_reply("13800138000", "TD", expand="77", msg_id=r.msg_id)
    qtbot.waitUntil(lambda: _any(seen, suppression=True), timeout=8000)
    assert _any(seen, replies=True)
    qtbot.waitUntil(lambda: "13800138000" in window.compose._suppressed
                    and "13800138000" in window.template._suppressed, timeout=5000)


def test_a_number_suppressed_elsewhere_reaches_the_compose_plan_after_the_next_poll(window, qtbot):
    seen = _seen(window)
    compose = window.compose
    compose.content_edit.setPlainText(SIGNED)
    compose.set_numbers("13800000001\n13800000002")
    qtbot.waitUntil(lambda: compose.plan is not None and len(compose.plan.recipients) == 2, timeout=5000)
    qtbot.waitUntil(lambda: window.ctx._suppression_mark is not None, timeout=5000)
    with Store(window.ctx.db_path) as store:   # as `ljsms suppress add 13800000002` in another process
        store.suppress(["13800000002"], "客户要求", "manual")
    qtbot.waitUntil(lambda: _any(seen, suppression=True), timeout=8000)
    qtbot.waitUntil(lambda: compose.plan is not None and len(compose.plan.recipients) == 1
                    and len(compose.plan.suppressed) == 1, timeout=5000)


def test_saving_a_template_announces_it_and_the_saved_list_reloads(window, qtbot):
    seen = _seen(window)
    tab = window.template
    tab.template_id_edit.setText("2001")
    tab.template_text_edit.setPlainText("【联江科技】尊敬的{}，您的订单{}已发货。回T退订")
    tab.save_template()
    qtbot.waitUntil(lambda: _any(seen, templates=True), timeout=5000)
    qtbot.waitUntil(lambda: tab.saved_combo.findData("2001") > 0, timeout=5000)
    tab._delete_template()
    qtbot.waitUntil(lambda: tab.saved_combo.findData("2001") < 0, timeout=5000)
    assert sum(c.templates for c in seen) == 2


def test_a_finished_send_announces_the_campaigns_and_the_record_shows_it(window, qtbot):
    seen = _seen(window)
    runner = window.compose.runner
    from ljsms_desktop.core.planning import plan_plain

    plan = plan_plain(SIGNED, ["13800000011"])
    assert runner.send_plan(plan, origin="compose", name="t")
    qtbot.waitUntil(lambda: _any(seen, campaigns=True) and window.campaigns.model.rowCount() == 1, timeout=10000)


def _book(path, rows: int):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["手机号", "姓名", "订单号"])
    for i in range(rows):
        ws.append([13800000000 + i, f"客户{i}", f"DD{i:06d}"])
    wb.save(path)
    return path


def test_a_workbook_loaded_after_another_supersedes_it(window, qtbot, tmp_path):
    tab = window.template
    tab.template_id_edit.setText("T1")
    tab.template_text_edit.setPlainText("【联江科技】{}您好，您的订单{}已发货。回T退订")
    first, second = _book(tmp_path / "first.xlsx", 3000), _book(tmp_path / "second.xlsx", 5)
    inspected, imported = [], []
    on_inspected, on_imported = tab._inspected, tab._imported
    tab._inspected = lambda info: (inspected.append(info.path.name), on_inspected(info))
    tab._imported = lambda tp: (imported.append(tp.result.path.name), on_imported(tp))
    tab.load_file(first)
    tab.load_file(second)          # before the first answer could arrive: the first one's is never delivered
    qtbot.waitUntil(lambda: tab.plan is not None and not tab._importing and not tab._planning, timeout=10000)
    assert inspected == ["second.xlsx"] and imported == ["second.xlsx"]
    assert len(tab.plan.recipients) == 5 and tab.info.path.name == "second.xlsx"
