"""Shared fixtures. Qt runs offscreen; the simulated gateway runs over real HTTP on 127.0.0.1."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from ljsms_desktop.simulator import Simulator  # noqa: E402


@pytest.fixture
def make_simulator():
    """Factory: ``make_simulator(**overrides)`` starts a simulator (seed 1234, no delays) on a free port.

    Every simulator it started is stopped at teardown.
    """
    started: list[Simulator] = []

    def make(**overrides) -> Simulator:
        settings = {"seed": 1234, "report_delay": 0.0, "reply_delay": 0.0, **overrides}
        sim = Simulator(**settings).start()
        started.append(sim)
        return sim

    yield make
    for sim in started:
        sim.stop()


@pytest.fixture
def simulator(make_simulator) -> Simulator:
    """A running simulator: account demo/demo, balance 100000, seed 1234, reports due at once."""
    return make_simulator()


@pytest.fixture
def open_window(qtbot, tmp_path):
    """Factory: ``open_window(sim=None, home=None, **options)`` shows and starts a MainWindow.

    Settings point at *sim* (account demo, poll every second) or, without one, at a closed port with no account;
    ``settings=`` gives them instead (None: the home folder's own). The credentials are in memory with
    *account*'s *password* (none when *password* is empty) unless *credentials* is given. *home*: the data
    folder (default: a new one below tmp_path). *size*: resize the window first. At teardown every window is
    closed (as by 退出 with ``quit=True``: the tray keeps none), and with ``check_joined`` (the default) its
    workers must all have been joined.
    """
    from ljsms_desktop.credentials import MemoryCredentials
    from ljsms_desktop.settings import Settings
    from ljsms_desktop.ui.context import AppContext
    from ljsms_desktop.ui.main_window import MainWindow

    made = []

    def make(sim=None, home=None, *, account="demo", password="demo", credentials="memory", demo=False,
             poll_interval=1, settings=..., size=None, quit=False, check_joined=True):
        if credentials == "memory":
            credentials = MemoryCredentials()
            if password:
                credentials.set_password(account, password)
        if settings is ...:
            settings = Settings(base_url=sim.base_url if sim else "http://127.0.0.1:9/api/v1",
                                account=account if sim else "", poll_interval=poll_interval)
        ctx = AppContext(home or tmp_path / f"home{len(made)}", settings=settings, credentials=credentials, demo=demo)
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        if size is not None:
            window.resize(*size)
        window.show()
        window.start()
        made.append((window, quit, check_joined))
        return window

    yield make
    for w, quit, check_joined in made:
        if quit:
            w._quitting = True
        w.close()
        if check_joined:
            assert not w.ctx.tasks.running(), "closing the window joins every worker, the views' query workers too"


# ---- PostgreSQL (the team store): one throw-away server per session, a fresh database per test ----------------

@pytest.fixture(scope="session")
def pg_server():
    """A throw-away PostgreSQL server (tests/pg_helpers.py); the test is skipped, with the reason, without one."""
    from pg_helpers import PgServer, why_unavailable
    reason = why_unavailable()
    if reason:
        pytest.skip(f"PostgreSQL tests skipped: {reason}")
    server = PgServer().start()
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server):
    """The URL of a fresh, empty database on the session's server (dropped afterwards)."""
    url = pg_server.new_database()
    yield url
    pg_server.drop_database(url)


# Tests of the SQLite file itself (WAL, damaged or locked files, backups, threads sharing a connection): SQLite only.
SQLITE_ONLY = {
    "tests/test_store.py::test_new_file_is_wal_with_foreign_keys_and_current_version",
    "tests/test_store.py::test_file_from_a_newer_version_is_refused_clearly",
    "tests/test_store.py::test_a_damaged_file_gives_a_clear_error",
    "tests/test_store.py::test_a_folder_that_cannot_be_created_gives_a_clear_error",
    "tests/test_store.py::test_a_locked_file_is_reported_not_crashed",
    "tests/test_store.py::test_a_store_refuses_to_be_shared_between_threads",
    "tests/test_store.py::test_bugs_are_not_disguised_as_store_errors",  # tests/test_store_pg.py has its twin
    "tests/test_engine.py::test_a_campaign_is_never_sent_by_two_runners_at_once",  # the file lock (twin: test_team.py)
    "tests/test_store_views.py::test_migration_from_version_1_backfills_classes_and_keeps_entries",  # a v1 file
}


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, monkeypatch):
    """Runs the test on both store engines: "sqlite" (the data folder's file) and "postgresql" (LJSMS_DATABASE_URL
    pointing at a fresh database, which every Store(path) then opens; subprocesses inherit it)."""
    if request.param == "postgresql":
        if request.node.nodeid.split("[")[0] in SQLITE_ONLY:
            pytest.skip("about the SQLite file itself")
        url = request.getfixturevalue("pg_url")
        monkeypatch.setenv("LJSMS_DATABASE_URL", url)
        return url
    monkeypatch.delenv("LJSMS_DATABASE_URL", raising=False)
    return None
