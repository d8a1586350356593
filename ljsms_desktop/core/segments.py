"""How many SMS a text costs: the 70/67 rule.

Chinese SMS travel as UCS-2: two bytes per unit, 140 bytes per message, so one message holds
70 units. A longer text is sent as a concatenated message whose parts each lose 6 bytes to the
header (UDH) and hold 67 units. Carriers and 联江-style platforms charge per part.

Length is counted in UTF-16 code units, not Python characters: UCS-2 has no room for characters
outside the Basic Multilingual Plane, so phones and carriers send them as a UTF-16 surrogate pair,
which takes two units. An emoji such as 😀 therefore counts 2.

The 70/67 rule is applied to every text, including pure ASCII. Messages on this gateway must carry
a 【签名】 whose brackets are outside the GSM 7-bit alphabet, so the whole text is always UCS-2;
the GSM 160/153 rule never applies. (A carrier may also avoid cutting a surrogate pair across two
parts, which can rarely add a part for emoji-heavy texts; platforms bill by the 67-unit count.)

Hand-made because it is four lines of arithmetic; no library models the Chinese platforms' billing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SINGLE_LIMIT = 70
"""Units that fit in one message."""
PART_LIMIT = 67
"""Units per part once a text is longer than SINGLE_LIMIT."""


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
has_astral = _ASTRAL.search
"""Match object when the text holds a character outside the BMP (one that takes two units)."""


def char_count(text: str) -> int:
    """Length of *text* in UTF-16 code units (characters outside the BMP, e.g. emoji, count 2)."""
    if text.isascii() or not has_astral(text):
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def parts_for_length(units: int) -> int:
    """Number of messages for a text of *units* UTF-16 code units: 0, 1 up to 70, else ceil(n/67)."""
    if units <= 0:
        return 0
    if units <= SINGLE_LIMIT:
        return 1
    return -(-units // PART_LIMIT)


def count_parts(text: str) -> int:
    """Number of messages *text* is sent (and charged) as: 0 when empty, 1 up to 70 units, else ceil(n/67)."""
    return parts_for_length(char_count(text))


@dataclass(frozen=True, slots=True)
class SegmentInfo:
    """What the compose counter shows: units typed, messages, and units left before the next message."""

    chars: int
    parts: int
    chars_left_in_part: int

    @property
    def text_zh(self) -> str:
        """E.g. ``已输入 75 字，共 2 条，本条还可输入 59 字``."""
        return f"已输入 {self.chars} 字，共 {self.parts} 条，本条还可输入 {self.chars_left_in_part} 字"


def describe(text: str) -> SegmentInfo:
    """Counter for *text*. ``chars_left_in_part`` is how many more units fit without adding a message.

    Up to 70 units that is ``70 - n`` (the text is one message); beyond, ``parts * 67 - n``. Note the
    jump at 71: the first message shrinks from 70 to 67, so 71 units leave 63 in the second part.
    """
    n = char_count(text)
    parts = parts_for_length(n)
    if n <= SINGLE_LIMIT:
        left = SINGLE_LIMIT - n
    else:
        left = parts * PART_LIMIT - n
    return SegmentInfo(chars=n, parts=parts, chars_left_in_part=left)
