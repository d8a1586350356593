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


# Every assigned 11-digit prefix of /work/shared/reference/delivery-codes.md section 2 (MIIT allocations, as
# collected by VincentSit/ChinaMobilePhoneNumberRegex, libphonenumber carrier data, phonenumbers 9.0.43,
# libphonenumber PR #3970), by carrier. Each is accepted with every possible digit after it.
ASSIGNED = {
    "中国移动": ["1340", "1341", "1342", "1343", "1344", "1345", "1346", "1347", "1348", "135", "136", "137", "138",
                 "139", "150", "151", "152", "157", "158", "159", "172", "178", "182", "183", "184", "187", "188",
                 "195", "197", "198", "165", "1703", "1705", "1706", "147"],
    "中国联通": ["130", "131", "132", "155", "156", "166", "175", "176", "185", "186", "196", "167", "171", "1704",
                 "1707", "1708", "1709", "145"],
    "中国电信": ["133", "1349", "153", "173", "17400", "17401", "17402", "17403", "17404", "17405", "177", "180",
                 "181", "189", "190", "191", "193", "199", "162", "1700", "1701", "1702", "149"],
    "中国广电": ["192", "1610"],
    "其他": ["1749", "17406", "17407", "17408", "17409", "17410", "17411", "17412"],
}
UNASSIGNED = ["100", "110", "120", "129", "140", "141", "142", "143", "144", "146", "148", "154", "160", "1611",
              "1619", "163", "164", "168", "169", "17413", "17450", "17489", "179", "194"]


@pytest.mark.parametrize(("carrier", "prefix"), [(c, p) for c, ps in ASSIGNED.items() for p in ps])
def test_assigned_prefix_accepted(carrier, prefix):
    for last in "0123456789":
        number = (prefix + last + "1234567890")[:11]
        check = normalize_mobile(number)
        assert check.ok and check.mobile == number, (carrier, number)
        assert normalize_mobile("+86 " + number).mobile == number


@pytest.mark.parametrize("prefix", UNASSIGNED)
def test_unassigned_prefix_refused(prefix):
    for last in "0123456789":
        number = (prefix + last + "1234567890")[:11]
        assert normalize_mobile(number).reason == "not_mobile", number


def test_149_data_card_numbers_are_mobiles():
    """中国电信 上网卡 numbers receive SMS; phonenumbers' own pattern refused them (issue 9)."""
    assert normalize_mobile("14912345678").mobile == "14912345678"
    assert split_number_list("149 1234 5678") == ["149 1234 5678"]


def test_mobile_rule_agrees_with_the_carrier_table():
    """core.carriers (the same reference table, for the carrier breakdown) names an 11-digit line for
    exactly the numbers the mobile rule accepts: every 5-digit start from 10000 to 19999."""
    from ljsms_desktop.core import carriers

    for start in range(10000, 20000):
        number = f"{start}123456"
        kind = carriers.line_kind(number)
        assigned = kind not in (carriers.UNKNOWN, carriers.IOT, None, "")
        assert normalize_mobile(number).ok == assigned, (number, kind)
