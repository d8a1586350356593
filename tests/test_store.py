"""The SQLite store on real files: schema, transactions, known errors, batch states, reports, replies."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from ljsms_desktop.api.models import Reply, Report
from ljsms_desktop.store import (
    B_ACCEPTED, B_PLANNED, B_REJECTED, B_SENDING, B_UNKNOWN, Store, StoreError,
)
from ljsms_desktop.store.schema import SCHEMA_VERSION

pytestmark = pytest.mark.usefixtures("engine")  # each test on SQLite and on PostgreSQL (tests/conftest.py)

CONTENT = "【联江科技】会员日八折，回T退订"


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "data" / "ljsms.sqlite3")
    yield s
    s.close()


def nums(n: int, start: int = 0) -> list[str]:
    return [f"138{start + i:08d}" for i in range(n)]


def make_campaign(store: Store, n: int = 5, size: int = 2) -> int:
    numbers = nums(n)
    batches = [numbers[i:i + size] for i in range(0, n, size)]
    return store.create_campaign(kind="plain", content=CONTENT, batches=batches,
                                 batch_parts=[len(b) for b in batches], invalid=1, duplicates=2, suppressed=3)


def send_all(store: Store, cid: int, msg_base: int = 100) -> list:
    store.begin_run(cid)
    out = []
    for b in store.batches(cid):
        store.mark_sending(b.id)
        store.mark_accepted(b.id, str(msg_base + b.seq))
        out.append(store.batch(b.id))
    return out


# -- file, schema, transactions -----------------------------------------------------------------
def test_new_file_is_wal_with_foreign_keys_and_current_version(tmp_path):
    path = tmp_path / "sub" / "x.sqlite3"
    s = Store(path)
    assert path.exists()
    assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert s.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert s.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert {"campaigns", "batches", "recipients", "reports", "replies", "suppression", "templates", "meta"} <= tables
    s.close()
    Store(path).close()  # reopening does not migrate again


def test_file_from_a_newer_version_is_refused_clearly(tmp_path):
    path = tmp_path / "x.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError) as e:
        Store(path)
    assert e.value.kind == "too_new" and "升级" in e.value.message_zh


def test_a_damaged_file_gives_a_clear_error(tmp_path):
    path = tmp_path / "x.sqlite3"
    path.write_bytes(b"this is not a database" * 200)
    with pytest.raises(StoreError) as e:
        Store(path)
    assert e.value.kind == "corrupt" and "损坏" in str(e.value)


def test_a_folder_that_cannot_be_created_gives_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError) as e:
        Store(blocker / "db.sqlite3")
    assert e.value.kind == "cantopen"


def test_bugs_are_not_disguised_as_store_errors(store):
    with pytest.raises(sqlite3.OperationalError):
        with store.transaction():
            store.conn.execute("SELECT * FROM no_such_table")


def test_transaction_rolls_back_everything_on_error(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.suppress(["13800000000"])
            store.save_template("1", "【x】{}")
            raise RuntimeError("boom")
    assert store.suppressed() == [] and store.templates() == []


def test_a_locked_file_is_reported_not_crashed(tmp_path, monkeypatch):
    from ljsms_desktop.store import db

    path = tmp_path / "x.sqlite3"
    Store(path).close()
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    other = Store(path)
    other.conn.execute("PRAGMA busy_timeout = 50")
    try:
        with pytest.raises(StoreError) as e:
            other.suppress(["13800000000"])
        assert e.value.kind == "locked"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        other.close()


def test_readers_in_other_threads_see_committed_data_while_a_writer_is_open(store):
    cid = make_campaign(store)
    seen: list = []
    with store.transaction():
        store.set_campaign_state(cid, "paused")

        def read():
            with Store(store.path) as mine:  # one connection per thread
                seen.append(mine.campaign(cid).state)

        t = threading.Thread(target=read)
        t.start()
        t.join(10)
    assert seen == ["ready"]  # WAL: the reader was not blocked and saw the last commit
    assert store.campaign(cid).state == "paused"


def test_a_store_refuses_to_be_shared_between_threads(store):
    errors = []
    t = threading.Thread(target=lambda: errors.append(_try(store.campaigns)))
    t.start()
    t.join(10)
    assert isinstance(errors[0], sqlite3.ProgrammingError)


def _try(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        return e
    return None


# -- campaigns and batches ------------------------------------------------------------------------
def test_campaign_gets_sequential_extension_numbers_and_named_batches(store):
    a, b = make_campaign(store), make_campaign(store)
    ca, cb = store.campaign(a), store.campaign(b)
    assert ca.code.isdigit() and len(ca.code) <= 8 and int(cb.code) == int(ca.code) + 1
    exts = [x.ext for x in store.batches(a)]
    assert len(set(exts)) == 3 and all(len(e) <= 40 and f"c{a}b" in e for e in exts)
    assert [x.size for x in store.batches(a)] == [2, 2, 1]
    assert (ca.recipients, ca.invalid, ca.duplicates, ca.suppressed, ca.parts) == (5, 1, 2, 3, 5)
    with pytest.raises(sqlite3.IntegrityError):  # an extension number names one campaign only
        store.create_campaign(kind="plain", content=CONTENT, batches=[["13800000000"]], batch_parts=[1], code=ca.code)


def test_recipients_view_lists_every_number_in_request_order(store):
    cid = make_campaign(store)
    tid = store.create_campaign(kind="template", content="【x】您好{}，单号{}", template_id="7",
                                batches=[[("13900000000", ["张三", "A,1"]), ("13900000001", ["李四", '"B"'])]],
                                batch_parts=[2])
    rows = store.conn.execute("SELECT campaign_id, mobile, vals FROM recipients ORDER BY campaign_id, batch_id, pos")
    rows = rows.fetchall()
    assert [r[1] for r in rows if r[0] == cid] == nums(5)
    assert [(r[1], r[2]) for r in rows if r[0] == tid] == [("13900000000", '["张三","A,1"]'),
                                                           ("13900000001", '["李四","\\"B\\""]')]
    batch = store.batches(tid)[0]
    assert store.batch_rows(batch.id) == [("13900000000", ["张三", "A,1"]), ("13900000001", ["李四", '"B"'])]
    assert store.batch_mobiles(batch.id) == ["13900000000", "13900000001"]


def test_batch_states_move_only_along_the_state_machine(store):
    cid = make_campaign(store)
    store.begin_run(cid)
    b1, b2, b3 = store.batches(cid)
    with pytest.raises(StoreError):
        store.mark_accepted(b1.id, "1")  # planned → accepted skips "sending"
    store.mark_sending(b1.id)
    with pytest.raises(StoreError):
        store.mark_sending(b1.id)  # never twice
    store.mark_accepted(b1.id, "111")
    store.mark_sending(b2.id)
    store.mark_rejected(b2.id, 40013, "too many")
    store.mark_sending(b3.id)
    store.mark_unsent(b3.id, 49999, "busy")
    states = {b.seq: (b.state, b.msg_id, b.error_code, b.attempts) for b in store.batches(cid)}
    assert states == {1: (B_ACCEPTED, "111", None, 1), 2: (B_REJECTED, None, 40013, 1), 3: (B_PLANNED, None, 49999, 1)}


def test_a_batch_caught_sending_becomes_unknown_on_the_next_run(store):
    cid = make_campaign(store)
    store.begin_run(cid)
    b1 = store.batches(cid)[0]
    store.mark_sending(b1.id)
    _, recovered = store.begin_run(cid)  # as after a crash
    assert recovered == 1 and store.batch(b1.id).state == B_UNKNOWN


def test_done_and_cancelled_campaigns_cannot_be_run_again(store):
    cid = make_campaign(store)
    store.set_campaign_state(cid, "cancelled")
    with pytest.raises(StoreError) as e:
        store.begin_run(cid)
    assert "不能继续发送" in e.value.message_zh


def test_a_stop_reason_is_kept_as_words_and_as_data_and_a_run_clears_both(store):
    from ljsms_desktop.engine import notices

    cid = make_campaign(store)
    refused = notices.notice(notices.REFUSED, code=40008, message_zh="密码错误", message_en="Wrong password")
    stop = notices.notice(notices.STOPPED_NOTICE, reason=refused)   # a Notice inside a Notice
    data = notices.to_data(stop)
    assert data == {"code": "stopped", "params": {"reason": {"code": "refused", "params": {
        "code": 40008, "message_zh": "密码错误", "message_en": "Wrong password"}}}}
    store.set_campaign_state(cid, "stopped", notices.zh(stop), data)
    camp = store.campaign(cid)
    assert (camp.state, camp.stop_reason) == ("stopped", "发送已停止：密码错误（代码 40008）")
    assert camp.stop_notice == data and notices.from_data(camp.stop_notice) == stop
    assert notices.from_data(store.stats(cid).stop_notice) == stop
    assert notices.from_data(store.views.campaigns.summary(cid).stop_notice) == stop
    assert [s.stop_notice for s in store.views.campaigns.summaries() if s.id == cid] == [data]
    assert [c.stop_notice for c in store.campaigns() if c.id == cid] == [data]
    # Parameters JSON cannot hold come back as what it can (a tuple as a list, anything else as its text).
    odd = notices.Notice(notices.BUSY_WAIT, {"seconds": 2.5, "seqs": (1, 2), "when": object})
    store.set_campaign_state(cid, "paused", "x", notices.to_data(odd))
    back = notices.from_data(store.campaign(cid).stop_notice)
    assert back.params["seconds"] == 2.5 and back.params["seqs"] == [1, 2] and back.params["when"] == str(object)
    # Words only (the signature of before): no data; resuming clears the words and the data.
    store.set_campaign_state(cid, "paused", "客户要求暂停")
    assert (store.campaign(cid).stop_reason, store.campaign(cid).stop_notice) == ("客户要求暂停", None)
    store.set_campaign_state(cid, "stopped", "x", data)
    store.begin_run(cid)
    assert (store.campaign(cid).stop_reason, store.campaign(cid).stop_notice) == ("", None)
    assert notices.from_data(None) is None and notices.from_data({"params": {}}) is None


def test_a_file_of_the_version_before_keeps_its_stop_reasons_as_words(tmp_path, monkeypatch, engine):
    """Schema 3 → 4 (on both engines): a campaign stopped before keeps its words and has no notice."""
    from ljsms_desktop.store import db, pg_schema
    from ljsms_desktop.store.db import Transaction

    path = tmp_path / "data" / "ljsms.sqlite3"
    with monkeypatch.context() as m:
        for module in (db, pg_schema):
            m.setattr(module, "SCHEMA_VERSION", SCHEMA_VERSION - 1)
        with Store(path) as old:
            cid = old.create_campaign(kind="plain", content=CONTENT, batches=[nums(2)], batch_parts=[2])
            with Transaction(old.conn):
                old.conn.execute("UPDATE campaigns SET state = 'stopped', stop_reason = ? WHERE id = ?",
                                 ("发送已停止：密码错误（代码 40008）", cid))
            columns = [r[1] for r in old.conn.execute("PRAGMA table_info(campaigns)")] if engine is None else \
                [r[0] for r in old.conn.execute("SELECT column_name FROM information_schema.columns "
                                                "WHERE table_name = 'campaigns'")]
            assert "stop_notice" not in columns and "stop_reason" in columns
    with Store(path) as store:
        version = (store.conn.execute("PRAGMA user_version").fetchone()[0] if engine is None
                   else pg_schema.version(store.conn))
        assert version == SCHEMA_VERSION
        camp = store.campaign(cid)
        assert (camp.state, camp.stop_reason, camp.stop_notice) == ("stopped", "发送已停止：密码错误（代码 40008）", None)
        assert store.views.campaigns.summary(cid).stop_notice is None and store.stats(cid).stop_notice is None


# -- reports ----------------------------------------------------------------------------------------
def rep(msg, mobile, code="DELIVRD", time="2026-01-01 10:00:00", ext=""):
    return Report(msg_id=msg, mobile=mobile, code=code, time=time, ext=ext)


def test_reports_are_attributed_counted_once_and_unknown_ones_kept(store):
    cid = make_campaign(store)
    b1, b2, b3 = send_all(store, cid)
    pull = [rep(b1.msg_id, "13800000000", ext=b1.ext), rep(b1.msg_id, "13800000001", "UNDELIV", ext=b1.ext),
            rep(b2.msg_id, "13800000002"),  # no ext echoed: attributed by msgId
            rep("999999999999999999", "13700000000", ext="someone-else")]  # another tool's send
    r = store.save_reports(pull)
    assert (r.received, r.new) == (4, 4)
    again = store.save_reports(pull[:2])  # the same reports handed out again
    assert again.new == 0
    s = store.stats(cid)
    assert (s.delivered, s.failed, s.failed_by_code, s.accepted, s.pending_report) == (2, 1, {"UNDELIV": 1}, 5, 2)
    assert store.report_count() == 4 and store.report_count(cid) == 3
    assert ("999999999999999999", "13700000000") in store.report_keys()


def test_repeats_inside_one_pull_and_later_statuses(store):
    cid = make_campaign(store)
    b1 = send_all(store, cid)[0]
    first = rep(b1.msg_id, "13800000000", "UNDELIV", "2026-01-01 10:00:00", b1.ext)
    later = rep(b1.msg_id, "13800000000", "DELIVRD", "2026-01-01 10:05:00", b1.ext)
    r = store.save_reports([first, first, rep(b1.msg_id, "13800000001", ext=b1.ext)])
    assert r.new == 2
    assert store.stats(cid).failed_by_code == {"UNDELIV": 1}
    r = store.save_reports([later])  # the carrier's final word replaces the interim failure
    assert r.new == 1
    s = store.stats(cid)
    assert (s.delivered, s.failed) == (2, 0)
    assert store.save_reports([first]).new == 0  # an older status does not come back
    assert store.stats(cid).delivered == 2


def test_a_report_proves_an_unknown_batch_was_accepted(store):
    cid = make_campaign(store)
    store.begin_run(cid)
    b1 = store.batches(cid)[0]
    store.mark_sending(b1.id)
    assert store.mark_unknown(b1.id, "timeout") == B_UNKNOWN
    r = store.save_reports([rep("123456789012345678", "13800000000", ext=b1.ext)])
    assert r.resolved_batches == 1
    b = store.batch(b1.id)
    assert (b.state, b.msg_id, b.resolved_by) == (B_ACCEPTED, "123456789012345678", "report")
    assert store.stats(cid).delivered == 1


def test_a_report_arriving_while_the_batch_waits_for_its_answer(store):
    cid = make_campaign(store)
    store.begin_run(cid)
    b1 = store.batches(cid)[0]
    store.mark_sending(b1.id)
    store.save_reports([rep("123456789012345678", "13800000000", ext=b1.ext)])
    assert store.batch(b1.id).state == B_SENDING
    assert store.mark_unknown(b1.id, "answer lost") == B_ACCEPTED  # the report already proved it


def test_reports_stored_before_their_batch_is_known_join_it_later(store):
    cid = make_campaign(store)
    store.begin_run(cid)
    b1 = store.batches(cid)[0]
    store.mark_sending(b1.id)
    store.save_reports([rep("555", "13800000000")])  # no ext, msgId not known yet
    assert store.stats(cid).delivered == 0
    store.mark_accepted(b1.id, "555")
    assert store.stats(cid).delivered == 1
    # the per-batch tally moved the report from "no batch" (0) to the batch, on both engines
    assert sorted(store.conn.execute("SELECT batch_id, n FROM report_tally WHERE n <> 0").fetchall()) == [(b1.id, 1)]
    assert store.conn.execute("SELECT batch_id FROM reports WHERE msg_id = '555'").fetchall() == [(b1.id,)]


# -- replies and suppression ---------------------------------------------------------------------
def test_replies_attributed_by_extension_or_msgid_and_opt_outs_suppressed(store):
    cid = make_campaign(store)
    b1 = send_all(store, cid)[0]
    code = store.campaign(cid).code
    replies = [Reply("13800000000", "TD", "2026-01-01 11:00:00", expand=code),
               Reply("13800000001", "好的", "2026-01-01 11:00:01", msg_id=b1.msg_id),
               Reply("13600000000", "hello", "2026-01-01 11:00:02", expand="99999")]
    r = store.save_replies(replies, is_opt_out=lambda t: t == "TD")
    assert (r.received, r.new, r.opt_outs) == (3, 3, 1)
    assert store.save_replies(replies, is_opt_out=lambda t: t == "TD").new == 0
    s = store.stats(cid)
    assert (s.replies, s.opt_outs) == (2, 1)
    assert [x["mobile"] for x in store.replies(unattributed=True)] == ["13600000000"]
    [entry] = store.suppressed()
    assert (entry.mobile, entry.reason, entry.source) == ("13800000000", "TD", "reply")


def test_manual_suppression_and_templates(store):
    assert store.suppress(["13800000000", "13800000001"], "投诉") == 2
    assert store.suppress(["13800000000"]) == 0
    assert store.is_suppressed("13800000001")
    assert store.unsuppress(["13800000001", "13800000009"]) == 1
    assert store.suppressed_mobiles() == {"13800000000"}
    store.save_template("T1", "【x】您好{}")
    store.save_template("T1", "【x】您好{}！")
    assert [(t.template_id, t.text) for t in store.templates()] == [("T1", "【x】您好{}！")]
    assert store.delete_template("T1") and store.template("T1") is None


def test_statistics_stay_fast_with_many_reports(store):
    import time

    numbers = nums(50_000)
    cid = store.create_campaign(kind="plain", content=CONTENT, batches=[numbers[i:i + 2000] for i in range(0, 50_000, 2000)],
                                batch_parts=[2000] * 25)
    batches = send_all(store, cid, msg_base=10**17)
    reports = [rep(b.msg_id, m, "DELIVRD" if i % 10 else "UNDELIV", ext=b.ext)
               for b in batches for i, m in enumerate(store.batch_mobiles(b.id))]
    for i in range(0, len(reports), 5000):
        store.save_reports(reports[i:i + 5000])
    started = time.perf_counter()
    s = store.stats(cid)
    elapsed = time.perf_counter() - started
    assert (s.delivered, s.failed, s.pending_report) == (45_000, 5_000, 0)
    assert elapsed < 0.1


def test_big_pulls_of_one_batch_are_stored_whole_and_counted_exactly(store):
    """The bulk path (many rows per INSERT) keeps every report, and falls back exactly on repeats."""
    numbers = nums(2000)
    cid = store.create_campaign(kind="plain", content=CONTENT, batches=[numbers], batch_parts=[2000])
    [b] = send_all(store, cid, msg_base=10**17)
    reports = [rep(b.msg_id, m, "UNDELIV" if i % 7 == 0 else "DELIVRD", ext=b.ext) for i, m in enumerate(numbers)]
    failed = sum(1 for r in reports if r.code != "DELIVRD")
    # 1 row, whole blocks plus a remainder, exactly whole blocks, a remainder only
    pulls = [reports[:1], reports[1:264], reports[264:764], reports[764:800]]
    assert [store.save_reports(p).new for p in pulls] == [1, 263, 500, 36]
    # a pull of the same batch that repeats two stored reports and one of its own: only the new count
    again = reports[700:900] + [reports[850]]
    assert store.save_reports(again).new == 100
    store.save_reports(reports[900:])
    assert store.report_keys() == {(b.msg_id, m) for m in numbers}
    s = store.stats(cid)
    assert (s.delivered, s.failed, s.pending_report) == (2000 - failed, failed, 0)
    assert store.report_count(cid) == 2000
    stored = store.conn.execute("SELECT count(*), min(batch_id), max(batch_id), count(ext), "
                                "sum(code <> 'DELIVRD') FROM reports").fetchone()
    assert stored == (2000, b.id, b.id, 0, failed)  # attributed to the batch, its ext not repeated
