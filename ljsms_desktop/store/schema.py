"""The store's tables, as forward migrations numbered by ``PRAGMA user_version``.

``MIGRATIONS[n]`` takes a file from version ``n`` to ``n + 1``; every step runs in one transaction
together with the ``user_version`` bump, so a file is always at exactly one version. Never edit a
step that has shipped: append a new one.

Design notes (decided here, relied on elsewhere):

* ``batches``: one row per gateway request. ``ext`` names the batch (``lj<install>c<campaign>b<seq>``)
  and travels with the request, so a delivery report proves the batch was accepted even when the
  answer was lost. States: planned → sending → accepted | rejected | unknown.
* ``batch_payloads``: each batch's numbers, comma-joined as in the request's ``mobile`` field
  (template: a JSON array ``[[mobile, [values…]], …]``), in request order — the source of truth
  a resumed campaign sends from, written once — except that numbers suppressed after planning are
  taken out in the transaction that marks the batch ``sending`` (campaigns.drop_suppressed). One row per 2000 numbers instead of one per number
  keeps storing a 200,000-number campaign at ~30 ms instead of ~200 ms.
  ``recipients`` is a VIEW giving one row per number (campaign, batch, pos, mobile, vals,
  batch_state, msg_id) for queries and exports.
* ``reports``: unique by (msg_id, mobile) — one row per number per gateway request, which is what
  the figures count (decided over msg_id+mobile+code+time: that key would count a number twice
  when its status changes). The same report stored twice changes nothing; a later status for the same
  number and request (a carrier's interim failure followed by DELIVRD) replaces the earlier one
  when its time is later. ``ext`` is NULL when it equals the ext of the batch the report was
  attributed to (rebuild it from ``batches.ext``), so the raw report is kept without repeating it;
  ``batch_id`` is NULL for reports of no batch of ours (kept, not dropped). Rows are kept narrow
  (no campaign or pull columns) and the table is WITHOUT ROWID, clustered on its key: one B-tree
  to update per report instead of a table and a unique index (measured ~1.5x faster inserts).
  msgIds grow with time, so the newest requests' reports come first with ``ORDER BY msg_id DESC``
  (the key's own order, no extra index).
  ``report_counts`` (campaign, status code → numbers) is kept up to date by store.reports in the
  same transaction, so per-campaign figures read a handful of rows whatever the number of
  reports. (Row triggers did the same at half the insert speed: measured 133k vs 242k rows/s.)
* ``replies``: keyed by (mobile, time, content, expand, msg_id): a reply handed out twice is stored once.
* ``meta``: small key/value facts (install id, extension-number counter, last pull time/error).
"""

from __future__ import annotations

V1 = (
    """CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE campaigns (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('plain', 'template')),
        name TEXT NOT NULL DEFAULT '',
        content TEXT NOT NULL,
        template_id TEXT NOT NULL DEFAULT '',
        code TEXT NOT NULL UNIQUE CHECK (code <> '' AND code NOT GLOB '*[^0-9]*' AND length(code) <= 8),
        state TEXT NOT NULL DEFAULT 'ready'
            CHECK (state IN ('ready', 'sending', 'paused', 'stopped', 'cancelled', 'done')),
        stop_reason TEXT NOT NULL DEFAULT '',
        recipients INTEGER NOT NULL DEFAULT 0,
        invalid INTEGER NOT NULL DEFAULT 0,
        duplicates INTEGER NOT NULL DEFAULT 0,
        suppressed INTEGER NOT NULL DEFAULT 0,
        parts INTEGER NOT NULL DEFAULT 0,
        batch_size INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT
    )""",
    """CREATE TABLE batches (
        id INTEGER PRIMARY KEY,
        campaign_id INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        ext TEXT NOT NULL UNIQUE CHECK (length(ext) <= 40),
        state TEXT NOT NULL DEFAULT 'planned'
            CHECK (state IN ('planned', 'sending', 'accepted', 'rejected', 'unknown')),
        size INTEGER NOT NULL,
        parts INTEGER NOT NULL,
        msg_id TEXT,
        error_code INTEGER,
        error TEXT NOT NULL DEFAULT '',
        resolved_by TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        sent_at TEXT,
        answered_at TEXT,
        UNIQUE (campaign_id, seq)
    )""",
    "CREATE INDEX batches_msg_id ON batches (msg_id) WHERE msg_id IS NOT NULL",
    # Written once, never updated: an UPDATE rewrites the whole row, and a 2000-number payload
    # in the batches row made every state change write ~26 KB.
    """CREATE TABLE batch_payloads (
        batch_id INTEGER PRIMARY KEY REFERENCES batches(id) ON DELETE CASCADE,
        payload TEXT NOT NULL
    )""",
    # Per-number view of the batches (the payload is the source of truth, see the module docstring).
    """CREATE VIEW recipients AS
        SELECT b.campaign_id AS campaign_id, b.id AS batch_id, j.key AS pos,
               CASE j.type WHEN 'array' THEN json_extract(j.value, '$[0]') ELSE j.value END AS mobile,
               CASE j.type WHEN 'array' THEN json_extract(j.value, '$[1]') END AS vals,
               b.state AS batch_state, b.msg_id AS msg_id
        FROM batches AS b JOIN batch_payloads AS p ON p.batch_id = b.id,
             json_each(CASE WHEN p.payload GLOB '[[]*' THEN p.payload
                            ELSE '["' || replace(p.payload, ',', '","') || '"]' END) AS j""",
    """CREATE TABLE pulls (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('reports', 'replies')),
        at TEXT NOT NULL,
        items INTEGER NOT NULL,
        new_items INTEGER NOT NULL
    )""",
    """CREATE TABLE reports (
        msg_id TEXT NOT NULL,
        mobile TEXT NOT NULL,
        code TEXT NOT NULL,
        time TEXT NOT NULL,
        ext TEXT,
        batch_id INTEGER,
        PRIMARY KEY (msg_id, mobile)
    ) WITHOUT ROWID""",
    """CREATE TABLE report_counts (
        campaign_id INTEGER NOT NULL,
        code TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (campaign_id, code)
    ) WITHOUT ROWID""",
    """CREATE TABLE replies (
        id INTEGER PRIMARY KEY,
        mobile TEXT NOT NULL,
        content TEXT NOT NULL,
        time TEXT NOT NULL,
        expand TEXT NOT NULL DEFAULT '',
        msg_id TEXT NOT NULL DEFAULT '',
        campaign_id INTEGER,
        opt_out INTEGER NOT NULL DEFAULT 0,
        pull_id INTEGER,
        UNIQUE (mobile, time, content, expand, msg_id)
    )""",
    "CREATE INDEX replies_campaign ON replies (campaign_id, opt_out)",
    """CREATE TABLE suppression (
        mobile TEXT PRIMARY KEY,
        reason TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL CHECK (source IN ('reply', 'manual')),
        added_at TEXT NOT NULL,
        reply_id INTEGER
    ) WITHOUT ROWID""",
    """CREATE TABLE templates (
        template_id TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        saved_at TEXT NOT NULL
    ) WITHOUT ROWID""",
)


def _backfill_classes(conn) -> None:
    """Bucket and carrier of every report stored before version 2, and the per-batch tally."""
    from .classify import bucket_id_of, carrier_id_of
    conn.create_function("lj_bucket", 1, bucket_id_of, deterministic=True)
    conn.create_function("lj_carrier", 1, carrier_id_of, deterministic=True)
    conn.execute("UPDATE reports SET bucket = lj_bucket(code), carrier = lj_carrier(mobile)")
    conn.execute("INSERT INTO report_tally (batch_id, code, carrier, n) "
                 "SELECT coalesce(batch_id, 0), code, carrier, count(*) FROM reports GROUP BY 1, 2, 3")


# Version 2 (issue 10, the results views):
# * reports.bucket / reports.carrier: small ints (core.delivery_codes.bucket_id, core.carriers.carrier_id)
#   set at store time, so breakdowns are GROUP BYs and filters need no code list.
# * No secondary index on reports for our own rows: measured on this machine (bench_campaign part 2), an
#   index on (time, msg_id, mobile, bucket, carrier) took storing 1,000,000 reports from 0.89x to 1.36x
#   the time of the bare-table floor (455k -> 215k rows/s in those runs; under the README's load that is
#   below the 200k target), and an index on the last digits cost ~8x (random keys dirty a page per report
#   in every pull's commit). Instead:
#   - ``report_tally`` (batch, status code, carrier → numbers; batch 0 = reports of no batch of ours), kept
#     by store.reports in the pull's transaction, answers counts of any campaign/status/bucket/carrier
#     filter and tells which batches hold rows of a bucket (a rare bucket's pages read only those batches);
#   - rows are read in the table's own key order (msgId = request, newest first; then number) — the
#     views' default "newest first" — and a campaign filter is its batches' msgIds (key ranges);
#   - a number search finds the batches whose payload holds the number (a substring scan of the compact
#     payloads, ~12 bytes a number) and then reads those rows by key; reports of no batch of ours (another
#     tool on the account: rare) have their own partial index by number.
# * replies.read (unread by default), indexes by time and number; suppression gains source 'report'
#   (an opt-out status code: ``code`` keeps it) and an index by date.
V2 = (
    "ALTER TABLE reports ADD COLUMN bucket INTEGER",
    "ALTER TABLE reports ADD COLUMN carrier INTEGER",
    """CREATE TABLE report_tally (
        batch_id INTEGER NOT NULL,
        code TEXT NOT NULL,
        carrier INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (batch_id, code, carrier)
    ) WITHOUT ROWID""",
    _backfill_classes,
    "CREATE INDEX reports_foreign ON reports (mobile) WHERE batch_id IS NULL",
    "ALTER TABLE replies ADD COLUMN read INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX replies_time ON replies (time)",
    "CREATE INDEX replies_mobile ON replies (mobile)",
    """CREATE TABLE suppression_v2 (
        mobile TEXT PRIMARY KEY,
        reason TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL CHECK (source IN ('reply', 'manual', 'report')),
        added_at TEXT NOT NULL,
        reply_id INTEGER,
        code TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID""",
    "INSERT INTO suppression_v2 (mobile, reason, source, added_at, reply_id) "
    "SELECT mobile, reason, source, added_at, reply_id FROM suppression",
    "DROP TABLE suppression",
    "ALTER TABLE suppression_v2 RENAME TO suppression",
    "CREATE INDEX suppression_added ON suppression (added_at)",
)

# Version 3 (issue 12, a team on one database): who created each campaign — the OS user and the machine — so
# a desktop of a team can list its own ("mine"); empty for campaigns created before.
V3 = (
    "ALTER TABLE campaigns ADD COLUMN created_by TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE campaigns ADD COLUMN created_on TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX campaigns_creator ON campaigns (created_by, created_on)",
)

# Version 4: why a campaign stopped, also as data — ``stop_notice``, the runner's reason as JSON
# (``{"code": …, "params": {…}}``, engine.notices.to_data) beside ``stop_reason``'s Chinese words, so the window
# words an old campaign's reason in its own language. NULL for campaigns stopped before, and for reasons that
# are words only (a user's own reason for cancelling, an error's text): those are shown as stored.
V4 = (
    "ALTER TABLE campaigns ADD COLUMN stop_notice TEXT",
)

MIGRATIONS: tuple[tuple, ...] = (V1, V2, V3, V4)
SCHEMA_VERSION = len(MIGRATIONS)
