"""The simulated gateway, spoken to over real HTTP with plain ``requests`` (not the project client)."""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from ljsms_desktop.api.auth import make_key
from ljsms_desktop.simulator import SimConfig, Simulator
from ljsms_desktop.simulator.config import FAILURE_STATUSES, OPTOUT_REPLIES, OTHER_REPLIES

SIG = "【联江】"
TEMPLATE = "【联江】您的订单{}已发货，预计{}送达"
REPO = Path(__file__).resolve().parents[1]


def numbers(n: int, start: int = 13800000000) -> list[str]:
    return [str(start + i) for i in range(n)]


def post(sim: Simulator, endpoint: str, *, password: str = "demo", ts=None, session=None,
         timeout: float = 5.0, **fields) -> requests.Response:
    """POST a signed body; ``fields`` override or add to the auth fields (``None`` removes one)."""
    ts = int(time.time()) if ts is None else ts
    key_ts = int(ts) if str(ts).isdigit() else int(time.time())
    body = {"account": "demo", "timestamp": ts, "key": make_key(password, key_ts), **fields}
    body = {k: v for k, v in body.items() if v is not None}
    return (session or requests).post(f"{sim.base_url}/{endpoint}", json=body, timeout=timeout)


def code_of(response: requests.Response) -> int:
    assert response.status_code == 200, response.text
    return response.json()["code"]


def send(sim, mobiles, content=SIG + "您好", **fields) -> requests.Response:
    return post(sim, "sms", content=content, mobile=",".join(mobiles), **fields)


# -- request framing and authentication ---------------------------------------------------------

def test_empty_and_unparsable_bodies(simulator):
    url = f"{simulator.base_url}/sms"
    assert requests.post(url, data=b"").json() == {"code": 40000, "desc": "json empty"}
    assert requests.post(url, data=b"{}").json()["code"] == 40000
    assert requests.post(url, data=b'{"account": "demo"').json() == {"code": 40001, "desc": "json error"}
    assert requests.post(url, data=b"[1, 2]").json()["code"] == 40001
    assert requests.post(url, data=b'{"content": "\xff\xfe\xfa"}').json()["code"] == 40001

    conn = http.client.HTTPConnection("127.0.0.1", simulator.port, timeout=5)
    conn.putrequest("POST", "/api/v1/sms")
    conn.putheader("Content-Length", "abc")
    conn.endheaders()
    response = conn.getresponse()
    assert response.status == 200 and b'"code":40001' in response.read()
    conn.close()


def test_unknown_path_and_method(simulator):
    r = requests.post(simulator.base_url + "/nothing", json={})
    assert r.status_code == 404 and r.json()["code"] == 404
    r = requests.get(simulator.base_url + "/sms")
    assert r.status_code == 405 and r.headers["Content-Type"].startswith("application/json")


@pytest.mark.parametrize(("fields", "expected"), [
    ({"account": "nobody"}, 40002),
    ({"account": None}, 40002),
    ({"key": ""}, 40006),
    ({"key": None}, 40006),
    ({"ts": int(time.time()) - 1000}, 40007),
    ({"ts": "yesterday"}, 40007),
    ({"ts": 1.5e9}, 40007),
    ({"password": "wrong"}, 40008),
    ({"ts": str(int(time.time()))}, 20000),   # digit string, as public Go clients send it
])
def test_authentication_codes(simulator, fields, expected):
    assert code_of(post(simulator, "accountNum", **fields)) == expected


def test_account_state_codes(simulator):
    simulator.configure(allowed_ips=["10.1.2.3"])
    assert code_of(post(simulator, "accountNum")) == 40003
    simulator.configure(allowed_ips=["127.0.0.1"], disabled=True)
    assert code_of(post(simulator, "accountNum")) == 40004
    simulator.configure(disabled=False, developer_mode=False)
    assert code_of(post(simulator, "accountNum")) == 40005
    simulator.configure(developer_mode=True)
    assert post(simulator, "accountNum").json() == {"smsNum": 100000, "code": 20000, "desc": "success"}


def test_timestamp_window_is_configurable(make_simulator):
    sim = make_simulator(timestamp_window=2000)
    assert code_of(post(sim, "accountNum", ts=int(time.time()) - 1000)) == 20000


# -- plain sends ------------------------------------------------------------------------------

@pytest.mark.parametrize(("fields", "expected"), [
    ({"content": ""}, 40009),
    ({"content": "   "}, 40009),
    ({"content": "没有签名的短信"}, 40010),
    ({"content": "【】空签名"}, 40010),
    ({"content": SIG + "长" * 497}, 40011),
    ({"mobile": ""}, 40012),
    ({"mobile": " , ,"}, 40012),
    ({"mobile": ",".join(numbers(2001))}, 40013),
    ({"code": "12a"}, 40014),
    ({"code": "-1"}, 40014),
    ({"ext": "x" * 41}, 40001),
])
def test_send_refusals(simulator, fields, expected):
    body = {"content": SIG + "您好", "mobile": "13800000000", **fields}
    assert code_of(post(simulator, "sms", **body)) == expected
    assert simulator.accepted == [] and simulator.balance == 100000


def test_send_limits_that_pass(simulator):
    r = post(simulator, "sms", content="结尾签名也可以" + SIG, mobile=",".join(numbers(2000)),
             code="123456789012", ext="x" * 40)
    assert code_of(r) == 20000
    (acc,) = simulator.accepted
    assert acc.code == "12345678" and acc.ext == "x" * 40 and len(acc.mobiles) == 2000
    assert code_of(post(simulator, "sms", content=SIG + "长" * 496, mobile="13800000000", code=55)) == 20000


def test_approved_signatures(make_simulator):
    sim = make_simulator(signatures={"联江", "【联江科技】"})
    assert code_of(send(sim, ["13800000000"], content="【别家】你好")) == 40010
    assert code_of(send(sim, ["13800000000"], content="你好【联江科技】")) == 20000
    assert code_of(send(sim, ["13800000000"], content="【联江】你好")) == 20000


def test_accepted_send_answer_and_msgids(simulator):
    ids = []
    for i in range(5):
        r = send(simulator, numbers(3, 13900000000 + 10 * i))
        answer = r.json()
        assert answer["code"] == 20000 and answer["desc"] == "success"
        assert isinstance(answer["msgId"], str) and len(answer["msgId"]) == 18 and answer["msgId"].isdigit()
        ids.append(answer["msgId"])
    assert len(set(ids)) == 5
    assert [a.msg_id for a in simulator.accepted] == ids
    assert simulator.sent_count("13900000000") == 1 and sum(simulator.sent_counter().values()) == 15


@pytest.mark.parametrize(("text", "parts"), [
    (SIG + "a" * 66, 1),            # 70 units
    (SIG + "a" * 67, 2),            # 71
    (SIG + "字" * 130, 2),           # 134 = 2 × 67
    (SIG + "字" * 131, 3),           # 135
    (SIG + "a" * 65 + "😀", 2),      # 70 characters but 71 UTF-16 units
    (SIG + "a" * 64 + "😀", 1),      # 70 units
])
def test_charged_per_part(simulator, text, parts):
    assert code_of(send(simulator, numbers(3), content=text)) == 20000
    assert simulator.balance == 100000 - 3 * parts
    assert simulator.accepted[0].parts == 3 * parts


def test_balance_not_enough_refuses_whole_request(make_simulator):
    sim = make_simulator(balance=5)
    long_text = SIG + "a" * 67  # 2 parts
    assert post(sim, "sms", content=long_text, mobile=",".join(numbers(3))).json() == {
        "code": 40019, "desc": "balance not enough"}
    assert sim.balance == 5 and sim.accepted == [] and sim.pending_reports() == 0
    assert code_of(send(sim, numbers(2), content=long_text)) == 20000
    assert post(sim, "accountNum").json()["smsNum"] == 1
    sim.balance = 1000
    assert sim.balance == 1000


# -- template sends -----------------------------------------------------------------------------

def tp(sim, rows, template=TEMPLATE, template_id="7", **fields):
    return post(sim, "smsTp", template=template, templateId=template_id,
                list=[{"mobile": m, "content": v} for m, v in rows], **fields)


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({"template": ""}, 40015),
    ({"template": None}, 40015),
    ({"template_id": "8"}, 40016),
    ({"template": TEMPLATE + "！"}, 40016),
    ({"rows": []}, 40017),
    ({"rows": [("13800000000", ["A1", "周五"])] * 1001}, 40018),
    ({"rows": [("13800000000", ["A1"])]}, 40016),
    ({"rows": [("13800000000", ["A1", "周五", "多"])]}, 40016),
    ({"rows": [("", ["A1", "周五"])]}, 40012),
    ({"rows": [("13800000000", ["A1", "长" * 490])]}, 40011),
    ({"code": "x"}, 40014),
])
def test_template_refusals(make_simulator, kwargs, expected):
    sim = make_simulator(templates={"7": TEMPLATE, "9": "无签名{}"})
    kwargs.setdefault("rows", [("13800000000", ["A1", "周五"])])
    assert code_of(tp(sim, **kwargs)) == expected
    assert sim.balance == 100000


def test_template_rendered_text_needs_a_signature(make_simulator):
    sim = make_simulator(templates={"9": "{}您好"})
    assert code_of(tp(sim, [("13800000000", ["张三"])], template="{}您好", template_id="9")) == 40010
    assert code_of(tp(sim, [("13800000000", ["【联江】张三"])], template="{}您好", template_id="9")) == 20000


def test_template_send_renders_and_charges_each_entry(make_simulator):
    sim = make_simulator(templates={"7": TEMPLATE})
    rows = [("13800000000", ["A1", "周五"]), ("13800000001", ["{}" + "B" * 60, 3])]
    r = tp(sim, rows, template_id=7, code="66")
    assert code_of(r) == 20000 and len(r.json()["msgId"]) == 18
    (acc,) = sim.accepted
    assert acc.endpoint == "smsTp" and acc.template_id == "7" and acc.code == "66"
    assert acc.contents[0] == "【联江】您的订单A1已发货，预计周五送达"
    assert acc.contents[1] == "【联江】您的订单{}" + "B" * 60 + "已发货，预计3送达"
    assert acc.values == (("A1", "周五"), ("{}" + "B" * 60, "3"))
    assert acc.parts == 1 + 2 and sim.balance == 100000 - 3


# -- reports and replies ------------------------------------------------------------------------

def test_reports_handed_out_once_in_bounded_pulls(make_simulator):
    sim = make_simulator(pull_size=3)
    msg_id = send(sim, numbers(7), ext="批次A").json()["msgId"]
    assert sim.pending_reports() == 7
    pulls = []
    while (answer := post(sim, "report").json())["code"] == 20000:
        pulls.append(answer["list"])
    assert answer == {"code": 40999, "desc": "no data"}
    assert [len(p) for p in pulls] == [3, 3, 1]
    items = [item for pull in pulls for item in pull]
    assert [i["mobile"] for i in items] == numbers(7)
    for item in items:
        assert set(item) == {"msgId", "mobile", "code", "time", "ext"}
        assert item["msgId"] == msg_id and item["ext"] == "批次A"
        assert item["code"] == "DELIVRD" or item["code"] in FAILURE_STATUSES
        time.strptime(item["time"], "%Y-%m-%d %H:%M:%S")
    assert sim.reports_handed_out == items and sim.pending_reports() == 0
    assert code_of(post(sim, "report")) == 40999


def test_report_delay_and_make_all_due(make_simulator):
    sim = make_simulator(report_delay=60.0)
    send(sim, numbers(2))
    assert code_of(post(sim, "report")) == 40999 and sim.pending_reports() == 2
    sim.make_all_due()
    assert len(post(sim, "report").json()["list"]) == 2


def test_failure_statuses(make_simulator):
    sim = make_simulator(deliver_rate=0.0)
    send(sim, numbers(40))
    statuses = {item["code"] for item in post(sim, "report").json()["list"]}
    assert statuses <= set(FAILURE_STATUSES) and len(statuses) > 1


def test_replies_carry_expand_and_msgid(make_simulator):
    sim = make_simulator(deliver_rate=1.0, reply_rate=1.0, optout_rate=1.0, pull_size=4)
    msg_id = send(sim, numbers(5), code="123456789").json()["msgId"]
    first = post(sim, "reply").json()
    second = post(sim, "reply").json()
    assert first["code"] == second["code"] == 20000
    replies = first["list"] + second["list"]
    assert [r["mobile"] for r in replies] == numbers(5)
    for r in replies:
        assert r["expand"] == "12345678" and r["msgId"] == msg_id and r["content"] in OPTOUT_REPLIES
        assert set(r) == {"mobile", "content", "time", "expand", "msgId"}
    assert post(sim, "reply").json() == {"code": 40999, "desc": "no data"}
    assert sim.replies_handed_out == replies

    added = sim.add_reply("13700000000", "多少钱", expand="9", msg_id=msg_id)
    assert post(sim, "reply").json()["list"] == [added]


def test_reply_mix_and_delay(make_simulator):
    sim = make_simulator(deliver_rate=1.0, reply_rate=0.5, optout_rate=0.3, reply_delay=60.0)
    send(sim, numbers(400))
    assert code_of(post(sim, "reply")) == 40999
    sim.make_all_due()
    replies = []
    while (answer := post(sim, "reply").json())["code"] == 20000:
        replies += answer["list"]
    contents = [r["content"] for r in replies]
    assert 120 < len(replies) < 280
    assert any(c in OPTOUT_REPLIES for c in contents) and any(c in OTHER_REPLIES for c in contents)


def test_same_seed_same_outcome(make_simulator):
    def run(sim):
        ids = [send(sim, numbers(50, 13800000000 + 100 * i), code=str(i)).json()["msgId"] for i in range(3)]
        reports = post(sim, "report").json()["list"]
        replies = post(sim, "reply").json()["list"]
        return ids, [(r["mobile"], r["code"]) for r in reports], [(r["mobile"], r["content"]) for r in replies]

    settings = {"seed": 99, "deliver_rate": 0.5, "reply_rate": 0.3}
    first, second = run(make_simulator(**settings)), run(make_simulator(**settings))
    assert first == second
    assert {code for _, code in first[1]} > {"DELIVRD"} and first[2]
    assert run(make_simulator(seed=100, deliver_rate=0.5, reply_rate=0.3)) != first


# -- faults ---------------------------------------------------------------------------------------

def test_busy_rate_answers_49999_without_acting(make_simulator):
    sim = make_simulator(busy_rate=1.0)
    for endpoint in ("sms", "smsTp", "accountNum", "report", "reply"):
        assert post(sim, endpoint, content=SIG + "hi", mobile="13800000000").json() == {
            "code": 49999, "desc": "system is busy"}
    assert sim.accepted == [] and sim.balance == 100000
    assert sim.requests["*"][49999] == 5
    sim.set_faults(busy_rate=0.0)
    assert code_of(send(sim, ["13800000000"])) == 20000


def test_drop_rate_accepts_then_hangs_up(make_simulator):
    sim = make_simulator(drop_rate=1.0)
    with pytest.raises(requests.ConnectionError):
        send(sim, numbers(2))
    (acc,) = sim.accepted
    assert acc.dropped and sim.balance == 100000 - 2 and sim.sent_count("13800000000") == 1
    assert sim.pending_reports() == 2 and sim.requests["sms"]["dropped"] == 1
    assert code_of(post(sim, "accountNum")) == 20000     # only sends are dropped


def test_delay_processes_then_answers_late(simulator):
    simulator.set_faults(delay=0.5)
    with pytest.raises(requests.Timeout):
        send(simulator, ["13800000000"], timeout=0.15)
    assert simulator.sent_count("13800000000") == 1      # accepted before the answer was due
    simulator.set_faults(delay=0.0)


def test_inject_raw_answers_do_not_act(simulator):
    simulator.inject("sms", status=502, body="<html><body>502 Bad Gateway</body></html>", content_type="text/html")
    r = send(simulator, ["13800000000"])
    assert r.status_code == 502 and r.headers["Content-Type"] == "text/html" and "Bad Gateway" in r.text
    simulator.inject("accountNum", body='{"code": 200')
    assert post(simulator, "accountNum").text == '{"code": 200'
    simulator.inject("accountNum", body={"desc": "success"})
    assert post(simulator, "accountNum").json() == {"desc": "success"}
    assert simulator.accepted == [] and simulator.balance == 100000
    assert code_of(send(simulator, ["13800000000"])) == 20000          # one-shot: next is normal


def test_inject_code_for_any_endpoint_several_times(simulator):
    simulator.inject(None, code=49999, times=2)
    assert code_of(post(simulator, "report")) == 49999
    assert code_of(send(simulator, ["13800000000"])) == 49999
    assert code_of(send(simulator, ["13800000000"])) == 20000
    assert simulator.sent_count("13800000000") == 1
    with pytest.raises(ValueError):
        simulator.inject("bogus", code=40000)


def test_inject_drop(simulator):
    simulator.inject("sms", drop=True)
    with pytest.raises(requests.ConnectionError):
        send(simulator, ["13800000000"])
    assert simulator.accepted[0].dropped and simulator.sent_count("13800000000") == 1
    simulator.inject("report", drop=True)
    with pytest.raises(requests.ConnectionError):
        post(simulator, "report")
    assert simulator.pending_reports() == 1 and simulator.reports_handed_out == []


def test_string_codes(make_simulator):
    sim = make_simulator(string_codes=True)
    assert post(sim, "accountNum").json() == {"smsNum": 100000, "code": "20000", "desc": "success"}
    assert post(sim, "report").json()["code"] == "40999"


# -- serving ------------------------------------------------------------------------------------

def test_keep_alive_and_concurrent_sends(simulator):
    with requests.Session() as session:
        for _ in range(5):
            assert code_of(post(simulator, "accountNum", session=session)) == 20000
    assert simulator.connections == 1

    def worker(offset):
        with requests.Session() as s:
            for i in range(10):
                send_body = ",".join(numbers(50, 13000000000 + offset * 1000 + i * 50))
                assert code_of(post(simulator, "sms", session=s, content=SIG + "并发", mobile=send_body)) == 20000

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    counter = simulator.sent_counter()
    assert len(counter) == 2000 and set(counter.values()) == {1}
    assert simulator.balance == 100000 - 2000 and len({a.msg_id for a in simulator.accepted}) == 40


def test_large_campaign_stays_cheap(make_simulator):
    sim = make_simulator(balance=10**6, pull_size=5000)
    with requests.Session() as s:
        for i in range(20):
            assert code_of(post(sim, "sms", session=s, content=SIG + "大批量",
                                mobile=",".join(numbers(2000, 13000000000 + 2000 * i)))) == 20000
        assert sim.pending_reports() == 40000
        total = 0
        while (answer := post(sim, "report", session=s).json())["code"] == 20000:
            assert len(answer["list"]) <= 5000
            total += len(answer["list"])
    assert total == 40000 and sim.pending_reports() == 0


def test_python_api_lifecycle():
    config = SimConfig(account="acme", password="s3cret", balance=7)
    assert "s3cret" not in repr(config)
    session = requests.Session()
    ts = int(time.time())
    auth = {"account": "acme", "timestamp": ts, "key": make_key("s3cret", ts)}
    with Simulator(config, seed=5) as sim:
        assert sim.base_url == f"http://127.0.0.1:{sim.port}/api/v1" and sim.port > 0
        assert sim.config.seed == 5 and sim.running and "s3cret" not in repr(sim)
        assert session.post(f"{sim.base_url}/accountNum", json=auth).json()["smsNum"] == 7
    assert not sim.running
    with pytest.raises(requests.ConnectionError):   # a stopped simulator answers nobody, not even kept-alive clients
        session.post(f"{sim.base_url}/accountNum", json=auth, timeout=5)
    session.close()
    with pytest.raises(ValueError):
        SimConfig(deliver_rate=1.5)


def test_cli_prints_address_and_stops_cleanly():
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "ljsms_desktop.simulator", "--port", "0", "--seed", "3", "--balance", "42",
         "--template", "1=【联江】验证码{}", "--report-delay", "0"],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        line = proc.stdout.readline().strip()
        assert line.startswith("联江网关模拟器已启动: http://127.0.0.1:") and line.endswith("/api/v1 (account demo)")
        base_url = line.split(": ", 1)[1].split(" ")[0]
        ts = int(time.time())
        auth = {"account": "demo", "timestamp": ts, "key": make_key("demo", ts)}
        assert requests.post(f"{base_url}/accountNum", json=auth, timeout=5).json()["smsNum"] == 42
        r = requests.post(f"{base_url}/smsTp", timeout=5, json={
            **auth, "template": "【联江】验证码{}", "templateId": "1", "list": [{"mobile": "13800000000", "content": ["1234"]}]})
        assert r.json()["code"] == 20000
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=10)
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "模拟器已停止" in out
