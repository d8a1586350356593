"""``python -m ljsms_desktop.simulator``: run the simulated gateway until Ctrl-C / SIGTERM.

``build_parser()`` / ``add_arguments(parser)`` / ``run(args)`` are reusable by ``ljsms simulate``.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from .config import CLI_REPLY_DELAY, CLI_REPORT_DELAY, SimConfig
from .server import Simulator


def _template(text: str) -> tuple[str, str]:
    tid, sep, body = text.partition("=")
    if not sep or not tid.strip() or not body:
        raise argparse.ArgumentTypeError(f"模板格式应为 ID=内容 (expected ID=TEXT): {text!r}")
    return tid.strip(), body


def _rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是数字 (not a number): {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"比例应在 0 到 1 之间 (must be 0..1): {text}")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是数字 (not a number): {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"不能为负数 (must not be negative): {text}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    d = SimConfig()
    a = parser.add_argument
    a("--host", default="127.0.0.1", help="监听地址 (listen address), default 127.0.0.1")
    a("--port", type=int, default=8765, help="端口, 0 = 任选空闲端口 (0 = any free port), default 8765")
    a("--account", default=d.account, help="账号 (account), default %(default)s")
    a("--password", default="demo", help="密码 (password), default demo")
    a("--balance", type=int, default=d.balance, help="初始余额/条 (starting balance), default %(default)s")
    a("--template", action="append", type=_template, default=[], metavar="ID=TEXT",
      help="报备模板, 可重复 (registered template, repeatable), e.g. 1='【联江】验证码{}'")
    a("--signature", action="append", default=None, metavar="SIGN",
      help="已审核签名, 可重复; 不填则接受任意【…】 (approved signature, repeatable; default any)")
    a("--report-delay", type=_seconds, default=CLI_REPORT_DELAY, metavar="S",
      help="状态报告延迟秒数 (report delay), default %(default)s")
    a("--reply-delay", type=_seconds, default=CLI_REPLY_DELAY, metavar="S",
      help="回复在报告后的秒数 (reply delay after the report), default %(default)s")
    a("--deliver-rate", type=_rate, default=d.deliver_rate, metavar="R", help="成功率, default %(default)s")
    a("--reply-rate", type=_rate, default=d.reply_rate, metavar="R", help="回复率, default %(default)s")
    a("--optout-rate", type=_rate, default=d.optout_rate, metavar="R", help="回复中退订比例, default %(default)s")
    a("--busy-rate", type=_rate, default=0.0, metavar="R", help="返回 49999 繁忙的比例 (busy share)")
    a("--drop-rate", type=_rate, default=0.0, metavar="R",
      help="发送被接受但断开连接不回答的比例 (accepted-then-dropped share)")
    a("--delay", type=_seconds, default=0.0, metavar="S", help="每次回答前等待秒数 (answer delay)")
    a("--pull-size", type=int, default=d.pull_size, metavar="N", help="每次拉取上限, default %(default)s")
    a("--seed", type=int, default=None, metavar="N", help="随机种子, 结果可重现 (random seed)")
    a("--string-codes", action="store_true", help="code 以字符串返回 (answer code as a string)")
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ljsms_desktop.simulator",
        description="联江网关模拟器 — a simulated 联江·云通讯 SMS gateway for rehearsals and tests")
    return add_arguments(parser)


def config_from_args(args: argparse.Namespace) -> SimConfig:
    return SimConfig(
        account=args.account, password=args.password, balance=args.balance,
        templates=dict(args.template), signatures=args.signature,
        report_delay=args.report_delay, reply_delay=args.reply_delay,
        deliver_rate=args.deliver_rate, reply_rate=args.reply_rate, optout_rate=args.optout_rate,
        busy_rate=args.busy_rate, drop_rate=args.drop_rate, delay=args.delay,
        pull_size=max(1, args.pull_size), seed=args.seed, string_codes=args.string_codes)


def _say(text: str) -> None:
    try:
        print(text, flush=True)
    except UnicodeEncodeError:  # a console that cannot show Chinese
        print(text.encode("ascii", "replace").decode("ascii"), flush=True)


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C or SIGTERM; returns the exit status."""
    try:
        sim = Simulator(config_from_args(args), host=args.host, port=args.port).start()
    except OSError as exc:
        _say(f"模拟器无法启动: 无法监听 {args.host}:{args.port} ({exc.strerror or exc}) "
             f"(cannot listen there; try another --port)")
        return 2
    stop = threading.Event()
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, getattr(signal, "SIGTERM", None), getattr(signal, "SIGBREAK", None)):
            if sig is not None:
                signal.signal(sig, lambda *_: stop.set())
    _say(f"联江网关模拟器已启动: {sim.base_url} (account {sim.config.account})")
    _say("按 Ctrl-C 停止 (press Ctrl-C to stop)")
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        sim.stop()
    _say("模拟器已停止 (simulator stopped)")
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(build_parser().parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
