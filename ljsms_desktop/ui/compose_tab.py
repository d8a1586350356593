"""发送短信: one text to many numbers — content with a live counter, numbers from anywhere, send.

Everything slow runs in Tasks: planning a long list (> ``numbers_input.SYNC_LINES`` lines), file
imports, reading the suppression list and a previous campaign's numbers, and the send itself
(``jobs.campaign.CampaignRunner``). The GUI thread only formats results.

Safety rules the tab keeps:
- after a send that created a campaign the number list is cleared, so a second click cannot
  send the same numbers again; a send that stopped before anything went out keeps the numbers
  (fix the account, send again) and its empty campaign is closed so it cannot be resumed too;
- batches whose fate is unknown are explained, and never offered for sending again from here.
"""

from __future__ import annotations

import html
import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from shiboken6 import isValid
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from ..core.numbers import normalize_mobile, split_number_list
from ..core.optout import OPT_OUT_HINT, has_opt_out_line
from ..core.planning import plan_plain
from ..core.segments import describe
from ..core.signature import signature_problem
from ..jobs.campaign import TEST_PREFIX, runner_for
from ..jobs.gc_pause import paused_gc
from ..jobs.importing import import_file
from .confirm_dialog import ConfirmSendDialog
from .numbers_input import SYNC_LINES, NumberSource, NumbersResult, line_count, plan_numbers
from .progress_panel import ProgressPanel
from .schedule_panel import SchedulePanel, scheduler_for

log = logging.getLogger(__name__)

DEBOUNCE_MS = 250
SHEET_PATTERNS = "(*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.txt)"
RED = "#b42318"
AMBER = "#9a6700"
GREEN = "#067647"


class NoteLabel(QLabel):
    """A message line (a notice, a result) that takes no room while it has nothing to say."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setVisible(bool(text))

    def setText(self, text: str) -> None:  # noqa: N802 - Qt name
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        super().clear()
        self.hide()


def snippet(text: str, n: int = 24) -> str:
    one = " ".join(text.split())
    return one if len(one) <= n else one[:n] + "…"


def _sources_from_import(result) -> NumberSource:
    """Worker side: an ImportResult as a NumberSource (100,000 str conversions stay off the GUI thread)."""
    problems = []
    label = QCoreApplication.translate("ComposeTab", "“{0}”").format(result.path.name)
    row_fmt = QCoreApplication.translate("ComposeTab", "{0} 第 {1} 行")
    for p in result.iter_problems():
        if p.kind != "invalid":
            continue
        problems.append((row_fmt.format(label, p.row), "", p.reason))
        if len(problems) >= 200:
            break
    return NumberSource(label=label, mobiles=list(result.valid_rows.mobiles()),
                        rows=list(result.valid_rows.row_numbers()), problems=problems,
                        invalid=result.invalid, duplicates=result.duplicates)


class ComposeTab(QWidget):
    planned_cost_changed = Signal(object)   # int cost of the planned send, or None
    ORIGIN = "compose"
    TEST_ORIGIN = "compose-test"

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("composeTab")
        self.runner = runner_for(ctx)
        self.scheduler = scheduler_for(ctx)
        self._sources: list[NumberSource] = []
        self._suppressed: frozenset[str] = frozenset()
        self._result: NumbersResult | None = None
        self._seq = 0
        self._planning = False      # a background plan is running
        self._dirty = False         # input changed while it ran
        self._import_task = None
        self._configured = ctx.configured()
        self._last_cost: object = None
        self._sent_in_run = 0
        self.confirm_dialog: ConfirmSendDialog | None = None

        # -- content ----------------------------------------------------------------------------
        self.content_edit = QPlainTextEdit()
        self.content_edit.setObjectName("contentEdit")
        self.content_edit.setPlaceholderText(self.tr("【公司签名】短信内容……回T退订"))
        self.parts_counter = QLabel()
        self.parts_counter.setObjectName("partsCounter")
        self.parts_counter.setWordWrap(True)
        self.parts_counter.setTextFormat(Qt.TextFormat.RichText)
        self.opt_out_button = QPushButton(self.tr("加上“回T退订”"))
        self.opt_out_button.setObjectName("addOptOutButton")
        self.opt_out_button.setToolTip(self.tr("在内容末尾加上退订方式"))
        self.opt_out_button.clicked.connect(self._add_opt_out)
        self.marketing_check = QCheckBox(self.tr("营销短信（须告知退订方式，避开免打扰时段）"))
        self.marketing_check.setObjectName("marketingCheck")
        self.marketing_check.setToolTip(self.tr("验证码、通知类短信可取消勾选"))
        self.marketing_check.setChecked(self._qbool("compose/marketing", True))
        content_box = QGroupBox(self.tr("短信内容"))
        cl = QVBoxLayout(content_box)
        cl.addWidget(self.content_edit, 1)
        row = QHBoxLayout()
        row.addWidget(self.parts_counter, 1)
        row.addWidget(self.opt_out_button)
        cl.addLayout(row)
        cl.addWidget(self.marketing_check)

        # -- numbers ----------------------------------------------------------------------------
        self.numbers_edit = QPlainTextEdit()
        self.numbers_edit.setObjectName("numbersEdit")
        self.numbers_edit.setPlaceholderText(self.tr("粘贴手机号：每行一个，或用逗号、空格、分号分隔；可带 +86"))
        self.import_button = QPushButton(self.tr("从文件导入…"))
        self.import_button.setObjectName("importNumbersButton")
        self.import_button.setToolTip(self.tr("从 Excel、WPS 表格或 CSV/TXT 文件读取手机号"))
        self.import_button.clicked.connect(self._choose_file)
        self.pick_button = QPushButton(self.tr("从以往活动选取…"))
        self.pick_button.setObjectName("pickCampaignButton")
        self.pick_button.setToolTip(self.tr("选取以往某次活动中发送失败或未收到送达报告的号码"))
        self.pick_button.clicked.connect(self._pick_campaign)
        self.clear_button = QPushButton(self.tr("清空"))
        self.clear_button.setObjectName("clearNumbersButton")
        self.clear_button.clicked.connect(self.clear_numbers)
        self.sources_label = QLabel()
        self.sources_label.setObjectName("sourcesLabel")
        self.sources_label.setWordWrap(True)
        self.remove_sources_button = QPushButton(self.tr("移除"))
        self.remove_sources_button.setObjectName("removeSourcesButton")
        self.remove_sources_button.setToolTip(self.tr("移除从文件或以往活动导入的号码"))
        self.remove_sources_button.clicked.connect(self._remove_sources)
        self.numbers_summary = QLabel()
        self.numbers_summary.setObjectName("numbersSummary")
        self.numbers_summary.setWordWrap(True)
        self.numbers_summary.setTextFormat(Qt.TextFormat.RichText)
        self.problems_list = QListWidget()
        self.problems_list.setObjectName("invalidList")
        self.problems_list.setToolTip(self.tr("这些号码不会发送"))
        numbers_box = QGroupBox(self.tr("接收号码"))
        nl = QVBoxLayout(numbers_box)
        nl.addWidget(self.numbers_edit, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.pick_button)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        nl.addLayout(buttons)
        srow = QHBoxLayout()
        srow.addWidget(self.sources_label, 1)
        srow.addWidget(self.remove_sources_button)
        nl.addLayout(srow)
        nl.addWidget(self.numbers_summary)
        nl.addWidget(self.problems_list, 1)

        # -- sending ----------------------------------------------------------------------------
        self.test_numbers_edit = QLineEdit(", ".join(ctx.settings.test_numbers))
        self.test_numbers_edit.setObjectName("testNumbersEdit")
        self.test_numbers_edit.setPlaceholderText(self.tr("自己的手机号，多个用逗号分隔"))
        self.test_numbers_edit.editingFinished.connect(self._save_test_numbers)
        self.test_numbers_edit.textChanged.connect(lambda *_: self._update_actions())
        self.test_button = QPushButton(self.tr("测试发送"))
        self.test_button.setObjectName("testSendButton")
        self.test_button.clicked.connect(self.send_test)
        self.schedule_panel = SchedulePanel(ctx, self.ORIGIN, self)
        self.schedule_panel.toggled.connect(lambda *_: self._update_actions())
        self.plan_status = QLabel()
        self.plan_status.setObjectName("planStatus")
        self.plan_status.setWordWrap(True)
        self.plan_status.setTextFormat(Qt.TextFormat.RichText)
        self.send_button = QPushButton(self.tr("发送…"))
        self.send_button.setObjectName("sendButton")
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send)
        self.progress = ProgressPanel(self)
        self.progress.cancel_requested.connect(self._cancel_running)
        self.notice_label = NoteLabel()
        self.notice_label.setObjectName("noticeLabel")
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet("color: #555;")
        self.unknown_notice = QLabel()
        self.unknown_notice.setObjectName("unknownNotice")
        self.unknown_notice.setWordWrap(True)
        self.unknown_notice.setStyleSheet(f"color: {AMBER}; border: 1px solid {AMBER}; padding: 6px;")
        self.unknown_notice.hide()
        self.result_label = NoteLabel()
        self.result_label.setObjectName("resultLabel")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        send_box = QGroupBox(self.tr("发送"))
        sl = QVBoxLayout(send_box)
        trow = QHBoxLayout()
        trow.addWidget(QLabel(self.tr("测试号码：")))
        trow.addWidget(self.test_numbers_edit, 1)
        trow.addWidget(self.test_button)
        sl.addLayout(trow)
        sl.addWidget(self.schedule_panel)
        brow = QHBoxLayout()
        brow.addWidget(self.plan_status, 1)
        brow.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)
        sl.addLayout(brow)
        sl.addWidget(self.progress)
        sl.addWidget(self.notice_label)
        sl.addWidget(self.unknown_notice)
        sl.addWidget(self.result_label)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("composeSplitter")
        split.addWidget(content_box)
        split.addWidget(numbers_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay = QVBoxLayout(self)
        lay.addWidget(split, 1)
        lay.addWidget(send_box)

        # -- wiring -----------------------------------------------------------------------------
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._replan)
        self.content_edit.textChanged.connect(self._content_changed)
        self.numbers_edit.textChanged.connect(self._numbers_changed)
        self.marketing_check.toggled.connect(self._marketing_toggled)
        self.runner.started.connect(self._run_started)
        self.runner.progressed.connect(self._run_progress)
        self.runner.notice.connect(self._run_notice)
        self.runner.unknown_batches.connect(self._run_unknown)
        self.runner.finished.connect(self._run_finished)
        self.runner.failed.connect(self._run_failed)
        self.runner.busy_changed.connect(lambda *_: self._update_actions())
        ctx.settings_changed.connect(self._settings_changed)
        ctx.data_changed.connect(self._data_changed)

        self._update_counter()
        self._show_sources()
        self._replan()
        self._load_suppression()

    # -- public ---------------------------------------------------------------------------------------
    def has_pending_schedules(self) -> bool:
        """True while a scheduled send (from either tab) waits or is under way: keep the app running."""
        return self.scheduler.has_pending()

    @property
    def plan(self):
        return self._result.plan if self._result is not None else None

    def set_numbers(self, text: str) -> None:
        self.numbers_edit.setPlainText(text)

    def clear_numbers(self) -> None:
        self._sources = []
        self._show_sources()
        self.numbers_edit.clear()
        self._replan()

    # -- helpers --------------------------------------------------------------------------------------
    def _qbool(self, key: str, default: bool) -> bool:
        v = self.ctx.qsettings.value(key, default)
        return v in (True, "true", "1", 1) if not isinstance(v, bool) else v

    def _settings_changed(self) -> None:
        self._configured = self.ctx.configured()
        text = ", ".join(self.ctx.settings.test_numbers)
        if not self.test_numbers_edit.hasFocus() and self.test_numbers_edit.text() != text:
            self.test_numbers_edit.setText(text)
        self._update_actions()

    def _data_changed(self, what: str) -> None:
        if what in ("suppression", "replies"):
            self._load_suppression()

    def _load_suppression(self) -> None:
        def work(t):
            store = self.ctx.open_store()
            try:
                return frozenset(store.suppressed_mobiles())
            finally:
                store.close()

        def done(mobiles: frozenset) -> None:
            if mobiles != self._suppressed:
                self._suppressed = mobiles
                self._replan()

        self.ctx.tasks.run("compose-suppression", work, on_success=done,
                           on_error=lambda e: log.warning("suppression list: %s", e.message_en))

    def _set_result(self, text: str, color: str = "") -> None:
        self.result_label.setStyleSheet(f"color: {color};" if color else "")
        self.result_label.setText(text)

    # -- content --------------------------------------------------------------------------------------
    def _content_changed(self) -> None:
        self._update_counter()
        self._debounce.start()
        self._update_actions()

    def _numbers_changed(self) -> None:
        self._debounce.start()
        self._update_actions()

    def _marketing_toggled(self, on: bool) -> None:
        self.ctx.qsettings.setValue("compose/marketing", on)
        self._update_counter()

    def _update_counter(self) -> None:
        text = self.content_edit.toPlainText()
        info = describe(text)
        parts = [html.escape(self.tr("已输入 {0} 字，共 {1} 条，本条还可输入 {2} 字").format(
            info.chars, info.parts, info.chars_left_in_part))]
        show_opt_out = False
        if text.strip():
            problem = signature_problem(text)
            if problem:
                parts.append(f'<span style="color:{RED}">⚠ {html.escape(problem)}</span>')
            if self.marketing_check.isChecked() and not has_opt_out_line(text):
                show_opt_out = True
                parts.append(f'<span style="color:{AMBER}">'
                             + html.escape(self.tr("提示：营销短信请告知退订方式，如在末尾加上“回T退订”")) + "</span>")
        self.parts_counter.setText("<br>".join(parts))
        self.opt_out_button.setVisible(show_opt_out)

    def _add_opt_out(self) -> None:
        text = self.content_edit.toPlainText().rstrip()
        # Before a trailing 【签名】 keep the signature last; otherwise append.
        if text.endswith("】") and "【" in text and not text.startswith("【"):
            i = text.rindex("【")
            text = text[:i].rstrip() + OPT_OUT_HINT + text[i:]
        else:
            text = text + OPT_OUT_HINT
        self.content_edit.setPlainText(text)

    # -- numbers and planning -------------------------------------------------------------------------
    def _show_sources(self) -> None:
        if not self._sources:
            self.sources_label.setText("")
            self.sources_label.hide()
            self.remove_sources_button.hide()
            return
        parts = [self.tr("{0}：{1} 个号码").format(s.label, f"{len(s.mobiles):,}") for s in self._sources]
        self.sources_label.setText(self.tr("另有导入的号码 — ") + self.tr("；", "list separator").join(parts))
        self.sources_label.show()
        self.remove_sources_button.show()

    def _remove_sources(self) -> None:
        self._sources = []
        self._show_sources()
        self._replan()

    def _replan(self) -> None:
        self._debounce.stop()
        if self._planning:
            self._dirty = True
            return
        self._seq += 1
        seq = self._seq
        content = self.content_edit.toPlainText()
        text = self.numbers_edit.toPlainText()
        sources = list(self._sources)
        suppressed = self._suppressed
        size = line_count(text) + sum(len(s.mobiles) for s in sources)
        if size <= SYNC_LINES:
            self._show_plan(seq, plan_numbers(content, text, sources, suppressed=suppressed))
            return
        self._planning = True
        self._dirty = False
        self.numbers_summary.setText(self.tr("正在检查 {0} 个号码…").format(f"{size:,}"))
        self._update_actions()
        def work(t):
            with paused_gc():
                return plan_numbers(content, text, sources, suppressed=suppressed)

        self.ctx.tasks.run("compose-plan", work,
                           on_success=lambda r: self._plan_done(seq, r), on_error=self._plan_failed)

    def _plan_done(self, seq: int, result: NumbersResult) -> None:
        self._planning = False
        if self._dirty:
            self._dirty = False
            self._replan()
            return
        self._show_plan(seq, result)

    def _plan_failed(self, error) -> None:
        self._planning = False
        self.numbers_summary.setText(f'<span style="color:{RED}">{html.escape(error.message_zh)}</span>')
        self._update_actions()

    def _show_plan(self, seq: int, result: NumbersResult) -> None:
        if seq != self._seq:
            return
        self._result = result
        plan = result.plan
        if result.lines == 0 and not self._sources:
            self.numbers_summary.setText(self.tr("还没有号码"))
        else:
            bits = [self.tr("有效 <b>{0}</b>").format(f"{result.valid:,}"),
                    self.tr("无效 {0}").format(f"{result.invalid:,}"),
                    self.tr("重复 {0}").format(f"{result.duplicates:,}"),
                    self.tr("已退订/屏蔽 {0}").format(f"{result.suppressed:,}")]
            self.numbers_summary.setText(" · ".join(bits))
        self.problems_list.clear()
        for where, raw, reason in result.problems:
            shown = self.tr("“{0}” ").format(raw) if raw else ""
            self.problems_list.addItem(QListWidgetItem(self.tr("{0}：{1}{2}").format(where, shown, reason)))
        more = result.invalid - len(result.problems)
        if more > 0:
            self.problems_list.addItem(QListWidgetItem(self.tr("……还有 {0} 个无效号码").format(f"{more:,}")))
        self.problems_list.setVisible(bool(result.problems))
        # Plan status: what blocks, what deserves a look, what it costs.
        lines = []
        content = self.content_edit.toPlainText()
        if content.strip() and plan.recipients:
            lines.append(html.escape(self.tr("将发送给 {0} 个号码，每个 {1} 条，共消耗 {2} 条").format(
                f"{len(plan.recipients):,}", plan.parts_per_recipient, f"{plan.cost:,}")))
        for p in plan.problems:
            if p.code in ("no_recipients", "empty_content") and not (content.strip() and (result.lines or self._sources)):
                continue  # nothing typed yet: no need to shout
            if p.code == "no_signature":
                continue  # already shown in red under the text
            lines.append(f'<span style="color:{RED}">✖ {html.escape(p.message_zh)}</span>')
        self.plan_status.setText("<br>".join(lines))
        cost = plan.cost if plan.recipients and content.strip() else None
        if cost != self._last_cost:
            self._last_cost = cost
            self.planned_cost_changed.emit(cost)
        self._update_actions()

    # -- actions state -------------------------------------------------------------------------------
    def _send_block_reason(self) -> str:
        if self.runner.busy:
            return self.tr("正在发送另一个活动，请等它结束")
        if self._import_task is not None:
            return self.tr("正在导入号码，请稍候")
        if not self._configured:
            return self.tr("还没有设置账号和密码：请打开“文件 → 设置”")
        if self._planning or self._debounce.isActive():
            return self.tr("正在检查号码…")
        if not self.content_edit.toPlainText().strip():
            return self.tr("请先输入短信内容")
        plan = self.plan
        if plan is None:
            return self.tr("正在检查号码…")
        if plan.problems:
            return plan.problems[0].message_zh
        return ""

    def _test_numbers(self) -> list[str]:
        out = []
        for raw in split_number_list(self.test_numbers_edit.text()):
            m = normalize_mobile(raw).mobile
            if m and m not in out:
                out.append(m)
        return out

    def _test_block_reason(self) -> str:
        if self.runner.busy:
            return self.tr("正在发送另一个活动，请等它结束")
        if not self._configured:
            return self.tr("还没有设置账号和密码：请打开“文件 → 设置”")
        content = self.content_edit.toPlainText()
        if not content.strip():
            return self.tr("请先输入短信内容")
        problem = signature_problem(content)
        if problem:
            return problem
        if not self._test_numbers():
            return self.tr("请先填写测试号码（自己的手机号）")
        return ""

    def _update_actions(self) -> None:
        reason = self._send_block_reason()
        self.send_button.setEnabled(not reason)
        self.send_button.setToolTip(reason)
        self.send_button.setText(self.tr("定时发送…") if self.schedule_panel.scheduled() else self.tr("发送…"))
        treason = self._test_block_reason()
        self.test_button.setEnabled(not treason)
        self.test_button.setToolTip(treason or self.tr("先发给自己的测试号码，在“状态报告”中确认送达"))
        busy_import = self._import_task is not None
        for b in (self.import_button, self.pick_button):
            b.setEnabled(not busy_import)
            if busy_import:
                b.setToolTip(self.tr("正在导入号码，请稍候"))

    def _save_test_numbers(self) -> None:
        numbers = self._test_numbers()
        if numbers != list(self.ctx.settings.test_numbers):
            self.ctx.settings.test_numbers = numbers
            self.ctx.save_settings()

    # -- file import ---------------------------------------------------------------------------------
    def _choose_file(self) -> None:
        folder = str(self.ctx.qsettings.value("folders/import", "") or "")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择号码文件"), folder,
                                              self.tr("表格或文本") + f" {SHEET_PATTERNS};;" + self.tr("所有文件") + " (*)")
        if path:
            self.import_numbers_file(path)

    def import_numbers_file(self, path: str | Path) -> None:
        """Read the mobile column of *path* (detected) in a Task and add its numbers."""
        path = Path(path)
        self.ctx.qsettings.setValue("folders/import", str(path.parent))
        self.progress.set_cancel_tooltip(self.tr("停止导入"))
        self.progress.start(self.tr("正在导入“{0}”…").format(path.name), 0)
        self._set_result("")

        def work(t):
            with paused_gc():
                return _sources_from_import(import_file(t, path, sheet=None, layout=None))

        self._import_task = self.ctx.tasks.run(
            "compose-import", work, on_success=self._import_done, on_error=self._import_failed,
            on_progress=lambda d: self.progress.update(
                int(d.get("fraction", 0) * 1000), 1000, self.tr("已读取 {0} 行").format(f"{d.get('done', 0):,}")),
            on_cancel=self._import_cancelled)
        self._update_actions()

    def _import_done(self, source: NumberSource) -> None:
        self._import_task = None
        self._sources.append(source)
        self._show_sources()
        extra = ""
        if source.invalid or source.duplicates:
            extra = self.tr("（无效 {0} 行，重复 {1} 行）").format(source.invalid, source.duplicates)
        self.progress.finish(self.tr("已导入 {0}：{1} 个号码{2}").format(source.label, f"{len(source.mobiles):,}", extra))
        self.progress.hide()  # the numbers now show under the list; the bar has nothing more to say
        self._replan()

    def _import_failed(self, error) -> None:
        self._import_task = None
        self.progress.finish(self.tr("导入失败"), ok=False)
        self._set_result(error.message_zh, RED)
        self._update_actions()

    def _import_cancelled(self) -> None:
        self._import_task = None
        self.progress.finish(self.tr("已取消导入"), ok=False)
        self._update_actions()

    # -- previous campaign ---------------------------------------------------------------------------
    def _pick_campaign(self) -> None:
        dlg = PickCampaignDialog(self.ctx, self)
        dlg.picked.connect(self._campaign_numbers_loaded)
        dlg.finished.connect(dlg.deleteLater)
        dlg.open()

    def _campaign_numbers_loaded(self, source: NumberSource) -> None:
        if not source.mobiles:
            self._set_result(self.tr("{0} 没有发送失败或未送达的号码").format(source.label))
            return
        self._sources.append(source)
        self._show_sources()
        self._replan()

    # -- sending --------------------------------------------------------------------------------------
    def send(self) -> None:
        """发送…: confirm (recipients, cost, balance, quiet hours), then send or schedule."""
        if self._send_block_reason():
            return
        plan = self.plan
        marketing = self.marketing_check.isChecked()
        scheduled = self.schedule_panel.when() if self.schedule_panel.scheduled() else None
        if scheduled is not None and scheduled <= datetime.now():
            self._set_result(self.tr("定时时间已经过去，请选择将来的时间"), RED)
            return
        dlg = ConfirmSendDialog(self.ctx, plan, marketing=marketing, scheduled=scheduled, parent=self,
                                heading=self.tr("发送短信：{0}").format(snippet(plan.content, 40)))
        dlg.accepted.connect(lambda: self._confirmed(plan, marketing, scheduled))
        dlg.finished.connect(self._confirm_closed)
        self.confirm_dialog = dlg
        dlg.open()

    def _confirm_closed(self, _result: int) -> None:
        dlg, self.confirm_dialog = self.confirm_dialog, None
        if dlg is not None:
            dlg.deleteLater()

    def _confirmed(self, plan, marketing: bool, scheduled: datetime | None) -> None:
        label = snippet(plan.content)
        if scheduled is not None:
            def done(s) -> None:
                self._set_result(self.tr("已安排在 {0} 发送给 {1} 个号码。程序需保持运行（关闭窗口后在托盘中继续）。")
                                 .format(scheduled.strftime("%Y-%m-%d %H:%M"), f"{len(plan.recipients):,}"), GREEN)
                self.schedule_panel.check.setChecked(False)
                self.clear_numbers()

            self.scheduler.add(plan, scheduled, marketing=marketing, origin=self.ORIGIN, label=label,
                               on_done=done, on_error=lambda e: self._set_result(
                                   self.tr("定时发送未能保存：{0}").format(e.message_zh), RED))
            return
        if not self.runner.send_plan(plan, origin=self.ORIGIN, name=label):
            self._set_result(self.tr("正在发送另一个活动，请等它结束后再发送"), RED)

    def send_test(self) -> None:
        """测试发送: the current text to the test numbers, as its own small campaign."""
        if self._test_block_reason():
            return
        self._save_test_numbers()
        content = self.content_edit.toPlainText()
        plan = plan_plain(content, self._test_numbers())
        if plan.problems:
            self._set_result(plan.problems[0].message_zh, RED)
            return
        self.runner.send_plan(plan, origin=self.TEST_ORIGIN, name=f"{TEST_PREFIX}：{snippet(content)}")

    def _cancel_running(self) -> None:
        if self._import_task is not None:
            self._import_task.cancel()
        elif self.runner.origin in (self.ORIGIN, self.TEST_ORIGIN):
            self.runner.cancel()

    # -- runner signals ------------------------------------------------------------------------------
    def _mine(self, origin: str) -> bool:
        return origin in (self.ORIGIN, self.TEST_ORIGIN)

    def _run_started(self, origin: str, info: dict) -> None:
        if not self._mine(origin):
            return
        self._sent_in_run = 0
        what = self.tr("测试发送") if origin == self.TEST_ORIGIN else self.tr("正在发送")
        self.progress.set_cancel_tooltip(self.tr("停止发送：已发出的短信无法撤回，其余号码不再发送"))
        self.progress.start(self.tr("{0}：{1} 个号码").format(what, f"{info.get('recipients', 0):,}"),
                            int(info.get("recipients", 0)))
        self.notice_label.clear()
        self.unknown_notice.hide()
        self._set_result("")

    def _run_progress(self, origin: str, d: dict) -> None:
        if not self._mine(origin):
            return
        done, total = int(d.get("numbers_done", 0)), int(d.get("numbers_total", 0))
        self._sent_in_run = max(self._sent_in_run, done)
        self.progress.update(done, total, self.tr("已发出 {0} / {1} 个号码（第 {2} / {3} 批）").format(
            f"{done:,}", f"{total:,}", d.get("batches_done", 0), d.get("batches_total", 0)))

    def _run_notice(self, origin: str, text: str) -> None:
        if self._mine(origin):
            self.notice_label.setText(text)

    def _run_unknown(self, origin: str, batches: list) -> None:
        if self._mine(origin):
            self.show_unknown(batches)

    def show_unknown(self, batches: list) -> None:
        if not batches:
            self.unknown_notice.hide()
            return
        numbers = sum(int(b.get("size", 0)) for b in batches)
        seqs = self.tr("、", "list separator").join(str(b.get("seq")) for b in batches[:10]) \
            + (self.tr("……") if len(batches) > 10 else "")
        self.unknown_notice.setText(self.tr(
            "第 {0} 批（共 {1} 个号码）状态未知：发送时网络中断或网关没有回应，这些号码可能已经发出，也可能没有。"
            "系统会根据状态报告自动确认，请勿重复发送。若一小时后仍未确认，请联系联江客服核对。").format(seqs, f"{numbers:,}"))
        self.unknown_notice.show()

    def _run_finished(self, origin: str, s: dict) -> None:
        if not self._mine(origin):
            return
        test = origin == self.TEST_ORIGIN
        unknown = s.get("unknown_batches") or []
        self.show_unknown(unknown)
        accepted, rejected, unk = int(s.get("accepted", 0)), int(s.get("rejected", 0)), int(s.get("unknown", 0))
        if s.get("cancelled"):
            self.progress.finish(self.tr("已取消：已发出 {0} 个号码，其余不再发送").format(f"{accepted + unk:,}"), ok=False,
                                 title=self.tr("发送已取消"))
            self._set_result(self.tr("发送已取消。已发出的短信无法撤回，详情见“发送记录”。"), AMBER)
        elif test:
            self.progress.finish(self.tr("测试短信已发出"), title=self.tr("测试发送完成"))
            self._set_result(self.tr("测试短信已发给 {0} 个号码。送达结果稍后会出现在“状态报告”中。").format(
                accepted + unk), GREEN)
        else:
            self.progress.finish(self.tr("全部批次已发出"), title=self.tr("发送完成：{0} 个号码").format(
                f"{accepted + rejected + unk:,}"))
            text = self.tr("已发送：网关接收 {0} 个号码").format(f"{accepted:,}")
            if rejected:
                text += self.tr("，拒收 {0} 个").format(f"{rejected:,}")
            if unk:
                text += self.tr("，状态未知 {0} 个").format(f"{unk:,}")
            text += self.tr("。送达情况请看“状态报告”和“发送记录”。")
            self._set_result(text, GREEN if not (rejected or unk) else AMBER)
        if not test and (accepted or rejected or unk or s.get("cancelled")):
            self.clear_numbers()
            self.notice_label.setText(self.tr("号码列表已清空，以免重复发送。"))
        self._update_actions()

    def _run_failed(self, origin: str, error) -> None:
        if not self._mine(origin):
            return
        self.progress.finish(error.message_zh, ok=False, title=self.tr("发送失败"))
        text = self.tr("发送失败：{0}").format(error.message_zh)
        if error.code in (40002, 40006, 40008):
            text += self.tr("。请在“文件 → 设置”中检查账号和密码。")
        if origin != self.TEST_ORIGIN and self._sent_in_run:
            text += self.tr(" 已发出 {0} 个号码，其余可在“发送记录”中修正后继续发送；号码列表已清空，以免重复发送。").format(
                f"{self._sent_in_run:,}")
            self.clear_numbers()
        elif origin != self.TEST_ORIGIN:
            text += self.tr(" 本次没有发出任何短信。")
        self._set_result(text, RED)
        self._update_actions()


class PickCampaignDialog(QDialog):
    """Choose a previous campaign; its failed / undelivered numbers come back as a NumberSource."""

    picked = Signal(object)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pickCampaignDialog")
        self.setWindowTitle(self.tr("从以往活动选取号码"))
        self.ctx = ctx
        self.list = QListWidget()
        self.list.setObjectName("campaignList")
        self.status = QLabel(self.tr("正在读取发送记录…"))
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(self.tr("选取未成功送达的号码"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("pickOkButton")
        self.ok.setEnabled(False)
        self.ok.setToolTip(self.tr("先选择一个活动"))
        self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._load_numbers)
        self.buttons.rejected.connect(self.reject)
        self.list.currentItemChanged.connect(lambda *_: self._selection())
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("选择一次活动，取其中发送失败或没有收到送达报告的号码：")))
        lay.addWidget(self.list, 1)
        lay.addWidget(self.status)
        lay.addWidget(self.buttons)
        self.resize(520, 360)
        ctx.tasks.run("pick-campaigns", self._read_campaigns, on_success=self._show, on_error=self._error)

    def _read_campaigns(self, t):
        store = self.ctx.open_store()
        try:
            return [(c.id, c.name, c.created_at, c.recipients, c.state) for c in reversed(store.campaigns())
                    if not c.name.startswith(TEST_PREFIX)]
        finally:
            store.close()

    def _show(self, rows) -> None:
        from ..store.models import STATE_ZH

        if not isValid(self):  # closed (and deleted) before the read came back
            return
        self.list.clear()
        for cid, name, created, recipients, state in rows:
            item = QListWidgetItem(self.tr("#{0}  {1}  {2}（{3} 个号码，{4}）").format(
                cid, created[:16], name or self.tr("（未命名）"), f"{recipients:,}", STATE_ZH.get(state, state)))
            item.setData(256, cid)
            self.list.addItem(item)
        self.status.setText("" if rows else self.tr("还没有发送记录"))

    def _error(self, error) -> None:
        if not isValid(self):
            return
        self.status.setText(error.message_zh)
        self.status.setStyleSheet(f"color: {RED};")

    def _selection(self) -> None:
        ok = self.list.currentItem() is not None
        self.ok.setEnabled(ok)
        self.ok.setToolTip("" if ok else self.tr("先选择一个活动"))

    def _load_numbers(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        cid = int(item.data(256))
        self.ok.setEnabled(False)
        self.status.setText(self.tr("正在读取号码…"))

        def work(t):
            from ..store.browse import failed_numbers

            store = self.ctx.open_store()
            try:
                return failed_numbers(store.conn, cid)
            finally:
                store.close()

        def done(mobiles) -> None:
            if not isValid(self):
                return
            self.picked.emit(NumberSource(label=self.tr("活动 #{0} 未成功送达的号码").format(cid), mobiles=mobiles))
            self.accept()

        self.ctx.tasks.run("pick-numbers", work, on_success=done, on_error=self._error)
