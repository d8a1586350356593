"""The campaign engine against the simulator over loopback HTTP, with real SQLite files."""

from __future__ import annotations

import threading
import time
from collections import Counter

import filelock
import pytest

from ljsms_desktop.api import LjApiError, LjClient
from ljsms_desktop.core.planning import plan_plain, plan_template
from ljsms_desktop.engine import CampaignBusyError, CampaignRunner, Poller, RunControl, create_campaign, run_campaign
from ljsms_desktop.engine.runner import lock_path
from ljsms_desktop.engine import notices as N
from ljsms_desktop.engine.notices import zh as notices_zh
from ljsms_desktop.store import B_ACCEPTED, B_PLANNED, B_REJECTED, B_UNKNOWN, Store, StoreError

pytestmark = pytest.mark.usefixtures("engine")  # each test on SQLite and on PostgreSQL (tests/conftest.py)

CONTENT = "【联江科技】会员日全场八折，回T退订"
FAST = {"busy_waits": (0.01, 0.01, 0.01, 0.01, 0.01)}


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "ljsms.sqlite3")
    yield s
    s.close()


def client_for(sim, password: str = "demo") -> LjClient:
    return LjClient(sim.base_url, "demo", password, timeout=5, backoff=0.001, max_backoff=0.002)


def numbers(n: int, start: int = 0) -> list[str]:
    return [f"139{start + i:08d}" for i in range(n)]


def plain_campaign(store: Store, n: int, **kw) -> int:
    plan = plan_plain(CONTENT, numbers(n), suppressed=store.suppressed_mobiles(), **kw)
    return create_campaign(store, plan)


def drain(sim, store: Store, client: LjClient):
    sim.make_all_due()
    return Poller(lambda: store, client).poll_once()


def test_every_number_goes_out_once_with_the_campaign_code_and_batch_ext(simulator, store):
    client = client_for(simulator)
    cid = plain_campaign(store, 4500)
    progress = []
    result = run_campaign(store, client, cid, on_progress=lambda *a: progress.append(a))
    assert (result.state, result.batches_sent, result.unknown) == ("done", 3, 0)
    assert set(simulator.sent_counter().values()) == {1} and len(simulator.sent_counter()) == 4500
    camp = store.campaign(cid)
    exts = {b.ext: b for b in store.batches(cid)}
    for acc in simulator.accepted:
        assert acc.code == camp.code and acc.ext in exts and acc.content == CONTENT
        assert exts[acc.ext].msg_id == acc.msg_id and exts[acc.ext].state == B_ACCEPTED
    assert progress[0] == (0, 3, 0, 4500) and progress[-1] == (3, 3, 4500, 4500)
    assert all(a[0] <= b[0] for a, b in zip(progress, progress[1:]))
    drain(simulator, store, client)
    s = store.stats(cid)
    assert (s.accepted, s.delivered + s.failed, s.pending_report, s.state) == (4500, 4500, 0, "done")


def test_strictly_serial_window_sends_the_same(simulator, store):
    cid = plain_campaign(store, 3000, batch_size=500)
    result = run_campaign(store, client_for(simulator), cid, window=1)
    assert result.state == "done" and simulator.sent_counter() == Counter({m: 1 for m in numbers(3000)})


def test_template_campaign_sends_each_row_its_values(make_simulator, store):
    template = "【联江科技】{}您好，订单{}已发货，回T退订"
    sim = make_simulator(templates={"T9": template})
    rows = [(m, [f"客户{i}", f"NO{i}"]) for i, m in enumerate(numbers(1500))]
    plan = plan_template(template, "T9", rows, batch_size=1000)
    cid = create_campaign(store, plan)
    assert store.campaign(cid).kind == "template" and len(store.batches(cid)) == 2
    assert run_campaign(store, client_for(sim), cid).state == "done"
    sent = {m: v for acc in sim.accepted for m, v in zip(acc.mobiles, acc.values)}
    assert sent == {m: tuple(v) for m, v in rows}
    assert all(acc.template_id == "T9" for acc in sim.accepted)


def test_a_busy_gateway_is_waited_out_without_double_sending(make_simulator, store):
    sim = make_simulator(busy_rate=0.5, seed=7)
    cid = plain_campaign(store, 6000, batch_size=500)
    notices = []
    result = run_campaign(store, client_for(sim), cid, on_notice=notices.append, busy_waits=(0.01,) * 30)
    assert result.state == "done"
    assert simulator_counts(sim) == {m: 1 for m in numbers(6000)}
    assert sim.request_count("sms", 49999) > 0


def simulator_counts(sim) -> dict:
    return dict(sim.sent_counter())


def test_a_gateway_that_stays_busy_stops_the_campaign_resumably(simulator, store):
    cid = plain_campaign(store, 100)
    simulator.set_faults(busy_rate=1.0)
    result = run_campaign(store, client_for(simulator), cid, **FAST)
    assert result.state == "stopped" and "繁忙" in result.reason
    assert [b.state for b in store.batches(cid)] == [B_PLANNED]
    simulator.set_faults(busy_rate=0.0)
    assert run_campaign(store, client_for(simulator), cid).state == "done"
    assert simulator_counts(simulator) == {m: 1 for m in numbers(100)}


def test_a_wrong_password_stops_the_campaign_and_resume_sends_it_all_once(simulator, store):
    cid = plain_campaign(store, 3000)
    result = run_campaign(store, client_for(simulator, "wrong"), cid)
    assert result.state == "stopped" and "密码" in result.reason and "40008" in result.reason
    assert result.code == 40008  # the code itself, for callers that act on it
    assert store.campaign(cid).state == "stopped"
    assert all(b.state == B_PLANNED for b in store.batches(cid)) and not simulator.accepted
    assert run_campaign(store, client_for(simulator), cid).state == "done"
    assert simulator_counts(simulator) == {m: 1 for m in numbers(3000)}


def test_a_stopped_run_stores_its_reason_as_data_too(simulator, store):
    """The refusal (40008) is stored as words and as its Notice, so a window in another language can word it."""
    cid = plain_campaign(store, 10)
    result = run_campaign(store, client_for(simulator, "wrong"), cid)
    assert result.state == "stopped" and result.stop.code == N.REFUSED and result.stop["code"] == 40008
    camp = store.campaign(cid)
    assert camp.stop_reason == result.reason == notices_zh(result.stop)
    assert N.from_data(camp.stop_notice) == result.stop and result.stop["message_en"]
    assert N.from_data(store.views.campaigns.summary(cid).stop_notice) == result.stop
    control = RunControl()
    control.pause()
    paused = run_campaign(store, client_for(simulator), cid, control=control)
    assert paused.state == "paused" and N.from_data(store.campaign(cid).stop_notice) == \
        N.notice(N.USER_PAUSED)
    assert run_campaign(store, client_for(simulator), cid).state == "done"
    assert (store.campaign(cid).stop_reason, store.campaign(cid).stop_notice) == ("", None)


def test_running_out_of_balance_stops_and_resumes_after_topping_up(make_simulator, store):
    sim = make_simulator(balance=2500)
    cid = plain_campaign(store, 5000)
    result = run_campaign(store, client_for(sim), cid, window=1)
    assert result.state == "stopped" and "40019" in result.reason
    assert result.code == 40019
    assert [b.state for b in store.batches(cid)] == [B_ACCEPTED, B_PLANNED, B_PLANNED]
    sim.balance = 100_000
    assert run_campaign(store, client_for(sim), cid).state == "done"
    assert simulator_counts(sim) == {m: 1 for m in numbers(5000)}


def test_a_rejection_of_one_batch_does_not_stop_the_others(simulator, store):
    cid = plain_campaign(store, 3000, batch_size=1000)
    simulator.inject("sms", code=40013)
    notices = []
    result = run_campaign(store, client_for(simulator), cid, window=1, on_notice=notices.append)
    assert result.state == "done"
    assert [b.state for b in store.batches(cid)] == [B_REJECTED, B_ACCEPTED, B_ACCEPTED]
    assert store.batches(cid)[0].error_code == 40013
    (rejected,) = [n for n in notices if n.code == "batch_rejected"]   # a code and parameters, not a sentence
    assert (rejected["seq"], rejected["code"]) == (1, 40013) and "拒绝" in notices_zh(rejected)
    s = store.stats(cid)
    assert (s.rejected, s.accepted) == (1000, 2000)


def test_dropped_answers_become_unknown_never_resent_and_reports_resolve_them(make_simulator, store):
    sim = make_simulator(drop_rate=0.4, seed=11)
    client = client_for(sim)
    cid = plain_campaign(store, 20_000, batch_size=1000)
    result = run_campaign(store, client, cid, max_consecutive_unknown=100)
    assert result.state == "done"
    unknown = store.batches(cid, B_UNKNOWN)
    dropped = [a for a in sim.accepted if a.dropped]
    assert dropped and len(unknown) == len(dropped) == result.unknown
    assert {b.ext for b in unknown} == {a.ext for a in dropped}
    assert max(sim.sent_counter().values()) == 1 and len(sim.sent_counter()) == 20_000
    assert store.stats(cid).unknown == sum(b.size for b in unknown)
    polled = drain(sim, store, client)
    assert polled.resolved_batches == len(unknown)
    s = store.stats(cid)
    assert (s.unknown, s.accepted, s.delivered + s.failed) == (0, 20_000, 20_000)
    by_ext = {a.ext: a.msg_id for a in dropped}
    for b in unknown:
        assert store.batch(b.id).msg_id == by_ext[b.ext] and store.batch(b.id).resolved_by == "report"


def test_three_unknowns_in_a_row_stop_the_campaign(simulator, store):
    cid = plain_campaign(store, 5000, batch_size=500)
    simulator.inject("sms", drop=True, times=3)
    result = run_campaign(store, client_for(simulator), cid, window=1)
    assert result.state == "stopped" and "连续 3 批" in result.reason
    assert [b.state for b in store.batches(cid)][:4] == [B_UNKNOWN] * 3 + [B_PLANNED]
    assert run_campaign(store, client_for(simulator), cid).state == "done"
    assert max(simulator.sent_counter().values()) == 1 and len(simulator.sent_counter()) == 5000


def test_pause_then_resume_and_cancel_for_good(simulator, store):
    client = client_for(simulator)
    cid = plain_campaign(store, 5000, batch_size=500)
    control = RunControl()

    def pause_after_two(done, total, sent, numbers_total):
        if done >= 2:
            control.pause()

    result = run_campaign(store, client, cid, control=control, on_progress=pause_after_two)
    assert result.state == "paused" and store.campaign(cid).state == "paused"
    sent_first = sum(simulator.sent_counter().values())
    assert 1000 <= sent_first < 5000
    assert run_campaign(store, client, cid).state == "done"
    assert simulator_counts(simulator) == {m: 1 for m in numbers(5000)}

    other = plain_campaign(store, 3000, batch_size=500)
    control = RunControl()
    control.cancel()
    assert run_campaign(store, client, other, control=control).state == "cancelled"
    with pytest.raises(StoreError):
        run_campaign(store, client, other)
    assert sum(simulator.sent_counter().values()) == 5000  # nothing of the cancelled one went out


def test_a_campaign_is_never_sent_by_two_runners_at_once(simulator, store):
    cid = plain_campaign(store, 10)
    path = lock_path(store, cid)
    path.parent.mkdir(parents=True, exist_ok=True)
    with filelock.FileLock(str(path)):
        with pytest.raises(CampaignBusyError) as e:
            run_campaign(store, client_for(simulator), cid)
    assert "正在另一个" in e.value.message_zh
    assert not simulator.accepted


def test_campaign_runs_in_a_worker_thread_with_its_own_store(simulator, tmp_path):
    path = tmp_path / "x.sqlite3"
    with Store(path) as s:
        cid = plain_campaign(s, 2000)
    results = []

    def work():
        with Store(path) as mine:
            results.append(CampaignRunner(mine, client_for(simulator), cid).run())

    t = threading.Thread(target=work)
    t.start()
    t.join(30)
    assert results[0].state == "done"


# -- poller --------------------------------------------------------------------------------------------
def test_poller_pulls_until_no_data_and_records_the_time(make_simulator, tmp_path):
    sim = make_simulator(pull_size=300, reply_rate=0.05)
    path = tmp_path / "x.sqlite3"
    client = client_for(sim)
    with Store(path) as s:
        cid = plain_campaign(s, 2000)
        run_campaign(s, client, cid)
    sim.make_all_due()
    poller = Poller(lambda: Store(path), client, interval=0.01)
    result = poller.poll_once()
    assert result.reports == result.new_reports == 2000 and result.pulls >= 7
    assert result.replies == len(sim.replies_handed_out) > 0
    assert poller.poll_once().reports == 0
    poller.close()
    with Store(path) as s:
        status = s.poll_status()
        assert status["last_pull_at"] and status["last_error"] is None
        assert s.stats(cid).replies == result.replies


def test_poller_errors_are_recorded_and_the_loop_goes_on(simulator, tmp_path):
    path = tmp_path / "x.sqlite3"
    client = client_for(simulator)
    simulator.inject("report", code=40008)
    poller = Poller(lambda: Store(path), client, interval=0.01)
    with pytest.raises(LjApiError):
        poller.poll_once()
    poller.close()   # lets go of the account's poller lock, as a closed window or ended `ljsms watch` does
    with Store(path) as s:
        assert "密码" in s.poll_status()["last_error"]
    errors, polls = [], []
    stop = threading.Event()
    simulator.inject("report", code=40008)

    def on_poll(result):
        polls.append(result)
        stop.set()

    poller = Poller(lambda: Store(path), client, interval=0.01, on_poll=on_poll, on_error=errors.append)
    t = threading.Thread(target=poller.run, args=(stop,))
    t.start()
    t.join(30)
    assert len(errors) == 1 and len(polls) == 1


def test_opt_out_replies_suppress_the_number_in_the_next_campaign(simulator, store):
    client = client_for(simulator)
    first = plain_campaign(store, 10)
    run_campaign(store, client, first)
    code = store.campaign(first).code
    simulator.add_reply(numbers(10)[3], " 退订 ", expand=code)
    simulator.add_reply(numbers(10)[4], "ＴＤ", expand=code)
    simulator.add_reply(numbers(10)[5], "我不要退订", expand=code)
    result = drain(simulator, store, client)
    assert result.opt_outs == 2
    assert store.stats(first).opt_outs == 2
    plan = plan_plain(CONTENT, numbers(10), suppressed=store.suppressed_mobiles())
    second = create_campaign(store, plan)
    assert store.campaign(second).suppressed == 2
    before = Counter(simulator.sent_counter())
    run_campaign(store, client, second)
    delta = simulator.sent_counter() - before
    assert set(delta) == set(numbers(10)) - {numbers(10)[3], numbers(10)[4]}
    reasons = {e.mobile: e.reason for e in store.suppressed()}
    assert reasons[numbers(10)[3]] == " 退订 "


def test_run_loop_stops_promptly(simulator, tmp_path):
    path = tmp_path / "x.sqlite3"
    stop = threading.Event()
    poller = Poller(lambda: Store(path), client_for(simulator), interval=60)
    t = threading.Thread(target=poller.run, args=(stop,))
    t.start()
    deadline = time.monotonic() + 10
    while poller.last_result is None and time.monotonic() < deadline:
        time.sleep(0.01)
    stop.set()
    t.join(5)
    assert not t.is_alive() and poller.last_result is not None


@pytest.mark.parametrize("reason, data", [("定时发送已取消", None),
                                          ("用户取消", N.to_data(N.notice(N.USER_CANCELLED)))])
def test_a_campaign_cancelled_from_another_window_stops_between_batches(simulator, store, tmp_path, monkeypatch,
                                                                         reason, data):
    from ljsms_desktop.engine import runner

    monkeypatch.setattr(runner, "CANCEL_CHECK_S", 0.0)  # look before every batch (default: every 0.5 s)
    cid = plain_campaign(store, 5000, batch_size=500)

    def cancel_elsewhere(done, *_):
        if done == 2:
            with Store(store.path) as other:  # another connection, as another window or process
                other.set_campaign_state(cid, "cancelled", reason, data)

    result = run_campaign(store, client_for(simulator), cid, window=1, on_progress=cancel_elsewhere)
    assert (result.state, result.reason) == ("cancelled", reason)
    assert sum(simulator.sent_counter().values()) == 1000
    # The record stays the canceller's: its words, and its data only when it gave some (typed words have none).
    assert (store.campaign(cid).stop_reason, store.campaign(cid).stop_notice) == (reason, data)


def test_numbers_that_opt_out_after_planning_are_not_sent(simulator, store, tmp_path):
    """A campaign planned (or scheduled) before a 退订 arrives must still honour it."""
    cid = plain_campaign(store, 5000, batch_size=2000)  # 3 batches: 2000, 2000, 1000
    numbers = [m for b in store.batches(cid) for m in store.batch_mobiles(b.id)]
    late = numbers[10:15] + numbers[4000:]          # 5 numbers of batch 1, and all of batch 3
    store.suppress(late, reason="退订", source="manual")
    result = run_campaign(store, client_for(simulator), cid, window=1)
    assert result.state == "done"
    sent = simulator.sent_counter()
    assert not set(late) & set(sent) and sum(sent.values()) == 5000 - len(late)
    st = store.stats(cid)
    assert (st.recipients, st.accepted, st.suppressed) == (5000 - len(late), 5000 - len(late), len(late))
    assert st.batches == 2 and st.planned == 0


def test_template_rows_that_opt_out_after_planning_are_not_sent(make_simulator, store):
    template = "【联江科技】{}您好，订单{}已发货，回T退订"
    sim = make_simulator(templates={"T9": template})
    rows = [(m, [f"客户{i}", f"NO{i}"]) for i, m in enumerate(numbers(30))]
    cid = create_campaign(store, plan_template(template, "T9", rows))
    store.suppress([rows[3][0], rows[7][0]], reason="TD")
    notices: list = []
    assert run_campaign(store, client_for(sim), cid, on_notice=notices.append).state == "done"
    sent = {m: v for acc in sim.accepted for m, v in zip(acc.mobiles, acc.values)}
    assert sent == {m: tuple(v) for i, (m, v) in enumerate(rows) if i not in (3, 7)}  # values stay with their rows
    assert any("2 个号码在计划后退订" in notices_zh(n) for n in notices)
    assert store.stats(cid).suppressed == 2


class _ClaimCheckingAdapter(__import__("requests").adapters.HTTPAdapter):
    """At the moment a send request leaves, looks up its batch (by the body's ext) through a connection of its
    own: a claim not committed yet would not be 'sending' there."""

    def __init__(self, db_path, seen: list):
        super().__init__(max_retries=0)
        self.db_path = db_path
        self.seen = seen

    def send(self, request, **kwargs):
        import json
        ext = json.loads(request.body)["ext"]
        with Store(self.db_path) as other:  # in the helper thread sending
            (state,) = other.conn.execute("SELECT state FROM batches WHERE ext = ?", (ext,)).fetchone()
        self.seen.append(state)
        return super().send(request, **kwargs)


def test_a_request_leaves_only_once_its_claim_is_committed(simulator, store, tmp_path):
    """Exactly once rests on this order: another connection must already see the batch 'sending' when the first
    byte of its request goes (on both engines, window 3: the claim commits in the runner's thread, the request
    leaves from a helper)."""
    import requests
    seen: list[str] = []
    session = requests.Session()
    adapter = _ClaimCheckingAdapter(tmp_path / "ljsms.sqlite3", seen)
    session.mount("http://", adapter)
    client = LjClient(simulator.base_url, "demo", "demo", timeout=5, session=session)
    cid = plain_campaign(store, 20_000)
    result = run_campaign(store, client, cid, window=3)
    assert result.state == "done" and len(seen) == 10
    assert seen == ["sending"] * 10
    assert set(simulator.sent_counter().values()) == {1} and len(simulator.sent_counter()) == 20_000


def test_a_batch_claimed_elsewhere_before_its_claim_is_never_sent(simulator, store, tmp_path):
    """The claim (planned → sending only if still planned; on a team's database checked once its COMMIT returned)
    fails: nothing of that batch reaches the gateway, and the run stops with the store's error."""
    client = client_for(simulator)
    cid = plain_campaign(store, 4000)
    first = store.batches(cid)[0]
    other = Store(tmp_path / "ljsms.sqlite3")

    def meanwhile(*_progress):  # called before the first claim: another desktop takes batch 1
        if other.batches(cid)[0].state == B_PLANNED:
            other.conn.execute("UPDATE batches SET state = 'sending' WHERE id = ?", (first.id,))

    started = time.monotonic()
    with pytest.raises(StoreError) as e:
        run_campaign(store, client, cid, window=3, on_progress=meanwhile)
    other.close()
    assert e.value.kind == "state" and time.monotonic() - started < 5
    assert simulator.sent_counter() == Counter()  # not a number of it (nor of batch 2, never claimed)
    assert [b.state for b in store.batches(cid)] == ["sending", B_PLANNED]
