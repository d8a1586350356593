"""The campaign detail at 1,000,000 stored reports: from opening it to its figures and chart painted.

A data folder gets one plain campaign of N numbers (default 1,000,000; 1,000 batches, all accepted) and a
report for every number (90% DELIVRD, the rest spread over failure codes of every bucket, an opt-out
code among them), stored through the store's own pull path (``Store.save_reports``). Then, through the
real widgets (offscreen):

1. 发送记录: ``CampaignsView.refresh()`` until its rows are shown;
2. the detail: ``CampaignDetail(ctx, id)`` (its figures are read on a worker) until they are shown and
   the outcome chart has painted (``grab()``). Target: < 300 ms.

Each is measured R times (default 5); the median and the worst are printed.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_detail.py [--numbers 1000000] [--rounds 5] [--keep DIR]
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

CONTENT = "【联江科技】会员日全场八折，回T退订"
FAILURES = ("MK:0001", "EXPIRED", "BEYONDN", "REJECTD", "DELETED", "MX:0012", "UNKNOWN", "UNDELIV", "MK:0005")


def build(home: Path, numbers: int) -> int:
    """A campaign of *numbers* numbers, every batch accepted, a report for each number. Returns its id."""
    from ljsms_desktop.api.models import Report
    from ljsms_desktop.core.planning import plan_plain
    from ljsms_desktop.engine import create_campaign
    from ljsms_desktop.store import Store

    t0 = time.perf_counter()
    mobiles = [str(13000000000 + i * 7) for i in range(numbers)]
    with Store(home / "ljsms.sqlite3") as store:
        plan = plan_plain(CONTENT, mobiles)
        cid = create_campaign(store, plan, name="百万报告")
        store.begin_run(cid)
        batches = store.batches(cid)
        t1 = time.perf_counter()
        day = "2026-11-28 10:{0:02d}:{1:02d}"
        for b in batches:
            store.mark_sending(b.id)
            store.mark_accepted(b.id, f"M{b.id:08d}")
        store.set_campaign_state(cid, "done")
        n = 0
        for b in batches:
            items = []
            for m in store.batch_mobiles(b.id):
                code = "DELIVRD" if n % 10 else FAILURES[(n // 10) % len(FAILURES)]
                items.append(Report(f"M{b.id:08d}", m, code, day.format((n // 20000) % 60, n % 60), b.ext))
                n += 1
            store.save_reports(items)
        t2 = time.perf_counter()
    print(f"stored a campaign of {numbers:,} numbers in {t1 - t0:.1f} s and {n:,} reports in {t2 - t1:.1f} s")
    return cid


def measure(home: Path, cid: int, rounds: int) -> dict[str, list[float]]:
    from PySide6.QtWidgets import QApplication

    from ljsms_desktop.credentials import MemoryCredentials
    from ljsms_desktop.settings import Settings
    from ljsms_desktop.ui.campaign_detail import CampaignDetail
    from ljsms_desktop.ui.campaigns_view import CampaignsView
    from ljsms_desktop.ui.context import AppContext

    app = QApplication.instance() or QApplication([])
    ctx = AppContext(home, settings=Settings(), credentials=MemoryCredentials())

    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()

    def wait(cond, timeout=60.0) -> None:
        end = time.perf_counter() + timeout
        while not cond():
            QTimer.singleShot(1, loop.quit)
            loop.exec()
            if time.perf_counter() > end:
                raise TimeoutError

    out: dict[str, list[float]] = {"list": [], "first": [], "detail": [], "query": []}
    from ljsms_desktop.jobs.campaign import services_of
    from ljsms_desktop.usecases.results import campaign_detail

    services = services_of(ctx)
    for _ in range(rounds):   # the detail's figures alone, as its worker reads them (a fresh connection)
        t0 = time.perf_counter()
        campaign_detail(services, cid)
        out["query"].append((time.perf_counter() - t0) * 1000)
    view = CampaignsView(ctx)
    view.resize(1300, 700)
    view.show()
    for _ in range(rounds):
        before = view.loaded
        t0 = time.perf_counter()
        view.refresh()
        wait(lambda: view.loaded > before)
        view.grab()
        out["list"].append((time.perf_counter() - t0) * 1000)
    for _ in range(rounds):
        t0 = time.perf_counter()
        detail = CampaignDetail(ctx, cid)
        detail.show()
        wait(lambda: bool(detail.outcome_chart.segments()))
        detail.outcome_chart.grab()
        out["first"].append((time.perf_counter() - t0) * 1000)
        wait(lambda: detail.loaded >= 1)
        detail.outcome_chart.grab()
        out["detail"].append((time.perf_counter() - t0) * 1000)
        assert detail.outcome_chart.segments(), "the chart has slices"
        detail.close()
        wait(lambda: True)
    ctx.shutdown()
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--numbers", type=int, default=1_000_000)
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--keep", type=Path, help="build the data folder here (reused when it exists)")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = args.keep or Path(tmp)
        home.mkdir(parents=True, exist_ok=True)
        marker = home / "bench_detail.cid"
        if marker.exists():
            cid = int(marker.read_text())
        else:
            cid = build(home, args.numbers)
            marker.write_text(str(cid))
        out = measure(home, cid, args.rounds)
    for name, label, target in (("list", "发送记录 refresh to shown", None),
                                ("query", "  the detail's figures alone (usecases.results.campaign_detail)", None),
                                ("first", "campaign detail open to its header and a first chart painted", None),
                                ("detail", "campaign detail open to figures and chart painted", 300)):
        v = out[name]
        verdict = "" if target is None else ("  (target < {0} ms: {1})".format(
            target, "met" if statistics.median(v) < target else "NOT met"))
        print(f"{label}: median {statistics.median(v):.0f} ms, worst {max(v):.0f} ms{verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
