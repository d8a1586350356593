"""Start the gateway simulator in its own process for a benchmark (so it does not share our GIL)."""

from __future__ import annotations

import subprocess
import sys
from contextlib import contextmanager


@contextmanager
def simulator_process(*extra: str):
    proc = subprocess.Popen(
        [sys.executable, "-m", "ljsms_desktop.simulator", "--port", "0", "--account", "bench", "--password", "bench",
         "--balance", str(10**12), "--report-delay", "0", "--reply-rate", "0", *extra],
        stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        yield line[line.index("http://"):].split()[0]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
