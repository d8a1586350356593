"""The status bar's balance indicator: 剩余 N 条, amber under the user's threshold, red when a planned
campaign would not fit, and an icon with the reason on hover when the gateway could not be asked."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ..jobs import TaskError

_COLORS = {"ok": "", "low": "#b36b00", "short": "#c0392b", "error": "#7f8c8d", "unknown": "#7f8c8d"}


class BalanceIndicator(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("balanceIndicator")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(4)
        self.icon = QLabel(self)   # its warning sign is drawn when an error first shows it (after the first paint)
        self.icon.hide()
        self.text = QLabel(self.tr("余额：—"), self)   # plain text: no text interaction (the default for it)
        layout.addWidget(self.icon)
        layout.addWidget(self.text)
        self.balance: int | None = None
        self.threshold = 1000
        self.required: int | None = None
        self.error: TaskError | None = None
        self.state = "unknown"
        self._render()

    def set_balance(self, n: int) -> None:
        self.balance, self.error = int(n), None
        self._render()

    def set_error(self, error: TaskError) -> None:
        """Keep the last known figure; show the reason as an icon with a tooltip (never a dialog)."""
        self.error = error
        self._render()

    def set_threshold(self, threshold: int) -> None:
        self.threshold = int(threshold)
        self._render()

    def set_required(self, cost: int | None) -> None:
        """The cost of the campaign being planned, or None when nothing is planned."""
        self.required = cost
        self._render()

    def _render(self) -> None:
        if self.balance is None:
            text, state = self.tr("余额：—"), "unknown"
        else:
            text = self.tr("剩余 {0} 条").format(f"{self.balance:,}")
            if self.required is not None and self.required > self.balance:
                state = "short"
            elif self.balance < self.threshold:
                state = "low"
            else:
                state = "ok"
        tips = []
        if state == "short":
            tips.append(self.tr("当前计划需要 {0} 条，余额不足，请先充值").format(f"{self.required:,}"))
        elif state == "low":
            tips.append(self.tr("余额低于提醒值 {0} 条").format(f"{self.threshold:,}"))
        if self.error is not None:
            from . import wording   # not before the first paint: it imports the engine's and store's words

            tips.append(self.tr("无法查询余额：{0}").format(wording.message(self.error)))
            if self.balance is None:
                state = "error"
        self.state = state
        if self.error is not None and self.icon.pixmap().isNull():
            from PySide6.QtWidgets import QStyle

            self.icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(16, 16))
        self.icon.setVisible(self.error is not None)
        self.text.setText(text)
        color = _COLORS[state]
        self.text.setStyleSheet(f"color: {color}; font-weight: bold;" if color and state in ("low", "short") else
                                (f"color: {color};" if color else ""))
        tip = "\n".join(tips)
        self.setToolTip(tip)
        self.text.setToolTip(tip)
        self.icon.setToolTip(tip)
