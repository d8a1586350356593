"""The store on a real PostgreSQL server (tests/pg_helpers.py): schema, versions, dialect, errors, secrets."""

from __future__ import annotations

import sqlite3

import pytest

psycopg = pytest.importorskip("psycopg", reason="psycopg (psycopg[binary]) is not installed")

from ljsms_desktop.store import Store, StoreError, pg, pg_schema, target  # noqa: E402
from ljsms_desktop.store.schema import MIGRATIONS, SCHEMA_VERSION  # noqa: E402


def test_every_migration_step_translates_and_the_version_is_the_same_as_sqlites(pg_url, tmp_path):
    assert all(pg_schema.statement(step) for steps in MIGRATIONS for step in steps)
    with Store(tmp_path / "ljsms.sqlite3", url=pg_url) as s:
        assert s.dialect == "postgresql" and s.shared
        assert pg_schema.version(s.conn) == SCHEMA_VERSION
        assert not (tmp_path / "ljsms.sqlite3").exists()  # nothing SQLite on the side
    with Store(tmp_path / "ljsms.sqlite3") as local:
        assert local.dialect == "sqlite"
        assert local.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_database_of_a_newer_version_is_refused(pg_url, tmp_path):
    Store(tmp_path / "x", url=pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as raw:
        raw.execute("UPDATE schema_version SET version = %s", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError) as e:
        Store(tmp_path / "x", url=pg_url)
    assert e.value.kind == "too_new"


def test_two_desktops_opening_a_new_database_at_once_migrate_it_once(pg_url, tmp_path):
    import threading
    errors, stores = [], []

    def open_one(i):
        try:
            stores.append(Store(tmp_path / f"d{i}" / "ljsms.sqlite3", url=pg_url))
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=open_one, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with psycopg.connect(pg_url) as raw:
        assert raw.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    for s in stores:
        s.close()


def test_bugs_are_not_disguised_as_store_errors_and_constraints_break_as_in_sqlite(pg_url, tmp_path):
    with Store(tmp_path / "x", url=pg_url) as s:
        with pytest.raises(psycopg.errors.UndefinedTable):
            with s.transaction():
                s.conn.execute("SELECT * FROM no_such_table")
        assert not s.conn.in_transaction  # rolled back
        s.create_campaign(kind="plain", content="【x】a", batches=[["13800000000"]], batch_parts=[1], code="7")
        with pytest.raises(sqlite3.IntegrityError):
            s.create_campaign(kind="plain", content="【x】b", batches=[["13800000001"]], batch_parts=[1], code="7")
        assert [c.code for c in s.campaigns()] == ["7"]


def test_placeholders_literals_and_numbered_parameters_translate():
    text, order, returning, has = pg.translate("SELECT '?%', ?2, ?1, ? FROM t WHERE a LIKE '%x'")
    assert text == "SELECT '?%%', %s, %s, %s FROM t WHERE a LIKE '%%x'" and has
    text, order, returning, _ = pg.translate("INSERT INTO pulls (kind) VALUES (?)")
    assert text.endswith("RETURNING id") and returning
    assert pg.translate("SELECT 100 % 7")[0] == "SELECT 100 % 7"
    assert pg.translate("PRAGMA synchronous = NORMAL")[0] == "SET synchronous_commit = off"
    assert "excluded.n" in pg.translate("INSERT INTO report_counts (campaign_id, code, n) VALUES (?, ?, ?) "
                                        "ON CONFLICT (campaign_id, code) DO UPDATE SET n = n + excluded.n")[0]


def test_an_unreachable_database_says_so_without_its_password(pg_server, tmp_path):
    url = f"postgresql://ljsms:s3cret-pw@127.0.0.1:{pg_server.port}/no_such_db"
    with pytest.raises(StoreError) as e:
        Store(tmp_path / "x", url=url)
    assert e.value.kind == "unreachable"
    assert "s3cret-pw" not in str(e.value) and "s3cret-pw" not in repr(e.value.params)
    assert "no_such_db" in str(e.value)
    assert target.redact("see postgresql://u:pw@h/db and host=h password=pw&x=1") == \
        "see postgresql://u:***@h/db and host=h password=pw&x=1"
    assert target.redact("postgresql://h/db?password=pw&x=1") == "postgresql://h/db?password=***&x=1"


def test_a_server_gone_mid_session_is_unreachable_not_a_crash(pg_server, pg_url, tmp_path):
    s = Store(tmp_path / "x", url=pg_url)
    with psycopg.connect(pg_server.url(), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                      (pg_url.rsplit("/", 1)[1],))
    with pytest.raises(StoreError) as e:
        s.campaigns()
    assert e.value.kind == "unreachable"
    s.close()


def test_the_url_comes_from_the_environment_first_then_the_data_folder(pg_url, tmp_path, monkeypatch):
    monkeypatch.delenv(target.ENV, raising=False)
    folder = tmp_path / "home"
    assert target.database_url(folder / "ljsms.sqlite3") is None
    target.use_database(folder, pg_url)
    try:
        assert target.database_url(folder / "ljsms.sqlite3") == pg_url
        assert target.database_url(tmp_path / "other" / "ljsms.sqlite3") is None
        monkeypatch.setenv(target.ENV, "postgresql://env/db")
        assert target.database_url(folder / "ljsms.sqlite3") == "postgresql://env/db"
    finally:
        target.use_database(folder, None)
    monkeypatch.delenv(target.ENV)
    assert target.database_url(folder / "ljsms.sqlite3") is None


def test_a_throw_away_folder_stays_local_even_with_the_environment_set(tmp_path, monkeypatch):
    monkeypatch.setenv(target.ENV, "postgresql://team/db")
    demo = tmp_path / "demo"
    target.keep_local(demo)
    try:
        assert target.database_url(demo / "ljsms.sqlite3") is None
        assert target.database_url(tmp_path / "other" / "ljsms.sqlite3") == "postgresql://team/db"
        with Store(demo / "ljsms.sqlite3") as s:
            assert s.dialect == "sqlite" and (demo / "ljsms.sqlite3").exists()
    finally:
        target.use_database(demo, None)


def _pull_world(store) -> list[list]:
    """Pulls that take every branch of the PostgreSQL fast path (store.pg_reports) and its way back to the
    general one; returns them, after storing each in its own transaction as the poller does."""
    from ljsms_desktop.api.models import Report
    numbers = ["13800000000", "17400012345", "17490000001", "14900000000", "1380000000", "+8613800000009",
               "19200000000", "13900000001"]
    cid = store.create_campaign(kind="plain", content="【x】a", batches=[numbers[:4], numbers[4:]], batch_parts=[4, 4])
    store.begin_run(cid)
    b1, b2 = store.batches(cid)
    store.mark_sending(b1.id)
    store.mark_accepted(b1.id, "900001")
    store.mark_sending(b2.id)
    store.mark_unknown(b2.id, "no answer")
    pulls = [
        # one batch, one msgId, 5-digit prefixes (174 00 / 174 90), an opt-out code
        [Report("900001", m, c, "2026-11-29 10:00:0%d" % k, b1.ext)
         for k, (m, c) in enumerate(zip(numbers[:4], ("DELIVRD", "MX:0012", "UNDELIV", "TSBLACK")))],
        # the batch left unknown (its answer lost): the report gives it its msgId; numbers not 11 digits
        [Report("900002", m, c, "2026-11-29 10:01:00", b2.ext) for m, c in zip(numbers[4:6], ("DELIVRD", "BLACK"))],
        # two msgIds under one ext
        [Report("900002", numbers[6], "DELIVRD", "2026-11-29 10:02:00", b2.ext),
         Report("900003", numbers[7], "MK:0001", "2026-11-29 10:02:00", b2.ext)],
        # a repeat, and a later status of a stored report: the general path
        [Report("900001", numbers[0], "DELIVRD", "2026-11-29 10:00:00", b1.ext),
         Report("900001", numbers[2], "DELIVRD", "2026-11-29 10:09:00", b1.ext)],
        # an ext that is no batch of ours
        [Report("777", "13700000000", "DELIVRD", "2026-11-29 10:03:00", "lj-other")],
    ]
    results = [store.save_reports(p) for p in pulls]
    return [(r.received, r.new, r.resolved_batches, r.opt_outs) for r in results]


def _tables(store) -> dict:
    c = store.conn
    return {
        "reports": sorted(c.execute("SELECT msg_id, mobile, code, time, ext, batch_id, bucket, carrier FROM reports")),
        "tally": sorted(c.execute("SELECT batch_id, code, carrier, n FROM report_tally WHERE n <> 0")),
        "counts": sorted(c.execute("SELECT campaign_id, code, n FROM report_counts WHERE n <> 0")),
        "suppression": sorted(c.execute("SELECT mobile, reason, source, code FROM suppression")),
        "batches": sorted(c.execute("SELECT id, state, msg_id, resolved_by FROM batches")),
        "pulls": sorted(c.execute("SELECT kind, items, new_items FROM pulls")),
    }


def test_a_report_pull_stores_the_same_on_both_engines(pg_url, tmp_path, monkeypatch):
    """The PostgreSQL fast path (one statement per pull) and the general path agree with SQLite row for row."""
    from ljsms_desktop.store import pg_reports
    fast, seen = pg_reports.save_pull_of_batch, []
    monkeypatch.setattr(pg_reports, "save_pull_of_batch", lambda *a: seen.append(fast(*a)) or seen[-1])
    with Store(tmp_path / "local.sqlite3") as local, Store(tmp_path / "team", url=pg_url) as team:
        assert _pull_world(team) == _pull_world(local)
        # the first three pulls took the fast path; the repeat and the foreign ext went back to the general one
        assert [r is not None for r in seen] == [True, True, True, False, False]
        assert _tables(team) == _tables(local)
        assert len(_tables(team)["reports"]) == 9 and _tables(team)["suppression"]


def test_the_pull_savepoint_set_with_begin_never_undoes_a_write_made_after_it(pg_url, tmp_path):
    """pull_transaction sets the report pull's savepoint with its BEGIN (one round trip fewer); a write between
    them gets a savepoint of its own, so a pull going back to the general path cannot roll that write back."""
    from ljsms_desktop.api.models import Report
    with Store(tmp_path / "team", url=pg_url) as team:
        cid = team.create_campaign(kind="plain", content="【x】a", batches=[["13800000000"]], batch_parts=[1])
        team.begin_run(cid)
        [b] = team.batches(cid)
        team.mark_sending(b.id)
        team.mark_accepted(b.id, "1")
        report = Report("1", "13800000000", "DELIVRD", "2026-11-29 10:00:00", b.ext)
        with team.pull_transaction():
            assert team.save_reports([report]).new == 1  # the armed savepoint, used
        with team.pull_transaction():
            team.suppress(["13900000000"], "投诉")
            assert team.save_reports([report]).new == 0  # stored before: rolled back to its own savepoint
        assert team.is_suppressed("13900000000") and team.report_count() == 1


def test_a_commit_that_fails_after_preparing_its_statements_leaves_the_next_one_working(pg_url, tmp_path):
    """A batch's claim and accepted mark go with the COMMIT as EXECUTEs of statements PREPAREd once per connection;
    PREPAREs outlive a rollback, so after a failed COMMIT the names start afresh rather than guess which ran."""
    with Store(tmp_path / "team", url=pg_url) as team:
        cid = team.create_campaign(kind="plain", content="【x】a", batches=[["13800000000"], ["13800000001"]],
                                   batch_parts=[1, 1])
        team.begin_run(cid)
        b1, b2 = team.batches(cid)
        with psycopg.connect(pg_url, autocommit=True) as other:
            other.execute("BEGIN")
            other.execute("SELECT pg_advisory_xact_lock(%s, %s)", (pg.NAMESPACE, pg.WRITER_KEY))
            team.conn.execute("PRAGMA busy_timeout = 200")
            with pytest.raises(StoreError) as e:
                with team.transaction():
                    team.mark_sending(b1.id)  # PREPAREd, then the writers' lock is not to be had
            assert e.value.kind == "locked"
            other.execute("ROLLBACK")
        team.conn.execute("PRAGMA busy_timeout = 15000")
        with pytest.raises(psycopg.errors.NumericValueOutOfRange):  # fails after its PREPARE ran (a bug's error)
            with team.transaction():
                team.mark_sending(2**40)
        assert team.batches(cid)[0].state == "planned"
        with team.transaction():
            team.mark_sending(b1.id)
        with team.transaction():  # the accepted mark and the next claim, both prepared statements now
            team.mark_accepted(b1.id, "m1")
            team.mark_sending(b2.id)
        with pytest.raises(StoreError) as e:  # a claim of a batch no longer planned: refused after the COMMIT
            with team.transaction():
                team.mark_sending(b2.id)
        assert e.value.kind == "state"
        assert [(b.state, b.msg_id) for b in team.batches(cid)] == [("accepted", "m1"), ("sending", None)]


def test_batch_numbers_are_compressed_with_lz4_where_the_server_has_it(pg_url, tmp_path):
    """Only speed (pglz took ~5x the server time for a campaign's numbers): a server without lz4 keeps its default."""
    with psycopg.connect(pg_url, autocommit=True) as raw:
        try:
            raw.execute("CREATE TEMP TABLE probe (t TEXT COMPRESSION lz4)")
            has_lz4 = True
        except psycopg.errors.FeatureNotSupported:
            has_lz4 = False
    with Store(tmp_path / "team", url=pg_url) as team:
        (method,) = team.conn.execute("SELECT attcompression FROM pg_attribute WHERE attrelid = "
                                      "'batch_payloads'::regclass AND attname = 'payload'").fetchone()
        assert method == ("l" if has_lz4 else "")
        numbers = [f"138{i:08d}" for i in range(4000)]
        cid = team.create_campaign(kind="plain", content="【x】a", batches=[numbers[:2000], numbers[2000:]],
                                   batch_parts=[2000, 2000])
        assert [team.batch_mobiles(b.id) for b in team.batches(cid)] == [numbers[:2000], numbers[2000:]]
    Store(tmp_path / "team", url=pg_url).close()  # opened again: nothing to change, no error


def test_statements_prepared_here_survive_a_rollback_on_the_same_connection(pg_url, tmp_path):
    """psycopg answers a ROLLBACK by DEALLOCATE ALL when it has prepared statements of its own (executemany
    prepares); the claims, accepted marks and report pulls this connection PREPAREd must still be there after it."""
    from ljsms_desktop.api.models import Report
    with Store(tmp_path / "team", url=pg_url) as team:
        numbers = [f"1380000{i:04d}" for i in range(6)]
        cid = team.create_campaign(kind="plain", content="【x】a", batches=[numbers[:2], numbers[2:4], numbers[4:]],
                                   batch_parts=[2, 2, 2])  # executemany: psycopg prepares
        team.begin_run(cid)
        b1, b2, b3 = team.batches(cid)
        for b, msg in ((b1, "m1"), (b2, "m2")):  # the claim and accepted-mark statements, prepared here
            with team.transaction():
                team.mark_sending(b.id)
            with team.transaction():
                team.mark_accepted(b.id, msg)
        team.save_reports([Report("m1", numbers[0], "DELIVRD", "2026-11-29 10:00:00", b1.ext)])  # the pull's
        for _ in range(2):
            with pytest.raises(RuntimeError):  # a transaction rolled back, then a savepoint rolled back
                with team.transaction():
                    team.suppress(["13900000000"])
                    raise RuntimeError("changed my mind")
            assert team.save_reports([Report("m1", numbers[0], "DELIVRD", "2026-11-29 10:00:00", b1.ext)]).new == 0
        with team.transaction():
            team.mark_sending(b3.id)
        with team.transaction():
            team.mark_accepted(b3.id, "m3")
        assert team.save_reports([Report("m2", n, "DELIVRD", "2026-11-29 10:01:00", b2.ext)
                                  for n in numbers[2:4]]).new == 2
        assert [b.state for b in team.batches(cid)] == ["accepted"] * 3 and team.report_count() == 3
