"""The gateway's request signature: ``key = MD5(password + MD5(timestamp))`` (contract, common part)."""

from __future__ import annotations

import hashlib
import time


def _md5_hex(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def make_key(password: str, timestamp: int) -> str:
    """Lower-case hex key for *password* at *timestamp* (whole Unix seconds)."""
    return _md5_hex(password + _md5_hex(str(int(timestamp))))


def auth_fields(account: str, password: str, *, now: float | None = None) -> dict:
    """The three authentication fields every request body carries."""
    ts = int(time.time() if now is None else now)
    return {"account": account, "timestamp": ts, "key": make_key(password, ts)}
