"""Start-up: the window paints its frame (title, tab bar with every tab's title, status bar) before any tab's
module is imported or the keyring asked; each tab is built after that paint (the remembered one first, the
others in idle steps), or at once when it is used (``window.<tab>``, a click on its title, findChild)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTableView, QTabWidget, QWidget

from ljsms_desktop.credentials import MemoryCredentials
from ljsms_desktop.settings import Settings
from ljsms_desktop.ui.context import AppContext
from ljsms_desktop.ui.main_window import TABS, MainWindow, _Placeholder

ROOT = Path(__file__).resolve().parent.parent
TAB_MODULES = sorted({f"ljsms_desktop.ui.{spec.factory.split(':')[0]}" for spec in TABS})
# What the first paint must not wait for: the gateway client, the keyring and its backends, the spreadsheet
# libraries and readers, the engine, the store, the wording of their messages.
HEAVY = ["requests", "urllib3", "keyring", "secretstorage", "openpyxl", "xlsxwriter", "python_calamine", "sqlite3",
         "ljsms_desktop.api.client", "ljsms_desktop.engine.campaigns", "ljsms_desktop.engine.schedule",
         "ljsms_desktop.store.store", "ljsms_desktop.sheets.reader", "ljsms_desktop.jobs.campaign",
         "ljsms_desktop.ui.wording", "ljsms_desktop.ui.settings_dialog", "ljsms_desktop.ui.schedule_panel"]

PROBE = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from ljsms_desktop.ui.app import create_window

    window = create_window(home=Path(sys.argv[1]))   # as ljsms-desktop makes it (the system keyring)
    report = {}

    def all_built():
        if len(window._built) < window.tabs.count():
            return
        report["built"] = list(window._built)
        report["after"] = sorted(sys.modules)
        report["tabs"] = [[window.tabs.tabText(i), window.tabs.widget(i).objectName()]
                          for i in range(window.tabs.count())]
        report["current"] = window.tabs.currentIndex()
        timer.stop()
        print(json.dumps(report), flush=True)
        window.quit()
        app.quit()

    timer = QTimer()
    timer.timeout.connect(all_built)

    class Probe(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and "paint" not in report:
                report["paint"] = sorted(sys.modules)   # during the first paint itself
                report["titles"] = [window.tabs.tabText(i) for i in range(window.tabs.count())]
                QTimer.singleShot(0, window.start)        # as app.main does after the paint
                timer.start(20)
            return False

    probe = Probe()
    window.installEventFilter(probe)
    window.show()
    QTimer.singleShot(60000, app.quit)
    app.exec()
""")


def test_first_paint_comes_before_the_tabs_modules_and_every_tab_is_built_after_it(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    Settings(account="demo", base_url="http://127.0.0.1:9/api/v1").save(home / "settings.json")
    (home / "window.ini").write_text("[window]\ntab=3\n", encoding="utf-8")   # 状态报告 was the last tab
    script = tmp_path / "probe.py"
    script.write_text(PROBE, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, str(script), str(home)], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    assert out.returncode == 0 and lines, out.stderr[-3000:]
    report = json.loads(lines[-1])
    at_paint = set(report["paint"])
    assert [m for m in TAB_MODULES if m in at_paint] == []
    assert [m for m in HEAVY if m in at_paint] == []
    assert report["titles"][:6] == ["发送短信", "模板群发", "发送记录", "状态报告", "上行回复", "退订名单"]
    assert len(report["titles"]) == len(TABS)
    # After the paint: the remembered tab first, then every other one, each in its place under its title.
    assert report["built"][0] == "reports" and sorted(report["built"]) == sorted(s.attr for s in TABS)
    assert report["current"] == 3
    assert [name for _, name in report["tabs"]] == [s.object_name for s in TABS]
    assert set(TAB_MODULES) <= set(report["after"])


@pytest.fixture
def window(qtbot, tmp_path):
    made = []

    def make(*, show=True, start=False) -> MainWindow:
        creds = MemoryCredentials()
        ctx = AppContext(tmp_path / f"home{len(made)}", settings=Settings(), credentials=creds)
        w = MainWindow(ctx)
        qtbot.addWidget(w)
        made.append(w)
        if show:
            w.show()
        if start:
            w.start()
        return w

    yield make
    for w in made:
        w.close()


def test_a_tab_is_built_when_its_attribute_is_used(window, qtbot):
    w = window(show=False)
    assert w._built == {} and all(isinstance(w.tabs.widget(i), _Placeholder) for i in range(w.tabs.count()))
    for i, spec in enumerate(TABS):
        tab = getattr(w, spec.attr)
        assert tab.objectName() == spec.object_name
        assert w.tabs.widget(i) is tab and w.tabs.indexOf(tab) == i
        assert getattr(w, spec.attr) is tab   # built once
    assert w.tabs.currentIndex() == 0
    qtbot.wait(50)   # the placeholders are deleted later
    assert w.findChildren(_Placeholder) == []


def test_a_click_on_a_tab_not_built_yet_shows_it_built_at_once(window):
    w = window()
    w.tabs.tabBar().setCurrentIndex(2)   # as a click on 发送记录 does
    assert w.tabs.currentWidget() is w.campaigns and w.tabs.currentIndex() == 2
    assert set(w._built) == {"campaigns"}   # only the one clicked
    assert w.campaigns.isVisible()


def test_find_child_finds_the_widgets_of_tabs_not_built_yet(window):
    w = window(show=False)
    assert w.findChild(QTabWidget, "tabs") is w.tabs
    for spec in TABS:
        assert w.findChild(QWidget, spec.object_name) is not None, spec.object_name
    assert w.findChild(QTableView, "campaignsView") is not None


def test_start_builds_the_current_tab_then_the_others_in_idle_steps(window, qtbot):
    w = window()
    w.tabs.setCurrentIndex(4)   # 上行回复
    w.start()
    assert "replies" in w._built
    qtbot.waitUntil(lambda: len(w._built) == len(TABS), timeout=10000)
    assert w.tabs.currentWidget() is w.replies
    assert [w.tabs.widget(i).objectName() for i in range(w.tabs.count())] == [s.object_name for s in TABS]


def test_the_painted_current_tab_is_built_right_after_the_paint_without_start(window, qtbot):
    w = window()
    assert w._built == {}
    qtbot.waitUntil(lambda: "compose" in w._built, timeout=5000)   # painted, then built
    assert w.tabs.currentWidget() is w.compose


def test_a_closed_window_builds_no_more_tabs(window, qtbot):
    w = window(start=True)
    w._quitting = True
    w.close()
    built = len(w._built)
    qtbot.wait(200)
    assert len(w._built) == built < len(TABS)


def test_until_its_tabs_are_built_the_window_keeps_the_least_size_they_needed_last_time(qtbot, tmp_path):
    def make() -> MainWindow:
        w = MainWindow(AppContext(tmp_path / "home", settings=Settings(), credentials=MemoryCredentials()))
        qtbot.addWidget(w)
        return w

    first = make()
    first.build_all_tabs()
    least = first.tabs.minimumSizeHint()
    first.save_state()
    first._quitting = True
    first.close()
    second = make()   # nothing built yet: empty pages, but the window is not narrower than the tabs will need
    assert second._built == {} and second.minimumSizeHint().width() >= least.width() > 300
    second.build_all_tabs()   # from now on the tabs' own least size
    assert second.tabs.minimumSize().width() == 0
    second._quitting = True
    second.close()
