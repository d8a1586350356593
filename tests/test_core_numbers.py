import pytest

from ljsms_desktop.core.numbers import REASONS_ZH, normalize_mobile, split_number_list


@pytest.mark.parametrize(
    "raw",
    [
        "13800138000",
        13800138000,
        " 138 0013 8000 ",
        "138-0013-8000",
        "+86 138 0013 8000",
        "008613800138000",
        "8613800138000",
        "１３８００１３８０００",
        "13800138000.0",
        13800138000.0,
        "(138)00138000",
    ],
)
def test_valid(raw):
    c = normalize_mobile(raw)
    assert c.ok and c.mobile == "13800138000" and c.reason is None
    assert c.raw == str(raw)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (None, "empty"),
        ("", "empty"),
        ("   ", "empty"),
        ("1.38001E+10", "scientific"),
        ("abc", "not_digits"),
        ("1380013800a", "not_digits"),
        ("١٣٨٠٠١٣٨٠٠٠", "not_digits"),  # Arabic-Indic digits are digits, but not ours
        ("1380013800", "length"),
        ("138001380001", "length"),
        ("+1 202 555 0100", "not_mobile"),
        ("12345678901", "not_mobile"),
        ("10086100861", "not_mobile"),
    ],
)
def test_invalid(raw, reason):
    c = normalize_mobile(raw)
    assert not c.ok and c.mobile is None and c.reason == reason
    assert c.reason_zh == REASONS_ZH[reason]


def test_every_reason_has_chinese():
    assert all(REASONS_ZH.values())


def test_split_number_list():
    text = "13800138000，13900139000;13700137000\n138 0013 8001\t13600136000、13500135000 13300133000|"
    assert split_number_list(text) == [
        "13800138000",
        "13900139000",
        "13700137000",
        "138 0013 8001",
        "13600136000",
        "13500135000",
        "13300133000",
    ]
    assert split_number_list("  \n ,, ") == []


def test_a_negative_number_is_not_a_mobile():
    from ljsms_desktop.core.numbers import NOT_DIGITS, normalize_mobile

    for raw in (-13800138000, "-13800138000", "－13800138000"):
        check = normalize_mobile(raw)
        assert not check.ok and check.reason == NOT_DIGITS, raw
    assert normalize_mobile("138-0013-8000").ok  # dashes inside still separate groups
