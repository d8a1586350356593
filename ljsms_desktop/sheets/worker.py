"""The reader process: parses one untrusted spreadsheet and hands back plain data (``python -m`` this module).

Started by :mod:`.isolated` for every import, inspection and problem-row export, so that a file that
makes the parser abort (python-calamine's Rust panics end in signal 6), eat memory or hang takes
down this process only, never the window or a send in progress. It reads one request (a pickled dict)
from stdin, caps its own address space (:func:`.guard.limit_memory`), checks the file against the
limits of :mod:`.guard` before any parser sees it, and writes pickled messages to its stdout:

- ``("progress", rows_done, fraction)``;
- ``("layout", layout)``: the columns the rows are read with, before the first rows;
- ``("cols", batches)``: the chosen columns of the next rows, as :func:`.validate.encode_columns` makes
  them (per batch of 128 rows: ``(first_row, filled, encoded, repeats)``, one text per column, and
  the rows that repeat an earlier batch's number with its first row, from :class:`.validate.RepeatIndex`), sent every
  ``SEND_EVERY`` batches while the parse goes on; the parent validates them (duplicates, value
  checks, reasons) on its own core while this process reads and encodes the next ones;
- ``("done", payload)`` or ``("error", code, message, message_en)``.

Anything a library prints goes to stderr: file descriptor 1 is moved to 2 and the messages use a
private copy of the original stdout.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

SEND_EVERY = 64  # batches of 128 rows per "cols" message (8192 rows)
SEND_CHARS = 1 << 21  # ... or fewer, once their texts reach this many characters (long cells)
PROGRESS_SECONDS = 0.1

Send = Callable[[tuple[Any, ...]], None]


class _Prefetch:
    """Parse the requested sheet in a thread while the main thread imports the validation code.

    python-calamine parses without holding the GIL, so the ~0.1 s of imports at the reader's start
    overlap the parse instead of preceding it. Started only after the file passed :mod:`.guard`'s
    checks; the sheet is the one the import will pick (its exact name, or the first visible
    worksheet); anything else, or any failure, and Workbook simply reads it again itself.
    """

    def __init__(self, path: Path, sheet: object) -> None:
        self._path, self._sheet = path, sheet
        self._value: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="sheet-parse", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            import python_calamine as pc

            book = pc.CalamineWorkbook.from_path(str(self._path))
            meta = book.sheets_metadata
            names = [m.name for m in meta if m.typ == pc.SheetTypeEnum.WorkSheet] or list(book.sheet_names)
            hidden = {m.name for m in meta if m.visible != pc.SheetVisibleEnum.Visible}
            if self._sheet is None or self._sheet == "":
                name = next((n for n in names if n not in hidden), names[0] if names else None)
            else:
                name = self._sheet if isinstance(self._sheet, str) and self._sheet in names else None
            data = book.get_sheet_by_name(name) if name is not None else None
            self._value = (book, meta, name if data is not None else None, data)
        except BaseException as exc:  # noqa: BLE001 - handed to result()
            self._error = exc

    def result(self) -> tuple[Any, Any, str | None, Any]:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value


def _prefetch(req: dict[str, Any]) -> _Prefetch | None:
    """Check the file (limits first) and start parsing a workbook's sheet early; None for CSV."""
    from . import formats
    from .guard import check_file

    info = formats.detect(req["path"])
    if req.get("limits", True):
        check_file(info.path, info.kind, info.size)
    if info.kind == "csv":
        return None
    return _Prefetch(info.path, req.get("sheet"))


def _import_op(req: dict[str, Any], send: Send) -> dict[str, Any]:
    prefetch = _prefetch(req)
    from .layout import AUTO, detect_layout
    from .reader import Workbook
    from .validate import RepeatIndex, check_rows, layout_for

    from . import guard

    batches: list[tuple[Any, ...]] = []
    size = [0]

    index = RepeatIndex()

    def sink(first: int, enc: list[object], filled: list[int] | None, cells: Any) -> None:
        """Batches go to the parent, which validates them while this process reads on."""
        batches.append((first, filled, enc, index.repeats(first, enc, cells)))
        for d in enc[1::2]:
            size[0] += sum(map(len, d)) if d.__class__ is list else len(d)  # type: ignore[arg-type]
        if len(batches) >= SEND_EVERY or size[0] >= SEND_CHARS:
            flush()

    def flush() -> None:
        if batches:
            send(("cols", batches[:]))
            batches.clear()
            size[0] = 0

    last = [0.0]

    def progress(done: int, fraction: float) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_SECONDS:
            last[0] = now
            send(("progress", done, fraction))

    with Workbook(req["path"], limits=req.get("limits", True) and prefetch is None, prefetched=prefetch) as wb:
        data = wb.sheet(req.get("sheet"))
        if req["mode"] == "detect":
            layout = layout_for(data, header_row=req.get("header_row", AUTO), mobile_column=req.get("mobile_column"),
                                variable_columns=req.get("variable_columns"), template=req.get("template"))
        else:  # the window's mapping: its layout (when of this sheet) with the chosen columns
            layout = req.get("layout")
            if layout is None or layout.sheet != data.name:
                layout = detect_layout(data, header_row=AUTO)
            mobile, variables = req.get("mobile_column"), list(req.get("variable_columns") or ())
            need = max([layout.mobile_column or 0, mobile or 0, *variables], default=0) + 1
            headers = list(layout.headers) + [""] * max(0, need - len(layout.headers))
            layout = replace(layout, headers=headers, variable_columns=variables,
                             mobile_column=layout.mobile_column if mobile is None else mobile)
        send(("layout", layout))
        _, done = check_rows(data, layout, template=req.get("template"), max_value_chars=req["max_value_chars"],
                             max_text_chars=req["max_text_chars"], on_progress=progress, sink=sink,
                             max_rows=guard.MAX_DATA_ROWS)
        flush()
        return {
            "path": str(wb.path), "layout": layout, "done": done, "file_kind": wb.kind, "engine": wb.engine,
            "sheets": wb.sheet_names, "encoding": wb.dialect.encoding if wb.dialect else None,
            "delimiter": wb.dialect.delimiter if wb.dialect else None,
        }


def _inspect_op(req: dict[str, Any], send: Send) -> dict[str, Any]:
    from .errors import SheetError
    from .layout import AUTO, detect_layout, preview_rows
    from .reader import Workbook

    limit = req.get("preview", 30)
    with Workbook(req["path"], limits=req.get("limits", True)) as wb:
        out: dict[str, Any] = {"path": str(wb.path), "sheets": wb.sheet_names, "kind": wb.kind}
        if req.get("sheets_only"):
            return out
        name = wb.resolve_sheet(req.get("sheet"))
        data = wb.sheet(name)
        out.update(sheet=name, layout=None, rows_hint=None, preview=[], error="", error_en="")
        try:
            layout = detect_layout(data, header_row=AUTO, variables=None)
        except SheetError as e:
            out.update(error=e.message, error_en=e.message_en)
            return out
        variables = req.get("variables")
        if variables:
            layout.variable_columns = layout.other_columns[:variables]
        rows = data.total_rows
        if rows is not None and layout.header_row:
            rows = max(0, rows - layout.header_row)
        preview = layout.preview or preview_rows(data, limit)
        out.update(layout=layout, rows_hint=rows, preview=preview[:limit])
        return out


def _export_op(req: dict[str, Any], send: Send) -> dict[str, Any]:
    from .export import write_problem_rows

    def progress(done: int, fraction: float) -> None:
        send(("progress", done, fraction))

    written = write_problem_rows(Path(req["source"]), req["layout"], req["reasons"], req["out"],
                                 on_progress=progress, limits=req.get("limits", True))
    return {"path": str(written)}


OPS = {"import": _import_op, "inspect": _inspect_op, "export_problems": _export_op}


def serve(stdin: Any, channel: Any) -> int:
    """Read one request from *stdin*, run it, write the messages to *channel*. Returns the exit status."""

    def send(message: tuple[Any, ...]) -> None:
        pickle.dump(message, channel, protocol=pickle.HIGHEST_PROTOCOL)
        if message[0] != "cols":
            channel.flush()

    from .errors import SheetError

    req: dict[str, Any] = {}
    try:
        req = pickle.load(stdin)
        if req.get("memory_limit"):
            from .guard import limit_memory

            limit_memory(req["memory_limit"])
        result = OPS[req["op"]](req, send)
        send(("done", result))
    except SheetError as e:
        send(("error", e.code, e.message, e.message_en))
    except MemoryError:
        from .guard import MEMORY_LIMIT, _mb

        limit = req.get("memory_limit") or MEMORY_LIMIT
        send(("error", "too_large",
              f"无法读取：这个表格需要的内存超过了读取上限（{_mb(limit)}），为保护正在进行的发送已停止读取。"
              "请删除多余的空白行列和内容后另存为 .xlsx，或拆分成几个文件再导入。",
              f"Cannot read the file: it needs more memory than the reading limit ({_mb(limit)}); stopped to "
              "protect sends in progress. Delete unused rows, columns and content and save it again as .xlsx, "
              "or split it into several files."))
    except BaseException as e:  # noqa: BLE001 - the parent turns it into one clear refusal
        if isinstance(e, KeyboardInterrupt):
            return 130
        text = (str(e).strip().splitlines() or [type(e).__name__])[0][:200]
        send(("error", "reader_failed", f"无法读取文件（{type(e).__name__}：{text}）。",
              f"The file could not be read ({type(e).__name__}: {text})."))
    channel.flush()
    return 0


def _die_with_parent() -> None:
    """Linux: end this reader when the process that started it ends (a killed window must not leave a
    reader parsing a big file). Elsewhere a gone parent shows as a broken pipe at the next message."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent was already gone before the call
        os._exit(1)


def _widen_pipe(fd: int) -> None:
    """Linux: a 1 MiB pipe (default 64 KiB), so a message of 8,192 rows (~0.3 MB) is written without
    waiting for the parent to be scheduled on a busy machine."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import fcntl

        fcntl.fcntl(fd, 1031, 1 << 20)  # F_SETPIPE_SZ
    except OSError:
        pass  # not a pipe, or above /proc/sys/fs/pipe-max-size: the default works, a little slower


def main() -> None:
    _die_with_parent()
    _widen_pipe(1)
    channel = os.fdopen(os.dup(1), "wb", buffering=1 << 16)
    os.dup2(2, 1)  # stray prints from libraries go to stderr, not into the messages
    sys.stdout = sys.stderr
    try:
        status = serve(sys.stdin.buffer, channel)
        channel.close()
    except OSError:  # the parent went away (broken pipe): nobody to tell
        status = 1
    os._exit(status)  # no teardown: freeing a large parsed sheet only costs time


def run_if_worker(argv: Sequence[str] | None = None) -> None:
    """For a frozen (PyInstaller) build: call first thing in the entry point; serves and exits when
    started as the reader (``<app> --ljsms-sheet-worker``), returns otherwise."""
    from .isolated import WORKER_ARG

    args = sys.argv if argv is None else argv
    if len(args) > 1 and args[1] == WORKER_ARG:
        main()


if __name__ == "__main__":
    main()
