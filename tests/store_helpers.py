"""Open one data file from many threads at the same moment (the window's tasks at first start)."""

from __future__ import annotations

import threading
from pathlib import Path

from ljsms_desktop.store import Store


def open_together(path: Path, threads: int) -> list[BaseException]:
    """*threads* threads open *path* past one barrier and read it; what any of them raised."""
    barrier = threading.Barrier(threads)
    errors: list[BaseException] = []

    def open_it():
        try:
            barrier.wait()
            with Store(path) as store:
                store.templates()
        except BaseException as e:  # noqa: BLE001 - collected and asserted by the caller
            errors.append(e)

    started = [threading.Thread(target=open_it) for _ in range(threads)]
    for t in started:
        t.start()
    for t in started:
        t.join()
    return errors
