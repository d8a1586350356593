"""Command-line edges that used to end in "内部错误" or said one thing several times: each gets one
line and the documented exit status (README: 2 usage, 1 failed). Real parts: the ``ljsms`` process
(a pseudo-terminal for the password prompt, raw non-UTF-8 bytes in argv), the simulator over HTTP,
SQLite files.
"""

from __future__ import annotations

import os
import select
import socket
import subprocess
import sys
import time

import pytest

from cli_helpers import point_at, run
from ljsms_desktop.api import LjClient
from ljsms_desktop.core.planning import plan_plain
from ljsms_desktop.engine import create_campaign, notices, run_campaign
from ljsms_desktop.store import B_PLANNED, Store

CONTENT = "【联江科技】会员日全场八折，回T退订"
TOO_BIG = str(2 ** 70)


@pytest.fixture
def env(simulator, tmp_path, monkeypatch):
    return point_at(simulator, tmp_path, monkeypatch)


def ljsms_process(tmp_path, *args, **kw) -> subprocess.CompletedProcess:
    env = dict(os.environ, LJSMS_HOME=str(tmp_path / "home"), LJSMS_PASSWORD="demo", LJSMS_ACCOUNT="demo",
               LJSMS_BASE_URL="http://127.0.0.1:9/api/v1")
    return subprocess.run([sys.executable, "-m", "ljsms_desktop.cli", *args], env=env, capture_output=True,
                          timeout=60, **kw)


@pytest.mark.parametrize("command", [["status", TOO_BIG], ["resume", TOO_BIG, "--yes"], ["cancel", TOO_BIG, "--yes"],
                                     ["send", "--failed-of", TOO_BIG, "--content", CONTENT], ["status", "-1"],
                                     ["export", "reports", "--campaign", TOO_BIG, "out.csv"]])
def test_a_campaign_id_too_big_for_the_data_file_is_a_usage_error(env, capsys, command):
    status, out, err = run(capsys, *command)
    assert status == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("错误：") and "内部错误" not in err


def test_content_with_bytes_that_are_not_utf8_is_refused_in_one_line(tmp_path):
    proc = ljsms_process(tmp_path, "send", "--content", b"\xff\xfe\xe3\x80\x90\xe8\x81\x94\xe6\xb1\x9f", "--to",
                         "13900000001", "--yes")
    err = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 2, err
    assert err.count("\n") == 1 and "--content" in err and "UTF-8" in err and "Traceback" not in err


KEYRING = """
from keyring.backend import KeyringBackend


class TestKeyring(KeyringBackend):
    priority = 1
    saved = {}

    def get_password(self, service, username):
        return None

    def set_password(self, service, username, password):
        raise AssertionError("nothing may be saved after Ctrl-D")

    def delete_password(self, service, username):
        pass
"""


def test_ctrl_d_at_the_login_password_prompt(tmp_path):
    (tmp_path / "testkeyring.py").write_text(KEYRING, encoding="utf-8")
    env = dict(os.environ, LJSMS_HOME=str(tmp_path / "home"), LJSMS_ACCOUNT="demo",
               PYTHON_KEYRING_BACKEND="testkeyring.TestKeyring",
               PYTHONPATH=os.pathsep.join([str(tmp_path), *sys.path]))
    env.pop("LJSMS_PASSWORD", None)
    master, slave = os.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "ljsms_desktop.cli", "login", "--no-check"], stdin=slave,
                            stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    try:
        seen = _read_terminal(master, until="密码".encode(), seconds=30)
        assert "密码".encode() in seen, seen.decode("utf-8", "replace")
        os.write(master, b"\x04")  # Ctrl-D
        status = proc.wait(30)
        seen += _read_terminal(master, seconds=1)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    text = seen.decode("utf-8", "replace")
    assert status == 2, text
    assert "没有输入密码" in text and "Traceback" not in text and "内部错误" not in text


def _read_terminal(master: int, *, until: bytes | None = None, seconds: float) -> bytes:
    """What the pseudo-terminal shows: until *until* appears (at most *seconds* in all) or, without *until*,
    until it has been quiet for *seconds*; end of file or a closed terminal ends it too."""
    seen = b""
    deadline = time.monotonic() + seconds
    while until is None or until not in seen:
        wait = seconds if until is None else deadline - time.monotonic()
        if wait <= 0:
            break
        ready, _, _ = select.select([master], [], [], wait)
        if not ready:
            if until is None:
                break
            continue
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    return seen


# -- item 6: no network at the start, a refused template ---------------------------------------------------
def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_gateway_refusing_the_connection_at_the_first_request_fails_within_seconds(tmp_path):
    client = LjClient(f"http://127.0.0.1:{closed_port()}/api/v1", "demo", "demo", timeout=5)
    said = []
    with Store(tmp_path / "ljsms.sqlite3") as store:
        cid = create_campaign(store, plan_plain(CONTENT, [f"139{i:08d}" for i in range(5000)]))
        started = time.monotonic()
        result = run_campaign(store, client, cid, on_notice=said.append)  # the default waits: 5 s, 15 s, 30 s, 60 s
        elapsed = time.monotonic() - started
        assert elapsed < 5 and result.state == "stopped"
        assert result.stop.code == notices.UNREACHABLE_AT_START and "无法连接" in result.reason
        assert not [n for n in said if n.code == notices.UNREACHABLE_WAIT]  # no waiting announced
        assert {b.state for b in store.batches(cid)} == {B_PLANNED}  # nothing went out: resumable as it was


def test_a_connection_lost_mid_campaign_still_waits_and_retries(make_simulator, tmp_path):
    sim = make_simulator()
    said = []
    with Store(tmp_path / "ljsms.sqlite3") as store:
        cid = create_campaign(store, plan_plain(CONTENT, [f"139{i:08d}" for i in range(5000)], batch_size=1000))

        def gateway_goes_away(done, *_):
            if done == 1:
                sim.stop()

        client = LjClient(sim.base_url, "demo", "demo", timeout=5)
        result = run_campaign(store, client, cid, window=1, busy_waits=(0.01, 0.01), on_notice=said.append,
                              on_progress=gateway_goes_away)
    assert result.state == "stopped" and result.stop.code == notices.UNREACHABLE_GAVE_UP
    assert len([n for n in said if n.code == notices.UNREACHABLE_WAIT]) == 2


def test_a_refused_template_is_explained_once(make_simulator, tmp_path, monkeypatch, capsys):
    sim = make_simulator(templates={"1001": "【联江科技】{}您好"})
    monkeypatch.setenv("LJSMS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("LJSMS_PASSWORD", "demo")
    monkeypatch.setenv("LJSMS_ACCOUNT", "demo")
    monkeypatch.setenv("LJSMS_BASE_URL", sim.base_url)
    sheet = tmp_path / "名单.csv"
    sheet.write_text("手机号,姓名\n13900000001,张三\n13900000002,李四\n", encoding="utf-8")
    status, out, err = run(capsys, "template", "--template-id", "9999", "--template", "【联江科技】{}您好",
                           "--file", str(sheet), "--yes")
    assert status == 1
    assert (out + err).count("40016") == 1, out + err
    assert "Traceback" not in err
