"""Validated, streaming import of a recipient list: every row checked, every refusal explained.

Per data row (rows after the header that are not entirely empty), in this order:

1. the mobile: empty → ``手机号为空``; not a mainland mobile → the reason from
   :func:`ljsms_desktop.core.numbers.normalize_mobile` (scientific notation such as ``1.38001E+10``
   typed as text has lost digits and is refused);
2. a number already seen on an earlier *valid* row → a duplicate (``与第 N 行的号码重复``), counted
   once as a duplicate, never as invalid;
3. each template variable: missing, longer than ``max_value_chars`` (100), or holding invisible
   control characters;
4. the rendered text (template with the values filled in) longer than ``max_text_chars`` (500).

``rows == valid + invalid + duplicates``; row numbers are the ones the spreadsheet shows.

Memory stays bounded by what the result must hold. python-calamine keeps the sheet's cells in Rust
while we iterate (that is the "bare" cost the benchmark compares against); on top of it the import
keeps, per valid row, the mobile as 8 bytes in an ``array``, its row number as 4 bytes, and its
values joined into large text chunks (no per-row Python objects), plus a set of seen numbers. Problems
keep a row number and a (shared where equal) reason text.
"""

from __future__ import annotations

import heapq
import os
import re
import time
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from operator import itemgetter
from pathlib import Path

import phonenumbers

from ..core.numbers import EMPTY, REASONS_ZH, normalize_mobile
from ..core.templates import placeholder_count, render
from .cells import cell_text, column_letter, float_text
from .errors import Cancelled, SheetError
from .layout import AUTO, Layout, detect_layout
from .progress import CancelArg, ProgressFn, cancel_check
from .reader import Sheet, Workbook

MAX_VALUE_CHARS = 100
MAX_TEXT_CHARS = 500

MAX_VALUE_CHARS = 100
MAX_TEXT_CHARS = 500
BATCH = 4096  # rows checked together; progress and cancel are looked at between batches

# Inside the stored text of valid rows: fields of one row joined with ␟, rows with ␞. These
# "control pictures" symbols are printable, so one str.isprintable() over a whole batch finds real
# control characters, and counting them proves no cell contained one.
US = "\u241f"
RS = "\u241e"
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u241e\u241f]")

_CN_MOBILE = re.compile(
    "(?:" + phonenumbers.PhoneMetadata.metadata_for_region("CN").mobile.national_number_pattern + ")", re.ASCII
)


@lru_cache(maxsize=1)
def mobile_prefixes() -> frozenset[str]:
    """The 5-digit prefixes under which every 11-digit number is a mainland mobile (phonenumbers' pattern).

    The CN mobile pattern constrains at most the first five digits (``1(?:610\\d|740[0-5])\\d{6}|…``).
    A prefix is listed only when three different endings all match, so should a future pattern
    look deeper, those numbers simply take the slow path through normalize_mobile, the authority.
    """
    return frozenset(
        pre
        for pre in map(str, range(10000, 20000))
        if all(_CN_MOBILE.fullmatch(pre + tail) for tail in ("000000", "999999", "384615"))
    )


def fast_mobile(text: str) -> str | None:
    """*text* when it already is a clean 11-digit mainland mobile (the batch fast path); else None."""
    if len(text) == 11 and text.isascii() and text.isdigit() and text[:5] in mobile_prefixes():
        return text
    return None

@dataclass(frozen=True, slots=True)
class Problem:
    """One refused row: ``row`` as the spreadsheet shows it, ``reason`` in Chinese."""

    row: int
    reason: str
    kind: str = "invalid"  # "invalid" | "duplicate"

    def to_dict(self) -> dict[str, object]:
        return {"row": self.row, "reason": self.reason, "kind": self.kind}


class ValidRows:
    """The valid rows of an import, stored compactly; iterate for ``(mobile, [values])`` in sheet order.

    Rows live as big text chunks (``mobile␟value␟value␞mobile␟…``), one per batch of 4096 sheet
    rows, and their row numbers in an ``array``: a few bytes per row beyond the text itself, and no
    per-row Python objects, so a million recipients cost tens of MB, not hundreds.
    """

    def __init__(self, variables: int) -> None:
        self.variables = variables
        self._chunks: list[str] = []
        self._rows = array("I")

    def _add(self, chunk: str, numbers: Iterable[int]) -> None:
        self._chunks.append(chunk)
        self._rows.extend(numbers)

    def __len__(self) -> int:
        return len(self._rows)

    def _fields(self) -> Iterator[list[str]]:
        for chunk in self._chunks:
            for text in chunk.split(RS):
                yield text.split(US)

    def __iter__(self) -> Iterator[tuple[str, list[str]]]:
        """``(mobile, values)`` — what the engine plans a campaign from."""
        for fields in self._fields():
            yield fields[0], fields[1:]

    def with_rows(self) -> Iterator[tuple[int, str, list[str]]]:
        """``(row number, mobile, values)``."""
        for number, fields in zip(self._rows, self._fields()):
            yield number, fields[0], fields[1:]

    def mobiles(self) -> Iterator[str]:
        for chunk in self._chunks:
            for text in chunk.split(RS):
                yield text[:11]

    def row_numbers(self) -> Sequence[int]:
        return self._rows

@dataclass
class ImportResult:
    """Summary of one import plus the valid rows. ``to_dict()`` is the ``ljsms check --json`` shape."""

    path: Path
    layout: Layout
    template: str | None
    valid_rows: ValidRows
    rows: int = 0
    invalid: int = 0
    duplicates: int = 0
    seconds: float = 0.0
    file_kind: str = ""
    engine: str = ""
    encoding: str | None = None
    delimiter: str | None = None
    sheets: list[str] = field(default_factory=list)
    _problem_rows: array = field(default_factory=lambda: array("I"), repr=False)
    _problem_reasons: list[str] = field(default_factory=list, repr=False)
    _dup_rows: array = field(default_factory=lambda: array("I"), repr=False)
    _dup_firsts: array = field(default_factory=lambda: array("I"), repr=False)

    @property
    def valid(self) -> int:
        return len(self.valid_rows)

    @property
    def sheet(self) -> str:
        return self.layout.sheet

    def iter_problems(self) -> Iterator[Problem]:
        """Every refused row (invalid and duplicate) in row order."""
        invalid = (Problem(r, why) for r, why in zip(self._problem_rows, self._problem_reasons))
        dups = (Problem(r, f"与第 {first} 行的号码重复", "duplicate") for r, first in zip(self._dup_rows, self._dup_firsts))
        return heapq.merge(invalid, dups, key=lambda p: p.row)

    @property
    def problems(self) -> list[Problem]:
        return list(self.iter_problems())

    def to_dict(self, max_problems: int | None = None) -> dict[str, object]:
        problems = self.iter_problems()
        if max_problems is not None:
            problems = islice(problems, max_problems)
        lay = self.layout
        return {
            "file": str(self.path),
            "sheet": lay.sheet,
            "sheets": list(self.sheets),
            "format": self.file_kind,
            "encoding": self.encoding,
            "delimiter": self.delimiter,
            "header_row": lay.header_row,
            "mobile_column": None if lay.mobile_column is None else column_letter(lay.mobile_column),
            "mobile_header": lay.headers[lay.mobile_column] if lay.mobile_column is not None else None,
            "variable_columns": [column_letter(c) for c in lay.variable_columns],
            "variable_headers": [lay.headers[c] for c in lay.variable_columns],
            "template": self.template,
            "rows": self.rows,
            "valid": self.valid,
            "invalid": self.invalid,
            "duplicates": self.duplicates,
            "problems": [p.to_dict() for p in problems],
            "seconds": round(self.seconds, 3),
        }


def _problem_text(mobile_raw: str, reason: str | None) -> str:
    why = REASONS_ZH.get(reason or "", "不是有效的手机号")
    shown = mobile_raw.strip()
    if len(shown) > 30:
        shown = shown[:30] + "…"
    return f"手机号“{shown}”：{why}" if shown else why


def _column_texts(col: tuple[object, ...]) -> Sequence[str]:
    """One column of a batch as cell texts, with C-level conversions for the common types."""
    types = set(map(type, col))
    if types == {str}:
        return col  # type: ignore[return-value]
    if types == {float}:
        floats: tuple[float, ...] = col  # type: ignore[assignment]
        if all(map(float.is_integer, floats)) and -1e15 < min(floats) and max(floats) < 1e15:
            return list(map(str, map(int, floats)))
        if not any(map(float.is_integer, floats)):
            texts = list(map(repr, floats))
            joined = "".join(texts)
            if max(map(len, texts)) <= 16 and joined.replace(".", "").replace("-", "").isdigit():
                return texts  # same as float_text: short reprs need no rounding
        return list(map(float_text, floats))
    if types == {int}:
        return list(map(str, col))
    return [v if v.__class__ is str else cell_text(v) for v in col]


def _join_mixed(picked: list[tuple[object, ...]]) -> list[str]:
    columns = [_column_texts(c) for c in zip(*picked)]
    return list(map(US.join, zip(*columns)))


class _Run:
    """State of one validation pass: the fast batch check and the thorough per-row check."""

    def __init__(
        self, layout: Layout, mi: int, vis: list[int], template: str | None, max_value: int, max_text: int
    ) -> None:
        self.mi = mi
        self.vis = vis
        self.need = max([mi, *vis]) + 1
        self.k = k = len(vis)
        self.labels = [f"变量 {j}（{layout.header_text(c)}）" for j, c in enumerate(layout.variable_columns, 1)]
        self.template = template
        self.max_value = max_value
        self.max_text = max_text
        self.text_base = len(render(template, [""] * k)) if template is not None else 0
        # A joined valid row is 11 + k + sum(len(values)) long.
        self.short_row = 11 + k + max_value  # no value of a row this short can be too long
        self.long_text = None if template is None else max_text - self.text_base + 11 + k
        self.prefixes = mobile_prefixes()
        self.seen: set[str] = set()
        self.valid = ValidRows(k)
        self.p_rows = array("I")
        self.p_reasons: list[str] = []
        self.d_rows = array("I")
        self.d_mobiles: list[str] = []
        self.invalid = 0

    # -- the fast path: a whole batch proven valid with C-level string operations --------------------
    def fast(self, pending: list[str], first: int) -> bool:
        n, k = len(pending), self.k
        chunk = RS.join(pending)
        if not chunk.isprintable() or chunk.count(US) != n * k or chunk.count(RS) != n - 1:
            return False
        longest = max(map(len, pending))
        if k:
            if (
                US + US in chunk
                or US + RS in chunk
                or US + " " in chunk
                or " " + US in chunk
                or " " + RS in chunk
                or chunk.endswith((US, " "))
            ):
                return False
            try:
                if set(map(_at11, pending)) != {US}:
                    return False
            except IndexError:
                return False
        elif longest != 11 or min(map(len, pending)) != 11:
            return False
        mobiles = list(map(_first11, pending))
        digits = "".join(mobiles)
        if not (digits.isascii() and digits.isdigit()) or not set(map(_first5, mobiles)) <= self.prefixes:
            return False
        if longest > self.short_row:
            limit = self.max_value
            for text in pending:
                if len(text) > self.short_row and max(map(len, text.split(US))) > limit:
                    return False
        if self.long_text is not None and longest > self.long_text:
            return False
        unique = set(mobiles)
        if len(unique) != n or not self.seen.isdisjoint(unique):
            return False
        self.seen |= unique
        self.valid._add(chunk, range(first, first + n))
        return True

    # -- the slow path: row by row, with the reasons ------------------------------------------------------
    def slow(self, batch: list[list[object]], first: int) -> None:
        accepted: list[str] = []
        numbers: list[int] = []
        for number, row in enumerate(batch, first):
            text = self.check_row(row, number)
            if text is not None:
                accepted.append(text)
                numbers.append(number)
        if accepted:
            self.valid._add(RS.join(accepted), numbers)

    def problem(self, number: int, reason: str) -> None:
        self.p_rows.append(number)
        self.p_reasons.append(reason)
        self.invalid += 1

    def check_row(self, row: list[object], number: int) -> str | None:
        """The joined text of a valid row; None after recording why the row is refused (or skipped)."""
        if len(row) < self.need:
            row = [*row, *([""] * (self.need - len(row)))]
        raw = row[self.mi]
        m = raw.strip() if raw.__class__ is str else cell_text(raw)  # type: ignore[union-attr]
        if not m:
            if any(map(cell_text, row)):
                self.problem(number, _EMPTY_REASON)
            return None  # an entirely empty row is skipped and not counted
        chk = normalize_mobile(m)
        if chk.mobile is None:
            self.problem(number, _problem_text(m, chk.reason))
            return None
        mobile = chk.mobile
        if mobile in self.seen:
            self.d_rows.append(number)
            self.d_mobiles.append(mobile)
            return None
        vals = [v.strip() if v.__class__ is str else cell_text(v) for v in map(row.__getitem__, self.vis)]  # type: ignore[union-attr]
        why = self.value_problem(vals)
        if why:
            self.problem(number, why)
            return None
        self.seen.add(mobile)
        return US.join([mobile, *vals])

    def value_problem(self, vals: list[str]) -> str | None:
        for label, v in zip(self.labels, vals):
            if not v:
                return f"缺少{label}的值"
        for label, v in zip(self.labels, vals):
            if len(v) > self.max_value:
                return f"{label}过长：{len(v)} 字，上限 {self.max_value} 字"
        for label, v in zip(self.labels, vals):
            if _BAD_CHARS.search(v):
                return f"{label}含有不可见的控制字符或特殊符号（␞/␟），请删除后重新导入"
        if self.template is not None:
            length = self.text_base + sum(map(len, vals))
            if length > self.max_text:
                return f"填入变量后的短信内容过长：{length} 字，上限 {self.max_text} 字"
        return None

    def first_rows(self) -> array:
        """For each duplicate, the row where its number first appeared as valid (one pass, only if needed)."""
        out = array("I")
        if not self.d_mobiles:
            return out
        wanted = set(self.d_mobiles)
        first: dict[str, int] = {}
        for number, mobile in zip(self.valid.row_numbers(), self.valid.mobiles()):
            if mobile in wanted and mobile not in first:
                first[mobile] = number
                if len(first) == len(wanted):
                    break
        out.extend(first[m] for m in self.d_mobiles)
        return out


_at11 = itemgetter(11)
_first11 = itemgetter(slice(0, 11))
_first5 = itemgetter(slice(0, 5))
_EMPTY_REASON = REASONS_ZH[EMPTY]


def validate_sheet(
    sheet: Sheet,
    layout: Layout,
    *,
    template: str | None = None,
    max_value_chars: int = MAX_VALUE_CHARS,
    max_text_chars: int = MAX_TEXT_CHARS,
    on_progress: ProgressFn | None = None,
    cancel: CancelArg = None,
    path: Path | None = None,
) -> ImportResult:
    """Stream *sheet* once with *layout*, validating every data row.

    Rows go in batches of 4096: a batch whose rows are all plainly valid (11 clean digits with a
    known mobile prefix, non-empty values without edge spaces or control characters, within the
    length limits, no repeated number) is proven so with a handful of C-level string operations on
    the joined batch; any other batch is checked row by row, which is where every reason comes from.
    Both paths accept exactly the same rows (a test holds them to it).

    ``on_progress(rows_done, fraction)`` and the *cancel* check run between batches; cancelling raises
    :class:`Cancelled`. Raises SheetError when there is no mobile column or no data row.
    """
    if layout.mobile_column is None:
        raise SheetError("没有找到手机号所在的列。请指定手机号列（表头名称、列字母如 B，或列序号如 2）。")
    k = len(layout.variable_columns)
    if template is not None and placeholder_count(template) != k:
        raise SheetError(f"模板中有 {placeholder_count(template)} 个变量 {{}}，但选择了 {k} 个变量列。")
    started = time.perf_counter()
    check = cancel_check(cancel)
    cols = [layout.mobile_column, *layout.variable_columns]
    shift = max(0, sheet.col_offset - min(cols))  # a chosen column left of the first non-empty one
    base = sheet.col_offset - shift
    mi = layout.mobile_column - base
    vis = [c - base for c in layout.variable_columns]
    need = max([mi, *vis]) + 1
    run = _Run(layout, mi, vis, template, max_value_chars, max_text_chars)
    pick = itemgetter(mi, *vis) if k else itemgetter(slice(mi, mi + 1))
    first_data = (layout.header_row or 0) + 1

    rows_iter: Iterator[list[object]] = sheet.rows()
    if shift:
        pad = [""] * shift
        rows_iter = (pad + list(r) for r in rows_iter)
    rows_iter = islice(rows_iter, first_data - 1, None)
    number = first_data
    while True:
        if check is not None and check():
            raise Cancelled()
        batch = list(islice(rows_iter, BATCH))
        if not batch:
            break
        try:
            picked = list(map(pick, batch))
        except IndexError:  # short rows (CSV): pad them
            batch = [r if len(r) >= need else [*r, *([""] * (need - len(r)))] for r in batch]
            picked = list(map(pick, batch))
        try:
            pending = list(map(US.join, picked))
        except TypeError:  # numbers, dates... in the picked cells
            pending = _join_mixed(picked)
        if not run.fast(pending, number):
            run.slow(batch, number)
        number += len(batch)
        if on_progress is not None:
            on_progress(number - first_data, sheet.fraction(number - 1))

    valid = run.valid
    result = ImportResult(path or Path(sheet.name), layout, template, valid)
    result._problem_rows, result._problem_reasons = run.p_rows, run.p_reasons
    result._dup_rows, result._dup_firsts = run.d_rows, run.first_rows()
    del run
    result.invalid = len(result._problem_rows)
    result.duplicates = len(result._dup_rows)
    result.rows = len(valid) + result.invalid + result.duplicates
    result.seconds = time.perf_counter() - started
    if result.rows == 0:
        where = f"（表头在第 {layout.header_row} 行）" if layout.header_row else ""
        raise SheetError(f"工作表“{sheet.name}”没有数据行{where}，请检查是否选对了工作表。")
    if on_progress is not None:
        on_progress(number - first_data, 1.0)
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
    """Open *path*, detect (or take) the layout, and validate every row. One call for CLI and tests.

    The template's ``{}`` count decides how many variable columns are read (default: the columns
    after the mobile column, left to right). Raises SheetError (clear Chinese message) or Cancelled.
    """
    variables = placeholder_count(template) if template is not None else None
    with Workbook(path) as wb:
        data = wb.sheet(sheet)
        layout = detect_layout(
            data,
            header_row=header_row,
            mobile_column=mobile_column,
            variable_columns=variable_columns,
            variables=variables,
        )
        result = validate_sheet(
            data,
            layout,
            template=template,
            max_value_chars=max_value_chars,
            max_text_chars=max_text_chars,
            on_progress=on_progress,
            cancel=cancel,
            path=wb.path,
        )
        result.file_kind = wb.kind
        result.engine = wb.engine
        result.sheets = wb.sheet_names
        if wb.dialect is not None:
            result.encoding = wb.dialect.encoding
            result.delimiter = wb.dialect.delimiter
        return result
