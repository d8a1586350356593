"""Read-only queries for the command line's exports and for picking an earlier campaign's numbers. No Qt.

The window's results views (filters, pages, search at 1,000,000 rows) ask ``store.views``.
"""

from __future__ import annotations

import sqlite3

from .db import known_errors


def failed_numbers(conn: sqlite3.Connection, campaign_id: int) -> list[str]:
    """Numbers of a campaign worth sending again: a carrier failure report, or never sent at all.

    Included: accepted numbers whose report is a failure code (not DELIVRD), and numbers of
    batches that never went out (rejected by the gateway, or still planned in a stopped or
    cancelled campaign). Left out: numbers delivered, numbers still awaiting a report (they may
    yet arrive), and numbers of "unknown" batches (they may already have been sent).
    """
    with known_errors():
        rows = conn.execute(
            """SELECT r.mobile FROM recipients r JOIN batches b ON b.id = r.batch_id
               WHERE b.campaign_id = ? AND (
                   b.state IN ('rejected', 'planned')
                   OR (b.state = 'accepted' AND EXISTS (
                       SELECT 1 FROM reports p WHERE p.msg_id = b.msg_id AND p.mobile = r.mobile
                         AND p.code <> 'DELIVRD')))
               ORDER BY b.seq, r.pos""", (campaign_id,)).fetchall()
    return [r[0] for r in rows]


# -- exports: cursors streamed to the sheet writer (rows as the exported file shows them) --------

REPORT_EXPORT_HEADERS = ("时间", "手机号", "状态", "msgId", "批次(ext)", "发送记录编号")
REPLY_EXPORT_HEADERS = ("时间", "手机号", "内容", "扩展号", "msgId", "发送记录编号", "退订")


def count_reports(conn: sqlite3.Connection, campaign_id: int | None = None) -> int:
    with known_errors():
        if campaign_id is None:
            return conn.execute("SELECT count(*) FROM reports").fetchone()[0]
        return conn.execute("SELECT count(*) FROM reports r JOIN batches b ON b.id = r.batch_id "
                            "WHERE b.campaign_id = ?", (campaign_id,)).fetchone()[0]


def iter_reports(conn: sqlite3.Connection, campaign_id: int | None = None):
    """Every stored report, by request (msgId) and number (a cursor: nothing is loaded at once)."""
    sql = ("SELECT r.time, r.mobile, r.code, r.msg_id, coalesce(r.ext, b.ext, ''), b.campaign_id "
           "FROM reports AS r LEFT JOIN batches AS b ON b.id = r.batch_id")
    args: tuple = ()
    if campaign_id is not None:
        sql += " WHERE b.campaign_id = ?"
        args = (campaign_id,)
    with known_errors():
        return conn.execute(sql + " ORDER BY r.msg_id, r.mobile", args)


def count_replies(conn: sqlite3.Connection, campaign_id: int | None = None) -> int:
    with known_errors():
        if campaign_id is None:
            return conn.execute("SELECT count(*) FROM replies").fetchone()[0]
        return conn.execute("SELECT count(*) FROM replies WHERE campaign_id = ?", (campaign_id,)).fetchone()[0]


def iter_replies(conn: sqlite3.Connection, campaign_id: int | None = None):
    sql = "SELECT time, mobile, content, expand, msg_id, campaign_id, CASE opt_out WHEN 1 THEN '是' ELSE '' END FROM replies"
    args: tuple = ()
    if campaign_id is not None:
        sql += " WHERE campaign_id = ?"
        args = (campaign_id,)
    with known_errors():
        return conn.execute(sql + " ORDER BY id", args)
