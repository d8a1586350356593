"""Request limits from the contract, checked before any byte is sent."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .errors import LjLimitError

MAX_MOBILES = 2000          # §1: at most 2000 numbers per plain send
MAX_TEMPLATE_ROWS = 1000    # §2: at most 1000 entries per template send
MAX_EXT_LEN = 40            # §2: ext at most 40 characters
PLACEHOLDER = "{}"          # §2: positional placeholder in template text


def check_code(code: str) -> None:
    if code and not (code.isascii() and code.isdigit()):
        raise LjLimitError(f"扩展号只能包含数字 0-9（现在是“{code}”）",
                           f"The extension number may contain digits 0-9 only (got {code!r}).")


def check_ext(ext: str) -> None:
    if len(ext) > MAX_EXT_LEN:
        raise LjLimitError(f"ext 最多 {MAX_EXT_LEN} 个字符（现在 {len(ext)} 个）",
                           f"ext may hold at most {MAX_EXT_LEN} characters (got {len(ext)}).")


_SPACE = re.compile(r"\s")
_BLANKS = (" ", "\t", "\n", "\r", "\u3000", "\xa0")  # `in` on these is far cheaper than a regex scan


def join_mobiles(mobiles: Iterable[object] | str) -> str:
    """The contract's ``mobile`` field: numbers joined with ASCII commas, checked (empty, > 2000, blanks).

    A str is taken as already comma-joined. The checks run on the joined text (C-level string
    operations), not per number: this is on the path of every 2000-number request.
    """
    if isinstance(mobiles, str):
        joined = mobiles
    else:
        try:
            joined = ",".join(mobiles)
        except TypeError:  # ints or other objects among them
            joined = ",".join(map(str, mobiles))
    if any(ch in joined for ch in _BLANKS) and _SPACE.search(joined):  # rare: strip each, drop blanks
        joined = ",".join(m for m in (p.strip() for p in joined.split(",")) if m)
    elif ",," in joined or joined.startswith(",") or joined.endswith(","):
        joined = ",".join(m for m in joined.split(",") if m)
    count = joined.count(",") + 1 if joined else 0
    if count == 0:
        raise LjLimitError("没有手机号码", "No mobile numbers given.")
    if count > MAX_MOBILES:
        raise LjLimitError(f"一次最多发送 {MAX_MOBILES} 个号码（现在 {count} 个），请分批发送",
                           f"At most {MAX_MOBILES} numbers per request (got {count}); send in batches.")
    return joined


def check_content(content: str) -> None:
    if not content or not content.strip():
        raise LjLimitError("短信内容为空", "The message text is empty.")


def check_template_rows(template: str, template_id: str, rows: Sequence[tuple[str, Sequence[str]]]) -> None:
    if not template or not template.strip():
        raise LjLimitError("模板内容为空", "The template text is empty.")
    if not str(template_id).strip():
        raise LjLimitError("模板编号为空", "The template id is empty.")
    if not rows:
        raise LjLimitError("模板发送列表为空", "The template list is empty.")
    if len(rows) > MAX_TEMPLATE_ROWS:
        raise LjLimitError(f"一次最多 {MAX_TEMPLATE_ROWS} 条模板数据（现在 {len(rows)} 条），请分批发送",
                           f"At most {MAX_TEMPLATE_ROWS} template entries per request (got {len(rows)}).")
    want = template.count(PLACEHOLDER)
    for i, (mobile, values) in enumerate(rows, start=1):
        if not mobile or "," in mobile:
            raise LjLimitError(f"第 {i} 条的号码“{mobile}”无效", f"Entry {i}: invalid mobile number {mobile!r}.")
        if len(values) != want:
            raise LjLimitError(
                f"第 {i} 条（{mobile}）有 {len(values)} 个变量值，但模板有 {want} 个 {{}} 占位符",
                f"Entry {i} ({mobile}) has {len(values)} values but the template has {want} {{}} placeholders.")
