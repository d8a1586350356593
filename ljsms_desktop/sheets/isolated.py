"""Read untrusted spreadsheets in a separate reader process (:mod:`.worker`), bounded in memory.

A workbook from outside can make the parser abort the whole process (python-calamine panicked with
signal 6 on one cell at A1 and one at XFD1048576) or take gigabytes (a padded 4 MB .xlsx: 4.1 GB).
In the window that process is the one sending. So every import, inspection and problem-row export
reads the file in a child process: ``[sys.executable, "-m", "ljsms_desktop.sheets.worker"]`` (a
frozen build runs ``[sys.executable, "--ljsms-sheet-worker"]`` and calls
:func:`.worker.run_if_worker` first thing; ``LJSMS_SHEET_WORKER`` may name another command). No
fork: the window has threads, and Windows has none. The child checks the file against the limits of
:mod:`.guard` before parsing and caps its own address space; whatever happens to it (a refusal, a
MemoryError, an abort, a kill) becomes a :class:`SheetError` here with a code and words in both
languages. Cancelling kills the child.

The child only parses, reads the chosen columns and encodes them as texts (one per column per batch
of 128 rows, 64 batches to a message, :func:`.validate.encode_columns`), and says which rows repeat an
earlier row's number (:class:`.validate.RepeatIndex`); the validation runs here, on the second core,
while the child reads on (:func:`.validate.texts_run`). The child's parse is the longer part, so this
side keeps up; a bounded inbox makes the child wait when it does not. Messages are unpickled with
only the classes they need (see ``_Unpickler``).
"""

from __future__ import annotations

import os
import pickle
import queue
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Cancelled, SheetError
from .guard import MAX_DATA_ROWS, MEMORY_LIMIT
from .layout import AUTO, Layout
from .progress import CancelArg, ProgressFn, cancel_check
from .validate import MAX_TEXT_CHARS, MAX_VALUE_CHARS, ImportResult, build_result, texts_run

INBOX_MESSAGES = 8  # messages read ahead of the validation here (each at most ~8,192 rows / 2M characters)
WORKER_ARG = "--ljsms-sheet-worker"  # argv[1] of a frozen build's reader process (see worker.run_if_worker)

_PACKAGE_PARENT = str(Path(__file__).resolve().parent.parent.parent)
_ALLOWED = {
    ("array", "_array_reconstructor"),
    ("array", "array"),
    ("builtins", "range"),
    ("ljsms_desktop.sheets.layout", "Layout"),
}


class _Unpickler(pickle.Unpickler):
    """Plain data only: the child parses hostile files, so its messages get no say in what is built here."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"unexpected {module}.{name}")


def worker_command() -> list[str]:
    """The command that starts a reader process."""
    override = os.environ.get("LJSMS_SHEET_WORKER")
    if override:
        return shlex.split(override, posix=os.name != "nt")
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_ARG]
    return [sys.executable, "-m", "ljsms_desktop.sheets.worker"]


def _crashed(path: Path, status: int, detail: str) -> SheetError:
    if status < 0:
        how, how_en = f"被信号 {-status} 终止", f"killed by signal {-status}"
    else:
        how, how_en = f"退出码 {status}", f"exit status {status}"
    tail = f"：{detail}" if detail else ""
    return SheetError(
        f"无法读取：读取 {path.name} 时读取程序意外终止（{how}{tail}）。文件可能过大、结构异常或已损坏；"
        "程序本身和正在进行的发送不受影响。请在 Excel/WPS 中打开它，删除多余的内容后另存为 .xlsx 再导入。",
        code="reader_crashed",
        message_en=f"Cannot read {path.name}: the reader stopped unexpectedly ({how_en}{': ' + detail if detail else ''}). "
        "The file may be too large, malformed or damaged; the program and any send in progress are not affected. "
        "Open it in Excel/WPS, delete unused content and save it again as .xlsx.",
    )


def _panic_line(stderr_tail: str) -> str:
    for line in stderr_tail.splitlines():
        if "panicked" in line or "memory allocation" in line or "MemoryError" in line:
            return line.strip()[:160]
    return ""


def run(request: dict[str, Any], *, on_message: Callable[[tuple[Any, ...]], None] | None = None,
        cancel: CancelArg = None, memory_limit: int | None = -1) -> dict[str, Any]:
    """Run *request* in a reader process; messages other than the last go to *on_message*.
    Returns the ``done`` payload; raises SheetError (or Cancelled). *memory_limit*: the reader's
    address space in bytes (default ``guard.MEMORY_LIMIT``; None: no cap). ``request["limits"] = False``
    skips the file checks of :mod:`.guard` (tests of what the process isolation alone does)."""
    if memory_limit == -1:
        memory_limit = MEMORY_LIMIT
    path = Path(request.get("path") or request.get("source") or "")
    check = cancel_check(cancel)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (_PACKAGE_PARENT, env.get("PYTHONPATH", "")) if p)
    env.setdefault("PYTHONIOENCODING", "utf-8")
    errors = tempfile.TemporaryFile()
    try:
        proc = subprocess.Popen(
            worker_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors, env=env,
            close_fds=True, creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except OSError as exc:
        errors.close()
        raise SheetError(f"无法启动表格读取程序：{exc}", code="reader_failed",
                         message_en=f"The spreadsheet reader could not be started: {exc}") from None
    # Bounded: when this side validates more slowly than the reader reads, the reader waits (its pipe
    # fills) instead of the messages piling up here.
    inbox: queue.Queue[tuple[Any, ...] | None] = queue.Queue(maxsize=INBOX_MESSAGES)
    stopped = threading.Event()

    def put(message: tuple[Any, ...] | None) -> bool:
        while not stopped.is_set():
            try:
                inbox.put(message, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def read() -> None:
        try:
            while True:  # one unpickler per message: each was pickled with a fresh memo
                message = _Unpickler(proc.stdout).load()  # type: ignore[arg-type]
                if not put(message) or message[0] in ("done", "error"):
                    return
        except EOFError:
            put(None)
        except Exception as exc:  # noqa: BLE001 - a broken stream: stop the reader, say what
            put(("error", "reader_failed", f"表格读取程序的回复无法识别（{type(exc).__name__}）。",
                 f"The spreadsheet reader's answer could not be understood ({type(exc).__name__})."))

    reader = threading.Thread(target=read, name="sheet-reader-pipe", daemon=True)
    finished = False
    try:
        try:
            proc.stdin.write(pickle.dumps({**request, "memory_limit": memory_limit}))  # type: ignore[union-attr]
            proc.stdin.close()  # type: ignore[union-attr]
        except OSError:
            pass  # it died at once: reported below from its exit status
        reader.start()
        while True:
            try:
                message = inbox.get(timeout=0.05)
            except queue.Empty:
                if check is not None and check():
                    raise Cancelled() from None
                continue
            if message is None:  # its output ended without an answer: it died
                try:
                    status = proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    status = proc.wait()
                errors.seek(0, os.SEEK_END)
                errors.seek(max(0, errors.tell() - 4096))
                tail = errors.read().decode("utf-8", "replace")
                raise _crashed(path, status, _panic_line(tail))
            kind = message[0]
            if kind == "done":
                finished = True
                return message[1]
            if kind == "error":
                raise SheetError(message[2], code=message[1], message_en=message[3])
            if on_message is not None:
                on_message(message)
            if check is not None and check():
                raise Cancelled()
    finally:
        stopped.set()
        if finished:  # it exits at once after its last message
            try:
                proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                pass
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for stream in (proc.stdout, proc.stdin):
            try:
                stream.close()  # type: ignore[union-attr]
            except (OSError, ValueError):
                pass
        errors.close()


# -- the public operations --------------------------------------------------------------------------


def _import(request: dict[str, Any], template: str | None, on_progress: ProgressFn | None,
            cancel: CancelArg) -> ImportResult:
    started = time.perf_counter()
    state: dict[str, Any] = {}

    def on_message(message: tuple[Any, ...]) -> None:
        kind = message[0]
        if kind == "cols":  # validated here, on this core, while the reader reads the next rows
            check = state["run"].check
            try:
                for first, filled, enc, repeats in message[1]:
                    if first != state.setdefault("next", first) or not 0 < first <= state["last"]:
                        raise ValueError(first)  # batches come in order, row after row
                    state["next"] = first + check(None, enc, first, filled, repeats)
            except (TypeError, ValueError, IndexError, KeyError, AttributeError) as exc:
                raise SheetError(f"表格读取程序的回复无法识别（{type(exc).__name__}）。", code="reader_failed",
                                 message_en="The spreadsheet reader's answer could not be understood "
                                 f"({type(exc).__name__}).") from None
        elif kind == "layout":
            layout = message[1]
            if not isinstance(layout, Layout):
                raise SheetError("表格读取程序的回复无法识别。", code="reader_failed",
                                 message_en="The spreadsheet reader's answer could not be understood.")
            state["run"] = texts_run(layout, template, request["max_value_chars"], request["max_text_chars"])
            state["last"] = (layout.header_row or 0) + 1 + MAX_DATA_ROWS  # the reader refuses more rows
        elif kind == "progress" and on_progress is not None:
            on_progress(message[1], message[2])

    done = run(request, on_message=on_message, cancel=cancel)
    layout: Layout = done["layout"]
    checked = state.get("run") or texts_run(layout, template, request["max_value_chars"], request["max_text_chars"])
    result = build_result(Path(done["path"]), layout, template, checked.valid, checked, started=started,
                          on_progress=on_progress, done=done["done"], found=checked.firsts)
    result.file_kind, result.engine, result.sheets = done["file_kind"], done["engine"], done["sheets"]
    result.encoding, result.delimiter = done["encoding"], done["delimiter"]
    return result


def import_sheet(
    path: str | os.PathLike[str],
    *,
    sheet: str | int | None = None,
    header_row: int | None | str = AUTO,
    mobile_column: str | int | None = None,
    variable_columns: Sequence[str | int] | None = None,
    template: str | None = None,
    max_value_chars: int = MAX_VALUE_CHARS,
    max_text_chars: int = MAX_TEXT_CHARS,
    on_progress: ProgressFn | None = None,
    cancel: CancelArg = None,
) -> ImportResult:
    """Open *path* in a reader process, detect (or take) the layout and validate every row.

    The same arguments and result as :func:`.validate.import_sheet` (which works in this process).
    Raises SheetError (a clear message; ``code`` ``too_large``/``reader_crashed``/... for files
    refused or fatal to the reader) or Cancelled.
    """
    request = {"op": "import", "mode": "detect", "path": os.fspath(path), "sheet": sheet, "header_row": header_row,
               "mobile_column": mobile_column,
               "variable_columns": list(variable_columns) if variable_columns is not None else None,
               "template": template,
               "max_value_chars": max_value_chars, "max_text_chars": max_text_chars}
    return _import(request, template, on_progress, cancel)


def import_with_layout(
    path: str | os.PathLike[str],
    *,
    sheet: str | None,
    layout: Layout | None,
    mobile_column: int | None = None,
    variable_columns: Sequence[int] = (),
    template: str | None = None,
    on_progress: ProgressFn | None = None,
    cancel: CancelArg = None,
) -> ImportResult:
    """Validate every row of *sheet* with the columns the user mapped (the window's import), in a
    reader process. *layout* is the inspected layout (re-detected when None or of another sheet);
    *mobile_column* (None: the layout's) and *variable_columns* are absolute 0-based columns."""
    request = {"op": "import", "mode": "layout", "path": os.fspath(path), "sheet": sheet, "layout": layout,
               "mobile_column": mobile_column, "variable_columns": list(variable_columns), "template": template,
               "max_value_chars": MAX_VALUE_CHARS, "max_text_chars": MAX_TEXT_CHARS}
    return _import(request, template, on_progress, cancel)


@dataclass
class SheetInfo:
    """A first look at a file: its sheets, the chosen sheet's layout and first rows."""

    path: Path
    sheets: list[str]
    sheet: str
    layout: Layout | None
    rows_hint: int | None  # data rows, when the format knows it
    preview: list[tuple[int, list[str]]] = field(default_factory=list)
    error: str = ""  # the chosen sheet could not be laid out (e.g. empty)
    error_en: str = ""


def inspect_file(path: str | os.PathLike[str], sheet: str | None = None, variables: int | None = None,
                 *, preview: int = 30, cancel: CancelArg = None) -> SheetInfo:
    """Sheets, layout of *sheet* (default: the first visible one) and its first rows, read in a reader
    process. *variables*: take that many columns after the mobile one as template variables."""
    done = run({"op": "inspect", "path": os.fspath(path), "sheet": sheet, "variables": variables,
                "preview": preview}, cancel=cancel)
    return SheetInfo(Path(done["path"]), done["sheets"], done["sheet"], done["layout"], done["rows_hint"],
                     done["preview"], done["error"], done["error_en"])


def list_sheets(path: str | os.PathLike[str]) -> list[str]:
    """The worksheet names of *path* (CSV: one name, the file's stem), read in a reader process."""
    return run({"op": "inspect", "path": os.fspath(path), "sheets_only": True})["sheets"]


def export_problem_rows(
    result: ImportResult,
    path: str | os.PathLike[str],
    *,
    include_duplicates: bool = False,
    on_progress: ProgressFn | None = None,
    cancel: CancelArg = None,
) -> Path:
    """Write the refused rows of *result* with a 问题 column to *path* (.xlsx or .csv); the source file
    is read again in a reader process. Raises SheetError when there is nothing to export."""
    from .export import problem_reasons

    reasons = problem_reasons(result, include_duplicates=include_duplicates)

    def on_message(message: tuple[Any, ...]) -> None:
        if message[0] == "progress" and on_progress is not None:
            on_progress(message[1], message[2])

    done = run({"op": "export_problems", "source": os.fspath(result.path), "layout": result.layout,
                "reasons": reasons, "out": os.fspath(path)}, on_message=on_message, cancel=cancel)
    return Path(done["path"])
