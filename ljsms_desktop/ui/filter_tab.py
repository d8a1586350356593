"""What 状态报告 (reports_view.py) and 上行回复 (replies_view.py) share: a LazyTable filtered by a campaign
combo and a search box, a summary and a note line, and an export to .xlsx/.csv on a worker with progress and
cancel.

No text is translated here: every ``tr`` stays in the tab that shows it (its lupdate context), and reaches
this base as an argument.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QLineEdit, QProgressBar, QPushButton, QSizePolicy, \
    QWidget

from ..changes import Changes
from .lazy_table import Request

SEARCH_DELAY_MS = 300
EXPORT_PAGE = 2000


def export_pages(q, f, sort):
    """On the export's worker: every row of *f* in *sort* order, read EXPORT_PAGE rows at a time."""
    after = None
    while True:
        page = q.page(f, sort, after=after, limit=EXPORT_PAGE)
        yield from page
        if len(page) < EXPORT_PAGE:
            return
        after = page[-1].key


class FilterTab(QWidget):
    """A base for a tab with ``self.table`` (a LazyTable), ``self.model``, ``apply_filter()`` and ``interest``."""

    interest = Changes()
    export_task = ""            # the task key of an export ("export:reports")

    # -- widgets -------------------------------------------------------------------------------------
    def make_campaign_filter(self, name: str, all_text: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(all_text, None)
        combo.setMinimumContentsLength(12)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def make_search(self, name: str, placeholder: str) -> QLineEdit:
        """The search box, applied on Enter or SEARCH_DELAY_MS after typing (``self._search_timer``)."""
        search = QLineEdit(self)
        search.setObjectName(name)
        search.setPlaceholderText(placeholder)
        search.setClearButtonEnabled(True)
        search.setMinimumWidth(200)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        search.textChanged.connect(lambda _t: self._search_timer.start())
        search.returnPressed.connect(self.apply_filter)
        return search

    def make_summary(self, name: str, text: str, note_name: str) -> None:
        """``self.summary`` (the count) and ``self.note`` (what an export or a mark did)."""
        self.summary = QLabel(self)
        self.summary.setObjectName(name)
        self.summary.setText(text)
        self.note = QLabel(self)   # what an export or a mark did (the summary keeps the count)
        self.note.setObjectName(note_name)
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)   # a long path never widens the window

    def make_export_progress(self, cancel_text: str) -> None:
        """``self.export_progress`` and ``self.export_cancel``, hidden until an export runs."""
        self.export_progress = QProgressBar(self)
        self.export_progress.setMaximumWidth(160)
        self.export_progress.hide()
        self.export_cancel = QPushButton(cancel_text, self)
        self.export_cancel.hide()
        self.export_cancel.clicked.connect(self.cancel_export)

    # -- loading -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Open the view (first time) or re-read it keeping what is on screen; the campaign list too."""
        self._load_campaigns()
        if self.model.filter is None:
            self.apply_filter()
        else:
            self.table.refresh()
        if not self.table.stamp_timer.isActive():
            self.table.stamp_timer.start()

    def _data_changed(self, changes: Changes) -> None:
        if changes.touches(self.interest) and self.model.filter is not None:
            self.table.refresh()
        if changes.campaigns:
            self._load_campaigns()

    def _load_campaigns(self) -> None:
        def work(v):
            return [(s.id, s.name) for s in v.campaigns.summaries(include_tests=True)]

        self.table.worker.submit(Request("call", 0, work, on_done=self._campaigns, priority=2))

    def fill_campaigns(self, items: list[tuple[int, str]], all_text: str, unnamed: str) -> None:
        """The campaign combo anew, keeping its choice (*unnamed* formats the id of a campaign without a name)."""
        combo = self.campaign_filter
        current = combo.currentData()
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItem(all_text, None)
            for cid, name in items:
                combo.addItem(name or unnamed.format(cid), cid)
            i = combo.findData(current)
            combo.setCurrentIndex(i if i >= 0 else 0)
        finally:
            combo.blockSignals(False)
        self._campaigns_loaded = True
        if combo.currentData() != current:
            self.apply_filter()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.note.setText(text)
        self.note.setToolTip(text)
        self.note.setStyleSheet("color: #c0392b;" if error else "")

    def save_state(self) -> None:
        self.table.save_state()

    # -- export --------------------------------------------------------------------------------------
    def ask_export_path(self, file_name: str, title: str, file_filter: str) -> None:
        start = self.ctx.qsettings.value("folders/export", str(Path.home()))
        name = str(Path(str(start)) / file_name)
        path, _ = QFileDialog.getSaveFileName(self, title, name, file_filter)
        if path:
            self.ctx.qsettings.setValue("folders/export", str(Path(path).parent))
            self.export_to(path)

    def start_export(self, work) -> None:
        self._say("")
        self.export_button.setEnabled(False)
        self.export_progress.setRange(0, 100)
        self.export_progress.setValue(0)
        self.export_progress.show()
        self.export_cancel.show()
        self.ctx.tasks.run(self.export_task, work, key=self.export_task, owner=self, on_success=self._exported,
                           on_error=self._export_failed, on_progress=self._export_progress,
                           on_cancel=self._export_cancelled)

    def cancel_export(self) -> None:
        self.ctx.tasks.cancel(self.export_task)

    def _export_progress(self, d: dict) -> None:
        self.export_progress.setValue(int(100 * float(d.get("fraction", 0.0))))

    def _export_done(self) -> None:
        self.export_button.setEnabled(True)
        self.export_progress.hide()
        self.export_cancel.hide()

    def export_finished(self, text: str, *, error: bool = False) -> None:
        self._export_done()
        self.exported += 1
        self._say(text, error=error)
