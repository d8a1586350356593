"""The simulator's settings (:class:`SimConfig`) and the fixed vocabulary it answers with."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

PREFIX = "/api/v1"
ENDPOINTS = ("sms", "smsTp", "accountNum", "report", "reply")
SEND_ENDPOINTS = frozenset({"sms", "smsTp"})

MAX_MOBILES = 2000          # contract §1
MAX_TEMPLATE_ROWS = 1000    # contract §2
MAX_EXT_LEN = 40            # contract §2
MAX_CODE_DIGITS = 8         # contract §1: longer extension numbers are cut, not refused

BALANCE_NOT_ENOUGH = 40019  # not in the vendor table: see the package docstring
EXTRA_DESCS = {BALANCE_NOT_ENOUGH: "balance not enough"}

# Carrier failure statuses handed out for undelivered numbers (kept as they come, contract §4).
FAILURE_STATUSES = ("UNDELIV", "MK:0001", "EXPIRED", "REJECTD", "MN:0012")
OPTOUT_REPLIES = ("退订", "TD", "T", "td", " 退订 ", "取消")
OTHER_REPLIES = ("好的", "收到", "多少钱", "请问地址在哪", "谢谢", "已收到，谢谢")

# Defaults of the command line (a person watching); the Python API defaults to no delays (tests).
CLI_REPORT_DELAY = 2.0
CLI_REPLY_DELAY = 3.0

_RATES = ("deliver_rate", "reply_rate", "optout_rate", "busy_rate", "drop_rate")


def _bare_signature(sig: str) -> str:
    return sig.strip().removeprefix("【").removesuffix("】").strip()


@dataclass(frozen=True)
class SimConfig:
    """Everything the simulated gateway is told at construction (and, via ``configure``, later).

    ``signatures``: ``None`` accepts any non-empty 【…】 at the start or the end of the text;
    otherwise the approved names (with or without the brackets). ``templates``: id -> registered
    text with ``{}`` placeholders. ``allowed_ips``: ``None`` = any caller. Rates are 0..1,
    delays are seconds.
    """

    account: str = "demo"
    password: str = field(default="demo", repr=False)
    balance: int = 100_000
    templates: Mapping[str, str] = field(default_factory=dict)
    signatures: Iterable[str] | None = None
    report_delay: float = 0.0
    reply_delay: float = 0.0
    deliver_rate: float = 0.9
    reply_rate: float = 0.02
    optout_rate: float = 0.3
    busy_rate: float = 0.0
    drop_rate: float = 0.0
    delay: float = 0.0
    pull_size: int = 500
    seed: int | None = None
    timestamp_window: float = 300.0
    max_content_len: int = 500
    allowed_ips: Iterable[str] | None = None
    disabled: bool = False
    developer_mode: bool = True
    string_codes: bool = False

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "templates", {str(k): str(v) for k, v in dict(self.templates or {}).items()})
        if self.signatures is not None:
            put(self, "signatures", frozenset(_bare_signature(s) for s in self.signatures))
        if self.allowed_ips is not None:
            put(self, "allowed_ips", frozenset(self.allowed_ips))
        for name in _RATES:
            value = float(getattr(self, name))
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1, got {value}")
            put(self, name, value)
        for name in ("report_delay", "reply_delay", "delay", "timestamp_window"):
            value = float(getattr(self, name))
            if value < 0:
                raise ValueError(f"{name} must not be negative, got {value}")
            put(self, name, value)
        if int(self.pull_size) < 1:
            raise ValueError("pull_size must be at least 1")
        if int(self.max_content_len) < 1:
            raise ValueError("max_content_len must be at least 1")
        put(self, "pull_size", int(self.pull_size))
        put(self, "max_content_len", int(self.max_content_len))
        put(self, "balance", int(self.balance))
