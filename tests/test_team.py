"""A team on one account: several desktops (data folders, processes) on one PostgreSQL database.

Real PostgreSQL (tests/pg_helpers.py), the simulator over real HTTP, real subprocesses killed with SIGKILL.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ljsms_desktop.api import LjClient
from ljsms_desktop.core.planning import plan_plain
from ljsms_desktop.engine import CampaignBusyError, Poller, create_campaign, run_campaign
from ljsms_desktop.engine.poller import PollerBusyError
from ljsms_desktop.store import B_PLANNED, B_SENDING, Store, StoreError, locks

CONTENT = "【联江科技】会员日全场八折，回T退订"


def numbers(n: int, start: int = 0) -> list[str]:
    return [f"138{i:08d}" for i in range(start, start + n)]


def desktop(tmp_path: Path, name: str, url: str) -> Store:
    """The store of one desktop: its own data folder, the team's database."""
    return Store(tmp_path / name / "ljsms.sqlite3", url=url)


def client_for(sim) -> LjClient:
    return LjClient(sim.base_url, "demo", "demo", timeout=10)


def test_a_batch_is_claimed_by_one_desktop_only(pg_url, tmp_path):
    a, b = desktop(tmp_path, "a", pg_url), desktop(tmp_path, "b", pg_url)
    cid = create_campaign(a, plan_plain(CONTENT, numbers(10)))
    [batch] = b.batches(cid, B_PLANNED)
    results: list = []
    barrier = threading.Barrier(2)

    def claim(url, name):
        with desktop(tmp_path, name, url) as s:
            barrier.wait()
            try:
                s.mark_sending(batch.id)
                results.append("claimed")
            except StoreError as exc:
                results.append(exc.kind)

    threads = [threading.Thread(target=claim, args=(pg_url, n)) for n in ("a2", "b2")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["claimed", "state"]
    assert a.batch(batch.id).state == B_SENDING
    a.close()
    b.close()


def test_a_campaign_sent_on_one_desktop_is_busy_on_the_other_until_it_stops(simulator, pg_url, tmp_path):
    a, b = desktop(tmp_path, "a", pg_url), desktop(tmp_path, "b", pg_url)
    cid = create_campaign(a, plan_plain(CONTENT, numbers(10)))
    held = a.try_lock("campaign", cid, tmp_path / "unused.lock")
    assert held is not None and locks.lock_is_held(pg_url, "campaign", cid)
    with pytest.raises(CampaignBusyError) as e:
        run_campaign(b, client_for(simulator), cid)
    assert "正在另一个" in e.value.message_zh and not simulator.accepted
    held.release()
    assert not locks.lock_is_held(pg_url, "campaign", cid)
    assert run_campaign(b, client_for(simulator), cid).state == "done"
    assert sorted(simulator.sent_counter()) == numbers(10)
    a.close()
    b.close()


def test_one_poller_per_account_and_another_takes_over_within_one_interval(simulator, pg_url, tmp_path):
    a_home, b_home = tmp_path / "a", tmp_path / "b"
    client = client_for(simulator)
    with desktop(tmp_path, "a", pg_url) as s:
        create_campaign(s, plan_plain(CONTENT, numbers(50)))
        run_campaign(s, client, s.campaigns()[0].id)
    simulator.make_all_due()
    first = Poller(lambda: Store(a_home / "ljsms.sqlite3", url=pg_url), client, interval=0.05)
    assert first.poll_once().new_reports == 50
    # B's poller runs its loop: busy while A holds the account, then takes over when A quits.
    polls, errors, stop = [], [], threading.Event()
    second = Poller(lambda: Store(b_home / "ljsms.sqlite3", url=pg_url), client, interval=0.05,
                    on_poll=lambda r: (polls.append(r), stop.set()), on_error=errors.append)
    t = threading.Thread(target=second.run, args=(stop,))
    t.start()
    deadline = time.monotonic() + 10
    while not errors and time.monotonic() < deadline:
        time.sleep(0.01)
    assert errors and "正在拉取账号 demo" in errors[0] and not polls
    quit_at = time.monotonic()
    first.close()  # A quits (a crash closes the connection the same way: see the subprocess test below)
    t.join(10)
    assert polls and time.monotonic() - quit_at < 2  # B took over within a few intervals of A quitting
    assert not locks.lock_is_held(pg_url, "poller", "demo")  # B's loop ended: released too


def test_a_desktop_killed_while_polling_hands_the_account_over(make_simulator, pg_url, tmp_path):
    sim = make_simulator()
    a_home, b_home = tmp_path / "a", tmp_path / "b"
    watcher = cli(a_home, sim, pg_url, "watch", "--interval", "0.1")
    deadline = time.monotonic() + 30
    while not locks.lock_is_held(pg_url, "poller", "demo"):
        assert watcher.poll() is None and time.monotonic() < deadline, finish(watcher)[2][-2000:]
        time.sleep(0.02)
    client = client_for(sim)
    b = Poller(lambda: Store(b_home / "ljsms.sqlite3", url=pg_url), client, interval=0.1)
    with pytest.raises(PollerBusyError):
        b.poll_once()
    watcher.send_signal(signal.SIGKILL)
    watcher.communicate(timeout=30)
    killed_at = time.monotonic()
    while True:  # B's next polls: the server dropped A's lock with its connection
        try:
            b.poll_once()
            break
        except PollerBusyError:
            assert time.monotonic() - killed_at < 5
            time.sleep(0.1)
    b.close()


# ---- done when: two data folders, one database, real processes ----------------------------------------------

def cli(home: Path, sim, url: str, *args: str) -> subprocess.Popen:
    env = {**os.environ, "LJSMS_HOME": str(home), "LJSMS_PASSWORD": "demo", "LJSMS_ACCOUNT": "demo",
           "LJSMS_BASE_URL": sim.base_url, "LJSMS_DATABASE_URL": url}
    return subprocess.Popen([sys.executable, "-m", "ljsms_desktop.cli", *args], env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(proc: subprocess.Popen, timeout: float = 120) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out.decode(), err.decode()


def test_two_desktops_kill_resume_and_watch_at_once_every_number_and_report_exactly_once(make_simulator, pg_url,
                                                                                         tmp_path):
    sim = make_simulator(delay=0.04, pull_size=500, deliver_rate=0.9, reply_rate=0.05)
    a_home, b_home = tmp_path / "a", tmp_path / "b"
    all_numbers = numbers(20_000)
    listing = tmp_path / "numbers.txt"
    listing.write_text("\n".join(all_numbers) + "\n", encoding="utf-8")
    # A starts the campaign and is killed mid-send.
    proc = cli(a_home, sim, pg_url, "send", "--content", CONTENT, "--numbers", str(listing), "--yes")
    deadline = time.monotonic() + 60
    while len(sim.accepted) < 3:
        assert proc.poll() is None, finish(proc)[2][-2000:]
        assert time.monotonic() < deadline, "the send never got going"
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert len(sim.accepted) < 10, "the kill came too late to test anything"
    sim.set_faults(delay=0.0)
    # A and B resume it at once: one sends (the campaign's advisory lock), the other is told it is busy.
    with Store(b_home / "ljsms.sqlite3", url=pg_url) as b:
        [camp] = b.campaigns()
        assert camp.state == "sending"  # as the killed process left it, visible on B
    both = [cli(home, sim, pg_url, "resume", str(camp.id), "--yes") for home in (a_home, b_home)]
    ends = [finish(p) for p in both]
    statuses = [code for code, _o, _e in ends]
    # One sent the rest (3: finished with unknown batches — the ones the kill caught); the other was told the
    # campaign is being sent elsewhere, or (when it came second) that it is done.
    assert any(code in (0, 3) for code in statuses) and all(code in (0, 1, 3) for code in statuses), ends
    counts = sim.sent_counter()
    assert max(counts.values()) == 1  # the simulator saw no number twice
    with Store(b_home / "ljsms.sqlite3", url=pg_url) as b:
        # Crash rules unchanged: a batch the kill caught between its claim and its request is unknown, never
        # resent; its numbers are the only ones the simulator never saw.
        accepted_exts = {a.ext for a in sim.accepted}
        never_reached = [x for x in b.batches(camp.id, "unknown") if x.ext not in accepted_exts]
        assert set(all_numbers) - set(counts) == {m for x in never_reached for m in b.batch_mobiles(x.id)}
    # Both watch at once: the reports handed out are stored exactly once, whoever pulled them.
    sim.make_all_due()
    watchers = [cli(home, sim, pg_url, "watch", "--interval", "0.2", "--count", "15") for home in (a_home, b_home)]
    for w in watchers:
        code, _out, err = finish(w)
        assert code == 0, err[-2000:]
    handed = [(r["msgId"], r["mobile"]) for r in sim.reports_handed_out]
    assert len(handed) == len(set(handed)) == len(counts)
    with Store(a_home / "ljsms.sqlite3", url=pg_url) as a:
        assert a.report_keys() == set(handed)
        assert a.report_count() == len(handed)
    # status --json is the same on A and B.
    outs = []
    for home in (a_home, b_home):
        code, out, err = finish(cli(home, sim, pg_url, "status", str(camp.id), "--json"))
        assert code == 0, err
        outs.append(json.loads(out))
    assert outs[0] == outs[1]
    assert outs[0]["accepted"] == len(counts) and outs[0]["delivered"] + outs[0]["failed"] == len(counts)


def test_each_campaign_records_who_created_it_and_mine_lists_only_ours(pg_url, tmp_path, monkeypatch):
    from ljsms_desktop.store import campaigns as store_campaigns

    a = desktop(tmp_path, "a", pg_url)
    mine = create_campaign(a, plan_plain(CONTENT, numbers(3)))
    monkeypatch.setattr(store_campaigns, "who", lambda: ("colleague", "other-pc"))
    theirs = create_campaign(a, plan_plain(CONTENT, numbers(3, 10)))
    monkeypatch.undo()
    b = desktop(tmp_path, "b", pg_url)
    user, host = store_campaigns.who()
    assert user and host
    assert (b.campaign(mine).created_by, b.campaign(mine).created_on) == (user, host)
    assert (b.campaign(theirs).created_by, b.campaign(theirs).created_on) == ("colleague", "other-pc")
    assert [c.id for c in b.campaigns(mine=True)] == [mine] and b.my_campaign_ids() == {mine}
    assert [s.campaign for s in b.all_stats(mine=True)] == [mine]
    assert b.stats(theirs).to_dict()["created_by"] == "colleague"
    a.close()
    b.close()


def test_a_poller_whose_database_connection_dropped_connects_again_at_the_next_poll(simulator, pg_server, pg_url,
                                                                                    tmp_path):
    import psycopg

    from ljsms_desktop.store import StoreError

    client = client_for(simulator)
    poller = Poller(lambda: Store(tmp_path / "a" / "ljsms.sqlite3", url=pg_url), client)
    with desktop(tmp_path, "a", pg_url) as s:
        run_campaign(s, client, create_campaign(s, plan_plain(CONTENT, numbers(20))))
        simulator.make_all_due()
        assert poller.poll_once().new_reports == 20
        run_campaign(s, client, create_campaign(s, plan_plain(CONTENT, numbers(10, 100))))
        simulator.make_all_due()
    with psycopg.connect(pg_server.url(), autocommit=True) as admin:  # the server drops every session (a restart)
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> "
                      "pg_backend_pid()", (pg_url.rsplit("/", 1)[1],))
    with pytest.raises(StoreError) as e:
        poller.poll_once()
    assert e.value.kind == "unreachable"
    assert poller.poll_once().new_reports == 10  # a new connection, the account's lock taken again
    with desktop(tmp_path, "b", pg_url) as b:
        assert b.report_count() == 30
    poller.close()


def test_another_desktop_holding_the_write_lock_means_nothing_is_pulled(simulator, pg_url, tmp_path):
    client = client_for(simulator)
    with desktop(tmp_path, "a", pg_url) as s:
        run_campaign(s, client, create_campaign(s, plan_plain(CONTENT, numbers(10))))
    simulator.make_all_due()
    waiting = simulator.pending_reports()
    assert waiting == 10
    b = desktop(tmp_path, "b", pg_url)
    poller = Poller(lambda: Store(tmp_path / "a" / "ljsms.sqlite3", url=pg_url), client, lock_wait=0.3,
                    store_retry_waits=(0.01,), pull_retries=0)
    with b.transaction():   # B is writing (the writers' advisory lock): A's poll gives up before asking
        b.suppress(["13900000000"])
        started = time.monotonic()
        with pytest.raises(StoreError) as e:
            poller.poll_once()
        assert e.value.kind == "locked" and time.monotonic() - started < 5
        assert simulator.pending_reports() == waiting   # nothing was handed out to A
    assert poller.poll_once().new_reports == 10
    poller.close()
    b.close()
