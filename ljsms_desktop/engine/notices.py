"""What the campaign runner has to say, as a code and parameters (no sentences handed up).

A :class:`Notice` is an event of a run (a busy wait, a batch left unknown or rejected, a stop) or
the reason a run ended (``RunResult.stop``). The front ends put it into words: ``ui/wording.py``
in the window's language, the command line in Chinese through :func:`zh`. The Chinese templates
here are also the words of the record: a stopped campaign's ``stop_reason`` in the store and the
log are written with them. Parameters are plain values (ints, str); a gateway's message comes in
both languages (``message_zh`` / ``message_en``); ``STOPPED`` carries the stop reason (a Notice).
The store keeps a stopped campaign's reason also as data (``stop_notice``: :func:`to_data`, read back
with :func:`from_data`), so the window can word an old campaign's reason in its own language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# -- events during a run -------------------------------------------------------------------------
RECOVERED = "recovered"              # batches: found mid-request from an earlier run, now unknown
BUSY_WAIT = "busy_wait"              # seconds: the gateway is busy; waiting before a retry
UNREACHABLE_WAIT = "unreachable_wait"  # seconds, message_zh/en: no connection; waiting
OPTED_OUT = "opted_out"              # seq, numbers: numbers that opted out since planning, skipped
BATCH_REJECTED = "batch_rejected"    # seq, code, message_zh/en: one batch refused; the rest go on
BATCH_UNKNOWN = "batch_unknown"      # seq: no clear answer; may have gone out; never resent
STOPPED_NOTICE = "stopped"           # reason (a Notice): the run stopped

# -- why a run ended ------------------------------------------------------------------------------
USER_PAUSED = "user_paused"
USER_CANCELLED = "user_cancelled"
CANCELLED_ELSEWHERE = "cancelled_elsewhere"  # text: the reason stored by whoever cancelled it
REFUSED = "refused"                  # code, message_zh/en: a refusal that applies to every batch
BUSY_GAVE_UP = "busy_gave_up"        # the gateway stayed busy through every wait
UNREACHABLE_GAVE_UP = "unreachable_gave_up"  # message_zh/en: no connection through every wait
UNREACHABLE_AT_START = "unreachable_at_start"  # message_zh/en: no connection at the run's first requests
UNKNOWN_IN_A_ROW = "unknown_in_a_row"  # batches: that many answers in a row were lost
SAME_REJECTION = "same_rejection"    # batches, code: that many rejections in a row, same code
CLOSED_UNSENT = "closed_unsent"      # reason (a Notice): a fresh send stopped before anything went out, closed

ZH: dict[str, str] = {
    RECOVERED: "发现 {batches} 批在上次发送途中中断，已标记为“未知”（可能已发出，不会自动重发；收到其状态报告后自动改为已接收）",
    BUSY_WAIT: "网关繁忙，{seconds} 秒后重试",
    UNREACHABLE_WAIT: "无法连接网关（{message_zh}），{seconds} 秒后重试",
    OPTED_OUT: "第 {seq} 批中有 {numbers} 个号码在计划后退订或被屏蔽，已跳过",
    BATCH_REJECTED: "第 {seq} 批被网关拒绝：{message_zh}（代码 {code}），继续发送其余批次",
    BATCH_UNKNOWN: "第 {seq} 批没有得到网关的明确回答，可能已发出：标记为“未知”，不会自动重发",
    STOPPED_NOTICE: "发送已停止：{reason}",
    USER_PAUSED: "用户暂停",
    USER_CANCELLED: "用户取消",
    CANCELLED_ELSEWHERE: "{text}",
    REFUSED: "{message_zh}（代码 {code}）",
    BUSY_GAVE_UP: "网关繁忙；多次重试仍未成功，已停止，稍后可继续（resume）",
    UNREACHABLE_GAVE_UP: "无法连接网关（{message_zh}）；多次重试仍未成功，已停止，稍后可继续（resume）",
    UNREACHABLE_AT_START: "无法连接网关（{message_zh}）；没有发出任何短信，已停止，网络恢复后可继续（resume）",
    UNKNOWN_IN_A_ROW: "连续 {batches} 批请求没有得到网关的明确回答（可能已发出），已停止以免扩大影响；"
                      "请检查网络后继续（resume），状态“未知”的批次不会重发",
    SAME_REJECTION: "连续 {batches} 批被网关以相同原因（代码 {code}）拒绝，已停止",
    CLOSED_UNSENT: "{reason}（未发出任何短信，已关闭）",
}


@dataclass(frozen=True, slots=True)
class Notice:
    """A code from this module and its parameters (plain data, safe to pass between threads)."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Any:
        return self.params[key]


def notice(kind: str, /, **params: Any) -> Notice:
    """``notice(REFUSED, code=40008, message_zh=…)``: *kind* is the Notice's code."""
    return Notice(kind, params)


def zh(n: Notice) -> str:
    """*n* in Chinese: the words of the record (stored stop reasons, the log) and of the command line."""
    template = ZH.get(n.code)
    if template is None:
        return n.code
    params = {k: zh(v) if isinstance(v, Notice) else _plain(v) for k, v in n.params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def _plain(v: Any) -> Any:
    return f"{v:g}" if isinstance(v, float) else v


def to_data(n: Notice) -> dict[str, Any]:
    """*n* as JSON-ready data, ``{"code": …, "params": {…}}``, what the store keeps beside a stop reason's words.

    A Notice parameter (``STOPPED``'s reason) is nested the same way; a tuple becomes a list, and a value
    JSON cannot hold becomes its text (a record must never fail to be written for a parameter's type).
    """
    return {"code": n.code, "params": {str(k): _data(v) for k, v in n.params.items()}}


def from_data(data: Any) -> Notice | None:
    """The Notice in *data* (:func:`to_data`'s, as the store hands it back), or None when *data* is not one
    (None for a campaign stored before, or whose reason was written as words only)."""
    if not isinstance(data, dict) or not isinstance(data.get("code"), str):
        return None
    params = data.get("params", {})
    if not isinstance(params, dict):
        return None
    return Notice(data["code"], {k: _value(v) for k, v in params.items()})


def _data(v: Any) -> Any:
    if isinstance(v, Notice):
        return to_data(v)
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    if isinstance(v, (list, tuple)):
        return [_data(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _data(x) for k, x in v.items()}
    return str(v)


def _value(v: Any) -> Any:
    """A parameter read back: a nested ``{"code", "params"}`` object is a Notice again."""
    if isinstance(v, dict) and set(v) == {"code", "params"}:
        n = from_data(v)
        if n is not None:
            return n
    return v
