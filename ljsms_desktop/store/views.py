"""Queries behind the results views (状态报告, 上行回复, 发送记录 + detail, 退订名单). No Qt.

Reach it as ``store.views`` (one ``Views`` per ``Store``, i.e. per thread/connection):

* ``store.views.reports``      — ``ReportQueries``: count / keyset pages / anchors / newer_than
* ``store.views.replies``      — ``ReplyQueries``: the same for replies, plus mark read and sheet values
* ``store.views.campaigns``    — ``CampaignQueries``: the campaign list, daily summary, detail, timeline,
  numbers to resend, per-number results export
* ``store.views.suppression``  — ``SuppressionQueries``: count / page / search / add / remove

Lazy tables: a model asks ``count(f)`` for its row count, ``anchors(f, sort, every)`` for the key of every
``every``-th row (one index scan, a few thousand keys at 1,000,000 rows), then fetches the page a visible
row falls in with ``rows_from(f, sort, anchor, limit)`` (inclusive) or moves with ``page(..., after=key)`` /
``page_before(..., before=key)``. No OFFSET anywhere: every page is an index range from a key.

Keys: each row's ``key`` is a tuple in the sort's order, ending with the row's identity, so pages never
skip or repeat rows:

* reports, ``time``:   ``(time, msg_id, mobile)``  — the default, newest first
* reports, ``mobile``: ``(mobile, msg_id)``
* reports, ``status``: ``(bucket_id, time, msg_id, mobile)``
* replies, ``time``:   ``(time, id)``; ``mobile``: ``(mobile, id)``
* suppression:         ``(added_at, mobile)``, newest first

Portability (issue 12, PostgreSQL): the query shapes are plain SQL (row-value comparisons, ``count(*)``,
``GROUP BY``, ``UNION ALL``); the only engine-specific piece is the number-suffix expression
(``schema.LAST4``), defined in one place.

Every value handed up is plain data (codes, numbers, text); words come from ``core.delivery_codes`` /
``core.carriers`` in the layers above.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

# -- sorts ---------------------------------------------------------------------------------------------

TIME = "time"
MOBILE = "mobile"
STATUS = "status"


@dataclass(frozen=True, slots=True)
class Sort:
    """A table's order: ``column`` (``time``, ``mobile``, ``status``) and direction (newest first by default)."""

    column: str = TIME
    descending: bool = True


NEWEST_FIRST = Sort(TIME, True)

# -- filters -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReportFilter:
    """What the reports view shows. Every field narrows; the defaults show everything.

    ``group``: a ``core.delivery_codes`` status group (``all``, ``delivered``, ``failed``, ``awaiting``).
    ``awaiting`` rows are numbers of accepted batches with no report yet (no report row: their ``code``,
    ``time`` and ``bucket`` are empty).
    ``buckets``: bucket codes (``core.delivery_codes``: ``number``, ``unreachable``…); empty = any.
    ``carriers``: carrier codes (``core.carriers``: ``cmcc``, ``unicom``…); empty = any.
    ``since`` / ``until``: report time ``yyyy-MM-dd HH:mm:ss``, ``since <= time < until``.
    ``search``: an 11-digit number (exact), fewer digits (the number's last digits), or a msgId.
    """

    campaign_id: int | None = None
    group: str = "all"
    buckets: tuple[str, ...] = ()
    carriers: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    search: str = ""


@dataclass(frozen=True, slots=True)
class ReplyFilter:
    """What the replies view shows. ``search``: a number, its last digits, or text in the reply."""

    campaign_id: int | None = None
    opt_outs_only: bool = False
    unread_only: bool = False
    since: str | None = None
    until: str | None = None
    search: str = ""


# -- rows ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One report (or, in the ``awaiting`` group, one number still waiting for its report).

    ``bucket``/``carrier``: codes of ``core.delivery_codes`` / ``core.carriers`` (``""`` bucket: no report).
    ``sent_at``: when its batch's request left (None for reports of no batch of ours).
    """

    key: tuple
    time: str
    mobile: str
    code: str
    bucket: str
    carrier: str
    msg_id: str
    ext: str
    batch_id: int | None
    batch_seq: int | None
    campaign_id: int | None
    campaign_name: str
    sent_at: str | None


@dataclass(frozen=True, slots=True)
class ReplyRow:
    """One reply. ``values``: for a reply to a template campaign, the recipient's sheet values (in the
    template's ``{}`` order) when the store has them, else None."""

    key: tuple
    id: int
    time: str
    mobile: str
    content: str
    expand: str
    msg_id: str
    campaign_id: int | None
    campaign_name: str
    opt_out: bool
    read: bool
    values: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class CampaignSummary:
    """One line of 发送记录. Counts are numbers. ``cost``: message parts charged (accepted batches).
    ``delivery_rate``: delivered / accepted, None until the first report arrives."""

    id: int
    name: str
    kind: str
    state: str
    stop_reason: str
    created_at: str
    started_at: str | None
    recipients: int
    parts: int
    cost: int
    accepted: int
    rejected: int
    unknown: int
    planned: int
    delivered: int
    failed: int
    awaiting: int
    replies: int
    opt_outs: int
    delivery_rate: float | None
    test: bool


@dataclass(frozen=True, slots=True)
class DaySummary:
    """One day of the daily summary (by the day each campaign started; ``cost`` in parts)."""

    day: str
    campaigns: int
    sent: int
    delivered: int
    failed: int
    cost: int


@dataclass(frozen=True, slots=True)
class CarrierFigures:
    carrier: str
    delivered: int
    failed: int
    reports: int
    rate: float | None  # delivered / reports


@dataclass(frozen=True, slots=True)
class BatchInfo:
    """A batch in the detail. ``age_hours``: for an ``unknown`` batch, hours since its request left;
    ``reports``: reports stored for it; ``stale``: unknown, no report, older than the limit (72 h)."""

    id: int
    seq: int
    state: str
    size: int
    parts: int
    msg_id: str | None
    error_code: int | None
    error: str
    sent_at: str | None
    answered_at: str | None
    reports: int
    age_hours: float | None
    stale: bool


@dataclass(frozen=True, slots=True)
class CampaignDetail:
    """Everything the campaign detail shows except the time line (``CampaignQueries.timeline``).

    ``outcome``: {"delivered", "awaiting", "unknown", "rejected", "planned", "sending"} → numbers, plus
    ``failed_by_bucket`` {bucket code → numbers}. ``failure_codes``: [(code, bucket, numbers)], most first.
    ``latency``: seconds from the batch's request to the report: (median, p90), None without reports.
    """

    summary: CampaignSummary
    outcome: dict[str, int]
    failed_by_bucket: dict[str, int]
    failure_codes: list[tuple[str, str, int]]
    carriers: list[CarrierFigures]
    latency_median: float | None
    latency_p90: float | None
    batches: list[BatchInfo]
    replies: int
    opt_outs: int
    report_opt_outs: int
    stale_unknown_numbers: int = 0


@dataclass(frozen=True, slots=True)
class TimeBin:
    start: str          # yyyy-MM-dd HH:mm (bin start)
    delivered: int
    failed: int


@dataclass(frozen=True, slots=True)
class ResultRow:
    """One number of a campaign for 导出结果: its batch state, report (code, bucket, time) and replies."""

    mobile: str
    values: tuple[str, ...] | None
    batch_seq: int
    batch_state: str
    code: str
    bucket: str
    report_time: str
    reply: str


@dataclass(frozen=True, slots=True)
class SuppressionEntry:
    """``source``: ``reply`` (reason = the reply text), ``report`` (``code`` = the opt-out status code,
    reason = its words), ``manual`` (reason as typed)."""

    key: tuple
    mobile: str
    reason: str
    source: str
    code: str
    added_at: str


# -- the queries ---------------------------------------------------------------------------------------


class ReportQueries:
    """Delivery reports: counts and keyset pages over any ``ReportFilter``."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def count(self, f: ReportFilter = ReportFilter()) -> int:
        """Rows matching *f* (the lazy model's row count)."""
        raise NotImplementedError

    def page(self, f: ReportFilter = ReportFilter(), sort: Sort = NEWEST_FIRST, after: tuple | None = None,
             limit: int = 200) -> list[ReportRow]:
        """Up to *limit* rows in *sort* order strictly after the row whose key is *after* (None: from the top)."""
        raise NotImplementedError

    def page_before(self, f: ReportFilter = ReportFilter(), sort: Sort = NEWEST_FIRST, before: tuple | None = None,
                    limit: int = 200) -> list[ReportRow]:
        """Up to *limit* rows strictly before *before* (None: the last page), returned in *sort* order."""
        raise NotImplementedError

    def rows_from(self, f: ReportFilter, sort: Sort, key: tuple, limit: int = 200) -> list[ReportRow]:
        """Up to *limit* rows starting AT *key* (inclusive), in *sort* order: the page an anchor opens."""
        raise NotImplementedError

    def anchors(self, f: ReportFilter = ReportFilter(), sort: Sort = NEWEST_FIRST, every: int = 1000) -> list[tuple]:
        """Keys of rows 0, every, 2·every, … in *sort* order: row *i* is ``rows_from(anchor[i // every])[i % every]``."""
        raise NotImplementedError

    def position(self, f: ReportFilter, sort: Sort, key: tuple) -> int:
        """How many rows come before *key* in *sort* order (keeps a selection when rows arrive above it)."""
        raise NotImplementedError

    def newer_than(self, key: tuple | None, f: ReportFilter = ReportFilter()) -> int:
        """Rows matching *f* newer than *key* (a ``(time, msg_id, mobile)`` key, e.g. the top row last seen):
        the "N 条新报告" hint. None: every row."""
        raise NotImplementedError


class ReplyQueries:
    """Replies: counts, keyset pages, read flags and template sheet values."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def count(self, f: ReplyFilter = ReplyFilter()) -> int:
        raise NotImplementedError

    def page(self, f: ReplyFilter = ReplyFilter(), sort: Sort = NEWEST_FIRST, after: tuple | None = None,
             limit: int = 200) -> list[ReplyRow]:
        raise NotImplementedError

    def page_before(self, f: ReplyFilter = ReplyFilter(), sort: Sort = NEWEST_FIRST, before: tuple | None = None,
                    limit: int = 200) -> list[ReplyRow]:
        raise NotImplementedError

    def rows_from(self, f: ReplyFilter, sort: Sort, key: tuple, limit: int = 200) -> list[ReplyRow]:
        raise NotImplementedError

    def anchors(self, f: ReplyFilter = ReplyFilter(), sort: Sort = NEWEST_FIRST, every: int = 1000) -> list[tuple]:
        raise NotImplementedError

    def newer_than(self, key: tuple | None, f: ReplyFilter = ReplyFilter()) -> int:
        """Replies matching *f* newer than *key* (``(time, id)``)."""
        raise NotImplementedError

    def unread(self, campaign_id: int | None = None) -> int:
        """Unread replies (the tab's count)."""
        raise NotImplementedError

    def mark_read(self, ids: Iterable[int], read: bool = True) -> int:
        """Set the read flag of replies *ids*; returns how many changed."""
        raise NotImplementedError

    def mark_all_read(self, f: ReplyFilter = ReplyFilter()) -> int:
        raise NotImplementedError

    def sheet_values(self, reply_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
        """{reply id: the recipient's template values} for replies to template campaigns."""
        raise NotImplementedError


class CampaignQueries:
    """发送记录 and the campaign detail."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def summaries(self, *, include_tests: bool = True) -> list[CampaignSummary]:
        """Every campaign, newest first, with its figures (a few indexed reads each)."""
        raise NotImplementedError

    def summary(self, campaign_id: int) -> CampaignSummary | None:
        raise NotImplementedError

    def daily(self, *, include_tests: bool = False, days: int | None = None) -> list[DaySummary]:
        """Per day (the day each campaign started), newest first: campaigns, numbers sent (accepted),
        delivered, failed, cost (parts)."""
        raise NotImplementedError

    def detail(self, campaign_id: int, *, stale_after_hours: float = 72.0, now: str | None = None) -> CampaignDetail:
        """The campaign detail's figures (see ``CampaignDetail``). *now*: ``yyyy-MM-dd HH:mm:ss`` (tests)."""
        raise NotImplementedError

    def timeline(self, campaign_id: int, *, bins: int = 48) -> list[TimeBin]:
        """Delivered and failed reports over time, in at most *bins* equal bins from the first report to the last."""
        raise NotImplementedError

    def numbers_by_bucket(self, campaign_id: int, buckets: Iterable[str], *,
                          include_unsent: bool = True) -> list[tuple[str, tuple[str, ...] | None]]:
        """(mobile, template values or None) of the campaign's numbers whose report falls in *buckets*
        (重发失败号码), plus, with *include_unsent*, numbers of batches that never went out (rejected, or
        planned in a cancelled/stopped campaign). Numbers of unknown batches and numbers awaiting a report
        are never included. In send order, each number once."""
        raise NotImplementedError

    def stale_unknown_numbers(self, campaign_id: int, *, older_than_hours: float = 72.0,
                              now: str | None = None) -> list[tuple[str, tuple[str, ...] | None]]:
        """Numbers of ``unknown`` batches that drew no report and left more than *older_than_hours* ago
        (重发未确认号码: an explicit, confirmed action — they may have been delivered)."""
        raise NotImplementedError

    def results(self, campaign_id: int) -> Iterator[ResultRow]:
        """One row per number of the campaign (导出结果), in send order, streamed batch by batch."""
        raise NotImplementedError


class SuppressionQueries:
    """退订/屏蔽名单."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def count(self, search: str = "") -> int:
        raise NotImplementedError

    def page(self, search: str = "", after: tuple | None = None, limit: int = 200) -> list[SuppressionEntry]:
        """Newest first; *search*: a number, its last digits, or text in the reason."""
        raise NotImplementedError

    def get(self, mobile: str) -> SuppressionEntry | None:
        raise NotImplementedError

    def add(self, mobiles: Iterable[str], reason: str = "", source: str = "manual") -> int:
        """Add normalised numbers (an existing entry keeps its first reason); returns how many were new."""
        raise NotImplementedError

    def remove(self, mobiles: Iterable[str]) -> int:
        raise NotImplementedError


@dataclass
class Views:
    """``store.views``: the four query groups on one connection."""

    conn: sqlite3.Connection
    reports: ReportQueries = field(init=False)
    replies: ReplyQueries = field(init=False)
    campaigns: CampaignQueries = field(init=False)
    suppression: SuppressionQueries = field(init=False)

    def __post_init__(self) -> None:
        self.reports = ReportQueries(self.conn)
        self.replies = ReplyQueries(self.conn)
        self.campaigns = CampaignQueries(self.conn)
        self.suppression = SuppressionQueries(self.conn)

    def stamp(self) -> tuple:
        """A cheap value that changes whenever a pull is stored or the suppression list changes, by this or
        another process (the views' live refresh polls it)."""
        raise NotImplementedError
