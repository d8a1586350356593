import pytest

from ljsms_desktop.core.optout import OPT_OUT_HINT, add_opt_out_line, has_opt_out_line, is_opt_out, normalize_reply


@pytest.mark.parametrize(
    "reply",
    [
        "TD", "td", "T", "t", "N", "R", "0000", "退订", "取消", "unsubscribe", "STOP", "Stop",
        " td ", "TD!", "td。", "退订。", "【退订】", "“退订”", "退订🙏", "\u3000退订\u3000",
        "ＴＤ", "ｔｄ", "Ｔ", "ＳＴＯＰ",
        "T D", "退 订", "TD 退订", "td退订", "退订，退订", "退订短信", "取消订阅", "拒收",
        "请退订", "我要退订", "退订吧", "退订谢谢", "麻烦取消订阅",
        "回T退订", "回复TD退订", "退订回T", "拒收请回复R",
    ],
)
def test_opt_out(reply):
    assert is_opt_out(reply)


@pytest.mark.parametrize(
    "reply",
    [
        "", "   ", "。", "好的", "收到", "谢谢", "ok", "yes", "1",
        "我要取消订单吗", "取消订单", "不要退订", "不退订", "取消了", "退了", "退",
        "t恤多少钱", "tshirt", "ttt", "tn", "stop by tomorrow", "don't stop", "unsubscribe me maybe later pls ok",
        "请问怎么退订", "退订" * 21,
    ],
)
def test_not_opt_out(reply):
    assert not is_opt_out(reply)


def test_normalize_reply():
    assert normalize_reply(" 【ＴＤ】！ ") == "td"
    assert normalize_reply("T D") == "td"


def test_hint_is_a_line():
    assert OPT_OUT_HINT == "回T退订"
    assert has_opt_out_line(f"【联江】双11全场5折，{OPT_OUT_HINT}")


@pytest.mark.parametrize(
    "text",
    [
        "【联江】双11全场5折，回T退订",
        "【联江】双11全场5折，回TD退订",
        "【联江】双11全场5折 回复TD退订",
        "【联江】双11全场5折，退订回T",
        "【联江】双11全场5折，退订回复N",
        "【联江】双11全场5折，拒收请回复R",
        "【联江】双11全场5折，退订请回复“TD”",
        "【联江】双11全场5折，回N退",
        "【联江】双11全场5折，回ＴＤ退订",
        "【Shop】50% off. Reply STOP to unsubscribe",
    ],
)
def test_has_opt_out_line(text):
    assert has_opt_out_line(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "【联江】您的订单已发货",
        "【联江】如需退货请回复1退货",
        "【联江】回复1查询余额",
        "【联江】已为您办理退订业务",
    ],
)
def test_lacks_opt_out_line(text):
    assert not has_opt_out_line(text)


@pytest.mark.parametrize("text, expected", [
    ("【联江优选】双十一全场五折，先到先得", "【联江优选】双十一全场五折，先到先得，回T退订"),
    ("【联江优选】双十一全场五折，先到先得。", "【联江优选】双十一全场五折，先到先得。回T退订"),
    ("【联江优选】全场五折！  ", "【联江优选】全场五折！回T退订"),
    ("【联江优选】详情见 https://lj.cn/a1", "【联江优选】详情见 https://lj.cn/a1 回T退订"),
    ("全场五折，先到先得【联江优选】", "全场五折，先到先得，回T退订【联江优选】"),   # the signature stays last
    ("全场五折。 【联江优选】", "全场五折。回T退订【联江优选】"),
    ("", "回T退订"),
])
def test_add_opt_out_line_keeps_it_a_clause_of_its_own(text, expected):
    out = add_opt_out_line(text)
    assert out == expected and has_opt_out_line(out)
