"""The results views at 1,000,000 stored reports, through the real window (offscreen).

The store is built once (``tests/reports_helpers.py``: five campaigns of 200,000 numbers, reports stored pull
by pull through ``Store.save_reports``, as the poller stores them) and copied for each run. Measured, each as the
median of ``--rounds`` interleaved rounds (a fresh window per round):

1. opening the 状态报告 tab to painted rows: the tab is made current in a shown window that has not read any
   reports yet (its view's worker opens a connection, counts, fetches the first page), until the viewport has
   painted real rows;                                                               target < 200 ms
2. a status filter (全部 → 失败) until the new rows are painted;                   target < 200 ms
3. a number search (11 digits + Enter) until the one row is painted;             target < 100 ms
4. scrolling from the top to the last row: ``scrollToBottom`` until the last row is painted, and a drag of
   the scrollbar in 20 steps through the middle (each step painted, placeholders allowed) then the last row;
                                                                                 target < 1 s
5. the view's memory: RSS with the tab open and scrolled top to bottom and back, above the same window on
   an empty data folder;                                                         target < 100 MB
6. the GUI thread's longest stall (5 ms heartbeat, as bench_ui.py) while another process stores 100,000 new
   reports into the same data file in pulls of 500 (as ``ljsms pull`` / ``ljsms watch`` would) and the view
   follows them live;                                                            target < 50 ms
7. a campaign's detail with its chart: ``bench_campaign_detail`` — a double-click in 发送记录 on the campaign
   with the most reports until its outcome chart has painted with the figures;  target < 300 ms

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_views.py [--quick] [--reports 1000000] [--rounds 5]
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from bench_ui import HEARTBEAT_MS, Heartbeat, Sampler, _quiet_offscreen, wait_until  # noqa: E402
from PySide6.QtCore import QEvent, QObject, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import reports_helpers  # noqa: E402

TARGETS = {"open": 200.0, "filter": 200.0, "search": 100.0, "scroll": 1000.0, "drag": 1000.0, "memory": 100.0,
           "stall": 50.0, "detail": 300.0}


class Paints(QObject):
    """Watches a widget's (the viewport's) paint events: ``watch(condition)`` notes the time of the first
    paint at which *condition* holds, i.e. the first paint that drew what we wait for."""

    def __init__(self, widget):
        super().__init__()
        self.n = 0
        self.condition = None
        self.done_at: float | None = None
        widget.installEventFilter(self)

    def watch(self, condition) -> None:
        self.condition, self.done_at = condition, None

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.n += 1
            if self.condition is not None and self.done_at is None and self.condition():
                self.done_at = time.perf_counter()
        return False


def rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_window(home: Path):
    from ljsms_desktop.credentials import MemoryCredentials
    from ljsms_desktop.settings import Settings
    from ljsms_desktop.ui.context import AppContext
    from ljsms_desktop.ui.main_window import MainWindow

    ctx = AppContext(home, settings=Settings(account=""), credentials=MemoryCredentials())
    w = MainWindow(ctx)
    w.resize(1366, 740)
    w.tabs.setCurrentWidget(w.compose)
    w.show()
    QApplication.processEvents()
    return w


def painted_after(paints: Paints, condition, timeout: float, what: str) -> float:
    """Run the loop until the viewport has painted with *condition* holding; returns perf_counter then.
    Call ``paints.watch(condition)`` before starting what is measured."""
    wait_until(lambda: paints.done_at is not None, timeout, what + " (painted)")
    return paints.done_at


def close(w) -> None:
    w.close()
    w.deleteLater()
    QApplication.processEvents()


# -- one round --------------------------------------------------------------------------------------------
def round_views(home: Path, facts: dict) -> dict[str, float]:
    out: dict[str, float] = {}
    w = make_window(home)
    tab = w.reports
    view = tab.view
    paints = Paints(view.viewport())
    # 1. open the tab: its first refresh happens as it is shown (the window's start() is not called, so no
    # poller or other tab reads anything meanwhile)
    opened = tab.table.opened
    paints.watch(lambda: tab.table.opened > opened and tab.model.loaded_row(0) is not None)
    t0 = time.perf_counter()
    w.tabs.setCurrentWidget(tab)
    tab.refresh()
    t1 = painted_after(paints, lambda: tab.table.opened > opened and tab.model.loaded_row(0) is not None, 30, "open")
    out["open"] = (t1 - t0) * 1000
    assert tab.model.rowCount() == facts["total"], (tab.model.rowCount(), facts["total"])
    wait_until(lambda: tab.model.has_anchors(), 60, "anchors")
    # 2. a status filter
    failed = next(i for i in range(tab.status_filter.count()) if tab.status_filter.itemData(i) == "failed")
    opened = tab.table.opened
    paints.watch(lambda: tab.table.opened > opened and tab.model.loaded_row(0) is not None)
    t0 = time.perf_counter()
    tab.status_filter.setCurrentIndex(failed)
    t1 = painted_after(paints, lambda: tab.table.opened > opened and tab.model.loaded_row(0) is not None, 30,
                       "status filter")
    out["filter"] = (t1 - t0) * 1000
    assert tab.model.rowCount() == facts["total"] - facts["delivered"]
    tab.status_filter.setCurrentIndex(0)
    wait_until(lambda: tab.table.opened > opened + 1 and tab.model.loaded_row(0) is not None, 30, "back to all")
    wait_until(lambda: tab.model.has_anchors(), 60, "anchors")
    # 3. a number search
    wanted = facts["search"]
    opened = tab.table.opened
    tab.search.setText(wanted)
    paints.watch(lambda: tab.table.opened > opened and tab.model.loaded_row(0) is not None)
    t0 = time.perf_counter()
    QTest.keyClick(tab.search, Qt.Key.Key_Return)
    t1 = painted_after(paints, lambda: tab.table.opened > opened and tab.model.loaded_row(0) is not None, 30,
                       "number search")
    out["search"] = (t1 - t0) * 1000
    assert tab.model.rowCount() == 1 and tab.model.loaded_row(0).mobile == wanted
    opened = tab.table.opened
    tab.search.clear()
    QTest.keyClick(tab.search, Qt.Key.Key_Return)
    wait_until(lambda: tab.table.opened > opened and tab.model.loaded_row(0) is not None, 30, "search cleared")
    wait_until(lambda: tab.model.has_anchors(), 60, "anchors")
    # 4. scrolling: jump to the last row; then a drag in 20 steps
    last = tab.model.rowCount() - 1
    paints.watch(lambda: tab.model.loaded_row(last) is not None)
    t0 = time.perf_counter()
    view.scrollToBottom()
    t1 = painted_after(paints, lambda: tab.model.loaded_row(last) is not None, 30, "last row")
    out["scroll"] = (t1 - t0) * 1000
    bar = view.verticalScrollBar()
    bar.setValue(0)
    wait_until(lambda: tab.model.loaded_row(0) is not None, 30, "top")
    QApplication.processEvents()
    paints.watch(None)
    t0 = time.perf_counter()
    for step in range(1, 20):
        n = paints.n
        bar.setValue(bar.maximum() * step // 20)
        wait_until(lambda: paints.n > n, 10, "drag step painted")
    paints.watch(lambda: tab.model.loaded_row(last) is not None)
    bar.setValue(bar.maximum())
    t1 = painted_after(paints, lambda: tab.model.loaded_row(last) is not None, 30, "last row after drag")
    out["drag"] = (t1 - t0) * 1000
    # 5. memory with all that done (pages held: at most MAX_PAGES)
    bar.setValue(0)
    wait_until(lambda: tab.model.loaded_row(0) is not None, 30, "top again")
    out["rss"] = rss_mb()
    out["detail"] = bench_campaign_detail(w, facts)
    close(w)
    return out


def bench_campaign_detail(window, facts: dict) -> float:
    """A campaign's detail with its chart: what a double-click in 发送记录 does (``CampaignsView.open_row``) for
    the campaign with the most reports, until its outcome chart has painted with the figures; median of 3, ms."""
    tab = window.campaigns
    window.tabs.setCurrentWidget(tab)
    loaded = tab.loaded
    tab.refresh()
    wait_until(lambda: tab.loaded > loaded and tab.model.rowCount() > 0, 60, "发送记录")
    summary = len(tab.model.columns)   # each row tuple ends with its CampaignSummary
    row = max(range(tab.model.rowCount()),
              key=lambda r: tab.model.rows[r][summary].delivered + tab.model.rows[r][summary].failed)
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        dlg = tab.open_row(row)
        paints = Paints(dlg.outcome_chart)
        paints.watch(lambda: dlg.loaded >= 1 and bool(dlg.outcome_chart.segments()))
        t1 = painted_after(paints, lambda: dlg.loaded >= 1, 30, "campaign detail")
        times.append((t1 - t0) * 1000)
        dlg.close()
        QApplication.processEvents()
    return statistics.median(times)


def memory_child(home: Path, facts: dict) -> None:
    """(a fresh process) RSS of the shown window before the reports tab reads anything, then after it opened
    the full store, went to the last row and back, was filtered and searched; printed as two numbers."""
    import gc

    w = make_window(home)
    w.tabs.setCurrentWidget(w.reports)
    QApplication.processEvents()
    gc.collect()
    empty = rss_mb()
    tab = w.reports
    tab.refresh()
    wait_until(lambda: tab.table.opened > 0 and tab.model.loaded_row(0) is not None, 60, "open")
    wait_until(lambda: tab.model.has_anchors(), 60, "anchors")
    last = tab.model.rowCount() - 1
    bar = tab.view.verticalScrollBar()
    for step in range(1, 21):
        bar.setValue(bar.maximum() * step // 20)
        QApplication.processEvents()
    wait_until(lambda: tab.model.loaded_row(last) is not None, 60, "last row")
    for i in range(tab.status_filter.count()):
        opened = tab.table.opened
        tab.status_filter.setCurrentIndex(i)
        wait_until(lambda: tab.table.opened > opened or i == 0, 60, "filter")
    opened = tab.table.opened
    tab.status_filter.setCurrentIndex(0)
    wait_until(lambda: tab.table.opened > opened, 60, "all again")
    tab.search.setText(facts["search"])
    QTest.keyClick(tab.search, Qt.Key.Key_Return)
    wait_until(lambda: tab.model.rowCount() == 1, 60, "search")
    tab.search.clear()
    QTest.keyClick(tab.search, Qt.Key.Key_Return)
    wait_until(lambda: tab.model.rowCount() > 1, 60, "search cleared")
    bar.setValue(0)
    QApplication.processEvents()
    gc.collect()
    print(f"{empty:.1f} {rss_mb():.1f}")
    close(w)


# -- 100,000 reports arriving while the view is open -------------------------------------------------------
WRITER = r"""
import sys, time
sys.path.insert(0, sys.argv[3])
from ljsms_desktop.api.models import Report
from ljsms_desktop.store import Store
import reports_helpers
db, n = sys.argv[1], int(sys.argv[2])
with Store(db) as s:
    nums = [reports_helpers.number(90, i) for i in range(n)]
    cid = s.create_campaign(kind="plain", content=reports_helpers.CONTENT, name="新活动",
                            batches=[nums[i:i + 2000] for i in range(0, n, 2000)],
                            batch_parts=[min(2000, n - i) for i in range(0, n, 2000)])
    s.begin_run(cid)
    print("ready", flush=True)
    sys.stdin.readline()
    msg = 952880000000000000
    for b in s.batches(cid):
        msg += 1
        s.mark_sending(b.id)
        s.mark_accepted(b.id, str(msg))
        reports = [Report(str(msg), m, reports_helpers.code_of(90, k), f"2026-12-09 {b.seq // 60 % 24:02d}:{b.seq % 60:02d}:{k % 60:02d}", b.ext)
                   for k, m in enumerate(s.batch_mobiles(b.id))]
        for i in range(0, len(reports), 500):
            s.save_reports(reports[i:i + 500])
            time.sleep(0.002)
    s.sync()
print("done", flush=True)
"""


def bench_arrivals(home: Path, facts: dict, n: int, profile: bool = False,
                   baseline: bool = False) -> tuple[float, float, int, float]:
    """*baseline*: the same with the reports tab open but not following (its live refresh stopped): what the
    machine and the writer process alone cost the GUI thread."""
    w = make_window(home)
    tab = w.reports
    w.tabs.setCurrentWidget(tab)
    tab.refresh()
    wait_until(lambda: tab.table.opened > 0 and tab.model.loaded_row(0) is not None, 30, "open")
    wait_until(lambda: tab.model.has_anchors(), 60, "anchors")
    if baseline:
        tab.table.stamp_timer.stop()
    bar = tab.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)          # away from the top: the hint counts, the rows stay
    QApplication.processEvents()
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(home / "ljsms.sqlite3"), str(n),
                               str(HERE.parent / "tests")], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                              cwd=str(HERE.parent))
    assert writer.stdout.readline().strip() == "ready"
    beat = Heartbeat(HEARTBEAT_MS)
    if profile:
        beat.sampler = Sampler()
    refreshes = tab.table.opened
    beat.start()
    t0 = time.perf_counter()
    writer.stdin.write("go\n")
    writer.stdin.flush()
    wait_until(lambda: writer.poll() is not None, 300, "the writer")
    took = time.perf_counter() - t0
    total = facts["total"] + n
    if not baseline:
        wait_until(lambda: tab.model.rowCount() == total, 30, "every new report counted")
    stalls = beat.stop()
    refreshes = tab.table.opened - refreshes
    assert baseline or tab.table.newer == n, (tab.table.newer, n)
    close(w)
    return stalls.worst, stalls.p99, refreshes, took


# -- main ---------------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    from PySide6.QtCore import qInstallMessageHandler

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="100,000 reports, 10,000 arriving, 2 rounds")
    ap.add_argument("--reports", type=int, default=1_000_000)
    ap.add_argument("--arriving", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--store", type=Path, help="reuse (or build into) this folder's store")
    ap.add_argument("--profile", action="store_true", help="explain every GUI stall >= 20 ms (bench_ui's sampler)")
    ap.add_argument("--only", choices=("views", "memory", "arrivals"), help="run one part")
    ap.add_argument("--arrival-runs", type=int, default=3, help="runs of the arrivals part (each with a baseline)")
    ap.add_argument("--memory-child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--search", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.quick:
        a.reports, a.arriving, a.rounds = 100_000, 10_000, 2
    qInstallMessageHandler(_quiet_offscreen)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if a.memory_child:
        memory_child(a.memory_child, {"search": a.search})
        return 0
    print(f"{a.reports:,} reports, platform {app.platformName()}, {os.cpu_count()} cpus, "
          f"load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="ljsms-bench-views-") as tmp_name:
        tmp = Path(tmp_name)
        folder = a.store or tmp / "built"
        t = time.perf_counter()
        db, facts = reports_helpers.cached(folder, a.reports)
        print(f"(store with {facts['total']:,} reports ready in {time.perf_counter() - t:.1f} s: "
              f"{db.stat().st_size / 1e6:.0f} MB)")
        if a.only in (None, "views"):
            results: dict[str, list[float]] = {}
            for r in range(a.rounds):
                home = tmp / f"round{r}"
                reports_helpers.copy_into(db, home)
                got = round_views(home, facts)
                for k, v in got.items():
                    results.setdefault(k, []).append(v)
                print(f"   round {r + 1}: " + ", ".join(f"{k} {v:.0f}" for k, v in got.items() if k != "rss"))
                shutil.rmtree(home, ignore_errors=True)
            print(f"\nmedian [min–max] of {a.rounds} rounds:")
            for key, label in (("open", "open the 状态报告 tab to painted rows"), ("filter", "status filter 全部 → 失败"),
                               ("search", "number search (11 digits + Enter)"), ("scroll", "top → last row (jump)"),
                               ("drag", "top → last row (20-step drag)"),
                               ("detail", "campaign detail with chart")):
                vals = results[key]
                if all(v != v for v in vals):   # NaN: not measured
                    print(f"   {label:40s}  (not measured here)")
                    continue
                m = statistics.median(vals)
                ok = "ok" if m < TARGETS[key] else "MISSED"
                print(f"   {label:40s} {m:7.1f} ms [{min(vals):.1f}–{max(vals):.1f}]   target < {TARGETS[key]:.0f} ms  {ok}")
        if a.only in (None, "memory"):
            # In a fresh process: the empty window first, then the same window's reports tab at the full store
            # opened, scrolled to the last row and back, filtered and searched.
            home = tmp / "memory"
            reports_helpers.copy_into(db, home)
            out = subprocess.run([sys.executable, __file__, "--memory-child", str(home), "--search", facts["search"]],
                                 capture_output=True, text=True, cwd=str(HERE.parent))
            if out.returncode != 0:
                print(out.stderr[-3000:])
            empty, full = map(float, out.stdout.split()[-2:])
            mem = full - empty
            print(f"   {'view memory above the empty window':40s} {mem:7.1f} MB (RSS {full:.0f} vs {empty:.0f} MB)"
                  f"   target < 100 MB  {'ok' if mem < 100 else 'MISSED'}")
        if a.only in (None, "arrivals"):
            runs = []
            for r in range(a.arrival_runs):
                for baseline in (False, True):   # interleaved: the view following, and the machine alone
                    home = tmp / f"arrivals{r}{baseline}"
                    reports_helpers.copy_into(db, home)
                    runs.append((baseline, *bench_arrivals(home, facts, a.arriving, a.profile, baseline)))
                    shutil.rmtree(home, ignore_errors=True)
            for baseline in (False, True):
                mine = [x for x in runs if x[0] == baseline]
                worst = [x[1] for x in mine]
                what = ("without the view following (the machine and the writer alone)" if baseline
                        else "while the view follows them")
                print(f"   {a.arriving:,} reports stored by another process ({statistics.median(x[4] for x in mine):.1f} s) "
                      f"{what}: longest GUI stall min/median/max {min(worst):.1f} / {statistics.median(worst):.1f} / "
                      f"{max(worst):.1f} ms, p99 {statistics.median(x[2] for x in mine):.1f} ms"
                      + ("" if baseline else f", {statistics.median(x[3] for x in mine):.0f} live refreshes   "
                                             f"target < 50 ms  {'ok' if max(worst) < 50 else 'MISSED'}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
