"""``ljsms-desktop --self-test``: does this installation (or bundle) work here?

One line per check, ``OK`` or ``FAIL``, exit status 0 when every check passed, else 1:
the throw-away data folder and its database, the keyring backend in use (a system keyring, with a
test entry stored, read back and deleted), the built-in gateway simulator, one message sent through
the engine, its delivery report pulled, the main window built and painted once (offscreen when
there is no display). Nothing touches the user's data folder, settings or keyring entries.

For tests: ``LJSMS_SELFTEST_WITHHOLD_REPORTS=1`` makes the simulator keep its reports back;
``LJSMS_SELFTEST_TIMEOUT`` (seconds, default 15) is how long to wait for the report and the paint.
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from .. import __version__

log = logging.getLogger(__name__)

ACCOUNT = "selftest"
NUMBER = "13800138000"
CONTENT = "【联江自检】这是一条自检短信，不会发给任何人。回T退订"
KEYRING_SERVICE = "ljsms-desktop-selftest"


class CheckFailed(Exception):
    """A check's failure, in words for the one output line."""


def keyring_description() -> tuple[str, bool]:
    """The keyring backend in use, e.g. ``SecretService Keyring (keyring.backends.SecretService)``, and
    whether it is a working system keyring (not the fail/null backend). Shared with Help → 关于."""
    try:
        import keyring

        from ..credentials import SystemCredentials

        backend = keyring.get_keyring()
    except Exception as e:  # noqa: BLE001 - a broken keyring install
        return f"unavailable ({type(e).__name__})", False
    kind = type(backend)
    name = f"{getattr(kind, 'name', kind.__name__)} ({kind.__module__})"
    inner = getattr(backend, "backends", None)
    if inner:
        name += " → " + ", ".join(type(b).__module__.rsplit(".", 1)[-1] for b in inner)
    try:
        usable = SystemCredentials.usable(backend)
    except Exception:  # noqa: BLE001
        usable = False
    return name, usable


class SelfTest:
    def __init__(self, out: Callable[[str], None] | None = None, *, timeout: float | None = None,
                 withhold_reports: bool | None = None):
        self.out = out or (lambda line: print(line, flush=True))
        env_timeout = os.environ.get("LJSMS_SELFTEST_TIMEOUT")
        self.timeout = timeout if timeout is not None else float(env_timeout or 15)
        if withhold_reports is None:
            withhold_reports = os.environ.get("LJSMS_SELFTEST_WITHHOLD_REPORTS", "") not in ("", "0")
        self.withhold_reports = withhold_reports
        self.failed = 0
        self.home: Path | None = None
        self.simulator = None
        self.campaign_id: int | None = None
        self.password = secrets.token_urlsafe(12)

    # -- plumbing ---------------------------------------------------------------------------------
    def check(self, name: str, fn: Callable[[], str], *, needs: bool = True) -> bool:
        if not needs:
            self.out(f"SKIP  {name}: an earlier check failed")
            self.failed += 1
            return False
        started = time.perf_counter()
        try:
            detail = fn()
        except CheckFailed as e:
            self.out(f"FAIL  {name}: {e}")
            log.error("self-test %s failed: %s", name, e)
            self.failed += 1
            return False
        except Exception as e:  # noqa: BLE001 - every failure becomes one line
            self.out(f"FAIL  {name}: {type(e).__name__}: {e}")
            log.exception("self-test %s failed", name)
            self.failed += 1
            return False
        elapsed = time.perf_counter() - started
        self.out(f"OK    {name}: {detail} ({elapsed:.2f} s)")
        return True

    def run(self) -> int:
        import PySide6

        where = "bundle " + sys.executable if getattr(sys, "frozen", False) else "source " + str(Path(__file__).parents[1])
        self.out(f"ljsms-desktop {__version__} self-test — Python {sys.version.split()[0]}, PySide6 "
                 f"{PySide6.__version__}, platform {os.environ.get('QT_QPA_PLATFORM') or 'default'}, {where}")
        try:
            folder = self.check("data folder", self._data_folder)
            self.check("resources", self._resources)
            self.check("keyring", self._keyring)
            sim = self.check("gateway simulator", self._simulator, needs=folder)
            sent = self.check("send", self._send, needs=sim)
            self.check("delivery report", self._report, needs=sent)
            self.check("main window", self._window, needs=folder)
        finally:
            self._cleanup()
        self.out("self-test passed" if not self.failed else f"self-test FAILED: {self.failed} check(s)")
        return 0 if not self.failed else 1

    def _cleanup(self) -> None:
        if self.simulator is not None:
            self.simulator.stop()
        if self.home is not None:
            shutil.rmtree(self.home, ignore_errors=True)

    # -- the checks -------------------------------------------------------------------------------
    def _data_folder(self) -> str:
        from ..store import Store

        self.home = Path(tempfile.mkdtemp(prefix="ljsms-selftest-"))
        from ..store.target import keep_local
        keep_local(self.home)   # never the user's data, nor a team's database
        with Store(self.home / "ljsms.sqlite3") as store:
            version = store.conn.execute("PRAGMA user_version").fetchone()[0]
        return f"{self.home} (database created, schema {version})"

    def _resources(self) -> str:
        """What the bundle must carry: the sample workbook, our English and Qt's Chinese translations, icons."""
        from PySide6.QtCore import QLibraryInfo, QTranslator
        from PySide6.QtWidgets import QApplication

        from .app import I18N, RESOURCES
        from .icons import app_icon, icons_dir

        QApplication.instance() or QApplication(sys.argv[:1])
        missing = []
        if not (RESOURCES / "sample_import.xlsx").is_file():
            missing.append(f"sample workbook ({RESOURCES / 'sample_import.xlsx'})")
        if not any(QTranslator().load(str(d / "ljsms_en.qm")) for d in (I18N, RESOURCES / "i18n")):
            missing.append(f"English translation ({RESOURCES / 'i18n' / 'ljsms_en.qm'})")
        qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if not QTranslator().load("qtbase_zh_CN", qt_translations):
            missing.append(f"Qt's Chinese translation (qtbase_zh_CN in {qt_translations})")
        icon = app_icon()
        if icon.isNull() or icon.pixmap(16, 16).isNull():
            missing.append(f"icons ({icons_dir()})")
        if missing:
            raise CheckFailed("missing: " + "; ".join(missing))
        return f"sample workbook, translations (en, Qt zh_CN) and {len(icon.availableSizes())} icon sizes in {RESOURCES}"

    def _keyring(self) -> str:
        name, usable = keyring_description()
        if not usable:
            raise CheckFailed(f"no keyring backend works here: {name}. The window can still keep the password "
                              "for one session only; on Linux a Secret Service (GNOME Keyring, KWallet) in a "
                              "D-Bus session is needed to remember it")
        from ..credentials import CredentialError, SystemCredentials

        creds = SystemCredentials()
        user = f"selftest-{secrets.token_hex(4)}"
        value = secrets.token_urlsafe(16)
        try:
            creds._backend.set_password(KEYRING_SERVICE, user, value)
            back = creds._backend.get_password(KEYRING_SERVICE, user)
            creds._backend.delete_password(KEYRING_SERVICE, user)
        except CredentialError as e:
            raise CheckFailed(f"{name}: {e.message_en}") from None
        except Exception as e:  # noqa: BLE001 - keyring's errors, D-Bus errors
            raise CheckFailed(f"{name} is there but does not work: {type(e).__name__}: {e}") from None
        if back != value:
            raise CheckFailed(f"{name}: the test entry did not read back")
        return f"{name}, system keyring; a test entry was stored, read back and deleted"

    def _simulator(self) -> str:
        from ..simulator import Simulator

        # Withheld: the reports wait far longer than anyone waits for them.
        report_delay = 10 * 365 * 86400.0 if self.withhold_reports else 0.0
        self.simulator = Simulator(account=ACCOUNT, password=self.password, balance=100, report_delay=report_delay,
                                   deliver_rate=1.0, reply_rate=0.0).start()
        return self.simulator.base_url + (" (withholding reports)" if self.withhold_reports else "")

    def _client(self):
        from ..api import LjClient

        return LjClient(self.simulator.base_url, ACCOUNT, self.password, timeout=self.timeout)

    def _send(self) -> str:
        from ..core.planning import plan_plain
        from ..engine.campaigns import create_campaign
        from ..engine.runner import run_campaign
        from ..store import Store

        plan = plan_plain(CONTENT, [NUMBER])
        if not plan.ok:
            raise CheckFailed("planning refused the test message: " + "; ".join(p.message_en for p in plan.problems))
        with Store(self.home / "ljsms.sqlite3") as store, self._client() as client:
            cid = create_campaign(store, plan, name="self-test")
            result = run_campaign(store, client, cid)
            stats = store.stats(cid)
        if result.state != "done" or stats.accepted != 1:
            raise CheckFailed(f"campaign {cid} ended {result.state} ({result.reason}); accepted {stats.accepted}")
        self.campaign_id = cid
        return f"campaign {cid}: 1 message accepted by the gateway"

    def _report(self) -> str:
        from ..engine.poller import Poller
        from ..store import Store

        with self._client() as client:
            poller = Poller(lambda: Store(self.home / "ljsms.sqlite3"), client)
            try:
                deadline = time.monotonic() + self.timeout
                while True:
                    poller.poll_once()
                    stats = poller.store().stats(self.campaign_id)
                    if stats.delivered + stats.failed:
                        return f"report stored for campaign {self.campaign_id} (delivered {stats.delivered})"
                    if time.monotonic() >= deadline:
                        raise CheckFailed(f"no delivery report arrived within {self.timeout:g} s "
                                          f"(campaign {self.campaign_id}, {stats.pending_report} awaiting a report)")
                    time.sleep(0.2)  # the gateway's next pull; nothing to wait on but time
            finally:
                poller.close()

    def _window(self) -> str:
        from PySide6.QtCore import QEventLoop, QTimer
        from PySide6.QtWidgets import QApplication

        from ..credentials import MemoryCredentials
        from ..settings import Settings
        from .app import create_window, watch_first_paint

        app = QApplication.instance() or QApplication(sys.argv[:1])
        settings = Settings(account=ACCOUNT, base_url=self.simulator.base_url if self.simulator else "")
        credentials = MemoryCredentials()
        credentials.set_password(ACCOUNT, self.password)
        from .context import AppContext
        from .main_window import MainWindow

        window = MainWindow(AppContext(self.home, settings=settings, credentials=credentials))
        loop = QEventLoop()
        painted: list[float] = []
        watcher = watch_first_paint(window, lambda s: (painted.append(s), loop.quit()))
        QTimer.singleShot(int(self.timeout * 1000), loop.quit)
        window.show()
        if not painted:
            loop.exec()
        size = f"{window.width()}x{window.height()}"
        if painted:   # the window builds its tabs after the first paint: every one of them, here (their modules too)
            window.build_all_tabs()
            app.processEvents()
        window.quit()
        app.processEvents()
        del watcher, create_window
        if not painted:
            raise CheckFailed(f"the main window was not painted within {self.timeout:g} s")
        return f"built and painted ({size}, {window.tabs.count()} tabs, platform {app.platformName()})"


def run_self_test() -> int:
    return SelfTest().run()
