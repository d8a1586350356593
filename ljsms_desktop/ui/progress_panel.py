"""A reusable progress panel: bar, counts, time left, and 取消.

``start(text, total)`` shows it; ``update(done, total, text=...)`` moves the bar and re-estimates the
time left from the rate since start; ``finish(message, ok=True)`` leaves a one-line result
visible; ``cancel_requested`` fires when the user clicks 取消 (the caller cancels its Task).
Updates arrive already throttled by the Task (at most one per 50 ms), so painting stays cheap.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QVBoxLayout, QWidget


def format_duration_zh(seconds: float) -> str:
    """``约 2 分 5 秒`` — how a time left reads."""
    # Spelled out (no ``tr = QCoreApplication.translate`` alias): lupdate only sees the full call.
    s = max(0, int(round(seconds)))
    if s < 60:
        return QCoreApplication.translate("ProgressPanel", "约 {0} 秒").format(s)
    m, s = divmod(s, 60)
    if m < 60:
        return QCoreApplication.translate("ProgressPanel", "约 {0} 分 {1} 秒").format(m, s)
    h, m = divmod(m, 60)
    return QCoreApplication.translate("ProgressPanel", "约 {0} 小时 {1} 分").format(h, m)


class _QuietLine(QWidget):
    """Holds a label whose text changes many times a second without re-laying out the window.

    Why hand-made: ``QLabel.setText`` calls ``updateGeometry``, which invalidates every enclosing
    layout up to the window. With progress 20 times a second that re-laid out and repainted the
    whole tab each time: ~7 ms on an idle GUI thread, 30-45 ms while a send competed for the GIL
    (benchmarks/bench_ui.py; 12-22 ms with this). A parent without a layout stops the ripple: this
    widget places the label itself and changes its own (fixed) height only when the text needs a
    different number of lines — rare, e.g. a long error message at the end.
    """

    def __init__(self, label: QLabel, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = label
        label.setParent(self)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(label.fontMetrics().lineSpacing())

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self._fit()

    def _fit(self) -> None:
        width = self.width()
        need = self.label.heightForWidth(width) if width > 0 else -1
        need = max(need, self.label.fontMetrics().lineSpacing())
        if need != self.height():
            self.setFixedHeight(need)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt name
        self.label.setGeometry(0, 0, self.width(), self.height())
        self._fit()
        super().resizeEvent(event)


class ProgressPanel(QWidget):
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("progressPanel")
        self._started = 0.0
        self._running = False
        self.title = QLabel()
        self.title.setObjectName("progressTitle")
        self.bar = QProgressBar()
        self.bar.setObjectName("progressBar")
        self.bar.setTextVisible(True)
        self.counts = QLabel()
        self.counts.setObjectName("progressCounts")
        self.counts.setWordWrap(True)
        self._counts_line = _QuietLine(self.counts)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setToolTip(self.tr("停止发送：已发出的批次不会撤回，未发出的不再发送，之后可在发送记录中继续"))
        self.cancel_button.clicked.connect(self._cancel_clicked)

        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addLayout(row)
        lay.addWidget(self._counts_line)
        self.hide()

    @property
    def running(self) -> bool:
        return self._running

    def set_cancel_tooltip(self, text: str) -> None:
        self.cancel_button.setToolTip(text)

    def start(self, title: str, total: int = 0) -> None:
        self._started = time.monotonic()
        self._running = True
        self.title.setText(title)
        self.bar.setRange(0, max(0, total))  # 0..0 = busy indicator while the total is unknown
        self.bar.setValue(0)
        self._counts_line.set_text(self.tr("正在准备…"))
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("取消"))
        self.show()

    def update(self, done: int, total: int, text: str = "") -> None:  # noqa: A003 - Qt-style name
        if not self._running:
            return
        if total > 0:
            if self.bar.maximum() != total:
                self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        left = self.time_left(done, total)
        parts = [text] if text else []
        if left is not None:
            parts.append(self.tr("剩余时间 {0}").format(format_duration_zh(left)))
        self._counts_line.set_text(self.tr("，", "list separator").join(parts))

    def time_left(self, done: int, total: int) -> float | None:
        """Seconds left at the rate seen since start (None until there is something to go on)."""
        if total <= 0 or done <= 0:
            return None
        elapsed = time.monotonic() - self._started
        if elapsed < 0.5 or done >= total:
            return None if done < total else 0.0
        rate = done / elapsed
        return (total - done) / rate if rate > 0 else None

    def cancelling(self) -> None:
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("正在取消…"))

    def finish(self, message: str, ok: bool = True, title: str | None = None) -> None:
        """Stop; leave *message* (and *title*, when given) visible; the bar full when *ok*."""
        self._running = False
        if title is not None:
            self.title.setText(title)
        if ok and self.bar.maximum() > 0:
            self.bar.setValue(self.bar.maximum())
        elif self.bar.maximum() == 0:
            self.bar.setRange(0, 1)
            self.bar.setValue(1 if ok else 0)
        self._counts_line.set_text(message)
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("取消"))
        self.cancel_button.setToolTip(self.tr("没有正在进行的任务"))

    def _cancel_clicked(self) -> None:
        if self._running:
            self.cancelling()
            self.cancel_requested.emit()
