"""Campaign planning: from raw numbers (and template values) to what will be sent, and what it costs.

Pure and in memory: no I/O, no gateway. A Plan says which numbers will receive a message (valid,
first occurrence, not suppressed), which were left out and why, how many messages it costs
(the 70/67 rule per recipient), what blocks sending (``problems``) and what only deserves a
look (``warnings``), and cuts the recipients into gateway-sized batches (≤2000 plain, ≤1000
template, contract §1/§2).

Indexes are 0-based positions in the input; the UI/CLI turns them into line or row numbers.

Speed: a raw value that is already 11 ASCII digits (str or int) is checked against the CN
mobile pattern (numbers' phonenumbers-derived regex) directly; everything else goes through
``numbers.normalize_mobile``. Template rows are costed without rendering (fixed units of the
template + units of the values). Measured on the 2-core build machine (``python
tests/test_core_planning.py N``): 200,000 numbers plain ≈0.2 s, template ≈0.5-0.6 s;
1,000,000 numbers plain ≈1.3 s, template ≈2.7 s.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from . import numbers as _numbers
from .numbers import REASONS_ZH, normalize_mobile
from .optout import has_opt_out_line
from .segments import SINGLE_LIMIT, char_count, has_astral, parts_for_length
from .signature import SIGNATURE_EN, has_signature, signature_problem
from .templates import count_mismatch_zh, placeholder_count

PLAIN_BATCH_MAX = 2000
"""Numbers per plain send request (contract §1, error 40013 above)."""
TEMPLATE_BATCH_MAX = 1000
"""Entries per template send request (contract §2, error 40018 above)."""
CONTENT_MAX = 500
"""Longest message (signature included) we let through. The vendor text names no figure (error
40011 only says "too long"); 500 is the usual ceiling of Chinese SMS platforms."""

# Row reasons added by template planning (number reasons are numbers.REASONS_ZH keys; each Invalid
# carries its Chinese text).
VALUE_COUNT = "value_count"
VALUE_EMPTY = "value_empty"
VALUE_TYPE = "value_type"
VALUE_TOO_LONG = "value_too_long"
TOO_LONG = "too_long"

# Problem / warning codes.
P_EMPTY_CONTENT = "empty_content"
P_NO_SIGNATURE = "no_signature"
P_TOO_LONG = "too_long"
P_NO_RECIPIENTS = "no_recipients"
P_VALUE_COUNT = "value_count"
P_NO_TEMPLATE_ID = "no_template_id"
W_NO_OPT_OUT = "no_opt_out"
W_INVALID = "invalid"
W_DUPLICATES = "duplicates"
W_SUPPRESSED = "suppressed"
W_VALUE_ROWS = "value_rows"
W_NO_PLACEHOLDERS = "no_placeholders"
W_MULTIPART = "multipart"


class Invalid(NamedTuple):
    index: int
    raw: str
    reason: str
    reason_zh: str


class Duplicate(NamedTuple):
    index: int
    mobile: str
    first_index: int


class Problem(NamedTuple):
    code: str
    message_zh: str
    message_en: str = ""


class Batch(NamedTuple):
    number: int
    """0-based batch number."""
    mobiles: list[str]
    values: list[list[str]]
    """Aligned with mobiles for a template plan; empty for a plain one."""


@dataclass(slots=True)
class Plan:
    """What a campaign will send. Build with plan_plain / plan_template."""

    kind: Literal["plain", "template"]
    content: str = ""
    template: str = ""
    template_id: str = ""
    batch_size: int = PLAIN_BATCH_MAX
    recipients: list[str] = field(default_factory=list, repr=False)
    values: list[list[str]] = field(default_factory=list, repr=False)
    """Template only: each recipient's values (fresh lists of str), aligned with recipients."""
    invalid: list[Invalid] = field(default_factory=list, repr=False)
    duplicates: list[Duplicate] = field(default_factory=list, repr=False)
    suppressed: list[str] = field(default_factory=list, repr=False)
    parts_per_recipient: int = 0
    """Plain: messages per recipient. Template: the largest per-recipient count (see recipient_parts)."""
    recipient_parts: list[int] = field(default_factory=list, repr=False)
    """Template only: messages for each recipient, aligned with recipients."""
    total_parts: int = 0
    problems: list[Problem] = field(default_factory=list)
    """Issues that block sending."""
    warnings: list[Problem] = field(default_factory=list)
    """Issues worth showing that do not block sending (no 退订 line, rows left out, long text…)."""
    input_count: int = 0

    @property
    def ok(self) -> bool:
        """True when nothing blocks sending (there are recipients and no problems)."""
        return not self.problems

    @property
    def cost(self) -> int:
        """Messages charged (= total_parts)."""
        return self.total_parts

    @property
    def parts_min(self) -> int:
        """Fewest messages any recipient gets (equals parts_per_recipient for a plain plan)."""
        if self.kind == "template":
            return min(self.recipient_parts, default=0)
        return self.parts_per_recipient

    def fits(self, balance: int) -> bool:
        """True when *balance* (messages left on the account) covers the cost."""
        return self.total_parts <= balance

    @property
    def batch_count(self) -> int:
        return -(-len(self.recipients) // self.batch_size)

    def batch(self, i: int) -> Batch:
        """Batch *i* (0-based): at most batch_size numbers, with their values for a template plan."""
        if not 0 <= i < self.batch_count:
            raise IndexError(f"batch {i} out of range 0..{self.batch_count - 1}")
        lo, hi = i * self.batch_size, (i + 1) * self.batch_size
        vals = self.values[lo:hi] if self.kind == "template" else []
        return Batch(i, self.recipients[lo:hi], vals)

    def batches(self) -> Iterator[Batch]:
        """All batches in order."""
        for i in range(self.batch_count):
            yield self.batch(i)

    def summary_zh(self) -> str:
        """One line for the confirm dialog / CLI."""
        unit = "行" if self.kind == "template" else "个号码"
        s = f"共 {self.input_count} {unit}：有效 {len(self.recipients)} 个"
        if self.invalid:
            s += f"，无效 {len(self.invalid)} 个"
        if self.duplicates:
            s += f"，重复 {len(self.duplicates)} 个"
        if self.suppressed:
            s += f"，已退订/屏蔽 {len(self.suppressed)} 个"
        s += f"；预计消耗 {self.total_parts} 条短信，分 {self.batch_count} 批发送"
        return s


def _check_batch_size(batch_size: int, limit: int) -> int:
    if not isinstance(batch_size, int) or not 1 <= batch_size <= limit:
        raise ValueError(f"batch_size must be 1..{limit}, got {batch_size!r}")
    return batch_size


def _as_set(suppressed: Container[str]) -> Container[str]:
    # A list would make each look-up linear; sets and dict views stay as they are.
    if isinstance(suppressed, (list, tuple)):
        return frozenset(suppressed)
    return suppressed


_CN_FULLMATCH = _numbers.CN_MOBILE.fullmatch
_NOT_MOBILE = _numbers.NOT_MOBILE


def _check(raw: object) -> tuple[str | None, str]:
    """(mobile or None, reason key or raw-text) — fast path for 11 ASCII digits."""
    cls = raw.__class__
    if cls is str:
        s = raw
    elif cls is int:
        s = str(raw)
    else:
        s = None
    if s is not None and len(s) == 11 and s.isdigit() and s.isascii():
        if _CN_FULLMATCH(s):
            return s, ""
        return None, _NOT_MOBILE
    c = normalize_mobile(raw)
    return c.mobile, c.reason or ""


def _content_problems(text: str, what: tuple[str, str], problems: list[Problem], warnings: list[Problem]) -> None:
    """Signature / emptiness / length / opt-out checks shared by plain content and templates
    (*what*: the text's name in Chinese and in English)."""
    what, what_en = what
    if not text.strip():
        problems.append(Problem(P_EMPTY_CONTENT, f"{what}为空", f"The {what_en} is empty"))
        return
    if not has_signature(text):
        why = signature_problem(text) or ""
        problems.append(Problem(P_NO_SIGNATURE, why, SIGNATURE_EN.get(why, "")))
    n = char_count(text)
    if n > CONTENT_MAX:
        problems.append(Problem(P_TOO_LONG, f"{what}共 {n} 字，超过 {CONTENT_MAX} 字上限（含签名），请删减",
                                f"The {what_en} has {n} characters, over the limit of {CONTENT_MAX} "
                                "(signature included): please shorten it"))
    if not has_opt_out_line(text):
        warnings.append(
            Problem(W_NO_OPT_OUT, "内容中没有退订方式（如“回T退订”）：营销短信须告知退订方式，否则易被投诉或拦截",
                    "The text does not say how to opt out (e.g. “回T退订”): marketing SMS must, or they draw "
                    "complaints and get blocked")
        )


def _list_warnings(plan: Plan) -> None:
    if plan.invalid:
        plan.warnings.append(Problem(W_INVALID, f"{len(plan.invalid)} 行无效，已排除",
                                     f"{len(plan.invalid)} invalid line(s) left out"))
    if plan.duplicates:
        plan.warnings.append(Problem(W_DUPLICATES, f"{len(plan.duplicates)} 个重复号码，只发送一次",
                                     f"{len(plan.duplicates)} repeated number(s), sent once"))
    if plan.suppressed:
        plan.warnings.append(Problem(W_SUPPRESSED, f"{len(plan.suppressed)} 个号码已退订或在屏蔽名单中，不会发送",
                                     f"{len(plan.suppressed)} number(s) opted out or blocked: not sent"))
    if not plan.recipients and not any(p.code == P_VALUE_COUNT for p in plan.problems):
        plan.problems.append(Problem(P_NO_RECIPIENTS, "没有可发送的有效号码", "No valid number to send to"))


def plan_plain(
    content: str,
    raw_numbers: Iterable[object],
    *,
    suppressed: Container[str] = (),
    batch_size: int = PLAIN_BATCH_MAX,
) -> Plan:
    """Plan a plain send of *content* to *raw_numbers* (str/int, as typed, pasted or read from a sheet).

    *suppressed* holds normalised 11-digit numbers (opt-outs, blocklist) that must not receive it.
    """
    plan = Plan("plain", content=content, batch_size=_check_batch_size(batch_size, PLAIN_BATCH_MAX))
    _content_problems(content, ("短信内容", "message"), plan.problems, plan.warnings)
    plan.parts_per_recipient = parts_for_length(char_count(content))
    if plan.parts_per_recipient > 1:
        plan.warnings.append(
            Problem(W_MULTIPART, f"内容较长，每个号码按 {plan.parts_per_recipient} 条计费",
                    f"Long text: each number is charged {plan.parts_per_recipient} messages")
        )

    sup = _as_set(suppressed)
    recipients = plan.recipients
    invalid = plan.invalid
    duplicates = plan.duplicates
    sup_out = plan.suppressed
    first: dict[str, int] = {}
    fullmatch = _CN_FULLMATCH
    index = -1
    for index, raw in enumerate(raw_numbers):
        # Inlined fast path of _check (this loop runs once per number).
        if raw.__class__ is str and len(raw) == 11 and raw.isdigit() and raw.isascii() and fullmatch(raw):
            mobile = raw
        else:
            mobile, reason = _check(raw)
            if mobile is None:
                invalid.append(Invalid(index, "" if raw is None else str(raw), reason, REASONS_ZH.get(reason, "")))
                continue
        seen = first.get(mobile)
        if seen is not None:
            duplicates.append(Duplicate(index, mobile, seen))
            continue
        first[mobile] = index
        if sup and mobile in sup:
            sup_out.append(mobile)
            continue
        recipients.append(mobile)
    plan.input_count = index + 1
    plan.total_parts = plan.parts_per_recipient * len(recipients)
    _list_warnings(plan)
    return plan


def _raw_text(raw: object) -> str:
    return "" if raw is None else str(raw)


def _value_text(v: object) -> str | None:
    if v.__class__ is str:
        return v  # type: ignore[return-value]
    if v is None:
        return ""
    if isinstance(v, int) and not isinstance(v, bool):
        return str(v)
    return None


def plan_template(
    template: str,
    template_id: str,
    rows: Iterable[tuple[object, Sequence[str]]],
    *,
    suppressed: Container[str] = (),
    batch_size: int = TEMPLATE_BATCH_MAX,
    max_value_len: int | None = None,
    allow_empty_values: bool = False,
) -> Plan:
    """Plan a template send: each row is (raw number, values for the ``{}`` in order).

    A row is left out (``invalid``) when its number is invalid or its values do not fit: wrong
    count, an empty value (unless *allow_empty_values*), a value that is not text (ints are taken
    as their digits, None as empty), a value longer than *max_value_len*, or a rendered text over
    CONTENT_MAX. Duplicates are decided by number: the first sendable row of a number is sent,
        later ones are listed in ``duplicates`` (a row left out for its values does not count).
    When every row with a valid number has the wrong value count the column mapping is wrong,
    and that is a problem; when only some do, a warning. A bare str instead of a value list is
    taken as one value.
    """
    plan = Plan(
        "template",
        template=template,
        template_id=template_id,
        batch_size=_check_batch_size(batch_size, TEMPLATE_BATCH_MAX),
    )
    _content_problems(template, ("模板", "template"), plan.problems, plan.warnings)
    if not (template_id or "").strip():
        plan.problems.append(Problem(P_NO_TEMPLATE_ID, "缺少模板编号（templateId），请填写联江平台上的模板编号",
                                     "No template ID (templateId): fill in the template's ID from the 联江 platform"))
    expected = placeholder_count(template)
    if expected == 0 and template.strip():
        plan.warnings.append(
            Problem(W_NO_PLACEHOLDERS, "模板中没有 {} 变量：每个号码收到的内容相同，也可改用普通群发",
                    "The template has no {} variable: every number gets the same text (a plain send does that too)")
        )
    # Units of the fixed text; a rendered text is that plus its values' units.
    fixed_units = char_count(template) - 2 * expected

    sup = _as_set(suppressed)
    recipients = plan.recipients
    values_out = plan.values
    parts_out = plan.recipient_parts
    invalid = plan.invalid
    first: dict[str, int] = {}
    fullmatch = _CN_FULLMATCH
    count_bad = 0
    valid_numbers = 0
    total = 0
    index = -1
    for index, (raw, vals) in enumerate(rows):
        if raw.__class__ is str and len(raw) == 11 and raw.isdigit() and raw.isascii() and fullmatch(raw):
            mobile = raw
        else:
            mobile, reason = _check(raw)
            if mobile is None:
                invalid.append(Invalid(index, _raw_text(raw), reason, REASONS_ZH.get(reason, "")))
                continue
        valid_numbers += 1
        # Always a fresh list: the plan must not alias a list the caller may reuse for the next row.
        if vals.__class__ is list:
            vals = vals[:]
        elif vals is None:
            vals = []
        elif isinstance(vals, str):  # one value given bare
            vals = [vals]
        else:
            vals = list(vals)
        if len(vals) != expected:
            raw_text = _raw_text(raw)
            count_bad += 1
            invalid.append(Invalid(index, raw_text, VALUE_COUNT, count_mismatch_zh(expected, len(vals))))
            continue
        # Fast path: all values non-empty str (join fails on anything else) and no length cap.
        try:
            joined = "".join(vals)
        except TypeError:
            joined = None
        if joined is not None and max_value_len is None and (allow_empty_values or all(vals)):
            texts = vals
            units = fixed_units + (
                len(joined) if joined.isascii() or not has_astral(joined) else char_count(joined)
            )
        else:
            raw_text = _raw_text(raw)
            texts = []
            bad: Invalid | None = None
            for pos, v in enumerate(vals, 1):
                t = _value_text(v)
                if t is None:
                    bad = Invalid(
                        index, raw_text, VALUE_TYPE, f"第 {pos} 个变量不是文字（{type(v).__name__}），请把该列设为文本"
                    )
                    break
                if not t and not allow_empty_values:
                    bad = Invalid(index, raw_text, VALUE_EMPTY, f"第 {pos} 个变量为空")
                    break
                if max_value_len is not None and char_count(t) > max_value_len:
                    bad = Invalid(index, raw_text, VALUE_TOO_LONG, f"第 {pos} 个变量超过 {max_value_len} 字")
                    break
                texts.append(t)
            if bad is not None:
                invalid.append(bad)
                continue
            units = fixed_units + sum(char_count(t) for t in texts)
        if units > CONTENT_MAX:
            invalid.append(Invalid(index, _raw_text(raw), TOO_LONG, f"填入变量后短信共 {units} 字，超过 {CONTENT_MAX} 字"))
            continue
        seen = first.get(mobile)
        if seen is not None:
            plan.duplicates.append(Duplicate(index, mobile, seen))
            continue
        first[mobile] = index
        if sup and mobile in sup:
            plan.suppressed.append(mobile)
            continue
        parts = 1 if 0 < units <= SINGLE_LIMIT else parts_for_length(units)
        recipients.append(mobile)
        values_out.append(texts)
        parts_out.append(parts)
        total += parts
    plan.input_count = index + 1
    plan.total_parts = total
    plan.parts_per_recipient = max(parts_out, default=0)
    if count_bad:
        msg = f"{count_bad} 行的变量个数与模板不符（模板中有 {expected} 个 {{}}）"
        msg_en = f"{count_bad} row(s) do not have the template's number of values ({expected} {{}})"
        if count_bad == valid_numbers:
            plan.problems.append(Problem(P_VALUE_COUNT, msg + "：请检查变量列的对应关系",
                                         msg_en + ": check which columns fill which variable"))
        else:
            plan.warnings.append(Problem(W_VALUE_ROWS, msg + "，这些行已排除", msg_en + "; those rows are left out"))
    if plan.parts_per_recipient > 1:
        lo, hi = plan.parts_min, plan.parts_per_recipient
        span = f"{hi}" if lo == hi else f"{lo}–{hi}"
        plan.warnings.append(Problem(W_MULTIPART, f"填入变量后短信较长，每个号码按 {span} 条计费",
                                     f"Long texts once filled in: each number is charged {span} messages"))
    _list_warnings(plan)
    return plan
