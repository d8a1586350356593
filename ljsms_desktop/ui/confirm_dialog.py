"""The confirmation before a campaign goes out: recipients, parts, cost, balance now and after.

The dialog asks the gateway for a fresh balance when it opens (``ctx.refresh_balance()``, in the
background) and fills it in when the answer comes; if the balance cannot be read it says so and
still lets the user send (the gateway itself refuses a send the account cannot pay for). When the
balance is known and too small, 确认发送 is disabled with the reason.

A marketing send that starts in, or would run into, the quiet hours asks first: the user must
tick "仍要现在发送" (a scheduled send instead says it will wait until the quiet hours end).

It is a plain QDialog opened with ``open()`` (window-modal, not a nested event loop), so tests
find it as a child of the tab (``tab.findChild(ConfirmSendDialog)``) and click its buttons.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from ..core.planning import Plan
from ..core.templates import render
from ..engine.schedule import estimate_duration, in_quiet_hours, quiet_hours_end, runs_into_quiet
from . import wording


class ConfirmSendDialog(QDialog):
    def __init__(self, ctx, plan: Plan, *, marketing: bool, scheduled: datetime | None = None,
                 heading: str = "", extra_lines: list[str] | None = None, parent: QWidget | None = None,
                 now: datetime | None = None):
        super().__init__(parent)
        self.setObjectName("confirmSendDialog")
        self.setWindowTitle(self.tr("确认发送"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.ctx = ctx
        self.plan = plan
        self.balance: int | None = None
        self._balance_error = ""
        self._waiting_balance = False

        lay = QVBoxLayout(self)
        if heading:
            title = QLabel(heading)
            title.setWordWrap(True)
            title.setStyleSheet("font-weight: bold;")
            lay.addWidget(title)
        form = QFormLayout()
        who = self.tr("{0} 个号码").format(f"{len(plan.recipients):,}")
        left_out = []
        if plan.invalid:
            left_out.append(self.tr("无效 {0}").format(len(plan.invalid)))
        if plan.duplicates:
            left_out.append(self.tr("重复 {0}").format(len(plan.duplicates)))
        if plan.suppressed:
            left_out.append(self.tr("已退订/屏蔽 {0}").format(len(plan.suppressed)))
        if left_out:
            who += self.tr("（已排除：{0}）").format(self.tr("，", "list separator").join(left_out))
        form.addRow(self.tr("收件人："), QLabel(who))
        if plan.kind == "template" and plan.parts_min != plan.parts_per_recipient:
            parts = self.tr("每个号码 {0}–{1} 条").format(plan.parts_min, plan.parts_per_recipient)
        else:
            parts = self.tr("每个号码 {0} 条").format(plan.parts_per_recipient)
        form.addRow(self.tr("短信条数："), QLabel(parts))
        cost = QLabel(self.tr("{0} 条（分 {1} 批发送）").format(f"{plan.cost:,}", plan.batch_count))
        cost.setObjectName("confirmCost")
        form.addRow(self.tr("预计消耗："), cost)
        self.balance_label = QLabel()
        self.balance_label.setObjectName("confirmBalance")
        self.after_label = QLabel()
        self.after_label.setObjectName("confirmBalanceAfter")
        form.addRow(self.tr("当前余额："), self.balance_label)
        form.addRow(self.tr("发送后余额："), self.after_label)
        if scheduled is not None:
            form.addRow(self.tr("发送时间："), QLabel(scheduled.strftime("%Y-%m-%d %H:%M")))
        lay.addLayout(form)

        # One whole message as it will arrive (never elided): a wrong column shows here at a glance.
        sample = plan.content
        if plan.kind == "template" and plan.recipients and plan.values:
            sample = render(plan.template, plan.values[0])
            caption = self.tr("第一个号码（{0}）将收到：").format(plan.recipients[0])
        else:
            caption = self.tr("短信内容：")
        if sample:
            self.sample_caption = QLabel(caption)
            lay.addWidget(self.sample_caption)
            self.sample_label = QLabel(sample)
            self.sample_label.setObjectName("confirmSample")
            self.sample_label.setWordWrap(True)
            self.sample_label.setTextFormat(Qt.TextFormat.PlainText)
            self.sample_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.sample_label.setStyleSheet("border: 1px solid #c8c8c8; padding: 6px; background: palette(base);")
            self.sample_label.setMinimumWidth(420)
            lay.addWidget(self.sample_label)

        for line in extra_lines or []:
            lab = QLabel(line)
            lab.setWordWrap(True)
            lay.addWidget(lab)
        for w in plan.warnings:
            lab = QLabel("⚠ " + wording.message(w))
            lab.setWordWrap(True)
            lab.setStyleSheet("color: #9a6700;")
            lay.addWidget(lab)

        # Quiet hours.
        s = ctx.settings
        now = now or datetime.now()
        self.quiet_check: QCheckBox | None = None
        self.quiet_note: QLabel | None = None
        if marketing:
            quiet = f"{s.quiet_start}–{s.quiet_end}"
            if scheduled is not None:
                if in_quiet_hours(scheduled, s.quiet_start, s.quiet_end):
                    end = quiet_hours_end(scheduled, s.quiet_start, s.quiet_end)
                    self.quiet_note = QLabel(self.tr("定时时间在免打扰时段（{0}）内：营销短信将等到 {1} 再发送。")
                                             .format(quiet, end.strftime("%m-%d %H:%M")))
            elif runs_into_quiet(now, estimate_duration(plan.batch_count), s.quiet_start, s.quiet_end):
                if in_quiet_hours(now, s.quiet_start, s.quiet_end):
                    text = self.tr("现在是免打扰时段（{0}）：营销短信在此时段发送容易引起投诉。").format(quiet)
                else:
                    text = self.tr("这次发送预计会持续到免打扰时段（{0}）：营销短信在此时段发送容易引起投诉。").format(quiet)
                self.quiet_note = QLabel(text)
                self.quiet_check = QCheckBox(self.tr("我知道，仍要现在发送"))
                self.quiet_check.setObjectName("quietHoursAck")
                self.quiet_check.toggled.connect(self._update_ok)
        if self.quiet_note is not None:
            self.quiet_note.setObjectName("quietHoursNote")
            self.quiet_note.setWordWrap(True)
            self.quiet_note.setStyleSheet("color: #b42318;")
            lay.addWidget(self.quiet_note)
        if self.quiet_check is not None:
            lay.addWidget(self.quiet_check)

        self.block_label = QLabel()
        self.block_label.setObjectName("confirmBlocked")
        self.block_label.setWordWrap(True)
        self.block_label.setStyleSheet("color: #b42318;")
        self.block_label.hide()
        lay.addWidget(self.block_label)

        buttons = QDialogButtonBox()
        self.ok_button = QPushButton(self.tr("定时发送") if scheduled is not None else self.tr("确认发送"))
        self.ok_button.setObjectName("confirmSendButton")
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setObjectName("confirmCancelButton")
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

        ctx.balance_updated.connect(self._balance_ok)
        ctx.balance_failed.connect(self._balance_failed)
        self._ask_balance()
        self._update_ok()

    # -- balance -----------------------------------------------------------------------------------
    def _ask_balance(self) -> None:
        if not self.ctx.configured():
            self._balance_error = self.tr("未设置账号")
            self._show_balance()
            return
        self._waiting_balance = True
        if self.ctx.last_balance is not None:
            self.balance = self.ctx.last_balance  # shown until the fresh answer arrives
        self._show_balance()
        self.ctx.refresh_balance()

    def _balance_ok(self, n: int) -> None:
        self._waiting_balance = False
        self.balance = n
        self._balance_error = ""
        self._show_balance()
        self._update_ok()

    def _balance_failed(self, error) -> None:
        self._waiting_balance = False
        self.balance = None
        self._balance_error = wording.message(error)
        self._show_balance()
        self._update_ok()

    def _show_balance(self) -> None:
        cost = self.plan.cost
        if self.balance is None:
            if self._waiting_balance:
                self.balance_label.setText(self.tr("正在查询…"))
            else:
                why = self._balance_error or self.tr("查询失败")
                self.balance_label.setText(self.tr("余额未知（{0}）").format(why))
                self.balance_label.setToolTip(self.tr("仍可发送：余额不足时网关会拒收，不会扣费"))
            self.after_label.setText(self.tr("未知"))
            return
        suffix = self.tr("（正在刷新…）") if self._waiting_balance else ""
        self.balance_label.setText(self.tr("剩余 {0} 条{1}").format(f"{self.balance:,}", suffix))
        after = self.balance - cost
        self.after_label.setText(self.tr("剩余 {0} 条").format(f"{after:,}") if after >= 0
                                 else self.tr("不足，还差 {0} 条").format(f"{-after:,}"))
        self.after_label.setStyleSheet("" if after >= 0 else "color: #b42318;")

    def _update_ok(self) -> None:
        reason = ""
        short = (self.balance is not None and not self._waiting_balance and not self.plan.fits(self.balance))
        if short:
            reason = self.tr("余额不足：本次需要 {0} 条，账户剩余 {1} 条。请充值后再发送，或减少号码。").format(
                f"{self.plan.cost:,}", f"{self.balance:,}")
        elif self.quiet_check is not None and not self.quiet_check.isChecked():
            reason = self.tr("请先勾选“我知道，仍要现在发送”：现在发送营销短信会进入免打扰时段")
        self.ok_button.setEnabled(not reason)
        self.ok_button.setToolTip(reason)
        self.block_label.setText(reason if short else "")
        self.block_label.setVisible(short)

    def done(self, result: int) -> None:  # noqa: D401 - Qt override
        for sig, slot in ((self.ctx.balance_updated, self._balance_ok), (self.ctx.balance_failed, self._balance_failed)):
            try:
                sig.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        super().done(result)
