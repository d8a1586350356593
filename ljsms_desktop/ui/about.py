"""Help → 关于: what support asks first — the version, the data folder, the log file, the keyring backend."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .. import __version__
from .context import AppContext


class AboutDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("关于"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("<b>联江短信桌面助手</b> {0}").format(__version__), self)
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("联江·云通讯短信群发、模板群发、状态报告与上行回复。"), self))
        form = QFormLayout()
        self.fields: dict[str, QLabel] = {}
        for key, label, value in self._facts(ctx):
            field = QLabel(value, self)
            field.setObjectName(key)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setWordWrap(True)
            form.addRow(label, field)
            self.fields[key] = field
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(self.tr("复制"), self)
        copy.setObjectName("copyAbout")
        copy.clicked.connect(self.copy)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _facts(self, ctx: AppContext) -> list[tuple[str, str, str]]:
        from .. import paths
        from ..logs import current_log_file
        from .selftest import keyring_description

        import PySide6

        backend, _usable = keyring_description()
        credentials = ctx.credentials
        if credentials is None:
            in_use = self.tr("无可用的系统钥匙串：密码不保存")
        elif credentials.is_system:
            in_use = self.tr("系统钥匙串")
        else:
            in_use = self.tr("仅本次运行（内存）")
        keyring_text = "{0} — {1}".format(in_use, backend)
        log_file = current_log_file() or paths.log_path()
        where = self.tr("打包程序") if getattr(sys, "frozen", False) else self.tr("源代码")
        return [
            ("aboutVersion", self.tr("版本"), "{0} ({1}; Python {2}, Qt {3})".format(
                __version__, where, sys.version.split()[0], PySide6.__version__)),
            ("aboutDataFolder", self.tr("数据文件夹"), str(ctx.home)),
            ("aboutLogFile", self.tr("日志文件"), str(log_file)),
            ("aboutKeyring", self.tr("密码保管"), keyring_text),
        ]

    def text(self) -> str:
        lines = ["ljsms-desktop " + __version__]
        form = self.layout().itemAt(2).layout()
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            value = form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
            lines.append(f"{label.text()}: {value.text()}")
        return "\n".join(lines)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
