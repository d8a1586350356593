"""``ljsms suppress add|remove|list``: the suppression list (numbers never sent to again)."""

from __future__ import annotations

from .context import EXIT_OK, EXIT_USAGE, CliError


def register(sub) -> None:
    p = sub.add_parser("suppress", help="屏蔽名单：退订或手动屏蔽的号码，群发时自动跳过")
    ss = p.add_subparsers(dest="suppress_command", metavar="操作")
    a = ss.add_parser("add", help="把号码加入屏蔽名单")
    a.add_argument("numbers", nargs="+", metavar="N", help="号码（可用逗号分隔多个）")
    a.add_argument("--reason", default="手动屏蔽", help="原因（默认“手动屏蔽”）")
    a.set_defaults(handler=run_add)
    r = ss.add_parser("remove", help="把号码移出屏蔽名单")
    r.add_argument("numbers", nargs="+", metavar="N")
    r.set_defaults(handler=run_remove)
    im = ss.add_parser("import", help="把一个表格（或文本文件）中的号码全部加入屏蔽名单（不会发送给它们）")
    im.add_argument("file", metavar="FILE", help=".xlsx/.xls/.ods/.csv/.txt：手机号所在的列会自动识别")
    im.add_argument("--sheet", help="工作表名（默认第一个）")
    im.add_argument("--reason", default="", help="原因（默认“导入：文件名”）")
    im.set_defaults(handler=run_import)
    ls = ss.add_parser("list", help="列出屏蔽名单")
    ls.add_argument("--json", action="store_true", help="以 JSON 输出")
    ls.set_defaults(handler=run_list)
    p.set_defaults(handler=run_list, json=False)


def _numbers(raw: list[str]) -> list[str]:
    from ..core.numbers import normalize_mobile, split_number_list

    good, bad = [], []
    for piece in split_number_list(",".join(raw)):
        check = normalize_mobile(piece)
        (good.append(check.mobile) if check.ok else bad.append(f"{piece}（{check.reason_zh}）"))
    if bad:
        raise CliError("号码无效：" + "、".join(bad), EXIT_USAGE)
    return list(dict.fromkeys(good))


def run_add(args, ctx) -> int:
    numbers = _numbers(args.numbers)
    n = ctx.store().suppress(numbers, args.reason, "manual")
    ctx.out(f"已加入屏蔽名单 {n} 个号码" + (f"（{len(numbers) - n} 个原已在名单中）" if n < len(numbers) else ""))
    return EXIT_OK


def run_remove(args, ctx) -> int:
    numbers = _numbers(args.numbers)
    n = ctx.store().unsuppress(numbers)
    ctx.out(f"已移出屏蔽名单 {n} 个号码" + (f"（{len(numbers) - n} 个不在名单中）" if n < len(numbers) else ""))
    return EXIT_OK


def run_import(args, ctx) -> int:
    """The window's 退订名单 → 从表格导入 (``usecases.results.suppress_sheet``)."""
    from ..usecases.results import suppress_sheet

    change = suppress_sheet(ctx.services(), args.file, sheet=args.sheet, reason=args.reason)
    text = f"已从表格加入屏蔽名单 {change.changed} 个号码"
    if change.unchanged:
        text += f"（{change.unchanged} 个原已在名单中）"
    if change.invalid:
        text += f"；{len(change.invalid)} 行不是有效号码，已跳过"
    ctx.out(text)
    return EXIT_OK


def run_list(args, ctx) -> int:
    from dataclasses import asdict

    entries = ctx.store().suppressed()
    if ctx.json:
        ctx.print_json([asdict(e) for e in entries])
        return EXIT_OK
    if not entries:
        ctx.out("屏蔽名单为空")
        return EXIT_OK
    source = {"reply": "回复退订", "manual": "手动"}
    for e in entries:
        ctx.out(f"{e.mobile}  {source.get(e.source, e.source)}  {e.added_at}  {e.reason}")
    ctx.out(f"共 {len(entries)} 个号码")
    return EXIT_OK
