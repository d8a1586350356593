"""Delivery-report status codes in words: what a code means, its bucket, whether a retry can help.

The table is the project's own, curated from ``shared/reference/delivery-codes.md`` (public vendor tables:
Tencent Cloud, Huawei Cloud, the classic CMPP table, SUBMAIL, 七牛云, 联通 SGIP, …; the source tags of each
row are kept in ``CodeInfo.sources``). The same code does not mean the same thing at every vendor, so the
window always shows the raw code beside the words.

A report's status is ``DELIVRD`` (delivered) or a failure code. Every failure falls in one *bucket*
(``number`` 号码问题, ``unreachable`` 暂时不可达, ``blocked`` 黑名单·退订, ``content`` 内容拦截,
``rate`` 频率限制, ``carrier`` 运营商内部, ``unknown`` 未知); ``delivered`` is the bucket of a delivered
report. Lookup order: the exact code (as it came, then trimmed, upper-cased and NFKC-normalised, then
``MK0001`` read as ``MK:0001``), then the reference's fallback patterns (China Mobile ``M?:nnnn``, ``*BLACK*``,
``*LIMIT*``, ``KEYWORD*``, Telecom ``6xx``/``UNDELIV_6xx``, bare Unicom numbers…), else ``unknown``.

Opt-outs: a code that says the *recipient* asked to stop or complained (MX:0012 退订黑名单, MX:0011,
BLACK/TSBLACK/TDBLACK/MBBLACK, TD:0001, MB:1077, DB:0141, ``TD*``/``TUIDING``) has ``opt_out`` true: the
number goes on the suppression list like a TD reply. Operator and gateway blacklists that do not say who
asked (MK:100C, DB:0144, HD:19, HIGRISK, Unicom 10/69, …) are ``blocked`` and never worth a retry, but not
opt-outs. REJECTD is not an opt-out either: it also means a sensitive word or, at China Telecom, an empty
number, so suppressing on it would drop numbers whose owners never said stop.

``classify(code)`` is a dict lookup (the store calls it for every report it keeps); codes not in the dict
go through a cached fallback once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# -- buckets -----------------------------------------------------------------------------------------

DELIVERED = "delivered"
NUMBER = "number"
UNREACHABLE = "unreachable"
BLOCKED = "blocked"
CONTENT = "content"
RATE = "rate"
CARRIER = "carrier"
UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Bucket:
    """A group of report outcomes. ``retry_default``: include it in 重发失败号码 by default."""

    code: str
    name_zh: str
    name_en: str
    advice_zh: str
    advice_en: str
    retry_default: bool
    id: int  # a small stable integer, for an indexed column


BUCKETS: dict[str, Bucket] = {b.code: b for b in (
    Bucket(DELIVERED, "已送达", "Delivered", "已送达手机", "Delivered to the phone", False, 0),
    Bucket(NUMBER, "号码问题", "Number problem",
           "空号、停机或号码无效，重发只会浪费费用，建议从名单中清理",
           "Empty, suspended or invalid number: resending wastes money, clean the list", False, 1),
    Bucket(UNREACHABLE, "暂时不可达", "Temporarily unreachable",
           "关机、不在服务区或手机存储满，可过几小时或次日再发",
           "Phone off, out of coverage or its storage full: try again in a few hours or tomorrow", True, 2),
    Bucket(BLOCKED, "黑名单·退订", "Blacklist / opt-out",
           "号码在黑名单或已退订，不要再发",
           "The number is on a blacklist or opted out: do not send to it again", False, 3),
    Bucket(CONTENT, "内容拦截", "Content blocked",
           "内容或签名被拦截（敏感词、未报备），修改内容后再发",
           "The text or signature was blocked (sensitive words, not registered): change the text first", False, 4),
    Bucket(RATE, "频率限制", "Rate limit",
           "给该号码发送过于频繁，次日或限制时段过后再发",
           "Too many messages to this number: try again tomorrow or after the limit window", True, 5),
    Bucket(CARRIER, "运营商内部", "Carrier internal",
           "运营商网关或短信中心内部错误，稍后可重试一次",
           "An error inside the carrier's gateway or message centre: one later retry is reasonable", True, 6),
    Bucket(UNKNOWN, "未知", "Unknown",
           "运营商未给出明确原因，请看原始代码",
           "The carrier gave no clear reason: see the raw code", False, 7),
)}
FAILURE_BUCKETS: tuple[str, ...] = (NUMBER, UNREACHABLE, BLOCKED, CONTENT, RATE, CARRIER, UNKNOWN)
"""Failure buckets in the order the window lists them."""

# -- retry advice ------------------------------------------------------------------------------------

NEVER = "never"                    # 否: permanent, retrying wastes money
LATER = "later"                    # 稍后: transient, after hours / next day
NEXT_DAY = "next_day"              # 次日: a frequency limit, after its window
CHANGE_CONTENT = "change_content"  # 改内容: only after changing the text or signature
ONCE = "once"                      # 一次: carrier-internal or unclear, one later retry is reasonable
WAIT = "wait"                      # 等待: outcome unknown, may have been delivered: do not resend now
NO_RETRY = ""                      # delivered: nothing to retry

RETRY_ADVICE: dict[str, tuple[str, str]] = {
    NEVER: ("不要重发：重发只会浪费费用", "Do not resend: it only costs money"),
    LATER: ("可稍后（几小时后或次日）重发", "Resend later (in a few hours or tomorrow)"),
    NEXT_DAY: ("次日或限制时段过后再发", "Resend tomorrow or after the limit window"),
    CHANGE_CONTENT: ("修改内容或签名后再发", "Resend only after changing the text or signature"),
    ONCE: ("可稍后重试一次", "One later retry is reasonable"),
    WAIT: ("结果未知，可能已送达，请勿立即重发", "Outcome unknown, it may have arrived: do not resend now"),
    NO_RETRY: ("", ""),
}
RETRY_HELPS = frozenset({LATER, NEXT_DAY, ONCE})
"""Advice under which sending the same text again later can succeed."""

# -- which network a code comes from ------------------------------------------------------------------

NETWORKS: dict[str, tuple[str, str]] = {
    "all": ("三网", "All carriers"),
    "cmcc": ("中国移动", "China Mobile"),
    "unicom": ("中国联通", "China Unicom"),
    "telecom": ("中国电信", "China Telecom"),
    "platform": ("短信平台", "SMS platform"),
    "": ("", ""),
}


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """What one status code means. ``code`` is the code as asked about (shown raw beside the words)."""

    code: str
    bucket: str
    explanation_zh: str
    explanation_en: str
    retry: str              # one of NEVER, LATER, NEXT_DAY, CHANGE_CONTENT, ONCE, WAIT, NO_RETRY
    opt_out: bool = False   # the recipient asked to stop or complained: suppress like a TD reply
    network: str = ""       # a key of NETWORKS
    sources: tuple[str, ...] = ()  # source tags of delivery-codes.md (TC, HW, CM, …)
    matched: str = "exact"  # "exact", "pattern" (a fallback family) or "none"

    @property
    def delivered(self) -> bool:
        return self.bucket == DELIVERED

    @property
    def retry_helps(self) -> bool:
        """True when sending the same text again later can succeed."""
        return self.retry in RETRY_HELPS

    @property
    def bucket_zh(self) -> str:
        return BUCKETS[self.bucket].name_zh

    @property
    def bucket_en(self) -> str:
        return BUCKETS[self.bucket].name_en

    @property
    def retry_zh(self) -> str:
        return RETRY_ADVICE[self.retry][0]

    @property
    def retry_en(self) -> str:
        return RETRY_ADVICE[self.retry][1]


# -- the table ---------------------------------------------------------------------------------------
# (codes separated by spaces, network, 通俗解释, plain English, bucket, retry, opt_out, sources)

_TABLE: tuple[tuple[str, str, str, str, str, str, bool, str], ...] = (
    ("DELIVRD", "all", "已送达手机", "Delivered to the phone", DELIVERED, NO_RETRY, False, "CM TC"),
    ("UNDELIV", "all", "无法送达：多为停机、空号、暂停服务；少数因内容或黑名单",
     "Undeliverable: mostly a suspended, empty or paused number; sometimes content or a blacklist",
     NUMBER, NEVER, False, "CM SUB TC"),
    ("UNDELIVRD", "all", "无法送达：空号、停机或关机", "Undeliverable: empty, suspended or switched-off number",
     NUMBER, NEVER, False, "TC"),
    ("EXPIRED", "all", "超时：长时间关机或不在服务区，超过了短信中心的保存期",
     "Expired: the phone was off or out of coverage longer than the message centre keeps messages",
     UNREACHABLE, LATER, False, "CM SUB TC"),
    ("REJECTD REJECT", "all", "被拒收：可能含敏感词，或该号码曾对此签名回复退订；电信号码多为空号或停机",
     "Rejected: sensitive words, or the number opted out of this signature; at China Telecom mostly an "
     "empty or suspended number", CONTENT, NEVER, False, "HW SUB TC"),
    ("DELETED", "all", "短信在短信中心被删除", "The message was deleted in the message centre",
     CARRIER, ONCE, False, "AX"),
    ("UNKNOWN", "all", "状态未知：运营商没有给出结果", "Status unknown: the carrier gave no result",
     UNKNOWN, WAIT, False, "TC YH"),
    ("NOROUTE", "all", "路由失败：号码异常或没有可用通道", "No route: a faulty number or no channel available",
     NUMBER, NEVER, False, "SUB TC"),
    ("KEYWORD KEYWORDS", "platform", "内容含关键词，被平台拦截", "Blocked by the platform for a keyword in the text",
     CONTENT, CHANGE_CONTENT, False, "HW SUB"),
    ("BLACK MBBLACK TSBLACK TDBLACK", "platform", "黑名单：该号码回复过退订或向工信部投诉过",
     "Blacklisted: the number replied to opt out or complained to the regulator",
     BLOCKED, NEVER, True, "HW SUB"),
    ("BEYONDN LIMIT CTLIMIT", "platform", "今天给该号码发送的条数已达上限",
     "Today's limit of messages to this number is reached", RATE, NEXT_DAY, False, "HW"),
    ("MILIMIT BEYONDM BEYONDH BEYONDD", "platform", "给该号码发送过于频繁（每分钟/每小时/24小时超限）",
     "Too many messages to this number (per minute / hour / 24 hours)", RATE, NEXT_DAY, False, "HW SUB"),
    ("MX:0012", "all", "号码在退订黑名单：用户回复过退订", "On the opt-out list: the recipient replied to unsubscribe",
     BLOCKED, NEVER, True, "TC"),
    ("MX:0011", "all", "一年禁发黑名单：用户多次投诉或恶意投诉",
     "On a one-year block list: the recipient complained (repeatedly)", BLOCKED, NEVER, True, "TC"),
    ("MX:0003 TE:0003", "all", "今天给该号码发送的条数超过上限", "Today's limit of messages to this number is exceeded",
     RATE, NEXT_DAY, False, "TC"),
    ("TD:0001", "all", "网关退订黑名单", "On the gateway's opt-out blacklist", BLOCKED, NEVER, True, "TC"),
    ("HD:19 BWLIST W-BLACK HIGRISK", "all", "网关黑名单（高风险或被屏蔽号码）",
     "On the gateway's blacklist (high-risk or blocked number)", BLOCKED, NEVER, False, "TC"),
    ("MK:0000", "cmcc", "一般是空号或停机（部分省份屏蔽也报此码）",
     "Mostly an empty or suspended number (some provinces' blocking reports this too)", NUMBER, NEVER, False, "TC YH"),
    ("MK:0001", "cmcc", "空号：运营商查不到这个号码", "Empty number: the carrier does not know this number",
     NUMBER, NEVER, False, "TC YH"),
    ("MK:0004", "cmcc", "停机或关机", "Suspended or switched off", NUMBER, LATER, False, "TC"),
    ("MK:0005", "cmcc", "停机，或该号码的短信功能被禁止、未开通",
     "Suspended, or SMS is barred or not enabled on this number", NUMBER, NEVER, False, "TC YH"),
    ("MK:0008", "cmcc", "手机所在区域信号差", "Poor signal where the phone is", UNREACHABLE, LATER, False, "TC"),
    ("MK:0010", "cmcc", "暂时无法接通：关机或不在服务区超过保存期",
     "Temporarily unreachable: off or out of coverage longer than messages are kept",
     UNREACHABLE, LATER, False, "TC YH"),
    ("MK:0011", "cmcc", "停机或关机；手机短信功能不可用", "Suspended or off; SMS not available on the phone",
     NUMBER, NEVER, False, "TC"),
    ("MK:0012", "cmcc", "空号或无效号码", "Empty or invalid number", NUMBER, NEVER, False, "TC YH"),
    ("MK:0013", "cmcc", "空号或停机", "Empty or suspended number", NUMBER, NEVER, False, "TC YH"),
    ("MK:0015", "cmcc", "手机收短信时软件异常（如刚开机还没准备好）",
     "The phone's software failed to receive (e.g. just switched on)", UNREACHABLE, LATER, False, "TC"),
    ("MK:0017", "cmcc", "手机短信存储已满", "The phone's message storage is full", UNREACHABLE, LATER, False, "TC"),
    ("MK:0024", "cmcc", "发送时手机关机", "The phone was off", UNREACHABLE, LATER, False, "TC"),
    ("MK:0029", "cmcc", "暂时无法接通", "Temporarily unreachable", UNREACHABLE, LATER, False, "TC"),
    ("MK:0036", "cmcc", "交换机未知错误", "Unknown error in the mobile switching centre", CARRIER, ONCE, False, "TC"),
    ("MK:0075", "cmcc", "空号、停机或关机", "Empty, suspended or switched-off number", NUMBER, NEVER, False, "TC YH"),
    ("MK:0115", "cmcc", "垃圾短信拦截（也有平台说是号码问题，含义不一）",
     "Blocked as spam (some platforms call it a number problem; meanings differ)",
     CONTENT, CHANGE_CONTENT, False, "YH TC"),
    ("MK:1004", "cmcc", "触发审核关键字，被拦截或进入审核", "A keyword sent it to review or blocked it",
     CONTENT, CHANGE_CONTENT, False, "HW"),
    ("MK:100C MK:100D", "cmcc", "运营商黑名单", "On the carrier's blacklist", BLOCKED, NEVER, False, "TC"),
    ("MK:1041", "cmcc", "提交的短信数超过上限", "Too many messages submitted", RATE, NEXT_DAY, False, "YH"),
    ("MI:0013", "cmcc", "停机或关机", "Suspended or switched off", NUMBER, NEVER, False, "TC"),
    ("MI:0024", "cmcc", "手机关机", "The phone is off", UNREACHABLE, LATER, False, "TC HWi"),
    ("MI:0029", "cmcc", "停机或关机（手机问题）", "Suspended or off (a phone problem)", NUMBER, ONCE, False, "TC HWi"),
    ("MI:0052", "cmcc", "漫游限制", "Roaming restriction", UNREACHABLE, LATER, False, "TC HWi"),
    ("MI:0054 MI:0059", "cmcc", "空号、停机或关机", "Empty, suspended or switched-off number",
     NUMBER, NEVER, False, "TC HWi"),
    ("MI:0079", "cmcc", "超过下发限制", "Over the sending limit", RATE, NEXT_DAY, False, "HWi"),
    ("MI:0099", "cmcc", "手机问题：内存满、SIM 卡满或非法设备", "A phone problem: memory or SIM full, or an invalid device",
     UNREACHABLE, LATER, False, "HWi TC"),
    ("MI00000", "cmcc", "短信在短信中心过期", "The message expired in the message centre",
     UNREACHABLE, LATER, False, "TC HWi"),
    ("MN:0001", "cmcc", "空号、停机或关机（部分省份屏蔽）", "Empty, suspended or off (some provinces' blocking)",
     NUMBER, NEVER, False, "TC YH"),
    ("MN:0017", "cmcc", "短信被拒收（内容或退订）", "Refused (content or opt-out)", CONTENT, NEVER, False, "TC"),
    ("MN:0036", "cmcc", "不在服务区或用户忙", "Out of coverage or busy", UNREACHABLE, LATER, False, "TC"),
    ("MN:0059", "cmcc", "空号、停机或关机", "Empty, suspended or switched-off number", NUMBER, NEVER, False, "TC"),
    ("MC:0055", "cmcc", "不在服务区或手机存储满", "Out of coverage or the phone's storage is full",
     UNREACHABLE, LATER, False, "TC"),
    ("MB:1042", "cmcc", "短信中心为该用户缓存的短信已满（多为关机或存储满）",
     "The message centre's queue for this user is full (mostly off or storage full)",
     UNREACHABLE, LATER, False, "TC"),
    ("MB:1077", "cmcc", "用户投诉过移动，进入黑名单（需机主打 10086 解除）",
     "The user complained to China Mobile and is blacklisted (only the owner can lift it via 10086)",
     BLOCKED, NEVER, True, "TC"),
    ("MB:1078", "cmcc", "运营商内部错误", "Carrier internal error", CARRIER, ONCE, False, "TC"),
    ("DB:0101", "cmcc", "手机号码错误或空号", "Wrong or empty number", NUMBER, NEVER, False, "CM"),
    ("DB:0102", "cmcc", "用户停机", "The number is suspended", NUMBER, NEVER, False, "CM"),
    ("DB:0108", "cmcc", "业务暂停服务或网关异常", "Service paused or a gateway fault", CARRIER, ONCE, False, "YH TC"),
    ("DB:0141", "cmcc", "黑名单：用户多次向移动或工信部投诉（无法解除）",
     "Blacklisted: the user complained to China Mobile or the regulator repeatedly (cannot be lifted)",
     BLOCKED, NEVER, True, "TC"),
    ("DB:0142", "cmcc", "超过每天最大下发数量", "Over the daily sending limit", RATE, NEXT_DAY, False, "YH"),
    ("DB:0144 DB00144", "cmcc", "全局黑名单", "On the global blacklist", BLOCKED, NEVER, False, "TC YH"),
    ("IB:0008", "cmcc", "网关流量控制", "Gateway flow control", RATE, LATER, False, "CM YH"),
    ("IB:0011", "cmcc", "外省网关数据不同步", "Another province's gateway is out of sync", CARRIER, ONCE, False, "YH"),
    ("ID:0076", "cmcc", "运营商关键词拦截", "Blocked by the carrier for a keyword", CONTENT, CHANGE_CONTENT, False,
     "SUB"),
    ("ID:0013 ID:0070", "cmcc", "网关内部错误", "Gateway internal error", CARRIER, ONCE, False, "TC HW"),
    ("IA:0054 CA:0054 DA:0054", "cmcc", "运营商内部超时，未收到响应", "A timeout inside the carrier: no response",
     CARRIER, ONCE, False, "CM TC"),
    ("CB:0001 CB:0053", "cmcc", "号码无效或空号", "Invalid or empty number", NUMBER, NEVER, False, "CM"),
    ("MA:0001", "platform", "全局黑名单号码", "On the global blacklist", BLOCKED, NEVER, False, "AX"),
    ("MA:0002 MA:0024", "platform", "内容非法或内容未报备", "Content not allowed or not registered",
     CONTENT, CHANGE_CONTENT, False, "AX"),
    ("MA:0022", "platform", "该号码半小时内的发送次数超限", "Too many messages to this number within half an hour",
     RATE, LATER, False, "AX"),
    ("1", "unicom", "空号，号码不存在", "Empty number: it does not exist", NUMBER, NEVER, False, "TC QN"),
    ("5", "unicom", "停机", "Suspended number", NUMBER, NEVER, False, "TC QN"),
    ("10", "unicom", "黑名单用户（防骚扰名单）", "Blacklisted user (anti-harassment list)", BLOCKED, NEVER, False,
     "SG QN"),
    ("12", "unicom", "空号、停机、关机或呼叫限制", "Empty, suspended, off or barred", NUMBER, NEVER, False, "TC QN"),
    ("13", "unicom", "号码或业务问题（业务代码未分配）", "Number or service problem (service code not assigned)",
     NUMBER, NEVER, False, "TC QN"),
    ("24", "unicom", "计费号码无效（空号或停机，也可能是临时的）",
     "Billing number invalid (empty or suspended; may be temporary)", NUMBER, ONCE, False, "TC SG HW"),
    ("25 54 4", "unicom", "用户暂时不能通信：不在服务区或关机", "The user cannot be reached: out of coverage or off",
     UNREACHABLE, LATER, False, "SG TC"),
    ("26 43 79", "unicom", "手机内存不足", "The phone's memory is full", UNREACHABLE, LATER, False, "SG TC"),
    ("27 44 118", "unicom", "手机不支持短信或短信功能不可用", "The phone does not support or has disabled SMS",
     NUMBER, NEVER, False, "SG TC"),
    ("29", "unicom", "运营商不认识这个用户（用户信息错误）", "Unknown user (wrong subscriber data)",
     NUMBER, NEVER, False, "SG TC"),
    ("69", "unicom", "黑名单用户", "Blacklisted user", BLOCKED, NEVER, False, "TC"),
    ("LT:0001", "unicom", "空号、停机、关机、无法接通等号码问题", "A number problem: empty, suspended, off or unreachable",
     NUMBER, NEVER, False, "SUB"),
    ("640 UNDELIV_640 EXPIRED_640", "telecom", "一般为空号或停机", "Mostly an empty or suspended number",
     NUMBER, NEVER, False, "QN TC"),
    ("601 UNDELIV_601", "telecom", "停机、暂停等异常（也有平台标为黑名单，含义不一）",
     "Suspended or paused (some platforms call it a blacklist; meanings differ)", NUMBER, NEVER, False, "TC QN"),
    ("602 UNDELIV_602 EXPIRED_602", "telecom", "停机、暂停或其他异常，收不到短信",
     "Suspended, paused or another fault: the phone cannot receive", NUMBER, ONCE, False, "TC"),
    ("612 614 615 UNDELIV_612 UNDELIV_614 UNDELIV_615", "telecom", "电信侧号码或手机状态异常，需运营商核查",
     "A number or phone fault at China Telecom; the carrier has to check it", NUMBER, ONCE, False, "TC"),
    ("REJECTD_006 REJECTD_706", "telecom", "被拒收（如行业短信未开通）", "Refused (e.g. business SMS not enabled)",
     CONTENT, NEVER, False, "TC"),
    ("999 UNDELIV_999", "telecom", "未定义的错误，需运营商核查", "Undefined error; the carrier has to check it",
     CARRIER, ONCE, False, "TC QN"),
    ("606", "telecom", "电信号码或手机状态异常（未找到公开定义）",
     "A number or phone fault at China Telecom (no public definition found)", NUMBER, ONCE, False, ""),
    ("9403", "platform", "黑名单", "Blacklisted", BLOCKED, NEVER, False, "QN"),
    ("9419 9441 300040", "platform", "发送过于频繁或超过单号码每日上限", "Too frequent, or over this number's daily peak",
     RATE, NEXT_DAY, False, "QN"),
)


def _build() -> dict[str, CodeInfo]:
    out: dict[str, CodeInfo] = {}
    for codes, network, zh, en, bucket, retry, opt_out, sources in _TABLE:
        for code in codes.split():
            if code in out:
                raise ValueError(f"delivery code {code} listed twice")
            out[code] = CodeInfo(code, bucket, zh, en, retry, opt_out, network, tuple(sources.split()))
    return out


CODES: dict[str, CodeInfo] = _build()
"""Every code of the curated table (normalised spelling: upper case, ``XX:nnnn``)."""
_BUCKET_OF: dict[str, str] = {code: info.bucket for code, info in CODES.items()}
OPT_OUT_CODES: frozenset[str] = frozenset(code for code, info in CODES.items() if info.opt_out)

# -- fallback patterns (delivery-codes.md, "Fallback patterns") ---------------------------------------
# (regex over the normalised code, network, 解释, English, bucket, retry, opt_out); first match wins.

_PATTERNS: tuple[tuple[re.Pattern[str], str, str, str, str, str, bool], ...] = tuple(
    (re.compile(rx), *rest) for rx, *rest in (
        (r"^(?:TD|TUIDING)", "platform", "退订黑名单：该号码退订过", "On an opt-out list: the number unsubscribed",
         BLOCKED, NEVER, True),
        (r"BLACK|^HIGRISK$", "platform", "号码在黑名单", "The number is blacklisted", BLOCKED, NEVER, False),
        (r"LIMIT|^BEYOND|^DISTURB$", "platform", "给该号码发送过于频繁，超过频率限制",
         "Too many messages to this number (a rate limit)", RATE, NEXT_DAY, False),
        (r"^KEYWORD|SIGN", "platform", "内容或签名被拦截", "The text or signature was blocked",
         CONTENT, CHANGE_CONTENT, False),
        (r"^REJECTD?_\d+$", "telecom", "被拒收", "Refused", CONTENT, NEVER, False),
        (r"^(?:(?:UNDELIV|EXPIRED)_)?[67]\d\d$", "telecom", "电信侧号码或手机状态异常",
         "A number or phone fault reported by China Telecom", NUMBER, ONCE, False),
        (r"^(?:UNDELIV|EXPIRED)_\d+$", "all", "无法送达（号码或手机状态问题）", "Undeliverable (number or phone state)",
         NUMBER, ONCE, False),
        (r"^M[A-Z]:?\d+$", "cmcc", "移动短信中心或手机返回的错误，多为号码或手机状态问题",
         "An error from China Mobile's message centre or the phone, mostly the number's or phone's state",
         NUMBER, ONCE, False),
        (r"^LT:?\d+$", "unicom", "空号、停机、关机、无法接通等号码问题",
         "A number problem: empty, suspended, off or unreachable", NUMBER, NEVER, False),
        (r"^I[A-D]:?\d+$", "cmcc", "运营商网关内部错误", "An error inside the carrier's gateway", CARRIER, ONCE, False),
        (r"^\d{1,3}$", "unicom", "联通网关返回的错误码，含义未收录", "A China Unicom gateway code not in our table",
         UNKNOWN, ONCE, False),
    )
)
_NO_COLON = re.compile(r"^([A-Z]{2})(\d{4})$")
_FALLBACK_CACHE = 4096


def normalize(code: str | None) -> str:
    """*code* as the table spells it: NFKC (full-width ``ＭＫ：０００１``), trimmed, upper case."""
    return unicodedata.normalize("NFKC", code or "").strip().upper()


@lru_cache(maxsize=_FALLBACK_CACHE)
def explain(code: str | None) -> CodeInfo:
    """What *code* means: its table entry, a fallback family, or ``unknown`` (``matched`` says which)."""
    raw = code or ""
    info = CODES.get(raw)
    if info is not None:
        return info
    norm = normalize(raw)
    info = CODES.get(norm)
    if info is None and (m := _NO_COLON.match(norm)):
        info = CODES.get(f"{m[1]}:{m[2]}")  # MK0001 as MK:0001
    if info is not None:
        return _with_code(info, raw)
    if not norm:
        return CodeInfo(raw, UNKNOWN, "运营商没有给出状态代码", "The carrier gave no status code", WAIT,
                        matched="none")
    for rx, network, zh, en, bucket, retry, opt_out in _PATTERNS:
        if rx.search(norm):
            return CodeInfo(raw, bucket, zh, en, retry, opt_out, network, matched="pattern")
    return CodeInfo(raw, UNKNOWN, "未收录的状态代码，请以原始代码为准", "A status code not in our table: see the raw code",
                    ONCE, matched="none")


def _with_code(info: CodeInfo, code: str) -> CodeInfo:
    return CodeInfo(code, info.bucket, info.explanation_zh, info.explanation_en, info.retry, info.opt_out,
                    info.network, info.sources, info.matched)


def classify(code: str | None) -> str:
    """The bucket of a report's status *code* (``delivered`` for DELIVRD). A dict lookup; others cached."""
    bucket = _BUCKET_OF.get(code)  # type: ignore[arg-type]
    if bucket is not None:
        return bucket
    return explain(code).bucket


def is_opt_out(code: str | None) -> bool:
    """True when a report with this status code means the recipient opted out (suppress the number)."""
    if code in OPT_OUT_CODES:
        return True
    return explain(code).opt_out


def opt_out_reason(code: str) -> tuple[str, str]:
    """The suppression list's reason for a number an opt-out *code* put there, in Chinese and English."""
    info = explain(code)
    return (f"状态报告 {code}：{info.explanation_zh}", f"Delivery report {code}: {info.explanation_en}")


def bucket_id(bucket: str) -> int:
    """A bucket's small stable integer (for an indexed column)."""
    return BUCKETS[bucket].id


# -- status groups of the reports view ----------------------------------------------------------------

ALL = "all"
GROUP_DELIVERED = "delivered"
GROUP_FAILED = "failed"
GROUP_AWAITING = "awaiting"


@dataclass(frozen=True, slots=True)
class StatusGroup:
    """A choice of the reports view's status filter. ``buckets``: the report buckets it matches
    (``None``: every row; empty: rows with no report yet, i.e. accepted numbers awaiting one)."""

    code: str
    name_zh: str
    name_en: str
    buckets: frozenset[str] | None


STATUS_GROUPS: tuple[StatusGroup, ...] = (
    StatusGroup(ALL, "全部", "All", None),
    StatusGroup(GROUP_DELIVERED, "已送达", "Delivered", frozenset({DELIVERED})),
    StatusGroup(GROUP_FAILED, "失败", "Failed", frozenset(FAILURE_BUCKETS)),
    StatusGroup(GROUP_AWAITING, "等待报告", "Awaiting report", frozenset()),
)
"""In the order of the filter's combo box (the first is 全部, one contains 失败)."""
GROUPS: dict[str, StatusGroup] = {g.code: g for g in STATUS_GROUPS}


def group_of(bucket: str | None) -> str:
    """The status group a report's bucket belongs to (``awaiting`` for no report)."""
    if not bucket:
        return GROUP_AWAITING
    return GROUP_DELIVERED if bucket == DELIVERED else GROUP_FAILED
