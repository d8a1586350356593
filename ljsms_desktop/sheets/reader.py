"""Open a spreadsheet file, list its sheets, and stream one sheet's rows.

Reading goes through python-calamine (Rust) for .xlsx/.xlsm/.xlsb/.xls/.ods: on 100,000 rows
openpyxl's read-only mode took ~15x calamine's time. openpyxl (read-only, cached formula values)
is the fallback for OOXML files calamine refuses. CSV/TXT go through :mod:`.csvfile`.

Every sheet is presented the same way: ``rows()`` yields lists of raw cell values for consecutive
spreadsheet rows starting at row 1, where ``row[i]`` is column ``col_offset + i`` (calamine drops
empty leading columns but pads empty leading rows). Empty cells are ``""`` (or None from openpyxl).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import python_calamine

from . import formats
from .csvfile import CsvDialect, CsvRows, sniff
from .errors import SheetError

_FATAL = (KeyboardInterrupt, SystemExit, GeneratorExit, MemoryError)


@dataclass
class Sheet:
    """One sheet ready to stream. ``rows()`` may be called again to start over."""

    name: str
    col_offset: int
    total_rows: int | None  # rows the iteration will yield, when known (not for CSV)
    width: int | None  # absolute column count (col_offset included), when known (not for CSV)
    _rows: Callable[[], Iterator[Any]]
    _fraction: Callable[[], float] | None = None

    def rows(self) -> Iterator[list[Any]]:
        return self._rows()

    def fraction(self, rows_done: int) -> float:
        if self._fraction is not None:
            return self._fraction()
        if self.total_rows:
            return min(1.0, rows_done / self.total_rows)
        return 0.0


class Workbook:
    """An opened spreadsheet file. Use as a context manager, or call close().

    *engine* ``"auto"`` (default) reads workbooks with calamine and falls back to openpyxl for an
    .xlsx calamine refuses; ``"openpyxl"`` forces openpyxl (.xlsx/.xlsm only). *limits* checks the
    file against :mod:`.guard`'s limits first (the reader process does; see :mod:`.isolated`).
    This opens the file in this process: untrusted files go through :mod:`.isolated` instead.
    """

    def __init__(self, path: str | os.PathLike[str], *, engine: str = "auto", limits: bool = False,
                 prefetched: Any = None) -> None:
        info = formats.detect(path)
        if limits:
            from .guard import check_file

            check_file(info.path, info.kind, info.size)
        # The reader process starts parsing the sheet in a thread while it imports the rest (see
        # worker._Prefetch): result() gives (book, metadata, sheet name, parsed sheet) or raises.
        self._prefetched = prefetched
        self.path: Path = info.path
        self.kind: str = info.kind
        self.engine: str = "csv"
        self.dialect: CsvDialect | None = None
        self._book: Any = None
        self._sheets: list[str] = []
        self._hidden: set[str] = set()
        if info.kind == "csv":
            self.dialect = sniff(self.path)
            self._sheets = [self.path.stem]
        elif engine == "openpyxl":
            if info.kind != "xlsx" or not self._open_openpyxl():
                raise formats.corrupt(self.path, "openpyxl 无法读取")
        else:
            self._open_binary()

    # -- opening -------------------------------------------------------------------------------
    def _open_binary(self) -> None:
        try:
            early = self._early()
            if early is not None:
                book, meta = early[0], early[1]
            else:
                book = python_calamine.CalamineWorkbook.from_path(str(self.path))
                meta = book.sheets_metadata
        except python_calamine.PasswordError:
            raise formats.password_protected(self.path) from None
        except BaseException as exc:  # calamine raises several types, incl. pyo3 panics
            if isinstance(exc, _FATAL):
                raise
            if self.kind == "xlsx" and self._open_openpyxl():
                return
            raise formats.corrupt(self.path, _short(exc)) from None
        self._book = book
        self.engine = "calamine"
        self._sheets = [m.name for m in meta if m.typ == python_calamine.SheetTypeEnum.WorkSheet] or list(
            book.sheet_names
        )
        self._hidden = {m.name for m in meta if m.visible != python_calamine.SheetVisibleEnum.Visible}

    def _open_openpyxl(self) -> bool:
        import openpyxl  # only when calamine could not read the file

        try:
            book = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
        except Exception:  # noqa: BLE001 - any failure means "corrupt", reported by the caller
            return False
        self._book = book
        self.engine = "openpyxl"
        self._sheets = list(book.sheetnames)
        self._hidden = {ws.title for ws in book.worksheets if getattr(ws, "sheet_state", "visible") != "visible"}
        return True

    # -- public ------------------------------------------------------------------------------------
    @property
    def sheet_names(self) -> list[str]:
        """Worksheet names in workbook order (one name, the file's stem, for CSV)."""
        return list(self._sheets)

    @property
    def default_sheet(self) -> str:
        for name in self._sheets:
            if name not in self._hidden:
                return name
        if not self._sheets:
            raise SheetError(f"{self.path.name} 中没有工作表")
        return self._sheets[0]

    def resolve_sheet(self, sheet: str | int | None) -> str:
        """Sheet by exact name, else by 1-based position; None → the first visible sheet."""
        if sheet is None or sheet == "":
            return self.default_sheet
        if isinstance(sheet, str):
            if sheet in self._sheets:
                return sheet
            for name in self._sheets:
                if name.strip().lower() == sheet.strip().lower():
                    return name
            if sheet.strip().isdigit():
                sheet = int(sheet.strip())
        if isinstance(sheet, int) and 1 <= sheet <= len(self._sheets):
            return self._sheets[sheet - 1]
        names = "、".join(self._sheets)
        raise SheetError(f"找不到工作表“{sheet}”。这个文件中的工作表有：{names}")

    def sheet(self, sheet: str | int | None = None) -> Sheet:
        name = self.resolve_sheet(sheet)
        if self.engine == "csv":
            assert self.dialect is not None
            csv_rows = CsvRows(self.path, self.dialect)
            return Sheet(name, 0, None, None, csv_rows.__iter__, csv_rows.fraction)
        if self.engine == "openpyxl":
            return self._openpyxl_sheet(name)
        try:
            early = self._early()
            if early is not None and early[2] == name and early[0] is self._book:
                data = early[3]
                self._prefetched = None  # used once: rows() of a second sheet() call re-reads
            else:
                data = self._book.get_sheet_by_name(name)
            start = data.start
            end = data.end
        except BaseException as exc:
            if isinstance(exc, _FATAL):
                raise
            if self.kind == "xlsx" and self._open_openpyxl():
                return self._openpyxl_sheet(name)
            raise formats.corrupt(self.path, f"工作表“{name}”：{_short(exc)}") from None
        if start is None or end is None:
            return Sheet(name, 0, 0, 0, lambda: iter(()))
        return Sheet(name, start[1], end[0] + 1, end[1] + 1, data.iter_rows)

    def _early(self) -> tuple[Any, Any, str | None, Any] | None:
        """What the prefetch thread read, or None (none, or it failed: the caller reads again and
        reports the failure in its own words)."""
        if self._prefetched is None:
            return None
        try:
            return self._prefetched.result()
        except BaseException as exc:  # noqa: BLE001
            if isinstance(exc, _FATAL):
                raise
            self._prefetched = None
            return None

    def _openpyxl_sheet(self, name: str) -> Sheet:
        ws = self._book[name]
        total = ws.max_row if isinstance(ws.max_row, int) else None
        width = ws.max_column if isinstance(ws.max_column, int) else None

        def rows() -> Iterator[Any]:
            try:
                yield from ws.iter_rows(min_row=1, min_col=1, values_only=True)
            except Exception as exc:  # noqa: BLE001
                raise formats.corrupt(self.path, _short(exc)) from None

        return Sheet(name, 0, total, width, rows)

    def close(self) -> None:
        book, self._book = self._book, None
        if book is not None:
            try:
                book.close()
            except Exception:  # noqa: BLE001 - already closed / nothing to release
                pass

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_workbook(path: str | os.PathLike[str], *, engine: str = "auto") -> Workbook:
    """Open *path* (any supported kind). Raises SheetError with a clear message when it can't."""
    return Workbook(path, engine=engine)


def list_sheets(path: str | os.PathLike[str]) -> list[str]:
    """The worksheet names of *path* (CSV: one name, the file's stem)."""
    with Workbook(path) as wb:
        return wb.sheet_names


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]
