"""The window's poller (jobs/poller.py) in real windows against the simulator: one poller per account and data
folder (a second window waits and says so, then takes over), and a pull whose answer broke is shown."""

from __future__ import annotations

import pytest

from ljsms_desktop.api import LjClient
from ljsms_desktop.store import Store

SIGNED = "【联江科技】会员日全场八折，回T退订"


@pytest.fixture
def open_window(open_window):
    """conftest's; a test may end with a poller still winding down."""
    def make(sim, home):
        return open_window(sim, home, check_joined=False)

    return make


def test_a_second_window_on_the_same_data_folder_waits_then_takes_over(open_window, make_simulator, tmp_path, qtbot):
    sim = make_simulator(report_delay=3600, reply_rate=0.0)
    home = tmp_path / "home"
    first = open_window(sim, home)
    qtbot.waitUntil(lambda: "拉取" in first.poll_label.text() and "⚠" not in first.poll_label.text(), timeout=10000)
    second = open_window(sim, home)
    qtbot.waitUntil(lambda: second.poll_label.text() == "另一个窗口正在拉取报告", timeout=10000)
    with LjClient(sim.base_url, "demo", "demo") as c:
        c.send(SIGNED, ["13800138000", "13900139000"], code="77")
    first.close()  # its poller ends and lets go of the account
    sim.make_all_due()
    qtbot.waitUntil(lambda: len(sim.reports_handed_out) == 2 and second.poll_label.text().startswith("报告/回复已于"),
                    timeout=15000)
    with Store(home / "ljsms.sqlite3") as store:
        assert store.report_keys() == {(r["msgId"], r["mobile"]) for r in sim.reports_handed_out}


def test_a_pull_whose_answer_broke_shows_in_the_status_bar(open_window, make_simulator, tmp_path, qtbot):
    sim = make_simulator(reply_rate=0.0)
    w = open_window(sim, tmp_path / "home")
    qtbot.waitUntil(lambda: "拉取" in w.poll_label.text(), timeout=10000)
    sim.inject("report", body='{"code":20000,"desc":"success","list":[{"msgId":"15', times=1)
    qtbot.waitUntil(lambda: "可能丢失" in w.poll_label.text(), timeout=15000)
    assert w.poll_label.text() == "⚠ 一次拉取可能丢失了数据（数量不明）"  # no pull seen before: how many is unknown
    assert "网关已交出" in w.poll_label.toolTip()
    polls = sim.request_count("report")
    qtbot.waitUntil(lambda: sim.request_count("report") >= polls + 2, timeout=15000)  # later polls keep it shown
    assert w.poll_label.text() == "⚠ 一次拉取可能丢失了数据（数量不明）"
