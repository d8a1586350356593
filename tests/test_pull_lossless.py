"""Nothing the gateway hands out is lost: a held write lock, a full disk, a stop mid-pull, a broken
answer, more than one poller. Counted against the simulator: items handed out == items stored.

Real parts: the simulator over HTTP on 127.0.0.1, SQLite files, a small tmpfs for the full disk,
``ljsms pull`` run in process through ``cli.main``.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import threading
import uuid

import pytest

from cli_helpers import run
from ljsms_desktop.api import LjClient
from ljsms_desktop.core.planning import plan_plain
from ljsms_desktop.engine import Poller, create_campaign, run_campaign
from ljsms_desktop.engine import poller as poller_mod
from ljsms_desktop.engine.poller import PollerBusyError
from ljsms_desktop.store import Store, StoreError
from ljsms_desktop.store import spool

CONTENT = "【联江科技】会员日全场八折，回T退订"
FAST = {"store_retry_waits": (0.01, 0.01), "pull_retries": 1}


def numbers(n: int, start: int = 0) -> list[str]:
    return [f"139{start + i:08d}" for i in range(n)]


def client_for(sim) -> LjClient:
    return LjClient(sim.base_url, "demo", "demo", timeout=5, backoff=0.001, max_backoff=0.002)


def send(sim, db, n: int) -> int:
    """A sent campaign of *n* numbers whose reports (and replies) wait at the simulator until made due."""
    with Store(db) as store:
        cid = create_campaign(store, plan_plain(CONTENT, numbers(n)))
        run_campaign(store, client_for(sim), cid)
        return cid


def handed_vs_stored(sim, db) -> tuple[set, set, set, set]:
    handed_reports = {(r["msgId"], r["mobile"]) for r in sim.reports_handed_out}
    handed_replies = {(r["mobile"], r["time"], r["content"]) for r in sim.replies_handed_out}
    with Store(db) as store:
        stored_reports = store.report_keys()
        stored_replies = {(r["mobile"], r["time"], r["content"]) for r in store.replies()}
    return handed_reports, stored_reports, handed_replies, stored_replies


def assert_nothing_lost(sim, db) -> tuple[int, int]:
    hr, sr, hp, sp = handed_vs_stored(sim, db)
    assert hr == sr and hp == sp
    return len(hr), len(hp)


@pytest.fixture
def env(tmp_path, monkeypatch):
    def configure(sim, home=None):
        home = home or tmp_path / "home"
        monkeypatch.setenv("LJSMS_HOME", str(home))
        monkeypatch.setenv("LJSMS_PASSWORD", "demo")
        monkeypatch.setenv("LJSMS_ACCOUNT", "demo")
        monkeypatch.setenv("LJSMS_BASE_URL", sim.base_url)
        return home / "ljsms.sqlite3"
    return configure




# -- another program holds the write lock -----------------------------------------------------------
def test_a_held_write_lock_means_nothing_is_pulled_and_nothing_is_lost(make_simulator, env, capsys):
    sim = make_simulator(pull_size=100, reply_rate=0.3, optout_rate=0.5, report_delay=3600, reply_delay=0)
    db = env(sim)
    db.parent.mkdir(parents=True)
    cid = send(sim, db, 300)
    sim.make_all_due()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writing, e.g. a backup tool or a stuck process
    try:
        status, out, err = run(capsys, "pull", "--wait", "0.2")
        assert status == 1 and "占用" in err and "Traceback" not in err
        assert sim.request_count("report") == 0 and sim.request_count("reply") == 0  # never asked
        poller = Poller(lambda: Store(db), client_for(sim), lock_wait=0.1, **FAST)
        with pytest.raises(StoreError) as caught:
            poller.poll_once()
        assert caught.value.kind == "locked" and sim.request_count("report") == 0
        poller.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    status, out, err = run(capsys, "pull")
    assert status == 0, err
    reports, replies = assert_nothing_lost(sim, db)
    assert reports == 300 and replies > 0 and sim.pending_reports() == 0
    with Store(db) as store:
        opted = {r["mobile"] for r in store.replies() if r["opt_out"]}
        assert opted and opted <= store.suppressed_mobiles()  # every TD is honoured by the next campaign
        assert store.stats(cid).delivered + store.stats(cid).failed == 300


def test_the_lock_released_while_the_poller_waits_lets_it_pull(make_simulator, tmp_path):
    sim = make_simulator(pull_size=100)
    db = tmp_path / "ljsms.sqlite3"
    send(sim, db, 250)
    sim.make_all_due()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    poller = Poller(lambda: Store(db), client_for(sim), lock_wait=30)
    result: list = []
    t = threading.Thread(target=lambda: result.append(poller.poll_once()))
    t.start()
    # Whether the poller already waits on the lock or is about to: it asks the gateway nothing until it has it.
    assert sim.request_count("report") == 0
    holder.execute("ROLLBACK")
    holder.close()
    t.join(30)
    poller.close()
    assert result and result[0].new_reports == 250
    assert_nothing_lost(sim, db)


# -- the disk is full ----------------------------------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path):
    """A 16 MiB tmpfs (needs root; skipped where it cannot be mounted)."""
    mnt = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mnt.mkdir()
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m,mode=0700", "tmpfs", str(mnt)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.strip() or proc.returncode}")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)


def fill(disk) -> os.PathLike:
    """Fill the filesystem to the last byte; returns the filler file (delete it to free the space)."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (1 << 20, 4096, 512, 1):
            chunk = b"x" * size
            while True:
                try:
                    os.write(fd, chunk)
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC
                    break
    finally:
        os.close(fd)
    return filler


def test_a_full_disk_keeps_the_pull_in_the_spool_and_the_next_start_stores_it(make_simulator, small_disk, env,
                                                                               capsys):
    sim = make_simulator(pull_size=500, reply_rate=0.3, optout_rate=0.5, report_delay=3600, reply_delay=3600)
    home = small_disk / "home"
    db = env(sim, home)
    home.mkdir()
    cid = send(sim, db, 1200)
    status, out, err = run(capsys, "pull")  # nothing due yet: reserves the spool's blocks
    assert status == 0, err
    for private in (spool.path_for(db), db.parent / (spool.NAME + ".lock"),
                    poller_mod.account_lock_path(db, "demo")):
        assert os.stat(private).st_mode & 0o777 == 0o600, private
    keeper = Store(db)  # the window, open meanwhile: keeps the WAL and its index in place
    try:
        filler = fill(small_disk)
        sim.make_all_due()
        status, out, err = run(capsys, "pull")
        assert status == 1 and "磁盘" in err and "暂存" in err and err.count("\n") == 1, err
        assert "Traceback" not in err
        hr, sr, hp, sp = handed_vs_stored(sim, db)
        assert hr and not hr <= sr  # the gateway handed some out and the full disk could not take them
        assert spool.has_entries(spool.path_for(db))
        os.remove(filler)
    finally:
        keeper.close()
    # The next start (here the window opening its store, before anything else) stores the spool.
    with Store(db) as store:
        assert not spool.has_entries(spool.path_for(db))
        s = store.stats(cid)
    status, out, err = run(capsys, "pull")  # and the rest is pulled
    assert status == 0, err
    reports, replies = assert_nothing_lost(sim, db)
    assert reports == 1200 and sim.pending_reports() == 0 and s.delivered + s.failed > 0
    with Store(db) as store:
        opted = {r["mobile"] for r in store.replies() if r["opt_out"]}
        assert opted <= store.suppressed_mobiles()


def test_a_send_on_a_full_disk_prints_one_message(make_simulator, small_disk, env, capsys):
    sim = make_simulator()
    home = small_disk / "home"
    env(sim, home)
    home.mkdir()
    with Store(home / "ljsms.sqlite3"):
        pass
    keeper = Store(home / "ljsms.sqlite3")
    try:
        filler = fill(small_disk)
        status, out, err = run(capsys, "send", "--content", CONTENT, "--to", ",".join(numbers(5)), "--yes")
        os.remove(filler)
    finally:
        keeper.close()
    assert status == 1 and "磁盘" in err and "Traceback" not in err and "内部错误" not in err
    assert len([line for line in err.splitlines() if line.startswith("错误")]) == 1, err


# -- a stop between the pull and its commit ----------------------------------------------------------------
def test_ctrl_c_between_pull_and_commit_spools_the_pull(make_simulator, tmp_path, monkeypatch):
    sim = make_simulator(pull_size=50)
    db = tmp_path / "ljsms.sqlite3"
    cid = send(sim, db, 10)
    code = Store(db).campaign(cid).code
    sim.add_reply(numbers(10)[2], "TD", expand=code)
    sim.add_reply(numbers(10)[3], "好的", expand=code)
    sim.make_all_due()
    poller = Poller(lambda: Store(db), client_for(sim), **FAST)

    def interrupted(*a, **kw):
        raise KeyboardInterrupt

    monkeypatch.setattr(Store, "save_replies", interrupted)
    with pytest.raises(KeyboardInterrupt):
        poller.poll_once()
    poller.close()
    monkeypatch.undo()
    assert len(sim.replies_handed_out) == 2 and spool.has_entries(spool.path_for(db))
    with Store(db) as store:  # the next start stores the spool first: the TD is honoured
        assert numbers(10)[2] in store.suppressed_mobiles()
        assert not store.is_suppressed(numbers(10)[3])
    assert_nothing_lost(sim, db)


# -- a broken answer -----------------------------------------------------------------------------------------
def test_a_pull_whose_answer_broke_is_counted_and_shown(make_simulator, env, capsys):
    sim = make_simulator(pull_size=100, reply_rate=0.0)
    db = env(sim)
    db.parent.mkdir(parents=True)
    cid = send(sim, db, 150)
    sim.make_all_due()
    assert run(capsys, "pull")[0] == 0  # the largest pull seen: 100
    send(sim, db, 10)
    sim.make_all_due()
    sim.inject("report", body='{"code":20000,"desc":"success","list":[{"msgId":"1529', times=1)
    status, out, err = run(capsys, "pull")
    assert status == 0, err
    assert "一次拉取可能丢失了最多 100 条" in out
    status, out, _ = run(capsys, "status", str(cid))
    assert status == 0 and "一次拉取可能丢失了最多 100 条" in out
    with Store(db) as store:
        [loss] = store.poll_status()["losses"]
        assert (loss["kind"], loss["up_to"]) == ("reports", 100)
    # A connection dropped after the request went out counts the same way.
    sim.inject("reply", drop=True)
    result = Poller(lambda: Store(db), client_for(sim), **FAST).poll_once()
    assert (result.lost_pulls, result.lost_items) == (1, 0)
    assert "一次拉取可能丢失了数量不明" in result.summary_zh()


# -- more than the pull limit -----------------------------------------------------------------------------
def test_pull_goes_on_until_no_data_and_says_so_when_more_waits(make_simulator, env, capsys, monkeypatch):
    sim = make_simulator(pull_size=10, reply_rate=0.0)
    db = env(sim)
    db.parent.mkdir(parents=True)
    send(sim, db, 95)
    sim.make_all_due()
    result = Poller(lambda: Store(db), client_for(sim), max_pulls=3).poll_once()
    assert result.more_waiting and result.reports == 30 and "还有数据等待拉取" in result.summary_zh()
    monkeypatch.setattr(poller_mod, "MAX_PULLS", 3)
    status, out, err = run(capsys, "pull", "--json")
    assert status == 0 and sim.pending_reports() == 0 and "继续拉取" in err
    assert '"more_waiting": false' in out
    assert_nothing_lost(sim, db)


# -- one poller per account and data folder ------------------------------------------------------------------
def test_a_second_poller_of_the_same_account_and_folder_pulls_nothing(make_simulator, env, capsys):
    sim = make_simulator(pull_size=100, report_delay=3600)
    db = env(sim)
    db.parent.mkdir(parents=True)
    send(sim, db, 120)
    first = Poller(lambda: Store(db), client_for(sim))
    first.poll_once()  # holds the account's poller lock from now on (the window's poller does so while open)
    sim.make_all_due()
    requests = sim.request_count("report")
    second = Poller(lambda: Store(db), client_for(sim))
    with pytest.raises(PollerBusyError):
        second.poll_once()
    status, out, err = run(capsys, "pull")
    assert status == 0 and "另一个窗口或 ljsms watch 正在拉取" in err
    assert sim.request_count("report") == requests  # neither asked the gateway
    first.close()
    assert second.poll_once().new_reports == 120
    second.close()
    assert_nothing_lost(sim, db)


# -- the spool file itself -------------------------------------------------------------------------------------
def test_the_spool_keeps_its_earlier_list_whole_when_a_write_is_cut_short(tmp_path, monkeypatch):
    path = tmp_path / spool.NAME
    assert spool.reserve(path, 64 * 1024)
    for i in range(40):
        spool.add(path, {"kind": "reports", "items": [{"msg_id": str(i), "mobile": "13900000000"}]})
    assert [e["items"][0]["msg_id"] for e in spool.read(path)] == [str(i) for i in range(40)]
    assert os.stat(path).st_size == 64 * 1024 and os.stat(path).st_mode & 0o777 == 0o600  # stayed in its blocks

    def crash(*_a, **_kw):
        raise OSError(errno.EIO, "the power went out")

    monkeypatch.setattr(spool, "_header", crash)  # the new list is written, the header never points to it
    with pytest.raises(OSError):
        spool.add(path, {"kind": "replies", "items": [{"mobile": "13900000001", "content": "TD"}]})
    monkeypatch.undo()
    assert len(spool.read(path)) == 40
    spool.clear(path)
    assert not spool.has_entries(path) and spool.read(path) == []


def test_a_pull_that_keeps_breaking_fails_and_says_what_may_be_lost(make_simulator, env, capsys):
    sim = make_simulator(pull_size=100, reply_rate=0.0)
    db = env(sim)
    db.parent.mkdir(parents=True)
    send(sim, db, 100)
    assert run(capsys, "pull")[0] == 0
    sim.inject("report", body="<html>502 Bad Gateway</html>", status=502, content_type="text/html", times=10)
    status, out, err = run(capsys, "pull")
    assert status == 1 and err.count("\n") == 1, err
    assert "拉取失败" in err and "4 次拉取可能丢失了最多 400 条" in err


# -- SIGTERM while pulling ----------------------------------------------------------------------------------
def test_sigterm_during_watch_stops_after_the_pull_in_flight_is_stored(make_simulator, tmp_path):
    import signal
    import sys
    import time

    sim = make_simulator(pull_size=200, reply_rate=0.0, report_delay=3600)
    home = tmp_path / "home"
    home.mkdir()
    send(sim, home / "ljsms.sqlite3", 10_000)
    sim.make_all_due()
    sim.set_faults(delay=0.02)  # each pull's answer waits 20 ms after the gateway handed it out
    env = {**os.environ, "LJSMS_HOME": str(home), "LJSMS_PASSWORD": "demo", "LJSMS_ACCOUNT": "demo",
           "LJSMS_BASE_URL": sim.base_url}
    proc = subprocess.Popen([sys.executable, "-m", "ljsms_desktop.cli", "watch", "--interval", "0.05"], env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while len(sim.reports_handed_out) < 2000:  # the simulator is in this process: no event to await across
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.005)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=30)
    sim.set_faults(delay=0.0)
    assert proc.returncode == 0, err.decode()
    assert "已停止拉取" in err.decode() and "Traceback" not in err.decode()
    handed = {(r["msgId"], r["mobile"]) for r in sim.reports_handed_out}
    with Store(home / "ljsms.sqlite3") as store:
        assert store.report_keys() == handed  # the pull in flight at the signal was stored too
    assert 2000 <= len(handed) < 10_000


def test_with_no_room_even_for_the_spool_nothing_is_pulled(make_simulator, small_disk, env, capsys):
    sim = make_simulator(pull_size=500, report_delay=3600)
    home = small_disk / "home"
    db = env(sim, home)
    home.mkdir()
    send(sim, db, 600)
    sim.make_all_due()
    keeper = Store(db)
    try:
        filler = fill(small_disk)  # before the first pull: the spool's blocks were never reserved
        status, out, err = run(capsys, "pull")
        assert status == 1 and "磁盘" in err and "Traceback" not in err, err
        assert sim.request_count("report") == 0 and not sim.reports_handed_out  # not asked: nothing lost
        os.remove(filler)
    finally:
        keeper.close()
    assert run(capsys, "pull")[0] == 0
    assert assert_nothing_lost(sim, db)[0] == 600


def test_opening_the_store_does_not_hang_on_a_held_lock_while_the_spool_waits(tmp_path):
    import time

    db = tmp_path / "ljsms.sqlite3"
    Store(db).close()
    path = spool.path_for(db)
    assert spool.reserve(path, 64 * 1024)
    spool.add(path, {"kind": "replies", "items": [{"mobile": "13900000001", "content": "TD", "time": "2026-11-29 10:00:00",
                                                   "expand": "", "msg_id": "", "opt_out": True}]})
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    started = time.monotonic()
    with Store(db) as store:  # the lock is busy: it opens at once and leaves the spool for later
        assert time.monotonic() - started < 5 and spool.has_entries(path)
    holder.execute("ROLLBACK")
    holder.close()
    with Store(db) as store:
        assert store.is_suppressed("13900000001") and not spool.has_entries(path)


def test_a_running_poller_keeps_the_unsaved_pull_and_stores_it_once_space_is_back(make_simulator, small_disk):
    sim = make_simulator(pull_size=300, reply_rate=0.2, report_delay=3600, reply_delay=3600)
    home = small_disk / "home"
    home.mkdir()
    db = home / "ljsms.sqlite3"
    send(sim, db, 900)
    polled, failed, recovered = threading.Event(), threading.Event(), threading.Event()

    def on_poll(result):
        polled.set()
        if result.recovered:
            recovered.set()

    stop = threading.Event()
    poller = Poller(lambda: Store(db), client_for(sim), interval=0.05, on_poll=on_poll,
                    on_error=lambda text: failed.set() if "磁盘" in text else None, **FAST)
    thread = threading.Thread(target=poller.run, args=(stop,))
    thread.start()
    try:
        assert polled.wait(30)  # the first poll (nothing due yet) reserved the spool
        filler = fill(small_disk)
        sim.make_all_due()
        assert failed.wait(30)
        requests = sim.request_count("report") + sim.request_count("reply")
        assert spool.has_entries(spool.path_for(db))
        failed.clear()
        assert failed.wait(30)  # it tried again and again, and never pulled more meanwhile
        assert sim.request_count("report") + sim.request_count("reply") == requests
        os.remove(filler)
        assert recovered.wait(30)
    finally:
        stop.set()
        thread.join(30)
    Poller(lambda: Store(db), client_for(sim)).poll_once()
    reports, _replies = assert_nothing_lost(sim, db)
    assert reports == 900
