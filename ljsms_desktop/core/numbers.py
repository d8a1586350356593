"""Mainland China mobile numbers: normalise what people type or paste, and say why a value is refused.

The valid-number rule (CN_MOBILE) is the table of currently assigned 11-digit prefixes in
/work/shared/reference/delivery-codes.md section 2 (MIIT allocations as collected by
VincentSit/ChinaMobilePhoneNumberRegex, libphonenumber's carrier data, phonenumbers 9.0.43 and
libphonenumber PR #3970 for 中国广电 1610). phonenumbers' own CN pattern refuses 149 (中国电信
上网卡 numbers, which receive SMS) and the 1740x/1741x/1749 ranges, so the rule is kept here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Assigned 11-digit prefixes (section 2 of the reference above), by carrier:
#   中国移动 134(0-8) 135-139 147(上网卡) 150-152 157-159 165(虚拟) 1703/1705/1706(虚拟) 172 178 182-184 187 188
#            195 197 198
#   中国联通 130-132 145(上网卡) 155 156 166 167(虚拟) 171(虚拟) 1704/1707-1709(虚拟) 175 176 185 186 196
#   中国电信 133 1349(卫星) 149(上网卡) 153 162(虚拟) 1700-1702(虚拟) 173 17400-17405 177 180 181 189 190 191
#            193 199
#   中国广电 192 1610;  others: 17406-17412 (工信部应急通信), 1749 (海事卫星)
# Unassigned, refused: 140-144 146 148 (13-digit IoT numbers only), 154, 160 161(but 1610) 163 164 168 169,
# 174 outside 1740x/1741[0-2]/1749, 179, 194.
CN_MOBILE_PATTERN = (
    "1(?:3[0-9]|4[579]|5[0-35-9]|6[25-7]|7[0-35-8]|8[0-9]|9[0-35-9])[0-9]{8}"
    "|1610[0-9]{7}"
    "|174(?:0[0-9]|1[0-2]|9[0-9])[0-9]{6}"
)
"""The assigned mainland mobile prefixes, ASCII digits only (the one rule every layer checks numbers with).
Every alternative is exactly 11 digits: the sheet import's batch scan relies on it."""
CN_MOBILE = re.compile(f"(?:{CN_MOBILE_PATTERN})")

# Separators people put inside one number: spaces (incl. NBSP/ideographic), dashes, dots, brackets.
_INNER_JUNK = re.compile(r"[\s\-\u2010-\u2015\u2212.()\[\]\u00a0\u3000\u200b\ufeff]")
_SCIENTIFIC = re.compile(r"^\d(?:\.\d+)?[eE][+]?\d+$")
_FLOAT_ZERO = re.compile(r"^(\d+)\.0+$")
# Separators between numbers in pasted text.
_LIST_SPLIT = re.compile(r"[,，;；、|\r\n\t]+")

EMPTY = "empty"
SCIENTIFIC = "scientific"
NOT_DIGITS = "not_digits"
LENGTH = "length"
NOT_MOBILE = "not_mobile"

REASONS_ZH = {
    EMPTY: "手机号为空",
    SCIENTIFIC: "号码被表格显示成科学计数法（如 1.38001E+10），已丢失位数，请把该列设为文本后重新填写",
    NOT_DIGITS: "号码含有数字以外的字符",
    LENGTH: "位数不对（中国大陆手机号为 11 位）",
    NOT_MOBILE: "不是中国大陆手机号段",
}
REASONS_EN = {  # the same in English, for the window's English interface
    EMPTY: "No mobile number",
    SCIENTIFIC: "The sheet shows the number in scientific notation (like 1.38001E+10) and digits are lost: "
                "format the column as text and type the numbers again",
    NOT_DIGITS: "The number contains characters other than digits",
    LENGTH: "Wrong number of digits (mainland China mobiles have 11)",
    NOT_MOBILE: "Not a mainland China mobile number range",
}


@dataclass(frozen=True, slots=True)
class MobileCheck:
    """Result of checking one value: ``mobile`` (11 digits) when valid, else ``reason`` (a key of REASONS_ZH)."""

    mobile: str | None
    reason: str | None = None
    raw: str = ""

    @property
    def ok(self) -> bool:
        return self.mobile is not None

    @property
    def reason_zh(self) -> str:
        return REASONS_ZH.get(self.reason or "", "")


def normalize_mobile(raw: object) -> MobileCheck:
    """Normalise *raw* (str or int) to an 11-digit mainland mobile number, or say why not.

    Accepts spaces, dashes, dots and brackets inside, full-width digits, and the prefixes +86,
    0086 and 86. A value that went through scientific notation has lost digits and is refused.
    """
    if raw is None:
        return MobileCheck(None, EMPTY, "")
    text = str(raw)
    original = text
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return MobileCheck(None, EMPTY, original)
    if _SCIENTIFIC.match(text):
        return MobileCheck(None, SCIENTIFIC, original)
    if text[0] in "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212":  # a negative number, not a phone number
        return MobileCheck(None, NOT_DIGITS, original)
    m = _FLOAT_ZERO.match(text)
    if m:
        text = m.group(1)
    text = _INNER_JUNK.sub("", text)
    if text.startswith("+"):
        text = text[1:]
        if not text.startswith("86"):
            return MobileCheck(None, NOT_MOBILE, original)
    if not text.isdigit() or not text.isascii():
        return MobileCheck(None, NOT_DIGITS, original)
    if len(text) == 15 and text.startswith("0086"):
        text = text[4:]
    elif len(text) == 13 and text.startswith("86"):
        text = text[2:]
    if len(text) != 11:
        return MobileCheck(None, LENGTH, original)
    if not CN_MOBILE.fullmatch(text):
        return MobileCheck(None, NOT_MOBILE, original)
    return MobileCheck(text, None, original)


def split_number_list(text: str) -> list[str]:
    """Split pasted text into candidate numbers.

    Commas (ASCII and full-width), semicolons, 、, |, tabs and line breaks always separate. Spaces
    separate too, unless the space-joined piece is itself one valid number ("138 0013 8000").
    """
    out: list[str] = []
    for piece in _LIST_SPLIT.split(text):
        piece = piece.strip()
        if not piece:
            continue
        if " " in piece or "\u3000" in piece:
            if normalize_mobile(piece).ok:
                out.append(piece)
                continue
            out.extend(p for p in re.split(r"[ \u3000]+", piece) if p)
        else:
            out.append(piece)
    return out
