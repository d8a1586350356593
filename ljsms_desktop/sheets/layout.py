"""Where the header, the mobile column and the template variables are in a sheet.

Detection looks at the first non-empty rows only (a preview), so it costs nothing on big files:

- Header row: the first of the first 10 non-empty rows that names a phone column (手机/手机号/号码/
  mobile/phone/电话…) and holds no mobile number itself; failing that, the first non-empty row when
  it holds only non-numeric text and no number. Rows above the header (a title such as
  “双十一客户名单”) are skipped. ``header_row=None`` forces "no header".
- Mobile column: a score per column: the share of valid mobile numbers in its data cells, plus a bonus
  when the header names a phone column (more for 手机/mobile than for 号码/电话/phone). A header
  word alone is enough, so a column whose numbers were all mangled into ``1.38E+10`` is still
  found and every row gets its reason; data alone needs half of the cells to be mobiles.
- Variables: never an index-like column (序号/编号/No./ID/#, or data that counts 1, 2, 3…) nor a
  ``问题`` column (the reason column of an exported list of invalid rows). ``suggest_variables``
  (the window) maps a ``{}`` only where the header words fit the template around it — a name
  column after 尊敬的/亲爱的 or before 您好, 订单号 after 订单 — and leaves the rest unset for the
  user; ``detect_layout`` (the command line, which prints the mapping) takes those matches and fills
  the rest with the other columns left to right. All overridable.

Columns are absolute 0-based indexes (0 = column A) everywhere in this package.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice

from ..core.numbers import normalize_mobile
from .cells import cell_text, column_letter, letter_index
from .errors import SheetError
from .reader import Sheet

REASON_COLUMN = "问题"
INDEX_HEADERS = frozenset({"序号", "编号", "行号", "序列号", "no", "no.", "nr", "id", "#", "index", "s/n", "sn"})
_NAME_HEADERS = ("姓名", "名字", "称呼", "客户名", "联系人", "收件人", "name")
_NAME_BEFORE = ("尊敬的", "亲爱的", "敬爱的", "dear", "hi", "hello", "致")
_NAME_AFTER = ("您好", "你好", "先生", "女士", "小姐", "同学", "老师", "会员您好")
_CONTEXT_PUNCT = " \t：:，,。.、！!？?“”\"'‘’（）()【】[]-—_"
_STRONG = ("手机", "mobile", "cell", "移动电话")
_WEAK = ("号码", "电话", "phone", "tel", "联系方式")
PREVIEW_ROWS = 30
SCAN_ROWS = 500

AUTO = "auto"


@dataclass
class Layout:
    """The columns of one sheet as the import will read them."""

    sheet: str
    header_row: int | None  # spreadsheet row number of the header; None = no header
    headers: list[str]  # per absolute column ("" when there is no header text)
    mobile_column: int | None  # absolute 0-based column, None when not found
    variable_columns: list[int] = field(default_factory=list)
    other_columns: list[int] = field(default_factory=list)  # candidates for variables, left to right
    preview: list[tuple[int, list[str]]] = field(default_factory=list)  # (row number, texts) after the header

    @property
    def width(self) -> int:
        return len(self.headers)

    def label(self, column: int) -> str:
        """``B列（姓名）`` — how messages name a column."""
        name = self.headers[column] if column < len(self.headers) else ""
        return f"{column_letter(column)}列（{name}）" if name else f"{column_letter(column)}列"

    def label_en(self, column: int) -> str:
        """``Column B (姓名)`` — the same in English, for the window's English interface."""
        name = self.headers[column] if column < len(self.headers) else ""
        return f"Column {column_letter(column)} ({name})" if name else f"Column {column_letter(column)}"

    def header_text(self, column: int) -> str:
        return (self.headers[column] if column < len(self.headers) else "") or f"{column_letter(column)}列"

    def to_dict(self) -> dict[str, object]:
        return {
            "sheet": self.sheet,
            "header_row": self.header_row,
            "headers": list(self.headers),
            "mobile_column": None if self.mobile_column is None else column_letter(self.mobile_column),
            "variable_columns": [column_letter(c) for c in self.variable_columns],
        }


def preview_rows(sheet: Sheet, limit: int = PREVIEW_ROWS, scan: int = SCAN_ROWS) -> list[tuple[int, list[str]]]:
    """The first *limit* non-empty rows (within the first *scan* rows) as texts, by absolute column."""
    out: list[tuple[int, list[str]]] = []
    pad = [""] * sheet.col_offset
    for number, row in enumerate(islice(sheet.rows(), scan), 1):
        texts = [cell_text(v) for v in row]
        if any(texts):
            while texts and not texts[-1]:
                texts.pop()
            out.append((number, pad + texts))
            if len(out) >= limit:
                break
    return out


def _keyword_bonus(text: str) -> float:
    low = text.strip().lower()
    if not low:
        return 0.0
    if any(w in low for w in _STRONG):
        return 0.5
    if any(w in low for w in _WEAK):
        return 0.4
    return 0.0


def _is_mobile(text: str) -> bool:
    return bool(text) and normalize_mobile(text).ok


def _numberish(text: str) -> bool:
    t = text.replace(",", "").replace(".", "", 1).replace("-", "", 1).replace("+", "", 1).strip()
    return t.isdigit()


def _detect_header(rows: list[tuple[int, list[str]]]) -> int | None:
    for number, texts in rows[:10]:
        if any(_is_mobile(t) for t in texts):
            continue
        if any(_keyword_bonus(t) for t in texts):
            return number
    if len(rows) >= 2:
        number, texts = rows[0]
        cells = [t for t in texts if t]
        if cells and not any(_is_mobile(t) or _numberish(t) for t in cells):
            return number
    return None


def resolve_column(spec: str | int, headers: Sequence[str], *, what: str = "列") -> int:
    """Column *spec* → absolute 0-based index.

    *spec* is a header name (exact, then case-insensitive), a column letter (``B``), or a 1-based
    position (``2`` or the int 2). Raises SheetError naming the available columns otherwise.
    """
    if isinstance(spec, int):
        if spec >= 1:
            return spec - 1
    else:
        text = spec.strip()
        for i, h in enumerate(headers):
            if h and h == text:
                return i
        for i, h in enumerate(headers):
            if h and h.lower() == text.lower():
                return i
        idx = letter_index(text)
        if idx is not None:
            return idx
        if text.isdigit() and int(text) >= 1:
            return int(text) - 1
    names = "、".join(f"{column_letter(i)}={h}" for i, h in enumerate(headers) if h) or "（表头为空）"
    raise SheetError(f"找不到{what}“{spec}”。可以用表头名称、列字母（如 B）或列序号（如 2）指定。现有的列：{names}")


def detect_layout(
    sheet: Sheet,
    *,
    header_row: int | None | str = AUTO,
    mobile_column: str | int | None = None,
    variable_columns: Sequence[str | int] | None = None,
    variables: int | None = None,
    template: str | None = None,
) -> Layout:
    """Work out the layout of *sheet*, honouring any overrides.

    *variables* is how many template variables are needed (``placeholder_count(template)``); with
    None and no *variable_columns*, the import reads no variables. Raises SheetError when the
    sheet has no data or the overrides do not fit it. ``mobile_column`` of the result is None when
    nothing looks like a phone column and none was given (ask the user).
    """
    rows = preview_rows(sheet)
    if not rows:
        raise SheetError(f"工作表“{sheet.name}”是空的，没有任何数据。")
    if header_row == AUTO:
        hdr = _detect_header(rows)
    elif header_row is None or header_row == 0:
        hdr = None
    else:
        hdr = int(header_row)
    header_texts: list[str] = []
    if hdr is not None:
        header_texts = next((t for n, t in rows if n == hdr), [])
        if not header_texts and header_row != AUTO:
            header_texts = _row_texts(sheet, hdr)
    data = [(n, t) for n, t in rows if hdr is None or n > hdr]
    width = max([len(header_texts)] + [len(t) for _, t in data])
    headers = header_texts + [""] * (width - len(header_texts))

    if mobile_column is not None and mobile_column != "":
        mobile = resolve_column(mobile_column, headers, what="手机号列")
    else:
        mobile = _guess_mobile(headers, data, width)
    width = max(width, (mobile or 0) + 1)

    filled = {i for _, t in data for i, v in enumerate(t) if v}
    others = [
        i
        for i in range(width)
        if i != mobile and (headers[i] or i in filled) and headers[i] != REASON_COLUMN
        and not is_index_column(headers[i], [t[i] for _, t in data if i < len(t)])
    ]
    if variable_columns:
        chosen = [resolve_column(s, headers, what="变量列") for s in variable_columns]
        if variables is not None and len(chosen) != variables:
            raise SheetError(f"模板中有 {variables} 个变量 {{}}，但指定了 {len(chosen)} 列。")
        if mobile is not None and mobile in chosen:
            raise SheetError("手机号列不能同时作为变量列。")
    elif variables:
        if len(others) < variables:
            have = len(others)
            raise SheetError(
                f"模板中有 {variables} 个变量 {{}}，但表格除手机号外只有 {have} 列数据。"
                "请检查模板，或在表格中补上变量列。"
            )
        chosen = others[:variables]
        if template is not None:
            # Header words first; the rest left to right among the columns those did not take.
            words = suggest_variables(template, headers, others)
            rest = iter(c for c in others if c not in words)
            chosen = [c if c is not None else next(rest) for c in words][:variables]
    else:
        chosen = []
    width = max([width] + [c + 1 for c in chosen])
    headers += [""] * (width - len(headers))
    return Layout(sheet.name, hdr, headers, mobile, chosen, others, data)


def is_index_column(header: str, cells: Sequence[str] = ()) -> bool:
    """True for a running-number column: headed 序号/编号/No./ID/#…, or whose data counts 1, 2, 3…
    (at least three rows, from 0 or 1, each one more than the last). Never a template variable by default."""
    if header.strip().lower() in INDEX_HEADERS:
        return True
    values = [c.strip() for c in cells if c and c.strip()]
    if len(values) < 3 or not all(v.isdigit() and v.isascii() and len(v) <= 7 for v in values):
        return False
    numbers = [int(v) for v in values]   # counts from 0 or 1 (consecutive order numbers 1001, 1002… are data)
    return numbers[0] <= 1 and all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


def placeholder_contexts(template: str) -> list[tuple[str, str]]:
    """For each ``{}`` of *template*: the text just before it and just after it (up to the
    neighbouring ``{}``), without a 【signature】."""
    pieces = template.split("{}")
    out = []
    for i in range(len(pieces) - 1):
        before = pieces[i].rsplit("】", 1)[-1] if i == 0 else pieces[i]
        after = pieces[i + 1].split("【", 1)[0] if i == len(pieces) - 2 else pieces[i + 1]
        out.append((before[-10:], after[:8]))
    return out


def _common_run(a: str, b: str) -> int:
    """Length of the longest run of characters *a* and *b* share."""
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


def _word_score(header: str, before: str, after: str) -> int:
    """How well a column's *header* fits a ``{}`` between *before* and *after* (0: not at all)."""
    h = header.strip().lower()
    if not h:
        return 0
    b = before.lower().rstrip(_CONTEXT_PUNCT)
    a = after.lower().lstrip(_CONTEXT_PUNCT)
    if any(w in h for w in _NAME_HEADERS) or h in ("客户", "会员"):
        if b.endswith(_NAME_BEFORE) or a.startswith(_NAME_AFTER):
            return 20
    least = 3 if h.isascii() else 2
    # The words before a {} name it (订单{}, 券码：{}) and count most; the words after it only
    # sometimes do ({}积分) and often name the next one ({}的订单{}), so they count least.
    before, after = _common_run(h, b[-6:]), _common_run(h, a[:4])
    core = h.removesuffix("编号").removesuffix("号码").removesuffix("号").removesuffix("码").removesuffix("名称")
    score_before = before + 1 + (5 if core and core in b[-6:] else 0) if before >= least else 0
    return max(score_before, after if after >= least else 0)


def suggest_variables(template: str, headers: Sequence[str], candidates: Sequence[int]) -> list[int | None]:
    """A column for each ``{}`` of *template* where the header words fit, else None (ask the user).

    *candidates* are the columns a variable may take (``Layout.other_columns``: no mobile, index
    or 问题 column). A column fits by the words around its ``{}``: a name column (姓名/客户姓名/
    name…) after 尊敬的/亲爱的 or before 您好/先生/女士; otherwise a header sharing at least two
    characters with the words just before or after (订单{} → 订单号, 优惠券{} → 优惠券码); a tie
    is no match. When a single ``{}`` and a single column are left over, they go together.
    """
    contexts = placeholder_contexts(template)
    chosen: list[int | None] = [None] * len(contexts)
    scored = []
    for i, (before, after) in enumerate(contexts):
        for col in candidates:
            score = _word_score(headers[col] if col < len(headers) else "", before, after)
            if score:
                scored.append((score, i, col))
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    used: set[int] = set()
    for score, i, col in scored:
        if chosen[i] is not None or col in used:
            continue
        if any(s == score and j == i and c != col and c not in used for s, j, c in scored):
            continue   # two columns fit this {} equally well: let the user choose
        chosen[i] = col
        used.add(col)
    left = [c for c in candidates if c not in used]
    unset = [i for i, c in enumerate(chosen) if c is None]
    if len(unset) == 1 and len(left) == 1:
        chosen[unset[0]] = left[0]
    return chosen


def _row_texts(sheet: Sheet, number: int) -> list[str]:
    for n, row in enumerate(islice(sheet.rows(), number), 1):
        if n == number:
            return [""] * sheet.col_offset + [cell_text(v) for v in row]
    return []


def _guess_mobile(headers: list[str], data: list[tuple[int, list[str]]], width: int) -> int | None:
    best, best_score = None, 0.0
    for col in range(width):
        cells = [t[col] for _, t in data if col < len(t) and t[col]]
        ratio = sum(1 for c in cells if _is_mobile(c)) / len(cells) if cells else 0.0
        score = ratio + _keyword_bonus(headers[col] if col < len(headers) else "")
        if score > best_score + 1e-9:
            best, best_score = col, score
    if best is None:
        return None
    if best_score >= 0.5 or _keyword_bonus(headers[best] if best < len(headers) else ""):
        return best
    return None
