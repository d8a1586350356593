"""The window's responsiveness and start-up, measured through the real widgets (offscreen).

1. The GUI thread's longest stall while
   a. a 100,000-row workbook (手机号 + 2 variables, written with xlsxwriter) is imported through
      the 模板群发 tab (inspect, import, plan — what the 导入表格 button does after its file dialog);
   b. a 200,000-number plain campaign goes out through the 发送短信 tab: the numbers are loaded
      from a workbook (从文件导入, the realistic path for that many numbers), then 发送… is
      clicked and 确认发送 in the real confirmation dialog, and the campaign runs to the end
      against the gateway simulator in its own process (so it does not share our GIL; reports
      held back so it is only sending).
   A heartbeat QTimer (5 ms, precise) ticks on the GUI thread; a stall is a gap between two ticks
   minus the interval. Reported: the longest stall and the 99th percentile. Target: < 50 ms.
2. Start-up to a shown window: ``create_window`` + ``show`` until the first paint has been processed
   (``start`` after it, as ``ljsms-desktop`` does), as a ratio to a bare ``QMainWindow`` shown the same
   way in the same run (alternating, several repetitions, median). The first, cold window (module
   imports included) is reported separately.
3. Whole-process start-up: ``ljsms-desktop --exit-after-paint`` (a data folder with one campaign) against
   a bare PySide6 process that shows a QMainWindow, from spawn to the first painted window, and the
   peak memory of each (medians of interleaved rounds). Targets: <= 2.0x time, <= 1.6x peak memory.
   ``--bundle dist/ljsms-desktop`` measures the bundle's executable instead; ``--skip import --skip
   send --skip startup`` leaves only this.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_ui.py [--quick] [--rows 100000] [--numbers 200000]
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from types import SimpleNamespace  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _sim import simulator_process  # noqa: E402

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer, qInstallMessageHandler  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

TARGET_MS = 50.0
HEARTBEAT_MS = 5
CONTENT = "【联江科技】会员日全场八折，详情见小程序，回T退订"
TEMPLATE_ID = "1001"
TEMPLATE = "【联江演示】尊敬的{}，您的订单{}已发货，请注意查收。回T退订"


def _quiet_offscreen(mode, context, message) -> None:
    """The offscreen platform warns on every top-level show that it cannot propagate size hints."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


# -- measuring ----------------------------------------------------------------------------------------
class Heartbeat:
    """A precise QTimer on the GUI thread; every gap between two ticks is recorded (and when it ended)."""

    def __init__(self, interval_ms: int = HEARTBEAT_MS):
        self.interval = interval_ms / 1000
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._beat)
        self.gaps: list[float] = []
        self.ends: list[float] = []
        self._last = 0.0
        self.sampler: Sampler | None = None

    def _beat(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self.ends.append(now)
        self._last = now

    def start(self) -> None:
        self.gaps, self.ends = [], []
        if self.sampler is not None:
            self.sampler.start()
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> Stalls:
        self.timer.stop()
        self._beat()  # the time since the last tick counts too
        if self.sampler is not None:
            self.sampler.stop()
            self.sampler.explain(self.gaps, self.ends, self.interval)
        return Stalls([max(0.0, g - self.interval) * 1000 for g in self.gaps])


class Sampler:
    """``--profile``: where do the stalls come from? A thread wakes every 2 ms and notes every
    thread's innermost frames. When it wakes late, some thread held the GIL that long (a long C
    call: the thread whose frame it finds there is the culprit); when it wakes on time but the
    heartbeat is late, the GUI thread itself was busy (its frames say with what)."""

    def __init__(self, threshold_ms: float = 20.0):
        self.threshold = threshold_ms / 1000
        self.samples: list[tuple[float, float, dict[int, str]]] = []   # (time, wake latency, frames)
        self._stop = None
        self._thread = None

    @staticmethod
    def _where(frame, depth: int = 3) -> str:
        out = []
        while frame is not None and len(out) < depth:
            code = frame.f_code
            out.append(f"{Path(code.co_filename).name}:{frame.f_lineno} {code.co_name}")
            frame = frame.f_back
        return " < ".join(out)

    def start(self) -> None:
        import threading

        self.samples = []
        self._stop = threading.Event()
        me = []

        def run() -> None:
            me.append(threading.get_ident())
            step = 0.002
            last = time.perf_counter()
            while not self._stop.is_set():
                time.sleep(step)
                now = time.perf_counter()
                frames = {tid: self._where(f) for tid, f in sys._current_frames().items() if tid != me[0]}
                self.samples.append((now, now - last - step, frames))
                last = now

        self._thread = threading.Thread(target=run, name="stall-sampler", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def explain(self, gaps: list[float], ends: list[float], interval: float) -> None:
        import threading

        main = threading.main_thread().ident
        for gap, end in zip(gaps, ends):
            if gap - interval < self.threshold:
                continue
            begin = end - gap
            inside = [s for s in self.samples if begin <= s[0] <= end + 0.002]
            print(f"      - stall {(gap - interval) * 1000:5.1f} ms at +{begin - ends[0] + gaps[0]:.2f} s")
            late = max(inside, key=lambda s: s[1], default=None)
            if late is not None and late[1] >= self.threshold / 2:
                print(f"        sampler woke {late[1] * 1000:.0f} ms late (a thread held the GIL); threads then:")
                for tid, where in late[2].items():
                    print(f"          {'GUI   ' if tid == main else 'worker'} {where}")
            gui = {}
            for s in inside:
                w = s[2].get(main, "?")
                gui[w] = gui.get(w, 0) + 1
            for w, n in sorted(gui.items(), key=lambda x: -x[1])[:3]:
                print(f"        GUI thread in {n:3d} samples: {w}")


class Stalls:
    def __init__(self, ms: list[float]):
        self.ms = sorted(ms)

    @property
    def worst(self) -> float:
        return self.ms[-1] if self.ms else 0.0

    @property
    def p99(self) -> float:
        return self.ms[min(len(self.ms) - 1, int(len(self.ms) * 0.99))] if self.ms else 0.0

    def over(self, limit: float) -> int:
        return sum(1 for m in self.ms if m >= limit)

    def line(self) -> str:
        ok = "ok" if self.worst < TARGET_MS else "MISSED"
        return (f"longest stall {self.worst:6.1f} ms, p99 {self.p99:5.1f} ms, {len(self.ms):,} ticks, "
                f"{self.over(TARGET_MS)} stalls >= {TARGET_MS:.0f} ms  "
                f"[{ok}; ratio {self.worst / TARGET_MS:.2f}x of target]")


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Run the event loop (the heartbeat keeps ticking) until *condition* holds."""
    if condition():
        return
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(10)
    poll.timeout.connect(lambda: condition() and loop.quit())
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    poll.start()
    deadline.start(int(timeout * 1000))
    loop.exec()
    poll.stop()
    deadline.stop()
    if not condition():
        raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")


# -- test data ----------------------------------------------------------------------------------------
def write_template_book(path: Path, rows: int) -> Path:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("客户")
    ws.write_row(0, 0, ["手机号", "姓名", "订单号"])
    for i in range(rows):
        ws.write_row(i + 1, 0, [13000000000 + i, f"客户{i}", f"DD{i:08d}"])
    wb.close()
    return path


def write_numbers_book(path: Path, n: int) -> Path:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    ws = wb.add_worksheet("号码")
    ws.write(0, 0, "手机号")
    for i in range(n):
        ws.write_number(i + 1, 0, 15000000000 + i)
    wb.close()
    return path


# -- the window ---------------------------------------------------------------------------------------
def bench_env(home: Path, url: str):
    """What ``create_window(demo_env=...)`` takes: a data folder, settings, an in-memory password."""
    from ljsms_desktop.credentials import MemoryCredentials
    from ljsms_desktop.settings import Settings

    creds = MemoryCredentials()
    creds.set_password("bench", "bench")
    # Quiet hours off: the confirmation must not depend on the time of day the benchmark runs.
    settings = Settings(base_url=url, account="bench", poll_interval=30, quiet_start="00:00", quiet_end="00:00",
                        test_numbers=["13800138000"])
    return SimpleNamespace(home=home, settings=settings, credentials=creds)


def open_window(home: Path, url: str):
    from ljsms_desktop.store import Store
    from ljsms_desktop.ui.app import create_window

    home.mkdir(parents=True, exist_ok=True)
    Store(home / "ljsms.sqlite3").close()
    w = create_window(demo_env=bench_env(home, url))
    w.show()
    w.start()
    wait_until(lambda: w.ctx.last_balance is not None, 30, "the first balance")
    return w


PROFILE = False


def heartbeat() -> Heartbeat:
    beat = Heartbeat()
    if PROFILE:
        beat.sampler = Sampler()
    return beat


def import_through_template_tab(w, book: Path, rows: int) -> Stalls:
    tab = w.template
    w.tabs.setCurrentWidget(tab)
    tab.template_id_edit.setText(TEMPLATE_ID)
    tab.template_text_edit.setPlainText(TEMPLATE)
    QApplication.processEvents()
    beat = heartbeat()
    beat.start()
    started = time.perf_counter()
    tab.load_file(book)  # what 导入表格… does once its file dialog returns
    wait_until(lambda: tab.plan is not None and not tab._importing and not tab._planning
               and not tab._import_timer.isActive() and not tab._plan_timer.isActive(), 600, "the import")
    took = time.perf_counter() - started
    stalls = beat.stop()
    assert len(tab.plan.recipients) == rows, (len(tab.plan.recipients), tab.import_summary.text())
    assert tab.send_button.isEnabled(), tab.send_button.toolTip()
    print(f"      import + plan took {took:.1f} s; preview shows {tab.preview_table.rowCount()} rows")
    return stalls


def send_through_compose_tab(w, book: Path, n: int) -> tuple[Stalls, Stalls]:
    tab = w.compose
    w.tabs.setCurrentWidget(tab)
    tab.content_edit.setPlainText(CONTENT)
    QApplication.processEvents()

    beat = heartbeat()
    beat.start()
    started = time.perf_counter()
    tab.import_numbers_file(book)  # what 从文件导入… does once its file dialog returns
    wait_until(lambda: tab.send_button.isEnabled(), 600, "the numbers to load")
    loaded = time.perf_counter() - started
    load_stalls = beat.stop()
    assert tab.plan is not None and len(tab.plan.recipients) == n, tab.numbers_summary.text()

    beat.start()
    started = time.perf_counter()
    t = time.perf_counter()
    QTest.mouseClick(tab.send_button, Qt.MouseButton.LeftButton)   # builds and opens the confirmation
    click_send = time.perf_counter() - t
    wait_until(lambda: tab.confirm_dialog is not None and tab.confirm_dialog.isVisible()
               and tab.confirm_dialog.ok_button.isEnabled() and "刷新" not in tab.confirm_dialog.balance_label.text(),
               60, "the confirmation dialog")
    t = time.perf_counter()
    QTest.mouseClick(tab.confirm_dialog.ok_button, Qt.MouseButton.LeftButton)   # starts the campaign task
    click_ok = time.perf_counter() - t
    wait_until(lambda: not tab.runner.busy and "已发送" in tab.result_label.text(), 1800, "the campaign to finish")
    sent = time.perf_counter() - started
    send_stalls = beat.stop()
    print(f"      loading {n:,} numbers from a workbook took {loaded:.1f} s; sending them {sent:.1f} s "
          f"({tab.result_label.text()})")
    print(f"      (the clicks themselves, on the GUI thread: 发送… {click_send * 1000:.1f} ms, "
          f"确认发送 {click_ok * 1000:.1f} ms)")
    return load_stalls, send_stalls


# -- start-up -----------------------------------------------------------------------------------------
class _PaintSeen(QObject):
    def __init__(self):
        super().__init__()
        self.seen = False

    def eventFilter(self, obj, event):  # noqa: N802 - Qt name
        if event.type() == QEvent.Type.Paint:
            self.seen = True
        return False


def shown(make: Callable[[], QMainWindow]) -> tuple[float, QMainWindow]:
    """Seconds from nothing to a window whose first paint has been processed."""
    started = time.perf_counter()
    w = make()
    spy = _PaintSeen()
    w.installEventFilter(spy)
    w.show()
    deadline = started + 30
    while not spy.seen and time.perf_counter() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    took = time.perf_counter() - started
    w.removeEventFilter(spy)
    assert spy.seen, "no paint event"
    start = getattr(w, "start", None)
    if start is not None:   # as ljsms-desktop does: after the first paint (not timed)
        start()
    return took, w


def bench_startup(url: str, tmp: Path, reps: int) -> None:
    def bare() -> QMainWindow:
        w = QMainWindow()
        w.setWindowTitle("bare")
        w.resize(1100, 720)
        return w

    home = tmp / "startup"
    home.mkdir()
    env = bench_env(home, url)

    def app_window() -> QMainWindow:
        from ljsms_desktop.ui.app import create_window  # the first call pays for the imports

        return create_window(demo_env=env)

    def close(w) -> None:
        w.close()
        w.deleteLater()
        QApplication.processEvents()

    t_bare_cold, w = shown(bare)
    close(w)
    t_cold, w = shown(app_window)
    close(w)
    bare_times, app_times = [], []
    for r in range(reps):
        order = (("bare", bare), ("app", app_window)) if r % 2 == 0 else (("app", app_window), ("bare", bare))
        for name, make in order:
            t, w = shown(make)
            (bare_times if name == "bare" else app_times).append(t)
            close(w)
    b, a = statistics.median(bare_times), statistics.median(app_times)
    print(f"2. start-up to a shown, painted window ({reps} alternating repetitions, median [min])")
    print(f"   bare QMainWindow          : {b * 1000:7.1f} ms  [{min(bare_times) * 1000:.1f}]  "
          f"(first, cold: {t_bare_cold * 1000:.1f} ms)")
    print(f"   create_window + show      : {a * 1000:7.1f} ms  [{min(app_times) * 1000:.1f}]  (first, cold, "
          f"module imports included: {t_cold * 1000:.1f} ms)")
    print(f"   ratio app / bare          : {a / b:7.1f}x  [{min(app_times) / min(bare_times):.1f}x]")


# -- whole-process start-up -----------------------------------------------------------------------------
BARE_PROCESS = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow()
w.setWindowTitle("bare")
w.resize(1100, 720)
class Seen(QObject):
    done = False
    def eventFilter(self, obj, event):
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, lambda: (print("painted", flush=True), app.quit()))
        return False
seen = Seen()
w.installEventFilter(seen)
w.show()
app.exec()
"""
TARGET_TIME_RATIO = 2.0
TARGET_MEMORY_RATIO = 1.6


def _one_process(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from spawning *cmd* to its "painted" line, and its peak memory (MB, ru_maxrss)."""
    import subprocess

    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                            env=env, text=True)
    took = float("nan")
    for line in proc.stdout:
        if line.startswith("painted"):
            took = time.perf_counter() - started
            break
    proc.stdout.read()
    proc.stdout.close()
    if hasattr(os, "wait4"):
        _pid, status, usage = os.wait4(proc.pid, 0)
        peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    else:  # Windows: no rusage of a child here
        proc.wait()
        peak = float("nan")
    if took != took:
        raise RuntimeError(f"{cmd[0]} never printed 'painted'")
    return took, peak


def one_campaign_home(home: Path) -> Path:
    """A data folder as a user's would be on the second start: settings with an account, one campaign."""
    from ljsms_desktop.core.planning import plan_plain
    from ljsms_desktop.engine.campaigns import create_campaign
    from ljsms_desktop.settings import Settings
    from ljsms_desktop.store import Store

    home.mkdir(parents=True, exist_ok=True)
    Settings(account="demo", base_url="http://127.0.0.1:9/api/v1").save(home / "settings.json")
    with Store(home / "ljsms.sqlite3") as store:
        create_campaign(store, plan_plain(CONTENT, ["13800138000", "13900139000"]), name="启动测试")
    return home


def bench_process_startup(tmp: Path, reps: int, bundle: Path | None) -> dict[str, float]:
    """Whole processes, interleaved: ``ljsms-desktop --exit-after-paint`` (a data folder with one campaign)
    against a bare PySide6 process that shows a QMainWindow, each from spawn to its first painted
    window; peak memory from the kernel's accounting of each child. Medians of *reps* rounds."""
    home = one_campaign_home(tmp / "process-startup")
    env = {**os.environ, "LJSMS_HOME": str(home), "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # As a user's Python runs: with its bytecode caches (the warm-up below writes them). With
    # PYTHONDONTWRITEBYTECODE set, every run would compile the app's sources again (~40 ms here).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    bare_script = tmp / "bare_window.py"
    bare_script.write_text(BARE_PROCESS, encoding="utf-8")
    bare = [sys.executable, str(bare_script)]
    if bundle is not None:
        app = [str(bundle / ("ljsms-desktop.exe" if os.name == "nt" else "ljsms-desktop")), "--exit-after-paint"]
        what = f"bundle {bundle}"
    else:
        app = [sys.executable, "-m", "ljsms_desktop.ui.app", "--exit-after-paint"]
        what = "from source"
    _one_process(app, env)   # warm the file cache (and .pyc files) once for both
    _one_process(bare, env)
    runs: dict[str, list[tuple[float, float]]] = {"app": [], "bare": []}
    for r in range(reps):
        order = (("app", app), ("bare", bare)) if r % 2 == 0 else (("bare", bare), ("app", app))
        for name, cmd in order:
            runs[name].append(_one_process(cmd, env))
    t_app = statistics.median(t for t, _ in runs["app"])
    t_bare = statistics.median(t for t, _ in runs["bare"])
    m_app = statistics.median(m for _, m in runs["app"])
    m_bare = statistics.median(m for _, m in runs["bare"])
    time_ratio, memory_ratio = t_app / t_bare, m_app / m_bare
    ok = lambda value, target: "ok" if value <= target else "over"  # noqa: E731
    print(f"3. whole-process start-up to the first painted window ({what}; data folder with one campaign), "
          f"median of {reps} interleaved rounds")
    print(f"   ljsms-desktop        : {t_app * 1000:7.0f} ms  [{min(t for t, _ in runs['app']) * 1000:.0f}]  "
          f"peak {m_app:6.1f} MB")
    print(f"   bare PySide6 window  : {t_bare * 1000:7.0f} ms  [{min(t for t, _ in runs['bare']) * 1000:.0f}]  "
          f"peak {m_bare:6.1f} MB")
    print(f"   ratio                : {time_ratio:7.2f}x time (target <= {TARGET_TIME_RATIO}x: "
          f"{ok(time_ratio, TARGET_TIME_RATIO)}), {memory_ratio:.2f}x peak memory (target <= "
          f"{TARGET_MEMORY_RATIO}x: {ok(memory_ratio, TARGET_MEMORY_RATIO)})")
    return {"time_ratio": time_ratio, "memory_ratio": memory_ratio}


# -- main ---------------------------------------------------------------------------------------------
def stall_runs(url: str, tmp: Path, book: Path | None, numbers: Path | None, a) -> None:
    """Each run in a fresh window and data folder; the summary gives min / median / max over runs."""
    print(f"1. GUI-thread stalls (heartbeat {HEARTBEAT_MS} ms; target < {TARGET_MS:.0f} ms), {a.runs} run(s)")
    phases: dict[str, list[Stalls]] = {}
    for r in range(a.runs):
        w = open_window(tmp / f"home{r}", url)
        try:
            print(f"   run {r + 1}:")
            if book is not None:
                print(f"   a. import {a.rows:,} rows (手机号 + 2 variables) in 模板群发:")
                s = import_through_template_tab(w, book, a.rows)
                phases.setdefault("a. import + plan", []).append(s)
                print(f"      {s.line()}")
            if numbers is not None:
                print(f"   b. {a.numbers:,}-number plain campaign in 发送短信:")
                load, send = send_through_compose_tab(w, numbers, a.numbers)
                phases.setdefault("b. load numbers", []).append(load)
                phases.setdefault("b. send", []).append(send)
                print(f"      load numbers : {load.line()}")
                print(f"      send         : {send.line()}")
        finally:
            w.close()
            QApplication.processEvents()
    if a.runs > 1:
        print(f"   summary over {a.runs} runs — longest stall min / median / max; p99 min / median / max (ms):")
        for name, runs in phases.items():
            worst = [x.worst for x in runs]
            p99 = [x.p99 for x in runs]
            verdict = "ok" if max(worst) < TARGET_MS else f"{sum(w >= TARGET_MS for w in worst)} run(s) over"
            print(f"      {name:18s}: {min(worst):5.1f} / {statistics.median(worst):5.1f} / {max(worst):5.1f};  "
                  f"p99 {min(p99):5.1f} / {statistics.median(p99):5.1f} / {max(p99):5.1f}   [{verdict}]")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true",
                    help="small sizes (10,000 rows, 20,000 numbers, 1 run, 3 start-ups)")
    ap.add_argument("--rows", type=int, default=100_000, help="workbook rows for the template import")
    ap.add_argument("--numbers", type=int, default=200_000, help="numbers in the plain campaign")
    ap.add_argument("--runs", type=int, default=None,
                    help="runs of the stall measurements, a fresh window each (default 3; 1 with --quick)")
    ap.add_argument("--startups", type=int, default=7, help="start-up repetitions")
    ap.add_argument("--skip", choices=("import", "send", "startup", "process"), action="append", default=[])
    ap.add_argument("--process-startups", type=int, default=9,
                    help="rounds of the whole-process start-up (app vs bare PySide6 process), default 9")
    ap.add_argument("--bundle", type=Path, metavar="DIR",
                    help="measure the whole-process start-up of the bundle in DIR (dist/ljsms-desktop) instead")
    ap.add_argument("--switch-interval", type=float, metavar="MS",
                    help="set sys.setswitchinterval before the window starts (to compare)")
    ap.add_argument("--profile", action="store_true",
                    help="explain every stall >= 20 ms: which thread held the GIL, what the GUI thread was doing")
    a = ap.parse_args(argv)
    global PROFILE
    PROFILE = a.profile
    if a.switch_interval is not None:
        sys.setswitchinterval(a.switch_interval / 1000)
    if a.quick:
        a.rows, a.numbers, a.startups, a.process_startups = 10_000, 20_000, 3, 5
    a.runs = a.runs or (1 if a.quick else 3)
    qInstallMessageHandler(_quiet_offscreen)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ljsms-desktop-bench")
    print(f"switch interval {sys.getswitchinterval() * 1000:.1f} ms, heartbeat {HEARTBEAT_MS} ms, "
          f"platform {app.platformName()}, {os.cpu_count()} cpus, load average {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="ljsms-bench-ui-") as tmp_name:
        tmp = Path(tmp_name)
        t = time.perf_counter()
        book = write_template_book(tmp / "模板名单.xlsx", a.rows) if "import" not in a.skip else None
        numbers = write_numbers_book(tmp / "号码.xlsx", a.numbers) if "send" not in a.skip else None
        print(f"(workbooks written in {time.perf_counter() - t:.1f} s)")
        if "process" not in a.skip:
            bench_process_startup(tmp, a.process_startups, a.bundle)
        # Balance large (but within a 32-bit int: the balance signal is Signal(int)); reports held
        # back a day and no replies, so the window is only sending.
        with simulator_process("--balance", str(10**9), "--report-delay", "86400", "--reply-rate", "0") as url:
            if "startup" not in a.skip:
                bench_startup(url, tmp, a.startups)
            if book is not None or numbers is not None:
                stall_runs(url, tmp, book, numbers, a)
    return 0


if __name__ == "__main__":
    sys.exit(main())
