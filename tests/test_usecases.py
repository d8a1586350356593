"""The use cases (``ljsms_desktop.usecases``) against the simulator over loopback HTTP and real SQLite
files in tmp folders; and how the window words what they hand up (``ui/wording.notice``)."""

from __future__ import annotations

import openpyxl
import pytest

from ljsms_desktop.api import LjClient
from ljsms_desktop.engine import Poller, RunControl, notices
from ljsms_desktop.sheets import import_sheet
from ljsms_desktop.store import Store
from ljsms_desktop import usecases
from ljsms_desktop.usecases import errors as uc

pytestmark = pytest.mark.usefixtures("engine")  # each test on SQLite and on PostgreSQL (tests/conftest.py)

CONTENT = "【联江科技】会员日全场八折，回T退订"


@pytest.fixture
def services(tmp_path, simulator):
    db = tmp_path / "ljsms.sqlite3"
    Store(db).close()
    return usecases.Services(open_store=lambda: Store(db),
                             make_client=lambda: LjClient(simulator.base_url, "demo", "demo"))


def numbers(n: int, start: int = 13800000000) -> list[str]:
    return [str(start + i) for i in range(n)]


def campaign(services, cid: int):
    with services.store() as store:
        return store.campaign(cid)


class _Import:
    """What a sheet import hands the draft: its counts of refused and repeated rows."""

    def __init__(self, invalid: int, duplicates: int):
        self.invalid, self.duplicates = invalid, duplicates


def test_send_draft_stores_the_import_counts_and_reports_through_hooks(services, simulator):
    draft = usecases.draft_plain(CONTENT, numbers(5) + ["123", numbers(1)[0]], name="会员日",
                                 imports=[_Import(3, 2)])
    seen: dict[str, list] = {"created": [], "progress": [], "notice": []}
    hooks = usecases.RunHooks(created=seen["created"].append, progress=lambda *a: seen["progress"].append(a),
                              notice=seen["notice"].append)
    out = usecases.send_draft(services, draft, hooks=hooks)
    assert (out.state, out.stop, out.closed, out.code) == ("done", None, False, 0)
    assert seen["created"] == [out.campaign_id] and seen["progress"][-1] == (1, 1, 5, 5)
    s = out.stats
    assert (s.recipients, s.invalid, s.duplicates, s.accepted, s.name) == (5, 1 + 3, 1 + 2, 5, "会员日")
    assert dict(simulator.sent_counter()) == {m: 1 for m in numbers(5)}


def test_a_fresh_send_stopped_before_anything_went_out_is_closed(services, simulator):
    simulator.inject("sms", code=40008)
    out = usecases.send_draft(services, usecases.draft_plain(CONTENT, numbers(3)))
    assert out.closed and out.state == "cancelled" and out.sent_nothing and out.code == 40008
    assert out.stop.code == notices.REFUSED and out.stop["code"] == 40008 and out.stop["message_en"]
    camp = campaign(services, out.campaign_id)
    assert camp.state == "cancelled" and "40008" in camp.stop_reason and "已关闭" in camp.stop_reason
    closed = notices.from_data(camp.stop_notice)   # the same reason as data: the window words it in its language
    assert closed == notices.notice(notices.CLOSED_UNSENT, reason=out.stop) and notices.zh(closed) == camp.stop_reason
    with pytest.raises(usecases.UseCaseError) as e:   # nothing to resume: it can never go out later
        usecases.send_campaign(services, out.campaign_id)
    assert e.value.code == uc.NOT_RESUMABLE and e.value.params["state"] == "cancelled"
    assert simulator.sent_counter() == {}


def test_a_resumed_campaign_is_not_closed_and_unknown_batches_are_handed_up(services, simulator):
    cid = usecases.store_draft(services, usecases.draft_plain(CONTENT, numbers(3)))
    assert campaign(services, cid).state == "ready"
    simulator.inject("sms", code=40008)
    out = usecases.send_campaign(services, cid)
    assert (out.state, out.closed) == ("stopped", False)     # a stored campaign stays resumable
    simulator.inject("sms", drop=True)                       # accepted, but the answer is lost
    got_notices, got_unknown = [], []
    out = usecases.send_campaign(services, cid, hooks=usecases.RunHooks(notice=got_notices.append,
                                                                        unknown=got_unknown.append))
    assert out.state == "done" and out.stats.unknown == 3
    assert [n.code for n in got_notices] == [notices.BATCH_UNKNOWN] and got_notices[0]["seq"] == 1
    assert got_unknown == [[usecases.UnknownBatch(1, 3, got_unknown[0][0].error)]] == [out.unknown_batches]
    assert dict(simulator.sent_counter()) == {m: 1 for m in numbers(3)}


def test_cancel_and_its_refusals(services, simulator):
    cid = usecases.store_draft(services, usecases.draft_plain(CONTENT, numbers(2)))
    camp, stats = usecases.campaign_to_resume(services, cid)
    assert camp.id == cid and stats.planned == 2
    assert usecases.cancel_campaign(services, cid).state == "cancelled"
    camp = campaign(services, cid)   # the default reason is a Notice's words: kept as data too
    assert camp.stop_reason == "用户取消" and notices.from_data(camp.stop_notice) == notices.notice(notices.USER_CANCELLED)
    typed = usecases.store_draft(services, usecases.draft_plain(CONTENT, numbers(2)))
    usecases.cancel_campaign(services, typed, "客户要求停发")   # a reason of the user's own: words only
    assert (campaign(services, typed).stop_reason, campaign(services, typed).stop_notice) == ("客户要求停发", None)
    for fn, code in ((usecases.cancel_campaign, uc.NOT_RESUMABLE), (usecases.campaign_to_resume, uc.NOT_RESUMABLE)):
        with pytest.raises(usecases.UseCaseError) as e:
            fn(services, cid)
        assert e.value.code == code and "已取消" in e.value.message_zh and "cancelled" in e.value.message_en
    with pytest.raises(usecases.UseCaseError) as e:
        usecases.cancel_campaign(services, 999)
    assert e.value.code == uc.NO_CAMPAIGN and e.value.params == {"campaign": 999}
    with pytest.raises(usecases.UseCaseError) as e:
        usecases.store_draft(services, usecases.draft_plain("没有签名", numbers(1)))
    assert e.value.code == uc.NOT_SENDABLE and "签名" in e.value.message_zh
    assert simulator.sent_counter() == {}


def test_a_user_pause_is_a_code_too(services, simulator):
    control = RunControl()
    control.pause()
    out = usecases.send_campaign(services, usecases.store_draft(services, usecases.draft_plain(CONTENT, numbers(2))),
                                 control=control)
    assert out.state == "paused" and out.stop == notices.notice(notices.USER_PAUSED)
    assert out.stats.stop_reason == "用户暂停"


LONG_TEMPLATE = "【联江科技】{}您好，您的订单{}已发货。" + "详情请见官网说明。" * 35 + "回T退订"


def template_book(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["手机号", "姓名", "订单号"])
    ws.append([13800000000, "客户0", "DD0"])
    ws.append([13800000001, "长" * 100, "X" * 100])     # rendered: over 500 characters
    ws.append([13800000001, "后来", "DD1"])             # the same number again, sendable
    ws.append([13800000000, "重复", "DD2"])             # a repeat of row 2
    wb.save(path)
    return path


def test_the_template_import_checks_the_rendered_length(tmp_path, services, make_simulator):
    book = template_book(tmp_path / "名单.xlsx")
    result = usecases.import_for_template(book, LONG_TEMPLATE)
    assert (result.valid, result.invalid, result.duplicates) == (2, 1, 1)
    assert [p.row for p in result.iter_problems() if p.kind == "invalid"] == [3]
    draft = usecases.draft_template(LONG_TEMPLATE, "T1", result)
    assert draft.plan.recipients == ["13800000000", "13800000001"] and (draft.invalid, draft.duplicates) == (1, 1)
    # Without the template the long row would have been "valid", and the later one its duplicate.
    blind = usecases.draft_template(LONG_TEMPLATE, "T1", import_sheet(book, variable_columns=["B", "C"]))
    assert blind.plan.recipients == ["13800000000"] and (blind.invalid, blind.duplicates) == (1, 2)


def test_save_template_and_the_saved_list(services):
    usecases.save_template(services, " T1 ", "【联江】{}您好")
    usecases.save_template(services, "T1", "【联江】{}您好，回T退订")   # replaces the text
    assert usecases.saved_templates(services) == [("T1", "【联江】{}您好，回T退订", "")]
    with pytest.raises(usecases.UseCaseError) as e:
        usecases.save_template(services, "T2", "  ")
    assert e.value.code == uc.NO_TEMPLATE


def test_numbers_to_retry_are_the_failed_and_never_sent_ones(services, make_simulator, tmp_path):
    sim = make_simulator(deliver_rate=0.0)
    svc = usecases.Services(open_store=services.open_store, make_client=lambda: LjClient(sim.base_url, "demo", "demo"))
    out = usecases.send_draft(svc, usecases.draft_plain(CONTENT, numbers(4), name="周末"))
    usecases.send_draft(svc, usecases.draft_plain(CONTENT, numbers(1), name=usecases.TEST_PREFIX + "：周末"))
    assert usecases.numbers_to_retry(svc, out.campaign_id) == []        # no report yet: may still arrive
    with svc.make_client() as client:
        Poller(svc.open_store, client).poll_once()
    assert usecases.numbers_to_retry(svc, out.campaign_id) == numbers(4)
    assert [c[:2] for c in usecases.campaigns_to_pick(svc)] == [(out.campaign_id, "周末")]  # no test sends
    with pytest.raises(usecases.UseCaseError):
        usecases.numbers_to_retry(svc, 77)


# -- the window's words for what the use cases hand up ---------------------------------------------------

def test_the_window_words_every_notice_as_the_record_does(qapp):
    from ljsms_desktop.ui import wording

    for code, zh in notices.ZH.items():
        if code != notices.CANCELLED_ELSEWHERE:   # the window says where it was cancelled
            assert wording._NOTICES[code] == zh, code
    refused = notices.notice(notices.REFUSED, code=40008, message_zh="账号或密码错误", message_en="Wrong password")
    n = notices.notice(notices.STOPPED_NOTICE, reason=refused)
    assert wording.notice(n) == notices.zh(n) == "发送已停止：账号或密码错误（代码 40008）"
    assert wording.notice(notices.notice(notices.BUSY_WAIT, seconds=5.0)) == "网关繁忙，5 秒后重试"


def test_the_english_window_gets_english_notices_and_stop_reasons(qapp):
    """Through a translator holding the dictionary scripts/translations_en.py writes into the .ts."""
    import sys
    from pathlib import Path

    from PySide6.QtCore import QTranslator

    from ljsms_desktop.jobs.campaign import RunStopped
    from ljsms_desktop.ui import wording

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    try:
        from translations_en import EN
    finally:
        sys.path.pop(0)

    class Dictionary(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002 - Qt signature
            return EN.get(source, "") if context == "Wording" else ""

        def isEmpty(self):  # noqa: N802 - Qt name
            return False

    tr = Dictionary()
    qapp.installTranslator(tr)
    try:
        assert wording.english()
        refused = notices.notice(notices.REFUSED, code=40008, message_zh="账号或密码错误", message_en="Wrong password")
        assert wording.notice(notices.notice(notices.STOPPED_NOTICE, reason=refused)) == \
            "Sending stopped: Wrong password (code 40008)"
        assert wording.notice(notices.notice(notices.BATCH_UNKNOWN, seq=3)).startswith("Batch 3 got no clear answer")
        stopped = RunStopped({"stop": refused, "code": 40008, "reason": "账号或密码错误（代码 40008）"})
        assert wording.message(stopped) == "Wrong password (code 40008)"   # not "The campaign was stopped."
        for code in notices.ZH:   # every code has English words, none falls back to Chinese
            params = {"batches": 2, "seconds": 5, "seq": 1, "numbers": 4, "code": 1, "message_zh": "网关",
                      "message_en": "gateway", "text": "x", "reason": refused}
            text = wording.notice(notices.Notice(code, params))
            assert not any("\u4e00" <= ch <= "\u9fff" for ch in text), (code, text)
    finally:
        qapp.removeTranslator(tr)
    assert not wording.english()
