"""LjClient against the simulator over real loopback HTTP (and a capturing server for the wire format)."""

from __future__ import annotations

import hashlib
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ljsms_desktop.api import (LjApiError, LjBadResponseError, LjClient, LjLimitError, LjTransportError, Reply,
                               Report, SendResult, make_key)

SIGNED = "【联江科技】您好，本周会员日全场八折，回T退订"


def client_for(sim, **kw) -> LjClient:
    kw.setdefault("backoff", 0.01)
    return LjClient(sim.base_url, sim.config.account, sim.config.password, **kw)


def test_key_vector_from_contract():
    assert hashlib.md5(b"1528807644").hexdigest() == "2eef0a1f6db21f0542aef693278c8ffc"
    assert make_key("secret", 1528807644) == "1e2058b8d5f28d8fcc9d3bc08b8bdadf"


class _Capture(BaseHTTPRequestHandler):
    bodies: list = []

    def log_message(self, *a):
        pass

    def do_POST(self):
        raw = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).bodies.append((self.path, self.headers["Content-Type"], raw))
        out = json.dumps({"msgId": "152880982911993396", "code": "20000", "desc": "success"}).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)


def test_wire_format_exactly_as_the_contract_says():
    _Capture.bodies = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Capture)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        c = LjClient(f"http://127.0.0.1:{server.server_address[1]}/api/v1", "acct", "secret")
        result = c.send(SIGNED, ["13800138000", "13900139000"], code="12", ext="c1b1")
        assert result == SendResult("152880982911993396")  # a string code "20000" is accepted too
        path, ctype, raw = _Capture.bodies[0]
        assert path == "/api/v1/sms"
        assert ctype == "application/json; charset=utf-8"
        body = json.loads(raw.decode("utf-8"))
        assert set(body) == {"account", "timestamp", "key", "content", "mobile", "code", "ext"}
        assert isinstance(body["timestamp"], int)
        assert body["key"] == make_key("secret", body["timestamp"]) and body["key"] == body["key"].lower()
        assert body["mobile"] == "13800138000,13900139000"
        assert body["code"] == "12" and body["ext"] == "c1b1" and body["content"] == SIGNED
        assert b"secret" not in raw  # the password itself never travels
        c.send_template("【联江】{}您好，订单{}已发货", 7, [("13800138000", ["王", 12])])
        body = json.loads(_Capture.bodies[1][2])
        assert _Capture.bodies[1][0] == "/api/v1/smsTp"
        assert body["templateId"] == "7" and body["code"] == "" and body["ext"] == ""
        assert body["list"] == [{"mobile": "13800138000", "content": ["王", "12"]}]
    finally:
        server.shutdown()
        server.server_close()


def test_every_endpoint_against_the_simulator(make_simulator):
    sim = make_simulator(balance=1000, templates={"T1": "【联江】{}您好，订单{}已发货"}, deliver_rate=1.0)
    with client_for(sim) as c:
        assert c.balance() == 1000
        r = c.send(SIGNED, ["13800138000", "13900139000"], code="88", ext="c1b1")
        assert len(r.msg_id) == 18 and r.msg_id.isdigit()
        t = c.send_template("【联江】{}您好，订单{}已发货", "T1", [("13700137000", ["张三", "A100"])], code="88")
        assert t.msg_id != r.msg_id
        assert c.balance() == 1000 - 3
        sim.make_all_due()
        reports = c.reports()
        assert all(isinstance(x, Report) for x in reports)
        assert sorted(x.mobile for x in reports) == ["13700137000", "13800138000", "13900139000"]
        assert {x.ext for x in reports if x.msg_id == r.msg_id} == {"c1b1"}
        assert all(x.delivered for x in reports)
        assert c.reports() == []  # handed out once, then 40999 = empty list
        sim.add_reply("13800138000", "退订", expand="88", msg_id=r.msg_id)
        replies = c.replies()
        assert replies == [Reply("13800138000", "退订", replies[0].time, "88", r.msg_id)]
        assert c.replies() == []
        assert c.last_success is not None


@pytest.mark.parametrize("setup, call, code, words", [
    (dict(account="other"), "balance", 40002, "账号"),
    (dict(allowed_ips=["10.9.9.9"]), "balance", 40003, "白名单"),
    (dict(disabled=True), "balance", 40004, "停用"),
    (dict(developer_mode=False), "balance", 40005, "接口"),
    (dict(password="not-this-one"), "balance", 40008, "密码"),
    ({}, "unsigned", 40010, "签名"),
    ({}, "too_long", 40011, "长度"),
    (dict(templates={"T1": "【联江】{}您好"}), "template_mismatch", 40016, "模板"),
    (dict(balance=0), "send", 40019, "余额不足"),
])
def test_vendor_codes_become_clear_errors(make_simulator, setup, call, code, words):
    # The simulator's account/password are the wrong ones where the case is about credentials.
    account, password = "demo", "demo"
    sim = make_simulator(**setup)
    c = LjClient(sim.base_url, account, password, backoff=0.01)
    calls = {
        "balance": lambda: c.balance(),
        "send": lambda: c.send(SIGNED, ["13800138000"]),
        "unsigned": lambda: c.send("没有签名的短信", ["13800138000"]),
        "too_long": lambda: c.send("【联江】" + "长" * 600, ["13800138000"]),
        "template_mismatch": lambda: c.send_template("【联江】{}你好", "T1", [("13800138000", ["王"])]),
    }
    with pytest.raises(LjApiError) as info:
        calls[call]()
    assert info.value.code == code
    assert words in str(info.value)
    assert password not in str(info.value) or password == "demo" and "demo" not in str(info.value)
    assert not info.value.maybe_delivered


def test_clock_error_says_check_the_clock(simulator):
    simulator.inject("accountNum", code=40007)
    with pytest.raises(LjApiError) as info:
        client_for(simulator).balance()
    assert info.value.code == 40007 and "时间" in info.value.message_zh and "clock" in info.value.message_en


def test_busy_is_explained(simulator):
    simulator.inject("accountNum", code=49999, times=10)
    with pytest.raises(LjApiError) as info:
        client_for(simulator, retries=2).balance()
    assert info.value.busy and "繁忙" in str(info.value)
    assert simulator.request_count("accountNum") == 3  # one try and two retries


@pytest.mark.parametrize("kwargs, call", [
    (dict(mobiles=["13800138000"] * 2001), "send"),
    (dict(mobiles=[]), "send"),
    (dict(content="   "), "send"),
    (dict(code="12a"), "send"),
    (dict(ext="x" * 41), "send"),
    (dict(rows=[("13800138000", ["a"])] * 1001), "template"),
    (dict(rows=[("13800138000", ["a", "b"])]), "template"),
    (dict(rows=[]), "template"),
])
def test_limits_are_checked_before_any_byte_is_sent(simulator, kwargs, call):
    c = client_for(simulator)
    with pytest.raises(LjLimitError) as info:
        if call == "send":
            c.send(kwargs.get("content", SIGNED), kwargs.get("mobiles", ["13800138000"]),
                   code=kwargs.get("code", ""), ext=kwargs.get("ext", ""))
        else:
            c.send_template("【联江】{}您好", "T1", kwargs["rows"])
    assert info.value.message_zh and info.value.message_en
    assert simulator.request_count() == 0


def test_busy_then_success_is_retried_for_every_endpoint(simulator):
    c = client_for(simulator)
    for endpoint, call in [("accountNum", c.balance), ("report", c.reports), ("reply", c.replies),
                           ("sms", lambda: c.send(SIGNED, ["13800138000"]))]:
        simulator.inject(endpoint, code=49999, times=2)
        call()
        assert simulator.request_count(endpoint, "injected") == 2
    assert simulator.sent_count("13800138000") == 1


def test_dropped_send_is_ambiguous_and_never_retried(simulator):
    simulator.inject("sms", drop=True)
    c = client_for(simulator)
    with pytest.raises(LjTransportError) as info:
        c.send(SIGNED, ["13800138000"], ext="c1b1")
    assert info.value.maybe_delivered
    assert simulator.request_count("sms") == 1
    assert simulator.sent_count("13800138000") == 1  # the gateway did accept it
    assert [a.dropped for a in simulator.accepted] == [True]


def test_timed_out_send_may_have_been_delivered(simulator):
    simulator.set_faults(delay=1.0)
    c = client_for(simulator, timeout=0.2)
    with pytest.raises(LjTransportError) as info:
        c.send(SIGNED, ["13800138000"])
    assert info.value.maybe_delivered and "可能" in info.value.message_zh


def test_dropped_pull_is_retried(simulator):
    simulator.inject("report", drop=True)
    assert client_for(simulator).reports() == []
    assert simulator.request_count("report", "dropped") == 1 and simulator.request_count("report") == 2


def test_no_connection_was_not_delivered():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    c = LjClient(f"http://127.0.0.1:{port}/api/v1", "demo", "demo", retries=1, backoff=0.01)
    with pytest.raises(LjTransportError) as info:
        c.send(SIGNED, ["13800138000"])
    assert not info.value.maybe_delivered and "无法连接" in info.value.message_zh


@pytest.mark.parametrize("status, body, ctype, words", [
    (502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html", "网页"),
    (200, '{"code": 200', "application/json", "无法识别"),
    (200, "", "application/json", "空内容"),
    (200, '{"desc": "success"}', "application/json", "无法识别"),
])
def test_bad_answers_give_clear_errors(simulator, status, body, ctype, words):
    c = client_for(simulator, retries=0)
    simulator.inject("sms", status=status, body=body, content_type=ctype)
    with pytest.raises(LjBadResponseError) as info:
        c.send(SIGNED, ["13800138000"])
    assert words in info.value.message_zh and info.value.maybe_delivered  # a send: the gateway may have acted
    simulator.inject("accountNum", status=status, body=body, content_type=ctype)
    with pytest.raises(LjBadResponseError) as info:
        c.balance()
    assert words in info.value.message_zh and not info.value.maybe_delivered


def test_missing_fields(simulator):
    c = client_for(simulator, retries=0)
    simulator.inject("sms", body={"code": 20000, "desc": "success"})
    with pytest.raises(LjBadResponseError) as info:
        c.send(SIGNED, ["13800138000"])
    assert "msgId" in info.value.message_zh and info.value.maybe_delivered
    simulator.inject("accountNum", body={"code": 20000})
    with pytest.raises(LjBadResponseError):
        c.balance()
    # A pull is handed out once: malformed items are kept as far as they go, never a crash.
    simulator.inject("report", body={"code": "20000", "list": [{"msgId": 1, "mobile": "13800138000"}, "junk"]})
    assert c.reports() == [Report("1", "13800138000", "", "", "")]


def test_secrets_never_in_repr_or_errors(make_simulator):
    sim = make_simulator(password="Sup3r-Secret")
    c = LjClient(sim.base_url, "demo", "Wrong-Secret-Typed", backoff=0.01)
    assert "Secret" not in repr(c) and "Secret" not in str(vars(c))
    with pytest.raises(LjApiError) as info:
        c.balance()
    text = str(info.value) + repr(info.value) + str(info.value.args)
    assert "Secret" not in text and make_key("Wrong-Secret-Typed", 0)[:8] not in text


def test_mobiles_are_joined_clean(simulator):
    c = client_for(simulator)
    c.send(SIGNED, [" 13800138000", 13900139000, "", "13700137000\n"])
    c.send(SIGNED, "13600136000,,13500135000,")  # an already joined field, with stray commas
    assert [a.mobiles for a in simulator.accepted] == [("13800138000", "13900139000", "13700137000"),
                                                        ("13600136000", "13500135000")]


def test_the_environments_proxy_settings_are_honoured(monkeypatch):
    """The client works out HTTP(S)_PROXY / NO_PROXY once, not per request (requests re-read os.environ each
    time): a proxy in the environment is used, and a host in NO_PROXY is reached directly."""
    _Capture.bodies = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Capture)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    for name in ("HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    try:
        monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{port}")
        c = LjClient("http://gateway.example/api/v1", "acct", "secret", retries=0)
        assert c.send(SIGNED, ["13800138000"]).msg_id
        assert _Capture.bodies[-1][0] == "http://gateway.example/api/v1/sms"  # asked of the proxy
        with socket.socket() as s:  # a proxy nobody listens on, and the gateway named in NO_PROXY
            s.bind(("127.0.0.1", 0))
            monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{s.getsockname()[1]}")
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        c = LjClient(f"http://127.0.0.1:{port}/api/v1", "acct", "secret", retries=0)
        assert c.send(SIGNED, ["13800138000"]).msg_id
        assert _Capture.bodies[-1][0] == "/api/v1/sms"  # straight to the gateway
    finally:
        server.shutdown()
        server.server_close()
