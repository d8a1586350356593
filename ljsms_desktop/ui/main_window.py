"""The main window: the tabs (TABS), a status bar (balance, account, last gateway contact), the poller.

Start-up: the window paints its frame first — title, menus, the tab bar with every tab's title, the status
bar — and builds each tab's content after that first paint, importing the tab's module only then: the
current tab right after the paint, the others one per event-loop turn once ``start()`` has run. A tab that
is clicked, or used through its attribute (``window.compose``), is built at once, synchronously.
"""

from __future__ import annotations

import importlib
import time
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QSize, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QSystemTrayIcon, QTabWidget, QWidget

from .balance import BalanceIndicator
from .context import AppContext
from .restore_dialog import DataGuard

if TYPE_CHECKING:
    from .settings_dialog import SettingsDialog

BALANCE_INTERVAL_MS = 5 * 60 * 1000
_OPEN_WINDOWS: list = []   # windows made after start-up (试用演示), kept alive until they close


class Tab(NamedTuple):
    """One tab of the window. *factory*: "module:Class" in ``ljsms_desktop.ui``, called as Class(ctx, window)
    when the tab is built. *wire*: a MainWindow method called with the built tab (signals to the window).
    *refresh*: the tab's ``refresh()`` is called once the window has started (its first query)."""
    attr: str           # window.<attr> is the tab (built on first use)
    object_name: str    # the built tab's objectName
    title: str          # translated in the MainWindow context
    factory: str
    wire: str | None = None
    refresh: bool = False


# The tabs, in order. Adding a tab is one line here.
TABS: list[Tab] = [
    Tab("compose", "composeTab", QT_TRANSLATE_NOOP("MainWindow", "发送短信"), "compose_tab:ComposeTab", "_wire_send_tab"),
    Tab("template", "templateTab", QT_TRANSLATE_NOOP("MainWindow", "模板群发"), "template_tab:TemplateTab",
        "_wire_send_tab"),
    Tab("campaigns", "campaignsTab", QT_TRANSLATE_NOOP("MainWindow", "发送记录"), "campaigns_view:CampaignsView",
        refresh=True),   # 发送记录 + daily summary; the detail opens from it
    Tab("reports", "reportsTab", QT_TRANSLATE_NOOP("MainWindow", "状态报告"), "reports_view:ReportsTab", refresh=True),
    Tab("replies", "repliesTab", QT_TRANSLATE_NOOP("MainWindow", "上行回复"), "replies_view:RepliesTab",
        "_wire_replies", refresh=True),
    Tab("suppression", "suppressionTab", QT_TRANSLATE_NOOP("MainWindow", "退订名单"),
        "suppression_view:SuppressionView", refresh=True),   # 退订/屏蔽名单
]


class _TabAttribute:
    """``window.<attr>``: the tab, built on first use."""

    def __init__(self, attr: str):
        self.attr = attr

    def __get__(self, window, owner=None):
        return self if window is None else window.tab(self.attr)


class _Placeholder(QWidget):
    """A tab's page until the tab is built: paints nothing, and once painted (it is the current page of a
    shown window) asks for the tab to be built right after this paint."""

    def __init__(self, on_painted, parent: QWidget | None = None):
        super().__init__(parent)
        self._on_painted = on_painted

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt name
        if self._on_painted is not None:
            QTimer.singleShot(0, self, self._on_painted)
            self._on_painted = None


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        title = self.tr("联江短信桌面助手")
        if ctx.demo:
            title += self.tr(" — 演示模式（内置模拟网关，不会发出真实短信）")
        self.setWindowTitle(title)
        from .icons import app_icon

        self.setWindowIcon(app_icon())
        self._default_size()

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        # Each tab starts as an empty page under its title; tab() builds it (see the module's docstring).
        self._built: dict[str, QWidget] = {}
        self._started = False
        self._closed = False
        self._scheduler = None   # made by start() or the first sending tab (schedule_panel.scheduler_for)
        for spec in TABS:
            self.tabs.addTab(_Placeholder(lambda a=spec.attr: self._build_painted(a), self.tabs), self.tr(spec.title))
        self.setCentralWidget(self.tabs)

        menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        self.settings_action = QAction(self.tr("设置(&S)…"), self)
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.triggered.connect(lambda: self.open_settings())
        menu.addAction(self.settings_action)
        self.guard = DataGuard(ctx, self)   # backups, 从备份恢复…, a damaged data file, unusable settings
        menu.addAction(self.guard.restore_action)
        refresh = QAction(self.tr("刷新余额(&R)"), self)
        refresh.triggered.connect(ctx.refresh_balance)
        menu.addAction(refresh)
        self.poll_action = QAction(self.tr("立即拉取报告和回复"), self)
        self.poll_action.setObjectName("pollNowAction")
        # F5. setShortcuts, not setShortcut: its overloads (Qt.Key) would make Qt's enums (~15 ms) before the paint.
        self.poll_action.setShortcuts([QKeySequence("F5")])
        self.poll_action.triggered.connect(self.poll_now)
        menu.addAction(self.poll_action)
        self.addAction(self.poll_action)   # F5 works wherever the focus is
        menu.addSeparator()
        quit_action = QAction(self.tr("退出(&Q)"), self)
        quit_action.triggered.connect(self.quit)
        menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        about = QAction(self.tr("关于(&A)"), self)
        about.setObjectName("aboutAction")
        about.triggered.connect(self._about)
        help_menu.addAction(about)

        self.balance = BalanceIndicator(self)
        self.balance.set_threshold(ctx.settings.balance_threshold)
        self.account_label = QLabel(self)
        self.account_label.setObjectName("accountLabel")
        self.contact_label = QLabel(self.tr("尚未连接网关"), self)
        self.contact_label.setObjectName("contactLabel")
        self.poll_label = QLabel(self)
        self.poll_label.setObjectName("pollLabel")
        self.schedule_label = QLabel(self)   # a scheduled send, reported here and not in the tabs
        self.schedule_label.setObjectName("scheduleStatusLabel")
        self.schedule_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the window
        self.schedule_label.hide()
        for label in (self.account_label, self.contact_label, self.poll_label, self.schedule_label):
            label.setContentsMargins(4, 0, 12, 0)   # apart from each other, not run together
        bar = self.statusBar()
        bar.addWidget(self.account_label)
        bar.addWidget(self.contact_label)
        bar.addWidget(self.poll_label)
        bar.addWidget(self.schedule_label, 1)
        bar.addWidget(self.guard.notice_label)
        bar.addPermanentWidget(self.balance)
        self._show_account()

        ctx.balance_updated.connect(self.balance.set_balance)
        ctx.balance_failed.connect(self.balance.set_error)
        ctx.gateway_contact.connect(self._show_contact)
        ctx.settings_changed.connect(self._settings_changed)
        ctx.poll_status.connect(self._show_poll)
        ctx.team_status.connect(self._show_team)

        self.balance_timer = QTimer(self)
        self.balance_timer.setInterval(BALANCE_INTERVAL_MS)
        self.balance_timer.timeout.connect(ctx.refresh_balance)
        self.tray: QSystemTrayIcon | None = None
        self.last_reply_notice = ""   # the last new-replies message (also when no tray shows it)
        self._quitting = False
        self.demo_env = None   # the DemoEnvironment this window owns (after 试用演示 switched to it)
        self._connected_with = self._connection_key()
        self._restore_state()
        self.tabs.currentChanged.connect(self._tab_chosen)   # after the restored index: it is built after the paint

    def _default_size(self) -> None:
        """1100×720, or less on a smaller screen: with the title bar it stays inside the screen's
        free area (a 1366×768 screen minus its task bar); a remembered geometry overrides it."""
        width, height = 1100, 720
        screen = self.screen()
        if screen is not None:
            free = screen.availableGeometry()
            width, height = min(width, free.width()), min(height, free.height() - 40)   # 40: the title bar
        self.resize(width, height)

    # -- start-up ------------------------------------------------------------------------------------
    def start(self) -> None:
        """After the first paint (app.main) or show() (tests): the current tab (if the paint has not built it
        yet), the scheduler, the built views' first queries; then the other tabs one per event-loop turn, and
        once every view has asked for its first rows, the background work (``_start_background``)."""
        if self.tabs.currentIndex() >= 0:
            self.tab(TABS[self.tabs.currentIndex()].attr)
        self._started = True
        self._start_scheduler()
        self.balance_timer.start()
        for spec in TABS:
            if spec.refresh and spec.attr in self._built:
                self._built[spec.attr].refresh()
        self.guard.start()
        QTimer.singleShot(0, self, self._build_next)

    def _start_background(self) -> None:
        """The keyring is asked in a task (AppContext.start; the app's context has waited for this). Its answer
        opens the first-start dialog, or (through settings_changed: the account now has a password) the
        balance and the poller — after the views took their first rows, so replies the first pull brings
        are new to 上行回复 (a tray message), as when the views were built before the window showed."""
        self.ctx.start()
        if self.ctx.credentials_known:
            self._credentials_checked(first=True)
        else:
            self.ctx.credentials_checked.connect(self._credentials_checked)

    # -- tabs: built after the first paint, or at once when used ---------------------------------------
    def tab(self, attr: str) -> QWidget:
        """The tab registered as *attr* in TABS (``window.<attr>``), built now if it is not yet: its module
        is imported, the tab made and put in its placeholder's place, wired to the window, and (once the
        window has started) asked for its first query."""
        built = self._built.get(attr)
        if built is not None:
            return built
        index, spec = next((i, s) for i, s in enumerate(TABS) if s.attr == attr)
        module, _, name = spec.factory.partition(":")
        cls = getattr(importlib.import_module(f".{module}", __package__), name)
        widget = cls(self.ctx, self)
        if not widget.objectName():
            widget.setObjectName(spec.object_name)
        self._built[attr] = widget
        self._put_in_place(index, widget)
        if spec.wire:
            getattr(self, spec.wire)(widget)
        if spec.refresh and self._started:
            widget.refresh()
        if len(self._built) == len(TABS):
            self.tabs.setMinimumSize(0, 0)   # the tabs' own least size from now on (see _restore_state)
        return widget

    def build_all_tabs(self) -> None:
        for spec in TABS:
            self.tab(spec.attr)

    def findChild(self, *args, **kwargs):  # noqa: N802 - Qt name
        """Qt's findChild over the whole window: every tab is built first (its widgets exist from then on)."""
        self.build_all_tabs()
        return super().findChild(*args, **kwargs)

    def findChildren(self, *args, **kwargs):  # noqa: N802 - Qt name
        self.build_all_tabs()
        return super().findChildren(*args, **kwargs)

    def _put_in_place(self, index: int, widget: QWidget) -> None:
        """The built tab replaces its placeholder at *index*: same title and tooltip, the current tab stays
        current, no currentChanged, and no paint of the window in between (no flicker)."""
        tabs = self.tabs
        placeholder = tabs.widget(index)
        current = tabs.currentIndex()
        text, tip = tabs.tabText(index), tabs.tabToolTip(index)
        freeze = index == current and self.updatesEnabled()
        if freeze:
            self.setUpdatesEnabled(False)
        blocked = tabs.blockSignals(True)
        try:
            tabs.removeTab(index)
            tabs.insertTab(index, widget, text)
            tabs.setTabToolTip(index, tip)
            tabs.setCurrentIndex(current)
        finally:
            tabs.blockSignals(blocked)
            if freeze:
                self.setUpdatesEnabled(True)
        placeholder.deleteLater()

    def _tab_chosen(self, index: int) -> None:
        """A click (or setCurrentIndex) on a tab not built yet builds it now: no empty page, no dead click."""
        if 0 <= index < len(TABS):
            self.tab(TABS[index].attr)

    def _build_painted(self, attr: str) -> None:
        """The current tab's placeholder has been painted: build the tab right after that paint."""
        if not self._closed:
            self.tab(attr)

    def _build_next(self) -> None:
        """After start(): the next tab not built yet, one per event-loop turn (input is handled in between)."""
        if self._closed:
            return
        todo = [spec.attr for spec in TABS if spec.attr not in self._built]
        if todo:
            self.tab(todo[0])
            QTimer.singleShot(0, self, self._build_next)
        else:
            self._start_background()

    def _start_scheduler(self) -> None:
        """Scheduled sends (they run whether a sending tab is built or not) and their status-bar line."""
        if self._scheduler is not None:
            return
        from ..jobs.campaign import runner_for
        from .schedule_panel import scheduler_for

        self._scheduler = scheduler_for(self.ctx)
        self._scheduler.run_started.connect(self._schedule_started)
        self._scheduler.run_ended.connect(self._schedule_ended)
        runner_for(self.ctx).progressed.connect(self._schedule_progress)

    def _wire_send_tab(self, tab) -> None:
        """发送短信 / 模板群发: the planned send's cost against the balance."""
        self._start_scheduler()
        signal = getattr(tab, "planned_cost_changed", None)
        if signal is not None:
            signal.connect(self.balance.set_required)

    def _wire_replies(self, tab) -> None:
        tab.reply_requested.connect(self._reply_to)
        tab.unread_changed.connect(self._show_unread)
        tab.replies_arrived.connect(self._replies_arrived)

    def _credentials_checked(self, first: bool = False) -> None:
        if not first:
            self.ctx.credentials_checked.disconnect(self._credentials_checked)   # only the start-up answer
        if not self.ctx.configured():
            if not self.ctx.demo:
                self.open_settings(first_start=True)
            return
        if first:   # known before start(): nothing changed since, so start what settings_changed would
            self.ctx.refresh_balance()
            self._start_poller()

    def _start_poller(self) -> None:
        from ..jobs.live import start_live
        from ..jobs.poller import start_poller

        start_poller(self.ctx)
        start_live(self.ctx)   # a team database: other desktops' changes reach the views as they happen

    # -- settings ------------------------------------------------------------------------------------
    def open_settings(self, *, first_start: bool = False) -> SettingsDialog:
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self, first_start=first_start)
        dialog.demo_requested.connect(self._launch_demo)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def _connection_key(self) -> tuple:
        s = self.ctx.settings
        return (s.base_url, s.account, s.poll_interval, self.ctx.has_password())

    def _settings_changed(self) -> None:
        self._show_account()
        self.balance.set_threshold(self.ctx.settings.balance_threshold)
        key = self._connection_key()
        if key == self._connected_with:  # e.g. test numbers edited: nothing to reconnect
            return
        self._connected_with = key
        if self.ctx.configured():
            from ..jobs.poller import restart_poller

            self.ctx.refresh_balance()
            restart_poller(self.ctx)

    def _launch_demo(self) -> None:
        """试用演示: this process becomes the demo, in place — the simulator starts in-process, a demo
        window on its throw-away folder takes this window's place, and this one closes (no second
        process, no second window). Deferred: the settings dialog asking for it closes first."""
        QTimer.singleShot(0, self, self.switch_to_demo)

    def switch_to_demo(self) -> MainWindow:
        from .app import create_window
        from .demo import DemoEnvironment

        env = DemoEnvironment().start()
        window = create_window(demo_env=env)
        window.demo_env = env          # stopped (simulator, folder) when that window closes
        _OPEN_WINDOWS.append(window)   # a top-level window lives as long as something holds it
        window.setGeometry(self.geometry())
        window.show()
        window.start()
        self._quitting = True
        self.close()
        return window

    # -- status bar ----------------------------------------------------------------------------------
    def _show_account(self) -> None:
        s = self.ctx.settings
        if s.account:
            where = self.tr("（演示）") if self.ctx.demo else ""
            self.account_label.setText(self.tr("账号：{0}{1}").format(s.account, where))
        else:
            self.account_label.setText(self.tr("未设置账号"))

    def _show_contact(self, when: float) -> None:
        self.contact_label.setText(self.tr("最近连接网关：{0}").format(time.strftime("%H:%M:%S", time.localtime(when))))

    def _show_team(self, status: dict) -> None:
        """A team database lost (what is shown stays readable; sends refuse with the reason) or back."""
        if status.get("up"):
            if getattr(self, "_team_down", False):
                self._team_down = False
                self.poll_label.setText(self.tr("团队数据库已重新连接"))
                self.poll_label.setToolTip("")
            return
        self._team_down = True
        self.poll_label.setText(self.tr("⚠ 团队数据库连接中断"))
        self.poll_label.setToolTip(self.tr("{0}\n已显示的内容仍可查看；发送会被拒绝并说明原因；连接恢复后自动刷新。")
                                   .format(status.get("error") or ""))

    def _show_poll(self, status: dict) -> None:
        error = status.get("error")
        if error is not None:
            self.poll_label.setText(self.tr("⚠ 拉取报告失败"))
            from . import wording

            self.poll_label.setToolTip(wording.message(error))
            return
        if status.get("busy"):
            self.poll_label.setText(self.tr("另一个窗口正在拉取报告"))
            self.poll_label.setToolTip(self.tr("另一个窗口或 ljsms watch 正在为这个账号拉取状态报告和回复，"
                                               "这里不再重复拉取；它结束后这里自动接着拉取。"))
            return
        self.poll_label.setToolTip(status.get("summary", ""))
        self.poll_label.setText(self.tr("报告/回复已于 {0} 拉取").format(status.get("at_text", "")))
        # Pulls the gateway handed out whose answer broke on the way (those items are gone there): counted
        # since the window opened, so the warning stays in the status bar after later polls.
        lost_before, up_to_before = getattr(self, "_poll_losses", (0, 0))
        lost = lost_before + int(status.get("lost_pulls") or 0)
        up_to = up_to_before + int(status.get("lost_items") or 0)
        self._poll_losses = (lost, up_to)
        if lost:
            text = (self.tr("⚠ {0} 次拉取可能丢失了最多 {1} 条").format(lost, up_to) if up_to else
                    self.tr("⚠ {0} 次拉取可能丢失了数据（数量不明）").format(lost))
            if lost == 1:
                text = (self.tr("⚠ 一次拉取可能丢失了最多 {0} 条").format(up_to) if up_to else
                        self.tr("⚠ 一次拉取可能丢失了数据（数量不明）"))
            self.poll_label.setText(text)
            self.poll_label.setToolTip(self.tr("网关已交出这些状态报告或回复，但回答在途中中断（超时、连接断开或内容不完整），"
                                               "它们在网关上已无法再次拉取。详见日志。"))

    def _schedule_started(self, s) -> None:
        self._schedule_line(self.tr("定时发送开始：{0}（{1} 个号码）").format(s.label, f"{s.recipients:,}"))

    def _schedule_progress(self, origin: str, d: dict) -> None:
        from .schedule_panel import SCHEDULE_ORIGIN

        if origin == SCHEDULE_ORIGIN and self._scheduler.running_id is not None:
            self._schedule_line(self.tr("定时发送中：已发出 {0} / {1} 个号码").format(
                f"{int(d.get('numbers_done', 0)):,}", f"{int(d.get('numbers_total', 0)):,}"), tray=False)

    def _schedule_ended(self, s, result: dict) -> None:
        text = self.tr("定时发送“{0}”：{1}").format(s.label, self.compose.schedule_panel.result_text(result))
        self._schedule_line(text, warn="error" in result or bool(result.get("cancelled")))

    def _schedule_line(self, text: str, *, tray: bool = True, warn: bool = False) -> None:
        """A scheduled send in the status bar (and as a tray message while the window is hidden)."""
        self.schedule_label.setText(text)
        self.schedule_label.setToolTip(text)
        self.schedule_label.setStyleSheet("color: #b42318;" if warn else "")
        self.schedule_label.show()
        if tray and self.tray is not None and self.tray.isVisible():
            icon = QSystemTrayIcon.MessageIcon.Warning if warn else QSystemTrayIcon.MessageIcon.Information
            self.tray.showMessage(self.tr("联江短信桌面助手"), text, icon, 8000)

    # -- replies: 回复, the unread count on the tab, a tray message for new ones ------------------------
    def _reply_to(self, mobile: str) -> None:
        self.compose.set_numbers(mobile)
        self.tabs.setCurrentWidget(self.compose)

    def _show_unread(self, n: int) -> None:
        i = self.tabs.indexOf(self.replies)
        self.tabs.setTabText(i, self.tr("上行回复 ({0})").format(n) if n else self.tr("上行回复"))

    def _replies_arrived(self, n: int, latest: str) -> None:
        """New replies: a tray message (the tray icon is shown for it when the system has a tray)."""
        text = self.tr("收到 {0} 条新回复").format(n) + "\n" + latest
        self.last_reply_notice = text
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        tray = self._ensure_tray()
        tray.show()
        tray.showMessage(self.tr("联江短信桌面助手"), text, QSystemTrayIcon.MessageIcon.Information, 8000)

    def _about(self):
        """Help → 关于: version, data folder, log file, keyring backend (ui/about.py)."""
        from PySide6.QtCore import Qt

        from .about import AboutDialog

        dialog = AboutDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # -- state and closing ---------------------------------------------------------------------------
    def _restore_state(self) -> None:
        q = self.ctx.qsettings
        # Until its tabs are built the window keeps the least size they needed last time, so it shows at
        # the size it will keep (a remembered or default size narrower than a tab's least is widened now,
        # not when that tab is built after the paint).
        least = q.value("window/tabs_minimum")
        if isinstance(least, QSize) and least.isValid():
            self.tabs.setMinimumSize(least)
        geometry = q.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        try:
            self.tabs.setCurrentIndex(int(q.value("window/tab", 0)))
        except (TypeError, ValueError):
            pass

    def save_state(self) -> None:
        q = self.ctx.qsettings
        q.setValue("window/geometry", self.saveGeometry())
        q.setValue("window/tab", self.tabs.currentIndex())
        if len(self._built) == len(TABS):
            q.setValue("window/tabs_minimum", self.tabs.minimumSizeHint())
        for tab in self._built.values():   # a tab never built has nothing new to remember
            if hasattr(tab, "save_state"):
                tab.save_state()
        q.sync()

    def _pending_schedules(self) -> bool:
        return bool(self._scheduler is not None and self._scheduler.has_pending())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt name
        if not self._quitting and self._stay_in_tray():
            self._to_tray()
            event.ignore()
            return
        self._closed = True   # no more tabs built after the paint
        self.save_state()
        self.ctx.shutdown()
        if self.tray is not None:
            self.tray.hide()
        if self.demo_env is not None:
            self.demo_env.stop()
            self.demo_env = None
        if self in _OPEN_WINDOWS:   # let go of it once this event is over, not inside its own handler
            QTimer.singleShot(0, lambda: _OPEN_WINDOWS.remove(self) if self in _OPEN_WINDOWS else None)
        event.accept()

    def quit(self) -> None:
        """退出 (menu, tray): asks first while a campaign sends (it is paused and can be resumed)."""
        if not self._confirm_quit():
            return
        self._quitting = True
        self.close()

    def _confirm_quit(self) -> bool:
        from ..jobs.campaign import runner_for

        if not runner_for(self.ctx).busy:
            return True
        return self._ask_quit()

    def _ask_quit(self) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self, self.tr("正在发送"),
            self.tr("有一次发送正在进行。退出会在当前请求完成后暂停它，之后可在“发送记录”的活动详情中继续发送。确定退出吗？"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _stay_in_tray(self) -> bool:
        """Closing the window keeps the program in the tray (poller, schedules, a send go on) when the
        system has a tray and there is something to keep running."""
        from ..jobs.campaign import runner_for

        if not QSystemTrayIcon.isSystemTrayAvailable():
            return False
        return self._pending_schedules() or self.ctx.configured() or runner_for(self.ctx).busy

    def poll_now(self) -> bool:
        """F5: pull delivery reports and replies now."""
        from ..jobs.poller import poll_now

        ok = poll_now(self.ctx)
        self.poll_label.setText(self.tr("正在拉取报告和回复…") if ok else self.tr("未设置账号，无法拉取报告"))
        return ok

    def _ensure_tray(self) -> QSystemTrayIcon:
        """The tray icon with its menu: 打开窗口, 立即拉取, 退出."""
        if self.tray is None:
            from .icons import tray_icon

            self.tray = QSystemTrayIcon(tray_icon(), self)
            self.tray.activated.connect(self._tray_activated)
        if self.tray.contextMenu() is None:
            from PySide6.QtWidgets import QMenu

            menu = QMenu(self)
            menu.setObjectName("trayMenu")
            menu.addAction(self.tr("打开窗口"), self.show_from_tray)
            menu.addAction(self.tr("立即拉取报告和回复"), self.poll_now)
            menu.addSeparator()
            menu.addAction(self.tr("退出"), self.quit)
            self.tray.setContextMenu(menu)
            self.tray_menu = menu
        return self.tray

    def _tray_activated(self, reason) -> None:
        if reason != QSystemTrayIcon.ActivationReason.Context:
            self.show_from_tray()

    def show_from_tray(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def _to_tray(self) -> None:
        tray = self._ensure_tray()
        tray.setToolTip(self.tr("联江短信桌面助手：仍在接收状态报告和回复"))
        tray.show()
        self.save_state()
        self.hide()
        tray.showMessage(self.tr("联江短信桌面助手"),
                         self.tr("窗口已隐藏到托盘：仍在接收状态报告和回复，定时发送会按时执行。右键托盘图标可退出。"),
                         QIcon(), 5000)


for _spec in TABS:   # window.compose, window.template, …: the tab, built on first use
    setattr(MainWindow, _spec.attr, _TabAttribute(_spec.attr))
