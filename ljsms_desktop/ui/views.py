"""发送记录: a read-only table of what the store holds, refreshed after each poll and each send. Every query
runs in a background task with its own store connection. (状态报告 and 上行回复 are lazy, SQL-filtered
tables: ui/reports_view.py and ui/replies_view.py over ui/lazy_table.py.)"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, \
    QVBoxLayout, QWidget

from ..changes import Changes
from ..jobs import TaskError
from .context import AppContext
from .tables import Column, RowsModel
from . import wording

FIT_ROWS = 20
"""Rows Qt measures when fitting a column to its contents. Qt's default (1000) asks the Python
model for every row: 500 rows took 200-400 ms on the GUI thread; 20 rows take ~10-15 ms (15
columns), so a refresh refits only when the longest texts of those rows changed."""
MAX_FIT = 320
"""Widest a column is made by fitting (long campaign names are elided; the user can widen it)."""


def _pct(v) -> str:
    return f"{v * 100:.1f}%"


class _TableTab(QWidget):
    """A header line, a refresh button and one read-only table fed by ``fetch(store)``."""

    interest = Changes()   # which changes to the local record refresh this tab
    view_name = ""
    tab_name = ""
    stretch_column: int | None = None   # takes the width left over (None: blank space at the right)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(self.tab_name)
        self.model = RowsModel(self.make_columns(), self)
        self.view = QTableView(self)
        self.view.setObjectName(self.view_name)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(FIT_ROWS)
        if self.stretch_column is not None:
            header.setSectionResizeMode(self.stretch_column, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self)
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)
        self._dirty = False
        self.loaded = 0  # refreshes completed (tests wait on it)
        ctx.changes.connect(self._data_changed)
        # Columns fit their contents after every refresh until the user drags one; widths the user
        # set are remembered (QSettings) and then left alone.
        state = ctx.qsettings.value(f"views/{self.view_name}/header")
        self._user_sized = isinstance(state, QByteArray) and not state.isEmpty()
        if self._user_sized:
            header.restoreState(state)
        self._fitting = False
        self._fitted_for: tuple[int, ...] | None = None
        header.sectionResized.connect(self._section_resized)

    def save_state(self) -> None:
        key = f"views/{self.view_name}/header"
        if self._user_sized:
            self.ctx.qsettings.setValue(key, self.view.horizontalHeader().saveState())
        else:
            self.ctx.qsettings.remove(key)

    def _section_resized(self, index: int, _old: int, _new: int) -> None:
        if not self._fitting and index != self.stretch_column:
            self._user_sized = True

    def _fit_columns(self) -> None:
        self._fitting = True
        try:
            self.view.resizeColumnsToContents()
            for c in range(self.model.columnCount()):
                if c != self.stretch_column and self.view.columnWidth(c) > MAX_FIT:
                    self.view.setColumnWidth(c, MAX_FIT)
        finally:
            self._fitting = False

    def _data_changed(self, changes: Changes) -> None:
        if changes.touches(self.interest):
            self.refresh()

    def make_columns(self) -> list[Column]:
        raise NotImplementedError

    def fetch(self, store) -> list[tuple]:
        raise NotImplementedError

    def describe(self, rows: list[tuple]) -> str:
        return ""

    def refresh(self) -> None:
        name = f"view:{self.view_name}"
        if self.ctx.tasks.is_running(name):
            self._dirty = True
            return
        fetch: Callable = self.fetch
        db_path = self.ctx.db_path

        def work(task_ctx):
            from ..store import Store

            with Store(db_path) as store:
                return fetch(store)

        self.ctx.tasks.run(name, work, owner=self, on_success=self._loaded, on_error=self._failed)

    def _loaded(self, rows: list[tuple]) -> None:
        self.model.set_rows(rows)
        if rows and not self._user_sized:
            key = self.model.widths_key(rows, FIT_ROWS)
            if key != self._fitted_for:
                self._fitted_for = key
                self._fit_columns()
        self.summary.setText(self.describe(rows))
        self.summary.setStyleSheet("")
        self.loaded += 1
        if self._dirty:
            self._dirty = False
            self.refresh()

    def _failed(self, error: TaskError) -> None:
        self.summary.setText(self.tr("读取本地记录失败：{0}").format(wording.message(error)))
        self.summary.setStyleSheet("color: #c0392b;")


class CampaignsTab(_TableTab):
    interest = Changes(campaigns=True, reports=True, replies=True)
    view_name = "campaignsView"
    stretch_column = 1   # 名称

    tab_name = "campaignsTab"

    def make_columns(self) -> list[Column]:
        return [
            Column(self.tr("编号"), 0, align_right=True), Column(self.tr("名称"), 1), Column(self.tr("类型"), 2),
            Column(self.tr("状态"), 3), Column(self.tr("收件人"), 4, align_right=True),
            Column(self.tr("已接受"), 5, align_right=True), Column(self.tr("未知"), 6, align_right=True),
            Column(self.tr("被拒"), 7, align_right=True), Column(self.tr("已送达"), 8, align_right=True),
            Column(self.tr("失败"), 9, align_right=True), Column(self.tr("待报告"), 10, align_right=True),
            Column(self.tr("回复"), 11, align_right=True), Column(self.tr("退订"), 12, align_right=True),
            Column(self.tr("送达率"), 13, fmt=_pct, align_right=True), Column(self.tr("创建时间"), 14),
        ]

    def fetch(self, store) -> list[tuple]:
        # Runs in a worker: QCoreApplication.translate (thread-safe) rather than self.tr.
        kind_zh = {"plain": QCoreApplication.translate("CampaignsTab", "普通"),
                   "template": QCoreApplication.translate("CampaignsTab", "模板")}
        return [(s.campaign, s.name, kind_zh.get(s.kind, s.kind), wording.campaign_state(s.state), s.recipients,
                 s.accepted, s.unknown, s.rejected, s.delivered, s.failed, s.pending_report, s.replies,
                 s.opt_outs, s.delivery_rate, s.created_at) for s in reversed(store.all_stats())]

    def describe(self, rows):
        return self.tr("共 {0} 次发送").format(len(rows))
