"""The usual report pull on PostgreSQL in one round trip (issue 12: ~11 round trips per 500-report pull had
held the team store to 80,000–118,000 rows/s).

``reports.save_reports`` on SQLite runs a handful of statements per pull; each is a function call there, but on
PostgreSQL each was a round trip to the server (look up the batch, SAVEPOINT, COPY, the per-campaign counts,
the per-batch tally, the opt-out suppression, two batch updates, the pull's row). For the usual pull — every
report of one batch of ours, none stored before — this module sends ``SAVEPOINT pull`` and *one* statement
in one pipeline (psycopg pipeline mode: one network round trip): the batch is found by its ``ext``, the
rows go in from arrays (``unnest``), and the counts, the tally, the suppression of opt-out codes, the batch's
msgId / unknown → accepted and the pull's row are computed in SQL from what the INSERT returned (data-
modifying CTEs). The ``RELEASE`` rides with the transaction's COMMIT (``pg.PgConnection``). A plain INSERT,
not ``ON CONFLICT DO NOTHING``: its speculative insertion cost ~15 % more per row.

When the statement did not store every report (one was stored before — a unique violation — or the ext names
no batch of ours), the savepoint is rolled back and the caller takes the general path,
which counts exactly; nothing of the attempt remains. Same results as the SQLite path, same transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

from psycopg import errors as pg_errors

from .models import B_ACCEPTED, B_UNKNOWN

_PULL_OF_BATCH = f"""
WITH b AS (SELECT id, campaign_id FROM batches WHERE ext = %(ext)s),
ins AS (
    INSERT INTO reports (msg_id, mobile, code, time, ext, batch_id, bucket, carrier)
    SELECT r.m, r.mo, r.c, r.t, NULL, b.id, r.bu, r.ca
    FROM b, unnest(string_to_array(%(m)s, %(sep)s), string_to_array(%(mo)s, %(sep)s),
                   string_to_array(%(c)s, %(sep)s), string_to_array(%(t)s, %(sep)s),
                   string_to_array(%(bu)s, ',')::int[], string_to_array(%(ca)s, ',')::int[])
            AS r(m, mo, c, t, bu, ca)
    RETURNING mobile, code, carrier),
tally AS (
    INSERT INTO report_tally (batch_id, code, carrier, n)
    SELECT b.id, ins.code, ins.carrier, count(*) FROM ins, b GROUP BY b.id, ins.code, ins.carrier
    ON CONFLICT (batch_id, code, carrier) DO UPDATE SET n = report_tally.n + excluded.n),
counts AS (
    INSERT INTO report_counts (campaign_id, code, n)
    SELECT b.campaign_id, ins.code, count(*) FROM ins, b GROUP BY b.campaign_id, ins.code
    ON CONFLICT (campaign_id, code) DO UPDATE SET n = report_counts.n + excluded.n),
sup AS (
    INSERT INTO suppression (mobile, reason, source, added_at, code)
    SELECT ins.mobile, o.reason, 'report', %(now)s, ins.code
    FROM ins JOIN unnest(%(oc)s::text[], %(orr)s::text[]) AS o(code, reason) ON o.code = ins.code
    ON CONFLICT (mobile) DO NOTHING
    RETURNING 1),
old AS (SELECT id, state FROM batches WHERE id = (SELECT id FROM b) AND (msg_id IS NULL OR state = '{B_UNKNOWN}')),
upd AS (
    UPDATE batches u SET msg_id = coalesce(u.msg_id, %(first)s),
        state = CASE WHEN old.state = '{B_UNKNOWN}' THEN '{B_ACCEPTED}' ELSE u.state END,
        resolved_by = CASE WHEN old.state = '{B_UNKNOWN}' THEN 'report' ELSE u.resolved_by END,
        answered_at = CASE WHEN old.state = '{B_UNKNOWN}' THEN %(now)s ELSE u.answered_at END
    FROM old WHERE u.id = old.id
    RETURNING old.state),
pull AS (
    INSERT INTO pulls (kind, at, items, new_items) SELECT 'reports', %(now)s, %(n)s, count(*) FROM ins)
SELECT (SELECT id FROM b), (SELECT count(*) FROM ins), (SELECT count(*) FROM sup),
       (SELECT count(*) FROM upd WHERE state = '{B_UNKNOWN}')
"""


_SEP = "\x1f"  # ASCII unit separator


def save_pull_of_batch(conn, ext: str, flat: tuple, buckets: Sequence[int], carriers: Sequence[int],
                       opt_reasons: dict[str, str], now: str) -> tuple[int, int, int] | None:
    """Store a pull whose reports all carry *ext* (call in a transaction on a ``pg.PgConnection``).

    *flat*: (msg_id, mobile, code, time) of every report, one flat tuple. Returns (new, resolved batches,
    opt-outs), or None — nothing stored — when *ext* is no batch of ours or a report was stored before."""
    n = len(flat) // 4
    # Each column goes as one text joined by a separator no report field holds (checked: else the general
    # path): psycopg's per-element quoting of a text[] parameter had cost as much as the round trips.
    columns = [_SEP.join(flat[k::4]) for k in range(4)]
    if sum(map(str.count, columns, [_SEP] * 4)) != 4 * (n - 1):
        return None
    params = {"ext": ext, "sep": _SEP, "m": columns[0], "mo": columns[1], "c": columns[2], "t": columns[3],
              "bu": ",".join(map(str, buckets)), "ca": ",".join(map(str, carriers)),
              "oc": list(opt_reasons), "orr": list(opt_reasons.values()), "now": now, "first": flat[0], "n": n}
    raw = conn.raw
    with conn._errors():
        if conn._pending and not conn._begin_pending:  # session settings not yet sent (none, normally)
            raw.execute("; ".join(conn._pending.values()))
            conn._pending.clear()
        try:
            with raw.pipeline():
                conn.pipeline_begin()  # a BEGIN not sent yet goes first, with the writers' lock
                raw.execute("SAVEPOINT pull", prepare=False)
                cur = raw.execute(_PULL_OF_BATCH, params)
                bid, new, opt_outs, resolved = cur.fetchone()
        except pg_errors.LockNotAvailable:
            conn._abandon()
            raise
        except pg_errors.UniqueViolation:  # a report stored before (or twice in the pull): count exactly
            bid = None
        if bid is None or new != n:
            raw.execute("ROLLBACK TO SAVEPOINT pull", prepare=False)
            return None
    conn.execute("RELEASE pull")  # sent with the COMMIT
    return new, resolved, opt_outs
