"""退订/屏蔽名单 (objectName ``suppressionView``): the numbers never sent to again.

Search (a number, its last digits, or words of the reason), add numbers by hand with a reason, remove
the selected ones (confirmed, with a reason), import a sheet of numbers, export the list. Each entry
shows why it is there — the reply text, the report's opt-out code, or "by hand" — and since when.
Everything runs through ``usecases.results`` on workers; the list reloads when the suppression list
changes (a poll's opt-outs, ``ljsms suppress``, another window).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QInputDialog,
    QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from ..changes import Changes, Outcome
from ..jobs import TaskError
from . import wording
from .campaigns_view import count_text
from .tables import Column, RowsModel

PAGE = 500
SEARCH_DELAY_MS = 250


class AddNumbersDialog(QDialog):
    """Numbers (pasted in any form) and a reason."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("addSuppressionDialog")
        self.setWindowTitle(self.tr("加入屏蔽名单"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.numbers = QPlainTextEdit(self)
        self.numbers.setObjectName("suppressionNumbers")
        self.numbers.setPlaceholderText(self.tr("每行一个号码，或用逗号、空格分隔"))
        self.reason = QLineEdit(self)
        self.reason.setObjectName("suppressionReason")
        self.reason.setPlaceholderText(self.tr("例如：客户电话要求不再发送"))
        form = QFormLayout()
        form.addRow(self.tr("号码"), self.numbers)
        form.addRow(self.tr("原因"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("加入"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(420, 300)


class SuppressionView(QWidget):
    """The 退订名单 tab."""

    interest = Changes(suppression=True)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("suppressionTab")
        self.entries: list = []
        self.total = 0
        self.loaded = 0
        self.add_dialog: AddNumbersDialog | None = None
        self.last_result = ""
        self._after = None

        self.search = QLineEdit(self)
        self.search.setObjectName("suppressionSearch")
        self.search.setPlaceholderText(self.tr("搜索号码（可只输后几位）或原因"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.refresh)

        self.add_button = self._button("suppressionAddButton", self.tr("添加…"), self.add_numbers)
        self.remove_button = self._button("suppressionRemoveButton", self.tr("移出名单…"), self.remove_selected)
        self.import_button = self._button("suppressionImportButton", self.tr("从表格导入…"), self.import_sheet)
        self.export_button = self._button("suppressionExportButton", self.tr("导出…"), self.export_list)
        self.more_button = self._button("suppressionMoreButton", self.tr("显示更多"), self.load_more)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for b in (self.add_button, self.remove_button, self.import_button, self.export_button):
            top.addWidget(b)

        self.model = RowsModel([
            Column(self.tr("手机号"), 0), Column(self.tr("来源"), 1), Column(self.tr("原因"), 2),
            Column(self.tr("代码"), 3), Column(self.tr("加入时间"), 4),
        ], self)
        self.view = QTableView(self)
        self.view.setObjectName("suppressionView")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

        self.summary = QLabel(self)
        self.summary.setObjectName("suppressionSummary")
        self.result_label = QLabel(self)
        self.result_label.setObjectName("suppressionResult")
        self.result_label.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.more_button)
        note = QLabel(self.tr("名单中的号码在每次发送时都会被跳过：回复退订（TD、退订…）和状态报告中的退订码会自动加入。"), self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #868e96;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(note)
        layout.addWidget(self.result_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.result_label.hide()
        ctx.changes.connect(self._changed)
        self._update_buttons()

    def _button(self, name: str, text: str, slot) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.clicked.connect(slot)
        return b

    @property
    def services(self):
        from ..jobs.campaign import services_of

        return services_of(self.ctx)

    # -- loading -----------------------------------------------------------------------------------
    def _changed(self, changes: Changes) -> None:
        if changes.touches(self.interest):
            self.refresh()

    def refresh(self) -> None:
        self._search_timer.stop()
        self._load(None)

    def load_more(self) -> None:
        if self.entries:
            self._load(self.entries[-1].key)

    def _load(self, after) -> None:
        if getattr(self.ctx, "store_exclusive", False):   # a restore has the file: its Changes reload us after
            return
        services, search = self.services, self.search.text()

        def work(_t):
            from ..usecases.results import suppression_page

            return suppression_page(services, search, after=after, limit=PAGE)

        self._after = after
        self.ctx.tasks.run("view:suppression", work, key="view:suppression", owner=self,
                           on_success=self._loaded, on_error=self._failed)

    def _loaded(self, page) -> None:
        self.entries = (self.entries if self._after is not None else []) + list(page.entries)
        self.total = page.total
        self.model.set_rows([self._row(e) for e in self.entries])
        search = self.search.text().strip()
        if search:
            text = self.tr("找到 {0} 个号码").format(count_text(self.total))
        else:
            text = self.tr("屏蔽名单共 {0} 个号码").format(count_text(self.total))
        if len(self.entries) < self.total:
            text += self.tr("，显示前 {0} 个").format(count_text(len(self.entries)))
        self.summary.setText(text)
        self.summary.setStyleSheet("")
        self.more_button.setVisible(len(self.entries) < self.total)
        self.loaded += 1
        self._update_buttons()

    def _row(self, e) -> tuple:
        source = {"reply": self.tr("回复退订"), "report": self.tr("状态报告退订码"), "manual": self.tr("手动")}
        reason = e.reason
        if e.source == "report" and e.code:
            reason = wording.code_explanation(e.code)[0] or reason
        elif e.source == "manual" and not reason:
            reason = self.tr("手动添加")
        return (e.mobile, source.get(e.source, e.source), reason, e.code, e.added_at, e)

    def _failed(self, error: TaskError) -> None:
        self.summary.setText(self.tr("读取屏蔽名单失败：{0}").format(wording.message(error)))
        self.summary.setStyleSheet("color: #c0392b;")

    def selected_numbers(self) -> list[str]:
        return [self.model.rows[i.row()][0] for i in self.view.selectionModel().selectedRows()]

    def _update_buttons(self, *_args) -> None:
        n = len(self.selected_numbers())
        self.remove_button.setEnabled(n > 0)
        self.remove_button.setToolTip(self.tr("移出选中的 {0} 个号码").format(n) if n else self.tr("先在列表中选择号码"))
        self.export_button.setEnabled(self.total > 0)
        self.export_button.setToolTip("" if self.total else self.tr("名单是空的"))

    def _report(self, text: str, *, error: bool = False) -> None:
        self.last_result = text
        self.result_label.setText(text)
        self.result_label.setStyleSheet("color: #c0392b;" if error else "color: #1e8449;")
        self.result_label.setVisible(bool(text))

    # -- add / remove ------------------------------------------------------------------------------
    def add_numbers(self) -> AddNumbersDialog:
        dlg = AddNumbersDialog(self)
        dlg.accepted.connect(lambda: self.add(dlg.numbers.toPlainText(), dlg.reason.text()))
        dlg.finished.connect(dlg.deleteLater)
        self.add_dialog = dlg
        dlg.open()
        return dlg

    def add(self, text: str, reason: str = "") -> None:
        services = self.services

        def work(_t):
            from ..usecases.results import suppress_numbers

            change = suppress_numbers(services, [text], reason)
            return Outcome(change, Changes(suppression=bool(change.changed)))

        self.ctx.tasks.run("suppression:add", work, owner=self, on_success=self._added,
                           on_error=lambda e: self._report(wording.message(e), error=True))

    def _added(self, change) -> None:
        text = self.tr("已加入 {0} 个号码").format(change.changed)
        if change.unchanged:
            text += self.tr("，{0} 个原已在名单中").format(change.unchanged)
        if change.invalid:
            text += self.tr("；{0} 项不是有效号码：{1}").format(
                len(change.invalid), "、".join(t for t, _r in change.invalid[:5]))
        self._report(text, error=bool(change.invalid) and not change.changed)
        if not change.changed:
            self.refresh()

    def remove_selected(self) -> None:
        numbers = self.selected_numbers()
        if not numbers:
            return
        shown = "、".join(numbers[:5]) + ("…" if len(numbers) > 5 else "")
        reason, ok = QInputDialog.getText(self, self.tr("移出屏蔽名单"), self.tr(
            "移出后，以后的发送会再次发给这 {0} 个号码：{1}\n如果对方曾回复退订，再次发送可能引起投诉。\n\n请填写原因：").format(
            len(numbers), shown))
        if ok and reason.strip():
            self.remove(numbers, reason.strip())
        elif ok:
            self._report(self.tr("未移出：请填写原因"), error=True)

    def remove(self, numbers: list[str], reason: str) -> None:
        services = self.services

        def work(_t):
            from ..usecases.results import unsuppress_numbers

            change = unsuppress_numbers(services, numbers, reason)
            return Outcome(change, Changes(suppression=bool(change.changed)))

        self.ctx.tasks.run("suppression:remove", work, owner=self,
                           on_success=lambda c: self._report(self.tr("已移出 {0} 个号码").format(c.changed)),
                           on_error=lambda e: self._report(wording.message(e), error=True))

    # -- import / export ---------------------------------------------------------------------------
    def import_sheet(self) -> None:
        folder = str(self.ctx.qsettings.value("folders/import", "") or "")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入号码到屏蔽名单"), folder,
                                              self.tr("表格 (*.xlsx *.xls *.csv *.txt)"))
        if path:
            self.import_path(path)

    def import_path(self, path: str, sheet: str | None = None) -> None:
        services = self.services
        self.ctx.qsettings.setValue("folders/import", str(Path(path).parent))
        self._report(self.tr("正在导入 {0}…").format(Path(path).name))

        def work(t):
            from ..usecases.results import suppress_sheet

            change = suppress_sheet(services, path, sheet=sheet, cancel=t.cancel_event)
            return Outcome(change, Changes(suppression=bool(change.changed)))

        self.ctx.tasks.run("suppression:import", work, owner=self, on_success=self._imported,
                           on_error=lambda e: self._report(wording.message(e), error=True))

    def _imported(self, change) -> None:
        text = self.tr("已从表格加入 {0} 个号码").format(change.changed)
        if change.unchanged:
            text += self.tr("，{0} 个原已在名单中").format(change.unchanged)
        if change.invalid:
            text += self.tr("；{0} 行不是有效号码，已跳过").format(len(change.invalid))
        self._report(text)
        if not change.changed:
            self.refresh()

    def export_list(self) -> None:
        folder = str(self.ctx.qsettings.value("folders/export", "") or "")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出屏蔽名单"), str(Path(folder or ".") / "屏蔽名单.xlsx"),
                                              self.tr("Excel 表格 (*.xlsx);;CSV 文件 (*.csv)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        services = self.services
        self.ctx.qsettings.setValue("folders/export", str(Path(path).parent))

        def work(t):
            from ..usecases.results import export_suppression

            return export_suppression(services, path, cancel=t.cancel_event)

        self._report(self.tr("正在导出…"))
        self.ctx.tasks.run("suppression:export", work, owner=self,
                           on_success=lambda r: self._report(self.tr("已导出 {0} 个号码到 {1}").format(
                               count_text(r[1]), str(r[0]))),
                           on_error=lambda e: self._report(wording.message(e), error=True))


def offer_opt_out_sheet(parent: QWidget, ctx, path, sheet: str, *, on_send, on_added=None,
                        numbers: list[str] | None = None) -> QMessageBox | None:
    """A sheet to send to whose name (or the file's) reads like 退订 / 黑名单 (``usecases.results.
    looks_like_opt_out_sheet``): ask, without blocking, whether to add its numbers to the suppression list
    instead of sending to them (*numbers*: already read, else the file is read again). 加入屏蔽名单 adds them to
    the list on a worker and calls
    ``on_added(text)`` with what it did; 仍然作为发送名单 calls ``on_send()``. Returns the question, or None
    when the name does not read like an opt-out list (the caller simply goes on)."""
    from PySide6.QtCore import QCoreApplication

    from ..usecases.results import looks_like_opt_out_sheet

    if not (looks_like_opt_out_sheet(sheet) or (numbers is None and looks_like_opt_out_sheet(Path(path).stem))):
        return None

    def tr(text: str) -> str:
        return QCoreApplication.translate("SuppressionView", text)

    box = QMessageBox(QMessageBox.Icon.Question, tr("这像是一份退订名单"), tr(
        "工作表“{0}”的名字看起来是退订/屏蔽名单。\n\n要把其中的号码加入屏蔽名单（以后不再发送给它们），"
        "而不是发送给它们吗？").format(sheet or Path(path).name), parent=parent)
    box.setObjectName("optOutSheetQuestion")
    box.setWindowModality(Qt.WindowModality.WindowModal)
    add = box.addButton(tr("加入屏蔽名单"), QMessageBox.ButtonRole.AcceptRole)
    send = box.addButton(tr("仍然作为发送名单"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(add)
    from ..jobs.campaign import services_of

    services = services_of(ctx)

    def work(t):
        from ..usecases.results import suppress_numbers, suppress_sheet

        if numbers is not None:
            change = suppress_numbers(services, numbers, "导入：{0}（{1}）".format(path, sheet))
        else:
            change = suppress_sheet(services, path, sheet=sheet or None, cancel=t.cancel_event)
        return Outcome(change, Changes(suppression=bool(change.changed)))

    def added(change) -> None:
        text = tr("已从表格加入 {0} 个号码").format(change.changed)
        if change.unchanged:
            text += tr("，{0} 个原已在名单中").format(change.unchanged)
        if on_added is not None:
            on_added(text)

    def failed(error) -> None:
        if on_added is not None:
            on_added(wording.message(error))

    def clicked(button) -> None:
        if button is add:
            ctx.tasks.run("suppression:import", work, owner=parent, on_success=added, on_error=failed)
        elif button is send:
            on_send()

    box.buttonClicked.connect(clicked)
    box.finished.connect(box.deleteLater)
    box.open()
    return box
