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


def bare_send_loop(url: str, content: str, batches: list[list[str]], *, code: str = "", ext_prefix: str = "",
                   timeout: float = 30) -> float:
    """The baseline: a bare ``requests.Session`` posting each batch's body as the contract says; seconds."""
    import json
    import time

    import requests

    from ljsms_desktop.api.auth import auth_fields

    session = requests.Session()
    started = time.perf_counter()
    for i, batch in enumerate(batches):
        body = {**auth_fields("bench", "bench"), "content": content, "mobile": ",".join(batch), "code": code,
                "ext": f"{ext_prefix}{i + 1}" if ext_prefix else ""}
        r = session.post(url + "/sms", data=json.dumps(body, ensure_ascii=False).encode("utf-8"),
                         headers={"Content-Type": "application/json; charset=utf-8"}, timeout=timeout)
        assert r.json()["code"] == 20000
    elapsed = time.perf_counter() - started
    session.close()
    return elapsed
