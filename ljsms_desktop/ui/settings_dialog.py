"""设置: gateway address, account, password (OS keyring only), defaults, and "test connection".

The keyring is never called on the GUI thread: storing the password, reading the stored one for
测试连接 and asking about the old account's entry run in tasks bound to the dialog; the dialog
closes when the keyring has answered."""

from __future__ import annotations

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QRadioButton, QSpinBox, QTimeEdit,
                               QVBoxLayout, QWidget)

from ..api.address import DEFAULT_BASE_URL
from ..core.numbers import normalize_mobile, split_number_list
from ..credentials import CredentialError
from ..jobs import TaskError
from .context import AppContext
from . import wording


class SettingsDialog(QDialog):
    demo_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, first_start: bool = False):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("设置"))
        self.setMinimumWidth(520)
        s = ctx.settings
        stored = ctx.has_password()

        root = QVBoxLayout(self)
        if first_start:
            intro = QLabel(self.tr("欢迎使用联江短信桌面助手。请填写联江·云通讯的接口账号和密码；"
                                   "没有账号也可以先试用演示模式。"), self)
            intro.setWordWrap(True)
            root.addWidget(intro)
        notices = [wording.settings_notice(n) for n in getattr(s, "notices", ())]
        if notices:   # settings.json had values that could not be used: they show their defaults below
            lines = ["⚠ " + t for t in notices] + [self.tr("保存后设置文件将按下面的内容重写。")]
            self.notices_label = QLabel("\n".join(lines), self)
            self.notices_label.setObjectName("settingsNotices")
            self.notices_label.setWordWrap(True)
            self.notices_label.setStyleSheet("color: #b42318;")
            root.addWidget(self.notices_label)
        form = QFormLayout()
        root.addLayout(form)
        self.base_url = QLineEdit(s.base_url or DEFAULT_BASE_URL, self)
        self.base_url.setObjectName("baseUrlEdit")
        self.base_url.setPlaceholderText(DEFAULT_BASE_URL)
        form.addRow(self.tr("网关地址"), self.base_url)
        self.account = QLineEdit(s.account, self)
        self.account.setObjectName("accountEdit")
        form.addRow(self.tr("账号"), self.account)
        self.password = QLineEdit(self)
        self.password.setObjectName("passwordEdit")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("已保存（不修改请留空）") if stored else self.tr("接口密码"))
        form.addRow(self.tr("密码"), self.password)

        # Where the password goes: said plainly, and a choice when no keyring works.
        self.keyring_note = QLabel(self)
        self.keyring_note.setWordWrap(True)
        self.keep_memory = QRadioButton(self.tr("只在本次运行期间记住（关闭程序后需要重新输入）"), self)
        self.keep_none = QRadioButton(self.tr("不保存密码"), self)
        self.keep_memory.setObjectName("keepMemoryRadio")
        group = QButtonGroup(self)
        group.addButton(self.keep_memory)
        group.addButton(self.keep_none)
        self.keep_memory.setChecked(True)
        box = QVBoxLayout()
        box.addWidget(self.keyring_note)
        box.addWidget(self.keep_memory)
        box.addWidget(self.keep_none)
        form.addRow("", _wrap(box, self))
        if ctx.demo:   # the demo account lives in memory by design: no keyring to miss, nothing to choose
            self.keyring_note.setText(self.tr("演示模式：演示账号的密码只在本次运行中使用，不会保存。"))
            self.keep_memory.hide()
            self.keep_none.hide()
        elif ctx.keyring_is_system:
            self.keyring_note.setText(self.tr("密码只保存在系统钥匙串中（{0}），不会写入设置文件或日志。")
                                      .format(ctx.credentials.name))
            self.keep_memory.hide()
            self.keep_none.hide()
        else:
            self.keyring_note.setText(self.tr("本机没有可用的系统钥匙串（密码保管服务），无法长期保存密码。请选择："))
            self.keyring_note.setStyleSheet("color: #b36b00;")
        if not ctx.demo and not ctx.credentials_known:   # the keyring is still being asked, in a task
            self.keyring_note.setText(self.tr("正在查看系统钥匙串…"))
            self.keyring_note.setStyleSheet("")
            self.keep_memory.hide()
            self.keep_none.hide()
            ctx.credentials_checked.connect(self._keyring_answered)

        self.ext_code = QLineEdit(s.ext_code, self)
        self.ext_code.setPlaceholderText(self.tr("可不填；只能是数字"))
        form.addRow(self.tr("默认扩展号"), self.ext_code)
        self.poll = QSpinBox(self)
        self.poll.setRange(5, 3600)
        self.poll.setSuffix(self.tr(" 秒"))
        self.poll.setValue(int(s.poll_interval))
        form.addRow(self.tr("报告/回复拉取间隔"), self.poll)
        self.threshold = QSpinBox(self)
        self.threshold.setRange(0, 100_000_000)
        self.threshold.setSuffix(self.tr(" 条"))
        self.threshold.setValue(int(s.balance_threshold))
        form.addRow(self.tr("余额提醒阈值"), self.threshold)
        self.test_numbers = QLineEdit(", ".join(s.test_numbers), self)
        self.test_numbers.setObjectName("testNumbersEdit")
        self.test_numbers.setPlaceholderText(self.tr("自己的手机号，多个用逗号分隔"))
        form.addRow(self.tr("测试号码"), self.test_numbers)
        self.quiet_start = QTimeEdit(QTime.fromString(s.quiet_start, "HH:mm"), self)
        self.quiet_end = QTimeEdit(QTime.fromString(s.quiet_end, "HH:mm"), self)
        for w in (self.quiet_start, self.quiet_end):
            w.setDisplayFormat("HH:mm")
        quiet = QHBoxLayout()
        quiet.addWidget(self.quiet_start)
        quiet.addWidget(QLabel(self.tr("至"), self))
        quiet.addWidget(self.quiet_end)
        quiet.addStretch(1)
        form.addRow(self.tr("免打扰时段"), _wrap(quiet, self))
        self.unconfirmed = QSpinBox(self)
        self.unconfirmed.setObjectName("unconfirmedHoursSpin")
        self.unconfirmed.setRange(1, 24 * 365)
        self.unconfirmed.setSuffix(self.tr(" 小时"))
        self.unconfirmed.setValue(int(getattr(s, "unconfirmed_after_hours", 72)))
        self.unconfirmed.setToolTip(self.tr("“结果未知”的批次超过这么久仍没有状态报告，活动详情会提示并提供“重发未确认号码”"))
        form.addRow(self.tr("未确认批次提醒"), self.unconfirmed)

        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("测试连接"), self)
        self.test_button.setObjectName("testConnectionButton")
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel(self)
        self.test_result.setObjectName("testResultLabel")
        self.test_result.setWordWrap(True)
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        if not ctx.demo:   # 团队: a PostgreSQL database shared with colleagues (ui/team_dialog.py)
            self.team_button = QPushButton(self.tr("团队…"), self)
            self.team_button.setObjectName("teamButton")
            self.team_button.setToolTip(self.tr("与同事共用一个数据库：数据库地址、测试连接、升级数据库"))
            self.team_button.clicked.connect(self._open_team)
            test_row.addWidget(self.team_button)
        root.addLayout(test_row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self._save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self._save_button.setText(self.tr("保存"))
        self._save_button.setEnabled(ctx.demo or ctx.credentials_known)   # where the password goes is known
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        if first_start and not ctx.demo:
            demo = QPushButton(self.tr("试用演示"), self)
            demo.setObjectName("tryDemoButton")
            demo.setToolTip(self.tr("启动内置的网关模拟器，用演示账号体验完整流程，不会发出真实短信"))
            demo.clicked.connect(self._demo)
            buttons.addButton(demo, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        root.addWidget(buttons)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("settingsErrorLabel")
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.setWordWrap(True)
        root.addWidget(self.error_label)

    # -- actions ---------------------------------------------------------------------------------
    def _keyring_answered(self) -> None:
        """The start-up keyring check answered while the dialog was open: say where the password goes."""
        self.ctx.credentials_checked.disconnect(self._keyring_answered)
        if self.ctx.keyring_is_system:
            self.keyring_note.setText(self.tr("密码只保存在系统钥匙串中（{0}），不会写入设置文件或日志。")
                                      .format(self.ctx.credentials.name))
        else:
            self.keyring_note.setText(self.tr("本机没有可用的系统钥匙串（密码保管服务），无法长期保存密码。请选择："))
            self.keyring_note.setStyleSheet("color: #b36b00;")
            self.keep_memory.show()
            self.keep_none.show()
        if self.ctx.has_password() and self.account.text().strip() == self.ctx.settings.account:
            self.password.setPlaceholderText(self.tr("已保存（不修改请留空）"))
        self._save_button.setEnabled(True)

    def _demo(self) -> None:
        self.demo_requested.emit()
        self.reject()

    def test_connection(self) -> None:
        base_url = self.base_url.text().strip() or DEFAULT_BASE_URL
        account = self.account.text().strip()
        typed = self.password.text()
        stored = account == self.ctx.settings.account and self.ctx.has_password()
        if not account or not (typed or stored):
            self._show_test(False, self.tr("请先填写账号和密码"))
            return
        self.test_button.setEnabled(False)
        self._show_test(None, self.tr("正在连接……"))
        creds = self.ctx.credentials

        def work(task_ctx):
            password = typed or (creds.get_password(account) if creds is not None else None)   # keyring: here
            if not password:
                raise CredentialError("钥匙串中没有这个账号的密码，请重新填写",
                                      "The keyring holds no password for this account; please type it again.")
            from ..api import LjClient   # requests: loaded when first needed, not before the first paint

            with LjClient(base_url, account, password, timeout=10.0, retries=1) as client:
                return client.balance()

        self.ctx.tasks.run("test-connection", work, key="test-connection", owner=self, on_success=self._tested,
                           on_error=self._test_failed)

    def _tested(self, n: int) -> None:
        self.test_button.setEnabled(True)
        self._show_test(True, self.tr("连接成功：剩余 {0} 条").format(n))

    def _test_failed(self, error: TaskError) -> None:
        self.test_button.setEnabled(True)
        code = self.tr("（代码 {0}）").format(error.code) if error.code else ""
        self._show_test(False, self.tr("连接失败：") + wording.message(error) + code)

    def _show_test(self, ok: bool | None, text: str) -> None:
        color = {True: "#1e8449", False: "#c0392b", None: ""}[ok]
        self.test_result.setStyleSheet(f"color: {color};" if color else "")
        self.test_result.setText(text)

    def _validate(self) -> str | None:
        url = self.base_url.text().strip()
        if url and not url.startswith(("http://", "https://")):
            return self.tr("网关地址应以 http:// 或 https:// 开头")
        if not self.account.text().strip():
            return self.tr("请填写账号")
        ext = self.ext_code.text().strip()
        if ext and not (ext.isascii() and ext.isdigit()):
            return self.tr("扩展号只能是数字")
        bad = [n for n in split_number_list(self.test_numbers.text()) if not normalize_mobile(n).ok]
        if bad:
            return self.tr("测试号码无效：{0}").format(self.tr("、", "list separator").join(bad[:3]))
        return None

    def _open_team(self) -> None:
        from .team_dialog import TeamDialog

        TeamDialog(self.ctx, self).open()

    def accept(self) -> None:
        problem = self._validate()
        if problem:
            self.error_label.setText(problem)
            return
        ctx = self.ctx
        old_account = ctx.settings.account
        account = self.account.text().strip()
        typed = self.password.text()
        if typed and not ctx.keyring_is_system:
            if self.keep_none.isChecked():
                typed = ""
            else:
                ctx.use_memory_credentials()
        creds = ctx.credentials
        ask_old = bool(old_account and old_account != account and creds is not None)
        if creds is None or not (typed or ask_old):
            self._save(account)
            return

        def work(t):   # the keyring, off the GUI thread
            if typed:
                creds.set_password(account, typed)
            try:
                old_stored = ask_old and creds.get_password(old_account) is not None
            except CredentialError:
                old_stored = False
            return bool(typed), old_stored

        self._save_button.setEnabled(False)
        self.ctx.tasks.run("settings-save", work, key="settings-save", owner=self,
                           on_success=lambda r: self._stored(account, old_account, creds, *r),
                           on_error=self._store_failed)

    def _stored(self, account: str, old_account: str, creds, stored: bool, old_stored: bool) -> None:
        self._save_button.setEnabled(True)
        if stored:
            self.ctx.note_password(account, True)
        if old_stored:
            answer = QMessageBox.question(self, self.tr("更换账号"),
                                          self.tr("是否从钥匙串中删除旧账号 {0} 的密码？").format(old_account))
            if answer == QMessageBox.StandardButton.Yes:
                self.ctx.tasks.run("keyring-delete", lambda t: creds.delete_password(old_account),
                                   on_error=lambda e: None)   # nothing more to do: the entry stays
        self._save(account)

    def _store_failed(self, error: TaskError) -> None:
        self._save_button.setEnabled(True)
        self.error_label.setText(self.tr("无法把密码存入系统钥匙串：{0}。可选择“只在本次运行期间记住”。")
                                 .format(wording.message(error)))
        self.ctx.use_memory_credentials()
        self.keep_memory.show()
        self.keep_none.show()

    def _save(self, account: str) -> None:
        s = self.ctx.settings
        s.base_url = self.base_url.text().strip() or DEFAULT_BASE_URL
        s.account = account
        s.ext_code = self.ext_code.text().strip()
        s.poll_interval = self.poll.value()
        s.balance_threshold = self.threshold.value()
        s.test_numbers = [normalize_mobile(n).mobile for n in split_number_list(self.test_numbers.text())]
        s.quiet_start = self.quiet_start.time().toString("HH:mm")
        s.quiet_end = self.quiet_end.time().toString("HH:mm")
        s.unconfirmed_after_hours = self.unconfirmed.value()
        self.ctx.save_settings()
        super().accept()


def _wrap(layout, parent) -> QWidget:
    w = QWidget(parent)
    layout.setContentsMargins(0, 0, 0, 0)
    w.setLayout(layout)
    return w
