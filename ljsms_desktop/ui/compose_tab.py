"""Placeholder until the real tab lands."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ComposeTab(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("composeTab")
        QVBoxLayout(self).addWidget(QLabel("…"))
