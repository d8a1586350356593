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

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox, QDateTimeEdit, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from ..changes import Changes
from ..engine import schedule as sched
from ..jobs.campaign import create_campaign, runner_for, services_of
from . import wording

log = logging.getLogger(__name__)

CHECK_MS = 15_000
ORIGIN_ZH = {"compose": QT_TRANSLATE_NOOP("SchedulePanel", "发送短信"),
             "template": QT_TRANSLATE_NOOP("SchedulePanel", "模板群发")}   # shown through self.tr()


SCHEDULE_ORIGIN = "schedule"
"""The runner origin of a scheduled send: no tab takes it for its own, so a schedule firing never
clears or overwrites what the user is typing; the window reports it (status bar, tray, the list)."""
RECENT_RESULTS = 3


class Scheduler(QObject):
    changed = Signal()
    schedule_failed = Signal(object)   # TaskError, when creating a scheduled campaign failed
    run_started = Signal(object)       # the Schedule that began sending
    run_ended = Signal(object, object)  # the Schedule, its result dict (accepted, rejected, unknown, cancelled, error)

    def __init__(self, ctx, parent: QObject | None = None):
        super().__init__(parent)
        self.setObjectName("scheduler")
        self.ctx = ctx
        self.book = sched.ScheduleBook(ctx.home)
        self.runner = runner_for(ctx)
        self._running: str | None = None   # schedule id being sent
        self._resumed: set[str] = set()
        self.results: dict[str, dict] = {}   # schedule id -> how its run ended (this session), newest last
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
    def add(self, plan, due: datetime, *, marketing: bool, origin: str, label: str, on_done=None, on_error=None,
            import_counts: tuple[int, int] = (0, 0)):
        """Create the campaign (in a Task), then record it as due at *due*. *import_counts*: (invalid,
        duplicates) rows the tab's imports left out, stored with the campaign."""
        name = f"定时 {due:%m-%d %H:%M} {label}"

        def ok(campaign_id: int) -> None:
            s = self.book.add(sched.Schedule(campaign_id=campaign_id, due=due.isoformat(timespec="seconds"),
                                             marketing=marketing, origin=origin, label=label,
                                             recipients=len(plan.recipients), cost=plan.cost))
            self.ctx.notify(Changes(campaigns=True))
            self.changed.emit()
            if on_done:
                on_done(s)

        def err(error) -> None:
            self.schedule_failed.emit(error)
            if on_error:
                on_error(error)

        invalid, duplicates = import_counts
        return self.ctx.tasks.run("schedule-create", lambda t: create_campaign(
            self.ctx, plan, name=name, import_invalid=invalid, import_duplicates=duplicates), on_success=ok, on_error=err)

    def cancel(self, schedule_id: str) -> None:
        """Call off a pending send; its campaign is marked cancelled in the store."""
        s = self.book.get(schedule_id)
        if s is None or s.state != sched.PENDING:
            return
        self.book.update(schedule_id, state=sched.CANCELLED, note="已取消")
        cid = s.campaign_id

        def work(t):
            from ..usecases import cancel_campaign   # as ljsms cancel does: the rest is never sent

            cancel_campaign(services_of(self.ctx), cid, "定时发送已取消")

        self.ctx.tasks.run("schedule-cancel", work, on_success=lambda _r: self.ctx.notify(Changes(campaigns=True)))
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
        started = self.runner.run_campaign(item.campaign_id, origin=SCHEDULE_ORIGIN, name=item.label,
                                           recipients=item.recipients)
        if not started:
            self._running = None
            return False
        self.changed.emit()
        self.run_started.emit(item)
        return True

    @property
    def running_id(self) -> str | None:
        """The schedule being sent now (None when none is)."""
        return self._running

    def stop_running(self) -> None:
        """Stop the scheduled send under way after the request in flight (the rest is not sent)."""
        if self._running is not None and self.runner.origin == SCHEDULE_ORIGIN:
            self.runner.cancel()

    def recent(self) -> list[sched.Schedule]:
        """Schedules that ran in this session, newest last (at most RECENT_RESULTS), for the list."""
        out = [self.book.get(sid) for sid in list(self.results)[-RECENT_RESULTS:]]
        return [s for s in out if s is not None]

    def _record(self, sid: str, result: dict) -> None:
        self.results.pop(sid, None)
        self.results[sid] = result
        s = self.book.get(sid)
        if s is not None:
            self.run_ended.emit(s, result)

    def _busy_changed(self, busy: bool) -> None:
        if not busy:
            QTimer.singleShot(0, self, self.check_now)  # another send may have been waiting

    def _run_finished(self, origin: str, summary: dict) -> None:
        if origin != SCHEDULE_ORIGIN:
            return
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
        self._record(sid, {key: int(summary.get(key) or 0) for key in ("accepted", "rejected", "unknown")}
                     | {"cancelled": bool(summary.get("cancelled"))})
        self.changed.emit()

    def _run_failed(self, origin: str, error) -> None:
        if origin != SCHEDULE_ORIGIN:
            return
        sid, self._running = self._running, None
        if sid is None:
            return
        self.book.update(sid, state=sched.FAILED, note=error.message_zh)
        self._record(sid, {"error": error})
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
        # As tall as its entries (wrapped), six lines at most: the tab must fit a 1366×768 screen.
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMinimumHeight(2 * self.list.fontMetrics().lineSpacing() + 12)
        self.list.installEventFilter(self)
        self.cancel_button = QPushButton(self.tr("取消定时"))
        self.cancel_button.setObjectName("cancelScheduleButton")
        self.cancel_button.clicked.connect(self._cancel_selected)
        self.list.currentItemChanged.connect(lambda *_: self._update_cancel())
        self.list_label = QLabel(self.tr("定时任务："))

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.when_edit)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(row)
        lrow = QHBoxLayout()   # label, list and button side by side: one list's height, not three rows
        lrow.setContentsMargins(0, 0, 0, 0)
        lrow.addWidget(self.list_label, 0, Qt.AlignmentFlag.AlignTop)
        lrow.addWidget(self.list, 1)
        lrow.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(lrow)
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
        recent = [r for r in self.scheduler.recent() if r.state not in (sched.PENDING, sched.STARTED)]
        for s in items + recent:
            text = self.item_text(s)
            item = QListWidgetItem(text)
            item.setToolTip(text)
            item.setData(256, s.id)
            self.list.addItem(item)
        shown = bool(items or recent)
        self._fit_list()
        self.list.setVisible(shown)
        self.list_label.setVisible(shown)
        self.cancel_button.setVisible(shown)
        self._update_cancel()

    def _fit_list(self) -> None:
        fm = self.list.fontMetrics()
        lines = fm.lineSpacing()
        width = max(50, self.list.viewport().width() - 8)
        rows = sum(fm.boundingRect(QRect(0, 0, width, 100 * lines), Qt.TextFlag.TextWordWrap,
                                   self.list.item(i).text()).height() + 2 for i in range(self.list.count()))
        frame = 2 * self.list.frameWidth() + 4
        height = max(2 * lines, min(6 * lines, rows)) + frame
        if self.list.maximumHeight() != height:
            self.list.setMaximumHeight(height)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt name
        if watched is self.list and event.type() == QEvent.Type.Resize:
            self._fit_list()   # narrower: entries wrap onto more lines
        return False

    def item_text(self, s: sched.Schedule) -> str:
        """One line of the list: when it actually goes out (after the quiet hours for marketing),
        what, and its state or how its run ended."""
        st = self.ctx.settings
        runnable = s.runnable_at(st.quiet_start, st.quiet_end)
        when = runnable.strftime("%Y-%m-%d %H:%M")
        if runnable != s.due_at and s.state == sched.PENDING:
            when += self.tr("（原定 {0}，免打扰时段后发送）").format(s.due_at.strftime("%m-%d %H:%M"))
        text = self.tr("{0}  {1}（{2} 个号码，{3}）").format(when, s.label, f"{s.recipients:,}",
                                                         wording.schedule_state(s.state))
        if s.origin != self.origin:
            text += self.tr(" —「{0}」").format(self.tr(ORIGIN_ZH.get(s.origin, s.origin)))
        result = self.scheduler.results.get(s.id)
        if result is not None:
            text += " · " + self.result_text(result)
        return text

    def result_text(self, result: dict) -> str:
        """How a scheduled run ended, in words (the list, the status bar, the tray)."""
        if "error" in result:
            return self.tr("发送失败：{0}").format(wording.message(result["error"]))
        sent = result.get("accepted", 0) + result.get("unknown", 0)
        if result.get("cancelled"):
            return self.tr("已停止：已发出 {0} 个号码，其余可在“发送记录”中继续发送").format(f"{sent:,}")
        text = self.tr("网关接收 {0} 个号码").format(f"{result.get('accepted', 0):,}")
        if result.get("rejected"):
            text += self.tr("，拒收 {0} 个").format(f"{result['rejected']:,}")
        if result.get("unknown"):
            text += self.tr("，状态未知 {0} 个").format(f"{result['unknown']:,}")
        return text

    def _selected(self) -> sched.Schedule | None:
        item = self.list.currentItem()
        return self.scheduler.book.get(item.data(256)) if item is not None else None

    def _update_cancel(self) -> None:
        s = self._selected()
        running = s is not None and s.id == self.scheduler.running_id
        ok = s is not None and (s.state == sched.PENDING or running)
        self.cancel_button.setEnabled(ok)
        self.cancel_button.setText(self.tr("停止发送") if running else self.tr("取消定时"))
        if s is None:
            self.cancel_button.setToolTip(self.tr("先在列表中选择一个定时任务"))
        elif running:
            self.cancel_button.setToolTip(self.tr("停止发送：已发出的短信无法撤回，其余号码不再发送"))
        elif s.state == sched.STARTED:
            self.cancel_button.setToolTip(self.tr("这个任务发送到一半时程序关闭了，稍后会自动继续发送"))
        elif not ok:
            self.cancel_button.setToolTip(self.tr("这个任务已经结束"))
        else:
            self.cancel_button.setToolTip("")

    def _cancel_selected(self) -> None:
        s = self._selected()
        if s is None:
            return
        if s.id == self.scheduler.running_id:
            self.cancel_button.setEnabled(False)
            self.scheduler.stop_running()
        else:
            self.scheduler.cancel(s.id)
