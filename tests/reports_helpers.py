"""A store with many delivery reports and some replies, built through the store's own bulk path
(``Store.save_reports`` pull by pull, as the poller stores them), for the results views' tests and
``benchmarks/bench_views.py``.

Five campaigns of up to 200,000 numbers; every batch accepted; one report per number (most DELIVRD,
the rest spread over failure codes of every bucket); numbers across the carriers' prefixes; report times
one second apart per batch, later campaigns later. Number ``i`` of campaign ``c`` is
``number(c, i)`` (so a test knows which numbers exist).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ljsms_desktop.api.models import Reply, Report
from ljsms_desktop.store import Store

CONTENT = "【联江科技】会员日全场八折，详情见小程序，回T退订"
PREFIXES = ("138", "139", "186", "133", "199", "150", "177", "192")
CODES = ("DELIVRD",) * 12 + ("UNDELIV", "MK:0001", "MX:0012", "MK:0004", "DB:0141", "MI:0024", "ID:0013",
                               "MN:0001", "BLACK", "NOROUTE")
PULL = 500


def number(campaign: int, i: int) -> str:
    return f"{PREFIXES[i % len(PREFIXES)]}{campaign:02d}{i:06d}"


def code_of(campaign: int, i: int) -> str:
    return CODES[(i * 7 + campaign) % len(CODES)]


def build(db: Path, total: int, *, per_campaign: int | None = None, replies: int = 2000) -> dict:
    """Fill a new store at *db* with *total* reports (five campaigns, at most 200,000 numbers each); returns
    facts the tests check against (``search``: a number of the third campaign, with one report)."""
    per_campaign = per_campaign or min(200_000, max(total // 5, 1))
    facts = {"total": total, "campaigns": [], "delivered": 0,
             "search": number(3, min(123_456, per_campaign - 1))}
    with Store(db) as store:
        done, c, msg = 0, 0, 152880000000000000
        while done < total:
            c += 1
            size = min(per_campaign, total - done)
            nums = [number(c, i) for i in range(size)]
            cid = store.create_campaign(kind="plain", content=CONTENT, name=f"会员日活动 第{c}批",
                                        batches=[nums[i:i + 2000] for i in range(0, size, 2000)],
                                        batch_parts=[min(2000, size - i) for i in range(0, size, 2000)])
            facts["campaigns"].append((cid, f"会员日活动 第{c}批", size))
            store.begin_run(cid)
            for b in store.batches(cid):
                msg += 1
                store.mark_sending(b.id)
                store.mark_accepted(b.id, str(msg))
                base = b.seq * 2000
                minute = (c - 1) * 2000 + b.seq
                reports = [Report(str(msg), m, code_of(c, base + k),
                                  f"2026-11-{1 + minute // 1440:02d} {minute // 60 % 24:02d}:{minute % 60:02d}:{k % 60:02d}",
                                  b.ext)
                           for k, m in enumerate(store.batch_mobiles(b.id))]
                facts["delivered"] += sum(r.code == "DELIVRD" for r in reports)
                for i in range(0, len(reports), PULL):
                    store.save_reports(reports[i:i + PULL])
            done += size
        items = [Reply(number(1, i), "好的，收到" if i % 10 else "退订", f"2026-11-20 09:{i // 60 % 60:02d}:{i % 60:02d}",
                       "", "") for i in range(replies)]
        for i in range(0, len(items), PULL):
            store.save_replies(items[i:i + PULL], is_opt_out=lambda t: t == "退订")
        store.sync()
    return facts


def cached(folder: Path, total: int) -> tuple[Path, dict]:
    """Build once into *folder* (a session's tmp folder); later calls reuse it."""
    import json

    db = folder / "ljsms.sqlite3"
    meta = folder / "facts.json"
    if not meta.exists():
        folder.mkdir(parents=True, exist_ok=True)
        facts = build(db, total)
        meta.write_text(json.dumps(facts), encoding="utf-8")
    return db, json.loads(meta.read_text(encoding="utf-8"))


def copy_into(db: Path, home: Path) -> Path:
    """A copy of the built store as *home*'s data file (tests may write to it)."""
    home.mkdir(parents=True, exist_ok=True)
    target = home / "ljsms.sqlite3"
    shutil.copyfile(db, target)
    return target
