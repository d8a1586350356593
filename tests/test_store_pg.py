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
