"""Campaign planning. Run as a script for a benchmark: python tests/test_core_planning.py [N]."""

import sys
import time

import pytest

from ljsms_desktop.core import planning as pl
from ljsms_desktop.core.planning import Duplicate, Invalid, plan_plain, plan_template
from ljsms_desktop.core.segments import char_count
from ljsms_desktop.core.templates import render

SIGNED = "【联江科技】双11全场5折，回T退订"
TEMPLATE = "【联江科技】{}您好，订单{}已发货，回T退订"  # 19 fixed units + values


def codes(items):
    return [p.code for p in items]


def test_plain_sorts_numbers():
    raw = [
        "13800138000",      # 0 ok
        " 138-0013-8000",   # 1 duplicate of 0
        "12345",            # 2 invalid length
        13900139000,        # 3 ok (int from a sheet)
        "1.39001E+10",      # 4 scientific
        "13700137000",      # 5 suppressed
        None,               # 6 empty
        "+86 136 0013 6000",  # 7 ok
        "13700137000",      # 8 duplicate of the suppressed 5
        "12345678901",      # 9 not a mobile range
    ]
    p = plan_plain(SIGNED, iter(raw), suppressed=["13700137000"])
    assert p.kind == "plain" and p.content == SIGNED
    assert p.recipients == ["13800138000", "13900139000", "13600136000"]
    assert p.invalid == [
        Invalid(2, "12345", "length", pl.REASONS_ZH["length"]),
        Invalid(4, "1.39001E+10", "scientific", pl.REASONS_ZH["scientific"]),
        Invalid(6, "", "empty", pl.REASONS_ZH["empty"]),
        Invalid(9, "12345678901", "not_mobile", pl.REASONS_ZH["not_mobile"]),
    ]
    assert p.duplicates == [Duplicate(1, "13800138000", 0), Duplicate(8, "13700137000", 5)]
    assert p.suppressed == ["13700137000"]
    assert p.input_count == 10
    assert p.parts_per_recipient == 1 and p.total_parts == p.cost == 3
    assert p.ok and p.problems == []
    assert codes(p.warnings) == ["invalid", "duplicates", "suppressed"]
    assert p.summary_zh() == "共 10 个号码：有效 3 个，无效 4 个，重复 2 个，已退订/屏蔽 1 个；预计消耗 3 条短信，分 1 批发送"
    assert p.fits(3) and not p.fits(2)


def test_plain_cost_of_long_content():
    content = "【联江】" + "好" * 67 + "回T退订"  # 4 + 67 + 4 = 75 units -> 2 parts
    p = plan_plain(content, ["13800138000", "13900139000", "13800138000"])
    assert p.parts_per_recipient == 2
    assert p.total_parts == p.cost == 4  # the duplicate is not charged
    assert not p.fits(3)


@pytest.mark.parametrize(("units", "parts"), [(70, 1), (71, 2), (134, 2), (135, 3)])
def test_plain_parts_at_boundaries(units, parts):
    content = "【联江】回T退订" + "好" * (units - 8)
    p = plan_plain(content, ["13800138000", "13900139000", "13700137000"])
    assert p.parts_per_recipient == parts and p.cost == 3 * parts
    assert ("multipart" in codes(p.warnings)) == (parts > 1)


def test_plain_batches_of_2000():
    nums = [f"138{i:08d}" for i in range(4500)]
    p = plan_plain(SIGNED, nums)
    assert p.batch_count == 3
    batches = list(p.batches())
    assert [len(b.mobiles) for b in batches] == [2000, 2000, 500]
    assert [b.number for b in batches] == [0, 1, 2]
    assert sum((b.mobiles for b in batches), []) == nums
    assert all(b.values == [] for b in batches)
    assert p.batch(2).mobiles == nums[4000:]
    with pytest.raises(IndexError):
        p.batch(3)
    small = plan_plain(SIGNED, nums, batch_size=1000)
    assert small.batch_count == 5


@pytest.mark.parametrize("size", [0, 2001, -1])
def test_plain_batch_size_bounds(size):
    with pytest.raises(ValueError):
        plan_plain(SIGNED, ["13800138000"], batch_size=size)


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("", "empty_content"),
        ("   ", "empty_content"),
        ("双11全场5折，回T退订", "no_signature"),
        ("【联江】回T退订" + "好" * 493, "too_long"),  # 501 units
    ],
)
def test_plain_problems(content, code):
    p = plan_plain(content, ["13800138000"])
    assert code in codes(p.problems)
    assert not p.ok
    assert all(pr.message_zh and pr.message_en for pr in p.problems)  # words for both interfaces


def test_plain_500_units_is_allowed():
    p = plan_plain("【联江】回T退订" + "好" * 492, ["13800138000"])  # 500 units
    assert p.ok and p.parts_per_recipient == 8


def test_no_recipients_is_a_problem():
    p = plan_plain(SIGNED, ["abc", "13800138000"], suppressed={"13800138000"})
    assert p.recipients == [] and p.cost == 0 and p.batch_count == 0
    assert codes(p.problems) == ["no_recipients"]
    assert list(p.batches()) == []


def test_missing_opt_out_line_is_only_a_warning():
    p = plan_plain("【联江】您的订单已发货", ["13800138000"])
    assert p.ok
    assert codes(p.warnings) == ["no_opt_out"]


def test_template_mixed_lengths_cost():
    rows = [
        ("13800138000", ["张三", "A1"]),             # 19 + 4 = 23 -> 1
        ("13900139000", ["李" * 51, "B2"]),          # 19 + 53 = 72 -> 2
        ("13700137000", ["王" * 100, "C" * 16]),     # 19 + 116 = 135 -> 3
        ("13600136000", ["赵" * 49, "D2"]),           # 19 + 51 = 70 -> 1
        ("13500135000", ["😀" * 25, "EE"]),           # 19 + 52 = 71 -> 2
    ]
    p = plan_template(TEMPLATE, "T100", rows)
    assert p.ok, p.problems
    assert p.recipient_parts == [1, 2, 3, 1, 2]
    assert p.total_parts == p.cost == 9
    assert p.parts_per_recipient == 3 and p.parts_min == 1
    assert [char_count(render(TEMPLATE, v)) for v in p.values] == [23, 72, 135, 70, 71]
    assert "multipart" in codes(p.warnings)
    assert p.fits(9) and not p.fits(8)


def test_template_rows_sorted():
    rows = [
        ("13800138000", ["张三", "A1"]),        # 0 ok
        ("1380013800", ["x", "y"]),             # 1 invalid number
        ("13900139000", ["李四"]),              # 2 count mismatch
        ("13700137000", ["", "C"]),             # 3 empty value
        ("13600136000", [1.5, "D"]),            # 4 not text
        ("13500135000", [None, "E"]),           # 5 None is empty
        ("13300133000", [8, "F"]),              # 6 int is fine
        ("13800138000", ["张三", "A2"]),        # 7 duplicate of 0
        ("13200132000", ["好" * 481, "G"]),     # 8 rendered: 19 + 482 = 501 units
        ("13100131000", ["孙七", "H"]),          # 9 suppressed
        ("13000130000", "单值"),                # 10 a bare str is one value -> count mismatch
    ]
    p = plan_template(TEMPLATE, "T100", rows, suppressed={"13100131000"})
    assert p.recipients == ["13800138000", "13300133000"]
    assert p.values == [["张三", "A1"], ["8", "F"]]
    assert [(i.index, i.reason) for i in p.invalid] == [
        (1, "length"),
        (2, "value_count"),
        (3, "value_empty"),
        (4, "value_type"),
        (5, "value_empty"),
        (8, "too_long"),
        (10, "value_count"),
    ]
    assert p.invalid[1].reason_zh == "变量个数不符：模板中有 2 个 {}，但提供了 1 个值"
    assert p.invalid[2].reason_zh == "第 1 个变量为空"
    assert p.duplicates == [Duplicate(7, "13800138000", 0)]
    assert p.suppressed == ["13100131000"]
    assert p.ok
    assert "value_rows" in codes(p.warnings)
    assert p.summary_zh().startswith("共 11 行：有效 2 个")


def test_template_first_sendable_row_wins():
    rows = [("13800138000", ["", "A"]), ("13800138000", ["张三", "B"])]
    p = plan_template(TEMPLATE, "T1", rows)
    assert p.recipients == ["13800138000"] and p.values == [["张三", "B"]]
    assert p.duplicates == []


def test_template_options():
    rows = [("13800138000", ["", "A"]), ("13900139000", ["张三丰", "B"])]
    p = plan_template(TEMPLATE, "T1", rows, allow_empty_values=True, max_value_len=2)
    assert p.recipients == ["13800138000"]
    assert [(i.index, i.reason, i.reason_zh) for i in p.invalid] == [(1, "value_too_long", "第 1 个变量超过 2 字")]


def test_template_values_are_copied():
    buf = ["张三", "A1"]

    def reader():  # a reader that reuses one list per row
        for i, name in enumerate(["张三", "李四"]):
            buf[:] = [name, f"A{i}"]
            yield f"138{i:08d}", buf

    p = plan_template(TEMPLATE, "T1", reader())
    assert p.values == [["张三", "A0"], ["李四", "A1"]]


def test_template_all_rows_mismatch_is_a_problem():
    rows = [(f"138{i:08d}", ["only one"]) for i in range(5)]
    p = plan_template(TEMPLATE, "T1", rows)
    assert codes(p.problems) == ["value_count"]
    assert not p.ok


@pytest.mark.parametrize(
    ("template", "template_id", "code"),
    [
        ("", "T1", "empty_content"),
        ("{}您好，回T退订", "T1", "no_signature"),
        (TEMPLATE, "", "no_template_id"),
        (TEMPLATE, "  ", "no_template_id"),
        ("【联江】回T退订{}" + "好" * 493, "T1", "too_long"),
    ],
)
def test_template_problems(template, template_id, code):
    p = plan_template(template, template_id, [("13800138000", ["x"])])
    assert code in codes(p.problems)
    assert not p.ok


def test_template_without_placeholders_warns():
    p = plan_template("【联江】通知，回T退订", "T1", [("13800138000", [])])
    assert p.ok and "no_placeholders" in codes(p.warnings)
    assert p.recipient_parts == [1]


def test_template_batches_of_1000():
    rows = [(f"139{i:08d}", [f"用户{i}", f"SO{i}"]) for i in range(2500)]
    p = plan_template(TEMPLATE, "T1", rows)
    batches = list(p.batches())
    assert [len(b.mobiles) for b in batches] == [1000, 1000, 500]
    assert all(len(b.mobiles) == len(b.values) for b in batches)
    assert batches[2].mobiles[0] == "13900002000" and batches[2].values[0] == ["用户2000", "SO2000"]
    with pytest.raises(ValueError):
        plan_template(TEMPLATE, "T1", rows, batch_size=1001)


def test_repr_stays_short():
    p = plan_plain(SIGNED, [f"138{i:08d}" for i in range(10_000)])
    assert len(repr(p)) < 1000


def _numbers(n):
    nums = [f"1{(3, 5, 8)[i % 3]}{i:09d}" for i in range(n)]
    for i in range(0, n, 100):
        nums[i] = "12345"  # 1 % invalid
    for i in range(1, n, 100):
        nums[i] = nums[i + 1]  # 1 % duplicates
    return nums


def test_200k_numbers_plan_fast():
    nums = _numbers(200_000)
    t = time.perf_counter()
    p = plan_plain(SIGNED, nums, suppressed=frozenset(nums[2::1000]))
    elapsed = time.perf_counter() - t
    assert len(p.invalid) == 2000 and len(p.duplicates) == 2000
    assert len(p.recipients) + len(p.suppressed) == 196_000
    assert p.batch_count == -(-len(p.recipients) // 2000)
    # Measured ~0.2 s on the 2-core build machine; the bound only guards against a slow path.
    assert elapsed < 2.0


def _bench(n: int) -> None:
    nums = _numbers(n)
    t = time.perf_counter()
    p = plan_plain(SIGNED, nums)
    print(f"plan_plain    {n:>9,} numbers: {time.perf_counter() - t:.3f} s ({len(p.recipients):,} recipients)")
    rows = [(m, [f"用户{i}", f"SO{i}"]) for i, m in enumerate(nums)]
    t = time.perf_counter()
    p = plan_template(TEMPLATE, "T1", rows)
    print(f"plan_template {n:>9,} rows:    {time.perf_counter() - t:.3f} s (cost {p.cost:,})")


if __name__ == "__main__":
    _bench(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
