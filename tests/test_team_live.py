"""Live everywhere: what desktop A stores in the team database reaches desktop B's window as it happens.

Real PostgreSQL (tests/pg_helpers.py), the simulator over real HTTP, the real window (pytest-qt).
"""

from __future__ import annotations

import threading

import pytest

from ljsms_desktop.api import LjClient
from ljsms_desktop.core.planning import plan_plain
from ljsms_desktop.engine import create_campaign, run_campaign
from ljsms_desktop.store import Store, live

SIGNED = "【联江科技】会员日全场八折，回T退订"


def test_follow_wakes_on_another_desktops_commit_and_only_then(pg_url, tmp_path, monkeypatch):
    monkeypatch.setenv("LJSMS_DATABASE_URL", pg_url)
    b_path = tmp_path / "b" / "ljsms.sqlite3"
    Store(b_path).close()  # the schema exists
    stop = threading.Event()
    feed = live.follow(b_path, stop, coalesce=0.2)
    assert next(feed) == ("up", live.ALL)
    with Store(tmp_path / "a" / "ljsms.sqlite3") as a:
        with a.transaction():
            a.suppress(["13800000000"])
            a.save_template("9", "【x】{}")
            # nothing is announced before the commit
        kind, kinds = next(feed)
        assert kind == "changes" and {"suppression", "templates"} <= kinds
        with pytest.raises(RuntimeError), a.transaction():
            a.suppress(["13800000001"])
            raise RuntimeError("rolled back: never announced")
        a.save_template("10", "【x】{}")
        kind, kinds = next(feed)
        assert kinds == {"templates"}
    stop.set()
    assert list(feed) == []


def test_follow_on_sqlite_has_nothing_to_follow(tmp_path, monkeypatch):
    monkeypatch.delenv("LJSMS_DATABASE_URL", raising=False)
    assert not live.is_team(tmp_path / "ljsms.sqlite3")
    assert list(live.follow(tmp_path / "ljsms.sqlite3", threading.Event())) == []


def test_the_window_on_b_shows_as_campaign_and_reports_arriving_live(qtbot, simulator, pg_url, tmp_path, monkeypatch):
    from ljsms_desktop.credentials import MemoryCredentials
    from ljsms_desktop.settings import Settings
    from ljsms_desktop.ui.context import AppContext
    from ljsms_desktop.ui.main_window import MainWindow

    monkeypatch.setenv("LJSMS_DATABASE_URL", pg_url)
    creds = MemoryCredentials()
    creds.set_password("demo", "demo")
    # B polls rarely: what B shows below comes from A, announced by the database, not from B's own pulls.
    ctx = AppContext(tmp_path / "b", settings=Settings(base_url=simulator.base_url, account="demo", poll_interval=3600),
                     credentials=creds)
    polled = []
    ctx.poll_status.connect(polled.append)
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    w.start()
    qtbot.waitUntil(lambda: bool(ctx.tasks.running("team-live")) and bool(polled), timeout=10000)
    campaigns = w.campaigns
    reports = w.reports
    assert campaigns.model.rowCount() == 0
    # Desktop A (another data folder, the same database) sends a campaign and stores its reports.
    client = LjClient(simulator.base_url, "demo", "demo")
    with Store(tmp_path / "a" / "ljsms.sqlite3") as a:
        cid = create_campaign(a, plan_plain(SIGNED, [f"1380000{i:04d}" for i in range(30)]), name="A 的活动")
        qtbot.waitUntil(lambda: campaigns.model.rowCount() == 1, timeout=5000)   # B sees it while it is planned
        run_campaign(a, client, cid)
        simulator.make_all_due()
        items = client.reports()
        assert items
        a.save_reports(items)
        qtbot.waitUntil(lambda: reports.model.filter is not None and reports.model.rowCount() == len(items),
                        timeout=8000)
        assert a.stats(cid).delivered + a.stats(cid).failed == len(items)
    client.close()
    w.close()
    assert not ctx.tasks.running(), "closing the window joins the listener too"


def test_the_campaign_list_can_show_only_mine(qtbot, tmp_path, monkeypatch, engine):
    from ljsms_desktop.settings import Settings
    from ljsms_desktop.store import campaigns as store_campaigns
    from ljsms_desktop.ui.campaigns_view import CampaignsView
    from ljsms_desktop.ui.context import AppContext

    ctx = AppContext(tmp_path / "home", settings=Settings(account="demo"), credentials="memory")
    with Store(ctx.db_path) as s:
        mine = create_campaign(s, plan_plain(SIGNED, ["13800000001"]), name="我的")
        with monkeypatch.context() as m:
            m.setattr(store_campaigns, "who", lambda: ("colleague", "other-pc"))
            create_campaign(s, plan_plain(SIGNED, ["13800000002"]), name="同事的")
    view = CampaignsView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.loaded >= 1, timeout=5000)
    assert view.model.rowCount() == 2
    view.only_mine.setChecked(True)
    assert view.model.rowCount() == 1 and view.current_id() in (None, mine)
    view.only_mine.setChecked(False)
    assert view.model.rowCount() == 2


def test_settings_team_dialog_tests_migrates_and_saves_the_address_without_its_password(qtbot, pg_server, pg_url,
                                                                                        tmp_path, monkeypatch):
    import json

    from ljsms_desktop.credentials import MemoryCredentials
    from ljsms_desktop.settings import Settings
    from ljsms_desktop.store import target
    from ljsms_desktop.team import keyring_user
    from ljsms_desktop.ui.context import AppContext
    from ljsms_desktop.ui.team_dialog import TeamDialog

    monkeypatch.delenv("LJSMS_DATABASE_URL", raising=False)
    creds = MemoryCredentials()
    ctx = AppContext(tmp_path / "home", settings=Settings(account="demo"), credentials=creds)
    dialog = TeamDialog(ctx)
    qtbot.addWidget(dialog)
    # an unreachable server: said clearly, no password in the words
    dialog.url.setText(f"postgresql://ljsms@127.0.0.1:{pg_server.port}/no_such_db")
    dialog.password.setText("pw-typed")
    dialog.test()
    qtbot.waitUntil(lambda: "no_such_db" in dialog.result.text(), timeout=10000)
    assert "pw-typed" not in dialog.result.text()
    # the team's fresh database: connect, migrate, save
    dialog.url.setText(pg_url)
    dialog.test()
    qtbot.waitUntil(lambda: "0" in dialog.result.text() and "正在连接" not in dialog.result.text(), timeout=10000)
    dialog.migrate()
    qtbot.waitUntil(lambda: "连接成功，数据库版本" in dialog.result.text(), timeout=10000)
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.saved, timeout=10000)
    saved = json.loads((tmp_path / "home" / "settings.json").read_text(encoding="utf-8"))
    assert saved["database_url"] == pg_url and "pw-typed" not in json.dumps(saved)
    assert creds.get_password(keyring_user(pg_url)) == "pw-typed"   # the password went to the keyring
    assert target.database_url(ctx.db_path) == pg_url.replace("ljsms@", "ljsms:pw-typed@")
    with Store(ctx.db_path) as s:
        assert s.shared
    assert ctx.tasks.is_running("team-live")   # the window now follows the team's changes
    assert ctx.tasks.shutdown()
    target.use_database(ctx.home, None)


def test_the_window_says_when_the_team_database_is_lost_and_rereads_when_it_is_back(qtbot, simulator, pg_server,
                                                                                     pg_url, tmp_path, monkeypatch):
    import psycopg

    from ljsms_desktop.changes import Changes
    from ljsms_desktop.credentials import MemoryCredentials
    from ljsms_desktop.settings import Settings
    from ljsms_desktop.ui.context import AppContext
    from ljsms_desktop.ui.main_window import MainWindow

    monkeypatch.setenv("LJSMS_DATABASE_URL", pg_url)
    creds = MemoryCredentials()
    creds.set_password("demo", "demo")
    ctx = AppContext(tmp_path / "b", settings=Settings(base_url=simulator.base_url, account="demo", poll_interval=3600),
                     credentials=creds)
    statuses, changes = [], []
    ctx.team_status.connect(statuses.append)
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    w.start()
    qtbot.waitUntil(lambda: any(s["up"] for s in statuses), timeout=10000)
    ctx.changes.connect(changes.append)
    with psycopg.connect(pg_server.url(), autocommit=True) as admin:   # the server drops every session
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> "
                      "pg_backend_pid()", (pg_url.rsplit("/", 1)[1],))
    qtbot.waitUntil(lambda: any(not s["up"] for s in statuses), timeout=10000)
    down = next(s for s in statuses if not s["up"])
    assert "无法连接团队数据库" in down["error"]
    qtbot.waitUntil(lambda: statuses[-1]["up"], timeout=10000)   # back: and every view reads again
    assert any(c.touches(Changes(campaigns=True, reports=True, replies=True)) for c in changes)
    assert w.poll_label.text() == "团队数据库已重新连接"
    w.close()
    assert not ctx.tasks.running()
