"""What the simulated gateway answers to one request body: authentication and endpoint rules.

No HTTP here (see ``server.py``); the checks run in the order of the vendor's code table.
"""

from __future__ import annotations

import hmac
import json
import re
import time

from ..api.auth import make_key
from ..api.codes import CODES
from .config import (
    EXTRA_DESCS, MAX_CODE_DIGITS, MAX_EXT_LEN, MAX_MOBILES, MAX_TEMPLATE_ROWS, SimConfig,
)
from .parts import PLACEHOLDER, message_parts, render, signature_ok
from .state import GatewayState

DESCS = {code: texts[0] for code, texts in CODES.items()} | EXTRA_DESCS
_DIGITS = re.compile(r"[0-9]*")


class Refused(Exception):
    """A vendor error code to answer with."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


def answer(cfg: SimConfig, code: int, **fields) -> dict:
    """``{..fields, "code", "desc"}``; the code as an int, or as a string when ``string_codes``."""
    return {**fields, "code": str(code) if cfg.string_codes else code, "desc": DESCS.get(code, "error")}


def parse_body(raw: bytes) -> dict:
    """The request's JSON object, or Refused(40000 empty / 40001 unparsable or not an object)."""
    if not raw.strip():
        raise Refused(40000)
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise Refused(40001) from None
    if not isinstance(body, dict):
        raise Refused(40001)
    if not body:
        raise Refused(40000)   # "{}" is an empty JSON as far as the gateway is concerned
    return body


def _timestamp(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    return None


def check_auth(cfg: SimConfig, body: dict, client_ip: str, now: float) -> None:
    if body.get("account") != cfg.account or not isinstance(body.get("account"), str):
        raise Refused(40002)
    if cfg.allowed_ips is not None and client_ip not in cfg.allowed_ips:
        raise Refused(40003)
    if cfg.disabled:
        raise Refused(40004)
    if not cfg.developer_mode:
        raise Refused(40005)
    key = body.get("key")
    if key is None or key == "":
        raise Refused(40006)
    ts = _timestamp(body.get("timestamp"))
    if ts is None or abs(now - ts) > cfg.timestamp_window:
        raise Refused(40007)
    if not isinstance(key, str) or not hmac.compare_digest(key.lower(), make_key(cfg.password, ts)):
        raise Refused(40008)


def _text(body: dict, name: str, *, bad: int = 40001) -> str:
    value = body.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Refused(bad)
    return value


def _extension(body: dict) -> tuple[str, str]:
    """(code, ext): the extension number cut to 8 digits (40014 if not digits); ext ≤ 40 chars.

    An over-long ``ext`` answers 40001 (json error): the vendor table has no code for it and
    40014 is about the extension number, not the free text.
    """
    code = body.get("code")
    if code is None:
        code = ""
    elif isinstance(code, int) and not isinstance(code, bool) and code >= 0:
        code = str(code)
    elif not isinstance(code, str) or not _DIGITS.fullmatch(code):
        raise Refused(40014)
    ext = _text(body, "ext")
    if len(ext) > MAX_EXT_LEN:
        raise Refused(40001)
    return code[:MAX_CODE_DIGITS], ext


def _check_text(cfg: SimConfig, text: str) -> None:
    if not text.strip():
        raise Refused(40009)
    if not signature_ok(text, cfg.signatures):
        raise Refused(40010)
    if len(text) > cfg.max_content_len:
        raise Refused(40011)


def _sms(cfg: SimConfig, body: dict) -> dict:
    content = _text(body, "content")
    _check_text(cfg, content)
    mobiles = [m for m in (part.strip() for part in _text(body, "mobile").split(",")) if m]
    if not mobiles:
        raise Refused(40012)
    if len(mobiles) > MAX_MOBILES:
        raise Refused(40013)
    code, ext = _extension(body)
    return {"mobiles": mobiles, "contents": (content,) * len(mobiles), "content": content,
            "parts": message_parts(content) * len(mobiles), "code": code, "ext": ext}


def _value(v) -> str:
    if isinstance(v, str):
        return v
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return str(v)
    raise Refused(40001)


def _sms_tp(cfg: SimConfig, body: dict) -> dict:
    template = _text(body, "template", bad=40015)
    if not template.strip():
        raise Refused(40015)
    template_id = body.get("templateId")
    template_id = "" if template_id is None else str(template_id)
    if cfg.templates.get(template_id) != template:
        raise Refused(40016)
    rows = body.get("list")
    if rows is None or rows == []:
        raise Refused(40017)
    if not isinstance(rows, list):
        raise Refused(40001)
    if len(rows) > MAX_TEMPLATE_ROWS:
        raise Refused(40018)
    code, ext = _extension(body)
    pieces = template.split(PLACEHOLDER)
    mobiles: list[str] = []
    contents: list[str] = []
    values_all: list[tuple[str, ...]] = []
    parts = 0
    for row in rows:
        if not isinstance(row, dict):
            raise Refused(40001)
        mobile = _text(row, "mobile").strip()
        if not mobile:
            raise Refused(40012)
        values = row.get("content")
        if values is None:
            values = []
        if not isinstance(values, list):
            raise Refused(40001)
        values = tuple(_value(v) for v in values)
        if len(values) != len(pieces) - 1:
            raise Refused(40016)
        text = render(pieces, values)
        _check_text(cfg, text)
        mobiles.append(mobile)
        contents.append(text)
        values_all.append(values)
        parts += message_parts(text)
    return {"mobiles": mobiles, "contents": tuple(contents), "template_id": template_id,
            "values": tuple(values_all), "parts": parts, "code": code, "ext": ext}


def handle(state: GatewayState, endpoint: str, raw: bytes, client_ip: str, *,
           force_drop: bool = False) -> tuple[dict, bool]:
    """Answer one request to *endpoint*. Returns (answer, dropped).

    *dropped* is True for a send that must get no answer at all: accepted (charged, queued,
    recorded with ``dropped=True``) and then cut off, by ``drop_rate`` or an injected drop.
    An injected drop also silences a refused send.
    """
    cfg = state.config
    try:
        body = parse_body(raw)
        check_auth(cfg, body, client_ip, time.time())
        if endpoint == "accountNum":
            return answer(cfg, 20000, smsNum=state.balance), False
        if endpoint in ("report", "reply"):
            items = state.pull_reports() if endpoint == "report" else state.pull_replies()
            if not items:
                return answer(cfg, 40999), False
            return answer(cfg, 20000, list=items), False
        request = _sms(cfg, body) if endpoint == "sms" else _sms_tp(cfg, body)
    except Refused as refusal:
        return answer(cfg, refusal.code), force_drop
    dropped = force_drop or state.roll(cfg.drop_rate)
    code, msg_id = state.accept(endpoint=endpoint, dropped=dropped, **request)
    if code != 20000:
        return answer(cfg, code), force_drop
    return {"msgId": msg_id, **answer(cfg, 20000)}, dropped
