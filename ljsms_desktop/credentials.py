"""Where the gateway password lives: the OS keyring (service ``ljsms-desktop``, user = account).

Modelled on Vorta's keyring interface: each backend says whether it is the system keyring, so the
window can tell the user plainly when it is not and let them choose "this session only" (memory).
The password is never written to settings, the database, logs or exception texts.
"""

from __future__ import annotations

import logging

SERVICE = "ljsms-desktop"
log = logging.getLogger(__name__)


class CredentialError(Exception):
    """The keyring could not be used. The text never contains the password."""

    def __init__(self, message_zh: str, message_en: str):
        self.message_zh = message_zh
        self.message_en = message_en
        super().__init__(message_en)

    def __str__(self) -> str:
        return f"{self.message_zh} ({self.message_en})"


class MemoryCredentials:
    """Password kept in this process only; gone when the program exits."""

    is_system = False
    name = "memory"

    def __init__(self) -> None:
        self._items: dict[str, str] = {}

    def get_password(self, account: str) -> str | None:
        return self._items.get(account)

    def set_password(self, account: str, password: str) -> None:
        self._items[account] = password

    def delete_password(self, account: str) -> None:
        self._items.pop(account, None)


class SystemCredentials:
    """The OS keyring through the ``keyring`` package (Secret Service, macOS Keychain, Windows Credential Locker)."""

    is_system = True

    def __init__(self, backend=None) -> None:
        import keyring

        self._backend = backend or keyring.get_keyring()

    @property
    def name(self) -> str:
        return type(self._backend).__name__

    @staticmethod
    def usable(backend=None) -> bool:
        """False when keyring found no working backend (common on Linux without a desktop session)."""
        import keyring
        from keyring.backends import chainer, fail

        try:
            from keyring.backends import null
            null_types: tuple = (null.Keyring,)
        except ImportError:  # pragma: no cover - older keyring
            null_types = ()
        backend = backend or keyring.get_keyring()
        if isinstance(backend, (fail.Keyring, *null_types)):
            return False
        if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
            return False
        return getattr(type(backend), "priority", 1) > 0

    def _guard(self, what: str, fn, *args):
        from keyring.errors import KeyringError

        try:
            return fn(*args)
        except (KeyringError, OSError, RuntimeError) as e:
            log.warning("keyring %s failed: %s", what, type(e).__name__)
            raise CredentialError("无法使用系统钥匙串（密码保管服务）：" + type(e).__name__,
                                  "The system keyring could not be used: " + type(e).__name__) from None

    def get_password(self, account: str) -> str | None:
        return self._guard("get", self._backend.get_password, SERVICE, account)

    def set_password(self, account: str, password: str) -> None:
        self._guard("set", self._backend.set_password, SERVICE, account, password)

    def delete_password(self, account: str) -> None:
        from keyring.errors import PasswordDeleteError

        def _delete() -> None:
            try:
                self._backend.delete_password(SERVICE, account)
            except PasswordDeleteError:  # nothing stored: already gone
                pass

        self._guard("delete", _delete)


def system_credentials() -> SystemCredentials | None:
    """The system keyring when one works, else None (the caller tells the user and offers memory)."""
    try:
        return SystemCredentials() if SystemCredentials.usable() else None
    except Exception as e:  # a broken keyring install must not stop the program
        log.warning("keyring unavailable: %s", type(e).__name__)
        return None
