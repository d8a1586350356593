"""``ljsms export``: delivery reports, replies or campaign figures to .xlsx or .csv, streamed from the store.

Text from outside (reply contents) is written as data, never as a formula (see sheets.writer).
"""

from __future__ import annotations

from .context import EXIT_OK

CAMPAIGN_COLUMNS = (
    ("campaign", "编号"), ("name", "名称"), ("kind", "类型"), ("state", "状态"), ("code", "扩展号"),
    ("created_at", "创建时间"), ("recipients", "收件人"), ("invalid", "无效"), ("duplicates", "重复"),
    ("suppressed", "已屏蔽"), ("parts", "计费条数"), ("accepted", "已接收"), ("rejected", "被拒绝"),
    ("unknown", "状态未知"), ("delivered", "已送达"), ("failed", "失败"), ("pending_report", "待回执"),
    ("replies", "回复"), ("opt_outs", "退订"), ("delivery_rate", "送达率"),
)


def register(sub) -> None:
    p = sub.add_parser("export", help="把状态报告、上行回复或活动统计导出为 .xlsx / .csv 表格",
                       description="导出本机保存的记录。.csv 为带 BOM 的 UTF-8（Excel 可直接打开）；"
                                   "以 = + - @ 开头的内容按文字写入，不会被当成公式。")
    p.add_argument("what", choices=("reports", "replies", "campaigns", "results"), help="reports 状态报告 / "
                   "replies 上行回复 / campaigns 活动统计 / results 一个活动每个号码的结果（需 --campaign；与窗口的“导出结果”相同）")
    p.add_argument("file", metavar="FILE", help="导出文件名（.xlsx 或 .csv）")
    p.add_argument("--campaign", type=int, metavar="ID", help="只导出这个活动的记录")
    p.set_defaults(handler=run)


def run(args, ctx) -> int:
    from ..sheets import export_rows
    from ..store import browse

    if args.what == "results":
        return _results(args, ctx)
    store = ctx.store()
    if args.what == "reports":
        headers, rows = browse.REPORT_EXPORT_HEADERS, browse.iter_reports(store.conn, args.campaign)
        total = browse.count_reports(store.conn, args.campaign)
        label = "状态报告"
    elif args.what == "replies":
        headers, rows = browse.REPLY_EXPORT_HEADERS, browse.iter_replies(store.conn, args.campaign)
        total = browse.count_replies(store.conn, args.campaign)
        label = "上行回复"
    else:
        stats = [s.to_dict() for s in store.all_stats() if args.campaign in (None, s.campaign)]
        headers = [title for _key, title in CAMPAIGN_COLUMNS]
        rows = [[s[key] for key, _title in CAMPAIGN_COLUMNS] for s in stats]
        total = len(rows)
        label = "活动统计"

    def progress(done: int, fraction: float) -> None:
        ctx.err(f"\r已导出 {done}/{total} 行", end="")

    n = export_rows(args.file, headers, rows, on_progress=progress, total=total)
    ctx.err(f"\r已导出 {n} 行{label}到 {args.file}")
    return EXIT_OK


def _results(args, ctx) -> int:
    """One row per number of campaign ``--campaign``: the window's 导出结果 (``usecases.results.export_results``)."""
    from ..usecases.results import export_results
    from .context import EXIT_USAGE, CliError

    if args.campaign is None:
        raise CliError("导出 results 需要 --campaign ID（活动编号，见 ljsms campaigns）", EXIT_USAGE)
    path, n = export_results(ctx.services(), args.campaign, args.file,
                             on_progress=lambda done, _f: ctx.err(f"\r已导出 {done} 个号码", end=""))
    ctx.err(f"\r已导出活动 {args.campaign} 的 {n} 个号码的结果到 {path}")
    return EXIT_OK
