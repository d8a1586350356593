"""``ljsms-desktop``: start the window (``--demo`` for the built-in simulator and a throw-away folder)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
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
    return p


def _setup_logging(home: Path) -> None:
    root = logging.getLogger("ljsms_desktop")
    root.setLevel(logging.INFO)
    try:
        handler = logging.FileHandler(home / "ljsms.log", encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    except OSError:
        pass


def create_window(*, demo_env=None, home: Path | None = None):
    """The main window with its context (used by main() and by tests)."""
    from .context import AppContext
    from .main_window import MainWindow

    if demo_env is not None:
        ctx = AppContext(demo_env.home, settings=demo_env.settings, credentials=demo_env.credentials, demo=True)
    else:
        ctx = AppContext(home or paths.data_dir())
    return MainWindow(ctx)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
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
    _setup_logging(home)
    window = create_window(demo_env=demo_env, home=home)
    window.show()
    window.start()
    try:
        return app.exec()
    finally:
        if demo_env is not None:
            demo_env.stop()


if __name__ == "__main__":
    sys.exit(main())
