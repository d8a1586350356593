"""发送记录: every campaign with its state (and why it stopped), cost, figures and delivery rate, test
sends marked (and hideable), and a daily summary beside it. Double-click or Enter opens the campaign's
detail (``ui/campaign_detail.py``).

The figures come from ``usecases.results.campaign_list`` (``store.views.campaigns``) in a task; the
table is refreshed when campaigns, reports or replies change.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QTableView,
    QVBoxLayout, QWidget,
)

from ..changes import Changes
from ..jobs import TaskError
from . import wording
from .context import AppContext
from .tables import Column, RowsModel

MAX_FIT = 320
NAME_FIT = 220   # a long name (the message's first words) is elided: the figures stay in view at 1100 px
GREY = "#868e96"


def rate_text(rate: float | None) -> str:
    """A delivery rate: "97.1%", or "—" while no report has arrived (never 0.0% for "not yet")."""
    return "—" if rate is None else f"{rate * 100:.1f}%"


def count_text(n) -> str:
    return "" if n is None else f"{int(n):,}"


def state_text(state: str, reason: str, notice: dict | None = None) -> str:
    """The state in words, with its reason when it has one (a refused or stopped campaign says why): the stored
    words, or in the English window the stored notice (*notice*, the reason as data) in English."""
    return wording.campaign_state_with_reason(state, reason, notice)


class _EnterOpens(QObject):
    """Enter / Return on the table opens the current row (double-click does too)."""

    def __init__(self, view: CampaignsView):
        super().__init__(view)
        self._view = view

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._view.open_current()
            return True
        return False


class CampaignsView(QWidget):
    """The 发送记录 tab (objectName ``campaignsTab``; its table ``campaignsView``)."""

    interest = Changes(campaigns=True, reports=True, replies=True)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("campaignsTab")
        self.summaries: list = []      # store.views.CampaignSummary, newest first (all, tests included)
        self.days: list = []
        self.loaded = 0                # refreshes completed (tests wait on it)
        self._dirty = False

        self.model = RowsModel(self._columns(), self)
        self.view = QTableView(self)
        self.view.setObjectName("campaignsView")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setToolTip(self.tr("双击或按回车查看活动详情"))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(20)
        header.setStretchLastSection(False)
        self.view.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.view.installEventFilter(_EnterOpens(self))

        self.day_model = RowsModel([
            Column(self.tr("日期"), 0), Column(self.tr("已发出"), 1, count_text, True),
            Column(self.tr("送达"), 2, count_text, True),
            Column(self.tr("失败"), 3, count_text, True, color=lambda v: "#c0392b" if v else None),
            Column(self.tr("计费条数"), 4, count_text, True),
        ], self)
        self.day_view = QTableView(self)
        self.day_view.setObjectName("dailySummaryView")
        self.day_view.setModel(self.day_model)
        self.day_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.day_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.day_view.verticalHeader().hide()
        self.day_view.setAlternatingRowColors(True)
        self.day_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        day_box = QGroupBox(self.tr("每日汇总（不含测试发送）"), self)
        day_layout = QVBoxLayout(day_box)
        day_layout.setContentsMargins(6, 6, 6, 6)
        day_layout.addWidget(self.day_view)

        self.summary = QLabel(self)
        self.summary.setObjectName("campaignsSummary")
        self.show_tests = QCheckBox(self.tr("显示测试发送"), self)
        self.show_tests.setObjectName("showTestSends")
        self.show_tests.setChecked(str(ctx.qsettings.value("views/campaignsView/showTests", "true")).lower() != "false")
        self.show_tests.toggled.connect(self._fill)
        self._mine: set[int] = set()   # ids of the campaigns this OS user created on this machine
        self.only_mine = QCheckBox(self.tr("只看我的"), self)
        self.only_mine.setObjectName("onlyMineCampaigns")
        self.only_mine.setToolTip(self.tr("只显示本机当前用户创建的发送（团队共用数据库时）"))
        self.only_mine.toggled.connect(self._fill)
        self.open_button = QPushButton(self.tr("查看详情"), self)
        self.open_button.setObjectName("openCampaignButton")
        self.open_button.clicked.connect(self.open_current)
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_tests)
        top.addWidget(self.only_mine)
        top.addWidget(self.open_button)
        top.addWidget(self.refresh_button)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(day_box)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self._selection_changed()

        state = ctx.qsettings.value("views/campaignsView/header")
        self._user_sized = isinstance(state, QByteArray) and not state.isEmpty()
        if self._user_sized:
            header.restoreState(state)
        split = ctx.qsettings.value("views/campaignsView/splitter")
        if isinstance(split, QByteArray) and not split.isEmpty():
            self.splitter.restoreState(split)
        else:
            self.splitter.setSizes([1000, 310])
        self._fitting = False
        header.sectionResized.connect(self._section_resized)
        ctx.changes.connect(self._data_changed)

    # -- columns -----------------------------------------------------------------------------------
    def _columns(self) -> list[Column]:
        def state_color(v):
            return {"stopped": "#c0392b", "cancelled": GREY, "paused": "#b7791f", "sending": "#1c7ed6"}.get(v[0])

        return [
            Column(self.tr("编号"), 0, align_right=True),
            Column(self.tr("名称"), 1),
            Column(self.tr("状态"), 2, fmt=lambda v: state_text(*v), color=state_color),
            Column(self.tr("收件人"), 3, count_text, True),
            Column(self.tr("已发出"), 4, count_text, True),
            Column(self.tr("计费条数"), 5, count_text, True),
            Column(self.tr("已送达"), 6, count_text, True),
            Column(self.tr("失败"), 7, count_text, True, color=lambda v: "#c0392b" if v else None),
            Column(self.tr("等待报告"), 8, count_text, True),
            Column(self.tr("未知"), 9, count_text, True, color=lambda v: "#b7791f" if v else None),
            Column(self.tr("被拒"), 10, count_text, True),
            Column(self.tr("回复"), 11, count_text, True),
            Column(self.tr("退订"), 12, count_text, True),
            Column(self.tr("送达率"), 13, rate_text, True),
            Column(self.tr("创建时间"), 14, fmt=lambda v: (v or "")[5:16]),   # MM-dd HH:mm
        ]

    def _row(self, s) -> tuple:
        name = s.name or "#{0}".format(s.id)
        if s.test:
            name = self.tr("［测试］{0}").format(name)
        return (s.id, name, (s.state, s.stop_reason, s.stop_notice), s.recipients, s.accepted, s.cost, s.delivered,
                s.failed, s.awaiting, s.unknown, s.rejected, s.replies, s.opt_outs, s.delivery_rate, s.created_at, s)

    # -- data --------------------------------------------------------------------------------------
    def _data_changed(self, changes: Changes) -> None:
        if changes.touches(self.interest):
            self.refresh()

    def refresh(self) -> None:
        if getattr(self.ctx, "store_exclusive", False):   # a restore has the file: its Changes reload us after
            return
        name = "view:campaignsView"
        if self.ctx.tasks.is_running(name):
            self._dirty = True
            return
        services = self._services()

        def work(_t):
            from ..usecases.results import campaign_list

            listing = campaign_list(services, include_tests=True)
            with services.store() as store:
                return listing, store.my_campaign_ids()

        self.ctx.tasks.run(name, work, key=name, owner=self, on_success=self._loaded_with_mine,
                           on_error=self._failed)

    def _loaded_with_mine(self, result) -> None:
        listing, self._mine = result
        self._loaded(listing)

    def _services(self):
        from ..jobs.campaign import services_of

        return services_of(self.ctx)

    def _loaded(self, result) -> None:
        self.summaries, self.days = list(result.campaigns), list(result.days)
        self._fill()
        self.day_model.set_rows([(d.day, d.sent, d.delivered, d.failed, d.cost) for d in self.days])
        self.loaded += 1
        if self._dirty:
            self._dirty = False
            self.refresh()

    def _fill(self) -> None:
        selected = self.current_id()
        shown = [s for s in self.summaries if (self.show_tests.isChecked() or not s.test)
                 and (not self.only_mine.isChecked() or s.id in self._mine)]
        rows = [self._row(s) for s in shown]
        self.model.set_rows(rows)
        if rows and not self._user_sized:
            self._fit()
        if selected is not None:
            for i, r in enumerate(rows):
                if r[0] == selected:
                    self.view.selectRow(i)
                    break
        tests = sum(1 for s in self.summaries if s.test)
        text = self.tr("共 {0} 次发送").format(len(self.summaries))
        if tests:
            text += self.tr("（其中测试发送 {0} 次{1}）").format(
                tests, "" if self.show_tests.isChecked() else self.tr("，已隐藏"))
        self.summary.setText(text)
        self.summary.setStyleSheet("")
        self._selection_changed()

    def _fit(self) -> None:
        self._fitting = True
        try:
            self.view.resizeColumnsToContents()
            for c in range(self.model.columnCount()):
                widest = NAME_FIT if c == 1 else MAX_FIT
                if self.view.columnWidth(c) > widest:
                    self.view.setColumnWidth(c, widest)
        finally:
            self._fitting = False

    def _section_resized(self, *_args) -> None:
        if not self._fitting:
            self._user_sized = True

    def _failed(self, error: TaskError) -> None:
        self.summary.setText(self.tr("读取本地记录失败：{0}").format(wording.message(error)))
        self.summary.setStyleSheet("color: #c0392b;")

    # -- selection and opening ---------------------------------------------------------------------
    def current_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        if not rows:
            return None
        return self.model.rows[rows[0].row()][0]

    def _selection_changed(self, *_args) -> None:
        has = self.current_id() is not None
        self.open_button.setEnabled(has)
        self.open_button.setToolTip("" if has else self.tr("先在列表中选择一次发送"))

    def open_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.open_row(index.row())

    def open_row(self, row: int):
        if 0 <= row < len(self.model.rows):
            return self.open_detail(self.model.rows[row][0])
        return None

    def open_detail(self, campaign_id: int):
        """Open (or raise) the detail of *campaign_id*; returns the dialog."""
        from .campaign_detail import CampaignDetail

        for dlg in self.findChildren(CampaignDetail):
            if dlg.campaign_id == campaign_id and dlg.isVisible():
                dlg.raise_()
                dlg.activateWindow()
                return dlg
        dlg = CampaignDetail(self.ctx, campaign_id, self)
        dlg.open_campaign.connect(self.open_detail)
        dlg.show()
        return dlg

    def save_state(self) -> None:
        q = self.ctx.qsettings
        if self._user_sized:
            q.setValue("views/campaignsView/header", self.view.horizontalHeader().saveState())
        else:
            q.remove("views/campaignsView/header")
        q.setValue("views/campaignsView/splitter", self.splitter.saveState())
        q.setValue("views/campaignsView/showTests", "true" if self.show_tests.isChecked() else "false")
