import pytest

from ljsms_desktop.core.segments import (
    PART_LIMIT,
    SINGLE_LIMIT,
    SegmentInfo,
    char_count,
    count_parts,
    describe,
    parts_for_length,
)


def test_limits():
    assert (SINGLE_LIMIT, PART_LIMIT) == (70, 67)


@pytest.mark.parametrize(
    ("n", "parts"),
    [(0, 0), (1, 1), (70, 1), (71, 2), (134, 2), (135, 3), (201, 3), (202, 4), (500, 8)],
)
def test_parts_at_boundaries(n, parts):
    assert count_parts("短" * n) == parts
    assert count_parts("a" * n) == parts  # ASCII is UCS-2 too once the 【签名】 is in
    assert parts_for_length(n) == parts


def test_char_count_utf16_units():
    assert char_count("") == 0
    assert char_count("【联江科技】你好") == 8
    assert char_count("😀") == 2  # outside the BMP: a surrogate pair
    assert char_count("a😀b") == 4
    assert char_count("ＴＤ") == 2  # full-width stays one unit each


def test_emoji_pushes_over_the_single_limit():
    assert count_parts("字" * 68 + "😀") == 1  # 70 units
    assert count_parts("字" * 69 + "😀") == 2  # 71 units
    assert count_parts("😀" * 35) == 1
    assert count_parts("😀" * 36) == 2


def test_lone_surrogate_does_not_crash():
    assert char_count("a\ud800b") == 3


@pytest.mark.parametrize(
    ("n", "parts", "left"),
    [(0, 0, 70), (1, 1, 69), (70, 1, 0), (71, 2, 63), (134, 2, 0), (135, 3, 66)],
)
def test_describe(n, parts, left):
    info = describe("好" * n)
    assert info == SegmentInfo(chars=n, parts=parts, chars_left_in_part=left)


def test_describe_text_zh_and_frozen():
    info = describe("【联江】" + "好" * 71)
    assert info.text_zh == "已输入 75 字，共 2 条，本条还可输入 59 字"
    with pytest.raises(AttributeError):
        info.chars = 1  # type: ignore[misc]
