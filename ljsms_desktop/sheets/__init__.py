"""Spreadsheet import and export (no Qt): read recipient lists, validate them, write reports.

Typical use::

    from ljsms_desktop import sheets

    with sheets.open_workbook(path) as wb:          # SheetError with a clear message if unusable
        names = wb.sheet_names
        data = wb.sheet(names[0])
        layout = sheets.detect_layout(data, variables=2)    # header row, mobile + variable columns
        result = sheets.validate_sheet(data, layout, template=tpl, on_progress=cb, cancel=event)
    result.to_dict()                                # rows/valid/invalid/duplicates/problems
    for mobile, values in result.valid_rows: ...
    sheets.export_problem_rows(result, "需修改.xlsx")
    sheets.export_rows("回复.xlsx", headers, cursor)  # .xlsx or .csv, formula-safe

or in one call: ``sheets.import_sheet(path, template=tpl, mobile_column="B")``.

Files from outside go through a separate reader process (:mod:`.isolated`): ``import_sheet``,
``import_with_layout``, ``inspect_file``, ``list_sheets`` and ``export_problem_rows`` read the file
there, bounded by the limits of :mod:`.guard`; a file that is refused or that kills the reader is a
SheetError, never a crash of the caller. ``open_workbook``/``validate_sheet`` work in this process
(the reader process uses them; so do tests).
"""

from .errors import Cancelled, SheetError
from .isolated import SheetInfo, export_problem_rows, import_sheet, import_with_layout, inspect_file, list_sheets
from .layout import AUTO, REASON_COLUMN, Layout, detect_layout, preview_rows, resolve_column
from .reader import Sheet, Workbook, open_workbook
from .validate import (
    MAX_TEXT_CHARS,
    MAX_VALUE_CHARS,
    ImportResult,
    Problem,
    ValidRows,
    validate_sheet,
)

_WRITER = ("csv_safe", "export_rows", "write_csv", "write_xlsx")


def __getattr__(name: str) -> object:
    """The writers load xlsxwriter: imported on first use, so the reader process starts without it."""
    if name in _WRITER:
        from . import writer

        return getattr(writer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "AUTO",
    "MAX_TEXT_CHARS",
    "MAX_VALUE_CHARS",
    "REASON_COLUMN",
    "Cancelled",
    "ImportResult",
    "Layout",
    "Problem",
    "Sheet",
    "SheetError",
    "SheetInfo",
    "ValidRows",
    "Workbook",
    "csv_safe",
    "detect_layout",
    "export_problem_rows",
    "export_rows",
    "import_sheet",
    "import_with_layout",
    "inspect_file",
    "list_sheets",
    "open_workbook",
    "preview_rows",
    "resolve_column",
    "validate_sheet",
    "write_csv",
    "write_xlsx",
]
