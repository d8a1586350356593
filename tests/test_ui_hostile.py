"""A hostile workbook loaded into the 模板群发 tab: the window survives and shows the refusal (issue 9).

The files are generated in the test (small on disk): one cell at A1 and one at XFD1048576, which
made python-calamine abort its process, and a sheet padded with hundreds of megabytes of XML.
The real tab, the real task runner, the real reader process.
"""

from __future__ import annotations

import shlex
import sys

import pytest
from test_sheets_hostile import far_cells_xlsx, padded_xlsx

from ljsms_desktop.credentials import MemoryCredentials
from ljsms_desktop.settings import Settings
from ljsms_desktop.store import Store
from ljsms_desktop.ui.context import AppContext
from ljsms_desktop.ui.template_tab import TemplateTab

TEMPLATE = "【联江科技】{}您好，您的订单{}已发货，请注意查收。回T退订"
TID = "T1001"


@pytest.fixture
def tab(tmp_path, make_simulator, qtbot):
    sim = make_simulator(templates={TID: TEMPLATE})
    creds = MemoryCredentials()
    creds.set_password("demo", "demo")
    ctx = AppContext(tmp_path / "home", settings=Settings(base_url=sim.base_url, account="demo", quiet_start="00:00",
                                                          quiet_end="00:00"), credentials=creds)
    Store(ctx.db_path).close()
    tab = TemplateTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1000, 760)
    tab.template_id_edit.setText(TID)
    tab.template_text_edit.setPlainText(TEMPLATE)
    yield tab
    ctx.shutdown()
    assert all(t.isFinished() for t in ctx.tasks.running())


def _refused(qtbot, tab, *words: str) -> str:
    def shown() -> bool:
        text = tab.file_label.text() + tab.import_summary.text()
        return not tab._inspecting and not tab._importing and any(w in text for w in words)

    qtbot.waitUntil(shown, timeout=20000)
    return tab.file_label.text() + tab.import_summary.text()


def _still_works(qtbot, tab, tmp_path) -> None:
    from sheets_helpers import write_xlsxwriter

    good = write_xlsxwriter(tmp_path / "good.xlsx", [["手机号", "姓名", "订单号"], ["13800138000", "张三", "DD1"]])
    tab.load_file(good)
    qtbot.waitUntil(lambda: tab.plan is not None and not tab._importing and not tab._planning, timeout=20000)
    assert len(tab.plan.recipients) == 1


def test_far_apart_cells_are_refused_in_the_window(qtbot, tab, tmp_path):
    tab.load_file(far_cells_xlsx(tmp_path / "far.xlsx"))
    text = _refused(qtbot, tab, "17,179,869,184")
    assert "far.xlsx" in text and "上限" in text
    _still_works(qtbot, tab, tmp_path)


def test_padded_workbook_is_refused_in_the_window(qtbot, tab, tmp_path):
    tab.load_file(padded_xlsx(tmp_path / "padded.xlsx", 300))
    text = _refused(qtbot, tab, "解压")
    assert "padded.xlsx" in text and "200:1" in text
    _still_works(qtbot, tab, tmp_path)


def test_a_reader_that_aborts_leaves_the_window_alive(qtbot, tab, tmp_path, monkeypatch):
    """The reader dies of SIGABRT on the A1 + XFD1048576 sheet (file checks switched off, as for a file
    they would not catch): the window shows the refusal and goes on."""
    script = tmp_path / "unguarded_reader.py"
    script.write_text(
        "import io, os, pickle, sys\n"
        "from ljsms_desktop.sheets import worker\n"
        "request = pickle.load(sys.stdin.buffer)\n"
        "request['limits'] = False\n"
        "channel = os.fdopen(os.dup(1), 'wb')\n"
        "os.dup2(2, 1)\n"
        "worker.serve(io.BytesIO(pickle.dumps(request)), channel)\n"
        "channel.close()\n"
    )
    monkeypatch.setenv("LJSMS_SHEET_WORKER", f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}")
    tab.load_file(far_cells_xlsx(tmp_path / "far.xlsx"))
    text = _refused(qtbot, tab, "意外终止", "内存")
    assert "far.xlsx" in text or "内存" in text
    monkeypatch.delenv("LJSMS_SHEET_WORKER")
    _still_works(qtbot, tab, tmp_path)
