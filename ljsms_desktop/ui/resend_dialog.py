"""重发失败号码: which failures to send again, chosen by bucket with their counts and advice.

Buckets where a later retry can help (暂时不可达, 频率限制, 运营商内部) are ticked; permanent ones (号码问题,
黑名单·退订, 内容拦截) are offered unticked with the reason; 未知 is never offered (the number may have got
it). Numbers that never went out (rejected batches, or left planned in a stopped/cancelled campaign)
are a separate tick, on by default.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..core import delivery_codes
from . import wording
from .campaigns_view import count_text


class ResendDialog(QDialog):
    def __init__(self, detail, parent: QWidget | None = None):
        super().__init__(parent)
        from ..usecases.results import default_buckets, resendable_buckets

        self.setObjectName("resendDialog")
        self.setWindowTitle(self.tr("重发失败号码"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        english = wording.english()
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("选择要重发的号码。将新建一次活动，内容与原活动相同（模板群发保留每个号码的变量）。"), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.checks: dict[str, QCheckBox] = {}
        defaults = set(default_buckets())
        allowed = set(resendable_buckets())
        for code in delivery_codes.FAILURE_BUCKETS:
            n = int(detail.failed_by_bucket.get(code, 0))
            b = delivery_codes.BUCKETS[code]
            box = QCheckBox(self.tr("{0}（{1} 个号码）").format(wording.bucket_name(code), count_text(n)), self)
            box.setObjectName(f"bucket_{code}")
            advice = b.advice_en if english else b.advice_zh
            if code not in allowed:
                box.setEnabled(False)
                box.setToolTip(self.tr("结果不明的号码可能已经收到，不会重发"))
            else:
                box.setChecked(code in defaults and n > 0)
                box.setEnabled(n > 0)
                box.setToolTip(advice)
            layout.addWidget(box)
            hint = QLabel(advice if code in allowed else self.tr("结果不明的号码可能已经收到，不会重发"), self)
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #868e96;")
            row = QHBoxLayout()   # indented by a spacing, not by contents margins (a wrapped label clipped them)
            row.addSpacing(24)
            row.addWidget(hint, 1)
            layout.addLayout(row)
            self.checks[code] = box
        o = detail.outcome
        unsent = int(o.get("rejected", 0)) + (int(o.get("planned", 0)) if detail.summary.state in
                                               ("cancelled", "stopped") else 0)
        self.unsent = QCheckBox(self.tr("从未发出的号码（被网关拒收或未发送的批次，{0} 个）").format(count_text(unsent)), self)
        self.unsent.setObjectName("includeUnsent")
        self.unsent.setChecked(unsent > 0)
        self.unsent.setEnabled(unsent > 0)
        layout.addWidget(self.unsent)
        never = QLabel(self.tr("结果未知的批次和仍在等待状态报告的号码不会重发。"), self)
        never.setWordWrap(True)
        layout.addWidget(never)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("resendTotal")
        layout.addWidget(self.total_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("下一步"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._counts = {c: int(detail.failed_by_bucket.get(c, 0)) for c in self.checks}
        self._unsent = unsent
        for box in (*self.checks.values(), self.unsent):
            box.toggled.connect(self._update)
        self._update()
        self.setMinimumWidth(540)

    def buckets(self) -> list[str]:
        return [c for c, box in self.checks.items() if box.isChecked() and box.isEnabled()]

    def include_unsent(self) -> bool:
        return self.unsent.isChecked()

    def _update(self, *_args) -> None:
        n = sum(self._counts[c] for c in self.buckets()) + (self._unsent if self.include_unsent() else 0)
        self.total_label.setText(self.tr("约 {0} 个号码（屏蔽名单中的号码会被跳过）").format(count_text(n)))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(n > 0)
        ok.setToolTip("" if n else self.tr("请至少选择一类号码"))
