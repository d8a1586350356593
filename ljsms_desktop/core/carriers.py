"""Mobile number prefix (号段) → carrier, from the project's own table.

Built from ``shared/reference/delivery-codes.md`` §2.1 (VincentSit/ChinaMobilePhoneNumberRegex, MIIT
announcements, libphonenumber's carrier data and its 中国广电 1610 change). Kept apart from
``core.numbers`` (which decides *validity* with phonenumbers' pattern): this table only says whose
prefix a number has, fast enough to compute once per stored report (a dict lookup on 3 digits, 4 or 5
where a 3-digit block is split: 134x, 161x, 170x, 174xx).

携号转网 (number portability, nationwide since 2019-12-01): the prefix names the carrier that first
issued the number, not necessarily today's. The window says so (``NOTE_ZH`` / ``NOTE_EN``).

Virtual operators (虚拟运营商: 162, 165, 167, 170x, 171) are counted under the carrier whose network
they use; ``line_kind(number)`` tells them apart (手机卡 / 虚拟运营商 / 上网卡 / 物联网 / 卫星 / 应急).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CMCC = "cmcc"
UNICOM = "unicom"
TELECOM = "telecom"
BROADNET = "broadnet"
OTHER = "other"      # satellite (1749 海事) and emergency (17406–17412) numbers
UNKNOWN = "unknown"  # not an assigned mobile prefix


@dataclass(frozen=True, slots=True)
class Carrier:
    code: str
    name_zh: str
    name_en: str
    id: int  # a small stable integer, for an indexed column


CARRIERS: dict[str, Carrier] = {c.code: c for c in (
    Carrier(CMCC, "中国移动", "China Mobile", 1),
    Carrier(UNICOM, "中国联通", "China Unicom", 2),
    Carrier(TELECOM, "中国电信", "China Telecom", 3),
    Carrier(BROADNET, "中国广电", "China Broadnet", 4),
    Carrier(OTHER, "其他（卫星/应急）", "Other (satellite / emergency)", 5),
    Carrier(UNKNOWN, "未知号段", "Unknown prefix", 0),
)}
CARRIER_BY_ID: dict[int, Carrier] = {c.id: c for c in CARRIERS.values()}

MOBILE = "mobile"
VIRTUAL = "virtual"
DATA = "data"
IOT = "iot"
SATELLITE = "satellite"
EMERGENCY = "emergency"
KINDS: dict[str, tuple[str, str]] = {
    MOBILE: ("手机卡", "Mobile"),
    VIRTUAL: ("虚拟运营商", "Virtual operator"),
    DATA: ("上网卡", "Data card"),
    IOT: ("物联网", "IoT"),
    SATELLITE: ("卫星电话", "Satellite"),
    EMERGENCY: ("应急通信", "Emergency communications"),
    "": ("", ""),
}

NOTE_ZH = "号段归属（携号转网后可能不准）：按号码前几位判断的是最初办理的运营商，用户携号转网后实际运营商可能不同。"
NOTE_EN = ("Carrier by prefix (may be wrong after number porting): the first digits tell which carrier first "
           "issued the number; since porting (携号转网) the number may now be with another carrier.")
HEADER_ZH = "号段归属"
HEADER_EN = "Carrier (by prefix)"


def _expand(spec: str) -> list[str]:
    """"134(0-8)" -> 1340…1348, "17400-17405" -> 17400…17405, "135" -> 135."""
    if m := re.fullmatch(r"(\d+)\((\d)-(\d)\)", spec):
        return [m[1] + str(d) for d in range(int(m[2]), int(m[3]) + 1)]
    if m := re.fullmatch(r"(\d+)-(\d+)", spec):
        lo, hi = m[1], m[2]
        return [str(n).zfill(len(lo)) for n in range(int(lo), int(hi) + 1)]
    return [spec]


# The reference's table, row by row: (carrier, kind, prefixes). IoT numbers are 13 digits; the rest 11.
_TABLE: tuple[tuple[str, str, str], ...] = (
    (CMCC, MOBILE, "134(0-8) 135 136 137 138 139 150 151 152 157 158 159 172 178 182 183 184 187 188 195 197 198"),
    (CMCC, VIRTUAL, "165 1703 1705 1706"),
    (CMCC, DATA, "147"),
    (CMCC, IOT, "1440 1441 148"),
    (UNICOM, MOBILE, "130 131 132 155 156 166 175 176 185 186 196"),
    (UNICOM, VIRTUAL, "167 171 1704 1707 1708 1709"),
    (UNICOM, DATA, "145"),
    (UNICOM, IOT, "146"),
    (TELECOM, MOBILE, "133 153 173 17400-17405 177 180 181 189 190 191 193 199"),
    (TELECOM, SATELLITE, "1349"),
    (TELECOM, VIRTUAL, "162 1700 1701 1702"),
    (TELECOM, DATA, "149"),
    (TELECOM, IOT, "1410"),
    (BROADNET, MOBILE, "192 1610"),
    (OTHER, SATELLITE, "1749"),
    (OTHER, EMERGENCY, "17406-17412"),
)

PREFIXES: dict[str, tuple[str, str]] = {}
"""Every prefix of the table (3, 4 or 5 digits) -> (carrier, kind)."""
for _carrier, _kind, _specs in _TABLE:
    for _spec in _specs.split():
        for _prefix in _expand(_spec):
            if _prefix in PREFIXES:
                raise ValueError(f"prefix {_prefix} listed twice")
            PREFIXES[_prefix] = (_carrier, _kind)

UNASSIGNED = ("154", "164", "194", "161")
"""Unassigned 3-digit blocks per the reference (161 except 1610)."""

# Lookup tables: the carrier for a whole 3-digit block, or None where the block is split by 4/5 digits.
_SPLIT = object()
_BY3: dict[str, object] = {}
_BY4: dict[str, object] = {}
_BY5: dict[str, tuple[str, str]] = {}
for _prefix, _value in PREFIXES.items():
    if len(_prefix) == 3:
        _BY3[_prefix] = _value
    elif len(_prefix) == 4:
        _BY3[_prefix[:3]] = _SPLIT
        _BY4[_prefix] = _value
    else:
        _BY3[_prefix[:3]] = _SPLIT
        _BY4[_prefix[:4]] = _SPLIT
        _BY5[_prefix] = _value
_CARRIER3 = {p: v[0] for p, v in _BY3.items() if v is not _SPLIT}  # the fast path: a whole block

_NOT_DIGIT = re.compile(r"\D")
_NONE = (UNKNOWN, "")


def _lookup(number: str) -> tuple[str, str]:
    v = _BY3.get(number[:3])
    if v is _SPLIT:
        v = _BY4.get(number[:4])
        if v is _SPLIT:
            v = _BY5.get(number[:5])
    return v if v is not None else _NONE  # type: ignore[return-value]


def _national(number: str) -> str:
    """*number* without +86/0086/86 and separators (for values that are not already 11 bare digits)."""
    digits = _NOT_DIGIT.sub("", number or "")
    for cc in ("0086", "86"):
        if digits.startswith(cc) and len(digits) - len(cc) in (11, 13):
            return digits[len(cc):]
    return digits


def carrier(number: str) -> str:
    """The carrier code of *number*'s prefix (``cmcc``/``unicom``/``telecom``/``broadnet``/``other``/``unknown``).

    The original carrier only (携号转网). Normalised 11-digit numbers take a dict lookup; anything else
    (+86, spaces) is cleaned first.
    """
    if len(number) == 11 and number.isdigit():
        c = _CARRIER3.get(number[:3])
        if c is not None:
            return c
        return _lookup(number)[0]
    national = _national(number)
    if len(national) not in (11, 13) or national[0] != "1":
        return UNKNOWN
    return _lookup(national)[0]


def carrier_id(number: str) -> int:
    """``carrier(number)`` as its small integer (``Carrier.id``), for an indexed column."""
    return CARRIERS[carrier(number)].id


def line_kind(number: str) -> str:
    """What kind of line the prefix is: ``mobile``, ``virtual``, ``data``, ``iot``, ``satellite``,
    ``emergency``, or ``""`` for an unknown prefix."""
    national = number if len(number) == 11 and number.isdigit() else _national(number)
    if len(national) not in (11, 13):
        return ""
    return _lookup(national)[1]


def name_zh(code: str) -> str:
    return CARRIERS[code].name_zh if code in CARRIERS else code


def name_en(code: str) -> str:
    return CARRIERS[code].name_en if code in CARRIERS else code
