"""Storing delivery reports and replies: one pull, one transaction, attributed on the way in.

Attribution of a report: its ``ext`` names our batch (see campaigns.batch_ext), else its msgId
matches an accepted batch; reports matching neither (another tool on the same account) are kept
with no campaign. A report for a batch left ``unknown`` proves the gateway accepted it: the
batch becomes accepted with the report's msgId.

Attribution of a reply: its ``expand`` equals a campaign's extension number, else its msgId
matches a batch. Opt-out replies put the number on the suppression list, the reply text kept as
the reason (the rule that decides what is an opt-out is passed in: it lives in core).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from operator import add, attrgetter

from . import classify
from .models import B_ACCEPTED, B_UNKNOWN, SaveResult, now_text


def _batches_by(conn: sqlite3.Connection, column: str, values: Iterable[str]) -> dict[str, tuple[int, int, str]]:
    """{value: (batch_id, campaign_id, ext)} for batches whose *column* (ext or msg_id) is one of *values*."""
    found: dict[str, tuple[int, int, str]] = {}
    for value in values:
        row = conn.execute(f"SELECT id, campaign_id, ext FROM batches WHERE {column} = ?", (value,)).fetchone()
        if row:
            found[value] = row
    return found


def add_counts(conn: sqlite3.Connection, counts: dict[tuple[int, str], int]) -> None:
    """Add {(campaign_id, status code): numbers} to ``report_counts``."""
    if counts:
        conn.executemany("INSERT INTO report_counts (campaign_id, code, n) VALUES (?, ?, ?) "
                         "ON CONFLICT (campaign_id, code) DO UPDATE SET n = n + excluded.n",
                         [(cid, code, n) for (cid, code), n in counts.items() if n])


def add_tally(conn: sqlite3.Connection, tally: dict[tuple[int, str, int], int]) -> None:
    """Add {(batch_id or 0, status code, carrier id): numbers} to ``report_tally``."""
    if tally:
        conn.executemany("INSERT INTO report_tally (batch_id, code, carrier, n) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT (batch_id, code, carrier) DO UPDATE SET n = n + excluded.n",
                         [(bid, code, carrier, n) for (bid, code, carrier), n in tally.items() if n])


def attribute_msg_id(conn: sqlite3.Connection, msg_id: str, campaign_id: int | None, batch_id: int) -> None:
    """Reports stored under *msg_id* before its batch was known (no ext echoed) join the batch now.
    *campaign_id* None: the batch's, read only when there are such reports (a statement fewer per answer)."""
    rows = conn.execute("SELECT code, carrier, count(*) FROM reports WHERE msg_id = ? AND batch_id IS NULL "
                        "GROUP BY code, carrier", (msg_id,)).fetchall()
    if rows:
        if campaign_id is None:
            campaign_id = conn.execute("SELECT campaign_id FROM batches WHERE id = ?", (batch_id,)).fetchone()[0]
        counts: Counter = Counter()
        tally: dict[tuple[int, str, int], int] = {}
        for code, carrier, n in rows:
            counts[(campaign_id, code)] += n
            tally[(0, code, carrier)] = -n
            tally[(batch_id, code, carrier)] = n
        conn.execute("UPDATE reports SET batch_id = ? WHERE msg_id = ? AND batch_id IS NULL", (batch_id, msg_id))
        add_counts(conn, counts)
        add_tally(conn, tally)


_INSERT = ("INSERT INTO reports (msg_id, mobile, code, time, ext, batch_id, bucket, carrier) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
_COLUMNS = ("msg_id", "mobile", "code", "time", "ext", "batch_id", "bucket", "carrier")  # of _INSERT, for COPY
_KEY_FIELDS = attrgetter("msg_id", "mobile", "code", "time")
_EXT = attrgetter("ext")
# Reports of one batch go in as multi-row INSERTs of this many rows (a pull of 500, the simulator's
# size, is 4 statements): one sqlite3 call per 125 reports instead of one per report. Measured on
# the bare table: ~1.6x the rows/s of executemany, whose per-row cost in the sqlite3 module was
# most of the time. Parameters: the rows' 4 key fields (?1-?500), then their buckets (?501-?625) and
# carriers (?626-?750) as two runs, so a statement's values are three tuple slices joined (no tuple per
# row), and the batch id shared by every row (?751).
_ROWS_PER_INSERT = 125
_R = _ROWS_PER_INSERT
_INSERT_OF_BATCH = ("INSERT INTO reports (msg_id, mobile, code, time, ext, batch_id, bucket, carrier) VALUES "
                    + ", ".join(f"(?{4 * i + 1}, ?{4 * i + 2}, ?{4 * i + 3}, ?{4 * i + 4}, NULL, ?{6 * _R + 1}, "
                                f"?{4 * _R + i + 1}, ?{5 * _R + i + 1})" for i in range(_R)))


def _insert_of_batch(conn: sqlite3.Connection, reports: Sequence, batch_id: int, buckets: tuple[int, ...],
                     carriers: tuple[int, ...], flat: tuple | None = None) -> None:
    """Insert *reports*, every one attributed to *batch_id*, with no Python per report: the values
    come straight from the report objects and the per-pull bucket/carrier lists (attrgetter, zip,
    tuple concatenation and chain run in C)."""
    copy_rows = getattr(conn, "copy_rows", None)
    if copy_rows is not None:  # PostgreSQL (store.pg): one COPY per pull
        copy_rows("reports", _COLUMNS, map(add, map(_KEY_FIELDS, reports),
                                           zip([None] * len(reports), [batch_id] * len(reports), buckets, carriers)))
        return
    if flat is None:  # (msg_id, mobile, code, time) of every report, one flat tuple
        flat = tuple(chain.from_iterable(map(_KEY_FIELDS, reports)))
    n = len(reports)
    whole = n // _R * _R
    shared = (batch_id,)
    for j in range(0, whole, _R):
        conn.execute(_INSERT_OF_BATCH, flat[4 * j:4 * (j + _R)] + buckets[j:j + _R] + carriers[j:j + _R] + shared)
    if whole < n:
        conn.executemany(_INSERT, [(*flat[4 * j:4 * j + 4], None, batch_id, buckets[j], carriers[j])
                                   for j in range(whole, n)])


def save_reports(conn: sqlite3.Connection, reports: Sequence) -> SaveResult:
    """Store one pull of reports (objects with msg_id, mobile, code, time, ext). Call in a Transaction.

    ``new`` counts reports added, or that replaced an earlier status of the same number and request.
    Fast path: every report is new (the usual case) — inserted in bulk, counts tallied here. If any
    was stored before (or repeats within the pull), that is undone and the pull is stored report
    by report instead, to count exactly.
    """
    if not reports:
        return SaveResult(0, 0)
    exts = set(map(_EXT, reports))
    if len(exts) == 1 and getattr(conn, "dialect", None) == "postgresql" and next(iter(exts)):
        # The usual pull on PostgreSQL: one round trip instead of ~10 (store.pg_reports); None: general path.
        from .pg_reports import save_pull_of_batch
        done = save_pull_of_batch(conn, reports, next(iter(exts)), now_text())
        if done is not None:
            return SaveResult(len(reports), done[0], resolved_batches=done[1], opt_outs=done[2])
    # Bucket and carrier of every report, without Python per report (see store.classify).
    flat = tuple(chain.from_iterable(map(_KEY_FIELDS, reports)))  # (msg_id, mobile, code, time) × n
    codes = flat[2::4]
    bucket_of = classify.bucket_ids(codes)
    buckets = tuple(map(bucket_of.__getitem__, codes))
    carriers = tuple(classify.carrier_ids(flat[1::4]))
    by_ext = _batches_by(conn, "ext", [e for e in exts if e])
    only = by_ext.get(next(iter(exts))) if len(exts) == 1 else None
    if only is not None:
        # The usual pull: every report is of one batch of ours (reports come request by request).
        bid, cid, _ext = only
        counts = {(cid, code): n for code, n in Counter(codes).items()}
        tally = {(bid, code, carrier): n for (code, carrier), n in Counter(zip(codes, carriers)).items()}
        first_msg_of_batch = {bid: reports[0].msg_id}
        campaign_of = {bid: cid}
    else:
        rows, counts, tally, first_msg_of_batch, campaign_of = _attribute(conn, reports, by_ext, buckets, carriers)
    conn.execute("SAVEPOINT pull")
    try:
        if only is not None:
            _insert_of_batch(conn, reports, bid, buckets, carriers, flat)
        else:
            copy_rows = getattr(conn, "copy_rows", None)
            copy_rows("reports", _COLUMNS, rows) if copy_rows is not None else conn.executemany(_INSERT, rows)
        new = len(reports)
    except sqlite3.IntegrityError:  # some (msg_id, mobile) already stored
        conn.execute("ROLLBACK TO pull")
        if only is not None:
            rows = [(*_KEY_FIELDS(r), None, bid, b, c) for r, b, c in zip(reports, buckets, carriers)]
        counts, tally, new = _save_one_by_one(conn, rows, campaign_of)
    conn.execute("RELEASE pull")
    add_counts(conn, counts)
    add_tally(conn, tally)
    now = now_text()
    opt_outs = 0
    opt_codes = classify.opt_out_codes(bucket_of)
    if opt_codes:
        # A status code saying the recipient opted out or complained suppresses the number like a TD reply,
        # in the pull's transaction (an entry already there keeps its first reason).
        reason = {c: classify.opt_out_reason(c) for c in opt_codes}
        opt_outs = max(conn.executemany(
            "INSERT INTO suppression (mobile, reason, source, added_at, code) VALUES (?, ?, 'report', ?, ?) "
            "ON CONFLICT (mobile) DO NOTHING",
            [(r.mobile, reason[r.code], now, r.code) for r in reports if r.code in reason]).rowcount, 0)
    resolved = 0
    for batch_id, msg_id in first_msg_of_batch.items():
        # A batch still waiting for its answer keeps the msgId, so that a lost answer resolves it.
        conn.execute("UPDATE batches SET msg_id = ? WHERE id = ? AND msg_id IS NULL", (msg_id, batch_id))
        resolved += conn.execute(
            "UPDATE batches SET state = ?, resolved_by = 'report', answered_at = ? WHERE id = ? AND state = ?",
            (B_ACCEPTED, now, batch_id, B_UNKNOWN)).rowcount
    conn.execute("INSERT INTO pulls (kind, at, items, new_items) VALUES ('reports', ?, ?, ?)",
                 (now, len(reports), new))
    return SaveResult(len(reports), new, resolved_batches=resolved, opt_outs=opt_outs)


def _attribute(conn: sqlite3.Connection, reports: Sequence, by_ext: dict, buckets: list[int],
               carriers: list[int]) -> tuple[list[tuple], dict, dict, dict, dict]:
    """Rows, per-campaign counts, the per-batch tally, each batch's first msgId and {batch: campaign} for
    a pull mixing batches (or holding reports that are not ours)."""
    missing_msg = {r.msg_id for r in reports if r.ext not in by_ext}
    by_msg = _batches_by(conn, "msg_id", missing_msg) if missing_msg else {}
    # List comprehensions and Counter rather than one loop with appends: ~2x less Python per row.
    if by_msg:
        hits = [by_ext.get(r.ext) or by_msg.get(r.msg_id) for r in reports]
    else:
        get = by_ext.get
        hits = [get(r.ext) for r in reports]
    rows = [(r.msg_id, r.mobile, r.code, r.time, r.ext, None, b, c) if h is None else
            (r.msg_id, r.mobile, r.code, r.time, None if r.ext == h[2] else r.ext, h[0], b, c)
            for r, h, b, c in zip(reports, hits, buckets, carriers)]
    counts: dict[tuple[int, str], int] = Counter((h[1], r.code) for r, h in zip(reports, hits) if h is not None)
    tally: dict[tuple[int, str, int], int] = Counter((0 if h is None else h[0], r.code, c)
                                                     for r, h, c in zip(reports, hits, carriers))
    first_msg_of_batch: dict[int, str] = {}
    for r, h in zip(reports, hits):
        if h is not None and h[0] not in first_msg_of_batch:
            first_msg_of_batch[h[0]] = r.msg_id
    campaign_of = {bid: cid for bid, cid, _ in (*by_ext.values(), *by_msg.values())}
    return rows, counts, tally, first_msg_of_batch, campaign_of


def _save_one_by_one(conn: sqlite3.Connection, rows: list[tuple],
                     campaign_of: dict[int, int]) -> tuple[dict[tuple[int, str], int], dict, int]:
    """Slow path: some reports of the pull were stored before, or repeat within it.

    Per (msg_id, mobile) the latest status wins (by report time). Returns the exact changes to
    the per-campaign counts and to the per-batch tally, and how many rows were added or changed.
    """
    latest: dict[tuple[str, str], tuple] = {}
    for row in rows:
        key = (row[0], row[1])
        seen = latest.get(key)
        if seen is None or row[3] > seen[3]:
            latest[key] = row
    counts: dict[tuple[int, str], int] = {}
    tally: Counter = Counter()
    new = 0
    for (msg_id, mobile), row in latest.items():
        stored = conn.execute("SELECT code, time, batch_id FROM reports WHERE msg_id = ? AND mobile = ?",
                              (msg_id, mobile)).fetchone()
        if stored is None:
            conn.execute(_INSERT, row)
            new += 1
            tally[(row[5] or 0, row[2], row[7])] += 1
            cid = campaign_of.get(row[5])
            if cid is not None:
                counts[(cid, row[2])] = counts.get((cid, row[2]), 0) + 1
            continue
        code, time, bid = stored
        if row[3] > time and row[2] != code:  # a later status of the same number and request
            conn.execute("UPDATE reports SET code = ?, time = ?, bucket = ? WHERE msg_id = ? AND mobile = ?",
                         (row[2], row[3], row[6], msg_id, mobile))
            new += 1
            tally[(bid or 0, code, row[7])] -= 1
            tally[(bid or 0, row[2], row[7])] += 1
            if bid is not None:
                cid = campaign_of.get(bid)
                if cid is None:
                    cid = conn.execute("SELECT campaign_id FROM batches WHERE id = ?", (bid,)).fetchone()[0]
                counts[(cid, code)] = counts.get((cid, code), 0) - 1
                counts[(cid, row[2])] = counts.get((cid, row[2]), 0) + 1
    return counts, tally, new


def save_replies(conn: sqlite3.Connection, replies: Sequence, *,
                 is_opt_out: Callable[[str], bool] = lambda _text: False) -> SaveResult:
    """Store one pull of replies (objects with mobile, content, time, expand, msg_id). Call in a Transaction."""
    if not replies:
        return SaveResult(0, 0)
    pull_id = int(conn.execute("INSERT INTO pulls (kind, at, items, new_items) VALUES ('replies', ?, ?, 0)",
                               (now_text(), len(replies))).lastrowid)
    by_code: dict[str, int | None] = {}
    by_msg: dict[str, int | None] = {}
    new = opt_outs = 0
    now = now_text()
    for r in replies:
        campaign_id = None
        if r.expand:
            if r.expand not in by_code:
                row = conn.execute("SELECT id FROM campaigns WHERE code = ?", (r.expand,)).fetchone()
                by_code[r.expand] = row[0] if row else None
            campaign_id = by_code[r.expand]
        if campaign_id is None and r.msg_id:
            if r.msg_id not in by_msg:
                row = conn.execute("SELECT campaign_id FROM batches WHERE msg_id = ?", (r.msg_id,)).fetchone()
                by_msg[r.msg_id] = row[0] if row else None
            campaign_id = by_msg[r.msg_id]
        opt_out = bool(is_opt_out(r.content))
        cur = conn.execute(
            "INSERT INTO replies (mobile, content, time, expand, msg_id, campaign_id, opt_out, pull_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (r.mobile, r.content, r.time, r.expand or "", r.msg_id or "", campaign_id, int(opt_out), pull_id))
        if cur.rowcount != 1:
            continue
        new += 1
        if opt_out:
            opt_outs += 1
            conn.execute("INSERT INTO suppression (mobile, reason, source, added_at, reply_id) "
                         "VALUES (?, ?, 'reply', ?, ?) ON CONFLICT (mobile) DO NOTHING",
                         (r.mobile, r.content, now, cur.lastrowid))
    conn.execute("UPDATE pulls SET new_items = ? WHERE id = ?", (new, pull_id))
    return SaveResult(len(replies), new, opt_outs=opt_outs)
