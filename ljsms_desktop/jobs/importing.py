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
from dataclasses import replace
from pathlib import Path

from ..sheets import isolated
from ..sheets.errors import SheetError
from ..sheets.layout import Layout
from ..sheets.validate import ImportResult
from .task import Task, TaskContext

PREVIEW = 30


class ImportFailed(Exception):
    """A file could not be read/written as asked; carries the sheet layer's Chinese message."""

    def __init__(self, message_zh: str, message_en: str = "The file could not be used."):
        self.message_zh = message_zh
        self.message_en = message_en
        super().__init__(message_en)


def _failed(e: SheetError) -> ImportFailed:
    return ImportFailed(e.message, e.message_en) if e.message_en else ImportFailed(e.message)


# What the window needs to let the user pick a sheet and map columns: the reader's first look at a file.
FileInfo = isolated.SheetInfo


def inspect_file(path: str | os.PathLike[str], sheet: str | None = None, variables: int | None = None) -> FileInfo:
    """Open *path*, list its sheets, detect the layout of *sheet* (default: the first visible one).
    The file is read in a separate reader process (``sheets.isolated``): a hostile file is refused there."""
    try:
        info = isolated.inspect_file(path, sheet, variables, preview=PREVIEW)
    except SheetError as e:
        raise _failed(e) from None
    return replace(info, preview=info.preview[:PREVIEW])


def import_file(ctx: TaskContext | None, path: str | os.PathLike[str], *, sheet: str | None, layout: Layout | None,
                mobile_column: int | None = None, variable_columns: Sequence[int] = (),
                template: str | None = None) -> ImportResult:
    """Validate every row of *sheet* with the chosen columns; progress and cancel through *ctx*.
    Read and validated in a separate reader process (``sheets.isolated.import_with_layout``)."""
    def progress(done: int, fraction: float) -> None:
        if ctx is not None:
            ctx.progress(done=done, fraction=fraction)

    try:
        # The layout is pickled to the reader: the window keeps reading the one it passed in.
        return isolated.import_with_layout(path, sheet=sheet, layout=layout, mobile_column=mobile_column,
                                           variable_columns=variable_columns, template=template,
                                           on_progress=progress,
                                           cancel=ctx.cancel_event if ctx is not None else None)
    except SheetError as e:
        raise _failed(e) from None


def export_problems(ctx: TaskContext | None, result: ImportResult, out: str | os.PathLike[str]) -> Path:
    """Write the refused rows of *result* (with their reasons) to *out*, for the user to fix."""

    def progress(done: int, fraction: float) -> None:
        if ctx is not None:
            ctx.progress(done=done, fraction=fraction)

    try:
        written = isolated.export_problem_rows(result, out, on_progress=progress,
                                               cancel=ctx.cancel_event if ctx is not None else None)
    except SheetError as e:
        raise _failed(e) from None
    return Path(written) if written is not None else Path(out)


# -- starting them on the window's task manager --------------------------------------------------
def start_export_problems(tasks, result: ImportResult, out, *, on_success=None, on_error=None,
                          on_progress=None, on_cancel=None) -> Task:
    return tasks.run("export-problems", lambda ctx: export_problems(ctx, result, out), on_success=on_success,
                     on_error=on_error, on_progress=on_progress, on_cancel=on_cancel)
