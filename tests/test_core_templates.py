import pytest

from ljsms_desktop.core.templates import TemplateError, check_values, placeholder_count, render

T = "【某某】您的订单{}已发货，预计{}送达"


def test_render_fills_in_order():
    assert placeholder_count(T) == 2
    assert render(T, ["SO123", "明天"]) == "【某某】您的订单SO123已发货，预计明天送达"
    assert check_values(T, ["a", "b"]) is None


def test_no_placeholders():
    assert placeholder_count("【某某】通知") == 0
    assert render("【某某】通知", []) == "【某某】通知"


@pytest.mark.parametrize("values", [["only one"], ["a", "b", "c"], []])
def test_count_mismatch(values):
    msg = check_values(T, values)
    assert msg == f"变量个数不符：模板中有 2 个 {{}}，但提供了 {len(values)} 个值"
    with pytest.raises(TemplateError, match="变量个数不符") as exc:
        render(T, values)
    assert isinstance(exc.value, ValueError)


def test_non_str_value():
    assert check_values("{}", [5]) == "第 1 个变量不是文字（int）"
    with pytest.raises(TemplateError, match="不是文字"):
        render("{}", [5])  # type: ignore[list-item]


def test_literal_braces_are_text():
    t = "【某】{name} 的积分 {} 分，{0} { } } {"
    assert placeholder_count(t) == 1
    assert render(t, ["88"]) == "【某】{name} 的积分 88 分，{0} { } } {"


def test_double_braces_hold_one_placeholder():
    assert placeholder_count("{{}}") == 1
    assert render("{{}}", ["x"]) == "{x}"
    assert render("}{}{", ["x"]) == "}x{"


def test_values_are_not_filled_again():
    assert render("{}-{}", ["{}", "{0}"]) == "{}-{0}"
    assert render("{}", ["%s {name}"]) == "%s {name}"
