"""Campaigns, their batches (one gateway request each) and recipients; batch state transitions.

Every transition is guarded by the state it leaves (``... WHERE state = 'planned'``), so a
transition that does not apply changes nothing and is reported, instead of silently overwriting.
Callers wrap these functions in a :class:`~ljsms_desktop.store.db.Transaction`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from . import meta
from .reports import attribute_msg_id
from .errors import StoreError
from .models import (
    B_ACCEPTED, B_PLANNED, B_REJECTED, B_SENDING, B_UNKNOWN, CANCELLED, DONE, RESUMABLE, SENDING,
    STATE_ZH, Batch, Campaign, notice_data, now_text,
)

_CAMPAIGN_COLS = ("id, kind, name, content, template_id, code, state, stop_reason, recipients, invalid, "
                  "duplicates, suppressed, parts, batch_size, created_at, updated_at, started_at, finished_at, "
                  "created_by, created_on, stop_notice")
_BATCH_COLS = ("id, campaign_id, seq, ext, state, size, parts, msg_id, error_code, error, resolved_by, "
               "attempts, sent_at, answered_at")


def batch_ext(install: str, campaign_id: int, seq: int) -> str:
    """The ``ext`` that names a batch in its request and comes back in every report (≤ 40 chars)."""
    return f"lj{install}c{campaign_id}b{seq}"


def create(conn: sqlite3.Connection, *, kind: str, content: str, batches: Sequence[Sequence],
           batch_parts: Sequence[int], template_id: str = "", name: str = "", invalid: int = 0,
           duplicates: int = 0, suppressed: int = 0, batch_size: int = 0, code: str | None = None) -> int:
    """Insert a campaign with its batches and recipients; returns the campaign id.

    *batches*: for ``plain`` a list of number lists; for ``template`` a list of lists of
    ``(mobile, values)``. *batch_parts*: message parts (the cost) of each batch.
    """
    if kind not in ("plain", "template"):
        raise ValueError(f"unknown campaign kind {kind!r}")
    if len(batch_parts) != len(batches):
        raise ValueError("batch_parts must have one entry per batch")
    if code is None:
        code = meta.allocate_code(conn)
    elif not (code.isdigit() and code.isascii() and 1 <= len(code) <= 8):
        raise ValueError("extension number must be 1-8 digits")
    install = meta.install_id(conn)
    now = now_text()
    recipients = sum(len(b) for b in batches)
    cur = conn.execute(
        "INSERT INTO campaigns (kind, name, content, template_id, code, recipients, invalid, duplicates, "
        "suppressed, parts, batch_size, created_at, updated_at, created_by, created_on) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (kind, name, content, template_id, code, recipients, invalid, duplicates, suppressed,
         int(sum(batch_parts)), batch_size or max((len(b) for b in batches), default=0), now, now, *who()))
    cid = int(cur.lastrowid)
    planned = []  # (seq, ext, size, parts, payload)
    for seq, (rows, parts) in enumerate(zip(batches, batch_parts), start=1):
        if not rows:
            continue
        if kind == "plain":  # normalised numbers: digits only, so "," cannot occur inside one
            payload = ",".join(rows)
            if payload.count(",") != len(rows) - 1 or '"' in payload:
                raise ValueError("plain campaign numbers must be normalised (no commas or quotes)")
        else:
            payload = json.dumps([[m, list(v)] for m, v in rows], ensure_ascii=False)
        planned.append((seq, batch_ext(install, cid, seq), len(rows), int(parts), payload))
    if getattr(conn, "dialect", None) == "postgresql":
        # One statement for every batch (a round trip per batch had been most of a 100-batch campaign's
        # creation on the team store); the ids come back with their seq.
        ids = dict((seq, bid) for bid, seq in conn.execute(
            "INSERT INTO batches (campaign_id, seq, ext, size, parts) "
            "SELECT ?, u.seq, u.ext, u.size, u.parts FROM unnest(?::int[], ?::text[], ?::int[], ?::int[]) "
            "AS u(seq, ext, size, parts) RETURNING id, seq",
            (cid, [p[0] for p in planned], [p[1] for p in planned], [p[2] for p in planned],
             [p[3] for p in planned])))
    else:
        ids = {seq: conn.execute("INSERT INTO batches (campaign_id, seq, ext, size, parts) VALUES (?,?,?,?,?)",
                                 (cid, seq, ext, size, parts)).lastrowid for seq, ext, size, parts, _ in planned}
    conn.executemany("INSERT INTO batch_payloads (batch_id, payload) VALUES (?, ?)",
                     [(ids[p[0]], p[4]) for p in planned])
    return cid


def get(conn: sqlite3.Connection, campaign_id: int) -> Campaign | None:
    row = conn.execute(f"SELECT {_CAMPAIGN_COLS} FROM campaigns WHERE id = ?", (campaign_id,)).fetchone()
    return _campaign(row) if row else None


def require(conn: sqlite3.Connection, campaign_id: int) -> Campaign:
    camp = get(conn, campaign_id)
    if camp is None:
        raise StoreError("state", f"没有编号为 {campaign_id} 的群发活动。", f"No campaign {campaign_id}.")
    return camp


def all_campaigns(conn: sqlite3.Connection) -> list[Campaign]:
    return [_campaign(r) for r in conn.execute(f"SELECT {_CAMPAIGN_COLS} FROM campaigns ORDER BY id")]


def _campaign(row) -> Campaign:
    return Campaign(*row[:-1], stop_notice=notice_data(row[-1]))


def who() -> tuple[str, str]:
    """(OS user, machine) of this program: recorded with each campaign it creates."""
    import getpass
    import socket
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in the environment (a service account)
        user = ""
    try:
        host = socket.gethostname()
    except OSError:
        host = ""
    return user[:100], host[:255]


def mine(conn: sqlite3.Connection) -> list[int]:
    """Ids of the campaigns created by this OS user on this machine, oldest first."""
    return [r[0] for r in conn.execute("SELECT id FROM campaigns WHERE created_by = ? AND created_on = ? ORDER BY id",
                                       who())]


def batches(conn: sqlite3.Connection, campaign_id: int, state: str | None = None) -> list[Batch]:
    if state is None:
        rows = conn.execute(f"SELECT {_BATCH_COLS} FROM batches WHERE campaign_id = ? ORDER BY seq",
                            (campaign_id,))
    else:
        rows = conn.execute(f"SELECT {_BATCH_COLS} FROM batches WHERE campaign_id = ? AND state = ? "
                            "ORDER BY seq", (campaign_id, state))
    return [Batch(*r) for r in rows]


def get_batch(conn: sqlite3.Connection, batch_id: int) -> Batch | None:
    row = conn.execute(f"SELECT {_BATCH_COLS} FROM batches WHERE id = ?", (batch_id,)).fetchone()
    return Batch(*row) if row else None


def batch_payloads(conn: sqlite3.Connection, campaign_id: int) -> dict[int, str]:
    """{batch_id: payload JSON} of the campaign's batches still ``planned`` (what a run will send)."""
    return dict(conn.execute("SELECT b.id, p.payload FROM batches AS b JOIN batch_payloads AS p ON p.batch_id = b.id "
                             "WHERE b.campaign_id = ? AND b.state = ?", (campaign_id, B_PLANNED)))


def decode_mobiles(payload: str) -> list[str]:
    """A plain batch's numbers (its payload is the request's own comma-joined ``mobile`` field)."""
    return payload.split(",")


def decode_rows(payload: str) -> list[tuple[str, list[str]]]:
    return [(m, v) for m, v in json.loads(payload)]


def payload(conn: sqlite3.Connection, batch_id: int) -> str:
    row = conn.execute("SELECT payload FROM batch_payloads WHERE batch_id = ?", (batch_id,)).fetchone()
    if row is None:
        raise StoreError("state", f"没有编号为 {batch_id} 的批次。", f"No batch {batch_id}.")
    return row[0]


def drop_suppressed(conn: sqlite3.Connection, batch: Batch, text: str, suppressed: set[str]) -> tuple[str | None, int]:
    """Take numbers that opted out since the campaign was planned out of a batch that has not gone out.

    Called in the transaction that marks the batch ``sending``, so what is stored is exactly what
    the request carries. Returns (the new payload, numbers kept); the payload is None when nothing
    is left to send (the batch row is then deleted). The campaign's figures move the numbers from recipients to suppressed.
    """
    template = text.startswith("[")
    rows = json.loads(text) if template else decode_mobiles(text)
    keep = [r for r in rows if (r[0] if template else r) not in suppressed]
    removed = len(rows) - len(keep)
    parts = batch.parts * len(keep) // len(rows) if rows else 0
    conn.execute("UPDATE campaigns SET recipients = recipients - ?, suppressed = suppressed + ?, "
                 "parts = parts - ?, updated_at = ? WHERE id = ?",
                 (removed, removed, batch.parts - parts, now_text(), batch.campaign_id))
    if not keep:
        conn.execute("DELETE FROM batches WHERE id = ?", (batch.id,))
        return None, 0
    new = json.dumps(keep, ensure_ascii=False) if template else ",".join(keep)
    conn.execute("UPDATE batch_payloads SET payload = ? WHERE batch_id = ?", (new, batch.id))
    conn.execute("UPDATE batches SET size = ?, parts = ? WHERE id = ?", (len(keep), parts, batch.id))
    return new, len(keep)


def batch_mobiles(conn: sqlite3.Connection, batch_id: int) -> list[str]:
    """The numbers of a batch, in request order (for a template batch, its rows' numbers)."""
    text = payload(conn, batch_id)
    if text.startswith("["):
        return [m for m, _values in json.loads(text)]
    return decode_mobiles(text)


def batch_rows(conn: sqlite3.Connection, batch_id: int) -> list[tuple[str, list[str]]]:
    """A template batch's (mobile, values) rows, in request order."""
    return decode_rows(payload(conn, batch_id))


def _set_batch(conn: sqlite3.Connection, batch_id: int, from_states: tuple[str, ...], sets: str,
               params: tuple) -> bool:
    marks = ",".join("?" * len(from_states))
    cur = conn.execute(f"UPDATE batches SET {sets} WHERE id = ? AND state IN ({marks})",
                       (*params, batch_id, *from_states))
    return cur.rowcount == 1


def _batch_state_error(conn: sqlite3.Connection, batch_id: int, wanted: str) -> StoreError:
    b = get_batch(conn, batch_id)
    have = b.state if b else "missing"
    return StoreError("state", f"批次 {batch_id} 当前状态为 {have}，不能改为 {wanted}。",
                      f"Batch {batch_id} is {have}; cannot move it to {wanted}.")


def mark_sending(conn: sqlite3.Connection, batch_id: int) -> None:
    """planned → sending. Must be committed before the request goes out."""
    if getattr(conn, "dialect", None) == "postgresql" and hasattr(conn, "execute_at_commit"):
        # The claim rides in its transaction's COMMIT round trip (the runner calls this last); its row count is
        # checked once the COMMIT returned, before the caller sends: not still planned → StoreError, no request.
        def check(rowcount: int) -> None:
            if rowcount != 1:
                raise _batch_state_error(conn, batch_id, B_SENDING)
        conn.execute_at_commit("UPDATE batches SET state = ?, attempts = attempts + 1, sent_at = ? "
                               "WHERE id = ? AND state = ?", (B_SENDING, now_text(), batch_id, B_PLANNED), check)
        return
    if not _set_batch(conn, batch_id, (B_PLANNED,), "state = ?, attempts = attempts + 1, sent_at = ?",
                      (B_SENDING, now_text())):
        raise _batch_state_error(conn, batch_id, B_SENDING)


_PG_ACCEPTED = (
    "WITH upd AS (UPDATE batches SET state = ?, msg_id = ?, resolved_by = ?, answered_at = ?, error_code = NULL, "
    "error = '' WHERE id = ? AND state IN (?, ?) RETURNING id, campaign_id), "
    "w AS (UPDATE reports SET batch_id = upd.id FROM upd WHERE reports.msg_id = ? AND reports.batch_id IS NULL "
    "RETURNING reports.code, reports.carrier, upd.id AS bid, upd.campaign_id AS cid), "
    "t0 AS (INSERT INTO report_tally (batch_id, code, carrier, n) SELECT 0, code, carrier, -count(*) FROM w "
    "GROUP BY code, carrier ON CONFLICT (batch_id, code, carrier) DO UPDATE SET n = report_tally.n + excluded.n), "
    "t1 AS (INSERT INTO report_tally (batch_id, code, carrier, n) SELECT bid, code, carrier, count(*) FROM w "
    "GROUP BY bid, code, carrier ON CONFLICT (batch_id, code, carrier) DO UPDATE SET n = report_tally.n + excluded.n), "
    "c AS (INSERT INTO report_counts (campaign_id, code, n) SELECT cid, code, count(*) FROM w GROUP BY cid, code "
    "ON CONFLICT (campaign_id, code) DO UPDATE SET n = report_counts.n + excluded.n) "
    "SELECT 1 FROM upd")


def mark_accepted(conn: sqlite3.Connection, batch_id: int, msg_id: str, *, resolved_by: str = "answer") -> None:
    """sending | unknown → accepted(msg_id); reports already stored under that msgId are attributed."""
    if getattr(conn, "dialect", None) == "postgresql" and hasattr(conn, "execute_at_commit"):
        # No round trip of its own on the team store: the state change, and the attribution of reports stored
        # under this msgId before the answer came, are one statement sent in the transaction's COMMIT pipeline
        # (before a claim that follows it); a batch no longer sending/unknown raises once the COMMIT returned.
        def check(rowcount: int) -> None:
            if rowcount != 1:
                raise _batch_state_error(conn, batch_id, B_ACCEPTED)
        conn.execute_at_commit(_PG_ACCEPTED, (B_ACCEPTED, msg_id, resolved_by, now_text(), batch_id, B_SENDING,
                                              B_UNKNOWN, msg_id), check)
        return
    if getattr(conn, "dialect", None) == "postgresql":
        # One round trip per answer on the team store: the state change says whether reports wait for it.
        row = conn.execute(
            "UPDATE batches SET state = ?, msg_id = ?, resolved_by = ?, answered_at = ?, error_code = NULL, "
            "error = '' WHERE id = ? AND state IN (?, ?) "
            "RETURNING EXISTS (SELECT 1 FROM reports WHERE msg_id = ? AND batch_id IS NULL)",
            (B_ACCEPTED, msg_id, resolved_by, now_text(), batch_id, B_SENDING, B_UNKNOWN, msg_id)).fetchone()
        if row is None:
            raise _batch_state_error(conn, batch_id, B_ACCEPTED)
        if row[0]:
            attribute_msg_id(conn, msg_id, None, batch_id)
        return
    if not _set_batch(conn, batch_id, (B_SENDING, B_UNKNOWN),
                      "state = ?, msg_id = ?, resolved_by = ?, answered_at = ?, error_code = NULL, error = ''",
                      (B_ACCEPTED, msg_id, resolved_by, now_text())):
        raise _batch_state_error(conn, batch_id, B_ACCEPTED)
    attribute_msg_id(conn, msg_id, None, batch_id)  # the campaign is looked up only if reports wait (rarely)


def mark_rejected(conn: sqlite3.Connection, batch_id: int, code: int, error: str) -> None:
    """sending → rejected(code): the gateway refused this request; nothing of it was sent."""
    if not _set_batch(conn, batch_id, (B_SENDING,), "state = ?, error_code = ?, error = ?, answered_at = ?",
                      (B_REJECTED, code, error, now_text())):
        raise _batch_state_error(conn, batch_id, B_REJECTED)


def mark_unsent(conn: sqlite3.Connection, batch_id: int, code: int | None, error: str) -> None:
    """sending → planned: the gateway certainly did not act on the request (busy, no connection,
    or an account-wide refusal); it may be sent again."""
    if not _set_batch(conn, batch_id, (B_SENDING,), "state = ?, error_code = ?, error = ?",
                      (B_PLANNED, code, error)):
        raise _batch_state_error(conn, batch_id, B_PLANNED)


def mark_unknown(conn: sqlite3.Connection, batch_id: int, error: str) -> str:
    """sending → unknown: the request may have been accepted. Never resent automatically.

    If a report for the batch already arrived (it recorded the msgId on the batch), the batch is
    accepted instead. Returns the state it ended in.
    """
    row = conn.execute("SELECT state, msg_id FROM batches WHERE id = ?", (batch_id,)).fetchone()
    if row is None or row[0] != B_SENDING:
        raise _batch_state_error(conn, batch_id, B_UNKNOWN)
    if row[1]:
        _set_batch(conn, batch_id, (B_SENDING,), "state = ?, resolved_by = 'report', answered_at = ?, error = ?",
                   (B_ACCEPTED, now_text(), error))
        return B_ACCEPTED
    _set_batch(conn, batch_id, (B_SENDING,), "state = ?, error = ?, answered_at = ?", (B_UNKNOWN, error, now_text()))
    return B_UNKNOWN


def recover_in_flight(conn: sqlite3.Connection, campaign_id: int) -> int:
    """Batches left in ``sending`` by a crash become ``unknown`` (or accepted, if reports came)."""
    ids = [r[0] for r in conn.execute("SELECT id FROM batches WHERE campaign_id = ? AND state = ?",
                                      (campaign_id, B_SENDING))]
    for bid in ids:
        mark_unknown(conn, bid, "程序在发送途中退出，网关可能已接收 (the program stopped mid-request)")
    return len(ids)


def set_state(conn: sqlite3.Connection, campaign_id: int, state: str, reason: str = "",
              notice: dict | None = None) -> None:
    """*reason*: why, in words (Chinese, the record's); *notice*: the same reason as JSON-ready data when it
    comes from a runner's Notice (``engine.notices.to_data``), else None (the words are all there is)."""
    now = now_text()
    finished = now if state in (DONE, CANCELLED) else None
    data = json.dumps(notice, ensure_ascii=False) if notice is not None else None
    conn.execute("UPDATE campaigns SET state = ?, stop_reason = ?, stop_notice = ?, updated_at = ?, "
                 "finished_at = COALESCE(?, finished_at) WHERE id = ?",
                 (state, reason, data, now, finished, campaign_id))


def begin_run(conn: sqlite3.Connection, campaign_id: int) -> tuple[Campaign, int]:
    """Make a campaign ready to send (again): recover in-flight batches, state → sending.

    Returns the campaign and how many batches were recovered as unknown. Only call while holding
    the campaign's run lock (see engine.runner), so no other runner is mid-request.
    """
    camp = require(conn, campaign_id)
    if camp.state not in RESUMABLE:
        raise StoreError("state", f"活动 {campaign_id} {STATE_ZH.get(camp.state, camp.state)}，不能继续发送。",
                         f"Campaign {campaign_id} is {camp.state}; it cannot be sent.")
    recovered = recover_in_flight(conn, campaign_id)
    conn.execute("UPDATE campaigns SET state = ?, stop_reason = '', stop_notice = NULL, updated_at = ?, "
                 "started_at = COALESCE(started_at, ?) WHERE id = ?", (SENDING, now_text(), now_text(), campaign_id))
    return require(conn, campaign_id), recovered


def progress(conn: sqlite3.Connection, campaign_id: int) -> tuple[int, int, int, int]:
    """(done_batches, total_batches, sent_numbers, total_numbers); "sent" is accepted + unknown."""
    done = total = sent = numbers = 0
    for state, n, size in conn.execute("SELECT state, count(*), sum(size) FROM batches WHERE campaign_id = ? "
                                       "GROUP BY state", (campaign_id,)):
        total += n
        numbers += size
        if state in (B_ACCEPTED, B_REJECTED, B_UNKNOWN):
            done += n
        if state in (B_ACCEPTED, B_UNKNOWN):
            sent += size
    return done, total, sent, numbers

