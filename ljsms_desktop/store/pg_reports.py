"""The usual report pull on PostgreSQL in one round trip (issue 12: ~11 round trips per 500-report pull had
held the team store to 80,000–118,000 rows/s).

``reports.save_reports`` on SQLite runs a handful of statements per pull; each is a function call there, but on
PostgreSQL each was a round trip to the server (look up the batch, SAVEPOINT, COPY, the per-campaign counts,
the per-batch tally, the opt-out suppression, two batch updates, the pull's row). For the usual pull — every
report of one batch of ours, none stored before — this module sends *one* statement, with what must precede it
in the same simple query (a BEGIN not sent yet, the writers' lock, ``SAVEPOINT pull``; ``pg.query_prepared``):
the batch is found by its ``ext``, the rows go in from arrays (``unnest``), and in the same statement
(data-modifying CTEs) the counts, the tally, the suppression of opt-out codes, the batch's msgId / unknown →
accepted and the pull's row. The statement is PREPAREd once per connection and EXECUTEd with its parameters
bound here (as fast as psycopg's own prepared statements, which a ROLLBACK would have DEALLOCATEd with ours:
``pg._raw_connect``). The ``RELEASE`` rides with the transaction's COMMIT (``pg.PgConnection``).

Where the time went, and what this layout does about it (measured per 500-report pull on this machine; the
store had been at 0.77 ms of client and 1.77 ms of server CPU, ~197,000 rows/s; then 0.64 and 1.38 ms, ~240,000):

* The INSERT is a plain one, not ``ON CONFLICT DO NOTHING`` (its speculative insertion cost ~15 % more per
  row): it stores every row or raises. So when the batch is found, all *n* rows went in, and the counts and
  the tally need not be read back from the inserted rows: they are counted here (``Counter`` over the pull,
  in C) and sent as a handful of rows, joined with the batch found (no batch: nothing is added). The INSERT
  has no ``RETURNING``: materialising 500 returned rows and aggregating them twice on the server was ~0.4 ms.
* Columns go as one text each, joined by a separator no report field holds (checked: else the general
  path): psycopg's per-element quoting of a text[] parameter had cost as much as the round trips. Bucket and
  carrier ids are single digits, so they go as one digit string each, split into characters on the server
  (``string_to_array(text, NULL)``) — no ``str()`` per row here. A pull of one msgId (one request, the usual
  pull) sends it once. The few rows of the tally, the counts and the opt-outs go as joined texts as well.
* psycopg's pipeline mode cost more client time per pull than the round trips it saved on a local server: each
  step is one simple query.

When the statement stored nothing (the ext names no batch of ours) or raised a unique violation (a report
stored before, or twice in the pull), the savepoint is rolled back and the caller takes the general path,
which counts exactly; nothing of the attempt remains. Same results as the SQLite path, same transaction.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from operator import attrgetter

from psycopg import errors as pg_errors

from . import classify
from .models import B_ACCEPTED, B_UNKNOWN

_PULL_OF_BATCH = f"""
WITH b AS (SELECT id, campaign_id FROM batches WHERE ext = %(ext)s),
ins AS (
    INSERT INTO reports (msg_id, mobile, code, time, ext, batch_id, bucket, carrier)
    SELECT coalesce(%(m1)s, r.m), r.mo, r.c, r.t, NULL, b.id, r.bu, r.ca
    FROM b, unnest(string_to_array(%(m)s, %(sep)s), string_to_array(%(mo)s, %(sep)s),
                   string_to_array(%(c)s, %(sep)s), string_to_array(%(t)s, %(sep)s),
                   string_to_array(%(bu)s, NULL)::int[], string_to_array(%(ca)s, NULL)::int[])
            AS r(m, mo, c, t, bu, ca)),
tally AS (
    INSERT INTO report_tally (batch_id, code, carrier, n)
    SELECT b.id, t.code, t.carrier, t.n
    FROM b, unnest(string_to_array(%(tc)s, %(sep)s), string_to_array(%(tca)s, NULL)::int[],
                   string_to_array(%(tn)s, ',')::int[]) AS t(code, carrier, n)
    ON CONFLICT (batch_id, code, carrier) DO UPDATE SET n = report_tally.n + excluded.n),
counts AS (
    INSERT INTO report_counts (campaign_id, code, n)
    SELECT b.campaign_id, t.code, t.n
    FROM b, unnest(string_to_array(%(cc)s, %(sep)s), string_to_array(%(cn)s, ',')::int[]) AS t(code, n)
    ON CONFLICT (campaign_id, code) DO UPDATE SET n = report_counts.n + excluded.n),
sup AS (
    INSERT INTO suppression (mobile, reason, source, added_at, code)
    SELECT o.mobile, o.reason, 'report', %(now)s, o.code
    FROM b, unnest(string_to_array(%(om)s, %(sep)s), string_to_array(%(orr)s, %(sep)s),
                   string_to_array(%(oc)s, %(sep)s)) AS o(mobile, reason, code)
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
    INSERT INTO pulls (kind, at, items, new_items) SELECT 'reports', %(now)s, %(n)s::int, %(n)s::int FROM b)
SELECT (SELECT id FROM b), (SELECT count(*) FROM sup), (SELECT count(*) FROM upd WHERE state = '{B_UNKNOWN}')
"""
# Sent as ``EXECUTE`` of a statement PREPAREd once per connection, its parameters bound here (pg.query_prepared):
# %s placeholders in order, each parameter named once per use.
_ORDER = tuple(re.findall(r"%\((\w+)\)s", _PULL_OF_BATCH))
_PULL_OF_BATCH = re.sub(r"%\((\w+)\)s", "%s", _PULL_OF_BATCH)

_SEP = "\x1f"  # ASCII unit separator
_FIELDS = tuple(map(attrgetter, ("msg_id", "mobile", "code", "time")))


def save_pull_of_batch(conn, reports: Sequence, ext: str, now: str) -> tuple[int, int, int] | None:
    """Store a pull whose reports all carry *ext* (call in a transaction on a ``pg.PgConnection``).

    Returns (new, resolved batches, opt-outs), or None — nothing stored — when *ext* is no batch of ours or a
    report was stored before (or repeats in the pull): the caller then takes the general path."""
    n = len(reports)
    msg_ids, mobiles, codes, times = (list(map(f, reports)) for f in _FIELDS)
    bucket_of = classify.bucket_ids(codes)
    buckets, carriers = classify.bucket_digits(codes, bucket_of), classify.carrier_digits(mobiles)
    if buckets is None or carriers is None:  # an id of two digits (none today)
        return None
    one_msg = msg_ids[0] if msg_ids.count(msg_ids[0]) == n else None
    columns = ("" if one_msg else _SEP.join(msg_ids), _SEP.join(mobiles), _SEP.join(codes), _SEP.join(times))
    if sum(map(str.count, columns, [_SEP] * 4)) != (0 if one_msg else n - 1) + 3 * (n - 1):
        return None  # a field holding the separator
    tally = Counter(zip(codes, carriers))  # (code, carrier digit): n
    count = Counter(codes)
    opt = {c: classify.opt_out_reason(c) for c in classify.opt_out_codes(bucket_of)}
    opted = [(m, opt[c], c) for m, c in zip(mobiles, codes) if c in opt] if opt else []
    if any(_SEP in r for r in opt.values()):
        return None
    # The few rows of the tally, the counts and the opt-outs go as texts too: psycopg's adaptation of a list
    # parameter (even of 3 items) had cost ~15 % of this function's time.
    params = {"ext": ext, "sep": _SEP, "m1": one_msg, "m": columns[0], "mo": columns[1], "c": columns[2],
              "t": columns[3], "bu": buckets, "ca": carriers,
              "tc": _SEP.join([k[0] for k in tally]), "tca": "".join([k[1] for k in tally]),
              "tn": ",".join(map(str, tally.values())),
              "cc": _SEP.join(count), "cn": ",".join(map(str, count.values())),
              "om": _SEP.join([o[0] for o in opted]), "orr": _SEP.join([o[1] for o in opted]),
              "oc": _SEP.join([o[2] for o in opted]), "now": now, "first": msg_ids[0], "n": n}
    raw = conn.raw
    with conn._errors():
        try:  # with a BEGIN not sent yet (and the writers' lock) and the savepoint, in one round trip
            bid, opt_outs, resolved = conn.query_prepared(_PULL_OF_BATCH, [params[k] for k in _ORDER],
                                                          savepoint="pull").fetchone()
        except pg_errors.LockNotAvailable:
            conn._abandon()
            raise
        except pg_errors.UniqueViolation:  # a report stored before (or twice in the pull): count exactly
            bid = None
        if bid is None:
            raw.execute("ROLLBACK TO SAVEPOINT pull")
            return None
    conn.execute("RELEASE pull")  # sent with the COMMIT
    return n, resolved, opt_outs
