"""``ljsms pull`` and ``ljsms watch``: fetch delivery reports and replies into the local store.

The gateway hands each report and reply out once; every pull is asked for under the database's
write lock and stored (one transaction) before the next one; a pull that cannot be stored is kept
in the spool file and stored first next time (see engine.poller). Opt-out replies (退订/TD/T/…)
put the number on the suppression list. Only one poller per account and data folder pulls: a
second one says so and pulls nothing.
"""

from __future__ import annotations

import signal
import sys
import threading

from .context import EXIT_FAILED, EXIT_OK, CliError


def _on_sigterm(stop) -> object:
    """SIGTERM stops after the pull in flight is stored (a kill -9 still can lose that one pull)."""
    if threading.current_thread() is not threading.main_thread() or sys.platform == "win32":
        return None
    return signal.signal(signal.SIGTERM, lambda *_: stop())


def _restore_sigterm(previous) -> None:
    if previous is not None:
        signal.signal(signal.SIGTERM, previous)


def register(sub) -> None:
    p = sub.add_parser("pull", help="拉取状态报告和上行回复（直到网关没有新数据），保存到本机")
    p.add_argument("--json", action="store_true", help="以 JSON 输出本次拉取的数量")
    p.add_argument("--wait", type=float, default=None, metavar="S",
                   help="数据文件正被其他程序写入时，最多等待多少秒再放弃（默认 10；放弃时不会拉取，网关上的数据不会丢失）")
    p.set_defaults(handler=run_pull)

    p = sub.add_parser("watch", help="每隔一段时间拉取一次状态报告和回复，直到按 Ctrl-C")
    p.add_argument("--interval", type=float, default=30.0, metavar="S", help="拉取间隔（秒，默认 30）")
    p.add_argument("--count", type=int, default=0, metavar="N", help="拉取 N 次后结束（默认一直拉取）")
    p.add_argument("--wait", type=float, default=None, metavar="S", help="数据文件被占用时每次最多等待的秒数（默认 10）")
    p.set_defaults(handler=run_watch)


def _poller(ctx, interval: float = 30.0):
    from ..engine import Poller
    from ..engine import poller as _p

    client = ctx.client()
    store = ctx.store()
    wait = getattr(ctx.args, "wait", None)
    return Poller(lambda: store, client, interval, max_pulls=_p.MAX_PULLS,
                  lock_wait=_p.LOCK_WAIT if wait is None else max(0.0, wait))


def _failed(poller, e: Exception) -> CliError:
    """The one-line message for a pull that stopped; what was pulled is stored or kept in the spool."""
    from ..store import spool

    kept = poller.pending_items
    if kept:
        where = spool.path_for(poller.store().path)
        saved = f"已拉取但未能存入的 {kept} 条已暂存到 {where}，下次运行时会先存入"
    else:
        saved = "已拉取的部分已保存"
    lost = ""
    if poller.last_lost[0]:
        from ..engine.poller import lost_text_zh

        lost = "。" + lost_text_zh(*poller.last_lost)
    return CliError(f"拉取失败：{e}（{saved}）{lost}", EXIT_FAILED)


def run_pull(args, ctx) -> int:
    """Pull until the gateway has no data: another round while a poll ended at its pull limit and
    still brought new items; if the gateway keeps handing out what is already stored, say more is waiting."""
    from dataclasses import asdict, replace

    from ..api.errors import LjError
    from ..engine.poller import PollerBusyError
    from ..store import StoreError

    poller = _poller(ctx)
    total = None
    previous = _on_sigterm(poller.stop)
    try:
        while True:
            result = poller.poll_once()
            total = result if total is None else _sum(total, result)
            if not result.more_waiting or not (result.new_reports or result.new_replies):
                break
            ctx.err(f"已拉取 {total.pulls} 次，网关上还有数据，继续拉取……")
        total = replace(total, more_waiting=result.more_waiting)
    except PollerBusyError as e:
        ctx.err(e.message_zh)
        return EXIT_OK
    except (LjError, StoreError) as e:
        raise _failed(poller, e) from None
    finally:
        _restore_sigterm(previous)
        poller.close()
    if ctx.json:
        ctx.print_json(asdict(total))
    else:
        ctx.out(total.summary_zh())
    return EXIT_OK


def _sum(a, b):
    """Two PollResults added up (booleans and the window: the later / the larger)."""
    from dataclasses import fields, replace

    changes = {}
    for f in fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, bool):
            changes[f.name] = y
        elif f.name == "window_ms":
            changes[f.name] = max(x, y)
        else:
            changes[f.name] = x + y
    return replace(a, **changes)


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
        kept = poller.pending_items
        extra = f"；已拉取但未能存入的 {kept} 条已暂存，会先存入" if kept else ""
        ctx.err(f"拉取出错：{text}（{args.interval:g} 秒后重试{extra}）")
        polls[0] += 1
        if args.count and polls[0] >= args.count:
            stop.set()

    poller = _poller(ctx, args.interval)
    poller.on_poll, poller.on_error = on_poll, on_error
    ctx.err(f"每 {args.interval:g} 秒拉取一次状态报告和回复，按 Ctrl-C 结束")

    def terminate() -> None:
        stop.set()
        poller.stop()

    previous = _on_sigterm(terminate)
    try:
        poller.run(stop)
    except KeyboardInterrupt:
        ctx.err("已停止拉取")
    finally:
        _restore_sigterm(previous)
    if stop.is_set() and not (args.count and polls[0] >= args.count):
        ctx.err("已停止拉取（已拉取的都已保存）")
    return EXIT_OK
