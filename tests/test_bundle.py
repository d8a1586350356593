"""The README's build command makes a bundle that works: `bash scripts/build.sh` into a tmp folder, then
`ljsms-desktop --version`, `ljsms-desktop --self-test` (no display; keyring backends found inside the
bundle, in a D-Bus session with gnome-keyring) and `ljsms --help` run from it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ljsms_desktop import __version__

from test_app_entry import ROOT, with_keyring_session

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800),
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the bundle test runs on Linux")]
LIMIT_MB = 250


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def test_build_sh_makes_a_bundle_that_proves_itself(tmp_path):
    dist, work = tmp_path / "dist", tmp_path / "work"
    build = subprocess.run(["bash", "scripts/build.sh", "--distpath", str(dist), "--workpath", str(work)],
                           cwd=ROOT, capture_output=True, text=True, timeout=1500)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-6000:]
    bundle = dist / "ljsms-desktop"
    window, cli = bundle / "ljsms-desktop", bundle / "ljsms"
    assert window.is_file() and cli.is_file(), sorted(p.name for p in bundle.iterdir())
    size = _size_mb(bundle)
    assert size < LIMIT_MB, f"bundle is {size:.0f} MB"
    internal = bundle / "_internal"
    assert (internal / "ljsms_desktop" / "resources" / "sample_import.xlsx").is_file()
    assert list(internal.rglob("qtbase_zh_CN.qm")), "Qt's Chinese translations are in the bundle"
    assert not list(internal.rglob("*QtWebEngine*")) and not list(internal.rglob("libQt6Quick*"))

    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "PYTHONPATH", "VIRTUAL_ENV")}
    env["LJSMS_HOME"] = str(tmp_path / "home")
    run = dict(cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)

    version = subprocess.run([str(window), "--version"], **run)
    assert version.returncode == 0 and version.stdout.strip() == f"ljsms-desktop {__version__}", version

    selftest = subprocess.run(with_keyring_session([str(window), "--self-test"]), **run)
    assert selftest.returncode == 0, selftest.stdout + selftest.stderr
    assert "bundle " + str(window) in selftest.stdout
    assert "OK    keyring: SecretService" in selftest.stdout, "keyring backends are found inside the bundle"
    assert "platform offscreen" in selftest.stdout and selftest.stdout.rstrip().endswith("self-test passed")

    help_ = subprocess.run([str(cli), "--help"], **run)
    assert help_.returncode == 0, help_.stderr
    assert "ljsms" in help_.stdout and "simulate" in help_.stdout and "退出状态" in help_.stdout
    # Reading a workbook goes through the reader process, which the bundle starts as `ljsms --ljsms-sheet-worker`.
    sample = internal / "ljsms_desktop" / "resources" / "sample_import.xlsx"
    check = subprocess.run([str(cli), "check", str(sample)], **run)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "有效 5" in check.stdout, check.stdout
    print(f"bundle {size:.0f} MB")
