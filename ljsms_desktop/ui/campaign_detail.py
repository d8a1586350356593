"""A campaign's detail (objectName ``campaignDetail``): how it went and what can still be done.

Shown: the outcome as a donut (``outcomeChart``: delivered / failed by bucket / awaiting / unknown /
rejected), delivery over time, failure codes with their explanations and counts, carriers with their
rates (by number prefix: the original carrier only, 携号转网), send-to-report time (median, p90), its
batches and their states, the replies and opt-outs it drew.

Actions, each disabled with its reason when it does not apply: 继续发送 (``resumeButton``: only batches
that never went out), 取消, 重发失败号码 (``resendFailedButton``: the buckets chosen in a dialog, a new
campaign linked to this one), 重发未确认号码 (only for unknown batches with no report for the set time,
confirmed with the risk of a double send), 导出结果 (``exportResultsButton``).

All figures come from ``usecases.results.campaign_detail`` on a worker; sends go through the window's
one ``CampaignRunner`` (the same road as the tabs).
"""

from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QFileDialog, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QMessageBox, QProgressBar, QPushButton, QScrollArea, QTableView, QVBoxLayout, QWidget,
)

from ..changes import Changes
from ..core import delivery_codes
from ..jobs import TaskError
from . import wording
from .campaigns_view import count_text, rate_text, state_text
from .charts import (
    AWAITING, REJECTED, UNCONFIRMED, BarChart, DonutChart, Segment, Series, TimelineChart, carrier_bars,
    failure_code_bars, outcome_segments,
)
from .tables import Column, RowsModel

RESUMABLE = ("ready", "sending", "paused", "stopped")
ORIGIN = "detail"
RED, AMBER = "#c0392b", "#b7791f"


def _seconds(value: float | None) -> str:
    if value is None:
        return "—"
    if value < 90:
        return "{0:.0f} s".format(value)
    if value < 5400:
        return "{0:.1f} min".format(value / 60)
    return "{0:.1f} h".format(value / 3600)


def outcome_counts(detail) -> dict[str, int]:
    """The donut's counts from a ``CampaignDetail``: delivered, each failure bucket, awaiting a report,
    unconfirmed (unknown batches), rejected."""
    o = detail.outcome
    counts = {delivery_codes.DELIVERED: int(o.get("delivered", 0)), AWAITING: int(o.get("awaiting", 0)),
              UNCONFIRMED: int(o.get("unknown", 0)), REJECTED: int(o.get("rejected", 0))}
    for bucket, n in detail.failed_by_bucket.items():
        counts[bucket] = counts.get(bucket, 0) + int(n)
    return counts


class CampaignDetail(QDialog):
    """The detail of one campaign; non-modal, deleted on close. ``loaded`` counts loads (tests wait on
    it); ``load_ms`` is the last open/refresh until its figures were shown."""

    open_campaign = Signal(int)      # "重发自 #N" / the new resend campaign

    def __init__(self, ctx, campaign_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.campaign_id = int(campaign_id)
        self.setObjectName("campaignDetail")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("活动详情 #{0}").format(self.campaign_id))
        self.data = None
        self.loaded = 0
        self.load_ms: float | None = None
        self.glanced = False         # the list figures were shown before the full ones
        self._asked_at = 0.0
        self._dirty = False
        self._busy_text = ""
        self.export_task = None
        self.last_export: tuple | None = None   # (path, rows) of the last finished export
        self.resend_dialog = None
        self.confirm_dialog = None
        self._started_run = False    # this dialog started the runner's current send (resume or resend)
        self._resending = False
        self._new_id: int | None = None

        # -- header ------------------------------------------------------------------------------
        self.title = QLabel(self.tr("正在读取…"), self)
        self.title.setObjectName("detailTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("detailState")
        self.state_label.setWordWrap(True)
        self.figures = QLabel(self)
        self.figures.setObjectName("detailFigures")
        self.figures.setWordWrap(True)
        self.figures.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.link_label = QLabel(self)
        self.link_label.setObjectName("resendOfLabel")
        self.link_label.linkActivated.connect(lambda href: self.open_campaign.emit(int(href)))
        self.link_label.hide()
        self.stale_label = QLabel(self)
        self.stale_label.setObjectName("staleUnknownLabel")
        self.stale_label.setWordWrap(True)
        self.stale_label.setStyleSheet(f"color: {AMBER};")
        self.stale_label.hide()
        self.action_label = QLabel(self)
        self.action_label.setObjectName("detailActionLabel")
        self.action_label.setWordWrap(True)
        self.action_label.hide()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("detailProgress")
        self.progress.hide()
        self.export_cancel = QPushButton(self.tr("停止导出"), self)
        self.export_cancel.setObjectName("exportCancelButton")
        self.export_cancel.clicked.connect(self.cancel_export)
        self.export_cancel.hide()

        # -- actions -----------------------------------------------------------------------------
        self.resume_button = self._button("resumeButton", self.tr("继续发送"), self.resume)
        self.cancel_button = self._button("cancelCampaignButton", self.tr("取消发送"), self.cancel_campaign)
        self.resend_button = self._button("resendFailedButton", self.tr("重发失败号码…"), self.resend_failed)
        self.unconfirmed_button = self._button("resendUnconfirmedButton", self.tr("重发未确认号码…"),
                                               self.resend_unconfirmed)
        self.export_button = self._button("exportResultsButton", self.tr("导出结果…"), self.export_results)
        self.refresh_button = self._button("detailRefreshButton", self.tr("刷新"), self.refresh)
        actions = QHBoxLayout()
        for b in (self.resume_button, self.cancel_button, self.resend_button, self.unconfirmed_button,
                  self.export_button):
            actions.addWidget(b)
            b.setEnabled(False)
        actions.addStretch(1)
        actions.addWidget(self.refresh_button)

        # -- charts ------------------------------------------------------------------------------
        self.outcome_chart = DonutChart(self)
        self.outcome_chart.setObjectName("outcomeChart")
        self.timeline_chart = TimelineChart(self)
        self.timeline_chart.setObjectName("deliveryTimeline")
        self.codes_chart = BarChart(self)
        self.codes_chart.setObjectName("failureCodesChart")
        self.carrier_chart = BarChart(self)
        self.carrier_chart.setObjectName("carrierChart")
        self.carrier_note = QLabel(wording.carrier_note(), self)
        self.carrier_note.setWordWrap(True)
        self.carrier_note.setStyleSheet("color: #868e96;")
        self.latency_label = QLabel(self)
        self.latency_label.setObjectName("latencyLabel")
        self.latency_label.setWordWrap(True)
        self.replies_label = QLabel(self)
        self.replies_label.setObjectName("detailRepliesLabel")
        self.replies_label.setWordWrap(True)

        self.batch_model = RowsModel([
            Column(self.tr("批次"), 0, align_right=True), Column(self.tr("状态"), 1),
            Column(self.tr("号码"), 2, count_text, True), Column(self.tr("计费条数"), 3, count_text, True),
            Column(self.tr("报告"), 4, count_text, True), Column(self.tr("提交时间"), 5), Column(self.tr("msgId"), 6),
            Column(self.tr("说明"), 7, color=lambda v: RED if v else None),
        ], self)
        self.batch_view = QTableView(self)
        self.batch_view.setObjectName("batchesView")
        self.batch_view.setModel(self.batch_model)
        self.batch_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.batch_view.verticalHeader().hide()
        self.batch_view.setAlternatingRowColors(True)
        # Fitted once per load from the first rows (ResizeToContents measured all 1,000 batches of a
        # million-number campaign on every layout: ~700 ms).
        header = self.batch_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(20)
        header.setStretchLastSection(True)
        self.batch_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.batch_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.batch_view.setMinimumHeight(120)

        body = QWidget(self)
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self._box(self.tr("结果"), self.outcome_chart), 0, 0)
        grid.addWidget(self._box(self.tr("送达随时间"), self.timeline_chart, self.latency_label), 0, 1)
        grid.addWidget(self._box(self.tr("失败原因（状态代码）"), self.codes_chart), 1, 0)
        grid.addWidget(self._box(self.tr("运营商"), self.carrier_chart, self.carrier_note), 1, 1)
        grid.addWidget(self._box(self.tr("批次"), self.batch_view), 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.state_label)
        layout.addWidget(self.figures)
        layout.addWidget(self.replies_label)
        layout.addWidget(self.link_label)
        layout.addWidget(self.stale_label)
        layout.addLayout(actions)
        layout.addWidget(self.action_label)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.export_cancel)
        layout.addLayout(progress_row)
        layout.addWidget(scroll, 1)
        self._fit_screen()

        from ..jobs.campaign import runner_for

        self.runner = runner_for(ctx)
        self.runner.busy_changed.connect(self._update_actions)
        self.runner.progressed.connect(self._run_progress)
        self.runner.finished.connect(self._run_ended)
        self.runner.failed.connect(self._run_failed)
        self.runner.created.connect(self._run_created)
        ctx.changes.connect(self._changed)
        self._glance()
        self.refresh()

    def _button(self, name: str, text: str, slot) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.clicked.connect(slot)
        return b

    def _box(self, title: str, *widgets: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(6, 6, 6, 6)
        for w in widgets:
            lay.addWidget(w, 1 if not isinstance(w, QLabel) else 0)
        return box

    def _fit_screen(self) -> None:
        width, height = 1040, 700
        screen = self.screen()
        if screen is not None:
            free = screen.availableGeometry()
            width, height = min(width, free.width() - 40), min(height, free.height() - 60)
        self.resize(width, height)

    @property
    def services(self):
        from ..jobs.campaign import services_of

        return services_of(self.ctx)

    # -- loading -----------------------------------------------------------------------------------
    def _changed(self, changes: Changes) -> None:
        if changes.touches(Changes(campaigns=True, reports=True, replies=True)):
            self.refresh()

    def refresh(self) -> None:
        if getattr(self.ctx, "store_exclusive", False):   # a restore has the file: its Changes reload us after
            return
        key = f"detail:{self.campaign_id}:{id(self)}"
        if self.ctx.tasks.is_running(key):
            self._dirty = True
            return
        services, cid = self.services, self.campaign_id
        hours = getattr(self.ctx.settings, "unconfirmed_after_hours", None)
        hours = 72.0 if hours is None else float(hours)
        self._asked_at = time.perf_counter()

        def work(_t):
            from ..usecases.results import campaign_detail

            return campaign_detail(services, cid, stale_after_hours=hours)

        self.ctx.tasks.run(key, work, key=key, owner=self, on_success=self._loaded, on_error=self._failed)

    def _glance(self) -> None:
        """First the campaign's list figures (a few indexed reads): its header and the donut with failures in
        one slice, shown while the full figures are read (at a million reports that read takes ~0.4 s)."""
        services, cid = self.services, self.campaign_id

        def work(_t):
            from ..usecases.results import campaign_glance

            return campaign_glance(services, cid)

        self.ctx.tasks.run(f"glance:{cid}:{id(self)}", work, owner=self, on_success=self._glanced)

    def _glanced(self, s) -> None:
        if self.data is not None:   # the full figures came first
            return
        self._header(s)
        counts = {delivery_codes.DELIVERED: s.delivered, AWAITING: s.awaiting, UNCONFIRMED: s.unknown,
                  REJECTED: s.rejected}
        segments = outcome_segments(counts)
        if s.failed:
            segments.insert(1, Segment(self.tr("失败（正在读取原因）"), s.failed, delivery_codes.NUMBER))
        self.outcome_chart.set_data(segments, caption=self.tr("个号码"))
        self.glanced = True

    def _header(self, s) -> None:
        self.title.setText(s.name or "#{0}".format(s.id))
        kind = self.tr("模板群发") if s.kind == "template" else self.tr("普通群发")
        when = s.started_at or s.created_at
        self.state_label.setText(self.tr("{0} · {1} · {2}{3}").format(
            state_text(s.state, s.stop_reason, s.stop_notice), kind, when,
            self.tr(" · 测试发送") if s.test else ""))
        self.state_label.setStyleSheet(f"color: {RED};" if s.state == "stopped" else "")
        self.figures.setText(self.tr(
            "收件人 {0} · 已发出 {1} · 计费 {2} 条 · 已送达 {3} · 失败 {4} · 等待报告 {5} · 未知 {6} · 被拒 {7} · "
            "送达率 {8}").format(count_text(s.recipients), count_text(s.accepted), count_text(s.cost),
                              count_text(s.delivered), count_text(s.failed), count_text(s.awaiting),
                              count_text(s.unknown), count_text(s.rejected), rate_text(s.delivery_rate)))

    def _failed(self, error: TaskError) -> None:
        self.title.setText(self.tr("无法读取活动 #{0}").format(self.campaign_id))
        self.state_label.setText(wording.message(error))
        self.state_label.setStyleSheet(f"color: {RED};")

    def _loaded(self, data) -> None:
        self.data = data
        d = data.detail
        self._header(d.summary)
        if data.resend_of is not None:
            self.link_label.setText(self.tr("重发自活动 <a href=\"{0}\">#{0}</a>").format(data.resend_of))
            self.link_label.show()
        else:
            self.link_label.hide()
        if d.stale_unknown_numbers:
            self.stale_label.setText(self.tr(
                "有 {0} 个号码所在的批次提交时未收到网关答复（结果未知），超过 {1} 小时仍没有任何状态报告，"
                "很可能没有发出。可以用“重发未确认号码”再发一次，但其中一部分号码可能已经收到，会收到两次。").format(
                count_text(d.stale_unknown_numbers), f"{data.stale_after_hours:g}"))
            self.stale_label.show()
        else:
            self.stale_label.hide()

        self.outcome_chart.set_data(outcome_segments(outcome_counts(d)), caption=self.tr("个号码"))
        self._timeline(data.timeline)
        failed_total = sum(n for _c, _b, n in d.failure_codes)
        self.codes_chart.set_data(failure_code_bars([(c, n) for c, _b, n in d.failure_codes], failed_total or None))
        self.carrier_chart.set_data(carrier_bars([(c.carrier, c.reports, c.delivered) for c in d.carriers]))
        if d.latency_median is None:
            self.latency_label.setText(self.tr("发送到状态报告的时间：还没有报告"))
        else:
            self.latency_label.setText(self.tr("发送到状态报告的时间：中位数 {0}，90% 在 {1} 以内").format(
                _seconds(d.latency_median), _seconds(d.latency_p90)))
        opt = d.opt_outs + d.report_opt_outs
        if not opt:
            self.replies_label.setText(self.tr("收到回复 {0} 条；没有退订").format(count_text(d.replies)))
        else:
            self.replies_label.setText(self.tr("收到回复 {0} 条；退订 {1} 个（回复退订 {2}，状态报告退订码 {3}），已加入屏蔽名单").format(
                count_text(d.replies), count_text(opt), count_text(d.opt_outs), count_text(d.report_opt_outs)))
        first = not self.batch_model.rows
        self.batch_model.set_rows([self._batch_row(b) for b in d.batches])
        if first and self.batch_model.rows:
            self.batch_view.resizeColumnsToContents()
        self._update_actions()
        self.loaded += 1
        self.load_ms = (time.perf_counter() - self._asked_at) * 1000
        if self._dirty:
            self._dirty = False
            self.refresh()

    def _batch_row(self, b) -> tuple:
        note = ""
        if b.state == "unknown":
            note = self.tr("结果未知：{0} 小时没有状态报告").format(f"{b.age_hours:.0f}") if b.stale else \
                self.tr("结果未知：等待状态报告确认，请勿重复发送")
        elif b.state == "rejected":
            note = b.error or ""
        return (b.seq, self._batch_state(b.state), b.size, b.parts, b.reports, b.sent_at or "", b.msg_id or "", note)

    def _batch_state(self, state: str) -> str:
        return {"planned": self.tr("未发送"), "accepted": self.tr("已提交"), "rejected": self.tr("被拒绝"),
                "unknown": self.tr("未知"), "sending": self.tr("发送中"), "unsent": self.tr("未发送")}.get(state, state)

    def _timeline(self, bins: list) -> None:
        if not bins:
            self.timeline_chart.set_data([])
            return
        try:
            start = datetime.strptime(bins[0].start, "%Y-%m-%d %H:%M")
        except ValueError:
            start = None
        step = 60
        if len(bins) > 1:
            try:
                step = max(60, int((datetime.strptime(bins[1].start, "%Y-%m-%d %H:%M") - start).total_seconds()))
            except (TypeError, ValueError):
                step = 60
        self.timeline_chart.set_data([
            Series(self.tr("已送达"), [b.delivered for b in bins], delivery_codes.DELIVERED),
            Series(self.tr("失败"), [b.failed for b in bins], delivery_codes.NUMBER),
        ], step_seconds=step, start=start)

    # -- actions: what applies ---------------------------------------------------------------------
    def _resendable(self) -> int:
        from ..usecases.results import resendable_buckets

        d = self.data.detail
        allowed = set(resendable_buckets())
        return sum(n for b, n in d.failed_by_bucket.items() if b in allowed) + int(d.outcome.get("rejected", 0)) \
            + (int(d.outcome.get("planned", 0)) if d.summary.state in ("cancelled", "stopped") else 0)

    def _update_actions(self, *_args) -> None:
        if self.data is None:
            return
        s = self.data.detail.summary
        mine = self.runner.busy and self.runner.campaign_id == self.campaign_id
        other = self.runner.busy and not mine
        can_resume = s.state in RESUMABLE
        left = int(self.data.detail.outcome.get("planned", 0))

        def set_(button: QPushButton, ok: bool, why: str, tip: str = "") -> None:
            button.setEnabled(ok)
            button.setToolTip(tip if ok else why)

        busy_why = self.tr("另一次发送正在进行，请等它结束")
        if mine:
            set_(self.resume_button, False, self.tr("正在发送这次活动"))
        elif not can_resume:
            set_(self.resume_button, False, self.tr("活动{0}，没有可继续发送的批次").format(wording.campaign_state(s.state)))
        elif other:
            set_(self.resume_button, False, busy_why)
        else:
            set_(self.resume_button, True, "", self.tr("只发送从未发出的 {0} 个号码；结果未知的批次不会重发").format(
                count_text(left)))
        if mine:
            set_(self.cancel_button, True, "", self.tr("在当前请求完成后停止，剩余批次不再发送"))
        else:
            set_(self.cancel_button, can_resume, self.tr("活动{0}，无需取消").format(wording.campaign_state(s.state)),
                 self.tr("剩余批次不再发送；已发出的不受影响"))
        n = self._resendable()
        if self.runner.busy:
            set_(self.resend_button, False, busy_why)
        else:
            set_(self.resend_button, n > 0, self.tr("没有可重发的失败号码（结果未知和等待报告的号码不会重发）"),
                 self.tr("新建一次活动，发送给失败或未发出的号码"))
        stale = self.data.detail.stale_unknown_numbers
        if self.runner.busy:
            set_(self.unconfirmed_button, False, busy_why)
        else:
            set_(self.unconfirmed_button, stale > 0, self.tr(
                "只有“结果未知”且超过 {0} 小时仍无状态报告的批次才能重发").format(f"{self.data.stale_after_hours:g}"),
                self.tr("有重复发送的风险：会先请您确认"))
        exporting = self.export_task is not None
        set_(self.export_button, not exporting and s.recipients > 0,
             self.tr("正在导出") if exporting else self.tr("这次活动没有号码"), self.tr("每个号码一行：状态、原因、报告时间、回复"))

    # -- resume / cancel -----------------------------------------------------------------------------
    def resume(self) -> bool:
        """继续发送: only batches that never went out (``usecases.send_campaign``)."""
        if self.data is None or not self.resume_button.isEnabled():
            return False
        s = self.data.detail.summary
        started = self.runner.run_campaign(self.campaign_id, origin=ORIGIN, name=s.name, recipients=s.recipients)
        if started:
            self._started_run = True
            self._say(self.tr("正在继续发送…"))
            self.progress.setRange(0, 0)
            self.progress.show()
        self._update_actions()
        return started

    def cancel_campaign(self) -> None:
        if self.runner.busy and self.runner.campaign_id == self.campaign_id:
            self.runner.cancel()
            self._say(self.tr("正在取消：当前请求完成后停止"))
            return
        answer = QMessageBox.question(
            self, self.tr("取消发送"), self.tr("取消后，这次活动剩余的批次不会再发送（已发出的不受影响），且无法继续发送。确定取消吗？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.do_cancel()

    def do_cancel(self) -> None:
        services, cid = self.services, self.campaign_id

        def work(_t):
            from ..changes import Outcome
            from ..usecases import cancel_campaign

            return Outcome(cancel_campaign(services, cid), Changes(campaigns=True))

        self.ctx.tasks.run(f"cancel:{cid}", work, owner=self, on_success=lambda _s: self._say(self.tr("已取消")),
                           on_error=lambda e: self._say(wording.message(e), error=True))

    def _say(self, text: str, *, error: bool = False) -> None:
        self.action_label.setText(text)
        self.action_label.setStyleSheet(f"color: {RED};" if error else "")
        self.action_label.setVisible(bool(text))

    def _run_progress(self, origin: str, d: dict) -> None:
        if not self._started_run:
            return
        total = int(d.get("numbers_total", 0))
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(int(d.get("numbers_done", 0)))
        self.progress.setFormat(self.tr("已发出 %v / %m 个号码"))
        self.progress.show()

    def _run_created(self, origin: str, new_id: int) -> None:
        if origin == "resend" and self._resending:
            self._resending = False
            self._new_id = new_id
            services, orig = self.services, self.campaign_id

            def work(_t):
                from ..usecases.results import link_resend

                link_resend(services, new_id, orig)

            self.ctx.tasks.run(f"link:{new_id}", work, owner=self)

    def _run_ended(self, origin: str, summary: dict) -> None:
        if origin not in (ORIGIN, "resend") or not self._started_run:
            return
        self._started_run = False
        self.progress.hide()
        cid = summary.get("campaign_id")
        if origin == "resend" and cid:
            self._say(self.tr("已新建活动 #{0} 并发送：已提交 {1} 个号码").format(cid, count_text(summary.get("accepted", 0))))
        elif summary.get("cancelled"):
            self._say(self.tr("发送已停止"))
        else:
            self._say(self.tr("发送完成：已提交 {0} 个号码").format(count_text(summary.get("accepted", 0))))
        self.refresh()

    def _run_failed(self, origin: str, error) -> None:
        if origin not in (ORIGIN, "resend") or not self._started_run:
            return
        self._started_run = False
        self.progress.hide()
        self._say(wording.message(error), error=True)
        self.refresh()

    # -- resend ------------------------------------------------------------------------------------
    def resend_failed(self):
        """重发失败号码: choose the buckets (``ResendDialog``), then confirm and send a new campaign."""
        if self.data is None or not self.resend_button.isEnabled():
            return None
        from .resend_dialog import ResendDialog

        dlg = ResendDialog(self.data.detail, self)
        dlg.accepted.connect(lambda: self.build_resend(dlg.buckets(), dlg.include_unsent()))
        self.resend_dialog = dlg
        dlg.open()
        return dlg

    def build_resend(self, buckets, include_unsent: bool = True) -> None:
        services, cid = self.services, self.campaign_id
        buckets = tuple(buckets)

        def work(_t):
            from ..usecases.results import resend_draft

            return resend_draft(services, cid, buckets, include_unsent=include_unsent)

        self._say(self.tr("正在整理要重发的号码…"))
        self.ctx.tasks.run(f"resend:{cid}", work, key=f"resend:{cid}", owner=self,
                           on_success=lambda draft: self._confirm(draft, unconfirmed=False),
                           on_error=lambda e: self._say(wording.message(e), error=True))

    def resend_unconfirmed(self) -> None:
        if self.data is None or not self.unconfirmed_button.isEnabled():
            return
        n = self.data.detail.stale_unknown_numbers
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("重发未确认号码"), self.tr(
            "这 {0} 个号码所在的批次提交时没有收到网关答复，{1} 小时内也没有任何状态报告。\n\n"
            "风险：网关可能已经收下并发出了其中一部分，重发后这些号码会收到两次，并再次计费。\n\n"
            "确定要把它们作为一次新活动重发吗？").format(count_text(n), f"{self.data.stale_after_hours:g}"), parent=self)
        box.setObjectName("resendUnconfirmedConfirm")
        yes = box.addButton(self.tr("我了解风险，重发"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda b: self.build_unconfirmed() if b is yes else None)
        self.confirm_dialog = box
        box.open()

    def build_unconfirmed(self) -> None:
        services, cid = self.services, self.campaign_id
        hours = self.data.stale_after_hours if self.data is not None else 72

        def work(_t):
            from ..usecases.results import unconfirmed_draft

            return unconfirmed_draft(services, cid, older_than_hours=hours)

        self.ctx.tasks.run(f"resend:{cid}", work, key=f"resend:{cid}", owner=self,
                           on_success=lambda draft: self._confirm(draft, unconfirmed=True),
                           on_error=lambda e: self._say(wording.message(e), error=True))

    def _confirm(self, draft, *, unconfirmed: bool) -> None:
        from ..core.optout import has_opt_out_line
        from .confirm_dialog import ConfirmSendDialog

        plan = draft.plan
        if not plan.ok:
            self._say("；".join(wording.reason(p) for p in plan.problems), error=True)
            return
        self._say("")
        text = plan.template or plan.content
        heading = (self.tr("重发未确认号码（可能重复发送）") if unconfirmed else self.tr("重发失败号码")) + \
            self.tr("：新建活动，原活动 #{0}").format(self.campaign_id)
        extra = []
        if plan.suppressed:
            extra.append(self.tr("{0} 个号码在屏蔽名单中，不会发送").format(count_text(len(plan.suppressed))))
        dlg = ConfirmSendDialog(self.ctx, plan, marketing=has_opt_out_line(text), heading=heading, extra_lines=extra,
                                parent=self)
        dlg.accepted.connect(lambda: self._send(draft))
        self.confirm_dialog = dlg
        dlg.open()

    def _send(self, draft) -> bool:
        self._resending = True
        started = self.runner.send_draft(draft, origin="resend")
        if not started:
            self._resending = False
            self._say(self.tr("另一次发送正在进行，请等它结束"), error=True)
        else:
            self._started_run = True
            self._say(self.tr("正在发送重发活动…"))
            self.progress.setRange(0, 0)
            self.progress.show()
        return started

    # -- export ------------------------------------------------------------------------------------
    def export_results(self) -> None:
        if self.data is None or not self.export_button.isEnabled():
            return
        s = self.data.detail.summary
        folder = self.ctx.qsettings.value("folders/export", "") or ""
        suggested = "{0}-{1}-结果.xlsx".format(s.id, (s.name or "活动").replace("/", "_")[:40])
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出结果"), str(folder) + ("/" if folder else "") + suggested,
                                              self.tr("Excel 表格 (*.xlsx);;CSV 文件 (*.csv)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        from pathlib import Path

        self.ctx.qsettings.setValue("folders/export", str(Path(path).parent))
        services, cid = self.services, self.campaign_id

        def work(t):
            from ..usecases.results import export_results

            return export_results(services, cid, path, cancel=t.cancel_event,
                                  on_progress=lambda done, frac: t.progress(done=done, fraction=frac))

        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("正在导出 %p%"))
        self.progress.show()
        self._say(self.tr("正在导出结果…"))
        self.export_task = self.ctx.tasks.run(f"export:{cid}", work, owner=self, on_success=self._exported,
                                              on_error=self._export_failed, on_progress=self._export_progress,
                                              on_cancel=lambda: self._export_failed(None))
        self.export_cancel.show()
        self._update_actions()

    def _export_progress(self, d: dict) -> None:
        self.progress.setValue(int(100 * float(d.get("fraction", 0) or 0)))

    def cancel_export(self) -> None:
        """停止导出: the export stops at its next 2,048 rows and leaves no file behind."""
        if self.export_task is not None:
            self.export_task.cancel()

    def _exported(self, result) -> None:
        path, n = result
        self.export_task = None
        self.last_export = (str(path), n)
        self.progress.hide()
        self.export_cancel.hide()
        self._say(self.tr("已导出 {0} 个号码到 {1}").format(count_text(n), str(path)))
        self._update_actions()

    def _export_failed(self, error) -> None:
        self.export_task = None
        self.progress.hide()
        self.export_cancel.hide()
        self._say(self.tr("导出已取消") if error is None else wording.message(error), error=error is not None)
        self._update_actions()
