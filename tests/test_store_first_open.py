"""At first start the window's tasks open a brand-new data file at the same moment."""

from __future__ import annotations

from store_helpers import open_together

from ljsms_desktop.store import Store


def test_many_threads_open_a_fresh_file_together(tmp_path):
    for attempt in range(30):  # the race showed in ~1 of 10 tries before the fix
        path = tmp_path / f"fresh{attempt}.sqlite3"
        assert open_together(path, 8) == []
        with Store(path) as store:
            assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
