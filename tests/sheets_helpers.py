"""Build small workbooks for the sheet tests with real producers (openpyxl, xlsxwriter)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import xlsxwriter


def write_openpyxl(path: Path, rows: Sequence[Sequence[Any]], *, sheet: str = "名单", start: str = "A1",
                   extra_sheets: Sequence[str] = ()) -> Path:
    """Rows written cell by cell from *start*; None leaves a cell empty."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    first = ws[start]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                cell = ws.cell(row=first.row + r, column=first.column + c, value=value)
                if isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"  # keep test text as text
    for name in extra_sheets:
        book.create_sheet(name)["A1"] = "x"
    book.save(path)
    return path


def write_xlsxwriter(path: Path, rows: Sequence[Sequence[Any]], *, sheet: str = "名单") -> Path:
    """Strings as strings, numbers as numbers, dates as dates (constant-memory mode, as the benchmark)."""
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "strings_to_numbers": False,
                                           "strings_to_formulas": False})
    ws = book.add_worksheet(sheet)
    date_fmt = book.add_format({"num_format": "yyyy-mm-dd"})
    dt_fmt = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, str):
                ws.write_string(r, c, value)
            elif isinstance(value, bool):
                ws.write_boolean(r, c, value)
            elif isinstance(value, dt.datetime):
                ws.write_datetime(r, c, value, dt_fmt)
            elif isinstance(value, dt.date):
                ws.write_datetime(r, c, dt.datetime(value.year, value.month, value.day), date_fmt)
            else:
                ws.write_number(r, c, value)
    book.close()
    return path


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path
