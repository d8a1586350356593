"""设置 → 团队…: share one PostgreSQL database with colleagues on the same account (or keep this computer's own file).

The address is saved in settings.json *without* its password; the password goes to the keyring (service
``ljsms-desktop``, user ``db:<user>@<host>:<port>/<database>``), never to the settings file or the log. 测试连接
and 升级数据库 run in tasks. Saving points the data folder at the database (``team.register``), restarts the
poller and the live feed and reloads every view.
"""

from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from .. import team
from ..changes import Changes
from ..jobs import TaskError
from . import wording
from .context import AppContext


class TeamDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("teamDialog")
        self.setWindowTitle(self.tr("团队（共用数据库）"))
        root = QVBoxLayout(self)
        intro = QLabel(self.tr("同一账号的几位同事可以共用一个 PostgreSQL 数据库：每个人都能看到全部发送记录、状态报告和回复，"
                               "同一批号码绝不会被两台电脑重复发送。留空则只用本机的数据文件。"), self)
        intro.setWordWrap(True)
        root.addWidget(intro)
        form = QFormLayout()
        root.addLayout(form)
        self.url = QLineEdit(ctx.settings.database_url, self)
        self.url.setObjectName("databaseUrlEdit")
        self.url.setPlaceholderText("postgresql://用户名@服务器:5432/ljsms")
        form.addRow(self.tr("数据库地址"), self.url)
        self.password = QLineEdit(self)
        self.password.setObjectName("databasePasswordEdit")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("数据库密码（存入系统钥匙串；不修改请留空）"))
        form.addRow(self.tr("数据库密码"), self.password)
        row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("测试连接"), self)
        self.test_button.setObjectName("testDatabaseButton")
        self.test_button.clicked.connect(self.test)
        self.migrate_button = QPushButton(self.tr("升级数据库"), self)
        self.migrate_button.setObjectName("migrateDatabaseButton")
        self.migrate_button.setToolTip(self.tr("建立或升级数据库中的表（其他电脑仍可同时使用）"))
        self.migrate_button.clicked.connect(self.migrate)
        row.addWidget(self.test_button)
        row.addWidget(self.migrate_button)
        row.addStretch(1)
        root.addLayout(row)
        self.result = QLabel(self)
        self.result.setObjectName("databaseResultLabel")
        self.result.setWordWrap(True)
        root.addWidget(self.result)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        root.addWidget(buttons)
        self.saved = False

    # -- the address with its password (the typed one, else the keyring's), read in a task --------------
    def _address(self) -> tuple[str, str] | None:
        text = self.url.text().strip()
        if text and not team.is_database_url(text):
            self._say(self.tr("数据库地址应以 postgresql:// 开头，例如 postgresql://ljsms@192.168.1.10:5432/ljsms"), False)
            return None
        return text, self.password.text()

    def _full_url(self, text: str, typed: str, creds) -> str:
        bare, inline = team.split_password(text)
        return team.with_password(bare, typed or inline or team.password_of(bare, creds))

    def _say(self, text: str, ok: bool) -> None:
        self.result.setText(text)
        self.result.setStyleSheet("" if ok else "color: #c0392b;")

    def _run(self, name: str, fn) -> None:
        address = self._address()
        if address is None or not address[0]:
            if address is not None:
                self._say(self.tr("请先填写数据库地址。"), False)
            return
        text, typed = address
        creds = self.ctx.credentials
        self._say(self.tr("正在连接…"), True)

        def work(_t):
            return fn(self._full_url(text, typed, creds))

        self.ctx.tasks.run(name, work, key=name, owner=self, on_success=self._checked, on_error=self._failed)

    def test(self) -> None:
        self._run("team-test", team.check)

    def migrate(self) -> None:
        self._run("team-migrate", team.migrate)

    def _checked(self, check: team.Check) -> None:
        self._say(check.message_en if wording.english() else check.message_zh, check.ok)
        self.migrate_button.setEnabled(not check.ok or check.needs_migration or check.version == 0)

    def _failed(self, error: TaskError) -> None:
        self._say(wording.message(error), False)

    # -- save -----------------------------------------------------------------------------------------
    def accept(self) -> None:
        address = self._address()
        if address is None:
            return
        text, typed = address
        bare, inline = team.split_password(text)
        typed = typed or inline or ""
        creds, home = self.ctx.credentials, self.ctx.home

        def work(_t):   # the keyring and the first connection, off the GUI thread
            if typed and bare and creds is not None:
                creds.set_password(team.keyring_user(bare), typed)
            url = team.register(home, bare, creds) if bare else team.register(home, "", None)
            if bare and typed and creds is None:   # no keyring at all: this run only
                url = team.register(home, team.with_password(bare, typed), None)
            return team.check(url) if url else None

        self.ctx.tasks.run("team-save", work, key="team-save", owner=self,
                           on_success=lambda check: self._saved(bare, check), on_error=self._failed)

    def _saved(self, bare: str, check) -> None:
        self.ctx.settings.database_url = bare
        self.ctx.save_settings()
        self.saved = True
        from ..jobs.live import restart_live
        from ..jobs.poller import restart_poller

        restart_poller(self.ctx)
        restart_live(self.ctx)
        self.ctx.notify(Changes(campaigns=True, reports=True, replies=True, suppression=True, templates=True))
        if check is not None and not check.ok:
            self._say(self.tr("已保存，但现在连不上数据库：{0}。已显示的内容仍可查看，发送会被拒绝并说明原因。")
                      .format(check.message_en if wording.english() else check.message_zh), False)
            return
        super().accept()
