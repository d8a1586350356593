"""Opt-outs: recognising a 退订 reply, and checking that marketing text tells people how to opt out.

A reply is an opt-out when, after normalisation, it *is* an opt-out keyword — not when it merely
contains one. Normalisation: NFKC (full-width ``ＴＤ`` → ``TD``), case folding, and removing
whitespace, punctuation and symbols (``。！!【】"…``, emoji), so " td "、"TD!"、"【退订】"、"T D" all
read as keywords. Replies longer than 40 characters are sentences, never opt-outs. Then the reply
is an opt-out when it is

* one keyword of OPT_OUT_KEYWORDS (TD, T, N, R, STOP, unsubscribe, 退订, 取消, 取消订阅, 退订短信, 拒收…),
* several keywords only, separated or not by spaces/punctuation ("TD 退订", "退订，退订", "t退订"),
* a keyword with a short polite frame: 请/我要/我想/麻烦/帮我 before, 吧/谢谢 after ("请退订", "退订吧"),
* or the instruction itself copied back ("回T退订", "回复TD退订", "退订回T").

Everything else is not an opt-out: "我要取消订单吗", "不要退订", "t恤多少钱", "stop by tomorrow",
"取消了" (often "I cancelled it"), "ttt". A bare 退 is not a keyword either (退了 = "returned it").
R is included because has_opt_out_line accepts "拒收请回复R", so a recipient may answer R.
The keyword list is deliberately short: a missed opt-out keeps texting someone who said stop, a
false one drops a recipient, and both are worse than a reply left for a person to read.
"""

from __future__ import annotations

import re
import unicodedata

OPT_OUT_HINT = "回T退订"
_ENDS_A_CLAUSE = set("。！？!?…~～，,、；;：:")   # no separator needed after these

OPT_OUT_KEYWORDS: frozenset[str] = frozenset(
    {
        "td", "t", "n", "r", "0000",
        "stop", "unsubscribe", "unsub",
        "退订", "退定", "退订短信", "取消", "取消订阅", "取消短信", "拒收", "拒收短信",
    }
)

_LATIN_KEYWORDS = frozenset(k for k in OPT_OUT_KEYWORDS if k.isascii())
_CJK_KEYWORDS = OPT_OUT_KEYWORDS - _LATIN_KEYWORDS
_FRAME = re.compile(r"^(?:请|我要|我想|麻烦|帮我)?(?P<core>.+?)(?:吧|谢谢|谢谢你|谢谢您)?$")
_INSTRUCTION = re.compile(
    r"^(?:回复?|回覆)[a-z0-9]{1,4}(?:退订|退定|拒收)$|^(?:退订|退定|拒收)请?(?:回复?|回覆)[a-z0-9]{1,4}$"
)
_CJK_RUN = re.compile("^(?:" + "|".join(sorted(_CJK_KEYWORDS, key=len, reverse=True)) + ")+$")
_RUNS = re.compile(r"[a-z0-9]+|[^a-z0-9]+")


def _is_junk(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch)[0] in "PSZC"


def normalize_reply(text: str) -> str:
    """*text* NFKC-normalised and case-folded, with whitespace, punctuation and symbols removed.

    Inner separators go too, so "T D" / "退 订" compare like "td" / "退订"; letters, digits and CJK stay.
    """
    t = unicodedata.normalize("NFKC", text or "").casefold()
    return "".join(ch for ch in t if not _is_junk(ch))


def is_opt_out(text: str) -> bool:
    """True when the reply *text* asks to stop receiving messages (rules in the module docstring)."""
    if not text or len(text) > 40:  # a sentence, not a keyword
        return False
    core = normalize_reply(text)
    if not core:
        return False
    if core in OPT_OUT_KEYWORDS or _INSTRUCTION.match(core):
        return True
    m = _FRAME.match(core)
    inner = m.group("core") if m else core
    # Each Latin/digit run must be one keyword ("ttt", "stopby", "tshirt" are words, not opt-outs);
    # each other run must be made of Chinese keywords only ("退订退订", not "取消订单").
    for run in _RUNS.findall(inner):
        if run[0].isascii():
            if run not in _LATIN_KEYWORDS:
                return False
        elif not _CJK_RUN.match(run):
            return False
    return True


_LINE_PATTERNS = [
    # 回T退订 / 回复TD退订 / 回N退 / 回复"T"拒收 / 短信回复0000退订
    re.compile(r"回(?:复|覆)?\s*[\"'“‘「]?\s*[a-z0-9]{1,6}\s*[\"'”’」]?\s*(?:退订|退定|拒收|退(?!\w))"),
    # 退订回T / 退订请回复TD / 拒收请回复R
    re.compile(r"(?:退订|退定|拒收)\s*[,，:：]?\s*(?:请)?\s*回(?:复|覆)?\s*[\"'“‘「]?\s*[a-z0-9]{1,6}(?![a-z0-9])"),
    # Reply STOP to unsubscribe / opt out
    re.compile(r"reply\s+[\"']?[a-z0-9]{1,11}[\"']?\s+to\s+(?:unsubscribe|opt[\s-]?out|stop)"),
]


def has_opt_out_line(text: str) -> bool:
    """True when *text* tells recipients how to opt out (回T退订, 退订回T, 拒收请回复R, Reply STOP to…).

    Marketing messages should carry one; the compose view warns when it is missing.
    """
    if not text:
        return False
    t = unicodedata.normalize("NFKC", text).casefold()
    return any(p.search(t) for p in _LINE_PATTERNS)


def add_opt_out_line(text: str, hint: str = OPT_OUT_HINT) -> str:
    """*text* with *hint* added at its end — before a trailing 【签名】, which stays last — as a
    clause of its own: "…先到先得" → "…先到先得，回T退订"; after 。！？，; or … nothing is added
    ("…先到先得。回T退订"); after Latin letters or digits (a link, an English word) a space.
    """
    body = (text or "").rstrip()
    tail = ""
    if body.endswith("】") and "【" in body and not body.startswith("【"):
        i = body.rindex("【")
        body, tail = body[:i].rstrip(), body[i:]
    if not body:
        return hint + tail
    last = body[-1]
    if last in _ENDS_A_CLAUSE:
        sep = ""
    elif last.isascii() and (last.isalnum() or last in "/%#&=_-"):
        sep = " "
    else:
        sep = "，"
    return body + sep + hint + tail
