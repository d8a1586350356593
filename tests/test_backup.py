"""Backups and restores of the data file, and no silent fresh start from an empty or truncated one."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest
from store_helpers import open_together

from cli_helpers import run as run_cli
from ljsms_desktop.store import Store, StoreError, backup, db

NUMBER = "13800138000"


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("LJSMS_HOME", str(tmp_path / "home"))
    for name in ("LJSMS_PASSWORD", "LJSMS_ACCOUNT", "LJSMS_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "home"


def run(capsys, *argv):
    code, out, err = run_cli(capsys, *argv)
    assert "内部错误" not in err
    return code, out, err


def fill(path):
    """A store with a campaign and an opted-out number."""
    with Store(path) as store:
        store.create_campaign(kind="plain", content="【联江】你好，回T退订", batches=[["13900139000"]],
                              batch_parts=[1])
        store.suppress([NUMBER], "TD", "reply")


def suppressed(path) -> list[str]:
    with Store(path) as store:
        return [e.mobile for e in store.suppressed()]


def test_round_trip_through_the_command_line(home, capsys):
    dbfile = home / "ljsms.sqlite3"
    assert run(capsys, "suppress", "add", NUMBER, "--reason", "TD")[0] == 0
    code, out, err = run(capsys, "backup")
    assert code == 0
    taken = out.strip()
    assert taken.startswith(str(home / "backups" / "ljsms-")) and taken.endswith(".sqlite3")

    dbfile.write_bytes(b"")          # what lost the suppression list before: a 0-byte file
    for extra in ("-wal", "-shm"):
        (home / f"ljsms.sqlite3{extra}").unlink(missing_ok=True)
    code, out, err = run(capsys, "suppress", "list")
    assert code == 1 and "0 字节" in err and f"ljsms restore {taken}" in err
    assert dbfile.stat().st_size == 0   # nothing started afresh over it

    code, out, err = run(capsys, "restore", taken, "--yes")
    assert code == 0 and "已从" in out
    assert suppressed(dbfile) == [NUMBER]
    code, out, _ = run(capsys, "suppress", "list")
    assert code == 0 and NUMBER in out
    # the empty file was kept too, before it was replaced
    assert any(p.name.startswith("damaged-") for p in (home / "backups").iterdir())


def test_restore_keeps_the_current_data_first(tmp_path):
    path = tmp_path / "ljsms.sqlite3"
    fill(path)
    first = backup.take_backup(path)
    with Store(path) as store:
        store.unsuppress([NUMBER])
    with backup.open_candidate(path, first) as candidate:
        assert (candidate.campaigns, candidate.suppressed, candidate.version) == (1, 1, db.SCHEMA_VERSION)
        result = backup.restore(path, candidate)
    assert suppressed(path) == [NUMBER]
    assert result.kept is not None and result.kept.name.endswith("-prerestore.sqlite3")
    with Store(result.kept) as kept:
        assert kept.suppressed() == []
    assert not list(tmp_path.glob(".restore-*"))


def test_a_truncated_file_is_refused_and_named(tmp_path):
    path = tmp_path / "ljsms.sqlite3"
    fill(path)
    with Store(path) as store:   # some bulk, so that half the file is missing a lot
        store.conn.execute("CREATE TABLE pad (x)")
        store.conn.executemany("INSERT INTO pad VALUES (?)", [("x" * 500,)] * 200)
    newest = backup.take_backup(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(StoreError) as e:
        Store(path)
    assert e.value.kind == "damaged" and e.value.params["detail"] == "truncated"
    assert e.value.params["backup"] == str(newest)
    assert path.stat().st_size == len(data) // 2


def test_a_truncated_file_is_refused_even_without_a_backup(tmp_path):
    path = tmp_path / "ljsms.sqlite3"
    fill(path)
    path.write_bytes(path.read_bytes()[:50])   # not even the header is whole
    with pytest.raises(StoreError) as e:
        Store(path)
    assert e.value.kind == "damaged" and e.value.params["backup"] == ""


def test_an_empty_file_beside_a_wal_is_refused(tmp_path):
    path = tmp_path / "ljsms.sqlite3"
    path.write_bytes(b"")
    (tmp_path / "ljsms.sqlite3-wal").write_bytes(b"\x37\x7f\x06\x82" + b"\0" * 4000)
    with pytest.raises(StoreError) as e:
        Store(path)
    assert e.value.kind == "damaged" and e.value.params["wal"] is True


def test_an_empty_file_with_nothing_to_lose_is_a_new_store(tmp_path):
    path = tmp_path / "ljsms.sqlite3"
    path.write_bytes(b"")
    with Store(path) as store:
        assert store.suppressed() == []


def test_restore_is_refused_while_the_file_is_open_elsewhere(tmp_path):
    path = tmp_path / "ljsms.sqlite3"
    fill(path)
    taken = backup.take_backup(path)
    other = Store(path)              # e.g. the window's poller, or `ljsms watch`
    try:
        other.unsuppress([NUMBER])
        with backup.open_candidate(path, taken) as candidate, pytest.raises(StoreError) as e:
            backup.restore(path, candidate)
        assert e.value.kind == "in_use"
        assert other.suppressed() == []   # untouched and still usable
    finally:
        other.close()


@pytest.mark.parametrize("make, detail", [
    (lambda p: p.write_bytes(b""), "empty"),
    (lambda p: p.write_text("名单\n13800138000\n", encoding="utf-8"), "not_sqlite"),
    (lambda p: sqlite3.connect(p).execute("CREATE TABLE other (x)").connection.commit(), "not_ljsms"),
    (lambda p: None, "missing"),
])
def test_a_file_that_is_not_a_backup_is_refused(tmp_path, make, detail):
    path = tmp_path / "ljsms.sqlite3"
    fill(path)
    candidate = tmp_path / "candidate.sqlite3"
    make(candidate)
    with pytest.raises(StoreError) as e, backup.open_candidate(path, candidate):
        pass
    assert e.value.kind == "bad_backup" and e.value.params["detail"] == detail
    assert suppressed(path) == [NUMBER]


def test_a_backup_of_a_newer_schema_is_refused(tmp_path, home, capsys):
    path = home / "ljsms.sqlite3"
    fill(path)
    newer = tmp_path / "newer.sqlite3"
    with Store(path) as store:
        store.conn.execute(f"VACUUM INTO '{newer}'")
    con = sqlite3.connect(newer)
    con.execute(f"PRAGMA user_version = {db.SCHEMA_VERSION + 1}")
    con.close()
    code, _, err = run(capsys, "restore", str(newer), "--yes")
    assert code == 2 and "更新版本" in err and "当前数据未改动" in err


def test_restore_asks_first(home, capsys, monkeypatch):
    fill(home / "ljsms.sqlite3")
    taken = backup.take_backup(home / "ljsms.sqlite3")
    code, _, err = run(capsys, "restore", taken.name)   # a bare name is looked up in backups/
    assert code == 2 and "--yes" in err


def test_daily_backup_once_a_day_and_seven_kept(tmp_path):
    path = tmp_path / "ljsms.sqlite3"
    fill(path)
    day = datetime(2026, 11, 1, 9, 0, 0)
    assert backup.daily_backup(path, now=day) is not None
    assert backup.daily_backup(path, now=day + timedelta(hours=3)) is None
    for n in range(1, 10):
        assert backup.daily_backup(path, now=day + timedelta(days=n)) is not None
    kept = backup.list_backups(path)
    assert len(kept) == backup.KEEP
    assert kept[0].taken_at == day + timedelta(days=9)
    assert kept[-1].taken_at == day + timedelta(days=3)


def test_a_backup_is_taken_before_a_migration(tmp_path, monkeypatch):
    path = tmp_path / "ljsms.sqlite3"
    fill(path)
    monkeypatch.setattr(db, "MIGRATIONS", db.MIGRATIONS + (("CREATE TABLE later (x)",),))
    monkeypatch.setattr(db, "SCHEMA_VERSION", db.SCHEMA_VERSION + 1)
    with Store(path) as store:
        assert db.user_version(store.conn) == db.SCHEMA_VERSION
    (before,) = backup.list_backups(path)
    assert before.reason == f"v{db.SCHEMA_VERSION - 1}"
    con = sqlite3.connect(before.path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION - 1
    con.close()


def test_the_command_line_takes_the_days_backup(home, capsys):
    assert run(capsys, "suppress", "add", NUMBER)[0] == 0
    (daily,) = backup.list_backups(home / "ljsms.sqlite3")
    with Store(daily.path) as copy:                     # taken after the command, so it holds its work
        assert [e.mobile for e in copy.suppressed()] == [NUMBER]
    code, out, _ = run(capsys, "backup", "--list")
    assert code == 0 and str(daily.path) in out


def test_threads_creating_a_deleted_file_beside_backups_do_not_take_it_for_an_emptied_one(tmp_path):
    path = tmp_path / "ljsms.sqlite3"
    fill(path)
    backup.take_backup(path)
    for attempt in range(10):
        for extra in ("", "-wal", "-shm"):
            (tmp_path / f"ljsms.sqlite3{extra}").unlink(missing_ok=True)   # the user starts afresh on purpose
        assert open_together(path, 6) == []


def test_the_command_line_refuses_a_restore_while_the_file_is_open(home, capsys):
    path = home / "ljsms.sqlite3"
    fill(path)
    taken = backup.take_backup(path)
    with Store(path) as other:        # the window, or `ljsms watch`
        other.unsuppress([NUMBER])
        code, _, err = run(capsys, "restore", str(taken), "--yes")
        assert code == 1 and "另一个窗口或命令" in err and "当前数据未改动" in err
        assert other.suppressed() == []


def test_backup_without_a_data_file_says_so(home, capsys):
    code, out, err = run(capsys, "backup")
    assert code == 1 and "还没有数据文件" in err and out == ""


def test_threads_opening_an_old_file_together_take_one_backup_before_the_migration(tmp_path, monkeypatch):
    path = tmp_path / "ljsms.sqlite3"
    fill(path)
    for day in range(6):   # the dailies a burst of pre-migration copies would push out
        backup.take_backup(path, now=datetime(2026, 11, 1 + day, 9, 0, 0))
    monkeypatch.setattr(db, "MIGRATIONS", db.MIGRATIONS + (("CREATE TABLE later (x)",),))
    monkeypatch.setattr(db, "SCHEMA_VERSION", db.SCHEMA_VERSION + 1)
    assert open_together(path, 6) == []
    kept = backup.list_backups(path)
    assert [b.reason for b in kept].count(f"v{db.SCHEMA_VERSION - 1}") == 1
    assert len(kept) == 7
