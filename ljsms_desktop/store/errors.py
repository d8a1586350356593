"""Errors of the local store, split the way qutebrowser's misc/sql.py splits them.

Problems of the environment (disk full, file locked by another program, damaged file, no
permission) become :class:`StoreError` with a Chinese message a user can act on. Anything else
sqlite3 raises (SQL syntax, a broken constraint) is a bug in this program and is left to propagate.
"""

from __future__ import annotations

import sqlite3

# Primary result codes (extended codes carry the primary one in the low byte).
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_NOMEM = 7
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_PROTOCOL = 15
_SQLITE_NOTADB = 26

_KNOWN: dict[int, tuple[str, str, str]] = {
    _SQLITE_FULL: ("disk_full", "磁盘空间已满，无法保存数据。请清理磁盘后重试。",
                   "The disk is full; free some space and try again."),
    _SQLITE_BUSY: ("locked", "数据文件正被另一个程序占用（可能另一个窗口或命令正在写入），请稍后重试。",
                   "The data file is busy (another window or command is writing); try again shortly."),
    _SQLITE_LOCKED: ("locked", "数据文件被锁定，请稍后重试。", "The data file is locked; try again shortly."),
    _SQLITE_PROTOCOL: ("locked", "数据文件被锁定，请稍后重试。", "The data file is locked; try again shortly."),
    _SQLITE_CORRUPT: ("corrupt", "数据文件已损坏，请从备份恢复或联系技术支持。",
                      "The data file is damaged; restore a backup or contact support."),
    _SQLITE_NOTADB: ("corrupt", "数据文件已损坏或不是本程序的数据文件。",
                     "The data file is damaged or is not this program's data file."),
    _SQLITE_READONLY: ("readonly", "数据文件是只读的，无法写入，请检查文件权限。",
                       "The data file is read-only; check its permissions."),
    _SQLITE_PERM: ("readonly", "没有权限访问数据文件，请检查文件权限。",
                   "No permission to access the data file; check its permissions."),
    _SQLITE_CANTOPEN: ("cantopen", "无法打开数据文件，请检查数据文件夹是否存在且可写。",
                       "Cannot open the data file; check that the data folder exists and is writable."),
    _SQLITE_IOERR: ("ioerror", "读写数据文件时出错（磁盘故障或空间不足），请检查磁盘。",
                    "Disk error while reading or writing the data file; check the disk."),
    _SQLITE_NOMEM: ("nomem", "内存不足，无法处理数据文件。", "Out of memory while using the data file."),
}


class StoreError(Exception):
    """An environmental problem with the data file, with a message for the user.

    ``kind`` is one of ``disk_full``, ``locked``, ``corrupt``, ``readonly``, ``cantopen``,
    ``ioerror``, ``nomem``, ``too_new`` or ``state`` (the data is not in the state an action needs),
    or from backups and restores (``store.backup``): ``damaged`` (an empty or truncated data file
    the program refuses to start afresh from), ``in_use`` (a restore while the file is open
    elsewhere), ``bad_backup`` (not a restorable file). ``params`` carry what the words need
    (``detail``, ``path``, ``backup`` …) so the window and the command line can word it themselves.
    """

    def __init__(self, kind: str, message_zh: str, message_en: str = "", **params):
        self.kind = kind
        self.message_zh = message_zh
        self.message_en = message_en
        self.params = params
        super().__init__(message_zh)

    def __str__(self) -> str:
        return f"{self.message_zh} ({self.message_en})" if self.message_en else self.message_zh


def translate(exc: sqlite3.Error) -> StoreError | None:
    """The :class:`StoreError` for *exc* when it is a known environmental error, else None (a bug)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    known = _KNOWN.get(code & 0xFF)
    if known is None:
        return None
    kind, zh, en = known
    return StoreError(kind, zh, en)
