"""English through Qt Linguist: Chinese source texts, resources/i18n/ljsms_en.ts/.qm, loaded by install_translator.

The window is built with and without the English translator; strings from a base class (``_TableTab``),
from module functions (``QCoreApplication.translate``) and from a worker-side helper must all come out
English. The .ts must be complete and current with the source, the .qm compiled from it.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QTabWidget

from ljsms_desktop.credentials import MemoryCredentials
from ljsms_desktop.settings import Settings
from ljsms_desktop.ui.app import RESOURCES, install_translator
from ljsms_desktop.ui.context import AppContext
from ljsms_desktop.ui.main_window import MainWindow
from ljsms_desktop.ui.numbers_input import plan_numbers
from ljsms_desktop.ui.progress_panel import format_duration_zh
from ljsms_desktop.ui.settings_dialog import SettingsDialog

ROOT = Path(__file__).resolve().parent.parent
TS = RESOURCES / "i18n" / "ljsms_en.ts"
QM = RESOURCES / "i18n" / "ljsms_en.qm"
BIN = Path(sys.executable).parent


@pytest.fixture
def english(qapp):
    """The English translator on the running QApplication, removed again at teardown."""
    translator = install_translator(qapp, "en")
    assert translator is not None, "ljsms_en.qm not found or not loadable"
    yield translator
    qapp.removeTranslator(translator)
    translator.deleteLater()


@pytest.fixture
def make_window(qtbot, tmp_path):
    made = []

    def make() -> MainWindow:
        settings = Settings(base_url="http://127.0.0.1:9/api/v1", account="demo", poll_interval=60)
        credentials = MemoryCredentials()
        credentials.set_password("demo", "demo")
        ctx = AppContext(tmp_path / f"home{len(made)}", settings=settings, credentials=credentials)
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield make
    for w in made:
        w.close()


def _tabs(w: MainWindow) -> list[str]:
    tabs = w.findChild(QTabWidget, "tabs")
    return [tabs.tabText(i) for i in range(tabs.count())]


def _header(tab, column: int) -> str:
    return tab.model.headerData(column, Qt.Orientation.Horizontal)


def test_install_translator_keeps_chinese_for_zh(qapp):
    from PySide6.QtCore import QCoreApplication

    before = set(qapp.findChildren(QTranslator))
    try:
        assert install_translator(qapp, "zh_CN") is None
        assert install_translator(qapp, "zh_TW") is None
    finally:  # only Qt's own Chinese was added: take it away again for the other tests
        for t in set(qapp.findChildren(QTranslator)) - before:
            QCoreApplication.removeTranslator(t)


def test_the_window_in_english(english, make_window):
    w = make_window()
    assert w.windowTitle() == "Lianjiang SMS Desktop"
    assert _tabs(w) == ["Send SMS", "Template Send", "Campaigns", "Delivery Reports", "Replies", "Opt-outs"]
    assert w.menuBar().actions()[0].text() == "&File"
    assert w.settings_action.text() == "&Settings…"
    assert w.account_label.text() == "Account: demo"
    assert w.balance.text.text() == "Balance: —"
    # 发送短信 and 模板群发
    assert w.compose.send_button.text() == "Send…"
    assert w.compose.import_button.text() == "Import from File…"
    assert w.compose.test_button.text() == "Test Send"
    assert w.compose.schedule_panel.check.text() == "Send later"
    assert w.compose.progress.cancel_button.text() == "Cancel"
    assert w.template.import_button.text() == "Import Sheet…"
    assert w.template.send_button.text() == "Send…"
    # The three tables: the refresh button comes from the base class _TableTab (its lupdate context),
    # self.tr() runs on CampaignsTab / ReportsTab / RepliesTab: PySide6 must still find it.
    for tab in (w.campaigns, w.reports, w.replies):
        assert tab.refresh_button.text() == "Refresh", type(tab).__name__
    campaign_headers = [_header(w.campaigns, c) for c in range(w.campaigns.model.columnCount())]
    assert campaign_headers[0] == "ID" and "Rate" in campaign_headers, campaign_headers   # 送达率, short in the list
    assert _header(w.reports, 5) == "Campaign"          # a context of its own ("Campaigns" as a tab)
    assert _header(w.replies, 2) == "Text"
    w.campaigns.summaries = []
    w.campaigns._fill()   # what a refresh that found no campaign shows
    assert w.campaigns.summary.text() == "Campaigns: 0"
    assert w.reports.status_filter.itemText(0) == "All" and w.reports.status_filter.itemText(2) == "Failed"
    # Dialogs and texts made outside a QObject (QCoreApplication.translate with an explicit context).
    dialog = SettingsDialog(w.ctx, w)
    assert dialog.windowTitle() == "Settings" and dialog.test_button.text() == "Test Connection"
    dialog.deleteLater()
    assert format_duration_zh(65) == "about 1 min 5 s"
    result = plan_numbers("【联江】你好", "12345")
    assert result.problems and result.problems[0][0] == "Line 1"


def test_without_a_translator_the_window_is_chinese(make_window):
    w = make_window()
    assert w.windowTitle() == "联江短信桌面助手"
    assert _tabs(w) == ["发送短信", "模板群发", "发送记录", "状态报告", "上行回复", "退订名单"]
    assert w.compose.send_button.text() == "发送…"
    assert w.template.import_button.text() == "导入表格…"
    assert w.campaigns.refresh_button.text() == "刷新"
    assert _header(w.reports, 5) == "发送记录"
    assert format_duration_zh(65) == "约 1 分 5 秒"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            out[(context.findtext("name"), message.findtext("source"))] = message.find("translation")
    return out


def test_every_message_is_translated_and_keeps_its_placeholders():
    spec = importlib.util.spec_from_file_location("translations_en", ROOT / "scripts" / "translations_en.py")
    tr_en = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tr_en)
    assert tr_en.check_dictionary() == []
    messages = _messages(TS)
    assert len(messages) > 300
    for (context, source), translation in messages.items():
        assert translation is not None and translation.get("type") is None, (context, source)
        assert translation.text, (context, source)
        assert tr_en.tokens(translation.text) == tr_en.tokens(source), (context, source, translation.text)


@pytest.mark.skipif(not (BIN / "pyside6-lupdate").exists(), reason="pyside6-lupdate not installed")
def test_the_ts_holds_every_string_of_the_source(tmp_path):
    """lupdate over the current source adds nothing untranslated: run update-translations.sh after UI edits."""
    ts = tmp_path / "ljsms_en.ts"
    shutil.copyfile(TS, ts)
    subprocess.run([str(BIN / "pyside6-lupdate"), *map(str, sorted((ROOT / "ljsms_desktop" / "ui").glob("*.py"))),
                    "-ts", str(ts), "-source-language", "zh_CN", "-target-language", "en", "-no-obsolete"],
                   check=True, capture_output=True)
    fresh, committed = _messages(ts), _messages(TS)
    assert set(fresh) == set(committed), "run: bash scripts/update-translations.sh"


def test_the_qm_is_compiled_from_the_ts():
    """Every translation of the .ts is what the committed .qm gives (compared through QTranslator, so a
    different lrelease version producing other bytes does not matter)."""
    translator = QTranslator()
    assert translator.load(str(QM))
    stale = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source, comment = message.findtext("source"), message.findtext("comment")
            if translator.translate(name, source, comment) != message.findtext("translation"):
                stale.append((name, source))
    assert not stale, f"run: bash scripts/update-translations.sh ({len(stale)} stale, e.g. {stale[:3]})"


def test_qt_own_buttons_are_chinese_under_a_chinese_locale(qapp):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialogButtonBox

    from ljsms_desktop.ui.app import install_translator

    before = set(qapp.findChildren(QTranslator))
    assert install_translator(qapp, "zh_CN") is None  # our own strings are already Chinese
    added = [t for t in qapp.findChildren(QTranslator) if t not in before]
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No)
        assert {b.text() for b in box.buttons()} == {"是(&Y)", "否(&N)"}
    finally:
        for t in added:
            QCoreApplication.removeTranslator(t)


def test_words_from_the_layers_below_follow_the_language(qapp):
    """States, refusal reasons, plan problems, column names and errors come from code without Qt:
    the window shows them through ui.wording, English when the English translator is on."""
    from ljsms_desktop.core.planning import plan_plain
    from ljsms_desktop.jobs import TaskError
    from ljsms_desktop.sheets.layout import Layout
    from ljsms_desktop.store.errors import StoreError
    from ljsms_desktop.ui import wording

    def shown():
        plan = plan_plain("没有签名的内容", ["13800138000"])
        return (wording.campaign_state("done"), wording.schedule_state("pending"), wording.number_reason("length"),
                plan_numbers("【联江】你好，回T退订", "12345").problems[0][2], wording.message(plan.problems[0]),
                wording.signature_problem("没有签名"), wording.column_label(Layout("名单", 1, ["手机号"], 0), 0),
                wording.message(TaskError("网关繁忙", "Gateway busy")), wording.message(StoreError("locked", "锁定", "")))

    assert not wording.english()
    chinese = shown()
    assert chinese[:3] == ("已完成", "等待发送", "位数不对（中国大陆手机号为 11 位）")
    assert chinese[3] == chinese[2] and "签名" in chinese[4] and "签名" in chinese[5]
    assert chinese[6:] == ("A列（手机号）", "网关繁忙", "锁定")
    translator = install_translator(qapp, "en")
    try:
        assert wording.english()
        english = shown()
        assert english[:3] == ("Done", "Waiting", "Wrong number of digits (mainland China mobiles have 11)")
        assert english[3] == english[2] and "signature" in english[4] and "signature" in english[5]
        assert english[6:] == ("Column A (手机号)", "Gateway busy", "锁定")  # no English given: the Chinese
    finally:
        qapp.removeTranslator(translator)
    assert not wording.english()


def test_the_english_window_words_a_stored_stop_reason_in_english(english, open_window, simulator, qtbot, tmp_path):
    """A campaign stopped earlier (its reason stored as Chinese words and as its notice) reads in English in
    发送记录 and in its detail; a reason someone typed is shown as typed."""
    from ljsms_desktop.api import LjClient
    from ljsms_desktop.core.planning import plan_plain
    from ljsms_desktop.engine import create_campaign, run_campaign
    from ljsms_desktop.store import Store
    from ljsms_desktop.ui.campaign_detail import CampaignDetail

    home = tmp_path / "home"
    with Store(home / "ljsms.sqlite3") as store:
        stopped = create_campaign(store, plan_plain("【联江科技】会员日全场八折，回T退订", ["13900000001"]))
        with LjClient(simulator.base_url, "demo", "wrong", timeout=5) as client:
            result = run_campaign(store, client, stopped)
        assert result.state == "stopped" and "密码" in store.campaign(stopped).stop_reason
        typed = create_campaign(store, plan_plain("【联江科技】会员日全场八折，回T退订", ["13900000002"]))
        store.set_campaign_state(typed, "cancelled", "客户要求停发")
    english_reason = f"{result.stop['message_en']} (code 40008)"

    w = open_window(simulator, home, poll_interval=3600)
    view = w.campaigns
    qtbot.waitUntil(lambda: {r[0] for r in view.model.rows} >= {stopped, typed}, timeout=10000)

    def state_cell(cid: int) -> str:
        row = next(i for i, r in enumerate(view.model.rows) if r[0] == cid)
        return view.model.data(view.model.index(row, 2))

    listed = state_cell(stopped)
    assert listed.startswith("Stopped") and listed.endswith(english_reason), listed
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in listed), listed
    assert state_cell(typed).startswith("Cancelled") and state_cell(typed).endswith("客户要求停发")

    view.open_detail(stopped)
    detail = w.findChild(CampaignDetail, "campaignDetail")
    assert detail is not None and detail.campaign_id == stopped
    qtbot.waitUntil(lambda: detail.loaded >= 1, timeout=10000)
    header = detail.state_label.text()
    assert header.startswith("Stopped") and english_reason in header, header
    assert "密码" not in header
