"""``ljsms send/template/resume/campaigns/status/pull/suppress`` against the simulator, in process."""

from __future__ import annotations

import json

import pytest

from cli_helpers import point_at, run
from ljsms_desktop import cli
from ljsms_desktop.store import Store

pytestmark = pytest.mark.usefixtures("engine")  # each test on SQLite and on PostgreSQL (tests/conftest.py)

CONTENT = "【联江科技】会员日全场八折，回T退订"
KEYS = {"campaign", "state", "recipients", "invalid", "suppressed", "accepted", "rejected", "unknown", "delivered",
        "failed", "pending_report", "replies", "opt_outs"}


@pytest.fixture
def env(simulator, tmp_path, monkeypatch):
    return point_at(simulator, tmp_path, monkeypatch)


def store_of(env) -> Store:
    return Store(env / "home" / "ljsms.sqlite3")


def test_send_to_numbers_with_json(env, simulator, capsys):
    status, out, err = run(capsys, "send", "--content", CONTENT, "--to",
                           "13800000000, 138-0000-0001,+8613800000002,123,13800000000", "--yes", "--json")
    assert status == 0, err
    data = json.loads(out)
    assert KEYS <= set(data)
    assert (data["recipients"], data["invalid"], data["duplicates"], data["accepted"], data["state"]) == (3, 1, 1, 3, "done")
    assert "预计消耗 3 条" in err and "余额" in err and "进度" in err
    assert dict(simulator.sent_counter()) == {"13800000000": 1, "13800000001": 1, "13800000002": 1}


def test_status_campaigns_and_pull(env, simulator, capsys):
    run(capsys, "send", "--content", CONTENT, "--to", "13800000000,13800000001", "--yes")
    simulator.make_all_due()
    status, out, _ = run(capsys, "pull", "--json")
    assert status == 0 and json.loads(out)["new_reports"] == 2
    status, out, _ = run(capsys, "status", "1", "--json")
    data = json.loads(out)
    assert status == 0 and KEYS <= set(data) and data["delivered"] + data["failed"] == 2
    status, out, _ = run(capsys, "status", "1")
    assert status == 0 and "送达" in out and "最近一次拉取" in out
    status, out, _ = run(capsys, "campaigns", "--json")
    listing = json.loads(out)
    assert status == 0 and [c["campaign"] for c in listing] == [1] and KEYS <= set(listing[0])
    status, out, _ = run(capsys, "campaigns")
    assert status == 0 and "已完成" in out
    assert run(capsys, "status", "99")[0] == 2


def test_send_numbers_from_a_file(env, simulator, capsys):
    listing = env / "n.txt"
    listing.write_text("手机号\n13900000001\n13900000002\nabc\n13900000001\n", encoding="utf-8")
    status, out, err = run(capsys, "send", "--content", CONTENT, "--numbers", str(listing), "--yes", "--json")
    assert status == 0, err
    data = json.loads(out)
    assert (data["recipients"], data["invalid"], data["duplicates"]) == (2, 1, 1)
    assert set(simulator.sent_counter()) == {"13900000001", "13900000002"}


def test_template_send_from_csv(env, simulator, capsys):
    template = "【联江科技】{}您好，您的订单{}已发货"
    simulator.configure(templates={"T1": template})
    sheet = env / "rows.csv"
    sheet.write_text("手机号,姓名,单号\n13800000000,张三,A1\n13800000001,李四,B2\n", encoding="utf-8")
    status, out, err = run(capsys, "template", "--template-id", "T1", "--template", template, "--file", str(sheet),
                           "--yes", "--json", "--save-template")
    assert status == 0, err
    assert json.loads(out)["accepted"] == 2
    [acc] = simulator.accepted
    assert dict(zip(acc.mobiles, acc.values)) == {"13800000000": ("张三", "A1"), "13800000001": ("李四", "B2")}
    with store_of(env) as s:
        assert s.template("T1").text == template


def test_send_asks_unless_yes(env, simulator, capsys):
    status, _, err = run(capsys, "send", "--content", CONTENT, "--to", "13800000000")
    assert status == 2 and "--yes" in err
    assert not simulator.accepted


def test_refusals_before_sending(env, simulator, capsys):
    status, _, err = run(capsys, "send", "--content", "没有签名的内容", "--to", "13800000000", "--yes")
    assert status == 2 and "签名" in err
    simulator.balance = 1
    status, _, err = run(capsys, "send", "--content", CONTENT, "--to", "13800000000,13800000001", "--yes")
    assert status == 1 and "余额不足" in err
    assert not simulator.accepted


def test_suppress_add_list_remove_and_send_skips_them(env, simulator, capsys):
    assert run(capsys, "suppress", "add", "138 0000 0000", "13800000001", "--reason", "投诉")[0] == 0
    status, out, _ = run(capsys, "suppress", "list", "--json")
    assert {e["mobile"] for e in json.loads(out)} == {"13800000000", "13800000001"}
    assert run(capsys, "suppress", "remove", "13800000001")[0] == 0
    assert run(capsys, "suppress", "add", "12345")[0] == 2
    status, out, _ = run(capsys, "send", "--content", CONTENT, "--to", "13800000000,13800000001", "--yes", "--json")
    assert json.loads(out)["suppressed"] == 1 and set(simulator.sent_counter()) == {"13800000001"}


def stopped_campaign(env, mobiles: list[str]) -> int:
    """A campaign the engine stopped after the first of its batches went out (as after a wrong password)."""
    from ljsms_desktop.core.planning import plan_plain
    from ljsms_desktop.engine import create_campaign

    with store_of(env) as store:
        cid = create_campaign(store, plan_plain(CONTENT, mobiles))
        store.set_campaign_state(cid, "stopped", "账号或密码错误（代码 40008）")
        return cid


def test_unknown_batches_exit_3_and_resume_of_a_stopped_campaign(env, simulator, capsys):
    simulator.inject("sms", drop=True)
    status, out, err = run(capsys, "send", "--content", CONTENT, "--to", "13800000000", "--yes")
    assert status == 3 and "未知" in err
    cid = stopped_campaign(env, ["13800000005"])
    status, out, _ = run(capsys, "resume", str(cid), "--yes", "--json")
    assert status == 0 and json.loads(out)["accepted"] == 1
    assert run(capsys, "resume", str(cid), "--yes")[0] == 1  # done: nothing left
    assert run(capsys, "resume", "42")[0] == 2
    assert dict(simulator.sent_counter()) == {"13800000000": 1, "13800000005": 1}


def test_a_send_stopped_before_anything_went_out_is_closed(env, simulator, capsys):
    """The rule the window keeps too: fix the cause and send again; no resumable copy is left behind."""
    simulator.inject("sms", code=40008)
    status, out, err = run(capsys, "send", "--content", CONTENT, "--to", "13800000005", "--yes", "--json")
    assert status == 1 and "已关闭" in err and "resume" not in err
    assert json.loads(out)["state"] == "cancelled"
    status, _, err = run(capsys, "resume", "1", "--yes")
    assert status == 1 and "已取消" in err
    assert simulator.sent_counter() == {}


def test_help_documents_exit_status(capsys):
    assert cli.main(["send", "--help"]) == 0
    out = capsys.readouterr().out
    assert "退出状态" in out and "3" in out and "130" in out


def test_cancel_a_stopped_campaign_for_good(env, simulator, capsys):
    assert stopped_campaign(env, ["13800000007"]) == 1
    status, out, err = run(capsys, "cancel", "1", "--yes", "--json")
    assert status == 0 and json.loads(out)["state"] == "cancelled" and "1 个未发送的号码不会再发送" in err
    status, _, err = run(capsys, "resume", "1", "--yes")
    assert status == 1 and "已取消" in err
    assert run(capsys, "cancel", "1", "--yes")[0] == 1  # already cancelled
    assert run(capsys, "cancel", "9", "--yes")[0] == 2
    assert simulator.sent_counter() == {}


def test_send_again_to_the_failed_numbers_of_a_campaign(env, simulator, capsys):
    simulator.configure(deliver_rate=0.0)
    run(capsys, "send", "--content", CONTENT, "--to", "13800000000,13800000001,13800000002", "--yes")
    status, _, err = run(capsys, "send", "--content", CONTENT, "--failed-of", "1", "--yes")
    assert status == 1 and "ljsms pull" in err          # no report yet: nothing known to have failed
    simulator.make_all_due()
    assert run(capsys, "pull")[0] == 0
    status, out, err = run(capsys, "send", "--content", CONTENT, "--failed-of", "1", "--yes", "--json")
    assert status == 0 and json.loads(out)["recipients"] == 3 and "3 个" in err
    assert run(capsys, "send", "--content", CONTENT, "--failed-of", "9", "--yes")[0] == 2
    assert dict(simulator.sent_counter()) == {m: 2 for m in ("13800000000", "13800000001", "13800000002")}
