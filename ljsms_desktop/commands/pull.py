"""``ljsms pull`` and ``ljsms watch``: fetch delivery reports and replies into the local store.

The gateway hands each report and reply out once; every pull is stored (one transaction) before
the next one is asked for. Opt-out replies (退订/TD/T/…) put the number on the suppression list.
"""

from __future__ import annotations

import threading

from .context import EXIT_FAILED, EXIT_OK, CliError


def register(sub) -> None:
    p = sub.add_parser("pull", help="拉取状态报告和上行回复（直到网关没有新数据），保存到本机")
    p.add_argument("--json", action="store_true", help="以 JSON 输出本次拉取的数量")
    p.set_defaults(handler=run_pull)

    p = sub.add_parser("watch", help="每隔一段时间拉取一次状态报告和回复，直到按 Ctrl-C")
    p.add_argument("--interval", type=float, default=30.0, metavar="S", help="拉取间隔（秒，默认 30）")
    p.add_argument("--count", type=int, default=0, metavar="N", help="拉取 N 次后结束（默认一直拉取）")
    p.set_defaults(handler=run_watch)


def _poller(ctx, interval: float = 30.0):
    from ..engine import Poller

    store = ctx.store()
    return Poller(lambda: store, ctx.client(), interval)


def run_pull(args, ctx) -> int:
    from dataclasses import asdict

    from ..api.errors import LjError
    from ..store import StoreError

    poller = _poller(ctx)
    try:
        result = poller.poll_once()
    except (LjError, StoreError) as e:
        raise CliError(f"拉取失败：{e}（已拉取的部分已保存）", EXIT_FAILED) from None
    if ctx.json:
        ctx.print_json(asdict(result))
    else:
        ctx.out(result.summary_zh())
    return EXIT_OK


def run_watch(args, ctx) -> int:
    stop = threading.Event()
    polls = [0]

    def on_poll(result) -> None:
        from ..store.models import now_text

        ctx.out(f"[{now_text()}] {result.summary_zh()}")
        polls[0] += 1
        if args.count and polls[0] >= args.count:
            stop.set()

    def on_error(text: str) -> None:
        ctx.err(f"拉取出错：{text}（{args.interval:g} 秒后重试）")
        polls[0] += 1
        if args.count and polls[0] >= args.count:
            stop.set()

    poller = _poller(ctx, args.interval)
    poller.on_poll, poller.on_error = on_poll, on_error
    ctx.err(f"每 {args.interval:g} 秒拉取一次状态报告和回复，按 Ctrl-C 结束")
    try:
        poller.run(stop)
    except KeyboardInterrupt:
        ctx.err("已停止拉取")
    return EXIT_OK
