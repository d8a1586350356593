"""At first start the window's tasks open a brand-new data file at the same moment."""

from __future__ import annotations

import threading

from ljsms_desktop.store import Store


def test_many_threads_open_a_fresh_file_together(tmp_path):
    for attempt in range(30):  # the race showed in ~1 of 10 tries before the fix
        path = tmp_path / f"fresh{attempt}.sqlite3"
        barrier = threading.Barrier(8)
        errors: list[BaseException] = []

        def open_it():
            try:
                barrier.wait()
                with Store(path) as store:
                    store.templates()
            except BaseException as e:  # noqa: BLE001 - collected and asserted below
                errors.append(e)

        threads = [threading.Thread(target=open_it) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        with Store(path) as store:
            assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
