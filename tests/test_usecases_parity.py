"""The same input sent from the window and from ``ljsms`` is stored as the same campaign, field by field.

The window: the real 发送短信 and 模板群发 tabs under pytest-qt (file import, confirm dialog, the send
in a QThread). The command line: ``cli.main`` in this process, with ``LJSMS_HOME`` pointing at a data
folder of its own. Both against one simulator over loopback HTTP, each with a fresh data folder of the
same kind (same suppression list). Compared: every column of the campaign, its batches and their
payloads except ids, times, the install-specific batch ``ext`` and the gateway's msgId — and the
figures ``ljsms status --json`` prints.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from ljsms_desktop import cli
from ljsms_desktop.credentials import MemoryCredentials
from ljsms_desktop.settings import Settings
from ljsms_desktop.store import Store
from ljsms_desktop.ui.compose_tab import ComposeTab
from ljsms_desktop.ui.context import AppContext
from ljsms_desktop.ui.template_tab import TemplateTab

CONTENT = "【联江科技】会员日全场八折，详情见官网。回T退订"
TID = "T2001"
# Long enough that two 100-character values make a message over 500 characters: the template import
# must refuse that row (and then take a later row of the same number), from both front ends alike.
TEMPLATE = "【联江科技】{}您好，您的订单{}已发货。" + "详情请见官网说明。" * 35 + "回T退订"
SUPPRESSED = "13800000003"
NOT_COMPARED = {"id", "campaign_id", "created_at", "updated_at", "started_at", "finished_at", "ext", "msg_id",
                "sent_at", "answered_at"}


def numbers_book(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "手机号"])
    for i in range(12):
        ws.append([f"客户{i}", 13800000000 + i])
    ws.append(["坏号", "1380000"])           # invalid
    ws.append(["坏号2", "23800000000"])      # invalid
    ws.append(["重复", 13800000001])         # duplicate
    ws.append(["重复2", "138-0000-0002"])    # duplicate, written differently
    wb.save(path)
    return path


def template_book(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["手机号", "姓名", "订单号"])
    for i in range(10):
        ws.append([13900000000 + i, f"客户{i}", f"DD{i:04d}"])
    ws.append(["1390000", "坏号", "DD-bad"])               # invalid number
    ws.append([13900000001, "重复", "DD-dup"])             # duplicate of row 3
    ws.append([13900000020, "", "DD-empty"])               # missing value
    ws.append([13900000021, "长" * 100, "X" * 100])        # rendered text too long
    ws.append([13900000021, "后来", "DD-later"])           # the same number again: sendable
    wb.save(path)
    return path


@pytest.fixture
def sim(make_simulator):
    return make_simulator(templates={TID: TEMPLATE})


def fresh_home(home: Path) -> Path:
    """A data folder whose suppression list holds one number of each file."""
    with Store(home / "ljsms.sqlite3") as store:
        store.suppress([SUPPRESSED, "13900000003"], reason="退订", source="manual")
    return home


@pytest.fixture
def window(tmp_path, sim, qtbot):
    creds = MemoryCredentials()
    creds.set_password("demo", "demo")
    home = fresh_home(tmp_path / "window")
    ctx = AppContext(home, settings=Settings(base_url=sim.base_url, account="demo", quiet_start="00:00",
                                             quiet_end="00:00"), credentials=creds)
    ctx.note_password("demo", True)
    yield ctx
    ctx.shutdown()


@pytest.fixture
def cli_home(tmp_path, sim, monkeypatch):
    home = fresh_home(tmp_path / "cli")
    monkeypatch.setenv("LJSMS_HOME", str(home))
    monkeypatch.setenv("LJSMS_PASSWORD", "demo")
    monkeypatch.setenv("LJSMS_ACCOUNT", "demo")
    monkeypatch.setenv("LJSMS_BASE_URL", sim.base_url)
    return home


def confirm_and_wait(qtbot, tab) -> None:
    qtbot.waitUntil(tab.send_button.isEnabled, timeout=10000)
    qtbot.mouseClick(tab.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.confirm_dialog is not None and tab.confirm_dialog.ok_button.isEnabled(),
                    timeout=10000)
    qtbot.mouseClick(tab.confirm_dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已发送" in tab.result_label.text(), timeout=15000)
    qtbot.waitUntil(lambda: not tab.runner.busy)


def stored(home: Path) -> list[dict]:
    """Every campaign of *home*: its columns, batches and payloads, figures; without ids and times."""
    out = []
    with Store(home / "ljsms.sqlite3") as store:
        for camp in store.campaigns():
            payloads = store.batch_payloads(camp.id)
            batches = [{k: v for k, v in dataclasses.asdict(b).items() if k not in NOT_COMPARED}
                       | {"payload": payloads.get(b.id)} for b in store.batches(camp.id)]
            stats = {k: v for k, v in store.stats(camp.id).to_dict().items() if k not in NOT_COMPARED | {"campaign"}}
            out.append({"campaign": {k: v for k, v in dataclasses.asdict(camp).items() if k not in NOT_COMPARED},
                        "batches": batches, "stats": stats})
    return out


def ljsms(capsys, *args) -> dict:
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    assert status == 0, err
    return json.loads(out)


def test_window_and_command_line_store_the_same_campaigns(window, cli_home, sim, qtbot, capsys, tmp_path):
    numbers = numbers_book(tmp_path / "号码.xlsx")
    sheet = template_book(tmp_path / "名单.xlsx")

    # -- the window: 发送短信 with the numbers file, then 模板群发 with the sheet -------------------------
    compose = ComposeTab(window)
    qtbot.addWidget(compose)
    compose.content_edit.setPlainText(CONTENT)
    compose.import_numbers_file(numbers)
    qtbot.waitUntil(lambda: compose.plan is not None and len(compose.plan.recipients) == 11, timeout=10000)
    confirm_and_wait(qtbot, compose)

    tab = TemplateTab(window)
    qtbot.addWidget(tab)
    tab.template_id_edit.setText(TID)
    tab.template_text_edit.setPlainText(TEMPLATE)
    tab.load_file(sheet)
    qtbot.waitUntil(lambda: tab.plan is not None and not tab._importing and not tab._planning
                    and not tab._import_timer.isActive() and not tab._plan_timer.isActive(), timeout=10000)
    assert [c.currentData() for c in tab.var_combos] == [1, 2]
    confirm_and_wait(qtbot, tab)
    window_side = stored(window.home)
    names = [c["campaign"]["name"] for c in window_side]

    # -- the command line: the same files, the same names -------------------------------------------
    plain = ljsms(capsys, "send", "--content", CONTENT, "--numbers", str(numbers), "--name", names[0], "--yes",
                  "--json")
    templ = ljsms(capsys, "template", "--template-id", TID, "--template", TEMPLATE, "--file", str(sheet),
                  "--name", names[1], "--yes", "--json")
    cli_side = stored(cli_home)

    # What the issue saw differ: the import's counts, kept by both.
    assert (plain["invalid"], plain["duplicates"], plain["suppressed"], plain["recipients"]) == (2, 2, 1, 11)
    assert (templ["invalid"], templ["duplicates"], templ["suppressed"], templ["recipients"]) == (3, 1, 1, 10)
    assert [c["stats"]["invalid"] for c in window_side] == [2, 3]
    assert len(window_side) == len(cli_side) == 2
    for w, c in zip(window_side, cli_side):
        assert w["campaign"] == c["campaign"]
        assert w["batches"] == c["batches"]
        assert w["stats"] == c["stats"]
    # Both went out, each number once per front end, the long row's number with its later values.
    sent = sim.sent_counter()
    assert set(sent.values()) == {2} and "13900000021" in sent and SUPPRESSED not in sent
    texts = {m: t for a in sim.accepted if a.template_id == TID for m, t in zip(a.mobiles, a.contents)}
    assert texts["13900000021"].startswith("【联江科技】后来您好，您的订单DD-later已发货。")


def test_the_english_window_words_a_stopped_send_and_closes_it_as_ljsms_does(window, sim, qtbot, qapp):
    """A refusal for every batch (40008): the English window says it in English (the reason, not "The
    campaign was stopped."), and the campaign is closed as ``ljsms send`` closes it."""
    import sys

    from PySide6.QtCore import QTranslator

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    try:
        from translations_en import EN
    finally:
        sys.path.pop(0)

    class Dictionary(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002 - Qt signature
            return EN.get(source, "")

        def isEmpty(self):  # noqa: N802 - Qt name
            return False

    tr = Dictionary()
    qapp.installTranslator(tr)
    try:
        compose = ComposeTab(window)
        qtbot.addWidget(compose)
        compose.content_edit.setPlainText(CONTENT)
        compose.numbers_edit.setPlainText("13800000000\n13800000001")
        sim.inject("sms", code=40008)
        qtbot.waitUntil(compose.send_button.isEnabled, timeout=10000)
        compose.send()
        qtbot.waitUntil(lambda: compose.confirm_dialog is not None and compose.confirm_dialog.ok_button.isEnabled(),
                        timeout=10000)
        compose.confirm_dialog.ok_button.click()
        qtbot.waitUntil(lambda: "40008" in compose.result_label.text(), timeout=15000)
        shown = compose.result_label.text() + compose.notice_label.text()
        assert "(code 40008)" in shown and "Sending stopped" in compose.notice_label.text()
        assert "The campaign was stopped" not in shown
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in compose.notice_label.text()), compose.notice_label.text()
    finally:
        qapp.removeTranslator(tr)
    (camp,) = stored(window.home)
    assert camp["campaign"]["state"] == "cancelled" and "已关闭" in camp["campaign"]["stop_reason"]
    assert sim.sent_counter() == {}
