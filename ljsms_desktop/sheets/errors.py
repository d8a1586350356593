"""Errors of the spreadsheet layer, each with one clear Chinese message for the user."""

from __future__ import annotations


class SheetError(Exception):
    """A file cannot be read or written as asked. ``str(err)`` is the message to show the user.

    Never carries a traceback's worth of detail: the message says what is wrong with the file and
    what to do, e.g. ``文件不存在：D:/名单.xlsx``.
    """

    usage = True  # the CLI exits with status 2 (a file problem), like a usage error

    def __init__(self, message: str, *, code: str = "", message_en: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.code = code  # e.g. "too_large", "reader_crashed", "encoding_mixed" ("" for the older messages)
        self.message_en = message_en  # the same in English, when the raiser gave it

    def __reduce__(self):  # keep code and English across a process boundary
        return _rebuild, (self.message, self.code, self.message_en)

    @property
    def message_zh(self) -> str:
        """The same message under the name every layer's error handling looks for."""
        return self.message


def _rebuild(message: str, code: str, message_en: str) -> SheetError:
    return SheetError(message, code=code, message_en=message_en)


class Cancelled(Exception):
    """The user cancelled a running import or export (the cancel callable/Event said so)."""

    def __init__(self, message: str = "已取消") -> None:
        super().__init__(message)
