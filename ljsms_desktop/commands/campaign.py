"""``ljsms send``, ``template``, ``resume``, ``campaigns`` and ``status``: campaigns from the command line.

A send plans first (numbers normalised, invalid ones and duplicates dropped, suppressed numbers
skipped, parts and cost counted), shows the plan and the balance on stderr, and asks unless
``--yes``. Progress goes to stderr; the result to stdout (``--json``: the campaign's figures,
the same object ``ljsms status ID --json`` prints).
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading

from .context import EXIT_ATTENTION, EXIT_FAILED, EXIT_OK, EXIT_USAGE, CliError

EXIT_HELP = """\
退出状态 (exit status):
  0    全部批次已被网关接收或处理完 (every batch answered)
  1    失败：网关拒绝（密码、余额、签名等）、发送已停止，或未确认 (refused / stopped / not confirmed)
  2    用法错误：参数、内容或号码文件有问题 (bad arguments, content or number file)
  3    已发完，但有批次状态“未知”（可能已发出，不会自动重发），见 ljsms status
       (finished, but some batches are "unknown": they may have gone out; never resent automatically)
  130  被中断：进度已保存，可用 ljsms resume 继续 (interrupted; resume later)
"""


def register(sub) -> None:
    fmt = argparse.RawDescriptionHelpFormatter
    p = sub.add_parser("send", help="普通群发：同一内容发给多个号码", epilog=EXIT_HELP, formatter_class=fmt,
                       description="普通群发。先显示将发送的号码数、条数、费用和余额，确认后发送（--yes 跳过确认）。")
    p.add_argument("--content", required=True, help="短信内容（须带签名，如【联江科技】…）")
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--to", metavar="N,N,…", help="号码，用逗号（或空格、分号）分隔")
    src.add_argument("--numbers", metavar="FILE", help="号码文件：每行一个号码的 .txt，或 .csv/.xlsx/.xls/.ods 表格")
    src.add_argument("--failed-of", type=campaign_id, metavar="ID",
                     help="活动 ID 中发送失败或从未发出的号码（已送达、待回执和状态未知的不算；先运行 ljsms pull）")
    _common(p)
    p.set_defaults(handler=run_send)

    p = sub.add_parser("template", help="模板群发：每个号码填入自己的变量", epilog=EXIT_HELP, formatter_class=fmt,
                       description="模板群发。表格每行：手机号，变量1，变量2，……（依次填入模板中的 {}）。")
    p.add_argument("--template-id", required=True, metavar="ID", help="联江平台上的模板编号")
    p.add_argument("--template", required=True, metavar="TEXT", help="模板内容（与平台报备一致），{} 为变量")
    p.add_argument("--file", required=True, metavar="SHEET", help="表格文件：.csv/.xlsx/.xls/.ods（手机号列 + 变量列）")
    p.add_argument("--save-template", action="store_true", help="把模板编号和内容保存到本机模板列表")
    _common(p)
    p.set_defaults(handler=run_template)

    p = sub.add_parser("resume", help="继续发送已暂停、已停止或中断的活动（只发从未发出的批次）",
                       epilog=EXIT_HELP, formatter_class=fmt)
    p.add_argument("campaign", type=campaign_id, metavar="ID", help="活动编号（见 ljsms campaigns）")
    p.add_argument("--yes", "-y", action="store_true", help="不询问，直接继续")
    p.add_argument("--json", action="store_true", help="结束时以 JSON 输出活动统计")
    p.add_argument("--window", type=int, default=None, help=argparse.SUPPRESS)
    p.set_defaults(handler=run_resume)

    p = sub.add_parser("cancel", help="取消一个未发完的活动：剩余的批次不再发送（已发出的不受影响）")
    p.add_argument("campaign", type=campaign_id, metavar="ID", help="活动编号")
    p.add_argument("--yes", "-y", action="store_true", help="不询问，直接取消")
    p.add_argument("--json", action="store_true", help="结束时以 JSON 输出活动统计")
    p.set_defaults(handler=run_cancel)

    p = sub.add_parser("campaigns", help="列出所有群发活动及其统计")
    p.add_argument("--json", action="store_true", help="以 JSON 输出（活动统计的列表）")
    p.add_argument("--mine", action="store_true", help="只列出本机当前用户创建的活动（团队共用数据库时）")
    p.set_defaults(handler=run_campaigns)

    p = sub.add_parser("status", help="显示一个活动的统计：接收、送达、失败、回复、退订……")
    p.add_argument("campaign", type=campaign_id, metavar="ID", help="活动编号")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(handler=run_status)


def campaign_id(text: str) -> int:
    """argparse type of a campaign id: a positive integer the data file can hold (not 2**70)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"活动编号应是正整数，而不是“{text}”") from None
    if not 1 <= value <= 2 ** 63 - 1:
        raise argparse.ArgumentTypeError(f"没有编号为 {text} 的活动（编号是 1 到 {2 ** 63 - 1} 之间的整数）")
    return value


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--name", default="", help="活动名称（便于以后查找）")
    p.add_argument("--yes", "-y", action="store_true", help="不询问，直接发送")
    p.add_argument("--json", action="store_true", help="结束时以 JSON 输出活动统计（同 ljsms status --json）")
    p.add_argument("--window", type=int, default=None, help=argparse.SUPPRESS)  # requests in flight (tests)


# -- reading numbers -------------------------------------------------------------------------------
def _read_sheet(ctx, path: str, template: str | None = None):
    from ..sheets import SheetError, import_sheet
    from ..usecases import import_for_template

    try:
        return import_sheet(path) if template is None else import_for_template(path, template)
    except SheetError as e:
        raise CliError(e.message, EXIT_USAGE) from None
    except OSError as e:
        raise CliError(f"无法读取文件 {path}：{e.strerror or e}", EXIT_USAGE) from None


def _show_import(ctx, result) -> None:
    if result.invalid or result.duplicates:
        ctx.err(f"文件 {result.path.name}：共 {result.rows} 行，有效 {result.valid}，无效 {result.invalid}，"
                f"重复 {result.duplicates}（ljsms check 可列出每一行的问题）")


# -- plan, confirm, send -----------------------------------------------------------------------------
def _show_plan(ctx, plan, balance: int | None) -> None:
    ctx.err(plan.summary_zh())
    for w in plan.warnings:
        ctx.err(f"  注意：{w.message_zh}")
    if balance is not None:
        ctx.err(f"账户余额 {balance} 条，本次预计消耗 {plan.cost} 条" + ("" if plan.fits(balance) else "：余额不足"))


def _check_plan(plan) -> None:
    if plan.problems:
        raise CliError("无法发送：" + "；".join(p.message_zh for p in plan.problems), EXIT_USAGE)


def _plan_and_send(args, ctx, draft, on_created=None) -> int:
    """Show *draft* (a ``usecases.Draft``) and the balance, ask, then store and send it (``usecases.send_draft``).
    *on_created(campaign id)*: called once it is stored (``ljsms resend`` links it to the campaign it resends)."""
    from dataclasses import replace

    from ..usecases import RunHooks, send_draft

    plan = draft.plan
    _check_plan(plan)
    client = ctx.client()
    balance = client.balance()
    _show_plan(ctx, plan, balance)
    if not plan.fits(balance):
        raise CliError(f"余额不足：需要 {plan.cost} 条，账户剩余 {balance} 条。请充值后再发送", EXIT_FAILED)
    if not ctx.confirm(f"确认向 {len(plan.recipients)} 个号码发送（约 {plan.cost} 条）？"):
        raise CliError("未确认，没有发送任何短信", EXIT_FAILED)

    def created(cid: int) -> None:
        ctx.err(f"已创建活动 {cid}（扩展号 {ctx.store().campaign(cid).code}），开始发送……")
        if on_created is not None:
            on_created(cid)

    return _run(args, ctx, lambda control, hooks, **kw: send_draft(
        ctx.services(), replace(draft, name=args.name), control=control,
        hooks=replace(hooks, created=created), **kw))


def _run(args, ctx, send) -> int:
    """Run *send(control, hooks, **engine_options)* (a use case) with progress on stderr; words its outcome."""
    from ..engine import RunControl, notices
    from ..usecases import RunHooks

    control = RunControl()
    progress = _Progress(ctx)
    previous = _on_sigterm(control)
    kwargs = {} if getattr(args, "window", None) is None else {"window": args.window}
    try:
        # The run's own "stopped" notice is left out: the outcome below says why, once.
        outcome = send(control, RunHooks(progress=progress, notice=lambda n: None if n.code == notices.STOPPED_NOTICE
                                         else progress.notice(notices.zh(n))), **kwargs)
    finally:
        progress.close()
        _restore_sigterm(previous)
    stats, campaign_id = outcome.stats, outcome.campaign_id
    if ctx.json:
        ctx.print_json(stats.to_dict())
    else:
        _print_stats(ctx, stats)
    reason = notices.zh(outcome.stop) if outcome.stop is not None else ""
    # The figures above already name the reason ("已停止——…"): then it is not said a second time.
    why = "" if not ctx.json and stats.stop_reason else f"：{reason}"
    if outcome.closed:
        ctx.err(f"发送已停止{why}。没有发出任何短信，活动 {campaign_id} 已关闭（不会再发送）；问题解决后请重新发送")
        return EXIT_FAILED
    if outcome.state == "stopped":
        ctx.err(f"发送已停止{why}。问题解决后可用 ljsms resume {campaign_id} 继续")
        return EXIT_FAILED
    if outcome.state in ("paused", "cancelled"):
        ctx.err(f"发送已{'暂停' if outcome.state == 'paused' else '取消'}（{reason}）")
        return EXIT_FAILED
    if stats.unknown:
        ctx.err(f"注意：{stats.batch_states.get('unknown', 0)} 批（{stats.unknown} 个号码）状态未知——网关可能已接收，"
                "不会自动重发；收到它们的状态报告后会自动更正（ljsms pull）")
        return EXIT_ATTENTION
    return EXIT_OK


class _Progress:
    """Progress on stderr: one rewritten line on a terminal, a line per ~10% otherwise."""

    def __init__(self, ctx):
        self.ctx = ctx
        self.tty = ctx.stderr.isatty()
        self.last_decile = -1
        self.dirty = False

    def __call__(self, done_b: int, total_b: int, sent_n: int, total_n: int) -> None:
        text = f"进度：{done_b}/{total_b} 批，已发出 {sent_n}/{total_n} 个号码"
        if self.tty:
            self.ctx.err("\r" + text, end="")
            self.dirty = True
            return
        decile = (10 * done_b // total_b) if total_b else 10
        if decile != self.last_decile:
            self.last_decile = decile
            self.ctx.err(text)

    def notice(self, text: str) -> None:
        self.close()
        self.ctx.err(text)

    def close(self) -> None:
        if self.dirty:
            self.ctx.err("")
            self.dirty = False


def _on_sigterm(control):
    """SIGTERM pauses after the request in flight (the campaign stays resumable)."""
    if threading.current_thread() is not threading.main_thread() or sys.platform == "win32":
        return None
    return signal.signal(signal.SIGTERM, lambda *_: control.pause())


def _restore_sigterm(previous) -> None:
    if previous is not None:
        signal.signal(signal.SIGTERM, previous)


def run_send(args, ctx) -> int:
    from ..core.numbers import split_number_list
    from ..usecases import draft_plain

    suppressed = ctx.store().suppressed_mobiles()
    if args.to is not None:
        return _plan_and_send(args, ctx, draft_plain(args.content, split_number_list(args.to), suppressed=suppressed))
    if args.failed_of is not None:   # the window's 从以往活动选取 does the same
        from ..usecases import numbers_to_retry

        again = _refusal(numbers_to_retry, ctx.services(), args.failed_of)
        if not again:
            raise CliError(f"活动 {args.failed_of} 没有发送失败或从未发出的号码（状态报告可用 ljsms pull 拉取）", EXIT_FAILED)
        ctx.err(f"活动 {args.failed_of} 中发送失败或从未发出的号码：{len(again)} 个")
        return _plan_and_send(args, ctx, draft_plain(args.content, again, suppressed=suppressed))
    result = _read_sheet(ctx, args.numbers)
    _show_import(ctx, result)
    return _plan_and_send(args, ctx, draft_plain(args.content, result.valid_rows.mobiles(), suppressed=suppressed,
                                                 imports=[result]))


def run_template(args, ctx) -> int:
    from ..usecases import draft_template, save_template

    result = _read_sheet(ctx, args.file, template=args.template)
    _show_import(ctx, result)
    draft = draft_template(args.template, args.template_id, result, suppressed=ctx.store().suppressed_mobiles())
    if args.save_template:
        _refusal(save_template, ctx.services(), args.template_id, args.template)
    return _plan_and_send(args, ctx, draft)


def _refusal(fn, *args, why_not: str = ""):
    """Call use case *fn*; its refusal (``UseCaseError``) in the command line's words."""
    from ..usecases import UseCaseError
    from ..usecases import errors as uc

    try:
        return fn(*args)
    except UseCaseError as e:
        p = e.params
        if e.code == uc.NO_CAMPAIGN:
            raise CliError(f"没有编号为 {p['campaign']} 的活动（ljsms campaigns 可列出全部）", EXIT_USAGE) from None
        if e.code == uc.NOT_RESUMABLE:
            raise CliError(f"活动 {p['campaign']} {p['state_zh']}，{why_not}", EXIT_FAILED) from None
        if e.code == uc.NO_TEMPLATE:
            raise CliError("模板编号和模板内容都不能为空", EXIT_USAGE) from None
        raise CliError(e.message_zh, EXIT_FAILED) from None


def _unfinished_campaign(ctx, campaign_id: int, why_not: str):
    """(campaign, figures) of *campaign_id* if it can still send (ready, sending, paused, stopped); else a CliError."""
    from ..usecases import campaign_to_resume

    return _refusal(campaign_to_resume, ctx.services(), campaign_id, why_not=why_not)


def run_resume(args, ctx) -> int:
    from ..usecases import send_campaign

    camp, stats = _unfinished_campaign(ctx, args.campaign, "没有可继续发送的内容")
    ctx.err(f"活动 {camp.id}{('“' + camp.name + '”') if camp.name else ''}：共 {stats.recipients} 个号码，"
            f"未发送 {stats.planned + stats.sending} 个，已接收 {stats.accepted}，状态未知 {stats.unknown}（不会重发）")
    if stats.planned + stats.sending and not ctx.confirm(f"继续发送剩余的 {stats.planned + stats.sending} 个号码？"):
        raise CliError("未确认，没有发送任何短信", EXIT_FAILED)
    return _run(args, ctx, lambda control, hooks, **kw: send_campaign(
        ctx.services(), camp.id, control=control, hooks=hooks, **kw))


def run_cancel(args, ctx) -> int:
    """Cancel for good. A run in another window or process stops before its next batch (it looks at the
    stored state); batches already sent or "unknown" are not touched."""
    from ..usecases import cancel_campaign

    camp, stats = _unfinished_campaign(ctx, args.campaign, "无需取消")
    left = stats.planned + stats.sending
    if not ctx.confirm(f"取消活动 {camp.id}？剩余 {left} 个未发送的号码将不再发送"):
        raise CliError("未确认，活动没有取消", EXIT_FAILED)
    stats = _refusal(cancel_campaign, ctx.services(), camp.id, why_not="无需取消")
    ctx.err(f"活动 {camp.id} 已取消，{left} 个未发送的号码不会再发送")
    if ctx.json:
        ctx.print_json(stats.to_dict())
    return EXIT_OK


# -- figures ---------------------------------------------------------------------------------------
def _print_stats(ctx, s) -> None:
    name = f"“{s.name}”" if s.name else ""
    ctx.out(f"活动 {s.campaign}{name}（{'模板' if s.kind == 'template' else '普通'}群发，扩展号 {s.code}）："
            f"{s.state_zh}" + (f"——{s.stop_reason}" if s.stop_reason else ""))
    ctx.out(f"  号码 {s.recipients}（另有无效 {s.invalid}、重复 {s.duplicates}、已屏蔽 {s.suppressed} 未计入），"
            f"计费约 {s.parts} 条")
    ctx.out(f"  已接收 {s.accepted}，被拒绝 {s.rejected}，状态未知 {s.unknown}，未发送 {s.planned + s.sending}")
    failed = "、".join(f"{code} {n}" for code, n in sorted(s.failed_by_code.items(), key=lambda kv: -kv[1]))
    ctx.out(f"  送达 {s.delivered}，失败 {s.failed}" + (f"（{failed}）" if failed else "") +
            f"，待回执 {s.pending_report}，送达率 "
            + (f"{s.delivery_rate:.1%}" if s.delivered + s.failed else "—（尚无状态报告）"))
    ctx.out(f"  回复 {s.replies}，其中退订 {s.opt_outs}")


def run_status(args, ctx) -> int:
    store = ctx.store()
    if store.campaign(args.campaign) is None:
        raise CliError(f"没有编号为 {args.campaign} 的活动（ljsms campaigns 可列出全部）", EXIT_USAGE)
    stats = store.stats(args.campaign)
    if ctx.json:
        ctx.print_json(stats.to_dict())
        return EXIT_OK
    _print_stats(ctx, stats)
    for b in store.batches(args.campaign, "unknown"):
        ctx.out(f"  第 {b.seq} 批（{b.size} 个号码）状态未知：{b.error}")
    for b in store.batches(args.campaign, "rejected"):
        ctx.out(f"  第 {b.seq} 批（{b.size} 个号码）被拒绝：{b.error}")
    poll = store.poll_status()
    if poll["last_pull_at"]:
        ctx.out(f"  最近一次拉取状态报告：{poll['last_pull_at']}")
    if poll["last_error"] and (poll["last_error_at"] or "") >= (poll["last_pull_at"] or ""):
        ctx.out(f"  最近一次拉取出错（{poll['last_error_at']}）：{poll['last_error']}")
    from ..engine.poller import lost_text_zh

    for loss in poll["losses"][-5:]:  # pulls whose answer broke after the gateway handed them out
        what = "状态报告" if loss.get("kind") == "reports" else "上行回复"
        ctx.out(f"  {loss.get('at')} {what}：{lost_text_zh(1, int(loss.get('up_to') or 0))}")
    return EXIT_OK


def run_campaigns(args, ctx) -> int:
    all_stats = ctx.store().all_stats(mine=getattr(args, "mine", False))
    if ctx.json:
        ctx.print_json([s.to_dict() for s in all_stats])
        return EXIT_OK
    if not all_stats:
        ctx.out("还没有群发活动")
        return EXIT_OK
    ctx.out("编号  状态    号码      已接收    送达      失败     未知    回复  退订  创建时间             名称")
    for s in all_stats:
        ctx.out(f"{s.campaign:<5} {s.state_zh:<6} {s.recipients:<9} {s.accepted:<9} "
                f"{s.delivered:<9} {s.failed:<8} {s.unknown:<7} {s.replies:<5} {s.opt_outs:<5} {s.created_at}  {s.name}")
    return EXIT_OK
