"""AppContext: what every part of the window shares — settings, the password store, the task manager,
and the gateway/store factories the background tasks use. It lives on the GUI thread.

Workers never share a client or a database connection with the GUI: each task makes its own
(``make_client()``, ``open_store()``), because neither ``requests.Session`` nor ``sqlite3`` objects
may cross threads.

The password store is never asked on the GUI thread (a keyring call is a D-Bus round trip and may
wait for an unlock prompt): finding the system keyring, asking whether a password is stored and
reading it run in tasks (``check_credentials``, ``make_client``); the window keeps the answer.

What changed in the local record is announced as a typed ``Changes`` on ``changes``: by tasks that
return ``Outcome(value, Changes(...))`` (the task manager forwards them) or by ``notify()``.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal

from .. import paths
from ..changes import Changes
from ..credentials import CredentialError, MemoryCredentials, system_credentials
from ..jobs import TaskError, TaskManager
from ..settings import Settings

if TYPE_CHECKING:
    from ..api import LjClient

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
    changes = Signal(object)               # Changes: what changed in the local record
    credentials_checked = Signal()         # the keyring answered whether the account has a password
    poll_status = Signal(object)           # dict: last pull time, counts, error (TaskError | None)
    team_status = Signal(object)           # dict {up, error}: a team database reached or lost (jobs.live)

    def __init__(self, home: Path, *, settings: Settings | None = None, credentials="system", demo: bool = False,
                 defer_keyring: bool = False, parent: QObject | None = None):
        """*defer_keyring*: the keyring is first asked by ``start()`` (the app: after the window's first
        paint, so finding the backends does not compete with it), not at once."""
        super().__init__(parent)
        self.home = Path(home)
        paths.make_private_dir(self.home)   # 0700, and the files already in it 0600
        self.settings_path = self.home / "settings.json"
        self.settings = settings or Settings.load(self.settings_path)
        # The password store: "system" = the OS keyring when one works (found by check_credentials()
        # in a task), else None until the user chooses memory. Tests pass a MemoryCredentials (or None
        # for "no keyring") explicitly.
        self._find_system_keyring = credentials == "system"
        self.credentials = None if self._find_system_keyring else credentials
        self.demo = demo
        self.tasks = TaskManager(self)
        self.tasks.changes.connect(self.changes)
        paths.create_private(self.home / "window.ini")   # QSettings keeps the mode of the file it rewrites
        self.qsettings = QSettings(str(self.home / "window.ini"), QSettings.Format.IniFormat)
        self._has_password: dict[str, bool] = {}   # account → stored?; what the keyring last said
        self._suppression_mark: tuple | None = None  # store.suppression_fingerprint() last seen
        self._suppression_announced = False          # a task said the suppression list changed
        self.changes.connect(self._note_changes)
        self.poll_status.connect(self._after_poll)
        self._keyring_deferred = defer_keyring
        if self.settings.database_url and not demo:   # a team database: its password follows from the keyring
            from ..team import register
            register(self.home, self.settings.database_url, None)
        if not defer_keyring:
            self.check_credentials()   # the answer arrives as credentials_checked + settings_changed
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
        self._find_system_keyring = False
        if not isinstance(self.credentials, MemoryCredentials):
            self.credentials = MemoryCredentials()
            self._has_password.clear()

    def password(self) -> str | None:
        """The account's password, read from the keyring: call it from a task, never the GUI thread."""
        if self.credentials is None or not self.settings.account:
            return None
        try:
            return self.credentials.get_password(self.settings.account)
        except CredentialError as e:
            log.warning("password lookup failed: %s", e.message_en)
            return None

    def start(self) -> None:
        """Once the window is up: ask the keyring (if deferred), take the suppression list's fingerprint."""
        if self._keyring_deferred:
            self._keyring_deferred = False
            self.check_credentials()
        self.check_suppression()

    def check_credentials(self) -> None:
        """Find the system keyring (first time) and ask whether the account has a password, in a task;
        ``credentials_checked`` and ``settings_changed`` follow the answer. A newer check supersedes."""
        find, creds, account = self._find_system_keyring, self.credentials, self.settings.account
        team_url, home = ("" if self.demo else self.settings.database_url), self.home

        def work(t):
            found = system_credentials() if find else creds
            if team_url:   # the team database's password, from the same keyring
                from ..team import register
                register(home, team_url, found)
            stored = False
            if found is not None and account:
                try:
                    stored = found.get_password(account) is not None
                except CredentialError as e:
                    log.warning("password lookup failed: %s", e.message_en)
                except Exception as e:  # noqa: BLE001 - a broken keyring backend: treated as "no password"
                    log.warning("password lookup failed: %s", type(e).__name__)
            return found, account, stored

        def done(answer) -> None:
            found, asked_for, stored = answer
            if self._find_system_keyring:   # not switched to memory meanwhile
                self._find_system_keyring = False
                self.credentials = found
            if found is self.credentials:
                self._has_password[asked_for] = stored
            self.credentials_checked.emit()
            self.settings_changed.emit()

        def failed(error: TaskError) -> None:   # still an answer: no keyring found, or no password known
            log.warning("keyring check failed: %s", error.message_en)
            done((None if find else creds, account, False))

        self.tasks.run("credentials", work, key="credentials", owner=self, on_success=done, on_error=failed)

    @property
    def credentials_known(self) -> bool:
        """Whether the keyring has answered for the current account (``has_password`` is meaningful)."""
        return not self._find_system_keyring and (self.credentials is None or not self.settings.account
                                                   or self.settings.account in self._has_password)

    def note_password(self, account: str, stored: bool) -> None:
        """What a task that stored or checked the password found (the settings dialog saves in a task)."""
        self._has_password[account] = stored

    def has_password(self) -> bool:
        """Whether a password is stored for the account, as the keyring last said (no keyring call:
        ``check_credentials`` and the settings dialog ask it in a task). The password itself is read
        by the tasks that use it."""
        account = self.settings.account
        if not account or self.credentials is None:
            return False
        return self._has_password.get(account, False)

    def configured(self) -> bool:
        return self.has_password()

    def save_settings(self) -> None:
        self.settings.save(self.settings_path)
        self.settings_changed.emit()
        if self.settings.account and self.settings.account not in self._has_password:
            self.check_credentials()

    def _note_changes(self, changes: Changes) -> None:
        if changes.suppression:
            self._suppression_announced = True

    def _after_poll(self, status: dict) -> None:
        """After each poll: did the suppression list change elsewhere (``ljsms suppress``, another window)? The
        poll read its fingerprint through its own store (no store opened here for it)."""
        if status.get("error") is None and status.get("suppression_mark") is not None:
            self._note_suppression_mark(status["suppression_mark"])

    def check_suppression(self) -> None:
        """Take the suppression list's fingerprint (in a task) and compare it with the last one."""
        db_path = self.db_path

        def work(t):
            from ..store import Store

            with Store(db_path) as store:
                return store.suppression_fingerprint()

        self.tasks.run("suppression-check", work, key="suppression-check", owner=self,
                       on_success=self._note_suppression_mark,
                       on_error=lambda e: log.warning("suppression check: %s", e.message_en))

    def _note_suppression_mark(self, mark: tuple) -> None:
        """Announce a change of the suppression list that no task of this window announced."""
        announced, self._suppression_announced = self._suppression_announced, False
        before, self._suppression_mark = self._suppression_mark, mark
        if before is not None and mark != before and not announced:
            self.notify(Changes(suppression=True))

    def notify(self, changes: Changes) -> None:
        """Announce what changed in the local record (for changes made on the GUI thread's behalf)."""
        if changes:
            self.changes.emit(changes)

    # -- factories for background tasks (each task makes its own) --------------------------------
    def make_client(self, *, timeout: float = 15.0) -> LjClient:
        password = self.password()
        if not self.settings.account or not password:
            raise NotConfigured(QCoreApplication.translate("AppContext", "还没有设置账号和密码：请打开“设置”填写"))
        from ..api import LjClient   # requests: loaded by the first task that needs it, not before the first paint

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
