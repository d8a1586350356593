"""The 【签名】 every message must carry (contract §1; the gateway answers 40010 without it).

A signature is 【name】 at the very start or the very end of the text (surrounding whitespace is
ignored), with a non-blank name of at most SIGNATURE_MAX characters and no brackets inside.
The vendor text gives no length limit; 20 is the common platform ceiling (most are 2-12 characters).
Whether the name is the one approved for the account only the gateway knows.
"""

from __future__ import annotations

import re

SIGNATURE_MAX = 20

MISSING_SIGNATURE_ZH = "短信内容缺少签名：请在开头或结尾加上已报备的签名，如【联江科技】（否则网关会拒收，错误 40010）"
EMPTY_SIGNATURE_ZH = "签名【】里没有文字：请填写已报备的签名名称，如【联江科技】"
LONG_SIGNATURE_ZH = f"签名过长：【】内最多 {SIGNATURE_MAX} 个字"
WRONG_BRACKETS_ZH = "签名须使用中文方头括号【】，例如【联江科技】；[ ]、〖〗、［］等括号不被网关识别"
# The same in English, for the window's English interface.
SIGNATURE_EN = {
    MISSING_SIGNATURE_ZH: "The message has no signature: put your registered signature, e.g. 【联江科技】, at its start "
                          "or end (otherwise the gateway refuses it, error 40010)",
    EMPTY_SIGNATURE_ZH: "The signature 【】 is empty: fill in your registered signature name, e.g. 【联江科技】",
    LONG_SIGNATURE_ZH: f"The signature is too long: at most {SIGNATURE_MAX} characters inside 【】",
    WRONG_BRACKETS_ZH: "The signature must use the Chinese brackets 【】, e.g. 【联江科技】; the gateway does not "
                       "recognise [ ], 〖〗 or ［］",
}

_NAME = r"[^【】\r\n]"
_AT_START = re.compile(r"【(" + _NAME + r"+)】")
_AT_END = re.compile(r"【(" + _NAME + r"+)】$")
# Lookalikes people type instead of 【】: [] ［］ 〖〗 〔〕 ［ ］.
_LOOKALIKE = re.compile(r"^[\[［〖〔].{1,20}?[\]］〗〕]|[\[［〖〔][^\[\]［］〖〗〔〕]{1,20}[\]］〗〕]$")


def _name_ok(name: str) -> bool:
    return bool(name.strip()) and len(name) <= SIGNATURE_MAX


def find_signature(text: str) -> str | None:
    """The signature name (without brackets) of *text*, looked for at the start, then at the end.

    ``find_signature("【联江科技】您的验证码是 1234")`` → ``"联江科技"``; None when there is none.
    """
    if not text:
        return None
    text = text.strip()
    m = _AT_START.match(text)
    if m and _name_ok(m.group(1)):
        return m.group(1).strip()
    m = _AT_END.search(text)
    if m and _name_ok(m.group(1)):
        return m.group(1).strip()
    return None


def has_signature(text: str) -> bool:
    """True when *text* starts or ends with a usable 【签名】."""
    return find_signature(text) is not None


def signature_problem(text: str) -> str | None:
    """Why *text* lacks a usable signature, in Chinese, or None when it has one."""
    if find_signature(text) is not None:
        return None
    t = (text or "").strip()
    start = re.match(r"【([^【】]*)】", t)
    end = re.search(r"【([^【】]*)】$", t)
    for m in (start, end):
        if m is None:
            continue
        if not m.group(1).strip():
            return EMPTY_SIGNATURE_ZH
        if len(m.group(1)) > SIGNATURE_MAX:
            return LONG_SIGNATURE_ZH
    if _LOOKALIKE.search(t):
        return WRONG_BRACKETS_ZH
    return MISSING_SIGNATURE_ZH
