"""Message rules the simulated gateway applies: parts charged, signature, template rendering.

Hand-made on purpose: these are the gateway's own rules as the contract states them (70/67
UTF-16 units per part, 【…】 signature, positional ``{}``), a few lines each, and the simulator
must not borrow the client's implementation of the very rules it is there to check.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

SINGLE_LIMIT = 70
PART_LIMIT = 67
PLACEHOLDER = "{}"

_SIG_START = re.compile(r"^【([^【】]+)】")
_SIG_END = re.compile(r"【([^【】]+)】$")


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units (what carriers count): a character outside the BMP counts 2."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def message_parts(text: str) -> int:
    """Parts charged per number: ≤ 70 units → 1, else ceil(units / 67)."""
    units = utf16_len(text)
    if units <= SINGLE_LIMIT:
        return 1
    return -(-units // PART_LIMIT)


def signature_ok(text: str, approved: Collection[str] | None) -> bool:
    """True when *text* carries a 【…】 at its start or end that is allowed (any, when *approved* is None)."""
    text = text.strip()
    found = [m.group(1).strip() for m in (_SIG_START.search(text), _SIG_END.search(text)) if m]
    found = [sig for sig in found if sig]
    if approved is None:
        return bool(found)
    return any(sig in approved for sig in found)


def render(pieces: Sequence[str], values: Sequence[str]) -> str:
    """Fill a template already split on ``{}`` (*pieces*) with *values*: n-th value, n-th gap.

    ``len(values)`` must be ``len(pieces) - 1``; values containing ``{}`` are not re-filled.
    """
    out = [pieces[0]]
    for value, piece in zip(values, pieces[1:]):
        out.append(value)
        out.append(piece)
    return "".join(out)
