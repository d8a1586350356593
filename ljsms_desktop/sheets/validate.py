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

How (hand-made for speed, measured in benchmarks/bench_import.py): python-calamine reads a sheet in
Rust at a few microseconds a row, so per-row Python checks would cost more than the reading itself.
Rows are therefore taken 128 at a time and checked column by column with C-level operations over
whole columns (one regex over the batch's comma-joined mobiles, ``isprintable``/``count``/``in`` over the
joined values, set operations for repeats). Only rows that are not plainly valid go one by one
through :meth:`_Run.check_row`, the single place where reasons are decided; both paths accept
exactly the same rows (tests hold them to it). Why 128 rows (cachegrind, 100,000 rows, against
1024): a batch's cells are still in the CPU cache when they are freed (56% fewer last-level cache
misses), and batches without any problem row, stored without a second join, are common (9% fewer
instructions).

Split over two processes (:mod:`.isolated`): the reader process only reads and encodes each batch
(:func:`encode_columns`) and indexes the numbers (:class:`RepeatIndex`, which names the rows that repeat an
earlier row's number); the caller runs the same checks over the texts (:func:`texts_run`, hint mode), where
a hinted row goes row by row and is a duplicate when the earlier row was valid.

Memory stays bounded by what the result must hold: calamine keeps the sheet's cells in Rust while
we iterate (the "bare" cost the benchmark compares against); on top of it the import keeps the
valid rows as one text per column per batch (no per-row Python objects), their row numbers as
ranges or arrays, and the set of numbers seen. Problems keep a row number and a reason text.
"""

from __future__ import annotations

import gc
import heapq
import os
import re
import time
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress, islice, repeat
from math import isnan
from operator import itemgetter, ne, not_
from pathlib import Path

from ..core.numbers import CN_MOBILE, CN_MOBILE_PATTERN, EMPTY, REASONS_EN, REASONS_ZH, normalize_mobile
from ..core.templates import placeholder_count, render
from .cells import cell_text, column_letter, float_text
from .errors import Cancelled, SheetError
from .layout import AUTO, Layout, detect_layout
from .progress import CancelArg, ProgressFn, cancel_check
from .reader import Sheet, Workbook

MAX_VALUE_CHARS = 100
MAX_TEXT_CHARS = 500
BATCH = 128  # rows checked together; progress and cancel are looked at between batches

# Cells of one column are joined with ␟ to check them at once and to store them. This "control
# pictures" symbol is printable, so one isprintable() over a joined column finds real control
# characters, and counting it proves that no cell contained one.
US = "\u241f"
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u241f]")

# The same CN mobile rule as normalize_mobile, over a batch's numbers written "a,b,…,z,".
_CN_MOBILES_CSV = re.compile(f"(?:(?:{CN_MOBILE_PATTERN}),)*")


def fast_mobile(text: str) -> str | None:
    """*text* when it already is a clean 11-digit mainland mobile (what the batch check accepts); else None."""
    return text if len(text) == 11 and CN_MOBILE.fullmatch(text) else None


@dataclass(frozen=True, slots=True)
class Problem:
    """One refused row: ``row`` as the spreadsheet shows it, ``reason`` in Chinese (``reason_en`` in English)."""

    row: int
    reason: str
    kind: str = "invalid"  # "invalid" | "duplicate"
    reason_en: str = ""

    def to_dict(self) -> dict[str, object]:
        return {"row": self.row, "reason": self.reason, "kind": self.kind, "reason_en": self.reason_en}


class ValidRows:
    """The valid rows of an import, stored compactly; iterate for ``(mobile, [values])`` in sheet order.

    Per batch of sheet rows: the mobiles as one comma-joined ASCII string, each variable's values
    as one ␟-joined string, and the row numbers as a ``range`` (or an ``array``
    when rows were left out): a few bytes per row beyond the text itself and no per-row Python
    objects, so a million recipients cost tens of MB.
    """

    def __init__(self, variables: int) -> None:
        self.variables = variables
        self._chunks: list[tuple[str, ...]] = []
        self._numbers: list[range | array] = []
        self._count = 0
        self._flat_numbers: array | None = None

    def _add(self, mobiles: str, values: Sequence[str], numbers: range | array) -> None:
        """Store one batch: its mobiles comma-joined, each variable's values ␟-joined, the row numbers."""
        self._chunks.append((mobiles, *values))
        self._numbers.append(numbers)
        self._count += len(numbers)

    def __len__(self) -> int:
        return self._count

    def _fields(self) -> Iterator[tuple[str, ...]]:
        for mobiles, *values in self._chunks:
            yield from zip(mobiles.split(","), *(v.split(US) for v in values))

    def __iter__(self) -> Iterator[tuple[str, list[str]]]:
        """``(mobile, values)`` — what the engine plans a campaign from."""
        for fields in self._fields():
            yield fields[0], list(fields[1:])

    def with_rows(self) -> Iterator[tuple[int, str, list[str]]]:
        """``(row number, mobile, values)``."""
        for number, fields in zip(self.row_numbers(), self._fields()):
            yield number, fields[0], list(fields[1:])

    def mobiles(self) -> Iterator[str]:
        for chunk in self._chunks:
            yield from chunk[0].split(",")

    def row_numbers(self) -> array:
        """The spreadsheet row number of each valid row, in order (index i ↔ the i-th valid row)."""
        if self._flat_numbers is None or len(self._flat_numbers) != self._count:
            self._flat_numbers = array("I", chain.from_iterable(self._numbers))
        return self._flat_numbers


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
    _problem_reasons_en: list[str] = field(default_factory=list, repr=False)
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
        invalid = (Problem(r, why, "invalid", en) for r, why, en in
                   zip(self._problem_rows, self._problem_reasons, self._problem_reasons_en))
        dups = (Problem(r, f"与第 {first} 行的号码重复", "duplicate", f"Same number as row {first}")
                for r, first in zip(self._dup_rows, self._dup_firsts))
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



def _problem_text(mobile_raw: str, reason: str | None) -> tuple[str, str]:
    """Why a mobile cell was refused, in Chinese and in English."""
    why = REASONS_ZH.get(reason or "", "不是有效的手机号")
    why_en = REASONS_EN.get(reason or "", "Not a valid mobile number")
    shown = mobile_raw.strip()
    if len(shown) > 30:
        shown = shown[:30] + "…"
    return (f"手机号“{shown}”：{why}", f"Mobile “{shown}”: {why_en}") if shown else (why, why_en)


class _FloatTexts(dict):
    """float → its cell text, computed once per distinct value (amounts and prices repeat a lot)."""

    def __missing__(self, value: float) -> str:
        text = self[value] = float_text(value)
        return text


def _column_texts(col: Sequence[object], cache: _FloatTexts | None = None) -> tuple[Sequence[str], bool]:
    """One column of a batch as cell texts (str cells as they are, not stripped), C-level for the usual
    types; and whether every text was made here from a number (then it is printable ASCII with no space
    or separator in it, and can only be empty for NaN)."""
    types = set(map(type, col))
    if types == {str}:
        return col, False  # type: ignore[return-value]
    if types == {float}:
        floats: Sequence[float] = col  # type: ignore[assignment]
        if cache is not None:
            if len(cache) > 100_000:
                cache.clear()
            return list(map(cache.__getitem__, floats)), True
        if all(map(float.is_integer, floats)) and -1e15 < min(floats) and max(floats) < 1e15:
            return list(map(str, map(int, floats))), True
        return list(map(float_text, floats)), True
    if types == {int}:
        return list(map(str, col)), True
    return [v if v.__class__ is str else cell_text(v) for v in col], False


def _whole_numbers_csv(col: Sequence[object]) -> str | None:
    """A column of whole-number cells (mobiles typed as numbers) as one text ``"m1,m2,…,mn,"``;
    None when any cell is not a whole-number float. One ``%`` call: no int or str object per cell."""
    try:
        if not all(map(float.is_integer, col)):  # TypeError unless every cell is a float
            return None
    except TypeError:
        return None
    return ("%d," * len(col)) % tuple(col)


def _csv_misses(csv: str) -> list[int]:
    """Positions of the items of *csv* (``"a,b,…,z,"``) that are not mainland mobiles. A run of good
    items is one regex match; after a bad item the scan goes on from the next comma."""
    misses: list[int] = []
    pos = item = 0
    end = len(csv)
    while pos < end:
        stop = _CN_MOBILES_CSV.match(csv, pos).end()  # type: ignore[union-attr] - (?:…)* always matches
        item += (stop - pos) // 12
        if stop >= end:
            break
        misses.append(item)
        item += 1
        pos = csv.index(",", stop) + 1
    return misses


def _positions(column: Sequence[str], wanted: set[str]) -> Iterable[int]:
    """Indexes of the cells of *column* that are in *wanted* (one value: C-level list scans)."""
    if len(wanted) > 1:
        return compress(range(len(column)), map(wanted.__contains__, column))
    found: list[int] = []
    index = column.index
    for value in wanted:
        i = -1
        while True:
            try:
                i = index(value, i + 1)
            except ValueError:
                break
            found.append(i)
    return found


def encode_columns(cols: Sequence[Sequence[object]], caches: Sequence[_FloatTexts]) -> list[object]:
    """One batch's chosen columns (cells: mobile, then each variable) as texts, as :meth:`_Run.check`
    takes them — what the reader process sends: ``[numeric, data]`` per column, flattened. *data* is
    one text (the cell texts ␟-joined, when no cell holds a ␟), the list of cell texts, or for a column
    of floats only their bytes (``array("d")``; the texts are made by the check, in the caller's process);
    *numeric*: every text is or will be made from a number."""
    n = len(cols[0])
    out: list[object]
    if set(map(type, cols[0])) == {float}:  # numbers, as people type mobiles: 8 bytes each, texts made there
        out = [True, array("d", cols[0]).tobytes()]  # type: ignore[arg-type]
    else:
        try:
            joined = US.join(cols[0])  # type: ignore[arg-type]
            texts: Sequence[str] = cols[0]  # type: ignore[assignment]
        except TypeError:  # numbers with a fraction, dates, a mix...
            texts = _column_texts(cols[0])[0]
            joined = US.join(texts)
        out = [False, joined if joined.count(US) == n - 1 else list(texts)]
    for col, cache in zip(cols[1:], caches):
        try:
            joined = US.join(col)  # type: ignore[arg-type]
            texts, numeric = col, False  # type: ignore[assignment]
        except TypeError:  # numbers, dates... in this column
            if cache is not None and set(map(type, col)) == {float}:  # amounts: 8 bytes each, the texts there
                out += (True, array("d", col).tobytes())  # type: ignore[arg-type]
                continue
            texts, numeric = _column_texts(col, cache)
            joined = US.join(texts)
        out += (numeric, joined if numeric or joined.count(US) == n - 1 else list(texts))
    return out


def texts_run(layout: Layout, template: str | None, max_value_chars: int = MAX_VALUE_CHARS,
              max_text_chars: int = MAX_TEXT_CHARS) -> _Run:
    """A validation run over batches that arrive as texts (:meth:`_Run.check` with ``rows=None``):
    the caller of a reader process validates what the reader parsed and encoded."""
    k = len(layout.variable_columns)
    run = _Run(layout, 0, list(range(1, k + 1)), template, max_value_chars, max_text_chars)
    run.hinted = {}
    return run


_ONES = b"\x01" * BATCH


class RepeatIndex:
    """The reader process's side of the duplicate check: every number read so far (as normalize_mobile
    gives it) with the first row it was on, so that the caller validating the rows need not keep a set
    of a million numbers (this process's peak is the parse's, which the index stays under)."""

    def __init__(self) -> None:
        self.first: dict[str, int] = {}

    def repeats(self, first: int, enc: Sequence[object], cells: Sequence[object]) -> list[tuple[int, int]] | None:
        """``(row, earlier row)`` for each row of the batch (encode_columns' *enc*, the mobile *cells*)
        whose number was on an earlier row; None when none. Keys are the numbers as floats (exact for
        11 digits): mobiles typed as numbers are their own keys, with no text made or hashed here."""
        keys: list[object]
        misses: Sequence[int] | None = None
        if enc[0]:  # floats: those of 11 digits are their own keys (a valid number is one of them)
            keys = cells  # type: ignore[assignment]
            n = len(keys)
            if not (1e10 <= min(cells) and max(cells) < 1e11):  # type: ignore[type-var,operator]
                keys = list(cells)
                misses = [i for i, v in enumerate(cells) if not 1e10 <= v < 1e11]  # type: ignore[operator]
                for i in misses:  # as check_row reads it ("86138…" typed as a number is valid)
                    mobile = normalize_mobile(cell_text(keys[i])).mobile
                    keys[i] = float(mobile) if mobile else None
        else:
            data = enc[1]
            texts = data.split(US) if data.__class__ is str else list(data)  # type: ignore[union-attr,arg-type]
            csv = ",".join(texts) + ","
            if csv.count(",") != len(texts):  # a comma inside a cell: blank it for the scan (normalized below)
                csv = ",".join("" if "," in t else t for t in texts) + ","
            misses = _csv_misses(csv)
            scan = csv[:-1].split(",")  # the plain numbers as floats; the rest normalized below
            for i in misses:
                scan[i] = "0"
            keys = list(map(float, scan))
            n = len(keys)
            for i in misses:  # not a plain number (blanked ones included): as check_row reads it
                t = texts[i]
                mobile = normalize_mobile(t.strip()).mobile if t else None
                keys[i] = float(mobile) if mobile else None
        index = self.first
        found: list[tuple[int, int]] = []
        if not index.keys().isdisjoint(keys):
            found += [(first + i, index[keys[i]])  # type: ignore[index]
                      for i in _positions(keys, index.keys() & keys)]  # type: ignore[arg-type,operator]
        before = len(index)
        index.update(zip(keys, range(first, first + n)))  # type: ignore[arg-type]
        for row, earlier in found:  # keep the first row of a number seen before
            index[keys[row - first]] = earlier  # type: ignore[index]
        nones = keys.count(None) if misses else 0  # type: ignore[arg-type]
        if nones:
            del index[None]  # type: ignore[arg-type]
        if len(index) - before < n - nones - len(found):  # a number twice in this batch, written alike
            local: dict[str, int] = {}  # or not ("+86 138…" and "138…"): the later rows are hinted too
            for i, k in enumerate(keys, first):
                if k is None or k in index and index[k] < first:
                    continue
                if k in local:
                    found.append((i, local[k]))
                else:
                    local[k] = index[k] = i
        return found or None


class _ColumnRows:
    """Rows of a batch that was read straight into columns (the whole row's cells), rebuilt on demand."""

    def __init__(self, columns: list[Sequence[object]]) -> None:
        self.columns = columns

    def __len__(self) -> int:
        return len(self.columns[0])

    def __getitem__(self, rows: slice) -> list[tuple[object, ...]]:
        return list(zip(*(c[rows] for c in self.columns)))


class _Run:
    """State of one validation pass: the batch checks and the row-by-row check."""

    def __init__(
        self, layout: Layout, mi: int, vis: list[int], template: str | None, max_value: int, max_text: int
    ) -> None:
        self.mi = mi
        self.vis = vis
        self.need = max([mi, *vis]) + 1
        self.k = k = len(vis)
        self.labels = [f"变量 {j}（{layout.header_text(c)}）" for j, c in enumerate(layout.variable_columns, 1)]
        self.labels_en = [f"variable {j} ({layout.header_text(c)})" for j, c in enumerate(layout.variable_columns, 1)]
        self.template = template
        self.max_value = max_value
        self.max_text = max_text
        self.text_base = len(render(template, [""] * k)) if template is not None else 0
        self.caches = [_FloatTexts() for _ in range(k)]
        self.seen: set[str] = set()
        # Hint mode (texts_run): no set of every number here; the reader process says which rows repeat
        # a number of an earlier row (RepeatIndex) and that row: hinted row → first earlier row.
        self.hinted: dict[int, int] | None = None
        self.firsts: dict[str, int] = {}  # hint mode: a number → its first valid row, once looked at
        self.valid_bits = bytearray()  # hint mode: 1 at each valid row's number
        self.valid = ValidRows(k)
        self.p_rows = array("I")
        self.p_reasons: list[str] = []
        self.p_reasons_en: list[str] = []
        self.d_rows = array("I")
        self.d_mobiles: list[str] = []

    # -- batch checks: C-level operations over whole columns ---------------------------------------------
    def batch(self, rows: Sequence[Sequence[object]], cols: list[Sequence[object]], first: int) -> None:
        """Validate one batch; *cols* are its mobile column and then its variable columns (cells)."""
        self.check(rows, encode_columns(cols, self.caches), first)

    def check(self, rows: Sequence[Sequence[object]] | None, enc: Sequence[object], first: int,
              filled: Sequence[int] | None = None, repeats: Sequence[tuple[int, int]] | None = None) -> int:
        """Validate one batch given as :func:`encode_columns` made it (the reader process sends that);
        *rows*: the batch's rows for the row-by-row check, or None to rebuild them from the texts
        (then this run's columns are 0 = mobile, 1… = the variables, see :func:`texts_run`, and
        *filled* lists the rows whose mobile is empty but which have other cells filled; in hint mode
        *repeats* are RepeatIndex's ``(row, earlier row)`` pairs of this batch).

        Each test runs once over a whole joined column; a test that fails is followed by a search
        for the rows that failed it (still C-level). Only those suspect rows go through check_row();
        the plainly valid stretches between them are taken as they are, in order. Returns the
        batch's number of rows.
        """
        bad: set[int] = set()
        m_numeric, m_data = enc[0], enc[1]
        if m_numeric:  # floats, as people type mobiles: one format call, one split
            floats = array("d")
            floats.frombytes(m_data)  # type: ignore[arg-type]
            cells = floats.tolist()
            made = _whole_numbers_csv(cells)
            if made is not None:
                csv = made
                mobiles: Sequence[str] = csv.split(",")
                mobiles.pop()  # type: ignore[attr-defined] - the text ends with a comma
            else:  # with a fraction (no comma in a number's text)
                mobiles = _column_texts(cells)[0]
                csv = ",".join(mobiles) + ","
            n = len(mobiles)
        else:
            mobiles = m_data.split(US) if m_data.__class__ is str else m_data  # type: ignore[union-attr,assignment]
            n = len(mobiles)
            csv = ",".join(mobiles) + ","
            if csv.count(",") != n:  # a comma inside a cell: that row goes row by row, the scan sees ""
                commas = list(compress(range(n), map(str.__contains__, mobiles, repeat(","))))
                bad.update(commas)
                scan = list(mobiles)
                for i in commas:
                    scan[i] = ""
                csv = ",".join(scan) + ","
        bad.update(_csv_misses(csv))
        hinted = self.hinted
        if hinted is None:
            last = dict(zip(mobiles, range(n)))  # each number's last position in the batch
            if len(last) < n:  # a number twice in the batch: every occurrence goes row by row, in order
                earlier = list(compress(range(n), map(ne, map(last.__getitem__, mobiles), range(n))))
                bad.update(earlier)
                bad.update(map(last.__getitem__, map(mobiles.__getitem__, earlier)))
            unique = last.keys()
            taken = self.seen.intersection(unique)
            if taken:
                bad.update(_positions(mobiles, taken))
        else:  # hint mode: rows repeating an earlier row's number (this batch's too) go row by row
            if repeats:
                hinted.update(repeats)
                bad.update(row - first for row, _ in repeats)
            bits = self.valid_bits
            if len(bits) < first + n:
                bits.extend(bytes(max(first + n - len(bits), len(bits))))
        values: list[Sequence[str]] = []
        joins: list[str] = []
        widest = 0
        for j in range(2, len(enc), 2):
            numeric, data = enc[j], enc[j + 1]
            if data.__class__ is str:  # no ␟ inside a cell: the joined text splits back exactly
                joined: str = data  # type: ignore[assignment]
                texts: Sequence[str] = joined.split(US)
            elif data.__class__ is bytes:  # floats (encode_columns): their texts are made here
                floats = array("d")
                floats.frombytes(data)  # type: ignore[arg-type]
                texts = _column_texts(floats.tolist(), self.caches[j // 2 - 1])[0]
                joined = US.join(texts)
            else:
                texts = data  # type: ignore[assignment]
                joined = US.join(texts)
            values.append(texts)
            joins.append(joined)
            if not numeric:  # a text made from a number is printable ASCII with no space or ␟ in it
                if not joined.isprintable():
                    bad.update(compress(range(n), map(not_, map(str.isprintable, texts))))
                if joined.count(US) != n - 1:
                    bad.update(compress(range(n), map(str.__contains__, texts, repeat(US))))
                if " " in joined and (joined.startswith(" ") or joined.endswith(" ") or US + " " in joined
                                      or " " + US in joined):
                    bad.update(compress(range(n), map(str.startswith, texts, repeat(" "))))
                    bad.update(compress(range(n), map(str.endswith, texts, repeat(" "))))
            if US + US in joined or joined.startswith(US) or joined.endswith(US) or not joined:  # an empty value
                bad.update(_positions(texts, {""}))
            longest = max(map(len, texts))
            if longest > self.max_value:
                bad.update(compress(range(n), map(self.max_value.__lt__, map(len, texts))))
            widest += longest
        if self.template is not None and self.text_base + widest > self.max_text:
            room = self.max_text - self.text_base
            bad.update(compress(range(n), map(room.__lt__, map(sum, zip(*(map(len, t) for t in values))))))

        if not bad:
            if hinted is None:
                self.seen.update(unique)
            else:
                bits[first:first + n] = _ONES[:n]
            self.valid._add(csv[:-1], joins, range(first, first + n))
            return n
        columns: list[Sequence[str]] = [mobiles, *values]
        if rows is None:  # rebuilt from the texts; a row with other cells filled gets a marker cell
            marker = [""] * n
            for i in filled or ():
                marker[i] = "x"
            rows = _ColumnRows([*columns, marker])
        out: list[list[str]] = [[] for _ in columns]
        numbers = array("I")
        start = 0
        slow_taken: set[str] = set()  # numbers accepted row by row in this batch
        for i in (*sorted(bad), n):
            if start < i:
                stretch = mobiles[start:i]
                if not slow_taken or slow_taken.isdisjoint(stretch):
                    if hinted is None:
                        self.seen.update(stretch)
                    else:
                        bits[first + start:first + i] = _ONES[:i - start]
                    for o, c in zip(out, columns):
                        o += c[start:i]
                    numbers.extend(range(first + start, first + i))
                else:
                    self.slow(rows[start:i], first + start, out, numbers, slow_taken)
            if i < n:
                self.slow(rows[i : i + 1], first + i, out, numbers, slow_taken)
            start = i + 1
        self.store(out, numbers)
        return n

    def store(self, out: list[list[str]], numbers: array) -> None:
        """Keep the valid rows gathered per column in *out*, with their row *numbers*."""
        if numbers:
            self.valid._add(",".join(out[0]), [US.join(o) for o in out[1:]], numbers)

    # -- row by row, with the reasons --------------------------------------------------------------------
    def slow(
        self, rows: Sequence[Sequence[object]], first: int, out: list[list[str]], numbers: array, taken: set[str]
    ) -> None:
        for number, row in enumerate(rows, first):
            fields = self.check_row(row, number)
            if fields is not None:
                for o, v in zip(out, fields):
                    o.append(v)
                numbers.append(number)
                taken.add(fields[0])

    def problem(self, number: int, reason: tuple[str, str]) -> None:
        """Record a refused row with its reason (Chinese, English)."""
        self.p_rows.append(number)
        self.p_reasons.append(reason[0])
        self.p_reasons_en.append(reason[1])

    def check_row(self, row: Sequence[object], number: int) -> list[str] | None:
        """``[mobile, *values]`` of a valid row; None after recording why the row is refused (or skipped)."""
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
        if (mobile in self.seen) if self.hinted is None else self.seen_hinted(mobile, number):
            self.d_rows.append(number)
            self.d_mobiles.append(mobile)
            return None
        vals = [v.strip() if v.__class__ is str else cell_text(v) for v in map(row.__getitem__, self.vis)]  # type: ignore[union-attr]
        why = self.value_problem(vals)
        if why:
            self.problem(number, why)
            return None
        if self.hinted is None:
            self.seen.add(mobile)
        else:
            self.firsts.setdefault(mobile, number)
            self.valid_bits[number] = 1
        return [mobile, *vals]

    def seen_hinted(self, mobile: str, number: int) -> bool:
        """Hint mode: whether an earlier valid row has *mobile* (then self.firsts says which). Only a
        row RepeatIndex hinted (with the first row that had its number) can repeat an earlier row's
        number; a hinted row accepted goes into self.firsts, so a third one finds it there."""
        if mobile in self.firsts:
            return True
        earlier = self.hinted.get(number)  # type: ignore[union-attr]
        if earlier is not None and self.valid_bits[earlier]:
            self.firsts[mobile] = earlier
            return True
        return False

    def value_problem(self, vals: list[str]) -> tuple[str, str] | None:
        """Why the values of a row are refused (Chinese, English), or None."""
        labels = list(zip(self.labels, self.labels_en))
        for (label, en), v in zip(labels, vals):
            if not v:
                return f"缺少{label}的值", f"No value for {en}"
        for (label, en), v in zip(labels, vals):
            if len(v) > self.max_value:
                return (f"{label}过长：{len(v)} 字，上限 {self.max_value} 字",
                        f"{en[0].upper()}{en[1:]} is too long: {len(v)} characters, at most {self.max_value}")
        for (label, en), v in zip(labels, vals):
            if _BAD_CHARS.search(v):
                return (f"{label}含有不可见的控制字符或特殊符号 ␟，请删除后重新导入",
                        f"{en[0].upper()}{en[1:]} holds invisible control characters or the symbol ␟: "
                        "remove them and import again")
        if self.template is not None:
            length = self.text_base + sum(map(len, vals))
            if length > self.max_text:
                return (f"填入变量后的短信内容过长：{length} 字，上限 {self.max_text} 字",
                        f"The message with the values filled in is too long: {length} characters, "
                        f"at most {self.max_text}")
        return None

    def first_rows(self) -> array:
        return first_rows(self.valid, self.d_mobiles)


def first_rows(valid: ValidRows, d_mobiles: Sequence[str], found: dict[str, int] | None = None) -> array:
    """For each duplicate, the row where its number first appeared as valid (one pass, only if needed).
    *found*: first rows already known (the reader process's parent finds most while rows arrive)."""
    wanted = set(d_mobiles)
    found = {} if found is None else found
    if wanted.issubset(found):
        return array("I", map(found.__getitem__, d_mobiles))
    for chunk, numbers in zip(valid._chunks, valid._numbers):
        if len(found) == len(wanted):
            break
        mobiles = chunk[0].split(",")
        for m in wanted.intersection(mobiles).difference(found):
            found[m] = numbers[mobiles.index(m)]
    return array("I", map(found.__getitem__, d_mobiles))


_EMPTY_REASON = (REASONS_ZH[EMPTY], REASONS_EN[EMPTY])


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
    """Stream *sheet* once with *layout*, validating every data row (see the module's docstring).

    ``on_progress(rows_done, fraction)`` and the *cancel* check run between batches of 128 rows;
    cancelling raises :class:`Cancelled`. Raises SheetError when there is no mobile column or no
    data row. In this process: :func:`ljsms_desktop.sheets.import_sheet` runs it in a reader process.
    """
    started = time.perf_counter()
    run, done = check_rows(sheet, layout, template=template, max_value_chars=max_value_chars,
                           max_text_chars=max_text_chars, on_progress=on_progress, cancel=cancel)
    return build_result(path or Path(sheet.name), layout, template, run.valid, run, started=started,
                        on_progress=on_progress, done=done)


def check_rows(
    sheet: Sheet,
    layout: Layout,
    *,
    template: str | None = None,
    max_value_chars: int = MAX_VALUE_CHARS,
    max_text_chars: int = MAX_TEXT_CHARS,
    on_progress: ProgressFn | None = None,
    cancel: CancelArg = None,
    valid: ValidRows | None = None,
    duplicates: list[str] | None = None,
    max_rows: int | None = None,
    sink: Callable[[int, list[object], list[int] | None, Sequence[object]], None] | None = None,
) -> tuple[_Run, int]:
    """The row checks of :func:`validate_sheet`: (the run's state, data rows looked at). *valid* may be
    a ValidRows that hands its batches on, *duplicates* the list the duplicates' numbers are appended
    to; *max_rows* refuses a sheet with more data rows than that. With *sink*, the batches are only
    read and encoded here: ``sink(first_row, encode_columns(...), filled, mobile_cells)`` for each (the reader
    process sends them; its caller checks them with :func:`texts_run`); *filled*: the batch's rows
    whose mobile is empty but which have other cells filled (None: none)."""
    if layout.mobile_column is None:
        raise SheetError("没有找到手机号所在的列。请指定手机号列（表头名称、列字母如 B，或列序号如 2）。")
    k = len(layout.variable_columns)
    if template is not None and placeholder_count(template) != k:
        raise SheetError(f"模板中有 {placeholder_count(template)} 个变量 {{}}，但选择了 {k} 个变量列。")
    check = cancel_check(cancel)
    cols = [layout.mobile_column, *layout.variable_columns]
    shift = max(0, sheet.col_offset - min(cols))  # a chosen column left of the first non-empty one
    base = sheet.col_offset - shift
    mi = layout.mobile_column - base
    vis = [c - base for c in layout.variable_columns]
    need = max([mi, *vis]) + 1
    run = _Run(layout, mi, vis, template, max_value_chars, max_text_chars)
    if valid is not None:
        run.valid = valid
    if duplicates is not None:
        run.d_mobiles = duplicates
    getters = [itemgetter(c) for c in (mi, *vis)]
    # The chosen columns are the whole row, in order (calamine rows are all the sheet's width): transpose.
    whole_rows = (
        [mi, *vis] == list(range(need)) and sheet.width is not None and sheet.width - sheet.col_offset + shift == need
    )
    first_data = (layout.header_row or 0) + 1
    limit = first_data + max_rows if max_rows is not None else None

    rows_iter: Iterator[Sequence[object]] = sheet.rows()
    if shift:
        pad = [""] * shift
        rows_iter = (pad + list(r) for r in rows_iter)
    rows_iter = islice(rows_iter, first_data - 1, None)
    number = first_data
    # The loop creates no reference cycles; the cyclic collector's passes over the process's
    # long-lived objects (triggered by the many short-lived row lists) cost ~20% of the import.
    collecting = gc.isenabled()
    gc.disable()
    try:
        while True:
            if check is not None and check():
                raise Cancelled()
            if whole_rows:  # transpose straight from the reader; rows are rebuilt only for suspects
                columns: list[Sequence[object]] = list(zip(*islice(rows_iter, BATCH)))
                if not columns:
                    break
                if sink is not None:
                    sink(number, encode_columns(columns, run.caches), None, columns[0])
                else:
                    run.batch(_ColumnRows(columns), columns, number)
                number += len(columns[0])
                if limit is not None and number > limit:
                    raise _too_many_rows(max_rows)  # type: ignore[arg-type]
                if on_progress is not None:
                    on_progress(number - first_data, sheet.fraction(number - 1))
                continue
            batch = list(islice(rows_iter, BATCH))
            if not batch:
                break
            try:
                columns = [list(map(g, batch)) for g in getters]
            except IndexError:  # short rows (CSV): pad them
                batch = [r if len(r) >= need else [*r, *([""] * (need - len(r)))] for r in batch]
                columns = [list(map(g, batch)) for g in getters]
            if sink is not None:
                enc = encode_columns(columns, run.caches)
                if not enc[0]:
                    filled = _filled(batch, enc[1])
                else:  # floats: only a NaN reads as a blank mobile
                    filled = _filled(batch, list(map(cell_text, columns[0]))) if any(map(isnan, columns[0])) else None
                sink(number, enc, filled, columns[0])
            else:
                run.batch(batch, columns, number)
            number += len(batch)
            if limit is not None and number > limit:
                raise _too_many_rows(max_rows)  # type: ignore[arg-type]
            if on_progress is not None:
                on_progress(number - first_data, sheet.fraction(number - 1))
    finally:
        if collecting:
            gc.enable()
    return run, number - first_data


def _filled(batch: Sequence[Sequence[object]], mobiles: object) -> list[int] | None:
    """The rows of *batch* whose mobile text (*mobiles*: ␟-joined or a list) is blank but which have
    another cell filled: check_row refuses them ("手机号为空") instead of skipping them."""
    texts = mobiles.split(US) if mobiles.__class__ is str else mobiles  # type: ignore[union-attr]
    blank = compress(range(len(texts)), map(not_, map(str.strip, texts)))  # type: ignore[arg-type]
    found = [i for i in blank if any(map(cell_text, batch[i]))]
    return found or None


def _too_many_rows(limit: int) -> SheetError:
    return SheetError(f"表格的数据行超过 {limit:,} 行，超出了一次导入的上限。请拆分成几个文件再导入。",
                      code="too_large",
                      message_en=f"The sheet has more than {limit:,} data rows, beyond one import's limit. "
                      "Split it into several files.")


def build_result(path: Path, layout: Layout, template: str | None, valid: ValidRows, run: object, *,
                 started: float, on_progress: ProgressFn | None = None, done: int = 0,
                 found: dict[str, int] | None = None) -> ImportResult:
    """The ImportResult of a finished check: *run* holds the problem rows (``p_rows``, ``p_reasons``,
    ``p_reasons_en``) and the duplicates (``d_rows``, ``d_mobiles``); *valid* the valid rows."""
    result = ImportResult(path, layout, template, valid)
    result._problem_rows, result._problem_reasons = run.p_rows, run.p_reasons  # type: ignore[attr-defined]
    result._problem_reasons_en = run.p_reasons_en  # type: ignore[attr-defined]
    result._dup_rows = run.d_rows  # type: ignore[attr-defined]
    result._dup_firsts = first_rows(valid, run.d_mobiles, found)  # type: ignore[attr-defined]
    result.invalid = len(result._problem_rows)
    result.duplicates = len(result._dup_rows)
    result.rows = len(valid) + result.invalid + result.duplicates
    result.seconds = time.perf_counter() - started
    if result.rows == 0:
        where = f"（表头在第 {layout.header_row} 行）" if layout.header_row else ""
        raise SheetError(f"工作表“{layout.sheet}”没有数据行{where}，请检查是否选对了工作表。", code="no_data",
                         message_en=f"The sheet “{layout.sheet}” has no data rows"
                         + (f" (the header is row {layout.header_row})" if layout.header_row else "")
                         + ": check that the right sheet is chosen.")
    if on_progress is not None:
        on_progress(done, 1.0)
    return result


def layout_for(
    data: Sheet,
    *,
    header_row: int | None | str = AUTO,
    mobile_column: str | int | None = None,
    variable_columns: Sequence[str | int] | None = None,
    template: str | None = None,
) -> Layout:
    """The layout :func:`import_sheet` reads *data* with — the reader process (sheets.worker) uses it
    too, so both roads map the same columns."""
    return detect_layout(
        data,
        header_row=header_row,
        mobile_column=mobile_column,
        variable_columns=variable_columns,
        variables=placeholder_count(template) if template is not None else None,
        template=template,   # header words around each {} pick its column first
    )


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
    with Workbook(path) as wb:
        data = wb.sheet(sheet)
        layout = layout_for(data, header_row=header_row, mobile_column=mobile_column,
                            variable_columns=variable_columns, template=template)
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
