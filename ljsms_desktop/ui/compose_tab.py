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
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPlainTextEdit, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from ..core.numbers import normalize_mobile, split_number_list
from ..core.optout import add_opt_out_line, has_opt_out_line
from ..core.planning import plan_plain
from ..core.segments import describe
from ..jobs.campaign import TEST_PREFIX, services_of
from ..jobs.gc_pause import paused_gc
from ..jobs.importing import import_file
from .numbers_input import SYNC_LINES, NumberSource, NumbersResult, line_count, plan_numbers
from .send_tab import AMBER, GREEN, RED, SendTab, snippet
from . import wording

DEBOUNCE_MS = 250
SHEET_PATTERNS = "(*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.txt)"


def _sources_from_import(result) -> NumberSource:
    """Worker side: an ImportResult as a NumberSource (100,000 str conversions stay off the GUI thread)."""
    problems = []
    label = QCoreApplication.translate("ComposeTab", "“{0}”").format(result.path.name)
    row_fmt = QCoreApplication.translate("ComposeTab", "{0} 第 {1} 行")
    for p in result.iter_problems():   # invalid rows and duplicates ("与第 N 行的号码重复"), in row order
        problems.append((row_fmt.format(label, p.row), "", wording.reason(p)))
        if len(problems) >= 200:
            break
    return NumberSource(label=label, mobiles=list(result.valid_rows.mobiles()),
                        rows=list(result.valid_rows.row_numbers()), problems=problems,
                        invalid=result.invalid, duplicates=result.duplicates,
                        sheet=getattr(result.layout, "sheet", "") or "")


class ComposeTab(SendTab):
    ORIGIN = "compose"
    TEST_ORIGIN = "compose-test"
    SEND_NAMES = ("planStatus", "sendButton", "noticeLabel", "unknownNotice", "resultLabel")

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("composeTab")
        self._sources: list[NumberSource] = []
        self._result: NumbersResult | None = None
        self._planning = False      # a background plan is running
        self._dirty = False         # input changed while it ran
        self._import_task = None

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
        self.marketing_check = self._make_marketing_check("marketingCheck")
        self.marketing_check.setToolTip(self.tr("验证码、通知类短信可取消勾选"))
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
        self.problems_list.setWordWrap(True)  # long reasons (and English ones) wrap, no sideways scrolling
        self.problems_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems_list.setObjectName("invalidList")
        self.problems_list.setToolTip(self.tr("无效的号码不会发送；重复的号码只发一次"))
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
        self._make_send_widgets()
        self.send_button.setDefault(True)
        trow = QHBoxLayout()
        trow.addWidget(QLabel(self.tr("测试号码：")))
        trow.addWidget(self.test_numbers_edit, 1)
        trow.addWidget(self.test_button)
        send_box = self._send_box(trow)

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
        self._debounce = self._debounce_timer(DEBOUNCE_MS, self._replan)
        self.content_edit.textChanged.connect(self._content_changed)
        self.numbers_edit.textChanged.connect(self._numbers_changed)
        self._wire_send()

        self._update_counter()
        self._show_sources()
        self._replan()
        self._load_suppression()

    # -- public ---------------------------------------------------------------------------------------
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

    # -- SendTab hooks -------------------------------------------------------------------------------
    def _settings_changed(self) -> None:
        text = ", ".join(self.ctx.settings.test_numbers)
        if not self.test_numbers_edit.hasFocus() and self.test_numbers_edit.text() != text:
            self.test_numbers_edit.setText(text)
        super()._settings_changed()

    def _suppression_changed(self) -> None:
        self._replan()

    def _show_text_hints(self) -> None:
        self._update_counter()

    def _confirm_heading(self, plan) -> str:
        return self.tr("发送短信：{0}").format(snippet(plan.content, 40))

    def _campaign_label(self, plan) -> str:
        return snippet(plan.content)

    def _clear_after_schedule(self) -> None:
        self.clear_numbers()

    def _clear_after_run(self, origin: str, touched: bool) -> None:
        if origin != self.TEST_ORIGIN and touched:
            self.clear_numbers()
            self.notice_label.setText(self.tr("号码列表已清空，以免重复发送。"))

    def _clear_after_partial_send(self) -> str:
        self.clear_numbers()
        return self.tr(" 已发出 {0} 个号码，其余可在“发送记录”中修正后继续发送；号码列表已清空，以免重复发送。").format(
            f"{self._sent_in_run:,}")

    def _cancel_file_work(self) -> bool:
        if self._import_task is None:
            return False
        self._import_task.cancel()
        return True

    def _import_counts(self) -> tuple[int, int]:
        r = self._result   # its counts are the plan's plus those of the imported files
        return (r.invalid - len(r.plan.invalid), r.duplicates - len(r.plan.duplicates)) if r is not None else (0, 0)

    # -- content --------------------------------------------------------------------------------------
    def _content_changed(self) -> None:
        self._update_counter()
        self._debounce.start()
        self._update_actions()

    def _numbers_changed(self) -> None:
        self._debounce.start()
        self._update_actions()

    def _update_counter(self) -> None:
        text = self.content_edit.toPlainText()
        info = describe(text)
        parts = [html.escape(self.tr("已输入 {0} 字，共 {1} 条，本条还可输入 {2} 字").format(
            info.chars, info.parts, info.chars_left_in_part))]
        show_opt_out = False
        if text.strip():
            problem = wording.signature_problem(text)
            if problem:
                parts.append(f'<span style="color:{RED}">⚠ {html.escape(problem)}</span>')
            if self.marketing_check.isChecked() and not has_opt_out_line(text):
                show_opt_out = True
                parts.append(f'<span style="color:{AMBER}">'
                             + html.escape(self.tr("提示：营销短信请告知退订方式，如在末尾加上“回T退订”")) + "</span>")
        self.parts_counter.setText("<br>".join(parts))
        self.opt_out_button.setVisible(show_opt_out)

    def _add_opt_out(self) -> None:
        # As a clause of its own ("…先到先得，回T退订"), before a trailing 【签名】 (core.optout).
        self.content_edit.setPlainText(add_opt_out_line(self.content_edit.toPlainText()))

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
        content = self.content_edit.toPlainText()
        text = self.numbers_edit.toPlainText()
        sources = list(self._sources)
        suppressed = self._suppressed
        size = line_count(text) + sum(len(s.mobiles) for s in sources)
        if size <= SYNC_LINES:
            self._show_plan(plan_numbers(content, text, sources, suppressed=suppressed))
            return
        self._planning = True
        self._dirty = False
        self.numbers_summary.setText(self.tr("正在检查 {0} 个号码…").format(f"{size:,}"))
        self._update_actions()
        def work(t):
            with paused_gc():
                return plan_numbers(content, text, sources, suppressed=suppressed)

        self.ctx.tasks.run("compose-plan", work, key="compose-plan", owner=self, on_success=self._plan_done,
                           on_error=self._plan_failed)

    def _plan_done(self, result: NumbersResult) -> None:
        self._planning = False
        if self._dirty:
            self._dirty = False
            self._replan()
            return
        self._show_plan(result)

    def _plan_failed(self, error) -> None:
        self._planning = False
        self.numbers_summary.setText(f'<span style="color:{RED}">{html.escape(wording.message(error))}</span>')
        self._update_actions()

    def _show_plan(self, result: NumbersResult) -> None:
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
        more = result.invalid + result.duplicates - len(result.problems)
        if more > 0:
            self.problems_list.addItem(QListWidgetItem(self.tr("……还有 {0} 个无效或重复的号码").format(f"{more:,}")))
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
            lines.append(f'<span style="color:{RED}">✖ {html.escape(wording.message(p))}</span>')
        self.plan_status.setText("<br>".join(lines))
        self._set_planned_cost(plan.cost if plan.recipients and content.strip() else None)
        self._update_actions()

    # -- actions state -------------------------------------------------------------------------------
    def _import_block_reason(self) -> str:
        return self.tr("正在导入号码，请稍候") if self._import_task is not None else ""

    def _input_block_reason(self) -> str:
        if self._planning or self._debounce.isActive():
            return self.tr("正在检查号码…")
        if not self.content_edit.toPlainText().strip():
            return self.tr("请先输入短信内容")
        plan = self.plan
        if plan is None:
            return self.tr("正在检查号码…")
        if plan.problems:
            return wording.message(plan.problems[0])
        return ""

    def _test_numbers(self) -> list[str]:
        out = []
        for raw in split_number_list(self.test_numbers_edit.text()):
            m = normalize_mobile(raw).mobile
            if m and m not in out:
                out.append(m)
        return out

    def _test_block_reason(self) -> str:
        reason = self._busy_block_reason() or self._account_block_reason()
        if reason:
            return reason
        content = self.content_edit.toPlainText()
        if not content.strip():
            return self.tr("请先输入短信内容")
        problem = wording.signature_problem(content)
        if problem:
            return problem
        if not self._test_numbers():
            return self.tr("请先填写测试号码（自己的手机号）")
        return ""

    def _update_input_actions(self) -> None:
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

    def import_numbers_file(self, path: str | Path, *, as_recipients: bool = False) -> None:
        """Read the mobile column of *path* (detected) in a Task and add its numbers. A file named like 退订
        asks first whether to add it to the suppression list instead (*as_recipients*: already answered)."""
        path = Path(path)
        if not as_recipients:
            from .suppression_view import offer_opt_out_sheet

            if offer_opt_out_sheet(self, self.ctx, path, path.stem,
                                   on_send=lambda: self.import_numbers_file(path, as_recipients=True),
                                   on_added=lambda text: self._set_result(text, GREEN)) is not None:
                return
        self.ctx.qsettings.setValue("folders/import", str(path.parent))
        self.progress.set_cancel_tooltip(self.tr("停止导入"))
        self.progress.start(self.tr("正在导入“{0}”…").format(path.name), 0)
        self._set_result("")

        def work(t):
            with paused_gc():
                return _sources_from_import(import_file(t, path, sheet=None, layout=None))

        self._import_task = self.ctx.tasks.run(
            "compose-import", work, owner=self, on_error=self._import_failed,
            on_success=lambda source: self._import_done(source, as_recipients=as_recipients),
            on_progress=lambda d: self.progress.update(
                int(d.get("fraction", 0) * 1000), 1000, self.tr("已读取 {0} 行").format(f"{d.get('done', 0):,}")),
            on_cancel=self._import_cancelled)
        self._update_actions()

    def _import_done(self, source: NumberSource, *, as_recipients: bool = False) -> None:
        self._import_task = None
        if not as_recipients and source.sheet and source.mobiles:   # a workbook whose sheet is named 退订
            from .suppression_view import offer_opt_out_sheet

            if offer_opt_out_sheet(self, self.ctx, source.label, source.sheet, numbers=source.mobiles,
                                   on_send=lambda: self._import_done(source, as_recipients=True),
                                   on_added=lambda text: (self.progress.hide(), self._set_result(text, GREEN),
                                                          self._update_actions())) is not None:
                return
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
        self._set_result(wording.message(error), RED)
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
    def send_test(self) -> None:
        """测试发送: the current text to the test numbers, as its own small campaign."""
        if self._test_block_reason():
            return
        self._save_test_numbers()
        content = self.content_edit.toPlainText()
        plan = plan_plain(content, self._test_numbers())
        if plan.problems:
            self._set_result(wording.message(plan.problems[0]), RED)
            return
        self.runner.send_plan(plan, origin=self.TEST_ORIGIN, name=f"{TEST_PREFIX}：{snippet(content)}")


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
        # Bound to the dialog: closed before the read came back, it is simply not told.
        ctx.tasks.run("pick-campaigns", self._read_campaigns, owner=self, on_success=self._show, on_error=self._error)

    def _read_campaigns(self, t):
        from ..usecases import campaigns_to_pick

        return campaigns_to_pick(services_of(self.ctx))   # newest first, without test sends

    def _show(self, rows) -> None:
        self.list.clear()
        for cid, name, created, recipients, state in rows:
            item = QListWidgetItem(self.tr("#{0}  {1}  {2}（{3} 个号码，{4}）").format(
                cid, created[:16], name or self.tr("（未命名）"), f"{recipients:,}", wording.campaign_state(state)))
            item.setData(256, cid)
            self.list.addItem(item)
        self.status.setText("" if rows else self.tr("还没有发送记录"))

    def _error(self, error) -> None:
        self.status.setText(wording.message(error))
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
            from ..usecases import numbers_to_retry

            return numbers_to_retry(services_of(self.ctx), cid)   # failed or never sent, as ljsms would pick

        def done(mobiles) -> None:
            self.picked.emit(NumberSource(label=self.tr("活动 #{0} 未成功送达的号码").format(cid), mobiles=mobiles))
            self.accept()

        self.ctx.tasks.run("pick-numbers", work, owner=self, on_success=done, on_error=self._error)
