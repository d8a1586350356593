"""store.views against hand-built data in a real SQLite file: every query checked against what the test
itself stored (expected values computed here from the same inputs, never typed in)."""

from __future__ import annotations

import sqlite3
from collections import Counter

import pytest

from ljsms_desktop.api.models import Reply, Report
from ljsms_desktop.core import carriers, delivery_codes
from ljsms_desktop.store import Store, Transaction
from ljsms_desktop.store.schema import MIGRATIONS, SCHEMA_VERSION
from ljsms_desktop.store.views import (
    MOBILE, NEWEST_FIRST, REPORT_TIME, STATUS, TIME, ReplyFilter, ReportFilter, Sort,
)

pytestmark = pytest.mark.usefixtures("engine")  # each test on SQLite and on PostgreSQL (tests/conftest.py)

CODES = ("DELIVRD", "DELIVRD", "DELIVRD", "UNDELIV", "MK:0001", "MX:0012", "MI:0024", "BLACK", "MN:0001",
         "ID:0013", "NOROUTE")
PREFIXES = ("138", "186", "133", "199", "192", "170", "174")


def number(c: int, i: int) -> str:
    return f"{PREFIXES[i % len(PREFIXES)]}{c:02d}{i:06d}"


def opt_out(text: str) -> bool:
    return text.strip().upper() in ("TD", "T", "退订")


@pytest.fixture
def world(tmp_path):
    """Two campaigns (plain 3×50, template 2×20), one batch of each left without some reports, a rejected
    batch, an unknown batch, reports of no batch of ours, replies. Returns (store, facts)."""
    store = Store(tmp_path / "ljsms.sqlite3")
    facts: dict = {"reports": [], "campaign_of": {}, "batch_of": {}}
    plain = [number(1, i) for i in range(150)]
    c1 = store.create_campaign(kind="plain", content="【联江】会员日回T退订", name="会员日",
                               batches=[plain[0:50], plain[50:100], plain[100:150]], batch_parts=[50, 50, 50])
    rows = [(number(2, i), [f"客户{i}", f"订单{i:03d}"]) for i in range(60)]
    c2 = store.create_campaign(kind="template", content="【联江】尊敬的{}，订单{}已发货", template_id="1001",
                               name="发货通知", batches=[rows[0:20], rows[20:40], rows[40:60]],
                               batch_parts=[20, 20, 20])
    c3 = store.create_campaign(kind="plain", content="【联江】测试", name="测试发送 · 1", batches=[[number(3, 0)]],
                               batch_parts=[1])
    facts.update(c1=c1, c2=c2, c3=c3, plain=plain, rows=rows)
    msg = 900000
    for cid in (c1, c2):
        store.begin_run(cid)
        for b in store.batches(cid):
            store.mark_sending(b.id)
            if cid == c2 and b.seq == 3:
                store.mark_unknown(b.id, "lost answer")
                continue
            if cid == c1 and b.seq == 3:
                store.mark_rejected(b.id, 40010, "refused")
                continue
            msg += 1
            store.mark_accepted(b.id, str(msg))
            mobiles = store.batch_mobiles(b.id)
            # the second batch of each campaign leaves its last 5 numbers without a report
            upto = len(mobiles) - (5 if b.seq == 2 else 0)
            reports = [Report(str(msg), m, CODES[(k * 5 + b.seq + cid) % len(CODES)],
                              f"2026-11-2{b.seq} 10:{k // 60:02d}:{k % 60:02d}", b.ext)
                       for k, m in enumerate(mobiles[:upto])]
            store.save_reports(reports[:len(reports) // 2])
            store.save_reports(reports[len(reports) // 2:])
            facts["reports"] += reports
            for r in reports:
                facts["campaign_of"][(r.msg_id, r.mobile)] = cid
                facts["batch_of"][(r.msg_id, r.mobile)] = b.id
    # reports of no batch of ours (another tool on the account)
    foreign = [Report("777", f"1390000{k:04d}", "DELIVRD" if k % 2 else "UNDELIV", f"2026-11-25 09:00:{k:02d}", "")
               for k in range(6)]
    store.save_reports(foreign)
    facts["reports"] += foreign
    store.save_replies([Reply(number(1, 3), "TD", "2026-11-21 11:00:00", store.campaign(c1).code),
                        Reply(number(1, 4), "收到，谢谢", "2026-11-21 11:01:00", store.campaign(c1).code),
                        Reply(number(2, 5), "=1+1 好的", "2026-11-21 11:02:00", store.campaign(c2).code),
                        Reply(number(2, 25), "退订", "2026-11-22 11:03:00", store.campaign(c2).code),
                        Reply("13912345678", "你们是谁", "2026-11-23 08:00:00", "")],
                       is_opt_out=opt_out)
    yield store, facts
    store.close()


def bucket(code: str) -> str:
    return delivery_codes.classify(code)


def matches(r: Report, f: ReportFilter, facts) -> bool:
    b = bucket(r.code)
    group = delivery_codes.GROUPS[f.group]
    if group.buckets is not None and b not in group.buckets:
        return False
    if f.buckets and b not in f.buckets:
        return False
    if f.carriers and carriers.carrier(r.mobile) not in f.carriers:
        return False
    if f.campaign_id is not None and facts["campaign_of"].get((r.msg_id, r.mobile)) != f.campaign_id:
        return False
    if f.since and r.time < f.since or f.until and r.time >= f.until:
        return False
    if f.search:
        s = f.search
        if len(s) == 11:
            return r.mobile == s or r.msg_id == s
        if len(s) <= 10 and s.isdigit():
            return r.mobile.endswith(s) or r.msg_id == s
        return r.msg_id == s
    return True


def expected_keys(facts, f: ReportFilter, sort: Sort) -> list[tuple]:
    rows = [r for r in facts["reports"] if matches(r, f, facts)]
    key = {TIME: lambda r: (r.msg_id, r.mobile), REPORT_TIME: lambda r: (r.time, r.msg_id, r.mobile),
           MOBILE: lambda r: (r.mobile, r.msg_id),
           STATUS: lambda r: (delivery_codes.bucket_id(bucket(r.code)), r.msg_id, r.mobile)}[sort.column]
    return sorted((key(r) for r in rows), reverse=sort.descending)


FILTERS = [
    ReportFilter(),
    ReportFilter(group="delivered"),
    ReportFilter(group="failed"),
    ReportFilter(buckets=("number",)),
    ReportFilter(group="failed", buckets=("blocked",)),
    ReportFilter(carriers=("unicom",)),
    ReportFilter(carriers=("cmcc", "telecom"), group="failed"),
    ReportFilter(since="2026-11-22 00:00:00"),
    ReportFilter(since="2026-11-21 10:00:10", until="2026-11-21 10:00:30"),
    ReportFilter(search="0003"),
    ReportFilter(search="3"),
    ReportFilter(search="13900000003"),
    ReportFilter(search="777"),
]


def test_every_filter_counts_and_pages_in_every_sort(world):
    store, facts = world
    q = store.views.reports
    filters = FILTERS + [ReportFilter(campaign_id=facts["c1"]), ReportFilter(campaign_id=facts["c2"], group="failed"),
                         ReportFilter(campaign_id=facts["c1"], search=facts["plain"][7])]
    for f in filters:
        for sort in (NEWEST_FIRST, Sort(TIME, False), Sort(REPORT_TIME), Sort(MOBILE, False), Sort(STATUS)):
            want = expected_keys(facts, f, sort)
            assert q.count(f) == len(want), f
            got, after = [], None
            while True:  # walk it all, 7 rows a page
                page = q.page(f, sort, after=after, limit=7)
                got += [r.key for r in page]
                if len(page) < 7:
                    break
                after = page[-1].key
            assert got == want, (f, sort)
            # backwards from the last page
            back, before = [], None
            while True:
                page = q.page_before(f, sort, before=before, limit=7)
                back = [r.key for r in page] + back
                if len(page) < 7:
                    break
                before = page[0].key
            assert back == want, (f, sort)
            anchors = q.anchors(f, sort, every=5)
            assert anchors == want[::5]
            for i, a in enumerate(anchors):
                assert [r.key for r in q.rows_from(f, sort, a, limit=5)] == want[i * 5:i * 5 + 5]
                assert q.position(f, sort, a) == i * 5


def test_rows_carry_campaign_batch_status_and_carrier(world):
    store, facts = world
    rows = store.views.reports.page(ReportFilter(campaign_id=facts["c2"]), limit=1000)
    assert rows
    by_id = {b.id: b for b in store.batches(facts["c2"])}
    for r in rows:
        assert r.campaign_name == "发货通知" and r.campaign_id == facts["c2"]
        assert r.bucket == bucket(r.code) and r.carrier == carriers.carrier(r.mobile)
        assert r.batch_id == facts["batch_of"][(r.msg_id, r.mobile)]
        assert r.ext == by_id[r.batch_id].ext and r.batch_seq == by_id[r.batch_id].seq
        assert r.sent_at == by_id[r.batch_id].sent_at
    foreign = store.views.reports.page(ReportFilter(search="777"))
    assert foreign and all(r.campaign_id is None and r.campaign_name == "" for r in foreign)


def test_newer_than_counts_rows_above_a_key_also_rows_stored_by_another_connection(world, tmp_path):
    store, facts = world
    q = store.views.reports
    top = q.page(limit=1)[0]
    assert q.newer_than(top.key) == 0
    assert q.newer_than((top.time, *top.key)) == 0
    assert q.newer_than(None) == q.count()
    with Store(tmp_path / "ljsms.sqlite3") as other:  # the poller, or ljsms in another process
        c = other.create_campaign(kind="plain", content="【联江】新", name="新活动",
                                  batches=[[number(9, i) for i in range(10)]], batch_parts=[10])
        other.begin_run(c)
        b = other.batches(c)[0]
        other.mark_sending(b.id)
        other.mark_accepted(b.id, "999999")
        other.save_reports([Report("999999", m, "DELIVRD" if i % 3 else "UNDELIV", "2026-11-28 10:00:00", b.ext)
                            for i, m in enumerate(other.batch_mobiles(b.id))])
    assert q.newer_than(top.key) == 10
    assert q.newer_than(top.key, ReportFilter(group="failed")) == 4
    assert q.position(ReportFilter(), NEWEST_FIRST, top.key) == 10


def test_awaiting_group_lists_accepted_numbers_without_a_report(world):
    store, facts = world
    q = store.views.reports
    reported = {(r.msg_id, r.mobile) for r in facts["reports"]}
    want = []
    for cid in (facts["c1"], facts["c2"]):
        for b in store.batches(cid, "accepted"):
            want += [(b.msg_id, m) for m in store.batch_mobiles(b.id) if (b.msg_id, m) not in reported]
    want.sort(reverse=True)
    f = ReportFilter(group="awaiting")
    assert q.count(f) == len(want) == 10
    assert [r.key for r in q.page(f, limit=100)] == want
    assert all(r.code == "" and r.bucket == "" for r in q.page(f))
    assert q.count(ReportFilter(group="awaiting", campaign_id=facts["c2"])) == 5
    assert q.count(ReportFilter(group="awaiting", search=want[0][1][-4:])) == 1


def test_bucket_and_carrier_stored_match_core_on_every_path(world):
    store, facts = world
    conn = store.conn
    # the mixed path (two batches in one pull) and the slow path (a repeat and a later status)
    b1, b2 = store.batches(facts["c1"], "accepted")[:2]
    ms1, ms2 = store.batch_mobiles(b1.id), store.batch_mobiles(b2.id)
    late = ms2[-1]  # one of the numbers still awaiting a report
    store.save_reports([Report(b1.msg_id, ms1[0], "UNDELIV", "2026-11-21 10:00:00", b1.ext),   # a repeat
                        Report(b2.msg_id, late, "MX:0012", "2026-11-29 10:00:00", b2.ext)])
    store.save_reports([Report(b2.msg_id, late, "DELIVRD", "2026-11-29 10:05:00", b2.ext)])     # later status
    for code, mobile, b, c in conn.execute("SELECT code, mobile, bucket, carrier FROM reports"):
        assert b == delivery_codes.bucket_id(delivery_codes.classify(code))
        assert c == carriers.carrier_id(mobile)
    recount = Counter({(bid or 0, code, car): n for bid, code, car, n in conn.execute(
        "SELECT batch_id, code, carrier, count(*) FROM reports GROUP BY 1, 2, 3")})
    tally = Counter({(bid, code, car): n for bid, code, car, n in conn.execute(
        "SELECT batch_id, code, carrier, n FROM report_tally WHERE n <> 0")})
    assert tally == recount


def test_an_opt_out_code_suppresses_the_number_in_the_same_transaction(world):
    store, facts = world
    opted = [r for r in facts["reports"] if delivery_codes.is_opt_out(r.code)]
    assert opted
    for r in opted:
        e = store.views.suppression.get(r.mobile)
        assert e is not None and e.source == "report" and e.code == r.code
        assert e.reason == delivery_codes.opt_out_reason(r.code)[0]
    not_opted = [r for r in facts["reports"] if not delivery_codes.is_opt_out(r.code)]
    assert all(store.views.suppression.get(r.mobile) is None for r in not_opted
               if r.mobile not in {o.mobile for o in opted} and r.mobile not in (number(1, 3), number(2, 25)))
    # rolled back with the pull: neither the report nor the suppression stays
    b = store.batches(facts["c2"], "accepted")[1]
    late = store.batch_mobiles(b.id)[-1]
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.save_reports([Report(b.msg_id, late, "TSBLACK", "2026-11-29 10:00:00", b.ext)])
            raise RuntimeError("power cut")
    assert store.views.suppression.get(late) is None
    store.save_reports([Report(b.msg_id, late, "TSBLACK", "2026-11-29 10:00:00", b.ext)])
    assert store.views.suppression.get(late).code == "TSBLACK"
    assert store.is_suppressed(late)


def test_replies_filters_pages_read_flags_and_sheet_values(world):
    store, facts = world
    q = store.views.replies
    all_rows = q.page(limit=100)
    assert [r.time for r in all_rows] == sorted((r.time for r in all_rows), reverse=True)
    assert q.count() == 5 and q.unread() == 5
    assert q.count(ReplyFilter(opt_outs_only=True)) == 2
    assert q.count(ReplyFilter(campaign_id=facts["c2"])) == 2
    assert q.count(ReplyFilter(search=number(1, 4))) == 1
    assert q.count(ReplyFilter(search="谢谢")) == 1
    assert q.count(ReplyFilter(since="2026-11-22 00:00:00")) == 2
    tmpl = {r.mobile: r for r in q.page(ReplyFilter(campaign_id=facts["c2"]))}
    rows = dict(facts["rows"])
    for mobile, r in tmpl.items():
        assert r.values == tuple(rows[mobile]) and r.campaign_name == "发货通知"
    assert q.sheet_values([r.id for r in tmpl.values()]) == {r.id: tuple(rows[r.mobile]) for r in tmpl.values()}
    assert all(r.values is None for r in q.page(ReplyFilter(campaign_id=facts["c1"])))
    first = all_rows[0]
    assert q.mark_read([first.id]) == 1 and q.mark_read([first.id]) == 0
    assert q.unread() == 4 and q.count(ReplyFilter(unread_only=True)) == 4
    assert q.page(ReplyFilter(search=first.mobile))[0].read
    assert q.mark_all_read(ReplyFilter(campaign_id=facts["c1"])) == sum(
        1 for r in all_rows if r.campaign_id == facts["c1"] and r.id != first.id)
    # keyset pages both ways agree
    keys = [r.key for r in all_rows]
    walked = [r.key for r in q.page(limit=2)] + [r.key for r in q.page(after=all_rows[1].key, limit=10)]
    assert walked == keys
    assert [r.key for r in q.page_before(limit=2)] == keys[-2:]
    assert q.anchors(every=2) == keys[::2]
    assert q.newer_than(keys[2]) == 2


def test_campaign_list_daily_summary_and_detail(world):
    store, facts = world
    q = store.views.campaigns
    listed = {s.id: s for s in q.summaries()}
    assert set(listed) == {facts["c1"], facts["c2"], facts["c3"]}
    assert listed[facts["c3"]].test and not listed[facts["c1"]].test
    assert [s.id for s in q.summaries(include_tests=False)] == [facts["c2"], facts["c1"]]
    assert listed[facts["c3"]].delivery_rate is None  # nothing sent, no report: "—", not 0.0%
    for cid in (facts["c1"], facts["c2"]):
        s = listed[cid]
        mine = [r for r in facts["reports"] if facts["campaign_of"].get((r.msg_id, r.mobile)) == cid]
        delivered = sum(1 for r in mine if bucket(r.code) == "delivered")
        st = store.stats(cid)
        assert (s.delivered, s.failed, s.accepted, s.rejected, s.unknown) == (
            delivered, len(mine) - delivered, st.accepted, st.rejected, st.unknown)
        assert s.awaiting == st.accepted - len(mine) == 5
        assert s.delivery_rate == round(delivered / st.accepted, 4)
        assert s.cost == sum(b.parts for b in store.batches(cid, "accepted"))
        assert s.replies == st.replies and s.opt_outs == st.opt_outs
    days = q.daily()
    assert sum(d.sent for d in days) == sum(listed[c].accepted for c in (facts["c1"], facts["c2"]))
    assert sum(d.campaigns for d in days) == 2  # the test send is left out

    cid = facts["c1"]
    mine = [r for r in facts["reports"] if facts["campaign_of"].get((r.msg_id, r.mobile)) == cid]
    d = q.detail(cid)
    fails = Counter(bucket(r.code) for r in mine if bucket(r.code) != "delivered")
    assert d.failed_by_bucket == dict(fails)
    assert sorted(d.failure_codes) == sorted((c, bucket(c), n) for c, n in Counter(
        r.code for r in mine if bucket(r.code) != "delivered").items())
    per_carrier = Counter(carriers.carrier(r.mobile) for r in mine)
    assert {c.carrier: c.reports for c in d.carriers} == dict(per_carrier)
    for c in d.carriers:
        ok = sum(1 for r in mine if carriers.carrier(r.mobile) == c.carrier and bucket(r.code) == "delivered")
        assert c.delivered == ok and c.rate == round(ok / c.reports, 4)
    assert d.outcome["rejected"] == 50 and d.outcome["awaiting"] == 5
    assert [b.seq for b in d.batches] == [1, 2, 3] and d.batches[2].state == "rejected"
    assert d.report_opt_outs == sum(1 for r in mine if delivery_codes.is_opt_out(r.code))
    assert d.replies == 2 and d.opt_outs == 1


def test_latency_and_timeline(world):
    store, facts = world
    cid = facts["c1"]
    # put each accepted batch's request at a known time: report k of batch seq s came k seconds after
    for b in store.batches(cid, "accepted"):
        store.conn.execute("UPDATE batches SET sent_at = ? WHERE id = ?", (f"2026-11-2{b.seq} 10:00:00", b.id))
    delays = sorted(int(r.time[-5:-3]) * 60 + int(r.time[-2:]) for r in facts["reports"]
                    if facts["campaign_of"].get((r.msg_id, r.mobile)) == cid)
    d = store.views.campaigns.detail(cid)
    import math
    assert d.latency_median == delays[math.ceil(0.5 * len(delays)) - 1]
    assert d.latency_p90 == delays[math.ceil(0.9 * len(delays)) - 1]
    bins = store.views.campaigns.timeline(cid, bins=10)
    mine = [r for r in facts["reports"] if facts["campaign_of"].get((r.msg_id, r.mobile)) == cid]
    assert sum(b.delivered for b in bins) == sum(1 for r in mine if bucket(r.code) == "delivered")
    assert sum(b.failed for b in bins) == sum(1 for r in mine if bucket(r.code) != "delivered")
    assert [b.start for b in bins] == sorted(b.start for b in bins)


def test_numbers_to_resend_keep_template_values_and_never_unknown(world):
    store, facts = world
    q = store.views.campaigns
    cid = facts["c2"]
    rows = dict(facts["rows"])
    mine = {r.mobile: r for r in facts["reports"] if facts["campaign_of"].get((r.msg_id, r.mobile)) == cid}
    picked = ("number", "unreachable")
    got = q.numbers_by_bucket(cid, picked)
    want = [m for m, _v in facts["rows"][:40] if m in mine and bucket(mine[m].code) in picked]
    assert [m for m, _v in got] == want
    assert all(v == tuple(rows[m]) for m, v in got)
    unknown = {m for m, _v in facts["rows"][40:]}
    assert not unknown & {m for m, _v in q.numbers_by_bucket(cid, delivery_codes.FAILURE_BUCKETS)}
    # plain campaign: the rejected batch's numbers come with include_unsent
    c1 = facts["c1"]
    with_unsent = q.numbers_by_bucket(c1, ("number",))
    without = q.numbers_by_bucket(c1, ("number",), include_unsent=False)
    assert [m for m, _v in with_unsent] == [m for m, _v in without] + facts["plain"][100:150]
    assert all(v is None for _m, v in with_unsent)


def test_stale_unknown_batches(world):
    store, facts = world
    q = store.views.campaigns
    cid = facts["c2"]
    b = store.batches(cid, "unknown")[0]
    store.conn.execute("UPDATE batches SET sent_at = '2026-11-20 09:00:00' WHERE id = ?", (b.id,))
    assert q.stale_unknown_numbers(cid, now="2026-11-22 09:00:00") == []           # 48 h: wait
    got = q.stale_unknown_numbers(cid, now="2026-11-23 09:00:01")                  # > 72 h
    assert got == [(m, tuple(v)) for m, v in facts["rows"][40:60]]
    d = q.detail(cid, now="2026-11-23 09:00:01")
    info = [x for x in d.batches if x.id == b.id][0]
    assert info.stale and info.age_hours == pytest.approx(72.0, abs=0.01) and d.stale_unknown_numbers == 20
    assert not q.detail(cid, now="2026-11-22 09:00:00").batches[2].stale


def test_results_export_rows(world):
    store, facts = world
    cid = facts["c2"]
    rows = list(store.views.campaigns.results(cid))
    assert [r.mobile for r in rows] == [m for m, _v in facts["rows"]]
    mine = {r.mobile: r for r in facts["reports"] if facts["campaign_of"].get((r.msg_id, r.mobile)) == cid}
    for r in rows:
        rep = mine.get(r.mobile)
        assert r.code == (rep.code if rep else "") and r.report_time == (rep.time if rep else "")
        assert r.bucket == (bucket(rep.code) if rep else "")
        assert r.values == tuple(dict(facts["rows"])[r.mobile])
    by = {r.mobile: r for r in rows}
    assert by[number(2, 5)].reply == "=1+1 好的" and by[number(2, 45)].batch_state == "unknown"


def test_suppression_list_queries(world):
    store, facts = world
    q = store.views.suppression
    before = q.count()
    assert q.add(["13700000001", "13700000002"], "客户电话要求") == 2
    assert q.add(["13700000001"], "again") == 0 and q.get("13700000001").reason == "客户电话要求"
    assert q.count() == before + 2
    assert q.count("13700000002") == 1 and q.count("0002") == sum(
        1 for e in q.page(limit=1000) if e.mobile.endswith("0002"))
    assert q.count("客户") == 2
    walked, after = [], None
    while True:
        page = q.page(after=after, limit=3)
        walked += page
        if len(page) < 3:
            break
        after = page[-1].key
    assert len(walked) == q.count()
    assert [e.key for e in walked] == sorted((e.key for e in walked), reverse=True)
    assert {e.source for e in walked} == {"report", "reply", "manual"}
    assert q.remove(["13700000001"]) == 1 and q.get("13700000001") is None
    assert store.views.stamp() != (0, 0, "", "")


def test_migration_from_version_1_backfills_classes_and_keeps_entries(tmp_path):
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO meta VALUES ('install_id', 'ab12')")
    conn.execute("INSERT INTO campaigns (kind, content, code, created_at, updated_at) "
                 "VALUES ('plain', 'x', '101', '2026-01-01', '2026-01-01')")
    conn.execute("INSERT INTO batches (campaign_id, seq, ext, size, parts, state, msg_id) "
                 "VALUES (1, 1, 'e1', 3, 3, 'accepted', 'm1')")
    olds = [("m1", "13800000001", "DELIVRD", 1), ("m1", "18600000002", "MX:0012", 1),
            ("m1", "17400012345", "UNDELIV", 1), ("zz", "13300000004", "WHATEVER9", None)]
    conn.executemany("INSERT INTO reports (msg_id, mobile, code, time, batch_id) VALUES (?, ?, ?, '2026-01-01', ?)",
                     olds)
    conn.execute("INSERT INTO replies (mobile, content, time) VALUES ('13800000001', 'TD', '2026-01-01')")
    conn.execute("INSERT INTO suppression VALUES ('13800000001', 'TD', 'reply', '2026-01-01', 1)")
    conn.close()
    with Store(path) as store:
        conn = store.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        for msg_id, mobile, code, _bid in olds:
            b, c = conn.execute("SELECT bucket, carrier FROM reports WHERE msg_id = ? AND mobile = ?",
                                (msg_id, mobile)).fetchone()
            assert b == delivery_codes.bucket_id(delivery_codes.classify(code))
            assert c == carriers.carrier_id(mobile)
        assert store.views.reports.count() == len(olds)
        assert store.views.reports.count(ReportFilter(group="failed")) == sum(
            1 for o in olds if delivery_codes.classify(o[2]) != "delivered")
        e = store.views.suppression.get("13800000001")
        assert (e.reason, e.source, e.code) == ("TD", "reply", "")
        assert store.views.replies.unread() == 1
        with Transaction(conn):
            conn.execute("INSERT INTO suppression (mobile, reason, source, added_at, code) "
                         "VALUES ('1', 'x', 'report', 'now', 'BLACK')")
