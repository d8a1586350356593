"""What every ``ljsms`` subcommand gets: the account, a client, the store, and output helpers."""

from __future__ import annotations

import json
import os
import sys
from typing import Any, TextIO

from .. import paths
from ..settings import Settings

# Exit statuses (documented in ``ljsms --help``).
EXIT_OK = 0
EXIT_FAILED = 1        # the gateway refused, a campaign stopped, an operation failed
EXIT_USAGE = 2         # bad arguments, missing password or account, unreadable file
EXIT_ATTENTION = 3     # finished, but some batches are "unknown" (may have been sent): see `ljsms status`
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # the reader of our output went away (`ljsms campaigns --json | head`): 128 + SIGPIPE


class CliError(Exception):
    """A clean failure: the message is shown as it is, the process exits with ``exit_code``."""

    def __init__(self, message_zh: str, exit_code: int = EXIT_FAILED):
        self.message_zh = message_zh
        self.exit_code = exit_code
        super().__init__(message_zh)


class Context:
    def __init__(self, args: Any, *, stdout: TextIO | None = None, stderr: TextIO | None = None,
                 stdin: TextIO | None = None):
        self.args = args
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self.stdin = stdin or sys.stdin
        self._settings: Settings | None = None
        self._client = None
        self._store = None
        self._password: str | None = None
        self._services = None

    # -- account -------------------------------------------------------------------------------
    @property
    def settings(self) -> Settings:
        if self._settings is None:
            try:
                self._settings = Settings.load()
            except OSError as e:   # the data folder itself cannot be made (a file in the way, no permission)
                raise CliError(f"无法使用数据文件夹 {e.filename or ''}：{e.strerror}", EXIT_FAILED) from None
            self._tell_file_notices()
        return self._settings

    def _tell_file_notices(self) -> None:
        """Once per run: settings.json or schedules.json had parts that could not be used (kept aside)."""
        from ..engine.schedule import ScheduleBook
        from .files import schedule_notice_text, settings_notice_text

        for notice in self._settings.notices:
            self.err(f"警告：{settings_notice_text(notice)}")
        try:
            schedule_notices = ScheduleBook(paths.data_dir()).notices
        except OSError:
            schedule_notices = []
        for notice in schedule_notices:
            self.err(f"警告：{schedule_notice_text(notice)}")

    @property
    def base_url(self) -> str:
        return getattr(self.args, "base_url", None) or os.environ.get("LJSMS_BASE_URL") or self.settings.base_url

    @property
    def account(self) -> str:
        account = getattr(self.args, "account", None) or os.environ.get("LJSMS_ACCOUNT") or self.settings.account
        if not account:
            raise CliError("没有设置账号：请用 --account 指定，或设置环境变量 LJSMS_ACCOUNT，"
                           "或运行 ljsms login 保存账号", EXIT_USAGE)
        return account

    def password(self) -> str:
        if self._password is None:
            self._password = self._find_password()
        return self._password

    def _find_password(self) -> str:
        password = os.environ.get("LJSMS_PASSWORD")
        if password:
            return password
        from ..credentials import CredentialError, system_credentials

        creds = system_credentials()
        if creds is not None:
            try:
                password = creds.get_password(self.account)
            except CredentialError as e:
                raise CliError(f"{e.message_zh}；可改用环境变量 LJSMS_PASSWORD 提供密码", EXIT_USAGE) from None
        if not password:
            where = "系统钥匙串中也没有" if creds is not None else "本机没有可用的系统钥匙串"
            raise CliError(f"找不到账号 {self.account} 的密码：环境变量 LJSMS_PASSWORD 未设置，{where}。"
                           "请设置 LJSMS_PASSWORD，或运行 ljsms login 把密码存入钥匙串", EXIT_USAGE)
        return password

    def client(self):
        if self._client is None:
            from ..api import LjClient

            self._client = LjClient(self.base_url, self.account, self.password())
        return self._client

    def store(self):
        if self._store is None:
            from ..store import Store

            self._use_team_database()
            self._store = Store(paths.db_path())
        return self._store

    def _use_team_database(self) -> None:
        """The setting ``database_url`` (a team's PostgreSQL; LJSMS_DATABASE_URL wins, read by the store itself),
        its password from the keyring."""
        if getattr(self, "_team_done", False) or os.environ.get("LJSMS_DATABASE_URL"):
            return
        self._team_done = True
        url = self.settings.database_url
        if url:
            from .. import team
            from ..credentials import system_credentials

            team.register(paths.db_path().parent, url, system_credentials())

    def _daily_backup(self) -> None:
        """The day's automatic backup after a command used the store, when none was taken today
        (so it holds what the command did; a failed one is said, not fatal)."""
        from ..store import StoreError, backup, target

        if target.database_url(paths.db_path()):  # a team database: backed up on its server (pg_dump)
            return
        try:
            backup.daily_backup(paths.db_path())
        except (StoreError, OSError) as e:
            self.err(f"警告：自动备份失败：{getattr(e, 'message_zh', None) or e}")

    def services(self):
        """What the use cases (``ljsms_desktop.usecases``) need: the window builds the same from its context."""
        if self._services is None:
            from ..api import LjClient
            from ..store import Store
            from ..usecases import Services

            self._use_team_database()
            self._services = Services(open_store=lambda: Store(paths.db_path()),
                                      make_client=lambda: LjClient(self.base_url, self.account, self.password()))
        return self._services

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
        if self._store is not None and hasattr(self._store, "close"):
            self._store.close()
            self._daily_backup()

    # -- output --------------------------------------------------------------------------------
    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    def out(self, text: str = "") -> None:
        print(text, file=self.stdout, flush=True)

    def err(self, text: str = "", *, end: str = "\n") -> None:
        print(text, file=self.stderr, end=end, flush=True)

    def print_json(self, obj: Any) -> None:
        json.dump(obj, self.stdout, ensure_ascii=False, indent=2, default=str)
        self.stdout.write("\n")
        self.stdout.flush()

    def confirm(self, question: str) -> bool:
        """Ask a yes/no question on the terminal; ``--yes`` answers yes; no terminal means no answer."""
        if getattr(self.args, "yes", False):
            return True
        if not self.stdin.isatty():
            raise CliError("需要确认才能继续，但当前不是交互终端：确认无误后请加 --yes 重新运行", EXIT_USAGE)
        self.err(f"{question} [y/N] ", end="")
        answer = self.stdin.readline().strip().lower()
        return answer in {"y", "yes", "是", "好"}
