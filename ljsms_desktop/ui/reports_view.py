"""状态报告: every stored delivery report, filtered and sorted in SQL, fetched lazily (ui/lazy_table.py).

Filters: campaign (by name), status group (全部 / 已送达 / 失败 / 等待报告), failure bucket, carrier, a time
range and a search box (an 11-digit number, its last digits, or a msgId; applied on Enter or 300 ms after
typing). Columns: time, number, status in words (coloured by bucket) with the raw code beside it, carrier,
campaign name; msgId and batch hidden by default (the header's context menu chooses columns). A status's
tooltip explains the code and whether a retry can help. Rows stored by the poller, or by ``ljsms`` in another
process, appear by themselves (the store's change stamp is read every second). 导出 writes the current filter
to .xlsx/.csv on a worker, with progress and cancel.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ..changes import Changes
from ..core import carriers, delivery_codes
from ..jobs import TaskError
from . import wording
from .charts import COLORS
from .context import AppContext
from .filter_tab import FilterTab, export_pages
from .lazy_table import PAGE, LazyColumn, LazyTable

TIME_FORMAT = "yyyy-MM-dd HH:mm:ss"


def _since(days: int | None) -> str | None:
    if days is None:
        return None
    start = datetime.now().replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(days=days)
    return start.strftime("%Y-%m-%d %H:%M:%S")


class TimeRange(QWidget):
    """全部时间 / 今天 / 最近 7 天 / 最近 30 天 / 自定义 (two date-time edits)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName("timeRange")
        for text, days in ((self.tr("全部时间"), None), (self.tr("今天"), 0), (self.tr("最近 7 天"), 6),
                           (self.tr("最近 30 天"), 29), (self.tr("自定义…"), "custom")):
            self.combo.addItem(text, days)
        now = QDateTime.currentDateTime()
        self.start = QDateTimeEdit(now.addDays(-7), self)
        self.end = QDateTimeEdit(now.addDays(1), self)
        for e in (self.start, self.end):
            e.setDisplayFormat("yyyy-MM-dd HH:mm")
            e.setCalendarPopup(True)
            e.hide()
            e.editingFinished.connect(self.changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo)
        row.addWidget(self.start)
        row.addWidget(self.end)
        self.combo.currentIndexChanged.connect(self._picked)

    def _picked(self) -> None:
        custom = self.combo.currentData() == "custom"
        self.start.setVisible(custom)
        self.end.setVisible(custom)
        self.changed.emit()

    def bounds(self) -> tuple[str | None, str | None]:
        data = self.combo.currentData()
        if data == "custom":
            return self.start.dateTime().toString(TIME_FORMAT), self.end.dateTime().toString(TIME_FORMAT)
        return _since(data), None


def _status_text(row) -> str:
    return wording.bucket_name(row.bucket)


def _status_color(row) -> str | None:
    if not row.bucket:
        return "#7f8c8d"
    return "#1e8449" if row.bucket == delivery_codes.DELIVERED else COLORS.get(row.bucket, "#c0392b")


def _status_tip(row) -> str | None:
    if not row.code:
        return wording.bucket_name("")
    explanation, advice = wording.code_explanation(row.code)
    lines = [f"{row.code}：{explanation}" if not wording.english() else f"{row.code}: {explanation}"]
    if row.bucket and row.bucket != delivery_codes.DELIVERED:
        lines.append(wording.bucket_name(row.bucket))
    if advice:
        lines.append(advice)
    return "\n".join(lines)


class ReportsTab(FilterTab):
    """The 状态报告 tab (objectName ``reportsTab``; its table ``reportsView``)."""

    interest = Changes(reports=True, campaigns=True)
    export_task = "export:reports"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        from ..store.views import NEWEST_FIRST

        self.ctx = ctx
        self.setObjectName("reportsTab")
        self.table = LazyTable(ctx, view_name="reportsView", group="reports", columns=self.make_columns(),
                               sort_default=NEWEST_FIRST, hint_text=lambda n: self.tr("{0} 条新报告 ↑").format(n),
                               time_key=lambda r: (r.time, r.msg_id, r.mobile), parent=self)
        self.view = self.table.view
        self.model = self.table.model

        self.campaign_filter = self.make_campaign_filter("reportsCampaignFilter", self.tr("全部发送记录"))
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("reportsStatusFilter")
        for g in delivery_codes.STATUS_GROUPS:
            self.status_filter.addItem(wording.status_group_name(g.code), g.code)
        self.bucket_filter = QComboBox(self)
        self.bucket_filter.setObjectName("reportsBucketFilter")
        self.bucket_filter.addItem(self.tr("全部原因"), None)
        for b in delivery_codes.FAILURE_BUCKETS:
            self.bucket_filter.addItem(wording.bucket_name(b), b)
        self.carrier_filter = QComboBox(self)
        self.carrier_filter.setObjectName("reportsCarrierFilter")
        self.carrier_filter.addItem(self.tr("全部运营商"), None)
        for code in (carriers.CMCC, carriers.UNICOM, carriers.TELECOM, carriers.BROADNET, carriers.OTHER,
                     carriers.UNKNOWN):
            self.carrier_filter.addItem(wording.carrier_name(code), code)
        self.carrier_filter.setToolTip(wording.carrier_note())
        self.time_range = TimeRange(self)
        self.search = self.make_search("reportsSearch", self.tr("搜索号码、尾号或 msgId"))

        self.make_summary("reportsSummary", self.tr("{0} 条状态报告，正在读取…").format(0), "reportsNote")
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("导出…"), self)
        self.export_button.setObjectName("reportsExportButton")
        self.export_button.setToolTip(self.tr("把当前筛选出的状态报告导出为 .xlsx 或 .csv"))
        self.export_button.clicked.connect(self._choose_export)
        self.make_export_progress(self.tr("取消导出"))
        self.export_progress.setObjectName("reportsExportProgress")

        filters = QHBoxLayout()
        for w in (self.campaign_filter, self.status_filter, self.bucket_filter, self.carrier_filter, self.time_range):
            filters.addWidget(w)
        filters.addStretch(1)
        filters.addWidget(self.search)
        top = QHBoxLayout()
        top.addWidget(self.summary)
        top.addWidget(self.note, 1)
        top.addWidget(self.export_progress)
        top.addWidget(self.export_cancel)
        top.addWidget(self.export_button)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

        for combo in (self.campaign_filter, self.status_filter, self.bucket_filter, self.carrier_filter):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.status_filter.currentIndexChanged.connect(self._group_changed)
        self.time_range.changed.connect(self.apply_filter)
        self.table.refreshed.connect(self._show_summary)
        self.view.horizontalHeader().sectionClicked.connect(self._sort_clicked)
        ctx.changes.connect(self._data_changed)
        self._sort = NEWEST_FIRST
        self.export_path: Path | None = None
        self.exported = 0                      # exports finished (tests wait on it)
        self._campaigns_loaded = False

    # -- columns -------------------------------------------------------------------------------------
    def make_columns(self) -> list[LazyColumn]:
        return [
            LazyColumn("time", self.tr("时间"), lambda r: r.time or "", sort="time"),
            LazyColumn("mobile", self.tr("手机号"), lambda r: r.mobile, sample="13800138000", sort="mobile"),
            LazyColumn("status", self.tr("状态"), _status_text, color=_status_color, tooltip=_status_tip,
                       hideable=False, sample=max(map(wording.bucket_name, delivery_codes.BUCKETS), key=len),
                       sort="status"),
            LazyColumn("code", self.tr("代码"), lambda r: r.code, color=_status_color, tooltip=_status_tip,
                       hideable=False, sample="UNDELIV"),
            LazyColumn("carrier", self.tr("号段归属"), lambda r: wording.carrier_name(r.carrier) if r.carrier else "",
                       tooltip=lambda r: wording.carrier_note(), sample=wording.carrier_name(carriers.TELECOM)),
            LazyColumn("campaign", self.tr("发送记录"), lambda r: r.campaign_name or "", sample="会员日活动 第一批"),
            LazyColumn("msg_id", self.tr("msgId"), lambda r: r.msg_id, hidden=True, sample="0000000000000000"),
            LazyColumn("batch", self.tr("批次"), lambda r: "" if r.batch_seq is None else str(r.batch_seq),
                       hidden=True, align_right=True, sample="0000"),
        ]

    # -- filter --------------------------------------------------------------------------------------
    def current_filter(self):
        from ..store.views import ReportFilter

        since, until = self.time_range.bounds()
        bucket = self.bucket_filter.currentData()
        carrier = self.carrier_filter.currentData()
        return ReportFilter(campaign_id=self.campaign_filter.currentData(), group=self.status_filter.currentData(),
                            buckets=(bucket,) if bucket else (), carriers=(carrier,) if carrier else (),
                            since=since, until=until, search=self.search.text().strip())

    def _group_changed(self) -> None:
        # A failure bucket only makes sense with 全部 or 失败
        ok = self.status_filter.currentData() in (delivery_codes.ALL, delivery_codes.GROUP_FAILED)
        self.bucket_filter.setEnabled(ok)
        if not ok and self.bucket_filter.currentIndex() != 0:
            self.bucket_filter.setCurrentIndex(0)

    def apply_filter(self) -> None:
        self._search_timer.stop()
        f = self.current_filter()
        if f == self.model.filter and self._sort == self.model.sort:
            return
        self._show_busy()
        self.table.set_query(f, self._sort)

    def _sort_clicked(self, section: int) -> None:
        from ..store.views import Sort

        col = self.model.columns[section]
        if col.sort is None:
            return
        if self._sort.column == col.sort:
            self._sort = Sort(col.sort, not self._sort.descending)
        else:
            self._sort = Sort(col.sort, col.sort == "time")
        header = self.view.horizontalHeader()
        header.setSortIndicatorShown(True)
        from PySide6.QtCore import Qt
        header.setSortIndicator(section, Qt.SortOrder.DescendingOrder if self._sort.descending
                                else Qt.SortOrder.AscendingOrder)
        self.apply_filter()

    # -- loading -------------------------------------------------------------------------------------
    def _campaigns(self, items: list[tuple[int, str]]) -> None:
        self.fill_campaigns(items, self.tr("全部发送记录"), self.tr("发送记录 {0}"))

    def _show_busy(self) -> None:
        """While a filter is read: the rows shown so far (the label's first number stays a count)."""
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("{0} 条状态报告，正在筛选…").format(self.model.rowCount()))

    def _show_summary(self) -> None:
        if self.table.error is not None:
            self.summary.setText(self.tr("读取本地记录失败：{0}").format(wording.message(self.table.error)))
            self.summary.setStyleSheet("color: #c0392b;")
            return
        self.summary.setStyleSheet("")
        n = self.model.rowCount()
        f = self.model.filter
        filtered = f is not None and (f.campaign_id is not None or f.group != delivery_codes.ALL or f.buckets
                                      or f.carriers or f.since or f.until or f.search)
        if filtered:
            self.summary.setText(self.tr("{0} 条状态报告符合筛选条件").format(n))
        else:
            self.summary.setText(self.tr("{0} 条状态报告").format(n))

    # -- export --------------------------------------------------------------------------------------
    def _choose_export(self) -> None:
        self.ask_export_path(self.tr("状态报告.xlsx"), self.tr("导出状态报告"),
                             self.tr("Excel 表格 (*.xlsx);;CSV 文件 (*.csv)"))

    def export_headers(self) -> list[str]:
        return [self.tr("时间"), self.tr("手机号"), self.tr("状态"), self.tr("代码"), self.tr("说明"),
                self.tr("号段归属"), self.tr("发送记录"), self.tr("msgId"), self.tr("批次")]

    def export_to(self, path: str | Path) -> None:
        """Write the rows of the current filter to *path* (.xlsx/.csv) on a worker."""
        from ..store.views import NEWEST_FIRST

        f = self.model.filter or self.current_filter()
        sort = self.model.sort or NEWEST_FIRST
        total = self.model.rowCount()
        headers = self.export_headers()
        db_path = self.ctx.db_path
        self.export_path = Path(path)

        def work(t):
            from ..sheets import export_rows
            from ..store import Store

            with Store(db_path) as store:
                q = store.views.reports

                def rows():
                    for r in export_pages(q, f, sort):
                        explanation, _advice = wording.code_explanation(r.code) if r.code else ("", "")
                        yield [r.time, r.mobile, wording.bucket_name(r.bucket), r.code, explanation,
                               wording.carrier_name(r.carrier) if r.carrier else "", r.campaign_name or "",
                               r.msg_id, "" if r.batch_seq is None else r.batch_seq]

                return export_rows(path, headers, rows(), total=total, cancel=t.cancel_event,
                                   on_progress=lambda done, frac: t.progress(done=done, fraction=frac),
                                   sheet_name="状态报告")

        self.start_export(work)

    def _export_progress(self, d: dict) -> None:
        super()._export_progress(d)
        self.export_progress.setFormat(self.tr("已导出 {0} 行").format(d.get("done", 0)))

    def _exported(self, n: int) -> None:
        self.export_finished(self.tr("已导出 {0} 条状态报告到 {1}").format(n, self.export_path))

    def _export_failed(self, error: TaskError) -> None:
        self.export_finished(self.tr("导出失败：{0}").format(wording.message(error)), error=True)

    def _export_cancelled(self) -> None:
        self._export_done()
        self._say(self.tr("已取消导出"))


__all__ = ["ReportsTab", "TimeRange", "PAGE"]
