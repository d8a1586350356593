"""kill -9 in the middle of a send and in the middle of polling: real subprocesses, real SIGKILL.

The simulator lives in this test process (so its state can be inspected); ``ljsms`` runs as a
child process against it and is killed with SIGKILL at a point chosen by watching the
simulator, never by sleeping.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ljsms_desktop.api import LjClient
from ljsms_desktop.core.planning import plan_plain
from ljsms_desktop.engine import Poller, create_campaign, run_campaign
from ljsms_desktop.engine.runner import WINDOW
from ljsms_desktop.store import B_ACCEPTED, B_UNKNOWN, Store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

CONTENT = "【联江科技】会员日全场八折，回T退订"


def numbers(n: int) -> list[str]:
    return [f"137{i:08d}" for i in range(n)]


def cli(home: Path, sim, *args: str) -> subprocess.Popen:
    env = {**os.environ, "LJSMS_HOME": str(home), "LJSMS_PASSWORD": "demo", "LJSMS_ACCOUNT": "demo",
           "LJSMS_BASE_URL": sim.base_url}
    return subprocess.Popen([sys.executable, "-m", "ljsms_desktop.cli", *args], env=env,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def kill_when(proc: subprocess.Popen, condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"ljsms ended before the kill (status {proc.returncode}): {err.decode()[-2000:]}")
        if time.monotonic() > deadline:
            proc.kill()
            pytest.fail("the condition to kill never came")
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL


def test_kill_9_mid_send_then_resume_sends_every_number_exactly_once(make_simulator, tmp_path):
    sim = make_simulator(delay=0.04)  # each answer waits 40 ms after the request was processed
    home = tmp_path / "home"
    all_numbers = numbers(20_000)
    listing = tmp_path / "numbers.txt"
    listing.write_text("\n".join(all_numbers) + "\n", encoding="utf-8")
    proc = cli(home, sim, "send", "--content", CONTENT, "--numbers", str(listing), "--yes")
    kill_when(proc, lambda: len(sim.accepted) >= 3)
    at_kill = len(sim.accepted)
    assert at_kill < 10, "the kill came too late to test anything"

    client = LjClient(sim.base_url, "demo", "demo", timeout=10)
    with Store(home / "ljsms.sqlite3") as store:
        [camp] = store.campaigns()
        assert camp.state == "sending"  # as the killed process left it
        sim.set_faults(delay=0.0)
        result = run_campaign(store, client, camp.id)
        assert result.state == "done" and result.recovered <= WINDOW  # at most the requests that were in flight
        counts = sim.sent_counter()
        assert max(counts.values()) == 1  # nothing twice
        accepted_exts = {a.ext for a in sim.accepted}
        unknown = store.batches(camp.id, B_UNKNOWN)
        # An unknown batch is never resent. If the kill fell between its "sending" commit and the
        # request leaving, it never reached the gateway: its numbers are the only ones not sent.
        never_reached = [b for b in unknown if b.ext not in accepted_exts]
        unsent = set(all_numbers) - set(counts)
        assert unsent == {m for b in never_reached for m in store.batch_mobiles(b.id)}
        # The unknown batches that did reach the gateway are resolved by their reports.
        sim.make_all_due()
        Poller(lambda: store, client).poll_once()
        for b in unknown:
            assert store.batch(b.id).state == (B_UNKNOWN if b in never_reached else B_ACCEPTED)
        s = store.stats(camp.id)
        assert s.accepted == len(counts) == 20_000 - len(unsent)
        assert s.delivered + s.failed == s.accepted
        print(f"\nkilled after {at_kill} accepted requests; {result.recovered} batch(es) recovered as unknown, "
              f"{len(never_reached)} of them never reached the gateway")


@pytest.mark.parametrize("phase", ["reports", "replies"])
def test_kill_9_while_polling_loses_at_most_the_pull_in_flight(make_simulator, tmp_path, phase):
    pull = 200
    sim = make_simulator(pull_size=pull, reply_rate=0.2, deliver_rate=1.0, seed=5)
    home = tmp_path / "home"
    home.mkdir()
    client = LjClient(sim.base_url, "demo", "demo", timeout=10)
    with Store(home / "ljsms.sqlite3") as store:
        cid = create_campaign(store, plan_plain(CONTENT, numbers(10_000)))
        run_campaign(store, client, cid)
    sim.make_all_due()
    sim.set_faults(delay=0.005)  # pulls take a little while, as over a network
    total = sim.pending_reports()
    proc = cli(home, sim, "watch", "--interval", "0.05")
    if phase == "reports":
        kill_when(proc, lambda: sim.pending_reports() <= total - 3000)
    else:
        kill_when(proc, lambda: len(sim.replies_handed_out) >= 300)
    sim.set_faults(delay=0.0)
    handed = {"reports": [(r["msgId"], r["mobile"]) for r in sim.reports_handed_out],
              "replies": [(r["mobile"], r["time"], r["content"]) for r in sim.replies_handed_out]}
    with Store(home / "ljsms.sqlite3") as store:
        stored_reports = store.report_keys()
        stored_replies = {(r["mobile"], r["time"], r["content"]) for r in store.replies()}
        lost_reports = [k for k in handed["reports"] if k not in stored_reports]
        lost_replies = [k for k in handed["replies"] if k not in stored_replies]
        # At most one pull is lost: the one whose answer was on its way or not yet committed, and
        # it is the last one handed out.
        lost = lost_reports if phase == "reports" else lost_replies
        assert len(lost_reports) + len(lost_replies) <= pull
        assert lost == handed[phase][len(handed[phase]) - len(lost):]
        # Polling again picks up everything not handed out yet; nothing else is missing.
        result = Poller(lambda: store, client).poll_once()
        assert store.report_count() == len(handed["reports"]) - len(lost_reports) + result.new_reports
        print(f"\nkilled while pulling {phase}: {len(lost)} item(s) lost (pull size {pull}); "
              f"longest request-to-commit window of a pull here: {result.window_ms} ms")
