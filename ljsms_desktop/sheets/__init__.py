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
"""

from .errors import Cancelled, SheetError
from .export import export_problem_rows
from .layout import AUTO, REASON_COLUMN, Layout, detect_layout, preview_rows, resolve_column
from .reader import Sheet, Workbook, list_sheets, open_workbook
from .validate import (
    MAX_TEXT_CHARS,
    MAX_VALUE_CHARS,
    ImportResult,
    Problem,
    ValidRows,
    import_sheet,
    validate_sheet,
)
from .writer import csv_safe, export_rows, write_csv, write_xlsx

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
    "ValidRows",
    "Workbook",
    "csv_safe",
    "detect_layout",
    "export_problem_rows",
    "export_rows",
    "import_sheet",
    "list_sheets",
    "open_workbook",
    "preview_rows",
    "resolve_column",
    "validate_sheet",
    "write_csv",
    "write_xlsx",
]
