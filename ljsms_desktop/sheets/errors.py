"""Errors of the spreadsheet layer, each with one clear Chinese message for the user."""

from __future__ import annotations


class SheetError(Exception):
    """A file cannot be read or written as asked. ``str(err)`` is the message to show the user.

    Never carries a traceback's worth of detail: the message says what is wrong with the file and
    what to do, e.g. ``文件不存在：D:/名单.xlsx``.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Cancelled(Exception):
    """The user cancelled a running import or export (the cancel callable/Event said so)."""

    def __init__(self, message: str = "已取消") -> None:
        super().__init__(message)
