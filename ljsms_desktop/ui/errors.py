"""Uncaught exceptions in the window: written to the log (``logs.install_excepthooks``) and shown in a
friendly dialog with 复制详情 — never only on stderr, never closing the window.

Exceptions may happen in any thread; the hook only emits a signal, and the dialog is made on the
GUI thread (queued connection). While one dialog is open, later errors are added to it instead of
stacking more dialogs (an error in a paint handler repeats on every paint).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QWidget

# Installed before the window's first paint: the dialog's widgets (and Qt's namespace of enums, whose first use
# costs ~15 ms) are imported when a dialog is shown.


class ErrorDialog(QDialog):
    def __init__(self, summary: str, details: str, log_file: Path | None, parent: QWidget | None = None):
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QStyle, QVBoxLayout

        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("程序出错了"))
        self.count = 1
        self.details_text = details
        layout = QVBoxLayout(self)
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(32, 32))
        layout.addWidget(icon)
        where = str(log_file) if log_file else self.tr("（日志文件无法写入）")
        self.message = QLabel(self.tr("程序遇到了一个意外错误，已记录到日志。窗口仍可继续使用；"
                                      "正在进行的发送不受影响，进度已保存。\n"
                                      "如果问题反复出现，请点“复制详情”把内容发给技术支持。\n\n"
                                      "错误：{0}\n日志文件：{1}").format(summary, where), self)
        self.message.setObjectName("errorMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.details = QPlainTextEdit(details, self)
        self.details.setObjectName("errorDetails")
        self.details.setReadOnly(True)
        self.details.setMinimumHeight(160)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("复制详情"), self)
        self.copy_button.setObjectName("copyDetails")
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(620, 420)

    def add(self, summary: str, details: str) -> None:
        """Another error while this dialog is open: appended, counted."""
        self.count += 1
        self.details_text += "\n\n" + details
        self.details.setPlainText(self.details_text)
        self.setWindowTitle(self.tr("程序出错了（{0} 次）").format(self.count))

    def copy_details(self) -> None:
        from .. import __version__

        QGuiApplication.clipboard().setText(f"ljsms-desktop {__version__}\n{self.details_text}")
        self.copy_button.setText(self.tr("已复制"))


class ErrorReporter(QObject):
    """Receives errors from any thread (``report``) and shows them on the GUI thread."""

    report = Signal(str, str)

    def __init__(self, log_file: Path | None, parent: QObject | None = None):
        super().__init__(parent)
        self.log_file = log_file
        self.dialog: ErrorDialog | None = None
        self.report.connect(self._queue)   # from another thread: queued to this one; from this one: direct

    @Slot(str, str)
    def _queue(self, summary: str, details: str) -> None:
        """On the GUI thread: the dialog is made after the handler that raised (a paint handler, a slot)."""
        QTimer.singleShot(0, self, lambda: self._show(summary, details))

    @Slot(str, str)
    def _show(self, summary: str, details: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add(summary, details)
            return
        parent = QApplication.activeWindow()
        if isinstance(parent, ErrorDialog):
            parent = parent.parentWidget()
        from PySide6.QtCore import Qt

        self.dialog = ErrorDialog(summary, details, self.log_file, parent)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget)
        self.dialog.show()
        if QApplication.platformName() != "offscreen":  # which cannot raise windows, and says so
            self.dialog.raise_()

    def _forget(self, *_args) -> None:
        self.dialog = None


def install_error_dialog(app: QApplication, log_file: Path | None) -> ErrorReporter:
    """Route uncaught exceptions (sys.excepthook, threading.excepthook) to the log and the dialog."""
    from ..logs import install_excepthooks

    reporter = ErrorReporter(log_file, app)
    install_excepthooks(reporter.report.emit)
    app._error_reporter = reporter  # kept alive with the application
    return reporter
