"""core.delivery_codes: the curated code table against its reference, the fallbacks, opt-outs and groups.

The reference (``../shared/reference/delivery-codes.md`` next to the checkout) is parsed when it is there:
every exact code of its table must be in ours with the same bucket and retry advice. Hand-checked codes
below run everywhere.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ljsms_desktop.core import delivery_codes as dc

REFERENCE = Path(__file__).resolve().parent.parent.parent / "shared" / "reference" / "delivery-codes.md"

_BUCKET_WORDS = {  # the reference's 桶 column -> our bucket (ambiguous rows: the first word, see the module)
    "成功": dc.DELIVERED, "号码问题": dc.NUMBER, "暂时不可达": dc.UNREACHABLE, "黑名单": dc.BLOCKED,
    "内容拦截": dc.CONTENT, "内容/退订": dc.CONTENT, "内容拦截?": dc.CONTENT, "频率限制": dc.RATE,
    "运营商内部": dc.CARRIER, "未知": dc.UNKNOWN, "号码问题/黑名单": dc.NUMBER,
}


def _reference_rows() -> list[tuple[str, str, str, str]]:
    """(code, 通俗解释, bucket, 稍后重试?) for every exact code in the reference's table 1.2."""
    text = REFERENCE.read_text(encoding="utf-8")
    table = text.split("### 1.2", 1)[1].split("Fallback patterns", 1)[0]
    rows = []
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 6 or cells[0] in ("代码", "") or set(cells[0]) <= set("-"):
            continue
        first, _carrier, words, bucket, retry, _src = cells
        first = re.sub(r"\(.*?\)|（.*?）", "", first)  # "MA:0001 (聚合平台)", "612 / 614 / 615 (UNDELIV_6xx)"
        for code in first.split("/"):
            code = code.strip()
            if not code or "xxxx" in code.lower() or code == "601" and "QN" in line and "黑名单" == bucket:
                continue  # families (IC:xxxx, LT:xxxx) are patterns; "601(QN)" repeats the 601 row
            rows.append((code, words, _BUCKET_WORDS[bucket], retry))
    return rows


@pytest.mark.skipif(not REFERENCE.exists(), reason="the shared reference is not next to this checkout")
def test_every_code_of_the_reference_is_in_the_table_with_its_bucket_and_retry_advice():
    rows = _reference_rows()
    assert len(rows) >= 100  # the table's ~60 rows list more than one code each
    for code, words, bucket, retry in rows:
        info = dc.explain(code)
        assert info.matched == "exact", code
        assert info.bucket == bucket, (code, words, info.bucket)
        if retry.startswith("否"):
            assert not info.retry_helps, code
        elif retry.startswith("改内容"):
            assert info.retry == dc.CHANGE_CONTENT, code
        elif retry.startswith("等待"):
            assert info.retry == dc.WAIT and not info.retry_helps, code
        elif retry.startswith(("稍后", "次日", "一次")):
            assert info.retry_helps, code
        else:
            assert retry == "—" and info.delivered, code


@pytest.mark.skipif(not REFERENCE.exists(), reason="the shared reference is not next to this checkout")
def test_the_opt_out_codes_the_reference_names_are_opt_outs():
    text = REFERENCE.read_text(encoding="utf-8")
    named = re.search(r"Opt-out codes \(([^)]*)\)", text)[1]  # "MX:0012, BLACK, TSBLACK, REJECTD “回复过退订”"
    codes = [c.split()[0] for c in named.split(",")]
    assert {"MX:0012", "BLACK", "TSBLACK"} <= set(codes)
    for code in codes:
        if code == "REJECTD":  # ambiguous (also sensitive words, empty Telecom numbers): not suppressed
            assert not dc.is_opt_out(code) and dc.classify(code) == dc.CONTENT
        else:
            assert dc.is_opt_out(code), code


@pytest.mark.parametrize(("code", "bucket", "retry_helps", "words"), [
    ("DELIVRD", dc.DELIVERED, False, "已送达"),
    ("UNDELIV", dc.NUMBER, False, "停机"),
    ("EXPIRED", dc.UNREACHABLE, True, "关机"),
    ("MK:0001", dc.NUMBER, False, "空号"),
    ("MK:0017", dc.UNREACHABLE, True, "存储已满"),
    ("MX:0012", dc.BLOCKED, False, "退订"),
    ("TSBLACK", dc.BLOCKED, False, "投诉"),
    ("KEYWORD", dc.CONTENT, False, "关键词"),
    ("BEYONDN", dc.RATE, True, "上限"),
    ("MB:1078", dc.CARRIER, True, "内部"),
    ("UNKNOWN", dc.UNKNOWN, False, "未知"),
    ("26", dc.UNREACHABLE, True, "内存"),
    ("UNDELIV_640", dc.NUMBER, False, "空号"),
])
def test_hand_checked_codes(code, bucket, retry_helps, words):
    info = dc.explain(code)
    assert (info.bucket, info.retry_helps, info.matched) == (bucket, retry_helps, "exact")
    assert dc.classify(code) == bucket
    assert words in info.explanation_zh and info.explanation_en
    assert info.code == code


def test_every_entry_has_words_in_both_languages_and_valid_fields():
    assert len(dc.CODES) >= 100
    for code, info in dc.CODES.items():
        assert info.code == code == dc.normalize(code)
        assert info.explanation_zh and info.explanation_en, code
        assert re.search(r"[\u4e00-\u9fff]", info.explanation_zh), code
        assert info.explanation_en.isascii(), code
        assert info.bucket in dc.BUCKETS and info.retry in dc.RETRY_ADVICE and info.network in dc.NETWORKS
        assert (info.bucket == dc.DELIVERED) == (code == "DELIVRD")
        if info.opt_out:
            assert info.bucket == dc.BLOCKED and info.retry == dc.NEVER, code
        if info.bucket in (dc.NUMBER, dc.BLOCKED):  # permanent buckets never say "retry later" outright
            assert info.retry != dc.LATER or code in ("MK:0004",), code


def test_buckets_have_names_ids_and_the_failures_are_every_other_bucket():
    assert set(dc.FAILURE_BUCKETS) == set(dc.BUCKETS) - {dc.DELIVERED}
    assert len({b.id for b in dc.BUCKETS.values()}) == len(dc.BUCKETS)
    assert dc.BUCKETS[dc.NUMBER].name_zh == "号码问题" and dc.BUCKETS[dc.BLOCKED].name_zh == "黑名单·退订"
    for b in dc.BUCKETS.values():
        assert b.name_zh and b.name_en and b.advice_zh and b.advice_en and dc.bucket_id(b.code) == b.id
    # 重发失败号码: permanent buckets off by default, the transient ones on.
    assert {b.code for b in dc.BUCKETS.values() if b.retry_default} == {dc.UNREACHABLE, dc.RATE, dc.CARRIER}


@pytest.mark.parametrize(("typed", "same_as"), [
    ("mk:0001", "MK:0001"), (" MK:0001 ", "MK:0001"), ("MK0001", "MK:0001"), ("ＭＸ：００１２", "MX:0012"),
    ("delivrd", "DELIVRD"), ("db00144", "DB:0144"),
])
def test_spellings_of_a_code_find_the_same_entry_and_keep_the_raw_code(typed, same_as):
    info, canonical = dc.explain(typed), dc.CODES[same_as]
    assert (info.bucket, info.explanation_zh, info.opt_out) == (canonical.bucket, canonical.explanation_zh,
                                                              canonical.opt_out)
    assert info.code == typed
    assert dc.classify(typed) == canonical.bucket


@pytest.mark.parametrize(("code", "bucket", "opt_out"), [
    ("MK:0999", dc.NUMBER, False),         # M[A-Z]:nnnn, China Mobile SMSC / terminal
    ("MN:12", dc.NUMBER, False),
    ("GBLACK", dc.BLOCKED, False),         # *BLACK*
    ("BLACKLIST", dc.BLOCKED, False),
    ("TUIDING", dc.BLOCKED, True),         # 退订 in pinyin
    ("TD:0009", dc.BLOCKED, True),
    ("DAYLIMIT", dc.RATE, False),          # *LIMIT*
    ("BEYONDW", dc.RATE, False),
    ("DISTURB", dc.RATE, False),
    ("KEYWORD2", dc.CONTENT, False),
    ("NOSIGN", dc.CONTENT, False),
    ("UNDELIV_650", dc.NUMBER, False),     # Telecom 6xx
    ("703", dc.NUMBER, False),
    ("REJECTD_123", dc.CONTENT, False),
    ("LT:0042", dc.NUMBER, False),
    ("IC:0151", dc.CARRIER, False),
    ("77", dc.UNKNOWN, False),             # a bare Unicom SGIP number not in the table
])
def test_fallback_patterns(code, bucket, opt_out):
    info = dc.explain(code)
    assert (info.matched, info.bucket, info.opt_out) == ("pattern", bucket, opt_out)
    assert dc.classify(code) == bucket and dc.is_opt_out(code) == opt_out
    assert info.explanation_zh and info.explanation_en and info.code == code


@pytest.mark.parametrize("code", ["FOO", "ERR:42", "X1", "??"])
def test_anything_else_is_unknown_with_the_raw_code(code):
    info = dc.explain(code)
    assert (info.bucket, info.matched, info.code) == (dc.UNKNOWN, "none", code)
    assert not info.opt_out and "原始代码" in info.explanation_zh


@pytest.mark.parametrize("code", ["", None, "   "])
def test_no_code_is_unknown_and_says_wait(code):
    info = dc.explain(code)
    assert info.bucket == dc.UNKNOWN and info.retry == dc.WAIT and not info.retry_helps
    assert dc.classify(code) == dc.UNKNOWN


def test_opt_outs_are_the_recipients_own_stop_not_every_blacklist():
    assert dc.OPT_OUT_CODES >= {"MX:0012", "MX:0011", "BLACK", "TSBLACK", "TDBLACK", "MBBLACK", "MB:1077"}
    for code in ("MK:100C", "DB:0144", "HD:19", "HIGRISK", "69", "MK:0001", "DELIVRD", "REJECTD"):
        assert not dc.is_opt_out(code), code
    assert dc.is_opt_out("mx:0012") and dc.is_opt_out(" TSBLACK")
    assert all(dc.CODES[c].bucket == dc.BLOCKED for c in dc.OPT_OUT_CODES)
    zh, en = dc.opt_out_reason("MX:0012")
    assert zh.startswith("状态报告 MX:0012：") and "退订" in zh and en.startswith("Delivery report MX:0012: ")


def test_status_groups_for_the_reports_filter():
    names = [g.name_zh for g in dc.STATUS_GROUPS]
    assert names[0] == "全部" and any("失败" in n for n in names) and "已送达" in names and "等待报告" in names
    assert all(g.name_en for g in dc.STATUS_GROUPS)
    assert dc.GROUPS[dc.ALL].buckets is None
    assert dc.GROUPS[dc.GROUP_FAILED].buckets == frozenset(dc.FAILURE_BUCKETS)
    for code in ("DELIVRD", "MK:0001", "MX:0012", "FOO", ""):
        bucket = dc.classify(code)
        group = dc.group_of(bucket)
        assert bucket in dc.GROUPS[group].buckets
    assert dc.group_of(None) == dc.GROUP_AWAITING and dc.GROUPS[dc.GROUP_AWAITING].buckets == frozenset()


def test_retry_advice_words():
    for key, (zh, en) in dc.RETRY_ADVICE.items():
        assert bool(zh) == bool(en) == (key != dc.NO_RETRY)
    info = dc.explain("MX:0012")
    assert info.retry_zh.startswith("不要重发") and info.bucket_zh == "黑名单·退订" and info.bucket_en
