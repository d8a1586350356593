"""The data folder holds customers' numbers and replies: 0700, its files 0600, whatever the umask."""

from __future__ import annotations

import os
import stat
from datetime import datetime, timedelta

import pytest

from ljsms_desktop import paths
from ljsms_desktop.cli import main
from ljsms_desktop.engine.schedule import Schedule, ScheduleBook
from ljsms_desktop.settings import Settings

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


@pytest.fixture
def open_umask():
    old = os.umask(0o022)   # the usual default: new files 0644, folders 0755
    yield
    os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def everything(folder):
    for root, dirs, files in os.walk(folder):
        for d in dirs:
            yield os.path.join(root, d)
        for f in files:
            yield os.path.join(root, f)


def test_a_new_data_folder_is_private(tmp_path, monkeypatch, capsys, open_umask):
    home = tmp_path / "new" / "home"
    monkeypatch.setenv("LJSMS_HOME", str(home))
    assert main(["suppress", "add", "13800138000"]) == 0
    assert main(["backup"]) == 0
    Settings(account="demo").save(paths.settings_path())
    book = ScheduleBook(home)
    book.add(Schedule(campaign_id=1, due=(datetime.now() + timedelta(days=1)).isoformat(timespec="seconds")))
    capsys.readouterr()

    names = {os.path.relpath(p, home) for p in everything(home)}
    assert {"ljsms.sqlite3", "settings.json", "schedules.json", "backups"} <= names
    assert any(n.startswith("backups/ljsms-") for n in names)
    assert mode(home) == 0o700
    for p in everything(home):
        expected = 0o700 if os.path.isdir(p) else 0o600
        assert mode(p) == expected, p


def test_an_existing_open_folder_is_made_private_on_open(tmp_path, monkeypatch, open_umask):
    home = tmp_path / "old"
    (home / "backups").mkdir(parents=True)
    for name in ("ljsms.sqlite3-journal-left", "settings.json", "window.ini", "backups/ljsms-20260101-000000.sqlite3"):
        (home / name).write_text("x")
    os.chmod(home, 0o755)
    assert mode(home / "settings.json") == 0o644
    (home / "photos").mkdir()                      # LJSMS_HOME may name a folder holding other things
    (home / "photos" / "cat.jpg").write_text("x")
    (home / "notes.txt").write_text("x")
    monkeypatch.setenv("LJSMS_HOME", str(home))
    assert paths.data_dir() == home
    assert mode(home) == 0o700 and mode(home / "backups") == 0o700
    for p in everything(home):
        if os.path.isfile(p):
            assert mode(p) == (0o644 if "photos" in p or "notes" in p else 0o600), p
    assert mode(home / "photos") == 0o755          # not ours: left alone


def test_a_kept_bad_file_is_private(tmp_path, open_umask):
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    s = Settings.load(path)
    kept = s.notices[0].backup
    assert kept and mode(kept) == 0o600


def test_a_shared_folder_is_left_as_it_is_and_only_our_files_in_it_are_made_private(tmp_path, open_umask):
    """A database or LJSMS_HOME put in /tmp (sticky, everyone's) must not take /tmp away from everyone else."""
    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    theirs = shared / "someone-elses.txt"
    theirs.write_text("x")
    os.chmod(theirs, 0o644)
    ours = shared / "ljsms.sqlite3"
    ours.write_bytes(b"")
    os.chmod(ours, 0o644)
    paths.make_private_dir(shared)
    assert stat.S_IMODE(os.stat(shared).st_mode) == 0o1777
    assert mode(theirs) == 0o644 and mode(ours) == 0o600
