"""Spreadsheet work off the GUI thread: look at a file, import it (validated, with progress and
cancel), export its problem rows. Thin wrappers over ``ljsms_desktop.sheets``; no logic of their own
beyond turning the sheet layer's errors into words the window shows (``TaskError.message_zh``).

The functions run inside a Task (the tabs start them with ``ctx.tasks.run``, often together with
planning in the same worker); ``start_export_problems`` is the one-call form for exports. Results
are plain data: a :class:`FileInfo`, a ``sheets.validate.ImportResult`` or the written path.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..sheets.errors import SheetError
from ..sheets.layout import AUTO, Layout, detect_layout, preview_rows
from ..sheets.reader import Workbook
from ..sheets.validate import ImportResult, validate_sheet
from .task import Task, TaskContext

PREVIEW = 30


class ImportFailed(Exception):
    """A file could not be read/written as asked; carries the sheet layer's Chinese message."""

    def __init__(self, message_zh: str, message_en: str = "The file could not be used."):
        self.message_zh = message_zh
        self.message_en = message_en
        super().__init__(message_en)


@dataclass
class FileInfo:
    """What the window needs to let the user pick a sheet and map columns."""

    path: Path
    sheets: list[str]
    sheet: str
    layout: Layout | None
    rows_hint: int | None                       # data rows, when the format knows it
    preview: list[tuple[int, list[str]]] = field(default_factory=list)
    error: str = ""                             # the chosen sheet could not be laid out (e.g. empty)


def inspect_file(path: str | os.PathLike[str], sheet: str | None = None, variables: int | None = None) -> FileInfo:
    """Open *path*, list its sheets, detect the layout of *sheet* (default: the first visible one)."""
    try:
        with Workbook(path) as wb:
            name = wb.resolve_sheet(sheet)
            data = wb.sheet(name)
            try:
                layout = detect_layout(data, header_row=AUTO, variables=None)
            except SheetError as e:
                return FileInfo(wb.path, wb.sheet_names, name, None, None, [], e.message)
            if variables:
                # Take the first columns after the mobile one as the variables (the user may remap).
                layout.variable_columns = layout.other_columns[:variables]
            rows = data.total_rows
            if rows is not None and layout.header_row:
                rows = max(0, rows - layout.header_row)
            preview = layout.preview or preview_rows(data, PREVIEW)
            return FileInfo(wb.path, wb.sheet_names, name, layout, rows, preview[:PREVIEW])
    except SheetError as e:
        raise ImportFailed(e.message) from None


def import_file(ctx: TaskContext | None, path: str | os.PathLike[str], *, sheet: str | None, layout: Layout | None,
                mobile_column: int | None = None, variable_columns: Sequence[int] = (),
                template: str | None = None) -> ImportResult:
    """Validate every row of *sheet* with the chosen columns; progress and cancel through *ctx*."""
    def progress(done: int, fraction: float) -> None:
        if ctx is not None:
            ctx.progress(done=done, fraction=fraction)

    try:
        with Workbook(path) as wb:
            data = wb.sheet(sheet)
            if layout is None or layout.sheet != data.name:
                layout = detect_layout(data, header_row=AUTO)
            # A copy: the window keeps reading the layout it passed in while this runs.
            need = max([layout.mobile_column or 0, mobile_column or 0, *variable_columns], default=0) + 1
            headers = list(layout.headers) + [""] * max(0, need - len(layout.headers))
            layout = replace(layout, headers=headers, variable_columns=list(variable_columns),
                             mobile_column=layout.mobile_column if mobile_column is None else mobile_column)
            result = validate_sheet(data, layout, template=template, on_progress=progress,
                                    cancel=ctx.cancel_event if ctx is not None else None, path=wb.path)
            result.file_kind = wb.kind
            result.engine = wb.engine
            result.sheets = wb.sheet_names
            return result
    except SheetError as e:
        raise ImportFailed(e.message) from None


def export_problems(ctx: TaskContext | None, result: ImportResult, out: str | os.PathLike[str]) -> Path:
    """Write the refused rows of *result* (with their reasons) to *out*, for the user to fix."""
    from ..sheets import export as sheets_export  # the sheet layer's writer

    def progress(done: int, fraction: float) -> None:
        if ctx is not None:
            ctx.progress(done=done, fraction=fraction)

    try:
        written = sheets_export.export_problem_rows(result, out, on_progress=progress,
                                                    cancel=ctx.cancel_event if ctx is not None else None)
    except SheetError as e:
        raise ImportFailed(e.message) from None
    return Path(written) if written is not None else Path(out)


# -- starting them on the window's task manager --------------------------------------------------
def start_export_problems(tasks, result: ImportResult, out, *, on_success=None, on_error=None,
                          on_progress=None, on_cancel=None) -> Task:
    return tasks.run("export-problems", lambda ctx: export_problems(ctx, result, out), on_success=on_success,
                     on_error=on_error, on_progress=on_progress, on_cancel=on_cancel)
