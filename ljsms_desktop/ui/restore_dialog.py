"""Backups in the window: 文件 → 从备份恢复…, the day's backup, a damaged data file, and files that
could not be used (settings.json, schedules.json).

``DataGuard`` (one per window) owns the menu entry and a status-bar label. At start it checks, on a
worker, that the data file is not an empty or truncated one (``store.backup.refuse_damaged``) — when
it is, a dialog offers the newest backup — and takes the day's backup; every hour it takes the next
day's. A restore stops the report poller first (it keeps the file open), runs on a worker, then the
views reload (a ``Changes`` of everything) and the poller starts again. ``RestoreDialog`` lists the
backups with their time and size.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPushButton, QTreeWidget, QTreeWidgetItem,
    QVBoxLayout, QWidget,
)

from ..changes import Changes, Outcome

log = logging.getLogger(__name__)


_USER_ROLE = 256   # Qt.ItemDataRole.UserRole (Qt's namespace of enums costs ~15 ms before the first paint)


def _delete_on_close(widget: QWidget) -> None:
    from PySide6.QtCore import Qt

    widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


def _wording():
    """ui.wording, imported when a message is shown: not before the window's first paint."""
    from . import wording

    return wording

BACKUP_CHECK_MS = 60 * 60 * 1000     # the day's backup: looked for every hour (a directory listing)
EVERYTHING = Changes(campaigns=True, reports=True, replies=True, suppression=True, templates=True)
POLLER = "poller"
VIEW_WORKERS = "view:"   # the results views' query workers (ui/lazy_table.py): they keep a connection too


def _holds_file(name: str) -> bool:
    return name == POLLER or name.startswith(VIEW_WORKERS)


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


class DataGuard(QObject):
    restored = Signal(object)          # store.backup.RestoreResult
    restore_failed = Signal(object)    # TaskError
    damaged = Signal(dict)             # StoreError("damaged").params, found at start

    def __init__(self, ctx, window: QWidget):
        super().__init__(window)
        self.setObjectName("dataGuard")
        self.ctx = ctx
        self.window = window
        self.restore_action = QAction(self.tr("从备份恢复(&B)…"), window)
        self.restore_action.setObjectName("restoreAction")
        self.restore_action.triggered.connect(lambda: self.open_restore())
        self.notice_label = QLabel(window)
        self.notice_label.setObjectName("fileNoticeLabel")
        self.notice_label.setContentsMargins(4, 0, 12, 0)
        self.notice_label.setStyleSheet("color: #b42318;")
        self.notice_label.linkActivated.connect(lambda _link: self.show_notices())
        self.notice_label.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(BACKUP_CHECK_MS)
        self.timer.timeout.connect(lambda: self.check_store(offer=False))
        self.restoring = False
        self.damage: dict | None = None
        self.dialog: QMessageBox | None = None
        self._poller_was_running = False
        ctx.settings_changed.connect(self.show_file_notices)

    # -- at start ------------------------------------------------------------------------------------
    def start(self) -> None:
        self.show_file_notices()
        self.check_store()
        self.timer.start()

    def check_store(self, *, offer: bool = True) -> None:
        """On a worker: is the data file whole? Then the day's backup, unless there is one."""
        db_path = self.ctx.db_path

        def work(t):
            from ..store import StoreError, backup

            try:
                backup.refuse_damaged(db_path)
            except StoreError as e:
                return "damaged", e.params
            try:
                return "ok", str(backup.daily_backup(db_path) or "")
            except (StoreError, OSError) as e:
                log.warning("the day's backup failed: %s", getattr(e, "message_en", "") or e)
                return "backup_failed", {}

        def done(answer) -> None:
            state, data = answer
            if state == "damaged":
                self.damage = data
                self.damaged.emit(data)
                if offer:
                    self.offer_restore(data)

        self.ctx.tasks.run("store-check", work, key="store-check", owner=self, on_success=done,
                           on_error=lambda e: log.warning("store check: %s", e.message_en))

    def offer_restore(self, params: dict) -> QMessageBox:
        """A damaged data file: say so and offer the newest backup (non-blocking)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("数据文件已损坏"), _wording().damaged_store(params),
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("damagedDialog")
        newest = None
        if params.get("backup"):
            newest = box.addButton(self.tr("从最近的备份恢复"), QMessageBox.ButtonRole.AcceptRole)
            newest.setObjectName("restoreNewestButton")
        choose = box.addButton(self.tr("选择备份…"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("稍后"), QMessageBox.ButtonRole.RejectRole)

        def clicked(button) -> None:
            if newest is not None and button is newest:
                self.restore(Path(params["backup"]))
            elif button is choose:
                self.open_restore()

        box.buttonClicked.connect(clicked)
        _delete_on_close(box)
        box.open()
        self.dialog = box
        return box

    # -- files that could not be used ----------------------------------------------------------------
    def file_notices(self) -> list[str]:
        texts = [_wording().settings_notice(n) for n in getattr(self.ctx.settings, "notices", ())]
        from .schedule_panel import Scheduler

        scheduler = self.ctx.findChild(Scheduler, "scheduler")   # made by the window's start(), not by a tab
        book = getattr(scheduler, "book", None)
        texts += [_wording().schedule_notice(n) for n in getattr(book, "notices", [])]
        return texts

    def show_file_notices(self) -> None:
        texts = self.file_notices()
        if not texts:
            self.notice_label.hide()
            return
        self.notice_label.setText('<a href="#notices" style="color: #b42318;">{0}</a>'.format(
            self.tr("⚠ 有 {0} 项设置或定时发送无法使用，已改用默认值（点此查看）").format(len(texts))))
        self.notice_label.setToolTip("\n".join(texts))
        self.notice_label.show()

    def show_notices(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("文件无法使用"), "\n\n".join(self.file_notices()),
                          QMessageBox.StandardButton.Close, self.window)
        box.setObjectName("fileNoticesDialog")
        settings = box.addButton(self.tr("打开设置"), QMessageBox.ButtonRole.ActionRole)
        settings.clicked.connect(lambda: getattr(self.window, "open_settings", lambda: None)())
        _delete_on_close(box)
        box.open()
        return box

    # -- restoring -----------------------------------------------------------------------------------
    def open_restore(self) -> RestoreDialog:
        dialog = RestoreDialog(self, self.window)
        _delete_on_close(dialog)
        dialog.open()
        return dialog

    def restore(self, source: Path) -> bool:
        """Put *source* in place of the data file, on a worker; the poller pauses meanwhile."""
        if self.restoring:
            return False
        self.restoring = True
        self.ctx.store_exclusive = True     # the views' query workers let go of the file and stay off it
        self._poller_was_running = bool(self.ctx.tasks.running(POLLER))
        holders = {t.name for t in self.ctx.tasks.running() if _holds_file(t.name)}
        if holders:
            for name in holders:
                self.ctx.tasks.cancel(name)   # they keep the file open; the restore must have it alone
            self._when_poller_stopped(lambda: self._run_restore(source))
        else:
            self._run_restore(source)
        return True

    def _when_poller_stopped(self, then) -> None:
        def check() -> None:
            if not any(_holds_file(t.name) for t in self.ctx.tasks.running()):
                self.ctx.tasks.changed.disconnect(check)
                then()

        self.ctx.tasks.changed.connect(check)

    def _run_restore(self, source: Path) -> None:
        db_path = self.ctx.db_path

        def work(t):
            from ..store import backup

            with backup.open_candidate(db_path, source) as candidate:
                result = backup.restore(db_path, candidate)
            return Outcome(result, EVERYTHING)

        self.ctx.tasks.run("restore", work, key="restore", on_success=self._restored, on_error=self._failed)

    def _restored(self, result) -> None:
        self.restoring = False
        self.ctx.store_exclusive = False
        self.damage = None
        self._resume_poller()
        text = self.tr("已从备份恢复：{0}").format(result.source)
        if result.kept is not None:
            text += "\n" + self.tr("恢复前的数据已另存为 {0}").format(result.kept)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("已从备份恢复"), text,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("restoredDialog")
        _delete_on_close(box)
        box.open()
        self.restored.emit(result)

    def _failed(self, error) -> None:
        self.restoring = False
        self.ctx.store_exclusive = False
        self._resume_poller()
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("恢复失败"), _wording().message(error),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("restoreFailedDialog")
        _delete_on_close(box)
        box.open()
        self.restore_failed.emit(error)

    def _resume_poller(self) -> None:
        from ..jobs.poller import start_poller

        start_poller(self.ctx)   # when the account is set up (it was running, or may run now)


class RestoreDialog(QDialog):
    """The backups, newest first, with their time and size; 恢复 puts the chosen one back."""

    def __init__(self, guard: DataGuard, parent: QWidget | None = None):
        super().__init__(parent)
        self.guard = guard
        self.confirm: QMessageBox | None = None
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("从备份恢复"))
        self.resize(560, 360)
        intro = QLabel(self.tr("恢复会用所选的备份替换当前数据（活动、报告、回复、屏蔽名单、模板）；"
                               "当前数据会先另存为一份备份。恢复期间暂停拉取报告。"), self)
        intro.setWordWrap(True)
        self.list = QTreeWidget(self)
        self.list.setObjectName("backupList")
        self.list.setHeaderLabels([self.tr("备份时间"), self.tr("大小"), self.tr("说明")])
        self.list.setRootIsDecorated(False)
        self.list.currentItemChanged.connect(lambda *_: self._selection())
        self.status = QLabel(self)
        self.status.setObjectName("restoreStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self.tr("恢复"), self)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._restore_selected)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        other = self.buttons.addButton(self.tr("选择其他文件…"), QDialogButtonBox.ButtonRole.ActionRole)
        other.clicked.connect(self._choose_file)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close).clicked.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.status)
        lay.addWidget(self.buttons)
        guard.restored.connect(self._done)
        guard.restore_failed.connect(self._not_done)
        self.refresh()

    def refresh(self) -> None:
        db_path = self.guard.ctx.db_path

        def work(t):
            from ..store import backup

            return backup.list_backups(db_path)

        self.status.setText(self.tr("正在读取备份…"))
        self.guard.ctx.tasks.run("list-backups", work, key="list-backups", owner=self, on_success=self._show,
                                 on_error=lambda e: self.status.setText(_wording().message(e)))

    def _show(self, backups) -> None:
        self.list.clear()
        for b in backups:
            note = {"prerestore": self.tr("恢复前的数据")}.get(b.reason, "")
            if b.reason.startswith("v"):
                note = self.tr("升级数据格式前")
            item = QTreeWidgetItem([b.taken_at.strftime("%Y-%m-%d %H:%M:%S"), size_text(b.size), note])
            item.setData(0, _USER_ROLE, str(b.path))
            item.setToolTip(0, str(b.path))
            self.list.addTopLevelItem(item)
        if backups:
            self.list.setCurrentItem(self.list.topLevelItem(0))
            self.status.setText("")
        else:
            self.status.setText(self.tr("还没有备份：程序每天自动备份一次，保留最近 7 份。"))
        self.list.resizeColumnToContents(0)

    def _selection(self) -> None:
        self.restore_button.setEnabled(self.list.currentItem() is not None and not self.guard.restoring)

    def _restore_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self._ask(Path(item.data(0, _USER_ROLE)), item.text(0))

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择备份文件"), str(self.guard.ctx.home),
                                              self.tr("数据文件 (*.sqlite3 *.db);;所有文件 (*)"))
        if name:
            self._ask(Path(name), name)

    def _ask(self, source: Path, label: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("从备份恢复"),
                          self.tr("用备份 {0} 替换当前数据？\n当前数据会先另存为一份备份。").format(label),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmRestore")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        _delete_on_close(box)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.buttonClicked.connect(lambda button: self._start(source) if button is yes else None)
        box.open()
        self.confirm = box

    def _start(self, source: Path) -> None:
        if self.guard.restore(source):
            self.restore_button.setEnabled(False)
            self.status.setText(self.tr("正在恢复…"))

    def _done(self, _result) -> None:
        self.accept()

    def _not_done(self, error) -> None:
        self.status.setText(_wording().message(error))
        self._selection()
