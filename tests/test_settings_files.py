"""settings.json and schedules.json written by hand or damaged: per-field defaults, notices, the file kept."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from ljsms_desktop.api.client import DEFAULT_BASE_URL
from ljsms_desktop.cli import main
from ljsms_desktop.engine import schedule as sched
from ljsms_desktop.settings import Notice, Settings


@pytest.mark.parametrize("raw, field, code", [
    ({"base_url": 5}, "base_url", "wrong_type"),
    ({"base_url": "ftp://x"}, "base_url", "bad_value"),
    ({"account": 12345}, "account", "wrong_type"),
    ({"poll_interval": None}, "poll_interval", "wrong_type"),
    ({"poll_interval": "60"}, "poll_interval", "wrong_type"),
    ({"poll_interval": 0}, "poll_interval", "bad_value"),
    ({"poll_interval": True}, "poll_interval", "wrong_type"),
    ({"balance_threshold": 1.5}, "balance_threshold", "wrong_type"),
    ({"test_numbers": "13800138000"}, "test_numbers", "wrong_type"),
    ({"quiet_start": "25:00"}, "quiet_start", "bad_value"),
    ({"ext_code": "12a"}, "ext_code", "bad_value"),
])
def test_a_bad_field_falls_back_alone(tmp_path, raw, field, code):
    path = tmp_path / "settings.json"
    good = {"account": "demo", "poll_interval": 30, "quiet_end": "07:30"}
    path.write_text(json.dumps({**good, **raw}), encoding="utf-8")
    s = Settings.load(path)
    assert [(n.field, n.code) for n in s.notices] == [(field, code)]
    assert getattr(s, field) == getattr(Settings(), field)
    for name, value in good.items():
        if name != field:
            assert getattr(s, name) == value
    kept = s.notices[0].backup
    assert kept and open(kept, encoding="utf-8").read() == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("text, code", [
    ("{not json", "unreadable"),
    ("[1, 2]", "not_object"),
    ('"text"', "not_object"),
    ("null", "not_object"),
])
def test_a_bad_file_gives_all_defaults_and_is_kept(tmp_path, text, code):
    path = tmp_path / "settings.json"
    path.write_text(text, encoding="utf-8")
    s = Settings.load(path)
    assert s == Settings() and [(n.field, n.code) for n in s.notices] == [("", code)]
    s.account = "demo"
    s.save(path)                          # the user fixed it in the dialog
    assert s.notices == ()
    (kept,) = tmp_path.glob("settings.json.bad-*")
    assert kept.read_text(encoding="utf-8") == text
    assert Settings.load(path).account == "demo"


def test_not_utf8_is_unreadable(tmp_path):
    path = tmp_path / "settings.json"
    path.write_bytes('{"account": "联江"}'.encode("gbk"))
    assert Settings.load(path).notices[0].code == "unreadable"


def test_the_same_bad_file_is_kept_once(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"poll_interval": null}', encoding="utf-8")
    for _ in range(3):
        Settings.load(path)
    assert len(list(tmp_path.glob("settings.json.bad-*"))) == 1


def test_the_command_line_says_it_once_and_goes_on(tmp_path, monkeypatch, capsys):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("LJSMS_HOME", str(home))
    monkeypatch.delenv("LJSMS_ACCOUNT", raising=False)
    (home / "settings.json").write_text('{"base_url": 5, "account": 7, "poll_interval": null}', encoding="utf-8")
    code = main(["suppress", "list"])
    out, err = capsys.readouterr()
    assert code == 0 and "Traceback" not in err
    assert err.count("base_url") == 1 and err.count("account") == 1 and err.count("poll_interval") == 1
    assert "settings.json.bad-" in err
    assert Settings.load(home / "settings.json").base_url == DEFAULT_BASE_URL


# -- schedules.json ---------------------------------------------------------------------------------
def entry(**over):
    due = (datetime.now() + timedelta(days=1)).isoformat(timespec="seconds")
    return {"campaign_id": 1, "due": due, "label": "good", **over}


def test_an_unreadable_entry_is_kept_and_said(tmp_path):
    path = tmp_path / "schedules.json"
    raw = [entry(), entry(campaign_id=2, due="next tuesday"), entry(campaign_id="3"), "junk"]
    path.write_text(json.dumps(raw), encoding="utf-8")
    book = sched.ScheduleBook(tmp_path)
    assert [s.campaign_id for s in book.all()] == [1]
    (notice,) = book.notices
    assert notice.code == sched.ENTRIES and notice.count == 3
    book.add(sched.Schedule(campaign_id=4, due=entry()["due"]))   # the save that used to drop them
    (kept,) = tmp_path.glob("schedules.json.bad-*")
    assert str(kept) == notice.backup and json.loads(kept.read_text(encoding="utf-8")) == raw
    assert [s.campaign_id for s in sched.ScheduleBook(tmp_path).all()] == [1, 4]


@pytest.mark.parametrize("text", ["[{\"campaign_id\": 1,", "{\"campaign_id\": 1}", "\x00\x01"])
def test_an_unreadable_file_is_kept_and_said(tmp_path, text):
    (tmp_path / "schedules.json").write_text(text, encoding="utf-8")
    book = sched.ScheduleBook(tmp_path)
    assert book.all() == [] and [n.code for n in book.notices] == [sched.UNREADABLE]
    book.add(sched.Schedule(campaign_id=4, due=entry()["due"]))
    (kept,) = tmp_path.glob("schedules.json.bad-*")
    assert kept.read_text(encoding="utf-8") == text


def test_the_command_line_tells_of_unreadable_schedules(tmp_path, monkeypatch, capsys):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("LJSMS_HOME", str(home))
    (home / "schedules.json").write_text(json.dumps([entry(), entry(due=None)]), encoding="utf-8")
    assert main(["suppress", "list"]) == 0
    err = capsys.readouterr().err
    assert "schedules.json 中有 1 项无法读取" in err and "schedules.json.bad-" in err


def test_a_good_file_has_no_notices(tmp_path):
    Settings(account="demo").save(tmp_path / "settings.json")
    assert Settings.load(tmp_path / "settings.json").notices == ()
    sched.ScheduleBook(tmp_path).add(sched.Schedule(campaign_id=1, due=entry()["due"]))
    assert sched.ScheduleBook(tmp_path).notices == []
    assert not list(tmp_path.glob("*.bad-*"))
    assert Notice("x", "wrong_type").backup == ""


def test_a_data_folder_that_cannot_be_made_is_said_in_words(tmp_path, monkeypatch, capsys):
    (tmp_path / "a-file").write_text("x")
    monkeypatch.setenv("LJSMS_HOME", str(tmp_path / "a-file" / "home"))
    code = main(["suppress", "list"])
    err = capsys.readouterr().err
    assert code == 1 and "无法使用数据文件夹" in err and "Traceback" not in err and "内部错误" not in err
