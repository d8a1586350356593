"""Campaign engine and store figures, each measured in one run.

1. A plain campaign of N numbers (default 200,000 = 100 requests of 2000) end to end through the
   engine (plan → store the campaign → send every batch with its state committed before and after
   the request) against a bare ``requests.Session`` loop posting the same 100 bodies to the same
   simulator (in its own process), interleaved. Target: engine <= 1.15x the bare loop.
2. Storing R delivery reports (default 1,000,000) in pulls of 500 (the simulator's pull size),
   one transaction each (durable against a killed process at once; fsynced once at the end, as the
   poller does once per poll), attributed to campaigns. Target: >= 200,000 rows/s.
3. Statistics of one campaign with those R reports stored. Target: < 100 ms.

    python benchmarks/bench_campaign.py [--quick] [--numbers 200000] [--reports 1000000] [--rounds 7]
                                        [--report-rounds 3] [--pull 500] [--only send|reports] [--pg [URL]]

``--pg``: the same parts on PostgreSQL (the team store): a throw-away server started here (tests/pg_helpers.py,
fsync on) or the server at URL (a role allowed to CREATE DATABASE); each SQLite file of a round is a database
of its own (a prepared one copied with CREATE DATABASE … TEMPLATE, as the file is copied).

The store commits with synchronous=FULL (an fsync per commit: a batch marked "sending" must
survive a power cut, or it would be sent twice), so part 1 pays one fsync per request (hidden
behind the other request in flight with the default window of 2); part 2 commits each pull without
an fsync and fsyncs once at the end (Store._pull_commit). The bare loops pay none of that. Both parts print the same-run floor they are compared with.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parent))
from _sim import bare_send_loop, simulator_process  # noqa: E402

from ljsms_desktop.api import LjClient  # noqa: E402
from ljsms_desktop.api.models import Report  # noqa: E402
from ljsms_desktop.core.planning import plan_plain  # noqa: E402
from ljsms_desktop.engine import create_campaign, run_campaign  # noqa: E402
from ljsms_desktop.engine.runner import WINDOW  # noqa: E402
from ljsms_desktop.store import Store  # noqa: E402

CONTENT = "【联江科技】会员日全场八折，详情见小程序，回T退订"
CODES = ("DELIVRD",) * 9 + ("UNDELIV", "MK:0001")


def numbers(n: int, offset: int) -> list[str]:
    return [f"13{(offset * n + i) % 10**9:09d}" for i in range(n)]


def bare_loop(url: str, batches: list[list[str]]) -> float:
    return bare_send_loop(url, CONTENT, batches, code="101", ext_prefix="ljbenchc1b")


class _PgDatabases:
    """--pg: a database per SQLite path of the benchmark, on one server."""

    def __init__(self, url: str | None):
        self.server = None
        if url is None:
            sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
            from pg_helpers import PgServer, why_unavailable
            if why_unavailable():
                raise SystemExit(f"--pg: {why_unavailable()}")
            self.server = PgServer(durable=True).start()
            url = self.server.url()
        self.base = url
        import psycopg
        self.admin = psycopg.connect(url, autocommit=True)
        self.names: dict[str, str] = {}

    def _name(self, path: Path) -> str:
        return f"bench_{path.stem}"

    def url(self, path: Path) -> str:
        name = self._name(path)
        if name not in self.names:
            self.admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
            self.admin.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
            self.names[name] = self.base.rsplit("/", 1)[0] + "/" + name
        return self.names[name]

    def copy(self, src: Path, dst: Path) -> None:
        name = self._name(dst)
        self.admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        self.admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self._name(src)}"')
        self.names[name] = self.base.rsplit("/", 1)[0] + "/" + name

    def drop(self, path: Path) -> None:
        name = self._name(path)
        self.admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.names.pop(name, None)

    def close(self) -> None:
        for name in list(self.names):
            self.admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.admin.close()
        if self.server is not None:
            self.server.stop()


PG: _PgDatabases | None = None


def open_store(db: Path) -> Store:
    return Store(db, url=PG.url(db)) if PG is not None else Store(db)


def copy_db(src: Path, dst: Path) -> None:
    PG.copy(src, dst) if PG is not None else shutil.copyfile(src, dst)


def drop_db(db: Path) -> None:
    PG.drop(db) if PG is not None else db.unlink()


def engine_run(url: str, db: Path, raw: list[str], window: int = WINDOW) -> tuple[float, float]:
    """(seconds end to end including planning, seconds for store + send only)."""
    client = LjClient(url, "bench", "bench", timeout=30)
    store = open_store(db)
    started = time.perf_counter()
    plan = plan_plain(CONTENT, raw, suppressed=store.suppressed_mobiles())
    planned = time.perf_counter()
    cid = create_campaign(store, plan)
    result = run_campaign(store, client, cid, window=window)
    elapsed = time.perf_counter() - started
    assert result.state == "done", result
    assert store.stats(cid).accepted == len(raw)
    store.close()
    client.close()
    return elapsed, elapsed - (planned - started)


def drain(url: str) -> None:
    """Empty the simulator's report queue and collect garbage (untimed), so no round pays for another."""
    with LjClient(url, "bench", "bench", timeout=30) as client:
        while client.reports():
            pass
    gc.collect()


def bench_send(n: int, rounds: int, tmp: Path) -> None:
    raw = numbers(n, 0)
    batches = [raw[i:i + 2000] for i in range(0, n, 2000)]
    times: dict[str, list[float]] = {"bare": [], "full": [], "engine": [], "serial": []}
    with simulator_process() as url:
        bare_loop(url, batches[:3])  # warm up both paths
        engine_run(url, tmp / "warm.sqlite3", raw[:6000])
        for r in range(rounds):  # interleaved; who goes first alternates
            db = tmp / f"send{r}.sqlite3"
            order = ["bare", "engine", "serial"] if r % 2 == 0 else ["serial", "engine", "bare"]
            for what in order:
                drain(url)
                if what == "bare":
                    times["bare"].append(bare_loop(url, batches))
                elif what == "engine":
                    full, noplan = engine_run(url, db, raw)
                    times["full"].append(full)
                    times["engine"].append(noplan)
                else:
                    times["serial"].append(engine_run(url, tmp / f"serial{r}.sqlite3", raw, window=1)[1])
    print(f"1. plain campaign, {n} numbers = {len(batches)} requests, {rounds} interleaved rounds "
          "(median; min in brackets — the machine is shared, min is the least disturbed run)")
    b, bmin = statistics.median(times["bare"]), min(times["bare"])
    print(f"   bare requests loop, same {len(batches)} bodies        : {b:.3f} s  [{bmin:.3f}]")
    for key, label, target in (("engine", f"engine: store campaign + send (window {WINDOW})  ", "  (target <= 1.15x)"),
                               ("serial", "engine: the same, strictly serial (window 1)", ""),
                               ("full", "engine: plan the raw numbers first, then send", "")):
        m, mn = statistics.median(times[key]), min(times[key])
        print(f"   {label}: {m:.3f} s  [{mn:.3f}]   ratio {m / b:.3f}x  [{mn / bmin:.3f}x]{target}")


def prepare_reports(db: Path, total: int) -> tuple[list[Report], list[int], int]:
    """A store with campaigns of 200,000 numbers, every batch accepted, and their reports (not stored)."""
    store = open_store(db)
    per_campaign = 200_000 if total >= 200_000 else max(total // 5, 1)
    reports: list[Report] = []
    campaign_ids = []
    msg = 152880000000000000
    done = 0
    c = 0
    while done < total:
        c += 1
        size = min(per_campaign, total - done)
        nums = numbers(size, c)
        cid = store.create_campaign(kind="plain", content=CONTENT, batches=[nums[i:i + 2000] for i in range(0, size, 2000)],
                                    batch_parts=[min(2000, size - i) for i in range(0, size, 2000)])
        campaign_ids.append(cid)
        store.begin_run(cid)
        for b in store.batches(cid):
            msg += 1
            store.mark_sending(b.id)
            store.mark_accepted(b.id, str(msg))
            for k, mobile in enumerate(store.batch_mobiles(b.id)):
                reports.append(Report(str(msg), mobile, CODES[(k * 7) % len(CODES)], "2026-01-01 10:00:00", b.ext))
        done += size
    store.close()  # the last connection to close checkpoints the WAL: one self-contained file to copy
    return reports, campaign_ids, per_campaign


def store_reports(db: Path, reports: list[Report], pull: int) -> float:
    """Seconds to store *reports* pull by pull as the poller does, then its closing fsync."""
    store = open_store(db)
    gc.collect()
    started = time.perf_counter()
    for i in range(0, len(reports), pull):
        store.save_reports(reports[i:i + pull])
    store.sync()  # the poller's closing fsync: everything stored is now power-cut safe
    elapsed = time.perf_counter() - started
    store.close()
    return elapsed


def bench_reports(total: int, tmp: Path, pull: int = 500, rounds: int = 3) -> None:
    prepared = tmp / "prepared.sqlite3"
    reports, campaign_ids, per_campaign = prepare_reports(prepared, total)
    rates: dict[str, list[float]] = {"store": [], "bare": []}
    last = tmp / "reports-last.sqlite3"
    for r in range(rounds):  # interleaved with the floor; who goes first alternates
        for what in (("store", "bare") if r % 2 == 0 else ("bare", "store")):
            if what == "store":
                db = tmp / f"reports{r}.sqlite3"
                copy_db(prepared, db)
                rates["store"].append(len(reports) / store_reports(db, reports, pull))
                if r < rounds - 1:
                    drop_db(db)
                else:
                    last = db
            else:
                if PG is not None:
                    rates["bare"].append(bare_pg(PG.url(tmp / f"floor{r}.sqlite3"), reports, pull))
                    drop_db(tmp / f"floor{r}.sqlite3")
                    continue
                rates["bare"].append(bare_sqlite(tmp / f"floor{r}.sqlite3", reports, pull))
                (tmp / f"floor{r}.sqlite3").unlink()
    rate, best = statistics.median(rates["store"]), max(rates["store"])
    floor, floor_best = statistics.median(rates["bare"]), max(rates["bare"])
    print(f"2. storing {len(reports)} reports in pulls of {pull} ({len(reports) // pull} transactions, one fsync at the end "
          f"as the poller does per poll), {len(campaign_ids)} campaigns, {rounds} interleaved rounds (median; best in brackets)")
    print(f"   Store.save_reports : {rate:,.0f} rows/s  [{best:,.0f}]   ratio {rate / 200_000:.2f}x  "
          f"[{best / 200_000:.2f}x] of the 200,000 rows/s target")
    bare = ("bare COPY per pull (synchronous_commit off, one durable commit at the end)" if PG is not None
            else "bare executemany")
    print(f"   {bare} of the same rows into a table with the same unique key, same pragmas: "
          f"{floor:,.0f} rows/s  [{floor_best:,.0f}]   (store / bare: {floor / rate:.2f}x the time)")
    store = open_store(last)
    times = []
    for _ in range(20):
        t = time.perf_counter()
        st = store.stats(campaign_ids[0])
        times.append((time.perf_counter() - t) * 1000)
    assert st.delivered + st.failed == min(per_campaign, total), st
    worst = max(times)
    print(f"3. statistics of one campaign ({st.recipients} numbers) with {len(reports)} reports stored: "
          f"median {statistics.median(times):.2f} ms, worst {worst:.2f} ms   ratio {worst / 100:.3f}x of the 100 ms limit")
    store.close()


def bare_pg(url: str, reports: list[Report], pull: int) -> float:
    """The floor on PostgreSQL: one COPY + commit per pull into a table with the store's key, commits as the
    store's pulls (synchronous_commit off, one durable commit at the end); no attribution or counting."""
    import psycopg

    conn = psycopg.connect(url, autocommit=True)
    conn.execute("CREATE TABLE r (msg_id TEXT NOT NULL, mobile TEXT NOT NULL, code TEXT NOT NULL, time TEXT NOT NULL, "
                 "ext TEXT, batch_id INTEGER, PRIMARY KEY (msg_id, mobile))")
    rows = [(r.msg_id, r.mobile, r.code, r.time, None, 1) for r in reports]
    started = time.perf_counter()
    for i in range(0, len(rows), pull):
        conn.execute("SET synchronous_commit = off; BEGIN")
        with conn.cursor().copy("COPY r (msg_id, mobile, code, time, ext, batch_id) FROM STDIN") as copy:
            for row in rows[i:i + pull]:
                copy.write_row(row)
        conn.execute("COMMIT")
    conn.execute("SET synchronous_commit = on; INSERT INTO r VALUES ('x', 'x', 'x', 'x', NULL, NULL)")
    elapsed = time.perf_counter() - started
    conn.close()
    return len(rows) / elapsed


def bare_sqlite(path: Path, reports: list[Report], pull: int) -> float:
    """The floor on this machine: plain executemany + commit per pull into a table with the store's key and
    commit policy (WAL, synchronous=NORMAL per pull, one fsynced commit at the end), no attribution or counting."""
    import sqlite3

    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = NORMAL", "cache_size = -65536", "wal_autocheckpoint = 16384"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("CREATE TABLE r (msg_id TEXT NOT NULL, mobile TEXT NOT NULL, code TEXT NOT NULL, time TEXT NOT NULL, "
                 "ext TEXT, batch_id INTEGER, PRIMARY KEY (msg_id, mobile)) WITHOUT ROWID")
    rows = [(r.msg_id, r.mobile, r.code, r.time, None, 1) for r in reports]
    started = time.perf_counter()
    for i in range(0, len(rows), pull):
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO r (msg_id, mobile, code, time, ext, batch_id) VALUES (?, ?, ?, ?, ?, ?)",
                         rows[i:i + pull])
        conn.execute("COMMIT")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO r VALUES ('x', 'x', 'x', 'x', NULL, NULL)")
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return len(rows) / elapsed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small sizes (20,000 numbers, 100,000 reports, 1 round)")
    ap.add_argument("--numbers", type=int, default=200_000)
    ap.add_argument("--reports", type=int, default=1_000_000)
    ap.add_argument("--rounds", type=int, default=7, help="rounds of part 1")
    ap.add_argument("--report-rounds", type=int, default=3, help="rounds of part 2")
    ap.add_argument("--pull", type=int, default=500, help="reports per pull (transaction) in part 2")
    ap.add_argument("--only", choices=("send", "reports"), help="run one part")
    ap.add_argument("--pg", nargs="?", const="", default=None, metavar="URL",
                    help="run on PostgreSQL: a throw-away server, or the server at URL")
    a = ap.parse_args(argv)
    global PG
    if a.pg is not None:
        PG = _PgDatabases(a.pg or None)
        print(f"PostgreSQL: {PG.base.split('@')[-1]}")
    if a.quick:
        a.numbers, a.reports, a.rounds, a.report_rounds = 20_000, 100_000, 1, 1
    with tempfile.TemporaryDirectory(prefix="ljsms-bench-") as tmp:
        if a.only != "reports":
            bench_send(a.numbers, a.rounds, Path(tmp))
        if a.only != "send":
            bench_reports(a.reports, Path(tmp), a.pull, a.report_rounds)
    if PG is not None:
        PG.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
