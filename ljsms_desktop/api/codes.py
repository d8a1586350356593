"""The gateway's result codes (contract §6) with messages a marketer understands."""

from __future__ import annotations

SUCCESS = 20000
NO_DATA = 40999
BUSY = 49999

# code: (vendor desc, 中文说明, English explanation)
CODES: dict[int, tuple[str, str, str]] = {
    20000: ("success", "成功", "Accepted."),
    40000: ("json empty", "请求内容为空", "The request body was empty."),
    40001: ("json error", "请求内容无法解析", "The gateway could not parse the request."),
    40002: ("account error", "账号不存在或填写错误，请检查账号", "The account is missing or wrong; check the account name."),
    40003: ("ip error", "本机 IP 不在该账号的 IP 白名单中，请在联江平台添加本机出口 IP",
            "This computer's IP address is not on the account's IP allow list; add it on the 联江 platform."),
    40004: ("account disabled", "账号已被停用，请联系联江客服", "The account is disabled; contact 联江 support."),
    40005: ("non developer", "账号未开通接口（开发者）模式，请联系联江开通",
            "The account is not in developer (API) mode; ask 联江 to enable it."),
    40006: ("key empty", "签名密钥为空", "The request carried no key."),
    40007: ("timestamp error", "时间戳错误：请检查电脑的日期、时间和时区是否准确",
            "Timestamp rejected: check this computer's clock, date and time zone."),
    40008: ("key error", "密码错误，请检查密码", "Wrong password (key error); check the password."),
    40009: ("content empty", "短信内容为空", "The message text is empty."),
    40010: ("sign error", "短信签名【…】缺失或未报备，请在内容中加上已审核的签名",
            "The signature 【…】 is missing or not approved; add the approved signature to the text."),
    40011: ("content & sign out", "短信内容（含签名）超过长度上限", "The message (with signature) is too long."),
    40012: ("mobile empty", "没有手机号码", "No mobile numbers were given."),
    40013: ("mobile out", "号码超过 2000 个的单次上限", "More than 2000 numbers in one request."),
    40014: ("code error", "扩展号错误：只能是数字", "Bad extension number: digits only."),
    40015: ("template empty", "模板为空", "The template is missing."),
    40016: ("template error", "模板内容与平台报备的模板不一致", "The template text does not match the registered template."),
    40017: ("list empty", "模板发送列表为空", "The template list is empty."),
    40018: ("list out", "模板发送列表超过 1000 条的单次上限", "More than 1000 template entries in one request."),
    # Not in the vendor table: the vendor is silent on an empty balance. The simulator answers 40019;
    # the real gateway may use another code, which then shows with its own desc.
    40019: ("balance not enough", "账户余额不足，请充值后再发送", "Not enough balance on the account; top up first."),
    40999: ("no data", "暂无数据", "Nothing to return."),
    49999: ("system is busy", "网关繁忙，请稍后重试", "The gateway is busy; try again later."),
}

# Codes after which no other request of the same account can succeed either.
ACCOUNT_WIDE = frozenset({40002, 40003, 40004, 40005, 40006, 40007, 40008, 40019})


def describe(code: int, desc: str = "") -> tuple[str, str]:
    """(中文, English) explanation of *code*; unknown codes keep the gateway's own words."""
    if code in CODES:
        _, zh, en = CODES[code]
        return zh, en
    extra = f"：{desc}" if desc else ""
    return f"网关返回未知错误 {code}{extra}", f"The gateway answered unknown code {code}" + (f": {desc}" if desc else "")
