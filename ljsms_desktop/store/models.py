"""Plain, frozen records the store hands out (safe to pass between threads)."""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import asdict, dataclass, field

# Campaign states.
READY = "ready"            # planned, nothing sent yet
SENDING = "sending"        # a runner is (or was, before a crash) sending it
PAUSED = "paused"          # stopped by the user; resume continues
STOPPED = "stopped"        # stopped by an error that applies to every batch; resume after fixing it
CANCELLED = "cancelled"    # stopped by the user for good; the remaining batches are never sent
DONE = "done"              # every batch went out (accepted, rejected or unknown)
CAMPAIGN_STATES = (READY, SENDING, PAUSED, STOPPED, CANCELLED, DONE)
RESUMABLE = frozenset({READY, SENDING, PAUSED, STOPPED})

STATE_ZH = {READY: "待发送", SENDING: "发送中", PAUSED: "已暂停", STOPPED: "已停止",
            CANCELLED: "已取消", DONE: "已完成"}

# Batch states.
B_PLANNED = "planned"
B_SENDING = "sending"
B_ACCEPTED = "accepted"
B_REJECTED = "rejected"
B_UNKNOWN = "unknown"
BATCH_STATES = (B_PLANNED, B_SENDING, B_ACCEPTED, B_REJECTED, B_UNKNOWN)

DELIVERED = "DELIVRD"


def notice_data(text: str | None) -> dict | None:
    """A stored ``stop_notice`` (JSON text) as a plain dict; None when there is none or it is not an object."""
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def now_text() -> str:
    """Local wall-clock time as ``yyyy-MM-dd HH:mm:ss`` (the gateway's own format)."""
    return _dt.datetime.now().isoformat(sep=" ", timespec="seconds")


@dataclass(frozen=True, slots=True)
class Campaign:
    id: int
    kind: str
    name: str
    content: str
    template_id: str
    code: str
    state: str
    stop_reason: str
    recipients: int
    invalid: int
    duplicates: int
    suppressed: int
    parts: int
    batch_size: int
    created_at: str
    updated_at: str
    started_at: str | None
    finished_at: str | None
    created_by: str = ""   # the OS user who created it (a team's "mine")
    created_on: str = ""   # and the machine
    # Why it stopped as data (``{"code", "params"}``, engine.notices.from_data makes it a Notice again); None for
    # campaigns stopped before schema 4 and for reasons stored as words only (``stop_reason`` is always there).
    stop_notice: dict | None = field(default=None, hash=False)


@dataclass(frozen=True, slots=True)
class Batch:
    id: int
    campaign_id: int
    seq: int
    ext: str
    state: str
    size: int
    parts: int
    msg_id: str | None
    error_code: int | None
    error: str
    resolved_by: str | None
    attempts: int
    sent_at: str | None
    answered_at: str | None


@dataclass(frozen=True, slots=True)
class CampaignStats:
    """Figures of one campaign. Every count is of NUMBERS, not batches.

    ``recipients`` are the numbers the campaign sends to (after invalid ones, duplicates and
    suppressed ones were taken out). ``planned`` are numbers not sent yet, ``sending`` numbers in a
    request under way. ``delivered``/``failed`` count numbers with a report; ``pending_report`` are
    accepted numbers without one. ``delivery_rate`` is delivered / accepted (0.0 before anything
    was accepted).
    """

    campaign: int
    name: str
    kind: str
    state: str
    stop_reason: str
    code: str
    created_at: str
    recipients: int
    invalid: int
    duplicates: int
    suppressed: int
    parts: int
    batches: int
    planned: int
    sending: int
    accepted: int
    rejected: int
    unknown: int
    delivered: int
    failed: int
    failed_by_code: dict[str, int] = field(default_factory=dict)
    pending_report: int = 0
    replies: int = 0
    opt_outs: int = 0
    delivery_rate: float = 0.0
    batch_states: dict[str, int] = field(default_factory=dict)
    created_by: str = ""   # OS user and machine that created the campaign (who did what, on a team)
    created_on: str = ""
    stop_notice: dict | None = None   # stop_reason as data (see Campaign.stop_notice)

    @property
    def state_zh(self) -> str:
        return STATE_ZH.get(self.state, self.state)

    def to_dict(self) -> dict:
        """The JSON object ``status --json`` prints."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class SaveResult:
    """What one stored pull added. ``new`` counts rows that were not in the store before."""

    received: int
    new: int
    resolved_batches: int = 0
    opt_outs: int = 0


@dataclass(frozen=True, slots=True)
class SuppressedNumber:
    mobile: str
    reason: str
    source: str  # 'reply' or 'manual'
    added_at: str


@dataclass(frozen=True, slots=True)
class SavedTemplate:
    template_id: str
    text: str
    name: str
    saved_at: str
