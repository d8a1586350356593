"""The password store: memory backend, and the real Secret Service when the test command provides one."""

from __future__ import annotations

import uuid

import pytest

from ljsms_desktop.credentials import SERVICE, MemoryCredentials, SystemCredentials, system_credentials
from ljsms_desktop.settings import Settings


def test_memory_credentials_roundtrip():
    creds = MemoryCredentials()
    assert not creds.is_system and creds.get_password("a") is None
    creds.set_password("a", "pw")
    assert creds.get_password("a") == "pw"
    creds.delete_password("a")
    creds.delete_password("a")  # deleting twice is fine
    assert creds.get_password("a") is None


def test_fail_backend_is_not_usable():
    from keyring.backends import fail

    assert not SystemCredentials.usable(fail.Keyring())


def test_settings_never_hold_a_password(tmp_path):
    path = tmp_path / "settings.json"
    s = Settings(account="demo")
    s.password = "leak"  # even if some code sets it by mistake
    s.save(path)
    assert "leak" not in path.read_text(encoding="utf-8")
    assert Settings.load(path).account == "demo"
    path.write_text("{not json", encoding="utf-8")
    assert Settings.load(path) == Settings()  # a damaged file gives defaults, not a crash


def test_system_keyring_roundtrip():
    """Runs under the test command's throw-away gnome-keyring (dbus-run-session); skipped where none works."""
    creds = system_credentials()
    if creds is None:
        pytest.skip("no working system keyring in this environment")
    account = f"test-{uuid.uuid4().hex[:8]}"
    try:
        creds.set_password(account, "s3cret")
    except Exception as e:  # a locked or half-started keyring daemon
        pytest.skip(f"system keyring present but not writable: {e}")
    try:
        assert creds.is_system and creds.get_password(account) == "s3cret"
        import keyring

        assert keyring.get_password(SERVICE, account) == "s3cret"  # the service name other tools see
    finally:
        creds.delete_password(account)
    assert creds.get_password(account) is None
