"""The simulated account: balance, accepted requests, queued reports and replies, faults.

Every method takes the one lock; callers never see internal lists (copies are handed out).
Reports are queued cheaply: one :class:`_Batch` per accepted request (its numbers list and due
time); per-number statuses and replies are drawn only when the batch is first pulled, from a
random generator seeded at acceptance, so the outcome depends on the seed and the order of
requests only, never on when or how often the client polls.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field, replace

from .config import (
    BALANCE_NOT_ENOUGH, FAILURE_STATUSES, OPTOUT_REPLIES, OTHER_REPLIES, SimConfig,
)


def format_time(ts: float) -> str:
    """``yyyy-MM-dd HH:mm:ss`` in local time, as the gateway writes times."""
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(ts))


@dataclass(frozen=True, slots=True)
class Accepted:
    """One accepted send, as a test inspects it.

    ``contents`` holds the text each number was charged for (same order as ``mobiles``);
    ``content`` is the plain send's text (``None`` for a template send); ``values`` the template
    values per number (``None`` for a plain send). ``parts`` is the total charged.
    """

    msg_id: str
    endpoint: str
    mobiles: tuple[str, ...]
    contents: tuple[str, ...]
    code: str
    ext: str
    parts: int
    dropped: bool
    accepted_at: float
    content: str | None = None
    template_id: str | None = None
    values: tuple[tuple[str, ...], ...] | None = None


@dataclass(frozen=True, slots=True)
class Injection:
    """A one-shot answer for the next request(s) to an endpoint (see ``Simulator.inject``)."""

    endpoint: str | None
    code: int | None = None
    status: int = 200
    body: bytes | None = None
    content_type: str = "application/json"
    drop: bool = False


@dataclass(eq=False, slots=True)
class _Batch:
    seed: int
    msg_id: str
    mobiles: list[str]
    ext: str
    expand: str
    report_due: float
    reply_due: float
    config: SimConfig
    cursor: int = 0
    statuses: list[str] | None = None
    replies: list[tuple[int, str]] = field(default_factory=list)


class GatewayState:
    """Thread-safe state of one simulated account."""

    def __init__(self, config: SimConfig, clock=time.time):
        self._lock = threading.Lock()
        self._clock = clock
        self.config = config
        seed = config.seed
        self._rng = random.Random(seed)                       # msgIds and batch seeds
        self._fault_rng = random.Random(None if seed is None else f"{seed}/faults")
        self._id_prefix = self._rng.randrange(10_000_000, 100_000_000)
        self._seq = 0
        self._balance = config.balance
        self._accepted: list[Accepted] = []
        self._sent = Counter()
        self._requests: dict[str, Counter] = {}
        self._report_q: deque[_Batch] = deque()
        self._reply_q: deque[_Batch] = deque()
        self._ready_replies: deque[dict] = deque()
        self._pending_reports = 0
        self._reports_out: list[dict] = []
        self._replies_out: list[dict] = []
        self._injections: list[list] = []                     # [Injection, times left]
        self.connections = 0

    # -- configuration and faults -------------------------------------------------------------
    def configure(self, **changes) -> SimConfig:
        with self._lock:
            self.config = replace(self.config, **changes)
            return self.config

    def roll(self, rate: float) -> bool:
        if rate <= 0.0:
            return False
        with self._lock:
            return self._fault_rng.random() < rate

    def add_injection(self, injection: Injection, times: int) -> None:
        with self._lock:
            self._injections.append([injection, times])

    def take_injection(self, endpoint: str) -> Injection | None:
        with self._lock:
            for slot in self._injections:
                if slot[0].endpoint in (None, endpoint):
                    slot[1] -= 1
                    if slot[1] <= 0:
                        self._injections.remove(slot)
                    return slot[0]
        return None

    def count(self, endpoint: str, outcome) -> None:
        with self._lock:
            self._requests.setdefault(endpoint, Counter())[outcome] += 1
            if endpoint != "*":
                self._requests.setdefault("*", Counter())[outcome] += 1

    def count_connection(self) -> None:
        with self._lock:
            self.connections += 1

    # -- accepting sends ----------------------------------------------------------------------
    def accept(self, *, endpoint: str, mobiles: list[str], contents: tuple[str, ...], parts: int,
               code: str, ext: str, dropped: bool, content: str | None = None,
               template_id: str | None = None, values=None) -> tuple[int, str]:
        """Charge and queue a valid send. Returns (20000, msgId) or (40019, "") when the balance is short."""
        with self._lock:
            if parts > self._balance:
                return BALANCE_NOT_ENOUGH, ""
            self._balance -= parts
            self._seq += 1
            msg_id = f"{self._id_prefix:08d}{self._seq:010d}"
            now = self._clock()
            cfg = self.config
            batch = _Batch(self._rng.getrandbits(64), msg_id, mobiles, ext, code,
                           now + cfg.report_delay, now + cfg.report_delay + cfg.reply_delay, cfg)
            self._report_q.append(batch)
            self._reply_q.append(batch)
            self._pending_reports += len(mobiles)
            self._sent.update(mobiles)
            self._accepted.append(Accepted(
                msg_id, endpoint, tuple(mobiles), contents, code, ext, parts, dropped, now,
                content, template_id, values))
            return 20000, msg_id

    # -- reports and replies ------------------------------------------------------------------
    @staticmethod
    def _expand(batch: _Batch) -> None:
        """Draw every number's status and reply once (deterministic per batch seed)."""
        if batch.statuses is not None:
            return
        rng = random.Random(batch.seed)
        cfg = batch.config
        statuses: list[str] = []
        for i in range(len(batch.mobiles)):
            if rng.random() < cfg.deliver_rate:
                statuses.append("DELIVRD")
                if rng.random() < cfg.reply_rate:
                    pool = OPTOUT_REPLIES if rng.random() < cfg.optout_rate else OTHER_REPLIES
                    batch.replies.append((i, rng.choice(pool)))
            else:
                statuses.append(rng.choice(FAILURE_STATUSES))
        batch.statuses = statuses

    def pull_reports(self) -> list[dict]:
        with self._lock:
            now = self._clock()
            room = self.config.pull_size
            out: list[dict] = []
            q = self._report_q
            while room and q and q[0].report_due <= now:
                b = q[0]
                self._expand(b)
                when = format_time(b.report_due)
                end = min(len(b.mobiles), b.cursor + room)
                mobiles, statuses, msg_id, ext = b.mobiles, b.statuses, b.msg_id, b.ext
                out.extend({"msgId": msg_id, "mobile": mobiles[i], "code": statuses[i], "time": when, "ext": ext}
                           for i in range(b.cursor, end))
                room -= end - b.cursor
                b.cursor = end
                if end >= len(mobiles):
                    q.popleft()
            self._pending_reports -= len(out)
            self._reports_out.extend(out)
            return out

    def _release_replies(self, now: float) -> None:
        q = self._reply_q
        while q and q[0].reply_due <= now:
            b = q.popleft()
            self._expand(b)
            when = format_time(b.reply_due)
            for i, text in b.replies:
                self._ready_replies.append(
                    {"mobile": b.mobiles[i], "content": text, "time": when, "expand": b.expand, "msgId": b.msg_id})

    def pull_replies(self) -> list[dict]:
        with self._lock:
            self._release_replies(self._clock())
            ready = self._ready_replies
            out = [ready.popleft() for _ in range(min(len(ready), self.config.pull_size))]
            self._replies_out.extend(out)
            return out

    def add_reply(self, mobile: str, content: str, expand: str = "", msg_id: str = "") -> dict:
        item = {"mobile": mobile, "content": content, "time": format_time(self._clock()),
                "expand": expand, "msgId": msg_id}
        with self._lock:
            self._release_replies(self._clock())  # keep time order with replies already due
            self._ready_replies.append(item)
        return dict(item)

    def make_all_due(self) -> None:
        with self._lock:
            now = self._clock()
            for b in self._report_q:
                b.report_due = min(b.report_due, now)
            for b in self._reply_q:
                b.reply_due = min(b.reply_due, now)

    # -- inspection ---------------------------------------------------------------------------
    @property
    def balance(self) -> int:
        with self._lock:
            return self._balance

    @balance.setter
    def balance(self, value: int) -> None:
        with self._lock:
            self._balance = int(value)

    def accepted(self) -> list[Accepted]:
        with self._lock:
            return list(self._accepted)

    def sent_counter(self) -> Counter:
        with self._lock:
            return Counter(self._sent)

    def sent_count(self, mobile: str) -> int:
        with self._lock:
            return self._sent.get(mobile, 0)

    def requests(self) -> dict[str, Counter]:
        with self._lock:
            return {k: Counter(v) for k, v in self._requests.items()}

    def pending_reports(self) -> int:
        with self._lock:
            return self._pending_reports

    def pending_replies(self) -> int:
        """Replies already released and waiting to be pulled (not those still in the future)."""
        with self._lock:
            self._release_replies(self._clock())
            return len(self._ready_replies)

    def reports_out(self) -> list[dict]:
        with self._lock:
            return [dict(r) for r in self._reports_out]

    def replies_out(self) -> list[dict]:
        with self._lock:
            return [dict(r) for r in self._replies_out]

