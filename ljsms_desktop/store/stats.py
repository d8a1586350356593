"""Per-campaign figures, counting numbers. A few indexed look-ups, whatever the number of reports:
report counts come from ``report_counts`` (kept by triggers), batch figures from ≤ a few hundred
batch rows, replies through the ``replies_campaign`` index."""

from __future__ import annotations

import sqlite3

from . import campaigns
from .models import (
    B_ACCEPTED, B_PLANNED, B_REJECTED, B_SENDING, B_UNKNOWN, DELIVERED, CampaignStats,
)


def campaign_stats(conn: sqlite3.Connection, campaign_id: int) -> CampaignStats:
    camp = campaigns.require(conn, campaign_id)
    numbers = dict.fromkeys((B_PLANNED, B_SENDING, B_ACCEPTED, B_REJECTED, B_UNKNOWN), 0)
    batch_states: dict[str, int] = {}
    for state, n, size in conn.execute("SELECT state, count(*), coalesce(sum(size), 0) FROM batches "
                                       "WHERE campaign_id = ? GROUP BY state", (campaign_id,)):
        numbers[state] = size
        batch_states[state] = n
    delivered = 0
    failed_by_code: dict[str, int] = {}
    for code, n in conn.execute("SELECT code, n FROM report_counts WHERE campaign_id = ? AND n > 0",
                                (campaign_id,)):
        if code == DELIVERED:
            delivered = n
        else:
            failed_by_code[code] = n
    failed = sum(failed_by_code.values())
    replies, opt_outs = conn.execute(
        "SELECT count(*), coalesce(sum(opt_out), 0) FROM replies WHERE campaign_id = ?", (campaign_id,)).fetchone()
    accepted = numbers[B_ACCEPTED]
    return CampaignStats(
        campaign=camp.id, name=camp.name, kind=camp.kind, state=camp.state, stop_reason=camp.stop_reason,
        code=camp.code, created_at=camp.created_at, created_by=camp.created_by, created_on=camp.created_on,
        stop_notice=camp.stop_notice,
        recipients=camp.recipients, invalid=camp.invalid,
        duplicates=camp.duplicates, suppressed=camp.suppressed, parts=camp.parts,
        batches=sum(batch_states.values()), planned=numbers[B_PLANNED], sending=numbers[B_SENDING],
        accepted=accepted, rejected=numbers[B_REJECTED], unknown=numbers[B_UNKNOWN],
        delivered=delivered, failed=failed, failed_by_code=failed_by_code,
        pending_report=max(accepted - delivered - failed, 0), replies=int(replies), opt_outs=int(opt_outs),
        delivery_rate=round(delivered / accepted, 4) if accepted else 0.0, batch_states=batch_states)
