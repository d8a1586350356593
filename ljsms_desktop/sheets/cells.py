"""Cell values as a person sees them in the spreadsheet, and column letters.

python-calamine hands back ``int``/``float``/``str``/``bool``/``date``/``datetime``/``time``/
``timedelta`` (formulas already replaced by their cached value; empty cells as ``""``). The number
formats themselves are not available, so the text follows Excel's "General" look: integers without
``.0``, other floats with at most 15 significant digits (as Excel keeps them), dates as ``2026-11-25``,
date-times as ``2026-11-25 14:30`` (seconds only when not zero).
"""

from __future__ import annotations

import datetime as _dt
import re

_LETTERS = re.compile(r"^[A-Za-z]{1,3}$")


def cell_text(value: object) -> str:
    """*value* (one cell) as the text a person reads in it, stripped of surrounding spaces."""
    if value is None:
        return ""
    cls = value.__class__
    if cls is str:
        return value.strip()  # type: ignore[union-attr]
    if cls is bool:
        return "TRUE" if value else "FALSE"
    if cls is int:
        return str(value)
    if cls is float:
        return float_text(value)  # type: ignore[arg-type]
    if isinstance(value, _dt.datetime):
        if value.hour == value.minute == value.second == value.microsecond == 0:
            return value.strftime("%Y-%m-%d")
        if value.second or value.microsecond:
            return value.strftime("%Y-%m-%d %H:%M:%S")
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, _dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, _dt.time):
        return value.strftime("%H:%M:%S" if value.second else "%H:%M")
    if isinstance(value, _dt.timedelta):
        total = int(value.total_seconds())
        sign = "-" if total < 0 else ""
        h, rest = divmod(abs(total), 3600)
        m, s = divmod(rest, 60)
        return f"{sign}{h}:{m:02d}:{s:02d}"
    if isinstance(value, float):  # numpy-like float subclasses
        return float_text(float(value))
    if isinstance(value, int):
        return str(int(value))
    return str(value).strip()


def float_text(value: float) -> str:
    """A float as Excel's General format shows it: ``13800138000.0`` → ``13800138000``, ``0.1+0.2`` → ``0.3``."""
    if value.is_integer():
        if -1e15 < value < 1e15:
            return str(int(value))
    elif value != value:  # NaN
        return ""
    text = repr(value)  # shortest round-trip form: "12.5" for 12.5
    if "e" not in text and len(text) - (text[0] == "-") <= 16:  # at most 15 digits + the point
        return text
    text = format(value, ".15g")
    if "e" in text:
        mant, _, exp = text.partition("e")
        sign = exp[0] if exp[0] in "+-" else "+"
        return f"{mant}E{sign}{exp.lstrip('+-').zfill(2)}"
    return text


def column_letter(index: int) -> str:
    """0-based column index → Excel letters: 0 → ``A``, 25 → ``Z``, 26 → ``AA``."""
    if index < 0:
        raise ValueError(index)
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def letter_index(letters: str) -> int | None:
    """Excel letters → 0-based index (``A`` → 0, ``aa`` → 26); None when *letters* is not a column name."""
    if not _LETTERS.match(letters):
        return None
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1
