"""The ``ljsms-desktop`` entry point as a user starts it: --version, no display, --self-test, --debug,
and the README's demo command under a real X server (Xvfb)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ljsms_desktop import __version__

ROOT = Path(__file__).resolve().parent.parent
APP = [sys.executable, "-m", "ljsms_desktop.ui.app"]


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The test's environment without any display, with a throw-away data folder."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["LJSMS_HOME"] = str(tmp_path / "home")
    env.update(extra)
    return env


def _run(args: list[str], env: dict[str, str], timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def test_version_is_the_package_version(tmp_path):
    import tomllib

    out = _run(APP + ["--version"], _env(tmp_path))
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"ljsms-desktop {__version__}"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" in project.get("dynamic", []), "the version has one source: ljsms_desktop.__version__"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the no-display check is for Linux")
def test_no_display_says_so_in_one_line_instead_of_qts_abort(tmp_path):
    out = _run(APP + ["--demo"], _env(tmp_path), timeout=60)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert "DISPLAY" in lines[0] and "QT_QPA_PLATFORM=offscreen" in lines[0] and "--self-test" in lines[0]
    assert "Aborted" not in out.stderr and "could not" not in out.stderr


def with_keyring_session(cmd: list[str]) -> list[str]:
    """*cmd* inside a throw-away D-Bus session with an unlocked gnome-keyring (as scripts/test.sh runs the
    suite), unless this process already has a session bus or the tools are missing."""
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS") or not (
            shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")):
        return cmd
    return ["dbus-run-session", "--", "bash", "-c",
            'echo -n ci | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"', "bash", *cmd]


def _self_test(tmp_path: Path, **extra: str) -> subprocess.CompletedProcess:
    return _run(with_keyring_session(APP + ["--self-test"]), _env(tmp_path, **extra))


def _lines(out: subprocess.CompletedProcess) -> dict[str, str]:
    """check name -> its whole line."""
    found = {}
    for line in out.stdout.splitlines():
        m = re.match(r"^(OK|FAIL|SKIP) +([^:]+):", line)
        if m:
            found[m.group(2)] = line
    return found


def _skip_without_system_keyring(out: subprocess.CompletedProcess) -> None:
    line = _lines(out).get("keyring", "")
    if line.startswith("FAIL") and not shutil.which("gnome-keyring-daemon"):
        pytest.skip("no system keyring here (scripts/install-system-deps.sh installs dbus and gnome-keyring)")


def test_self_test_passes_with_no_display(tmp_path):
    out = _self_test(tmp_path)
    _skip_without_system_keyring(out)
    assert out.returncode == 0, out.stdout + out.stderr
    checks = _lines(out)
    assert set(checks) == {"data folder", "resources", "keyring", "gateway simulator", "send", "delivery report",
                           "main window"}
    assert all(line.startswith("OK") for line in checks.values()), out.stdout
    assert "system keyring" in checks["keyring"]
    assert "painted" in checks["main window"] and "offscreen" in checks["main window"]
    assert out.stdout.strip().splitlines()[-1] == "self-test passed"
    assert not (tmp_path / "home" / "ljsms.sqlite3").exists(), "the self-test must not touch the data folder"


def test_self_test_fails_when_the_report_never_arrives(tmp_path):
    out = _self_test(tmp_path, LJSMS_SELFTEST_WITHHOLD_REPORTS="1", LJSMS_SELFTEST_TIMEOUT="2")
    assert out.returncode == 1, out.stdout + out.stderr
    checks = _lines(out)
    assert checks["send"].startswith("OK")
    assert checks["delivery report"].startswith("FAIL")
    assert "no delivery report arrived within 2 s" in checks["delivery report"]
    assert "FAILED" in out.stdout.strip().splitlines()[-1]


def test_self_test_fails_when_no_keyring_backend_works(tmp_path):
    out = _self_test(tmp_path, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    assert out.returncode == 1, out.stdout + out.stderr
    line = _lines(out)["keyring"]
    assert line.startswith("FAIL  keyring: no keyring backend works here")
    assert "keyring.backends.fail" in line


def test_debug_turns_on_debug_lines_in_the_log(tmp_path):
    env = _env(tmp_path, QT_QPA_PLATFORM="offscreen")
    out = _run(APP + ["--demo", "--debug", "--exit-after-paint"], env)
    assert out.returncode == 0, out.stderr
    assert re.search(r"^painted \d+ ms \(offscreen\)$", out.stdout, re.M), out.stdout
    log = (tmp_path / "home" / "logs" / "ljsms.log").read_text(encoding="utf-8")
    assert " DEBUG " in log, "--debug: DEBUG records (the gateway's requests) are in the log"
    assert "window painted" in log
    quiet = _run(APP + ["--demo", "--exit-after-paint"], _env(tmp_path / "b", QT_QPA_PLATFORM="offscreen"))
    assert quiet.returncode == 0, quiet.stderr
    assert " DEBUG " not in (tmp_path / "b" / "home" / "logs" / "ljsms.log").read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Xvfb is a Linux X server")
def test_readme_demo_command_paints_its_window_under_xvfb(tmp_path):
    """`bash scripts/demo.sh` on a real X server: Qt's xcb plugin and every library it loads are installed
    (scripts/install-system-deps.sh), and the window reaches its first paint."""
    if not shutil.which("xvfb-run") or not shutil.which("Xvfb"):
        pytest.skip("Xvfb is not installed (scripts/install-system-deps.sh installs xvfb on Debian/Ubuntu)")
    env = _env(tmp_path)
    out = _run(["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "bash", "scripts/demo.sh", "--exit-after-paint"],
               env, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr
    assert re.search(r"^painted \d+ ms \(xcb\)$", out.stdout, re.M), out.stdout + out.stderr
