"""Export the refused rows of an import to a workbook the user fixes and imports again.

The source file is read a second time (streaming) rather than keeping every refused row in memory:
the result only holds row numbers and reasons. The export keeps the sheet's columns where they
were (column B stays column B, so ``--mobile-column B`` still fits) and adds a ``问题`` column
with the reason; the import skips a column headed ``问题`` when it maps template variables.
Duplicates are left out by default: their number is already in the list once, so sending the
fixed file must not message it again.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from .cells import cell_text, column_letter
from .errors import SheetError
from .layout import REASON_COLUMN, Layout
from .progress import CancelArg, ProgressFn
from .reader import Workbook
from .validate import ImportResult
from .writer import export_rows


def problem_headers(lay: Layout, width: int) -> list[str]:
    """Header texts for the exported rows: the sheet's own, or names when it had no header row."""
    headers = list(lay.headers[:width]) + [""] * max(0, width - len(lay.headers))
    if lay.header_row is None:
        for i in range(width):
            headers[i] = f"{column_letter(i)}列"
        if lay.mobile_column is not None and lay.mobile_column < width:
            headers[lay.mobile_column] = "手机号"
        for j, c in enumerate(lay.variable_columns, 1):
            if c < width:
                headers[c] = f"变量{j}"
    return headers + [REASON_COLUMN]


def export_problem_rows(
    result: ImportResult,
    path: str | os.PathLike[str],
    *,
    include_duplicates: bool = False,
    on_progress: ProgressFn | None = None,
    cancel: CancelArg = None,
) -> Path:
    """Write the invalid rows of *result* (plus duplicates if asked) with a ``问题`` column to *path*.

    ``.xlsx`` or ``.csv`` by suffix. Returns the path written. Raises SheetError when there is
    nothing to export or the source file can no longer be read, Cancelled when cancelled.
    """
    reasons = problem_reasons(result, include_duplicates=include_duplicates)
    return write_problem_rows(result.path, result.layout, reasons, path, on_progress=on_progress, cancel=cancel)


def problem_reasons(result: ImportResult, *, include_duplicates: bool = False) -> dict[int, str]:
    """Row number → reason of the rows to export; SheetError when there are none."""
    reasons = {p.row: p.reason for p in result.iter_problems() if include_duplicates or p.kind == "invalid"}
    if not reasons:
        raise SheetError("没有需要导出的问题行。", code="no_problems", message_en="There are no problem rows to export.")
    return reasons


def write_problem_rows(
    source: Path,
    layout: Layout,
    reasons: dict[int, str],
    path: str | os.PathLike[str],
    *,
    on_progress: ProgressFn | None = None,
    cancel: CancelArg = None,
    limits: bool = False,
) -> Path:
    """Read *source* again (in this process) and write its rows named in *reasons* with a 问题 column."""
    last = max(reasons)
    with Workbook(source, limits=limits) as wb:
        sheet = wb.sheet(layout.sheet)
        pad = [""] * sheet.col_offset
        width = max(layout.width, sheet.width or 0)
        if sheet.width is None:  # CSV: the widest refused row decides
            for number, row in enumerate(sheet.rows(), 1):
                if number in reasons:
                    width = max(width, len(row) + sheet.col_offset)
                if number >= last:
                    break

        def rows() -> Iterator[list[str]]:
            for number, row in enumerate(sheet.rows(), 1):
                why = reasons.get(number)
                if why is not None:
                    texts = pad + [cell_text(v) for v in row]
                    texts += [""] * (width - len(texts))
                    yield [*texts, why]
                if number >= last:
                    return

        export_rows(
            path,
            problem_headers(layout, width),
            rows(),
            total=len(reasons),
            on_progress=on_progress,
            cancel=cancel,
            sheet_name="问题行",
        )
    return Path(path)
