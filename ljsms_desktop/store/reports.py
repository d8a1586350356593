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
from collections.abc import Callable, Iterable, Sequence

from .models import B_ACCEPTED, B_UNKNOWN, SaveResult, now_text


def _new_pull(conn: sqlite3.Connection, kind: str, items: int) -> int:
    return int(conn.execute("INSERT INTO pulls (kind, at, items, new_items) VALUES (?, ?, ?, 0)",
                            (kind, now_text(), items)).lastrowid)


def _batches_by(conn: sqlite3.Connection, column: str, values: Iterable[str]) -> dict[str, tuple[int, int]]:
    """{value: (batch_id, campaign_id)} for batches whose *column* (ext or msg_id) is one of *values*."""
    found: dict[str, tuple[int, int]] = {}
    for value in values:
        row = conn.execute(f"SELECT id, campaign_id FROM batches WHERE {column} = ?", (value,)).fetchone()
        if row:
            found[value] = (row[0], row[1])
    return found


def save_reports(conn: sqlite3.Connection, reports: Sequence) -> SaveResult:
    """Store one pull of reports (objects with msg_id, mobile, code, time, ext). Call in a Transaction.

    ``new`` counts reports added or that replaced an earlier status of the same number and request.
    """
    if not reports:
        return SaveResult(0, 0)
    pull_id = _new_pull(conn, "reports", len(reports))
    by_ext = _batches_by(conn, "ext", {r.ext for r in reports if r.ext})
    missing_msg = {r.msg_id for r in reports if not (r.ext and r.ext in by_ext)}
    by_msg = _batches_by(conn, "msg_id", missing_msg) if missing_msg else {}
    rows = []
    first_msg_of_batch: dict[int, str] = {}
    for r in reports:
        hit = by_ext.get(r.ext) if r.ext else None
        if hit is None:
            hit = by_msg.get(r.msg_id)
        if hit is None:
            rows.append((r.msg_id, r.mobile, r.code, r.time, r.ext, None, None, pull_id))
        else:
            rows.append((r.msg_id, r.mobile, r.code, r.time, r.ext, hit[1], hit[0], pull_id))
            first_msg_of_batch.setdefault(hit[0], r.msg_id)
    cur = conn.executemany(
        "INSERT INTO reports (msg_id, mobile, code, time, ext, campaign_id, batch_id, pull_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (msg_id, mobile) DO UPDATE SET code = excluded.code, time = excluded.time, "
        "pull_id = excluded.pull_id WHERE excluded.time > reports.time AND excluded.code <> reports.code",
        rows)
    new = max(cur.rowcount, 0)
    resolved = 0
    now = now_text()
    for batch_id, msg_id in first_msg_of_batch.items():
        # A batch still waiting for its answer keeps the msgId, so that a lost answer resolves it.
        conn.execute("UPDATE batches SET msg_id = ? WHERE id = ? AND msg_id IS NULL", (msg_id, batch_id))
        resolved += conn.execute(
            "UPDATE batches SET state = ?, resolved_by = 'report', answered_at = ? WHERE id = ? AND state = ?",
            (B_ACCEPTED, now, batch_id, B_UNKNOWN)).rowcount
    conn.execute("UPDATE pulls SET new_items = ? WHERE id = ?", (new, pull_id))
    return SaveResult(len(reports), new, resolved_batches=resolved)


def save_replies(conn: sqlite3.Connection, replies: Sequence, *,
                 is_opt_out: Callable[[str], bool] = lambda _text: False) -> SaveResult:
    """Store one pull of replies (objects with mobile, content, time, expand, msg_id). Call in a Transaction."""
    if not replies:
        return SaveResult(0, 0)
    pull_id = _new_pull(conn, "replies", len(replies))
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
