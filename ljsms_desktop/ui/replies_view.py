"""上行回复: every stored reply, filtered in SQL and fetched lazily (ui/lazy_table.py), like 状态报告.

Filters: campaign, 仅退订 (opt-outs only), 仅未读 (unread only), a time range and a search box (a number, its
last digits, or text in the reply). Unread replies are bold; 标为已读 marks the selection, 全部标为已读 every
reply the filter shows. For a reply to a template campaign the recipient's sheet values (e.g. the name) are
shown beside it. 回复 opens 发送短信 with that number. New replies raise ``replies_arrived`` (the window
shows a tray message) and the unread count goes on the tab (``unread_changed``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ..changes import Changes
from ..jobs import TaskError
from . import wording
from .context import AppContext
from .filter_tab import FilterTab, export_pages
from .lazy_table import LazyColumn, LazyTable, Request
from .reports_view import TimeRange


class RepliesTab(FilterTab):
    """The 上行回复 tab (objectName ``repliesTab``; its table ``repliesView``)."""

    interest = Changes(replies=True, campaigns=True)
    export_task = "export:replies"
    reply_requested = Signal(str)          # 回复: a number for 发送短信
    unread_changed = Signal(int)
    replies_arrived = Signal(int, str)     # how many new replies, a line about the newest

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        from ..store.views import NEWEST_FIRST

        self.ctx = ctx
        self.setObjectName("repliesTab")
        self.table = LazyTable(ctx, view_name="repliesView", group="replies", columns=self.make_columns(),
                               sort_default=NEWEST_FIRST, hint_text=lambda n: self.tr("{0} 条新回复 ↑").format(n),
                               time_key=lambda r: (r.time, r.id), parent=self)
        self.view = self.table.view
        self.model = self.table.model
        bold = QFont(self.view.font())
        bold.setBold(True)
        self.model.font_of = lambda row: None if row.read else bold

        self.campaign_filter = self.make_campaign_filter("repliesCampaignFilter", self.tr("全部发送记录"))
        self.opt_outs_only = QCheckBox(self.tr("仅退订"), self)
        self.opt_outs_only.setObjectName("repliesOptOutsOnly")
        self.unread_only = QCheckBox(self.tr("仅未读"), self)
        self.unread_only.setObjectName("repliesUnreadOnly")
        self.time_range = TimeRange(self)
        self.search = self.make_search("repliesSearch", self.tr("搜索号码、尾号或回复内容"))

        self.make_summary("repliesSummary", self.tr("{0} 条上行回复，正在读取…").format(0), "repliesNote")
        self.reply_button = QPushButton(self.tr("回复…"), self)
        self.reply_button.setObjectName("replyButton")
        self.reply_button.setToolTip(self.tr("在“发送短信”中给这个号码发短信"))
        self.reply_button.clicked.connect(self._reply)
        self.mark_read_button = QPushButton(self.tr("标为已读"), self)
        self.mark_read_button.setObjectName("markReadButton")
        self.mark_read_button.clicked.connect(lambda: self.mark_selection_read())
        self.mark_all_button = QPushButton(self.tr("全部标为已读"), self)
        self.mark_all_button.setObjectName("markAllReadButton")
        self.mark_all_button.setToolTip(self.tr("把当前筛选出的所有回复标为已读"))
        self.mark_all_button.clicked.connect(lambda: self.mark_all_read())
        self.export_button = QPushButton(self.tr("导出…"), self)
        self.export_button.setObjectName("repliesExportButton")
        self.export_button.clicked.connect(self._choose_export)
        self.make_export_progress(self.tr("取消导出"))
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.clicked.connect(self.refresh)

        filters = QHBoxLayout()
        for w in (self.campaign_filter, self.opt_outs_only, self.unread_only, self.time_range):
            filters.addWidget(w)
        filters.addStretch(1)
        filters.addWidget(self.search)
        top = QHBoxLayout()
        top.addWidget(self.summary)
        top.addWidget(self.note, 1)
        for w in (self.export_progress, self.export_cancel, self.reply_button, self.mark_read_button,
                  self.mark_all_button, self.export_button, self.refresh_button):
            top.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

        self.campaign_filter.currentIndexChanged.connect(self.apply_filter)
        self.opt_outs_only.toggled.connect(self.apply_filter)
        self.unread_only.toggled.connect(self.apply_filter)
        self.time_range.changed.connect(self.apply_filter)
        self.table.refreshed.connect(self._refreshed)
        self.view.doubleClicked.connect(lambda _i: self._reply())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.set_extra(self._extra)
        ctx.changes.connect(self._data_changed)
        self.unread = 0
        self._newest_key: tuple | None = None   # the newest reply seen so far (new ones raise a notice)
        self._first = True
        self.export_path: Path | None = None
        self.exported = 0
        self._update_buttons()

    def make_columns(self) -> list[LazyColumn]:
        return [
            LazyColumn("time", self.tr("时间"), lambda r: r.time, sort="time"),
            LazyColumn("mobile", self.tr("手机号"), lambda r: r.mobile, sample="13800138000", sort="mobile"),
            LazyColumn("content", self.tr("内容"), lambda r: r.content, tooltip=lambda r: r.content,
                       hideable=False, sample="好的，谢谢，周末我和家人一起过去看看"),
            LazyColumn("values", self.tr("表格内容"), lambda r: " · ".join(r.values) if r.values else "",
                       tooltip=lambda r: self.tr("收件人在发送表格中的内容") if r.values else None,
                       sample="张三 · 20240501001"),
            LazyColumn("opt_out", self.tr("退订"), lambda r: self.tr("是") if r.opt_out else "",
                       color=lambda r: "#c0392b" if r.opt_out else None, sample="退订"),
            LazyColumn("campaign", self.tr("发送记录"), lambda r: r.campaign_name or "", sample="会员日活动 第一批"),
            LazyColumn("expand", self.tr("扩展号"), lambda r: r.expand, hidden=True, sample="000000"),
            LazyColumn("msg_id", self.tr("msgId"), lambda r: r.msg_id, hidden=True, sample="0000000000000000"),
        ]

    # -- filter --------------------------------------------------------------------------------------
    def current_filter(self):
        from ..store.views import ReplyFilter

        since, until = self.time_range.bounds()
        return ReplyFilter(campaign_id=self.campaign_filter.currentData(), opt_outs_only=self.opt_outs_only.isChecked(),
                           unread_only=self.unread_only.isChecked(), since=since, until=until,
                           search=self.search.text().strip())

    def apply_filter(self) -> None:
        self._search_timer.stop()
        f = self.current_filter()
        if f == self.model.filter:
            return
        self._show_busy()
        self.table.set_query(f)

    def _extra(self):
        """On the worker with each open/refresh: the unread count, new replies since the newest seen."""
        from ..store.views import NEWEST_FIRST, ReplyFilter

        seen = self._newest_key

        def work(v):
            q = v.replies
            newest = q.page(ReplyFilter(), NEWEST_FIRST, after=None, limit=1)
            new = q.newer_than(seen, ReplyFilter())   # None: every reply (the first ones ever)
            latest = newest[0] if newest else None
            return q.unread(), (latest.key if latest else None), new, latest

        return work

    # -- loading -------------------------------------------------------------------------------------
    def _campaigns(self, items) -> None:
        self.fill_campaigns(items, self.tr("全部发送记录"), self.tr("发送记录 {0}"))

    def _show_busy(self) -> None:
        """While a filter is read: the rows shown so far (the label's first number stays a count)."""
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("{0} 条上行回复，正在筛选…").format(self.model.rowCount()))

    def _refreshed(self) -> None:
        if self.table.error is not None:
            self.summary.setText(self.tr("读取本地记录失败：{0}").format(wording.message(self.table.error)))
            self.summary.setStyleSheet("color: #c0392b;")
            return
        self.summary.setStyleSheet("")
        extra = self.table.extra
        if extra is not None:
            unread, newest_key, new, latest = extra
            if newest_key is not None and newest_key != self._newest_key:
                if not self._first and new > 0 and latest is not None:
                    self.replies_arrived.emit(new, f"{latest.mobile}：{latest.content}")
                self._newest_key = newest_key
            self._first = False
            if unread != self.unread:
                self.unread = unread
                self.unread_changed.emit(unread)
        n = self.model.rowCount()
        self.summary.setText(self.tr("{0} 条上行回复，{1} 条未读").format(n, self.unread))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.table.has_selection()
        self.reply_button.setEnabled(has)
        self.mark_read_button.setEnabled(has)

    # -- actions -------------------------------------------------------------------------------------
    def _reply(self) -> None:
        rows = self.table.selected_rows()
        if not rows:
            current = self.model.loaded_row(self.view.currentIndex().row()) if self.view.currentIndex().isValid() \
                else None
            rows = [current] if current is not None else []
        if rows:
            self.reply_requested.emit(rows[0].mobile)

    def mark_selection_read(self, read: bool = True) -> None:
        ids = [r.id for r in self.table.selected_rows()]
        if ids:
            self._mark(lambda v: v.replies.mark_read(ids, read))

    def mark_all_read(self) -> None:
        f = self.model.filter or self.current_filter()
        self._mark(lambda v: v.replies.mark_all_read(f))

    def _mark(self, fn) -> None:
        self.table.worker.submit(Request("call", 0, fn, on_done=self._marked, on_error=self._mark_failed, priority=0))

    def _marked(self, changed: int) -> None:
        if changed:
            self.table.refresh()

    def _mark_failed(self, error: TaskError) -> None:
        self._say(self.tr("标记失败：{0}").format(wording.message(error)), error=True)

    # -- export --------------------------------------------------------------------------------------
    def _choose_export(self) -> None:
        self.ask_export_path(self.tr("上行回复.xlsx"), self.tr("导出上行回复"),
                             self.tr("Excel 表格 (*.xlsx);;CSV 文件 (*.csv)"))

    def export_to(self, path: str | Path) -> None:
        """Write the replies of the current filter to *path* on a worker (text stays text: see sheets.writer)."""
        from ..store.views import NEWEST_FIRST

        f = self.model.filter or self.current_filter()
        sort = self.model.sort or NEWEST_FIRST
        total = self.model.rowCount()
        headers = [self.tr("时间"), self.tr("手机号"), self.tr("内容"), self.tr("表格内容"), self.tr("发送记录"),
                   self.tr("退订"), self.tr("扩展号"), self.tr("msgId")]
        yes = self.tr("是")
        db_path = self.ctx.db_path
        self.export_path = Path(path)

        def work(t):
            from ..sheets import export_rows
            from ..store import Store

            with Store(db_path) as store:
                q = store.views.replies

                def rows():
                    for r in export_pages(q, f, sort):
                        yield [r.time, r.mobile, r.content, " · ".join(r.values) if r.values else "",
                               r.campaign_name or "", yes if r.opt_out else "", r.expand, r.msg_id]

                return export_rows(path, headers, rows(), total=total, cancel=t.cancel_event,
                                   on_progress=lambda done, frac: t.progress(done=done, fraction=frac),
                                   sheet_name="上行回复")

        self.start_export(work)

    def _exported(self, n: int) -> None:
        self.export_finished(self.tr("已导出 {0} 条上行回复到 {1}").format(n, self.export_path))

    def _export_failed(self, error: TaskError) -> None:
        self.export_finished(self.tr("导出失败：{0}").format(wording.message(error)), error=True)

    def _export_cancelled(self) -> None:
        self._export_done()
        self._say(self.tr("已取消导出"))
