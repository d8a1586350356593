"""``ljsms resend ID``: the window's 重发失败号码 / 重发未确认号码 from the command line.

The same use cases as the campaign detail (``usecases.results.resend_draft`` / ``unconfirmed_draft``): a new
campaign with the same text (a template campaign keeps each number's values) to the numbers whose report
fell in the chosen buckets — by default those where a later retry can help (暂时不可达, 频率限制, 运营商内部);
``unknown`` never — plus the numbers that never went out; linked to the campaign it resends. ``--unconfirmed``
resends instead the numbers of "unknown" batches that drew no report for the set time (settings:
``unconfirmed_after_hours``): some of them may get the message twice, which the confirmation says.
"""

from __future__ import annotations

import argparse

from .context import EXIT_USAGE, CliError


def register(sub) -> None:
    from ..core import delivery_codes

    from .campaign import EXIT_HELP, _common, campaign_id

    buckets = ", ".join(f"{b}（{delivery_codes.BUCKETS[b].name_zh}）" for b in delivery_codes.FAILURE_BUCKETS
                        if b != delivery_codes.UNKNOWN)
    p = sub.add_parser("resend", help="重发一个活动的失败号码（新建活动，模板群发保留每个号码的变量）",
                       epilog=EXIT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter,
                       description="重发失败号码：新建一次活动，内容与原活动相同。结果未知和仍在等待状态报告的号码不会重发；"
                                   "屏蔽名单中的号码会被跳过。先运行 ljsms pull 拉取最新的状态报告。")
    p.add_argument("campaign", type=campaign_id, metavar="ID", help="原活动编号（ljsms campaigns 可列出）")
    p.add_argument("--buckets", metavar="B,B,…",
                   help=f"要重发的失败类别，逗号分隔（默认：可稍后重试的类别）。可选：{buckets}")
    p.add_argument("--no-unsent", action="store_true", help="不包括从未发出的号码（被拒收或未发送的批次）")
    p.add_argument("--unconfirmed", action="store_true",
                   help="改为重发“结果未知”且超过设定时间（默认 72 小时）仍无状态报告的批次中的号码——其中一部分可能已经收到，会收到两次")
    _common(p)
    p.set_defaults(handler=run_resend)


def run_resend(args, ctx) -> int:
    from ..usecases import results

    from .campaign import _plan_and_send, _refusal

    services = ctx.services()
    if args.unconfirmed:
        hours = float(getattr(ctx.settings, "unconfirmed_after_hours", results.DEFAULT_STALE_HOURS))
        draft = _refusal(lambda: results.unconfirmed_draft(services, args.campaign, older_than_hours=hours))
        ctx.err(f"注意：这些号码所在的批次提交时没有收到网关答复，{hours:g} 小时内也没有状态报告。"
                "网关可能已经发出其中一部分，重发后这些号码会收到两次，并再次计费。")
    else:
        if args.buckets:
            chosen = [b.strip() for b in args.buckets.replace("，", ",").split(",") if b.strip()]
            bad = [b for b in chosen if b not in results.resendable_buckets()]
            if bad:
                raise CliError("不能重发的类别：" + "、".join(bad) + "。可选："
                               + "、".join(results.resendable_buckets()), EXIT_USAGE)
        else:
            chosen = list(results.default_buckets())
        draft = _refusal(lambda: results.resend_draft(services, args.campaign, chosen,
                                                      include_unsent=not args.no_unsent))
    if not args.name:
        args.name = draft.name
    original = args.campaign
    return _plan_and_send(args, ctx, draft, on_created=lambda cid: results.link_resend(services, cid, original))
