"""AppContext: what every part of the window shares — settings, the password store, the task manager,
and the gateway/store factories the background tasks use. It lives on the GUI thread.

Workers never share a client or a database connection with the GUI: each task makes its own
(``make_client()``, ``open_store()``), because neither ``requests.Session`` nor ``sqlite3`` objects
may cross threads.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal

from ..api import LjClient
from ..credentials import CredentialError, MemoryCredentials, system_credentials
from ..jobs import TaskError, TaskManager
from ..settings import Settings

log = logging.getLogger(__name__)


class NotConfigured(Exception):
    def __init__(self, message_zh: str):
        self.message_zh = message_zh
        self.message_en = "The account is not set up yet."
        super().__init__(self.message_en)


class AppContext(QObject):
    settings_changed = Signal()
    balance_updated = Signal(object)       # messages left (object: a balance may exceed 2**31)
    balance_failed = Signal(object)        # TaskError
    gateway_contact = Signal(float)        # time.time() of the last successful gateway answer
    data_changed = Signal(str)             # "campaigns" | "reports" | "replies" | "suppression"
    poll_status = Signal(object)           # dict: last pull time, counts, error (TaskError | None)

    def __init__(self, home: Path, *, settings: Settings | None = None, credentials="system", demo: bool = False,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.home = Path(home)
        self.home.mkdir(parents=True, exist_ok=True)
        self.settings_path = self.home / "settings.json"
        self.settings = settings or Settings.load(self.settings_path)
        # The password store: "system" = the OS keyring when one works, else None until the user
        # chooses memory. Tests pass a MemoryCredentials (or None for "no keyring") explicitly.
        self.credentials = system_credentials() if credentials == "system" else credentials
        self.demo = demo
        self.tasks = TaskManager(self)
        self.qsettings = QSettings(str(self.home / "window.ini"), QSettings.Format.IniFormat)
        self._has_password: dict[str, bool] = {}
        self.last_balance: int | None = None
        self.last_contact: float | None = None

    # -- settings and secrets --------------------------------------------------------------------
    @property
    def db_path(self) -> Path:
        return self.home / "ljsms.sqlite3"

    @property
    def keyring_is_system(self) -> bool:
        return bool(self.credentials is not None and self.credentials.is_system)

    def use_memory_credentials(self) -> None:
        """The user chose "this session only" after being told no keyring works."""
        if not isinstance(self.credentials, MemoryCredentials):
            self.credentials = MemoryCredentials()
            self._has_password.clear()

    def password(self) -> str | None:
        if self.credentials is None or not self.settings.account:
            return None
        try:
            return self.credentials.get_password(self.settings.account)
        except CredentialError as e:
            log.warning("password lookup failed: %s", e.message_en)
            return None

    def has_password(self) -> bool:
        """Whether a password is stored for the account. The keyring (a D-Bus round trip, maybe an
        unlock prompt) is asked once per account, not every time a widget checks on the GUI thread;
        saving the settings asks again. The password itself is read by the tasks that use it."""
        account = self.settings.account
        if not account or self.credentials is None:
            return False
        if account not in self._has_password:
            self._has_password[account] = self.password() is not None
        return self._has_password[account]

    def configured(self) -> bool:
        return self.has_password()

    def save_settings(self) -> None:
        self.settings.save(self.settings_path)
        self._has_password.clear()  # the dialog may have stored, replaced or deleted a password
        self.settings_changed.emit()

    # -- factories for background tasks (each task makes its own) --------------------------------
    def make_client(self, *, timeout: float = 15.0) -> LjClient:
        password = self.password()
        if not self.settings.account or not password:
            raise NotConfigured(QCoreApplication.translate("AppContext", "还没有设置账号和密码：请打开“设置”填写"))
        return LjClient(self.settings.base_url, self.settings.account, password, timeout=timeout)

    def open_store(self):
        from ..store import Store

        return Store(self.db_path)

    # -- gateway contact -------------------------------------------------------------------------
    def note_contact(self, when: float | None = None) -> None:
        self.last_contact = when or time.time()
        self.gateway_contact.emit(self.last_contact)

    def refresh_balance(self) -> None:
        """Ask the gateway for the balance in the background (one request at a time)."""
        if self.tasks.is_running("balance") or not self.configured():
            return

        def work(ctx):
            with self.make_client() as client:
                return client.balance()

        self.tasks.run("balance", work, on_success=self._balance_ok, on_error=self._balance_failed)

    def _balance_ok(self, n: int) -> None:
        self.last_balance = n
        self.note_contact()
        self.balance_updated.emit(n)

    def _balance_failed(self, error: TaskError) -> None:
        self.balance_failed.emit(error)

    def shutdown(self) -> None:
        self.tasks.shutdown()
