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

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

# Lazy (PEP 562, see ljsms_desktop/_lazy.py): a name's submodule is imported when the name is first used.
_EXPORTS = {
    "Cancelled": "errors",
    "SheetError": "errors",
    "SheetInfo": "isolated",
    "export_problem_rows": "isolated",
    "import_sheet": "isolated",
    "import_with_layout": "isolated",
    "inspect_file": "isolated",
    "list_sheets": "isolated",
    "AUTO": "layout",
    "REASON_COLUMN": "layout",
    "Layout": "layout",
    "detect_layout": "layout",
    "preview_rows": "layout",
    "resolve_column": "layout",
    "Sheet": "reader",
    "Workbook": "reader",
    "open_workbook": "reader",
    "MAX_TEXT_CHARS": "validate",
    "MAX_VALUE_CHARS": "validate",
    "ImportResult": "validate",
    "Problem": "validate",
    "ValidRows": "validate",
    "validate_sheet": "validate",
    # The writers load xlsxwriter: imported on first use, so the reader process starts without it.
    "csv_safe": "writer",
    "export_rows": "writer",
    "write_csv": "writer",
    "write_xlsx": "writer",
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # what the names are, for type checkers and readers
    from .errors import Cancelled, SheetError
    from .isolated import SheetInfo, export_problem_rows, import_sheet, import_with_layout, inspect_file, list_sheets
    from .layout import AUTO, REASON_COLUMN, Layout, detect_layout, preview_rows, resolve_column
    from .reader import Sheet, Workbook, open_workbook
    from .validate import MAX_TEXT_CHARS, MAX_VALUE_CHARS, ImportResult, Problem, ValidRows, validate_sheet
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
