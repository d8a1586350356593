"""Scheduled sends in the window: the 定时发送 controls of a tab and the timer that runs due sends.

``Scheduler`` (one per window, ``scheduler_for(ctx)``) keeps ``engine.schedule.ScheduleBook``
(``schedules.json`` in the data folder), checks it every ``CHECK_MS`` on the GUI thread with a
QTimer, and hands a due send to the ``CampaignRunner``. A scheduled send is created as a campaign
in the store when the user confirms it (in a Task), so its numbers survive a restart; at its time
the runner sends that campaign. A marketing send due in the quiet hours waits until they end. A
send interrupted by closing the program (state "started") is resumed at the next start — the
engine never resends a batch that may have gone out.

``SchedulePanel`` is the widget a tab shows: a 定时发送 checkbox, the date and time, and the list of
pending sends with 取消定时.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox, QDateTimeEdit, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from ..engine import schedule as sched
from ..jobs.campaign import create_campaign, runner_for
from . import wording

log = logging.getLogger(__name__)

CHECK_MS = 15_000
ORIGIN_ZH = {"compose": QT_TRANSLATE_NOOP("SchedulePanel", "发送短信"),
             "template": QT_TRANSLATE_NOOP("SchedulePanel", "模板群发")}   # shown through self.tr()


class Scheduler(QObject):
    changed = Signal()
    schedule_failed = Signal(object)   # TaskError, when creating a scheduled campaign failed

    def __init__(self, ctx, parent: QObject | None = None):
        super().__init__(parent)
        self.setObjectName("scheduler")
        self.ctx = ctx
        self.book = sched.ScheduleBook(ctx.home)
        self.runner = runner_for(ctx)
        self._running: str | None = None   # schedule id being sent
        self._resumed: set[str] = set()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check_now)
        self.timer.start()
        QTimer.singleShot(3000, self, self.check_now)  # sends that fell due while the program was closed
        self.runner.finished.connect(self._run_finished)
        self.runner.failed.connect(self._run_failed)
        self.runner.busy_changed.connect(self._busy_changed)

    # -- queries -------------------------------------------------------------------------------------
    def has_pending(self) -> bool:
        return bool(self.book.pending())

    def pending(self) -> list[sched.Schedule]:
        return self.book.pending()

    # -- changes -------------------------------------------------------------------------------------
    def add(self, plan, due: datetime, *, marketing: bool, origin: str, label: str, on_done=None, on_error=None):
        """Create the campaign (in a Task), then record it as due at *due*."""
        name = f"定时 {due:%m-%d %H:%M} {label}"

        def ok(campaign_id: int) -> None:
            s = self.book.add(sched.Schedule(campaign_id=campaign_id, due=due.isoformat(timespec="seconds"),
                                             marketing=marketing, origin=origin, label=label,
                                             recipients=len(plan.recipients), cost=plan.cost))
            self.ctx.data_changed.emit("campaigns")
            self.changed.emit()
            if on_done:
                on_done(s)

        def err(error) -> None:
            self.schedule_failed.emit(error)
            if on_error:
                on_error(error)

        return self.ctx.tasks.run("schedule-create", lambda t: create_campaign(self.ctx, plan, name=name),
                                  on_success=ok, on_error=err)

    def cancel(self, schedule_id: str) -> None:
        """Call off a pending send; its campaign is marked cancelled in the store."""
        s = self.book.get(schedule_id)
        if s is None or s.state != sched.PENDING:
            return
        self.book.update(schedule_id, state=sched.CANCELLED, note="已取消")
        cid = s.campaign_id

        def work(t):
            store = self.ctx.open_store()
            try:
                store.set_campaign_state(cid, "cancelled", "定时发送已取消")
            finally:
                store.close()

        self.ctx.tasks.run("schedule-cancel", work, on_success=lambda _r: self.ctx.data_changed.emit("campaigns"))
        self.changed.emit()

    # -- running ---------------------------------------------------------------------------------------
    def check_now(self, now: datetime | None = None) -> bool:
        """Start the first due send, if any and nothing else is sending. True when one started."""
        if self.runner.busy:
            return False
        now = now or datetime.now()
        s = self.ctx.settings
        todo = [x for x in self.book.pending() if x.state == sched.STARTED and x.id not in self._resumed
                and not (x.marketing and sched.in_quiet_hours(now, s.quiet_start, s.quiet_end))]
        todo += self.book.due(now, s.quiet_start, s.quiet_end)
        if not todo:
            return False
        item = todo[0]
        self._resumed.add(item.id)
        self.book.update(item.id, state=sched.STARTED, note="")
        self._running = item.id
        started = self.runner.run_campaign(item.campaign_id, origin=item.origin, name=item.label,
                                           recipients=item.recipients)
        if not started:
            self._running = None
            return False
        self.changed.emit()
        return True

    def _busy_changed(self, busy: bool) -> None:
        if not busy:
            QTimer.singleShot(0, self, self.check_now)  # another send may have been waiting

    def _run_finished(self, origin: str, summary: dict) -> None:
        sid, self._running = self._running, None
        if sid is None:
            return
        if summary.get("cancelled"):
            # Stopped with 取消 by the user: not resumed automatically (the rest can be sent from
            # 发送记录). Closing the program instead leaves it "started" (this slot never runs
            # then), so the next start resumes it.
            self.book.update(sid, state=sched.CANCELLED, note="已停止，可在“发送记录”中继续发送")
        else:
            self.book.update(sid, state=sched.DONE, note="")
        self.book.prune()
        self.changed.emit()

    def _run_failed(self, origin: str, error) -> None:
        sid, self._running = self._running, None
        if sid is None:
            return
        self.book.update(sid, state=sched.FAILED, note=error.message_zh)
        self.changed.emit()


def scheduler_for(ctx) -> Scheduler:
    """The window's one Scheduler (a child of the AppContext, made on first use)."""
    s = ctx.findChild(Scheduler, "scheduler")
    if s is None:
        s = Scheduler(ctx, ctx)
    return s


class SchedulePanel(QWidget):
    """定时发送 controls: when checked, the tab's send becomes a scheduled send at ``when()``."""

    toggled = Signal(bool)

    def __init__(self, ctx, origin: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.origin = origin
        self.scheduler = scheduler_for(ctx)
        self.check = QCheckBox(self.tr("定时发送"))
        self.check.setObjectName("scheduleCheck")
        self.check.setToolTip(self.tr("在指定时间自动发送。程序需保持运行（关闭窗口后在系统托盘继续运行）"))
        self.when_edit = QDateTimeEdit()
        self.when_edit.setObjectName("scheduleEdit")
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when_edit.setEnabled(False)
        self.when_edit.setToolTip(self.tr("先勾选“定时发送”"))
        self.reset_time()
        self.check.toggled.connect(self._toggled)

        self.list = QListWidget()
        self.list.setObjectName("schedulesList")
        self.list.setMaximumHeight(80)
        self.cancel_button = QPushButton(self.tr("取消定时"))
        self.cancel_button.setObjectName("cancelScheduleButton")
        self.cancel_button.clicked.connect(self._cancel_selected)
        self.list.currentItemChanged.connect(lambda *_: self._update_cancel())
        self.list_label = QLabel(self.tr("待发送的定时任务："))

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.when_edit)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(row)
        lay.addWidget(self.list_label)
        lay.addWidget(self.list)
        lay.addWidget(self.cancel_button)
        self.scheduler.changed.connect(self.refresh)
        self.refresh()

    def reset_time(self) -> None:
        nxt = (datetime.now() + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
        self.when_edit.setMinimumDateTime(QDateTime.currentDateTime())
        self.when_edit.setDateTime(QDateTime(nxt))

    def _toggled(self, on: bool) -> None:
        self.when_edit.setEnabled(on)
        self.when_edit.setToolTip("" if on else self.tr("先勾选“定时发送”"))
        if on:
            self.when_edit.setMinimumDateTime(QDateTime.currentDateTime())
        self.toggled.emit(on)

    def scheduled(self) -> bool:
        return self.check.isChecked()

    def when(self) -> datetime:
        return self.when_edit.dateTime().toPython().replace(second=0, microsecond=0)

    def set_when(self, when: datetime) -> None:
        self.when_edit.setDateTime(QDateTime(when))

    def refresh(self) -> None:
        self.list.clear()
        items = self.scheduler.pending()
        for s in items:
            text = self.tr("{0}  {1}（{2} 个号码，{3}）").format(
                s.due_at.strftime("%Y-%m-%d %H:%M"), s.label, s.recipients, wording.schedule_state(s.state))
            if s.origin != self.origin:
                text += self.tr(" —「{0}」").format(self.tr(ORIGIN_ZH.get(s.origin, s.origin)))
            if s.note:
                text += " · " + s.note
            item = QListWidgetItem(text)
            item.setData(256, s.id)
            self.list.addItem(item)
        self.list.setVisible(bool(items))
        self.list_label.setVisible(bool(items))
        self.cancel_button.setVisible(bool(items))
        self._update_cancel()

    def _selected(self) -> sched.Schedule | None:
        item = self.list.currentItem()
        return self.scheduler.book.get(item.data(256)) if item is not None else None

    def _update_cancel(self) -> None:
        s = self._selected()
        ok = s is not None and s.state == sched.PENDING
        self.cancel_button.setEnabled(ok)
        if s is None:
            self.cancel_button.setToolTip(self.tr("先在列表中选择一个定时任务"))
        elif not ok:
            self.cancel_button.setToolTip(self.tr("这个任务已开始发送，请在发送进度中取消"))
        else:
            self.cancel_button.setToolTip("")

    def _cancel_selected(self) -> None:
        s = self._selected()
        if s is not None:
            self.scheduler.cancel(s.id)
