"""What 发送短信 (ComposeTab) and 模板群发 (TemplateTab) share: the send half of a sending tab.

``SendTab`` owns the runner / scheduler wiring, the widgets under 发送 (schedule panel, plan status,
send button, progress, notice, unknown-batches notice, result), the confirm → send-or-schedule flow,
cancel, the run-signal handlers, the suppression list and the planned cost. A tab supplies its input
widgets and a few hooks: what blocks a send, the confirm heading and campaign name, how its input is
cleared after a send so the same recipients cannot be sent twice, and what its own file work cancels.

Every run the runner reports is tagged with an origin; a tab shows only its own (``ORIGIN``, and
``TEST_ORIGIN`` when it has a test send).
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget

from ..changes import Changes
from ..engine.schedule import PENDING
from ..jobs.campaign import runner_for
from .confirm_dialog import ConfirmSendDialog
from .progress_panel import ProgressPanel
from .schedule_panel import SchedulePanel, scheduler_for
from . import wording

log = logging.getLogger(__name__)

RED = "#b42318"
AMBER = "#9a6700"
GREEN = "#067647"
BAD_ACCOUNT_CODES = (40002, 40006, 40008)


class NoteLabel(QLabel):
    """A message line (a notice, a result) that takes no room while it has nothing to say."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setVisible(bool(text))

    def setText(self, text: str) -> None:  # noqa: N802 - Qt name
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        super().clear()
        self.hide()


def snippet(text: str, n: int = 24) -> str:
    one = " ".join(text.split())
    return one if len(one) <= n else one[:n] + "…"


class SendTab(QWidget):
    """Base of the two sending tabs. Subclasses set ``ORIGIN`` (also the prefix of their QSettings
    key and task names) and ``SEND_NAMES`` (objectNames of the send widgets), build their input,
    then call :meth:`_make_send_widgets`, :meth:`_send_box` and :meth:`_wire_send`."""

    planned_cost_changed = Signal(object)   # int cost of the planned send, or None
    ORIGIN = ""
    TEST_ORIGIN: str | None = None
    # objectNames: plan status, send button, notice, unknown notice, result
    SEND_NAMES: tuple[str, str, str, str, str] = ("", "", "", "", "")

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner_for(ctx)
        self.scheduler = scheduler_for(ctx)
        self._configured = ctx.configured()
        self._suppressed: frozenset[str] = frozenset()
        self._last_cost: object = None
        self._sent_in_run = 0
        self._announced_schedule: str | None = None   # the schedule the result line announces
        self.confirm_dialog: ConfirmSendDialog | None = None

    # -- public ---------------------------------------------------------------------------------------
    def has_pending_schedules(self) -> bool:
        """True while a scheduled send (from either tab) waits or is under way: keep the app running."""
        return self.scheduler.has_pending()

    # -- building -------------------------------------------------------------------------------------
    def _make_marketing_check(self, object_name: str) -> QCheckBox:
        check = QCheckBox(self.tr("营销短信（须告知退订方式，避开免打扰时段）"))
        check.setObjectName(object_name)
        v = self.ctx.qsettings.value(f"{self.ORIGIN}/marketing", True)
        check.setChecked(v in (True, "true", "1", 1))
        return check

    def _make_send_widgets(self) -> None:
        """Schedule panel, plan status, send button, progress, notice, unknown notice, result."""
        status_name, send_name, notice_name, unknown_name, result_name = self.SEND_NAMES
        self.schedule_panel = SchedulePanel(self.ctx, self.ORIGIN, self)
        self.schedule_panel.toggled.connect(lambda *_: self._update_actions())
        self.plan_status = QLabel()
        self.plan_status.setObjectName(status_name)
        self.plan_status.setWordWrap(True)
        self.plan_status.setTextFormat(Qt.TextFormat.RichText)
        self.send_button = QPushButton(self.tr("发送…"))
        self.send_button.setObjectName(send_name)
        self.send_button.clicked.connect(self.send)
        self.progress = ProgressPanel(self)
        self.progress.cancel_requested.connect(self._cancel_running)
        self.notice_label = NoteLabel()
        self.notice_label.setObjectName(notice_name)
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet("color: #555;")
        self.unknown_notice = QLabel()
        self.unknown_notice.setObjectName(unknown_name)
        self.unknown_notice.setWordWrap(True)
        self.unknown_notice.setStyleSheet(f"color: {AMBER}; border: 1px solid {AMBER}; padding: 6px;")
        self.unknown_notice.hide()
        self.result_label = NoteLabel()
        self.result_label.setObjectName(result_name)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _send_box(self, *rows: QLayout) -> QGroupBox:
        """The 发送 group: *rows* (a tab's own), the schedule panel, status + button, the messages."""
        box = QGroupBox(self.tr("发送"))
        sl = QVBoxLayout(box)
        for row in rows:
            sl.addLayout(row)
        sl.addWidget(self.schedule_panel)
        brow = QHBoxLayout()
        brow.addWidget(self.plan_status, 1)
        brow.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)
        sl.addLayout(brow)
        sl.addWidget(self.progress)
        sl.addWidget(self.notice_label)
        sl.addWidget(self.unknown_notice)
        sl.addWidget(self.result_label)
        return box

    def _debounce_timer(self, ms: int, slot) -> QTimer:
        """A single-shot timer: input changes restart it, *slot* runs once they stop for *ms*."""
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    def _wire_send(self) -> None:
        self.marketing_check.toggled.connect(self._marketing_toggled)
        self.runner.started.connect(self._run_started)
        self.runner.progressed.connect(self._run_progress)
        self.runner.notice.connect(self._run_notice)
        self.runner.unknown_batches.connect(self._run_unknown)
        self.runner.finished.connect(self._run_finished)
        self.runner.failed.connect(self._run_failed)
        self.runner.busy_changed.connect(lambda *_: self._update_actions())
        self.ctx.settings_changed.connect(self._settings_changed)
        self.ctx.changes.connect(self._data_changed)
        self.scheduler.changed.connect(self._schedules_changed)

    # -- hooks ----------------------------------------------------------------------------------------
    def _input_block_reason(self) -> str:
        """Why the tab's own input cannot be sent yet ("" when it can)."""
        raise NotImplementedError

    def _import_block_reason(self) -> str:
        """Checked before the account: a file being read."""
        return ""

    def _update_input_actions(self) -> None:
        """Enable the tab's own buttons."""

    def _show_text_hints(self) -> None:
        """Redraw the hints under the text (the marketing box changes them)."""

    def _suppression_changed(self) -> None:
        """The suppression list changed: plan again."""

    def _confirm_heading(self, plan) -> str:
        raise NotImplementedError

    def _campaign_label(self, plan) -> str:
        raise NotImplementedError

    def _clear_after_schedule(self) -> None:
        """A send was scheduled: drop the recipients so they cannot be scheduled twice."""

    def _clear_after_run(self, origin: str, touched: bool) -> None:
        """A run finished (*touched*: anything went out, or it was cancelled): drop the recipients."""

    def _clear_after_partial_send(self) -> str:
        """A run failed after some numbers went out: drop the recipients; return what to add to the result."""
        raise NotImplementedError

    def _cancel_file_work(self) -> bool:
        """Cancel an import or export in progress; False when there was none."""
        return False

    def _import_counts(self) -> tuple[int, int]:
        """(invalid, duplicates): rows the tab's file imports left out before the plan, stored with the
        campaign as ``ljsms`` stores them (``usecases.Draft``)."""
        return 0, 0

    # -- helpers --------------------------------------------------------------------------------------
    def _set_result(self, text: str, color: str = "") -> None:
        self._announced_schedule = None
        self.result_label.setStyleSheet(f"color: {color};" if color else "")
        self.result_label.setText(text)

    def _schedules_changed(self) -> None:
        """The "已安排在 …" line says nothing once its schedule was cancelled or has run (the
        schedule list and the status bar report the run)."""
        sid = self._announced_schedule
        if sid is not None and all(s.id != sid or s.state != PENDING for s in self.scheduler.pending()):
            self._announced_schedule = None
            self._set_result("")

    def _set_planned_cost(self, cost) -> None:
        if cost != self._last_cost:
            self._last_cost = cost
            self.planned_cost_changed.emit(cost)

    def _marketing_toggled(self, on: bool) -> None:
        self.ctx.qsettings.setValue(f"{self.ORIGIN}/marketing", on)
        self._show_text_hints()

    def _settings_changed(self) -> None:
        self._configured = self.ctx.configured()
        self._update_actions()

    def _data_changed(self, changes: Changes) -> None:
        if changes.suppression:
            self._load_suppression()

    def _load_suppression(self) -> None:
        def work(t):
            store = self.ctx.open_store()
            try:
                return frozenset(store.suppressed_mobiles())
            finally:
                store.close()

        def done(mobiles: frozenset) -> None:
            if mobiles != self._suppressed:
                self._suppressed = mobiles
                self._suppression_changed()

        self.ctx.tasks.run(f"{self.ORIGIN}-suppression", work, key=f"{self.ORIGIN}-suppression", owner=self,
                           on_success=done,
                           on_error=lambda e: log.warning("suppression list: %s", e.message_en))

    # -- actions state --------------------------------------------------------------------------------
    def _busy_block_reason(self) -> str:
        return self.tr("正在发送另一个活动，请等它结束") if self.runner.busy else ""

    def _account_block_reason(self) -> str:
        return "" if self._configured else self.tr("还没有设置账号和密码：请打开“文件 → 设置”")

    def _send_block_reason(self) -> str:
        return (self._busy_block_reason() or self._import_block_reason() or self._account_block_reason()
                or self._input_block_reason())

    def _update_actions(self) -> None:
        reason = self._send_block_reason()
        self.send_button.setEnabled(not reason)
        self.send_button.setToolTip(reason)
        self.send_button.setText(self.tr("定时发送…") if self.schedule_panel.scheduled() else self.tr("发送…"))
        self._update_input_actions()

    # -- sending --------------------------------------------------------------------------------------
    def send(self) -> None:
        """发送…: confirm (recipients, cost, balance, quiet hours), then send or schedule."""
        if self._send_block_reason():
            return
        plan = self.plan
        skipped = self._import_counts()
        marketing = self.marketing_check.isChecked()
        scheduled = self.schedule_panel.when() if self.schedule_panel.scheduled() else None
        if scheduled is not None and scheduled <= datetime.now():
            self._set_result(self.tr("定时时间已经过去，请选择将来的时间"), RED)
            return
        label = self._campaign_label(plan)
        dlg = ConfirmSendDialog(self.ctx, plan, marketing=marketing, scheduled=scheduled, parent=self,
                                heading=self._confirm_heading(plan))
        dlg.accepted.connect(lambda: self._confirmed(plan, marketing, scheduled, label, skipped))
        dlg.finished.connect(self._confirm_closed)
        self.confirm_dialog = dlg
        dlg.open()

    def _confirm_closed(self, _result: int) -> None:
        dlg, self.confirm_dialog = self.confirm_dialog, None
        if dlg is not None:
            dlg.deleteLater()

    def _confirmed(self, plan, marketing: bool, scheduled: datetime | None, label: str,
                   skipped: tuple[int, int] = (0, 0)) -> None:
        if scheduled is not None:
            self._schedule(plan, marketing, scheduled, label, skipped)
        elif not self.runner.send_plan(plan, origin=self.ORIGIN, name=label, import_invalid=skipped[0],
                                       import_duplicates=skipped[1]):
            self._set_result(self.tr("正在发送另一个活动，请等它结束后再发送"), RED)

    def _schedule(self, plan, marketing: bool, scheduled: datetime, label: str,
                  skipped: tuple[int, int] = (0, 0)) -> None:
        def done(s) -> None:
            self._set_result(self.tr("已安排在 {0} 发送给 {1} 个号码。程序需保持运行（关闭窗口后在托盘中继续）。")
                             .format(scheduled.strftime("%Y-%m-%d %H:%M"), f"{len(plan.recipients):,}"), GREEN)
            self._announced_schedule = s.id   # the line goes once the schedule is cancelled or has run
            self.schedule_panel.check.setChecked(False)
            self._clear_after_schedule()

        self.scheduler.add(plan, scheduled, marketing=marketing, origin=self.ORIGIN, label=label, on_done=done,
                           import_counts=skipped,
                           on_error=lambda e: self._set_result(self.tr("定时发送未能保存：{0}").format(wording.message(e)), RED))

    def _cancel_running(self) -> None:
        if not self._cancel_file_work() and self._mine(self.runner.origin):
            self.runner.cancel()

    # -- runner signals -------------------------------------------------------------------------------
    def _mine(self, origin: str) -> bool:
        return origin in (self.ORIGIN, self.TEST_ORIGIN)

    def _run_started(self, origin: str, info: dict) -> None:
        if not self._mine(origin):
            return
        self._sent_in_run = 0
        what = self.tr("测试发送") if origin == self.TEST_ORIGIN else self.tr("正在发送")
        self.progress.set_cancel_tooltip(self.tr("停止发送：已发出的短信无法撤回，其余号码不再发送"))
        self.progress.start(self.tr("{0}：{1} 个号码").format(what, f"{info.get('recipients', 0):,}"),
                            int(info.get("recipients", 0)))
        self.notice_label.clear()
        self.unknown_notice.hide()
        self._set_result("")

    def _run_progress(self, origin: str, d: dict) -> None:
        if not self._mine(origin):
            return
        done, total = int(d.get("numbers_done", 0)), int(d.get("numbers_total", 0))
        self._sent_in_run = max(self._sent_in_run, done)
        self.progress.update(done, total, self.tr("已发出 {0} / {1} 个号码（第 {2} / {3} 批）").format(
            f"{done:,}", f"{total:,}", d.get("batches_done", 0), d.get("batches_total", 0)))

    def _run_notice(self, origin: str, notice) -> None:
        if self._mine(origin):
            self.notice_label.setText(wording.notice(notice))

    def _run_unknown(self, origin: str, batches: list) -> None:
        if self._mine(origin):
            self.show_unknown(batches)

    def show_unknown(self, batches: list) -> None:
        if not batches:
            self.unknown_notice.hide()
            return
        numbers = sum(int(b.get("size", 0)) for b in batches)
        seqs = self.tr("、", "list separator").join(str(b.get("seq")) for b in batches[:10]) \
            + (self.tr("……") if len(batches) > 10 else "")
        self.unknown_notice.setText(self.tr(
            "第 {0} 批（共 {1} 个号码）状态未知：发送时网络中断或网关没有回应，这些号码可能已经发出，也可能没有。"
            "系统会根据状态报告自动确认，请勿重复发送。若一小时后仍未确认，请联系联江客服核对。").format(seqs, f"{numbers:,}"))
        self.unknown_notice.show()

    def _run_finished(self, origin: str, s: dict) -> None:
        if not self._mine(origin):
            return
        self.show_unknown(s.get("unknown_batches") or [])
        accepted, rejected, unk = int(s.get("accepted", 0)), int(s.get("rejected", 0)), int(s.get("unknown", 0))
        cancelled = bool(s.get("cancelled"))
        self._report_run(origin, accepted, rejected, unk, cancelled)
        self.progress.hide()   # the result line says how it ended; a full bar left behind reads as "still busy"
        self._clear_after_run(origin, bool(accepted or rejected or unk or cancelled))
        self._update_actions()

    def _report_run(self, origin: str, accepted: int, rejected: int, unk: int, cancelled: bool) -> None:
        """A finished run in the progress panel and the result line."""
        if origin == self.TEST_ORIGIN and not cancelled:
            self.progress.finish(self.tr("测试短信已发出"), title=self.tr("测试发送完成"))
            self._set_result(self.tr("测试短信已发给 {0} 个号码。送达结果稍后会出现在“状态报告”中。").format(
                accepted + unk), GREEN)
            return
        if cancelled:
            self.progress.finish(self.tr("已取消：已发出 {0} 个号码，其余不再发送").format(f"{accepted + unk:,}"), ok=False,
                                 title=self.tr("发送已取消"))
            self._set_result(self.tr("发送已取消。已发出的短信无法撤回，详情见“发送记录”。"), AMBER)
            return
        self.progress.finish(self.tr("全部批次已发出"), title=self.tr("发送完成：{0} 个号码").format(
            f"{accepted + rejected + unk:,}"))
        text = self.tr("已发送：网关接收 {0} 个号码").format(f"{accepted:,}")
        if rejected:
            text += self.tr("，拒收 {0} 个").format(f"{rejected:,}")
        if unk:
            text += self.tr("，状态未知 {0} 个").format(f"{unk:,}")
        text += self.tr("。送达情况请看“状态报告”和“发送记录”。")
        self._set_result(text, GREEN if not (rejected or unk) else AMBER)

    def _run_failed(self, origin: str, error) -> None:
        if not self._mine(origin):
            return
        self.progress.finish(wording.message(error), ok=False, title=self.tr("发送失败"))
        text = self.tr("发送失败：{0}").format(wording.message(error))
        if error.code in BAD_ACCOUNT_CODES:
            text += self.tr("。请在“文件 → 设置”中检查账号和密码。")
        if origin != self.TEST_ORIGIN:
            text += self._clear_after_partial_send() if self._sent_in_run else self.tr(" 本次没有发出任何短信。")
        self._set_result(text, RED)
        self.progress.hide()
        self._update_actions()
