"""The table-model layer under the read-only views: columns described once, rows as plain tuples
fetched by a background task. A later issue grows it into lazily fetched, SQL-sorted models."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor


@dataclass(frozen=True)
class Column:
    title: str
    index: int                      # position in the row tuple
    fmt: Callable[[Any], str] | None = None
    align_right: bool = False
    color: Callable[[Any], str | None] | None = None


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[tuple] = []

    def set_rows(self, rows: list[tuple]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        col = self.columns[index.column()]
        value = self.rows[index.row()][col.index]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(value, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col.color is not None:
            c = col.color(value)
            return QColor(c) if c else None
        return None

    @staticmethod
    def text(value, col: Column) -> str:
        """What a cell shows."""
        if col.fmt is not None:
            return col.fmt(value)
        return "" if value is None else str(value)

    def widths_key(self, rows: Sequence[tuple], limit: int) -> tuple[int, ...]:
        """The longest text per column over the first *limit* rows: columns need refitting when it changes."""
        top = rows[:limit]
        return tuple(max((len(self.text(r[c.index], c)) for r in top), default=0) for c in self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return None
