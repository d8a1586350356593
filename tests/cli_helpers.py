"""What the command-line tests share: running ``ljsms`` in-process, and a data folder pointed at a simulator."""

from __future__ import annotations

from ljsms_desktop import cli


def run(capsys, *args):
    """``ljsms ARGS`` in this process: (exit status, stdout, stderr); never a traceback."""
    status = cli.main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


def point_at(simulator, tmp_path, monkeypatch):
    """A data folder below *tmp_path*, the account demo/demo on *simulator* (what ``ljsms`` reads first)."""
    monkeypatch.setenv("LJSMS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("LJSMS_PASSWORD", "demo")
    monkeypatch.setenv("LJSMS_ACCOUNT", "demo")
    monkeypatch.setenv("LJSMS_BASE_URL", simulator.base_url)
    return tmp_path
