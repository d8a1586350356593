"""``ljsms balance`` / ``login`` / ``simulate``: clean messages and exit statuses, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from cli_helpers import run


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("LJSMS_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("LJSMS_PASSWORD", raising=False)
    monkeypatch.delenv("LJSMS_ACCOUNT", raising=False)
    monkeypatch.delenv("LJSMS_BASE_URL", raising=False)
    return tmp_path / "home"




def test_balance(simulator, home, capsys, monkeypatch):
    monkeypatch.setenv("LJSMS_PASSWORD", "demo")
    code, out, err = run(capsys, "--base-url", simulator.base_url, "--account", "demo", "balance")
    assert code == 0 and f"剩余 {simulator.balance} 条" in out
    code, out, _ = run(capsys, "--base-url", simulator.base_url, "--account", "demo", "balance", "--json")
    assert code == 0 and '"balance": 100000' in out


def test_missing_password_is_exit_2(simulator, home, capsys):
    code, out, err = run(capsys, "--base-url", simulator.base_url, "--account", "demo", "balance")
    assert code == 2 and "LJSMS_PASSWORD" in err


def test_missing_account_is_exit_2(home, capsys):
    code, _, err = run(capsys, "balance")
    assert code == 2 and "账号" in err


def test_wrong_password_is_said_in_words(simulator, home, capsys, monkeypatch):
    monkeypatch.setenv("LJSMS_PASSWORD", "typo-pass")
    code, out, err = run(capsys, "--base-url", simulator.base_url, "--account", "demo", "balance")
    assert code == 1 and "密码错误" in err and "40008" in err and "typo-pass" not in err


def test_html_answer_is_said_in_words(simulator, home, capsys, monkeypatch):
    monkeypatch.setenv("LJSMS_PASSWORD", "demo")
    simulator.inject("accountNum", status=502, body="<html>Bad Gateway</html>", content_type="text/html", times=5)
    code, out, err = run(capsys, "--base-url", simulator.base_url, "--account", "demo", "balance")
    assert code == 1 and "HTML" in err and "502" in err


def test_unreachable_gateway(home, capsys, monkeypatch):
    monkeypatch.setenv("LJSMS_PASSWORD", "demo")
    code, _, err = run(capsys, "--base-url", "http://127.0.0.1:9/api/v1", "--account", "demo", "balance")
    assert code == 1 and "无法连接" in err


def test_help_documents_exit_statuses(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "退出状态" in out and "130" in out


def test_real_process_and_simulate_command(tmp_path):
    """The installed entry point end to end: `ljsms simulate --port 0` in one process, `ljsms balance` in another."""
    env = dict(os.environ, LJSMS_HOME=str(tmp_path), LJSMS_PASSWORD="pw")
    sim = subprocess.Popen([sys.executable, "-m", "ljsms_desktop", "simulate", "--port", "0", "--account", "acc",
                            "--password", "pw", "--balance", "4321"], stdout=subprocess.PIPE, text=True, env=env)
    try:
        line = sim.stdout.readline()
        url = line[line.index("http://"):].split()[0]
        done = subprocess.run([sys.executable, "-m", "ljsms_desktop", "--base-url", url, "--account", "acc",
                               "balance"], capture_output=True, text=True, env=env, timeout=60)
        assert done.returncode == 0, done.stderr
        assert "剩余 4321 条" in done.stdout
    finally:
        sim.terminate()
        sim.wait(timeout=10)
