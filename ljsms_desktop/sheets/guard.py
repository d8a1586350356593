"""Limits for reading an untrusted file, checked before any parser sees it (run in the reader process).

Spreadsheets come from outside: a 4 MB .xlsx whose sheet XML was padded to gigabytes took an import
to 4.1 GB of memory, and one cell at A1 plus one at XFD1048576 made python-calamine allocate the
whole 17-billion-cell rectangle and abort the process (a Rust panic, signal 6). So, before parsing:

- a zip workbook (.xlsx/.xlsm/.ods) may hold at most ``MAX_UNCOMPRESSED`` (1 GiB) of parts, and no
  part above 32 MiB may be compressed more than ``MAX_RATIO`` (200:1: real sheets are 5-30:1, a padded
  one thousands); the sizes come from the zip's directory, which a hostile file may understate, so:
- a worksheet may span at most ``MAX_CELLS`` (30 million) cells, from its ``<dimension>`` element, or
  for a worksheet part without one (up to 64 MiB) from its cell references;
- other files (.xls, CSV/TXT) at most ``MAX_FILE_BYTES`` (1 GiB) on disk;
- the reading process itself may use at most ``MEMORY_LIMIT`` (4 GiB of address space, POSIX
  ``RLIMIT_AS``; of committed memory on Windows, through a job object), so whatever slips past the
  checks ends in a refused allocation in that process
  (a MemoryError, or the abort of the reader, never of the window);
- an import keeps at most ``MAX_DATA_ROWS`` (5 million) data rows.

Each refusal is a :class:`SheetError` with code ``too_large`` and the limit in words.
"""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

from .cells import letter_index
from .errors import SheetError

MAX_UNCOMPRESSED = 1 << 30
MAX_RATIO = 200
RATIO_FROM = 32 << 20
MAX_CELLS = 30_000_000
SCAN_UNDIMENSIONED = 64 << 20
MAX_FILE_BYTES = 1 << 30
MEMORY_LIMIT = 4 << 30
MAX_DATA_ROWS = 5_000_000

_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?\"")
_CELL_REF = re.compile(rb"<(?:\w+:)?c\b[^>]*?\br=\"([A-Z]{1,3})(\d{1,7})\"")
_ROW_REF = re.compile(rb"<(?:\w+:)?row\b[^>]*?\br=\"(\d{1,7})\"")


def too_large(name: str, zh: str, en: str) -> SheetError:
    return SheetError(
        f"无法读取：{name} {zh}，超出了本程序读取表格的上限，为保护正在进行的发送已拒绝读取。"
        "如确是名单，请删除多余的空白行列和内容后另存为 .xlsx，或拆分成几个文件再导入。",
        code="too_large",
        message_en=f"Cannot read {name}: {en}, beyond what this program reads; refused to protect sends in progress. "
        "If it really is a list, delete unused rows, columns and content and save it again as .xlsx, "
        "or split it into several files.",
    )


def _mb(size: int) -> str:
    return f"{size / (1 << 20):,.0f} MB" if size >= 1 << 20 else f"{size / 1024:,.0f} KB"


def check_file(path: Path, kind: str, size: int) -> None:
    """Refuse *path* (of *kind*, *size* bytes on disk) when reading it could need unbounded memory."""
    if kind in ("xlsx", "ods"):
        _check_zip(path)
    elif size > MAX_FILE_BYTES:
        raise too_large(path.name, f"有 {_mb(size)}（上限 {_mb(MAX_FILE_BYTES)}）",
                        f"it is {_mb(size)} (at most {_mb(MAX_FILE_BYTES)})")


def _check_zip(path: Path) -> None:
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            total = sum(i.file_size for i in infos)
            if total > MAX_UNCOMPRESSED:
                raise too_large(name, f"解压后有 {_mb(total)}（上限 {_mb(MAX_UNCOMPRESSED)}）",
                                f"it unpacks to {_mb(total)} (at most {_mb(MAX_UNCOMPRESSED)})")
            for info in infos:
                if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(1, info.compress_size):
                    raise too_large(
                        name,
                        f"中的 {info.filename} 由 {_mb(info.compress_size)} 解压成 {_mb(info.file_size)}"
                        f"（压缩比超过 {MAX_RATIO}:1，像是被填充的文件）",
                        f"its part {info.filename} unpacks from {_mb(info.compress_size)} to {_mb(info.file_size)} "
                        f"(more than {MAX_RATIO}:1: a padded file)")
            for info in infos:
                part = info.filename
                if part.startswith("xl/worksheets/") and part.endswith(".xml"):
                    _check_area(zf, info, name)
    except SheetError:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError, NotImplementedError):
        return  # the reader reports a corrupt file in its own words


def _check_area(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """Refuse a worksheet whose cells span more than MAX_CELLS (from <dimension>, or its cells)."""
    with zf.open(info) as fh:
        head = fh.read(64 * 1024)
        m = _DIMENSION.search(head)
        if m:
            first, last = (m.group(1), m.group(2)), (m.group(3) or m.group(1), m.group(4) or m.group(2))
            rows = (int(last[1]) - int(first[1]) + 1, int(first[1]), int(last[1]))
            cols = (letter_index(last[0].decode()) or 0) - (letter_index(first[0].decode()) or 0) + 1
        elif info.file_size <= SCAN_UNDIMENSIONED:
            data = head + fh.read()
            row_numbers = [int(r) for r in _ROW_REF.findall(data)]
            refs = _CELL_REF.findall(data)
            numbers = row_numbers + [int(r) for _c, r in refs]
            if not numbers:
                return
            columns = [letter_index(c.decode()) or 0 for c, _r in refs] or [0]
            low, high = min(numbers), max(numbers)
            rows = (high - low + 1, low, high)
            cols = max(columns) - min(columns) + 1
        else:
            return  # a big part without a dimension: the memory limit of the reading process guards it
    cells = max(1, rows[0]) * max(1, cols)
    if cells > MAX_CELLS:
        sheet = info.filename.rsplit("/", 1)[-1]
        raise too_large(
            name,
            f"的工作表（{sheet}）的内容从第 {rows[1]} 行延伸到第 {rows[2]} 行、跨 {cols:,} 列，"
            f"共 {cells:,} 个单元格（上限 {MAX_CELLS:,}）",
            f"a worksheet ({sheet}) spans rows {rows[1]} to {rows[2]} and {cols} columns: {cells:,} cells "
            f"(at most {MAX_CELLS:,})")


def limit_memory(limit: int = MEMORY_LIMIT) -> bool:
    """Cap this process's memory at *limit* bytes: its address space on POSIX, its committed memory
    through a job object on Windows. False where that is not possible (the checks above still apply,
    and the reader is still its own process)."""
    if sys.platform == "win32":
        return _limit_memory_windows(limit)
    try:
        import resource
    except ImportError:
        return False
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        return False
    return True


def _limit_memory_windows(limit: int) -> bool:
    """Put this process in a new job object with JOB_OBJECT_LIMIT_PROCESS_MEMORY (Windows 8+ allows
    nested jobs). Any failure leaves the process uncapped and says False. Not exercised by the tests
    (they run on Linux)."""
    try:
        import ctypes
        from ctypes import wintypes

        class IoCounters(ctypes.Structure):
            _fields_ = [(name, ctypes.c_ulonglong) for name in (
                "ReadOperationCount", "WriteOperationCount", "OtherOperationCount",
                "ReadTransferCount", "WriteTransferCount", "OtherTransferCount")]

        class BasicLimits(ctypes.Structure):
            _fields_ = [("PerProcessUserTimeLimit", ctypes.c_int64), ("PerJobUserTimeLimit", ctypes.c_int64),
                        ("LimitFlags", wintypes.DWORD), ("MinimumWorkingSetSize", ctypes.c_size_t),
                        ("MaximumWorkingSetSize", ctypes.c_size_t), ("ActiveProcessLimit", wintypes.DWORD),
                        ("Affinity", ctypes.c_size_t), ("PriorityClass", wintypes.DWORD),
                        ("SchedulingClass", wintypes.DWORD)]

        class ExtendedLimits(ctypes.Structure):
            _fields_ = [("BasicLimitInformation", BasicLimits), ("IoInfo", IoCounters),
                        ("ProcessMemoryLimit", ctypes.c_size_t), ("JobMemoryLimit", ctypes.c_size_t),
                        ("PeakProcessMemoryUsed", ctypes.c_size_t), ("PeakJobMemoryUsed", ctypes.c_size_t)]

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel32.CreateJobObjectW.restype = wintypes.HANDLE
        kernel32.CreateJobObjectW.argtypes = [ctypes.c_void_p, wintypes.LPCWSTR]
        kernel32.SetInformationJobObject.restype = wintypes.BOOL
        kernel32.SetInformationJobObject.argtypes = [wintypes.HANDLE, ctypes.c_int, ctypes.c_void_p, wintypes.DWORD]
        kernel32.GetCurrentProcess.restype = wintypes.HANDLE
        kernel32.AssignProcessToJobObject.restype = wintypes.BOOL
        kernel32.AssignProcessToJobObject.argtypes = [wintypes.HANDLE, wintypes.HANDLE]
        job = kernel32.CreateJobObjectW(None, None)
        if not job:
            return False
        info = ExtendedLimits()
        info.BasicLimitInformation.LimitFlags = 0x00000100  # JOB_OBJECT_LIMIT_PROCESS_MEMORY
        info.ProcessMemoryLimit = limit
        if not kernel32.SetInformationJobObject(job, 9, ctypes.byref(info), ctypes.sizeof(info)):  # Extended
            return False
        return bool(kernel32.AssignProcessToJobObject(job, kernel32.GetCurrentProcess()))
    except Exception:  # noqa: BLE001 - no cap rather than no reader
        return False
