"""Words from the layers below the window, in the interface's language.

The engine, store, client and sheet layers have no Qt: they hand the window codes (a campaign's
state, why a number was refused) and texts in both languages (errors with ``message_zh`` and, most
of them, ``message_en``; sheet problems with ``reason`` and ``reason_en``; number reasons in
``core.numbers.REASONS_ZH/EN``; column names from ``sheets.Layout.label/label_en``). This module picks the words the window shows: Chinese, or English
when the English translator is installed — for codes through Qt Linguist like every other string
of the window (context ``Wording`` in ``resources/i18n/ljsms_en.ts``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..core import numbers, signature
from ..engine import notices as engine_notices
from ..engine import schedule
from ..engine.notices import Notice
from ..store import models


def _t(text: str) -> str:
    return QCoreApplication.translate("Wording", text)


# Marked for Qt Linguist with QT_TRANSLATE_NOOP (pyside6-lupdate collects literals only) and
# translated when shown, so the words follow the translator installed at that moment.
_ENGLISH_MARKER = QT_TRANSLATE_NOOP("Wording", "中文")
_CAMPAIGN_STATES = {
    models.READY: QT_TRANSLATE_NOOP("Wording", "待发送"),
    models.SENDING: QT_TRANSLATE_NOOP("Wording", "发送中"),
    models.PAUSED: QT_TRANSLATE_NOOP("Wording", "已暂停"),
    models.STOPPED: QT_TRANSLATE_NOOP("Wording", "已停止"),
    models.CANCELLED: QT_TRANSLATE_NOOP("Wording", "已取消"),
    models.DONE: QT_TRANSLATE_NOOP("Wording", "已完成"),
}
_SCHEDULE_STATES = {
    schedule.PENDING: QT_TRANSLATE_NOOP("Wording", "等待发送"),
    schedule.STARTED: QT_TRANSLATE_NOOP("Wording", "发送中"),
    schedule.DONE: QT_TRANSLATE_NOOP("Wording", "已发送"),
    schedule.FAILED: QT_TRANSLATE_NOOP("Wording", "发送失败"),
    schedule.CANCELLED: QT_TRANSLATE_NOOP("Wording", "已取消"),
}


# The campaign runner's events and stop reasons (``engine.notices``): the same Chinese as the
# record's (tests/test_usecases.py holds them to it), named fields filled after translating.
_N = engine_notices
_NOTICES = {
    _N.RECOVERED: QT_TRANSLATE_NOOP("Wording", "发现 {batches} 批在上次发送途中中断，已标记为“未知”（可能已发出，不会自动重发；收到其状态报告后自动改为已接收）"),
    _N.BUSY_WAIT: QT_TRANSLATE_NOOP("Wording", "网关繁忙，{seconds} 秒后重试"),
    _N.UNREACHABLE_WAIT: QT_TRANSLATE_NOOP("Wording", "无法连接网关（{message_zh}），{seconds} 秒后重试"),
    _N.OPTED_OUT: QT_TRANSLATE_NOOP("Wording", "第 {seq} 批中有 {numbers} 个号码在计划后退订或被屏蔽，已跳过"),
    _N.BATCH_REJECTED: QT_TRANSLATE_NOOP("Wording", "第 {seq} 批被网关拒绝：{message_zh}（代码 {code}），继续发送其余批次"),
    _N.BATCH_UNKNOWN: QT_TRANSLATE_NOOP("Wording", "第 {seq} 批没有得到网关的明确回答，可能已发出：标记为“未知”，不会自动重发"),
    _N.STOPPED_NOTICE: QT_TRANSLATE_NOOP("Wording", "发送已停止：{reason}"),
    _N.USER_PAUSED: QT_TRANSLATE_NOOP("Wording", "用户暂停"),
    _N.USER_CANCELLED: QT_TRANSLATE_NOOP("Wording", "用户取消"),
    _N.CANCELLED_ELSEWHERE: QT_TRANSLATE_NOOP("Wording", "已在其他窗口或命令行中取消（{text}）"),
    _N.REFUSED: QT_TRANSLATE_NOOP("Wording", "{message_zh}（代码 {code}）"),
    _N.BUSY_GAVE_UP: QT_TRANSLATE_NOOP("Wording", "网关繁忙；多次重试仍未成功，已停止，稍后可继续（resume）"),
    _N.UNREACHABLE_GAVE_UP: QT_TRANSLATE_NOOP("Wording", "无法连接网关（{message_zh}）；多次重试仍未成功，已停止，稍后可继续（resume）"),
    _N.UNREACHABLE_AT_START: QT_TRANSLATE_NOOP("Wording", "无法连接网关（{message_zh}）；没有发出任何短信，已停止，网络恢复后可继续（resume）"),
    _N.UNKNOWN_IN_A_ROW: QT_TRANSLATE_NOOP("Wording", "连续 {batches} 批请求没有得到网关的明确回答（可能已发出），已停止以免扩大影响；请检查网络后继续（resume），状态“未知”的批次不会重发"),
    _N.SAME_REJECTION: QT_TRANSLATE_NOOP("Wording", "连续 {batches} 批被网关以相同原因（代码 {code}）拒绝，已停止"),
    _N.CLOSED_UNSENT: QT_TRANSLATE_NOOP("Wording", "{reason}（未发出任何短信，已关闭）"),
}
_STATE_AND_REASON = QT_TRANSLATE_NOOP("Wording", "{0}：{1}")


def english() -> bool:
    """True when the window speaks English (the English translator knows the marker)."""
    return _t(_ENGLISH_MARKER) != _ENGLISH_MARKER


def _either(obj: object, zh: str, en: str) -> str:
    """*obj*'s Chinese text (attribute *zh*), or in the English window its English (*en*) when it has one."""
    text = getattr(obj, zh, "") or ""
    if english():
        return getattr(obj, en, "") or text
    return text


def message(error: object) -> str:
    """An error's (or problem's) text: ``message_en`` in the English window when it has one. A
    campaign the engine stopped (``jobs.campaign.RunStopped``) is worded from its reason's code."""
    stop = getattr(error, "stop", None)
    if isinstance(stop, Notice):
        return notice(stop)
    return _either(error, "message_zh", "message_en") or str(error)


def notice(n: Notice | None) -> str:
    """A campaign runner's event or stop reason (``engine.notices.Notice``) in the window's language."""
    if n is None:
        return ""
    template = _NOTICES.get(n.code)
    if template is None:
        return engine_notices.zh(n)
    en = english()
    params = {}
    for key, value in n.params.items():
        if isinstance(value, Notice):
            value = notice(value)
        elif isinstance(value, float):
            value = f"{value:g}"
        params[key] = value
    if en and n.params.get("message_en"):
        params["message_zh"] = n.params["message_en"]   # the gateway's message, in English
    try:
        return _t(template).format(**params)
    except (KeyError, IndexError, ValueError):
        return engine_notices.zh(n)


def campaign_state(state: str) -> str:
    return _t(_CAMPAIGN_STATES[state]) if state in _CAMPAIGN_STATES else state


def stop_reason(text: str, data: dict | None = None) -> str:
    """A campaign's stored stop reason: in the English window its notice (``stop_notice``, the reason as data:
    ``engine.notices.from_data``) in English; otherwise the stored words — the record's Chinese, or a reason
    someone typed, an error's text, a campaign stored before the reason was kept as data (never translated)."""
    if data is not None and english():
        n = engine_notices.from_data(data)
        if n is not None and n.code in _NOTICES:
            return notice(n)
    return text


def campaign_state_with_reason(state: str, reason: str, data: dict | None = None) -> str:
    """The state in words, with its stop reason (:func:`stop_reason`) when it has one."""
    words = campaign_state(state)
    why = stop_reason(reason, data) if reason or data is not None else ""
    return _t(_STATE_AND_REASON).format(words, why) if why else words


def schedule_state(state: str) -> str:
    return _t(_SCHEDULE_STATES[state]) if state in _SCHEDULE_STATES else state


def number_reason(reason: str, fallback: str = "") -> str:
    """Why a number was refused (a ``core.numbers`` reason code); *fallback* for other reasons."""
    table = numbers.REASONS_EN if english() else numbers.REASONS_ZH
    return table.get(reason) or fallback or reason


def reason(problem: object) -> str:
    """A refused row's reason (``reason`` / ``reason_en``, as the sheet import gives them)."""
    return _either(problem, "reason", "reason_en")


def column_label(layout, column: int) -> str:
    """A sheet column as the window names it: ``A列（手机号）`` / ``Column A (手机号)`` (``sheets.Layout``)."""
    return layout.label_en(column) if english() else layout.label(column)


def signature_problem(text: str) -> str | None:
    """Why *text* lacks a usable signature (``core.signature``), or None when it has one."""
    why = signature.signature_problem(text)
    if why and english():
        return signature.SIGNATURE_EN.get(why, why)
    return why


# -- files the program could not use, and a damaged data file -------------------------------------
# (``settings.Notice``, ``engine.schedule.FileNotice``, ``StoreError("damaged").params``)
_SETTING_NAMES = {
    "base_url": QT_TRANSLATE_NOOP("Wording", "网关地址"),
    "account": QT_TRANSLATE_NOOP("Wording", "账号"),
    "ext_code": QT_TRANSLATE_NOOP("Wording", "默认扩展号"),
    "poll_interval": QT_TRANSLATE_NOOP("Wording", "拉取间隔"),
    "balance_threshold": QT_TRANSLATE_NOOP("Wording", "余额提醒"),
    "test_numbers": QT_TRANSLATE_NOOP("Wording", "测试号码"),
    "quiet_start": QT_TRANSLATE_NOOP("Wording", "免打扰开始时间"),
    "quiet_end": QT_TRANSLATE_NOOP("Wording", "免打扰结束时间"),
    "unconfirmed_after_hours": QT_TRANSLATE_NOOP("Wording", "未确认批次提醒时间"),
}
_SETTINGS_NOTICES = {
    "unreadable": QT_TRANSLATE_NOOP("Wording", "设置文件 settings.json 无法读取，已全部使用默认设置。"),
    "not_object": QT_TRANSLATE_NOOP("Wording", "设置文件 settings.json 的格式不对，已全部使用默认设置。"),
    "wrong_type": QT_TRANSLATE_NOOP("Wording", "设置“{field}”的类型不对，已改用默认值。"),
    "bad_value": QT_TRANSLATE_NOOP("Wording", "设置“{field}”的取值无效，已改用默认值。"),
}
_SCHEDULE_NOTICES = {
    schedule.UNREADABLE: QT_TRANSLATE_NOOP("Wording", "定时发送列表 schedules.json 无法读取，其中的定时发送不会执行。"),
    schedule.ENTRIES: QT_TRANSLATE_NOOP("Wording", "定时发送列表中有 {count} 项无法读取，已跳过（不会执行）。"),
}
_KEPT = QT_TRANSLATE_NOOP("Wording", "原文件已另存为 {path}")
_DAMAGED = {
    "empty": QT_TRANSLATE_NOOP("Wording", "数据文件是空的（0 字节）：{path}"),
    "truncated": QT_TRANSLATE_NOOP("Wording", "数据文件不完整（被截断）：{path}"),
}
_DAMAGED_WHY = QT_TRANSLATE_NOOP("Wording", "为免丢失记录（包括屏蔽名单），程序没有新建空白的数据文件。")
_DAMAGED_BACKUP = QT_TRANSLATE_NOOP("Wording", "最近的备份：{path}")
_DAMAGED_NO_BACKUP = QT_TRANSLATE_NOOP("Wording", "没有找到备份。")
_DAMAGED_WAL = QT_TRANSLATE_NOOP("Wording", "数据文件旁的 WAL 文件（{path}-wal）可能还保存着记录，请勿删除。")


def _kept(backup: str) -> str:
    return _t(_KEPT).format(path=backup) if backup else ""


def settings_notice(notice) -> str:
    """What could not be used in settings.json (a ``settings.Notice``), and where the file was kept."""
    field = _t(_SETTING_NAMES[notice.field]) if notice.field in _SETTING_NAMES else notice.field
    text = _t(_SETTINGS_NOTICES.get(notice.code, _SETTINGS_NOTICES["bad_value"])).format(field=field)
    return " ".join(t for t in (text, _kept(notice.backup)) if t)


def schedule_notice(notice) -> str:
    """What could not be read in schedules.json (an ``engine.schedule.FileNotice``)."""
    text = _t(_SCHEDULE_NOTICES.get(notice.code, _SCHEDULE_NOTICES[schedule.UNREADABLE])).format(count=notice.count)
    return " ".join(t for t in (text, _kept(notice.backup)) if t)


def damaged_store(params: dict) -> str:
    """Why the data file was not opened (``StoreError("damaged").params``), what is there to restore."""
    path = params.get("path", "")
    lines = [_t(_DAMAGED.get(params.get("detail"), _DAMAGED["truncated"])).format(path=path), _t(_DAMAGED_WHY)]
    lines.append(_t(_DAMAGED_BACKUP).format(path=params["backup"]) if params.get("backup") else _t(_DAMAGED_NO_BACKUP))
    if params.get("wal"):
        lines.append(_t(_DAMAGED_WAL).format(path=path))
    return "\n".join(lines)


# -- delivery reports: buckets, status groups, carriers, a code's explanation (core.delivery_codes/carriers) --
def bucket_name(bucket: str) -> str:
    """A report bucket's name (``delivered`` 已送达, ``number`` 号码问题, …); ``""`` (no report yet) 等待报告."""
    from ..core import delivery_codes

    if not bucket:
        return _either(delivery_codes.GROUPS[delivery_codes.GROUP_AWAITING], "name_zh", "name_en")
    b = delivery_codes.BUCKETS.get(bucket)
    return _either(b, "name_zh", "name_en") if b is not None else bucket


def status_group_name(group: str) -> str:
    from ..core import delivery_codes

    g = delivery_codes.GROUPS.get(group)
    return _either(g, "name_zh", "name_en") if g is not None else group


def carrier_name(code: str) -> str:
    """A carrier code's name (中国移动 …): the original carrier by prefix (携号转网 may have moved the number)."""
    from ..core import carriers

    return carriers.name_en(code) if english() else carriers.name_zh(code)


def carrier_note() -> str:
    """That a prefix tells the original carrier only (携号转网)."""
    from ..core import carriers

    return carriers.NOTE_EN if english() else carriers.NOTE_ZH


def code_explanation(code: str) -> tuple[str, str]:
    """(what a report's status *code* means, the retry advice) in the window's language."""
    from ..core import delivery_codes

    info = delivery_codes.explain(code)
    advice = delivery_codes.RETRY_ADVICE.get(info.retry, ("", ""))
    if english():
        return info.explanation_en or info.explanation_zh, advice[1] or advice[0]
    return info.explanation_zh, advice[0]
