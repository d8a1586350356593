"""``ljsms``: the command line. It drives the same engine, store and client as the window."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
import traceback

from . import __version__
from .commands.context import EXIT_BROKEN_PIPE, EXIT_FAILED, EXIT_INTERRUPTED, EXIT_USAGE, CliError, Context
from .store.errors import StoreError

# Each module in ljsms_desktop/commands/ with a register(subparsers) function.
COMMAND_MODULES = [
    "account",
    "simulate",
    "check",
    "campaign", "pull", "suppress", "results",
    "export",
    "backup",
]

EPILOG = """\
退出状态 (exit status):
  0    成功 (success)
  1    失败：网关拒绝、发送中止或操作出错 (failed: refused by the gateway, campaign stopped)
  2    用法错误：参数不对、缺少账号或密码、文件无法读取 (usage: bad arguments, no password, bad file)
  3    已完成，但有批次状态“未知”（可能已发出），见 ljsms status (finished with unknown batches)
  130  被中断 (interrupted, Ctrl-C)
  141  输出管道已被关闭，例如 | head (the reader of the output went away)

环境变量 (environment):
  LJSMS_PASSWORD  网关密码（否则从系统钥匙串读取，服务名 ljsms-desktop，用户名为账号）
  LJSMS_ACCOUNT   账号；LJSMS_BASE_URL 网关地址；LJSMS_HOME 数据文件夹
"""


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line usage error (status 2) instead of the usage block and a second line."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(EXIT_USAGE, f"错误：{message}（用法见 {self.prog} --help）\n")


# Arguments that are text to send or names, never file paths: bytes that are not UTF-8 in them
# (surrogate-escaped by Python) are refused at once instead of failing deep inside.
_TEXT_ARGS = ("content", "template", "template_id", "to", "account", "base_url", "name", "reason", "sheet",
              "mobile_column", "numbers")


def _undecodable_argument(args: argparse.Namespace) -> str | None:
    """The option whose text holds bytes that are not UTF-8 (a wrongly encoded terminal or script), if any."""
    for dest in _TEXT_ARGS:
        value = getattr(args, dest, None)
        values = value if isinstance(value, list) else [value]
        for v in values:
            if isinstance(v, str) and any("\udc80" <= ch <= "\udcff" for ch in v):
                if dest == "numbers" and os.path.exists(v):  # a file whose name is not UTF-8: allowed
                    continue
                return dest
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ljsms", description="联江短信命令行：余额、群发、模板群发、状态报告与上行回复。",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"ljsms {__version__}")
    parser.add_argument("--base-url", help="网关地址，例如 http://api.ljioe.cn/api/v1（默认取设置）")
    parser.add_argument("--account", help="账号（默认取设置或 LJSMS_ACCOUNT）")
    parser.add_argument("-v", "--verbose", action="store_true", help="在标准错误输出显示调试日志")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__package__}.commands.{name}").register(sub)
    return parser


def _setup_logging(verbose: bool) -> None:
    """The rotating, redacting log shared with the window (``logs``); ``-v`` adds DEBUG on stderr."""
    from .logs import setup_logging

    setup_logging(debug=verbose, stderr=verbose)


def main(argv: list[str] | None = None) -> int:
    # A log file that cannot be written (the disk is full) must not print logging's own tracebacks
    # on stderr: the user gets the one message about the cause.
    logging.raiseExceptions = False
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # --help, --version, or argparse's own usage error (status 2)
        return int(e.code or 0)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    bad = _undecodable_argument(args)
    if bad is not None:
        option = bad if bad in ("campaign", "file", "numbers", "what") else "--" + bad.replace("_", "-")
        print(f"错误：{option} 中有不是 UTF-8 编码的字节，无法使用。请把终端或脚本改用 UTF-8 编码后重试"
              "（例如 LANG=zh_CN.UTF-8）", file=sys.stderr, flush=True)
        return EXIT_USAGE
    ctx = Context(args)
    try:
        _setup_logging(args.verbose)
        logging.getLogger("ljsms_desktop.cli").info("ljsms %s: %s", __version__, args.command)
        ctx.settings  # noqa: B018 - read settings.json (and check schedules.json) once: what cannot be used is said
        return int(args.handler(args, ctx) or 0)
    except CliError as e:
        ctx.err(f"错误：{e.message_zh}")
        return e.exit_code
    except StoreError as e:  # the data file: worded by commands.backup (names `ljsms restore` where it helps)
        from .commands.backup import store_error_text, usage_error

        ctx.err(f"错误：{store_error_text(e)}")
        return EXIT_USAGE if usage_error(e) else EXIT_FAILED
    except KeyboardInterrupt:
        ctx.err("已中断。已保存的进度不会丢失，可用 ljsms resume 继续。")
        return EXIT_INTERRUPTED
    except OverflowError:  # a number too large for the data file (e.g. a campaign id of 2**70)
        ctx.err("错误：输入的数字太大，超出了允许的范围")
        return EXIT_USAGE
    except UnicodeError:  # text that cannot be encoded, from a file or an environment variable
        ctx.err("错误：输入中有无法识别的字符编码（不是 UTF-8）。请检查终端、脚本或文件的编码后重试")
        return EXIT_USAGE
    except BrokenPipeError:  # `ljsms campaigns --json | head`: the reader has what it wanted; stop quietly
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as e:  # noqa: BLE001 - the last line of defence: no raw traceback for users
        message = getattr(e, "message_zh", None)
        if message:
            from .api.errors import LjLimitError

            code = getattr(e, "code", 0)
            suffix = f"（代码 {code}）" if code else ""
            ctx.err(f"错误：{message}{suffix}")
            return EXIT_USAGE if isinstance(e, LjLimitError) or getattr(e, "usage", False) else EXIT_FAILED
        logging.getLogger("ljsms_desktop").error("unexpected error\n%s", traceback.format_exc())
        from . import paths

        ctx.err(f"内部错误：{type(e).__name__}。详情已写入日志 {paths.log_path()}，请把它发给技术支持。")
        return EXIT_FAILED
    finally:
        ctx.close()


def _silence_stdout() -> None:
    """Point stdout at the null device, so that the interpreter's last flush at exit does not hit the
    closed pipe again (the way the Python documentation advises for SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file descriptor (tests, embedded use)
        pass


if __name__ == "__main__":
    sys.exit(main())
