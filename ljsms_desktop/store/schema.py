"""The store's tables, as forward migrations numbered by ``PRAGMA user_version``.

``MIGRATIONS[n]`` takes a file from version ``n`` to ``n + 1``; every step runs in one transaction
together with the ``user_version`` bump, so a file is always at exactly one version. Never edit a
step that has shipped: append a new one.

Design notes (decided here, relied on elsewhere):

* ``batches``: one row per gateway request. ``ext`` names the batch (``lj<install>c<campaign>b<seq>``)
  and travels with the request, so a delivery report proves the batch was accepted even when the
  answer was lost. States: planned → sending → accepted | rejected | unknown.
* ``recipients``: the numbers (and template values) of each batch, in request order; the batch's
  request is rebuilt from them, so a resumed campaign sends exactly what was planned.
* ``reports``: keyed by (msg_id, mobile) — one row per number per gateway request, which is what
  the figures count. The same report stored twice changes nothing; a later status for the same
  number and request (a carrier's interim failure followed by DELIVRD) replaces the earlier one
  when its time is later. ``report_counts`` is kept by triggers so per-campaign figures cost a
  handful of rows whatever the number of reports.
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
    """CREATE TABLE recipients (
        batch_id INTEGER NOT NULL REFERENCES batches(id) ON DELETE CASCADE,
        pos INTEGER NOT NULL,
        mobile TEXT NOT NULL,
        vals TEXT,
        PRIMARY KEY (batch_id, pos)
    ) WITHOUT ROWID""",
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
        ext TEXT NOT NULL DEFAULT '',
        campaign_id INTEGER,
        batch_id INTEGER,
        pull_id INTEGER,
        PRIMARY KEY (msg_id, mobile)
    ) WITHOUT ROWID""",
    """CREATE TABLE report_counts (
        campaign_id INTEGER NOT NULL,
        code TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (campaign_id, code)
    ) WITHOUT ROWID""",
    """CREATE TRIGGER reports_count_insert AFTER INSERT ON reports
        WHEN NEW.campaign_id IS NOT NULL
    BEGIN
        INSERT INTO report_counts (campaign_id, code, n) VALUES (NEW.campaign_id, NEW.code, 1)
            ON CONFLICT (campaign_id, code) DO UPDATE SET n = n + 1;
    END""",
    """CREATE TRIGGER reports_count_update AFTER UPDATE OF code, campaign_id ON reports
    BEGIN
        UPDATE report_counts SET n = n - 1
            WHERE OLD.campaign_id IS NOT NULL AND campaign_id = OLD.campaign_id AND code = OLD.code;
        INSERT INTO report_counts (campaign_id, code, n)
            SELECT NEW.campaign_id, NEW.code, 1 WHERE NEW.campaign_id IS NOT NULL
            ON CONFLICT (campaign_id, code) DO UPDATE SET n = n + 1;
    END""",
    """CREATE TRIGGER reports_count_delete AFTER DELETE ON reports
        WHEN OLD.campaign_id IS NOT NULL
    BEGIN
        UPDATE report_counts SET n = n - 1 WHERE campaign_id = OLD.campaign_id AND code = OLD.code;
    END""",
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

MIGRATIONS: tuple[tuple[str, ...], ...] = (V1,)
SCHEMA_VERSION = len(MIGRATIONS)
