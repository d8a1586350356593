"""模板群发: a registered template with ``{}`` placeholders, filled per row from a workbook.

Flow: pick or type a template (id + text; saved ones live in the store's templates table) →
drop a workbook on the tab or click 导入表格 → choose the sheet → map the mobile column and one
column per ``{}`` (combo boxes; detected automatically) → a live preview of the first rendered
messages and their part counts → the full import runs in a Task (progress, 取消) and the plan is
built in the same worker (``core.planning.plan_template``; batches of 1000 rows) → the validation
summary, the problem rows and 导出问题行 → the same confirm-and-send flow as 发送短信.

The GUI thread never loops over the rows: the worker hands back a finished Plan and a sample of
the problems. Editing the template text only re-plans (in a worker) from the imported rows;
changing the sheet, the columns or the number of ``{}`` imports again.
"""

from __future__ import annotations

import html
import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFileDialog, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QScrollArea,
    QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ..changes import Changes, Outcome
from ..core.optout import has_opt_out_line
from ..core.planning import Plan, plan_template
from ..core.segments import char_count, count_parts
from ..core.templates import placeholder_count, render
from ..sheets.layout import suggest_variables
from ..jobs.gc_pause import paused_gc
from ..jobs.importing import FileInfo, import_file, inspect_file, start_export_problems
from ..usecases.drafts import draft_template
from ..usecases.templates import save_template, saved_templates
from ..resources_path import RESOURCES
from .compose_tab import SHEET_PATTERNS
from ..core.numbers import normalize_mobile
from ..jobs.campaign import TEST_PREFIX, services_of
from .send_tab import AMBER, GREEN, RED, SendTab, snippet
from . import wording

log = logging.getLogger(__name__)

PREVIEW_ROWS = 15   # the preview has the full height of the tab: a dozen rows at 1366×768
SHOWN_PROBLEMS = 200
DEBOUNCE_MS = 300
SHEET_SUFFIXES = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".csv", ".txt"}
SAMPLE_FILE = "sample_import.xlsx"
FILE_KEY = "template-file"   # the workbook's inspect and import: a newer one supersedes the older
PLAN_KEY = "template-plan"   # planning again from the imported rows
SAMPLE_SAVE_NAME = QT_TRANSLATE_NOOP("TemplateTab", "示例导入表格.xlsx")   # offered through self.tr()


def sample_workbook() -> Path | None:
    """The sample import workbook (手机号, 姓名, 订单号): the repository's ``resources/`` next to the
    package (how ``ui.app`` finds translations), else a copy inside the package; None when missing."""
    for candidate in (RESOURCES / SAMPLE_FILE, Path(__file__).resolve().parent / "resources" / SAMPLE_FILE):
        if candidate.is_file():
            return candidate
    return None


def _bounded_width(combo: QComboBox) -> None:
    """A column combo about 14 characters wide whatever the headers: a long header name never
    widens the window (the list that drops down still shows it whole)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)
    combo.view().setMinimumWidth(combo.minimumSizeHint().width())
    combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)


@dataclass
class TemplatePlan:
    """What the worker hands back: the import, the plan built from it, and located problems."""

    result: object                       # sheets.validate.ImportResult
    plan: Plan
    problems: list[tuple[int, str]]      # (row number, reason), at most SHOWN_PROBLEMS, in row order
    plan_invalid: int                    # rows the plan refused after the import (e.g. text too long)


def build_plan(result, template: str, template_id: str, suppressed) -> TemplatePlan:
    """Worker side: plan a template send from an import (rows in sheet order, batches of 1000)."""
    plan = draft_template(template, template_id, result, suppressed=suppressed).plan   # as ljsms template plans
    rows = result.valid_rows.row_numbers()
    located = [(rows[i.index], wording.number_reason(i.reason, i.reason_zh)) for i in plan.invalid[:SHOWN_PROBLEMS]]
    problems: list[tuple[int, str]] = []
    for p in result.iter_problems():
        if len(problems) >= SHOWN_PROBLEMS:
            break
        problems.append((p.row, wording.reason(p)))
    problems = sorted(problems + located)[:SHOWN_PROBLEMS]
    return TemplatePlan(result, plan, problems, len(plan.invalid))


class TemplateTab(SendTab):
    ORIGIN = "template"
    TEST_ORIGIN = "template-test"
    SEND_NAMES = ("templatePlanStatus", "sendTemplateButton", "templateNoticeLabel", "templateUnknownNotice",
                  "templateResultLabel")

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.setObjectName("templateTab")
        self.setAcceptDrops(True)
        self._templates: list = []
        self.info: FileInfo | None = None
        self.current: TemplatePlan | None = None
        self._importing = False
        self._planning = False
        self._inspecting = False
        self._exporting = None
        self._filling = False       # combos being rebuilt: ignore their signals

        # -- template -----------------------------------------------------------------------------
        self.saved_combo = QComboBox()
        self.saved_combo.setObjectName("savedTemplatesCombo")
        self.saved_combo.setToolTip(self.tr("已保存的模板"))
        self.saved_combo.activated.connect(self._saved_chosen)
        self.save_template_button = QPushButton(self.tr("保存模板"))
        self.save_template_button.setObjectName("saveTemplateButton")
        self.save_template_button.clicked.connect(self.save_template)
        self.delete_template_button = QPushButton(self.tr("删除"))
        self.delete_template_button.setObjectName("deleteTemplateButton")
        self.delete_template_button.clicked.connect(self._delete_template)
        self.template_id_edit = QLineEdit()
        self.template_id_edit.setObjectName("templateIdEdit")
        self.template_id_edit.setPlaceholderText(self.tr("联江平台上的模板编号"))
        self.template_text_edit = QPlainTextEdit()
        self.template_text_edit.setObjectName("templateTextEdit")
        self.template_text_edit.setPlaceholderText(self.tr("【公司签名】尊敬的{}，您的订单{}已发货。回T退订"))
        self.template_text_edit.setMaximumHeight(90)
        self.template_info = QLabel()
        self.template_info.setObjectName("templateInfo")
        self.template_info.setWordWrap(True)
        self.template_info.setTextFormat(Qt.TextFormat.RichText)
        self.marketing_check = self._make_marketing_check("templateMarketingCheck")
        tbox = QGroupBox(self.tr("模板"))
        tl = QVBoxLayout(tbox)
        srow = QHBoxLayout()
        srow.addWidget(QLabel(self.tr("已保存的模板：")))
        srow.addWidget(self.saved_combo, 1)
        srow.addWidget(self.save_template_button)
        srow.addWidget(self.delete_template_button)
        tl.addLayout(srow)
        form = QFormLayout()
        form.addRow(self.tr("模板编号："), self.template_id_edit)
        form.addRow(self.tr("模板内容："), self.template_text_edit)
        tl.addLayout(form)
        tl.addWidget(self.template_info)
        tl.addWidget(self.marketing_check)

        # -- workbook -----------------------------------------------------------------------------
        self.import_button = QPushButton(self.tr("导入表格…"))
        self.import_button.setObjectName("importButton")
        self.import_button.setToolTip(self.tr("选择 Excel、WPS 表格或 CSV 文件；也可以把文件直接拖到这里"))
        self.import_button.clicked.connect(self._choose_file)
        self.sample_button = QPushButton(self.tr("下载示例表格…"))
        self.sample_button.setObjectName("downloadSampleButton")
        self.sample_button.setToolTip(self.tr("保存一份示例表格（手机号、姓名、订单号），照着填写后导入"))
        self.sample_button.clicked.connect(self._choose_sample_target)
        self.file_label = QLabel(self.tr("把表格文件拖到这里，或点“导入表格…”"))
        self.file_label.setObjectName("fileLabel")
        self.file_label.setWordWrap(True)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheetCombo")
        self.sheet_combo.currentIndexChanged.connect(self._sheet_changed)
        self.mobile_combo = QComboBox()
        self.mobile_combo.setObjectName("mobileColumnCombo")
        _bounded_width(self.mobile_combo)
        self.mobile_combo.currentIndexChanged.connect(self._mapping_changed)
        self.var_combos: list[QComboBox] = []
        self.mapping_row = QHBoxLayout()
        self.preview_table = QTableWidget(0, 4)
        self.preview_table.setObjectName("previewTable")
        self.preview_table.setHorizontalHeaderLabels([self.tr("行"), self.tr("手机号"), self.tr("短信内容"), self.tr("字数 / 条数")])
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.verticalHeader().setVisible(False)
        hh = self.preview_table.horizontalHeader()
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.preview_table.setWordWrap(True)
        self.import_summary = QLabel()
        self.import_summary.setObjectName("importSummary")
        self.import_summary.setWordWrap(True)
        self.import_summary.setTextFormat(Qt.TextFormat.RichText)
        self.problems_list = QListWidget()
        self.problems_list.setWordWrap(True)  # long reasons (and English ones) wrap, no sideways scrolling
        self.problems_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems_list.setObjectName("problemRowsList")
        self.problems_list.setMaximumHeight(110)
        self.export_button = QPushButton(self.tr("导出问题行…"))
        self.export_button.setObjectName("exportProblemsButton")
        self.export_button.clicked.connect(self._choose_export)
        wbox = QGroupBox(self.tr("收件人表格"))
        wl = QVBoxLayout(wbox)
        frow = QHBoxLayout()
        frow.addWidget(self.import_button)
        frow.addWidget(self.sample_button)
        frow.addWidget(self.file_label, 1)
        wl.addLayout(frow)
        self.mapping_row.addWidget(QLabel(self.tr("工作表：")))
        self.mapping_row.addWidget(self.sheet_combo)
        self.mapping_row.addWidget(QLabel(self.tr("手机号列：")))
        self.mapping_row.addWidget(self.mobile_combo)
        self.mapping_row.addStretch(1)
        wl.addLayout(self.mapping_row)
        self.var_grid = QGridLayout()   # the {} columns, three to a row: many variables never widen the window
        self.var_grid.setColumnStretch(6, 1)
        wl.addLayout(self.var_grid)
        wl.addWidget(self.preview_table, 1)
        srow2 = QHBoxLayout()
        srow2.addWidget(self.import_summary, 1)
        srow2.addWidget(self.export_button)
        wl.addLayout(srow2)
        wl.addWidget(self.problems_list)

        # -- sending ------------------------------------------------------------------------------
        self.test_numbers_label = QLabel()
        self.test_numbers_label.setObjectName("templateTestNumbersLabel")
        self.test_numbers_label.setWordWrap(True)
        self.test_button = QPushButton(self.tr("测试发送"))
        self.test_button.setObjectName("templateTestSendButton")
        self.test_button.clicked.connect(self.send_test)
        self._make_send_widgets()
        trow = QHBoxLayout()
        trow.addWidget(self.test_numbers_label, 1)
        trow.addWidget(self.test_button)
        self._show_test_numbers()
        sbox = self._send_box(trow)

        # Template and sending on the left, the workbook on the right: the preview gets the full
        # height (a dozen rows at 1366×768) and the tab fits a small screen in both languages.
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(tbox)
        ll.addWidget(sbox)
        ll.addStretch(1)
        # Scrolls rather than grows when every message below 发送 shows at once (progress, a notice,
        # the unknown-batches warning, the result): the window's minimum height stays put.
        scroll = QScrollArea()
        scroll.setObjectName("templateLeftScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(left)
        scroll.setMinimumWidth(left.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width())
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("templateSplitter")
        split.setChildrenCollapsible(False)
        split.addWidget(scroll)
        split.addWidget(wbox)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([520, 780])
        lay = QVBoxLayout(self)
        lay.addWidget(split, 1)

        # -- wiring -------------------------------------------------------------------------------
        self._import_timer = self._debounce_timer(DEBOUNCE_MS, self._start_import)
        self._plan_timer = self._debounce_timer(DEBOUNCE_MS, self._start_plan)
        self.template_text_edit.textChanged.connect(self._template_changed)
        self.template_id_edit.textChanged.connect(self._template_id_changed)
        self._wire_send()

        self._var_count = 0
        self._rebuild_var_combos()
        self._update_template_info()
        self._show_mapping_enabled()
        self._update_summary()
        self._update_actions()
        self._load_startup()

    # -- public -------------------------------------------------------------------------------------
    @property
    def plan(self) -> Plan | None:
        return self.current.plan if self.current is not None else None

    @property
    def template(self) -> str:
        return self.template_text_edit.toPlainText().strip()

    @property
    def template_id(self) -> str:
        return self.template_id_edit.text().strip()

    def load_file(self, path: str | Path) -> None:
        """Look at *path* in a Task (sheets, layout, preview), then import it with the detected columns."""
        path = Path(path)
        self.ctx.qsettings.setValue("folders/template_import", str(path.parent))
        self._reset_file()
        self.file_label.setText(self.tr("正在打开“{0}”…").format(path.name))
        self._inspect(path, None)

    def set_mobile_column(self, column: int) -> None:
        self._select_data(self.mobile_combo, column)

    def set_variable_columns(self, columns: list[int]) -> None:
        for combo, col in zip(self.var_combos, columns):
            self._select_data(combo, col)

    # -- helpers ------------------------------------------------------------------------------------
    @staticmethod
    def _select_data(combo: QComboBox, value) -> None:
        i = combo.findData(value)
        if i >= 0:
            combo.setCurrentIndex(i)

    def _data_changed(self, changes: Changes) -> None:
        super()._data_changed(changes)
        if changes.templates:
            self._load_templates()

    def _load_startup(self) -> None:
        """Saved templates and the suppression list, in one read (one store connection)."""
        def work(t):
            store = self.ctx.open_store()
            try:
                return ([(x.template_id, x.text, x.name) for x in store.templates()],
                        frozenset(store.suppressed_mobiles()))
            finally:
                store.close()

        def done(r) -> None:
            self._show_templates(r[0])
            self._suppressed = r[1]

        self.ctx.tasks.run("template-startup", work, owner=self, on_success=done,
                           on_error=lambda e: self._set_result(wording.message(e), RED))

    def _suppression_changed(self) -> None:
        if self.current is not None:
            self._plan_timer.start()

    # -- saved templates ------------------------------------------------------------------------------
    def _load_templates(self) -> None:
        def work(t):
            return saved_templates(services_of(self.ctx))

        self.ctx.tasks.run("templates-load", work, key="templates-load", owner=self, on_success=self._show_templates,
                           on_error=lambda e: self._set_result(wording.message(e), RED))

    def _show_templates(self, rows) -> None:
        self._templates = rows
        self.saved_combo.blockSignals(True)
        self.saved_combo.clear()
        self.saved_combo.addItem(self.tr("（选择已保存的模板）") if rows else self.tr("（还没有保存的模板）"), None)
        for tid, text, _name in rows:
            self.saved_combo.addItem(f"{tid} — {snippet(text, 30)}", tid)
        self.saved_combo.blockSignals(False)
        self._update_template_buttons()

    def _saved_chosen(self, index: int) -> None:
        tid = self.saved_combo.itemData(index)
        for t_id, text, _name in self._templates:
            if t_id == tid:
                self.template_id_edit.setText(t_id)
                self.template_text_edit.setPlainText(text)
                return

    def save_template(self) -> None:
        tid, text = self.template_id, self.template
        if not tid or not text:
            return

        def work(t):
            save_template(services_of(self.ctx), tid, text)   # as ljsms template --save-template does
            return Outcome(None, Changes(templates=True))   # the saved list reloads on the announcement

        def done(_r) -> None:
            self._set_result(self.tr("模板 {0} 已保存").format(tid), GREEN)

        self.ctx.tasks.run("template-save", work, owner=self, on_success=done,
                           on_error=lambda e: self._set_result(wording.message(e), RED))

    def _delete_template(self) -> None:
        tid = self.template_id
        if not any(t == tid for t, _x, _n in self._templates):
            return

        def work(t):
            store = self.ctx.open_store()
            try:
                store.delete_template(tid)
            finally:
                store.close()
            return Outcome(None, Changes(templates=True))

        self.ctx.tasks.run("template-delete", work, owner=self,
                           on_error=lambda e: self._set_result(wording.message(e), RED))

    def _update_template_buttons(self) -> None:
        tid, text = self.template_id, self.template
        saved = {t: x for t, x, _n in self._templates}
        can_save = bool(tid and text) and saved.get(tid) != text
        self.save_template_button.setEnabled(can_save)
        if not tid or not text:
            self.save_template_button.setToolTip(self.tr("先填写模板编号和模板内容"))
        elif not can_save:
            self.save_template_button.setToolTip(self.tr("这个模板已保存"))
        else:
            self.save_template_button.setToolTip(self.tr("保存到本机，下次可直接选用"))
        self.delete_template_button.setEnabled(tid in saved)
        self.delete_template_button.setToolTip("" if tid in saved else self.tr("这个编号没有保存过"))

    # -- template text ------------------------------------------------------------------------------
    def _show_text_hints(self) -> None:
        self._update_template_info()

    def _template_id_changed(self) -> None:
        self._update_template_buttons()
        if self.current is not None:
            self._plan_timer.start()
        self._update_actions()

    def _template_changed(self) -> None:
        self._update_template_info()
        self._update_template_buttons()
        n = placeholder_count(self.template)
        if n != self._var_count:
            self._rebuild_var_combos()
            if self.info is not None and self.info.layout is not None:
                self._import_timer.start()
        else:
            self._suggest_unset()
            if self.current is not None:   # the import checks each row's rendered length: read it again
                self._import_timer.start()
        self._update_preview()
        self._update_actions()

    def _update_template_info(self) -> None:
        text = self.template
        if not text:
            self.template_info.setText(self.tr("模板中用 {} 表示变量，按顺序由表格中的列填入"))
            return
        n = placeholder_count(text)
        fixed = char_count(text) - 2 * n
        bits = [html.escape(self.tr("变量 {0} 个，固定文字 {1} 字").format(n, fixed))]
        problem = wording.signature_problem(text)
        if problem:
            bits.append(f'<span style="color:{RED}">⚠ {html.escape(problem)}</span>')
        if self.marketing_check.isChecked() and not has_opt_out_line(text):
            bits.append(f'<span style="color:{AMBER}">'
                        + html.escape(self.tr("提示：营销短信请告知退订方式，如在末尾加上“回T退订”")) + "</span>")
        self.template_info.setText("<br>".join(bits))

    # -- file -------------------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt name
        if self._dropped_path(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt name
        path = self._dropped_path(event)
        if path is not None:
            event.acceptProposedAction()
            self.load_file(path)

    @staticmethod
    def _dropped_path(event) -> Path | None:
        md = event.mimeData()
        if md is None or not md.hasUrls():
            return None
        for url in md.urls():
            if url.isLocalFile():
                p = Path(url.toLocalFile())
                if p.suffix.lower() in SHEET_SUFFIXES:
                    return p
        return None

    def _choose_file(self) -> None:
        folder = str(self.ctx.qsettings.value("folders/template_import", "") or "")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择收件人表格"), folder,
                                              self.tr("表格或文本") + f" {SHEET_PATTERNS};;" + self.tr("所有文件") + " (*)")
        if path:
            self.load_file(path)

    # -- sample workbook --------------------------------------------------------------------------
    def _choose_sample_target(self) -> None:
        q = self.ctx.qsettings
        folder = str(q.value("folders/sample", "") or q.value("folders/template_import", "") or Path.home())
        target = Path(folder) / self.tr(SAMPLE_SAVE_NAME)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存示例表格"), str(target),
                                              self.tr("Excel 工作簿") + " (*.xlsx)")
        if path:
            self.save_sample_to(path)

    def save_sample_to(self, path: str | Path) -> bool:
        """Copy the sample workbook to *path* (a 7 KB file: copied on the GUI thread); say how it went."""
        path = Path(path)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        self.ctx.qsettings.setValue("folders/sample", str(path.parent))
        source = sample_workbook()
        if source is None:
            self._set_result(self.tr("找不到示例表格：安装文件不完整（缺少 resources/{0}），请重新安装。").format(SAMPLE_FILE), RED)
            return False
        try:
            shutil.copyfile(source, path)
        except PermissionError:
            why = self.tr("没有权限写入这个位置，或文件正被其他程序（如 Excel）打开")
        except OSError as e:
            why = e.strerror or type(e).__name__
        else:
            self._set_result(self.tr("示例表格已保存到“{0}”。第一列填手机号，其后各列依次填入模板中的每个 {{}}，"
                                     "填好后点“导入表格…”。").format(path), GREEN)
            return True
        log.warning("sample workbook not saved to %s: %s", path, why)
        self._set_result(self.tr("示例表格未能保存到“{0}”：{1}").format(path, why), RED)
        return False

    def _reset_file(self) -> None:
        self.ctx.tasks.discard(FILE_KEY)      # the file's inspect or import: its answer is not wanted now
        self.ctx.tasks.discard(PLAN_KEY)
        self._importing = self._planning = self._inspecting = False
        self.info = None
        self.current = None
        self._filling = True
        self.sheet_combo.clear()
        self.mobile_combo.clear()
        for c in self.var_combos:
            c.clear()
        self._filling = False
        self.problems_list.clear()
        self._update_preview()
        self._update_summary()
        self._show_mapping_enabled()
        self._emit_cost()
        self._update_actions()

    def _inspect(self, path: Path, sheet: str | None) -> None:
        self._inspecting = True
        self._update_actions()
        n = placeholder_count(self.template)
        self.ctx.tasks.run("template-inspect", lambda t: inspect_file(path, sheet, n), key=FILE_KEY, owner=self,
                           on_success=self._inspected, on_error=self._inspect_failed)

    def _inspect_failed(self, error) -> None:
        self._inspecting = False
        self.file_label.setText(f'<span style="color:{RED}">{html.escape(wording.message(error))}</span>')
        self._update_actions()

    def _inspected(self, info: FileInfo) -> None:
        self._inspecting = False
        self.info = info
        self._filling = True
        self.sheet_combo.clear()
        for name in info.sheets:
            self.sheet_combo.addItem(name, name)
        self._select_data(self.sheet_combo, info.sheet)
        self._fill_columns()
        self._filling = False
        rows = self.tr("，约 {0} 行").format(f"{info.rows_hint:,}") if info.rows_hint else ""
        self.file_label.setText(self.tr("“{0}”：工作表“{1}”{2}").format(info.path.name, info.sheet, rows))
        self._show_mapping_enabled()
        self._update_preview()
        if info.error:
            self.import_summary.setText(f'<span style="color:{RED}">{html.escape(info.error)}</span>')
        elif info.layout is not None and info.layout.mobile_column is None:
            self.import_summary.setText(f'<span style="color:{RED}">'
                                        + html.escape(self.tr("没有认出手机号所在的列，请在“手机号列”中选择")) + "</span>")
        else:
            from .suppression_view import offer_opt_out_sheet   # a sheet named 退订: suppress, don't send

            if offer_opt_out_sheet(self, self.ctx, info.path, info.sheet, on_send=self._start_import,
                                   on_added=self._opt_out_added) is None:
                self._start_import()
        self._update_actions()

    def _opt_out_added(self, text: str) -> None:
        self._reset_file()
        self._set_result(text, GREEN)

    def _column_items(self) -> list[tuple[str, int]]:
        lay = self.info.layout if self.info is not None else None
        if lay is None:
            return []
        width = max(lay.width, max((len(t) for _n, t in self.info.preview), default=0))
        return [(wording.column_label(lay, c), c) for c in range(width)]

    def _fill_columns(self) -> None:
        lay = self.info.layout if self.info is not None else None
        items = self._column_items()
        self.mobile_combo.clear()
        self.mobile_combo.addItem(self.tr("（请选择）"), None)
        for text, col in items:
            self.mobile_combo.addItem(text, col)
        if lay is not None and lay.mobile_column is not None:
            self._select_data(self.mobile_combo, lay.mobile_column)
        defaults = self._suggested_columns()
        for i, combo in enumerate(self.var_combos):
            combo.clear()
            combo.addItem(self.tr("（请选择）"), None)
            for text, col in items:
                combo.addItem(text, col)
            if i < len(defaults):
                self._select_data(combo, defaults[i])

    def _suggested_columns(self, taken=()) -> list[int | None]:
        """A column per ``{}`` where the sheet's header words fit the template, else None
        (``sheets.layout.suggest_variables``: never 序号 or another index column)."""
        n = placeholder_count(self.template)
        lay = self.info.layout if self.info is not None else None
        if lay is None:
            return [None] * n
        mobile = self.mobile_combo.currentData()
        candidates = [c for c in lay.other_columns if c != mobile and c not in taken]
        return suggest_variables(self.template, lay.headers, candidates)

    def _suggest_unset(self) -> None:
        """The template's words changed: map the ``{}`` still without a column where words now fit."""
        if not any(c.currentData() is None for c in self.var_combos):
            return
        taken = {c.currentData() for c in self.var_combos if c.currentData() is not None}
        for combo, col in zip(self.var_combos, self._suggested_columns(taken)):
            if combo.currentData() is None and col is not None:
                self._select_data(combo, col)   # -> _mapping_changed: preview and import follow

    def _rebuild_var_combos(self) -> None:
        """One combo per ``{}`` of the template: the column its header words fit, else left unset."""
        n = placeholder_count(self.template)
        self._var_count = n
        old = [c.currentData() for c in self.var_combos]
        suggested = self._suggested_columns()
        for c in self.var_combos:
            self.var_grid.removeWidget(c)
            c.deleteLater()
        for lab in getattr(self, "_var_labels", []):
            self.var_grid.removeWidget(lab)
            lab.deleteLater()
        self.var_combos, self._var_labels = [], []
        items = self._column_items()
        self._filling = True
        for i in range(n):
            lab = QLabel(self.tr("变量{0} {{}}：").format(i + 1))
            combo = QComboBox()
            combo.setObjectName(f"variableColumnCombo{i + 1}")
            _bounded_width(combo)
            combo.addItem(self.tr("（请选择）"), None)
            for text, col in items:
                combo.addItem(text, col)
            want = suggested[i] if i < len(suggested) else None
            if want is None and i < len(old) and old[i] not in suggested:
                want = old[i]   # the user's own choice stays where no header words speak
            if want is not None:
                self._select_data(combo, want)
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.var_grid.addWidget(lab, i // 3, (i % 3) * 2)
            self.var_grid.addWidget(combo, i // 3, (i % 3) * 2 + 1)
            self._var_labels.append(lab)
            self.var_combos.append(combo)
        self._filling = False
        self._show_mapping_enabled()

    def _show_mapping_enabled(self) -> None:
        has = self.info is not None and self.info.layout is not None
        why = "" if has else self.tr("先导入表格")
        for w in (self.sheet_combo, self.mobile_combo, *self.var_combos):
            w.setEnabled(has and not (w is self.sheet_combo and len(self.info.sheets) < 2))
            w.setToolTip(why if not has else ("" if w is not self.sheet_combo or len(self.info.sheets) > 1
                                              else self.tr("这个文件只有一个工作表")))

    def _sheet_changed(self, _i: int) -> None:
        if self._filling or self.info is None:
            return
        name = self.sheet_combo.currentData()
        if name and name != self.info.sheet:
            path = self.info.path
            self._reset_file()
            self._inspect(path, name)

    def _mapping_changed(self, _i: int) -> None:
        if self._filling:
            return
        self._update_preview()
        self.current = None
        self._emit_cost()
        self._import_timer.start()
        self._update_actions()

    def _mapping(self) -> tuple[int | None, list[int | None]]:
        return self.mobile_combo.currentData(), [c.currentData() for c in self.var_combos]

    def _mapping_problem(self) -> str:
        mobile, vars_ = self._mapping()
        if mobile is None:
            return self.tr("请选择手机号所在的列")
        unset = [str(i + 1) for i, v in enumerate(vars_) if v is None]
        if unset:
            return self.tr("请为变量{0}选择表格中的列：没有认出与模板文字对应的列（序号等编号列不会自动选用）").format(
                self.tr("、", "list separator").join(unset))
        if mobile in vars_:
            return self.tr("手机号列不能同时作为变量列")
        return ""

    # -- preview ------------------------------------------------------------------------------------
    def _update_preview(self) -> None:
        t = self.preview_table
        t.setRowCount(0)
        if self.info is None or self.info.layout is None:
            return
        mobile, vars_ = self._mapping()
        template = self.template
        shown = 0
        for number, texts in self.info.preview:
            if shown >= PREVIEW_ROWS:
                break
            cell = (lambda c: texts[c] if c is not None and c < len(texts) else "")
            if not any(texts):
                continue
            shown += 1
            row = t.rowCount()
            t.insertRow(row)
            t.setItem(row, 0, QTableWidgetItem(str(number)))
            t.setItem(row, 1, QTableWidgetItem(cell(mobile)))
            if template and None not in vars_:
                text = render(template, [cell(c) for c in vars_])
                t.setItem(row, 2, QTableWidgetItem(text))
                t.setItem(row, 3, QTableWidgetItem(self.tr("{0} 字 / {1} 条").format(char_count(text), count_parts(text))))
            else:
                t.setItem(row, 2, QTableWidgetItem(self.tr("（先填写模板并为每个 {} 选择一列）") if not template
                                                   else self.tr("（请为每个 {} 选择一列）")))
                t.setItem(row, 3, QTableWidgetItem(""))
        t.resizeColumnToContents(0)
        t.resizeColumnToContents(1)
        t.resizeColumnToContents(3)
        t.resizeRowsToContents()

    # -- import and plan (workers) -----------------------------------------------------------------
    def _start_import(self) -> None:
        self._import_timer.stop()
        if self.info is None or self.info.layout is None or self._mapping_problem():
            self._update_summary()
            self._update_actions()
            return
        info = self.info
        mobile, vars_ = self._mapping()
        template, tid, sup = self.template, self.template_id, self._suppressed
        self._importing = True
        self.current = None
        self._emit_cost()
        self.progress.set_cancel_tooltip(self.tr("停止读取表格"))
        self.progress.start(self.tr("正在读取“{0}”…").format(info.path.name), 0)

        def work(t):
            with paused_gc():
                # Validated against the template text, as ``ljsms template`` does (usecases.import_for_template):
                # a row whose rendered message is too long is refused here, with its row number.
                result = import_file(t, info.path, sheet=info.sheet, layout=info.layout, mobile_column=mobile,
                                     variable_columns=vars_, template=template)
                t.check()
                return build_plan(result, template, tid, sup)

        def progress(d) -> None:
            self.progress.update(int(d.get("fraction", 0) * 1000), 1000,
                                 self.tr("已读取 {0} 行").format(f"{d.get('done', 0):,}"))

        # A newer import (or inspect) supersedes this one: its answer never arrives here.
        self.ctx.tasks.run("template-import", work, key=FILE_KEY, owner=self, on_success=self._imported,
                           on_error=self._import_failed, on_progress=progress, on_cancel=self._import_cancelled)
        self._update_summary()
        self._update_actions()

    def _imported(self, tp: TemplatePlan) -> None:
        self._importing = False
        res = tp.result
        self.progress.finish(self.tr("已读取 {0} 行").format(f"{res.rows:,}"))
        self.progress.hide()  # the summary below the preview says it all
        self._show_plan(tp)

    def _import_failed(self, error) -> None:
        self._importing = False
        self.progress.finish(self.tr("读取失败"), ok=False)
        self.import_summary.setText(f'<span style="color:{RED}">{html.escape(wording.message(error))}</span>')
        self._update_actions()

    def _import_cancelled(self) -> None:
        self._importing = False
        self.progress.finish(self.tr("已取消读取；修改列或重新导入可再次读取"), ok=False)
        self._update_summary()
        self._update_actions()

    def _start_plan(self) -> None:
        """Template text / id / suppression changed: plan again from the imported rows (worker)."""
        self._plan_timer.stop()
        if self.current is None or self._importing:
            return
        result = self.current.result
        template, tid, sup = self.template, self.template_id, self._suppressed
        self._planning = True
        self._update_actions()
        def work(t):
            with paused_gc():
                return build_plan(result, template, tid, sup)

        self.ctx.tasks.run("template-plan", work, key=PLAN_KEY, owner=self, on_success=self._planned,
                           on_error=self._plan_failed)

    def _planned(self, tp: TemplatePlan) -> None:
        self._planning = False
        if self.current is None or tp.result is not self.current.result:
            self._update_actions()
            return
        self._show_plan(tp)

    def _plan_failed(self, error) -> None:
        self._planning = False
        self.import_summary.setText(f'<span style="color:{RED}">{html.escape(wording.message(error))}</span>')
        self._update_actions()

    def _show_plan(self, tp: TemplatePlan) -> None:
        self.current = tp
        self._update_summary()
        self.problems_list.clear()
        for row, reason in tp.problems:
            self.problems_list.addItem(QListWidgetItem(self.tr("第 {0} 行：{1}").format(row, reason)))
        total = tp.result.invalid + tp.result.duplicates + tp.plan_invalid
        if total > len(tp.problems):
            self.problems_list.addItem(QListWidgetItem(self.tr("……共 {0} 行有问题").format(f"{total:,}")))
        self._emit_cost()
        self._update_actions()

    def _update_summary(self) -> None:
        tp = self.current
        if tp is None:
            if self._importing:
                self.import_summary.setText(self.tr("正在读取表格…"))
            elif self.info is not None and self._mapping_problem():
                self.import_summary.setText(f'<span style="color:{RED}">{html.escape(self._mapping_problem())}</span>')
            elif self.info is None:
                self.import_summary.setText("")
            self.problems_list.setVisible(False)
            self.plan_status.setText("")
            return
        res, plan = tp.result, tp.plan
        bits = [self.tr("共 {0} 行").format(f"{res.rows:,}"),
                self.tr("有效 <b>{0}</b>").format(f"{len(plan.recipients):,}"),
                self.tr("无效 {0}").format(f"{res.invalid + tp.plan_invalid:,}"),
                self.tr("重复 {0}").format(f"{res.duplicates + len(plan.duplicates):,}"),
                self.tr("已退订/屏蔽 {0}").format(f"{len(plan.suppressed):,}")]
        self.import_summary.setText(" · ".join(bits))
        self.problems_list.setVisible(bool(tp.problems))
        lines = []
        if plan.recipients:
            span = (f"{plan.parts_min}" if plan.parts_min == plan.parts_per_recipient
                    else f"{plan.parts_min}–{plan.parts_per_recipient}")
            lines.append(html.escape(self.tr("将发送给 {0} 个号码，每个 {1} 条，共消耗 {2} 条，分 {3} 批（每批最多 1000 个）").format(
                f"{len(plan.recipients):,}", span, f"{plan.cost:,}", plan.batch_count)))
        for p in plan.problems:
            lines.append(f'<span style="color:{RED}">✖ {html.escape(wording.message(p))}</span>')
        self.plan_status.setText("<br>".join(lines))

    def _emit_cost(self) -> None:
        plan = self.plan
        self._set_planned_cost(plan.cost if plan is not None and plan.recipients else None)

    # -- export ---------------------------------------------------------------------------------------
    def _choose_export(self) -> None:
        if self.current is None:
            return
        src = self.current.result.path
        folder = str(self.ctx.qsettings.value("folders/export", "") or src.parent)
        default = str(Path(folder) / self.tr("{0}_问题行.xlsx").format(src.stem))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出问题行"), default,
                                              self.tr("Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)"))
        if path:
            self.export_problems(path)

    def export_problems(self, path: str | Path) -> None:
        """Write the refused rows (with a 问题 column) to *path* in a Task."""
        if self.current is None:
            return
        path = Path(path)
        self.ctx.qsettings.setValue("folders/export", str(path.parent))
        self.progress.set_cancel_tooltip(self.tr("停止导出"))
        self.progress.start(self.tr("正在导出问题行到“{0}”…").format(path.name), 0)

        def done(written) -> None:
            self._exporting = None
            self.progress.finish(self.tr("已导出问题行：{0}").format(written))
            self._update_actions()

        def failed(error) -> None:
            self._exporting = None
            self.progress.finish(self.tr("导出失败"), ok=False)
            self._set_result(wording.message(error), RED)
            self._update_actions()

        def cancelled() -> None:
            self._exporting = None
            self.progress.finish(self.tr("已取消导出"), ok=False)
            self._update_actions()

        self._exporting = start_export_problems(
            self.ctx.tasks, self.current.result, path, on_success=done, on_error=failed, on_cancel=cancelled,
            on_progress=lambda d: self.progress.update(int(d.get("fraction", 0) * 1000), 1000,
                                                       self.tr("已写出 {0} 行").format(f"{d.get('done', 0):,}")))
        self._update_actions()

    # -- actions state ------------------------------------------------------------------------------
    def _input_block_reason(self) -> str:
        if not self.template:
            return self.tr("请先填写模板内容")
        if not self.template_id:
            return self.tr("请先填写模板编号（联江平台上的模板编号）")
        if self.info is None:
            return self.tr("请先导入收件人表格")
        if self._mapping_problem():
            return self._mapping_problem()
        if self._inspecting or self._importing or self._import_timer.isActive():
            return self.tr("正在读取表格…")
        if self._planning or self._plan_timer.isActive():
            return self.tr("正在核算…")
        if self.plan is None:
            return self.tr("表格还没有读取完成")
        if self.plan.problems:
            return wording.message(self.plan.problems[0])
        return ""

    def _settings_changed(self) -> None:
        self._show_test_numbers()
        super()._settings_changed()

    def _test_numbers(self) -> list[str]:
        out = []
        for raw in self.ctx.settings.test_numbers:
            m = normalize_mobile(raw).mobile
            if m and m not in out:
                out.append(m)
        return out

    def _show_test_numbers(self) -> None:
        numbers = self._test_numbers()
        self.test_numbers_label.setText(
            self.tr("测试号码：{0}（在“文件 → 设置”中修改）").format(", ".join(numbers)) if numbers
            else self.tr("测试号码：未设置（在“文件 → 设置”中填写自己的手机号）"))

    def _test_block_reason(self) -> str:
        reason = self._busy_block_reason() or self._account_block_reason()
        if reason:
            return reason
        if not self._test_numbers():
            return self.tr("请先在“文件 → 设置”中填写测试号码（自己的手机号）")
        reason = self._input_block_reason()
        if reason:
            return reason
        return "" if self.plan is not None and self.plan.recipients else self.tr("表格中没有可以发送的行")

    def send_test(self) -> None:
        """测试发送: the first rows' messages, each to one of the test numbers (its own small campaign)."""
        if self._test_block_reason():
            return
        plan = self.plan
        rows = [(mobile, plan.values[i % len(plan.values)]) for i, mobile in enumerate(self._test_numbers())]
        test = plan_template(self.template, self.template_id, rows)
        if test.problems:
            self._set_result(wording.message(test.problems[0]), RED)
            return
        self.runner.send_plan(test, origin=self.TEST_ORIGIN,
                              name=f"{TEST_PREFIX}：" + self.tr("模板 {0}").format(self.template_id))

    def _update_input_actions(self) -> None:
        treason = self._test_block_reason()
        self.test_button.setEnabled(not treason)
        self.test_button.setToolTip(treason or self.tr("把表格前几行的短信发给测试号码，在“状态报告”中确认送达"))
        busy_file = self._inspecting or self._importing or self._exporting is not None
        self.import_button.setEnabled(not busy_file and not self.runner.busy)
        self.import_button.setToolTip(self.tr("正在处理表格，请稍候") if busy_file else
                                      self.tr("选择 Excel、WPS 表格或 CSV 文件；也可以把文件直接拖到这里"))
        has_problems = self.current is not None and self.current.result.invalid > 0
        self.export_button.setEnabled(has_problems and not busy_file)
        if self.current is None:
            self.export_button.setToolTip(self.tr("先导入表格"))
        elif not has_problems:
            self.export_button.setToolTip(self.tr("没有无效的行（重复的行不需要修改）"))
        elif busy_file:
            self.export_button.setToolTip(self.tr("正在处理表格，请稍候"))
        else:
            self.export_button.setToolTip(self.tr("把无效的行连同原因导出为表格，修改后重新导入"))

    # -- sending (SendTab hooks) --------------------------------------------------------------------
    def _file_name(self) -> str:
        return self.info.path.name if self.info is not None else ""

    def _confirm_heading(self, plan: Plan) -> str:
        return self.tr("模板群发：模板 {0}，表格“{1}”").format(plan.template_id, self._file_name())

    def _campaign_label(self, plan: Plan) -> str:
        return self.tr("模板 {0}（{1}）").format(plan.template_id, self._file_name())

    def _clear_after_schedule(self) -> None:
        self._forget_file(self.tr("表格已移除，以免重复安排。"))

    def _clear_after_run(self, origin: str, touched: bool) -> None:
        if origin == self.TEST_ORIGIN:
            return   # a test send keeps the workbook: the real send comes next
        self._forget_file(self.tr("表格已移除，以免重复发送；要再次发送请重新导入。"))

    def _clear_after_partial_send(self) -> str:
        self._forget_file(self.tr("表格已移除，以免重复发送。"))
        return self.tr(" 已发出 {0} 个号码，其余可在“发送记录”中修正后继续发送。").format(f"{self._sent_in_run:,}")

    def _import_counts(self) -> tuple[int, int]:
        res = self.current.result if self.current is not None else None
        return (res.invalid, res.duplicates) if res is not None else (0, 0)

    def _forget_file(self, note: str) -> None:
        self._reset_file()
        self.file_label.setText(note)

    def _cancel_file_work(self) -> bool:
        if self._importing:
            self.ctx.tasks.cancel("template-import")
        elif self._exporting is not None:
            self._exporting.cancel()
        else:
            return False
        return True
