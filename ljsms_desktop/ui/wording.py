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
from ..engine import schedule
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
    """An error's (or problem's) text: ``message_en`` in the English window when it has one."""
    return _either(error, "message_zh", "message_en") or str(error)


def campaign_state(state: str) -> str:
    return _t(_CAMPAIGN_STATES[state]) if state in _CAMPAIGN_STATES else state


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
