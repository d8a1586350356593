"""``ljsms-desktop``: start the window (``--demo`` for the built-in simulator and a throw-away folder)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from .. import __version__, paths
from ..resources_path import RESOURCES

I18N = Path(__file__).resolve().parent / "i18n"


def install_translator(app: QApplication, lang: str | None = None) -> QTranslator | None:
    """Chinese is the source language; other locales get English when its .qm is there."""
    lang = lang or QLocale.system().name()
    if lang.lower().startswith("zh"):
        _install_qt_chinese(app)
        return None
    translator = QTranslator(app)
    for folder in (I18N, RESOURCES / "i18n"):
        if translator.load(str(folder / "ljsms_en.qm")):
            app.installTranslator(translator)
            return translator
    return None


def _install_qt_chinese(app: QApplication) -> None:
    """Qt's own texts (Yes/No/Cancel in message boxes, context menus) in Chinese too."""
    qt = QTranslator(app)
    if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="ljsms-desktop", description="联江短信桌面助手")
    p.add_argument("--demo", action="store_true", help="演示模式：内置网关模拟器、临时数据文件夹、演示账号")
    p.add_argument("--lang", help="界面语言，例如 zh_CN 或 en（默认跟随系统）")
    p.add_argument("--version", action="version", version=f"ljsms-desktop {__version__}")
    p.add_argument("--debug", action="store_true", help="详细日志（DEBUG 级别，写入日志文件）")
    p.add_argument("--self-test", action="store_true",
                   help="自检：临时数据文件夹、钥匙串、内置模拟网关发送一条短信并取回状态报告、绘制主窗口；"
                        "无需显示器，逐项输出结果，成功退出码 0，失败 1")
    # For tests and benchmarks: print "painted <ms>" once the window has been painted, then quit.
    p.add_argument("--exit-after-paint", action="store_true", help=argparse.SUPPRESS)
    return p


NO_DISPLAY = ("ljsms-desktop: 没有可用的显示器（未设置 DISPLAY 或 WAYLAND_DISPLAY）。请在桌面会话中运行；"
              "或用 QT_QPA_PLATFORM=offscreen 无界面运行；或运行 ljsms-desktop --self-test 检查安装。"
              " (no display: run it in a desktop session, with QT_QPA_PLATFORM=offscreen, or try --self-test)")


def no_display() -> bool:
    """Linux with no X11/Wayland display and no platform chosen: Qt would abort with a long message."""
    return sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def watch_first_paint(window, callback) -> QObject:
    """Call *callback(seconds since process start)* once, after the window's first paint has been
    flushed. Returns the event filter (keep it alive with the window)."""

    class _Watcher(QObject):
        done = False

        def eventFilter(self, obj, event):  # noqa: N802 - Qt name
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                QTimer.singleShot(0, lambda: callback(time.time() - _process_start()))
            return False

    watcher = _Watcher(window)
    window.installEventFilter(watcher)
    central = window.centralWidget()
    if central is not None:
        central.installEventFilter(watcher)
    return watcher


def _process_start() -> float:
    """When this process started (Linux: from /proc; elsewhere when this module was imported)."""
    try:
        with open("/proc/self/stat", "rb") as f:
            ticks = int(f.read().rsplit(b")", 1)[1].split()[19])
        with open("/proc/stat", "rb") as f:
            boot = next(int(line.split()[1]) for line in f if line.startswith(b"btime"))
        return boot + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration, AttributeError):
        return _IMPORTED


_IMPORTED = time.time()


def create_window(*, demo_env=None, home: Path | None = None):
    """The main window with its context (used by main() and by tests). The keyring is first asked by the
    window's start() (after its first paint)."""
    from .context import AppContext
    from .main_window import MainWindow

    if demo_env is not None:
        ctx = AppContext(demo_env.home, settings=demo_env.settings, credentials=demo_env.credentials, demo=True,
                         defer_keyring=True)
    else:
        ctx = AppContext(home or paths.data_dir(), defer_keyring=True)
    return MainWindow(ctx)


def main(argv: list[str] | None = None) -> int:
    if getattr(sys, "frozen", False):   # the bundle: a child process (sheet parsing) starts this executable
        import multiprocessing   # (not imported from source: freeze_support() does nothing there)

        multiprocessing.freeze_support()
    _console_for_output()
    args = build_parser().parse_args(argv)
    if args.self_test and no_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif no_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    from ..logs import setup_logging

    log_file = setup_logging(debug=args.debug)
    log = logging.getLogger("ljsms_desktop.app")
    log.info("ljsms-desktop %s starting (Python %s, PySide6 %s, %s%s)", __version__, sys.version.split()[0],
             _pyside_version(), sys.platform, ", bundle" if getattr(sys, "frozen", False) else "")
    log.debug("options: %s; log file %s", vars(args), log_file)
    _qt_messages_to_log()
    if args.self_test:
        from .selftest import run_self_test

        return run_self_test()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from .errors import install_error_dialog

    install_error_dialog(app, log_file)
    from .icons import app_icon

    app.setWindowIcon(app_icon())
    app.setApplicationName("ljsms-desktop")
    app.setOrganizationName("ljsms")
    install_translator(app, args.lang)
    # After the translator: Qt appends the display name to window titles that do not end with it.
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "联江短信桌面助手"))
    demo_env = None
    if args.demo:
        from .demo import DemoEnvironment

        demo_env = DemoEnvironment().start()
    home = demo_env.home if demo_env else paths.data_dir()
    window = create_window(demo_env=demo_env, home=home)

    started: list[bool] = []

    def start_once() -> None:
        """The background work (views, balance, poller, first-start dialog) begins after the first paint,
        so it does not compete with it; a window that is never painted (minimised) starts anyway."""
        if not started:
            started.append(True)
            window.start()

    def painted(seconds: float) -> None:
        log.info("window painted %.0f ms after the process started", seconds * 1000)
        if args.exit_after_paint:
            print(f"painted {seconds * 1000:.0f} ms ({QApplication.platformName()})", flush=True)
            window.quit()
            QApplication.quit()
            return
        QTimer.singleShot(0, start_once)

    window._paint_watcher = watch_first_paint(window, painted)
    window.show()
    QTimer.singleShot(3000, start_once)
    try:
        return app.exec()
    finally:
        if demo_env is not None:
            demo_env.stop()


def _qt_messages_to_log() -> None:
    """Qt's own warnings go to the log (where support looks), not only to a console nobody sees."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("ljsms_desktop.qt")
    levels = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}

    def handler(kind, context, message) -> None:
        if "propagateSizeHints" in message:  # the offscreen platform says this on every show
            return
        qt_log.log(levels.get(kind, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def _console_for_output() -> None:
    """The Windows bundle's window program has no console: --version, --help and --self-test print to
    the console they were started from (or nowhere, without failing)."""
    if sys.platform != "win32" or not getattr(sys, "frozen", False) or sys.stdout is not None:
        return
    try:
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
            sys.stdout = open("CONOUT$", "w", encoding="utf-8", buffering=1)  # noqa: SIM115 - for the process
            sys.stderr = open("CONOUT$", "w", encoding="utf-8", buffering=1)  # noqa: SIM115
            return
    except (OSError, AttributeError):
        pass
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    sys.stderr = sys.stdout


def _pyside_version() -> str:
    import PySide6

    return PySide6.__version__


if __name__ == "__main__":
    sys.exit(main())
