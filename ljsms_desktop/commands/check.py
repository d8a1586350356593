"""``ljsms check FILE``: validate a recipient list without sending anything.

Prints the summary (rows, valid, invalid, duplicates) and the refused rows with their reasons, row
numbers as the spreadsheet shows them; ``--json`` gives the same as JSON
(``rows, valid, invalid, duplicates, problems: [{row, reason, kind}]`` plus the detected layout).
Exit status 0 when the file could be checked (``--strict``: 1 when any row was refused), 2 when the
file or the options cannot be used.
"""

from __future__ import annotations

from .context import EXIT_FAILED, EXIT_USAGE, CliError

TEXT_PROBLEMS = 50


def register(sub) -> None:
    p = sub.add_parser(
        "check",
        help="检查号码表格（xlsx/xls/ods/csv）：统计有效、无效、重复的行并说明原因",
        description="检查号码表格，不发送任何短信。行号与表格中显示的一致。",
    )
    p.add_argument("file", metavar="FILE", help="表格文件：.xlsx .xlsm .xls .ods .csv .txt")
    p.add_argument("--sheet", help="工作表名称或序号（从 1 开始；默认第一个可见工作表）")
    p.add_argument("--mobile-column", metavar="C", help="手机号所在列：表头名称、列字母（B）或序号（2）；默认自动识别")
    p.add_argument(
        "--variables",
        metavar="C1,C2",
        help="模板变量依次所在的列（逗号分隔；默认取手机号列之外的列，从左到右）",
    )
    p.add_argument("--template", metavar="TEXT", help="模板内容，{} 为变量；据此检查变量个数和短信长度")
    hdr = p.add_mutually_exclusive_group()
    hdr.add_argument("--header-row", type=int, metavar="N", help="表头所在行号（默认自动识别）")
    hdr.add_argument("--no-header", action="store_true", help="表格没有表头，第一行就是数据")
    p.add_argument("--export-invalid", metavar="PATH", help="把无效的行连同“问题”列导出到 .xlsx/.csv，改好后可重新导入")
    p.add_argument("--max-problems", type=int, metavar="N", help=f"最多列出 N 个问题（文本输出默认 {TEXT_PROBLEMS}，JSON 默认全部）")
    p.add_argument("--strict", action="store_true", help="有无效或重复的行时以状态 1 退出")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(handler=run_check)


def run_check(args, ctx) -> int:
    from ..sheets import AUTO, SheetError, export_problem_rows, import_sheet

    header_row = None if args.no_header else (args.header_row if args.header_row is not None else AUTO)
    variables = [c.strip() for c in args.variables.replace("，", ",").split(",") if c.strip()] if args.variables else None
    show_progress = not args.json and ctx.stderr.isatty()

    def progress(done: int, fraction: float) -> None:
        ctx.err(f"已检查 {done} 行（{fraction:.0%}）", end="\r")

    try:
        result = import_sheet(
            args.file,
            sheet=args.sheet,
            header_row=header_row,
            mobile_column=args.mobile_column,
            variable_columns=variables,
            template=args.template,
            on_progress=progress if show_progress else None,
        )
    except SheetError as e:
        raise CliError(e.message, EXIT_USAGE) from None
    if show_progress:
        ctx.err(" " * 40, end="\r")

    exported = None
    if args.export_invalid:
        if result.invalid:
            try:
                exported = export_problem_rows(result, args.export_invalid)
            except SheetError as e:
                raise CliError(e.message, EXIT_USAGE) from None
        else:
            ctx.err("没有无效的行，未导出文件。")

    if args.json:
        data = result.to_dict(max_problems=args.max_problems)
        if exported is not None:
            data["exported_invalid"] = str(exported)
        ctx.print_json(data)
    else:
        _print_text(ctx, result, args.max_problems if args.max_problems is not None else TEXT_PROBLEMS)
        if exported is not None:
            ctx.out(f"已把 {result.invalid} 个无效行导出到 {exported}，改好后可重新导入。")
    if args.strict and (result.invalid or result.duplicates):
        return EXIT_FAILED
    return 0


def _print_text(ctx, result, limit: int) -> None:
    lay = result.layout
    sheets = result.sheets
    where = f"工作表“{lay.sheet}”" + (f"（共 {len(sheets)} 个：{'、'.join(sheets)}）" if len(sheets) > 1 else "")
    extra = ""
    if result.encoding:
        names = {",": "逗号", ";": "分号", "\t": "制表符"}
        extra = f"；编码 {result.encoding}，分隔符 {names.get(result.delimiter or ',', result.delimiter)}"
    ctx.out(f"文件：{result.path.name}，{where}{extra}")
    header = f"第 {lay.header_row} 行" if lay.header_row else "无（第一行即数据）"
    cols = "、".join(lay.label(c) for c in lay.variable_columns) or "无"
    mobile = lay.label(lay.mobile_column) if lay.mobile_column is not None else "?"
    ctx.out(f"表头：{header}；手机号列：{mobile}；变量列：{cols}")
    ctx.out(
        f"共 {result.rows} 行数据：有效 {result.valid}，无效 {result.invalid}，重复 {result.duplicates}"
        f"（用时 {result.seconds:.1f} 秒）"
    )
    total = result.invalid + result.duplicates
    if not total:
        return
    ctx.out("问题：")
    shown = 0
    for p in result.iter_problems():
        if shown >= limit:
            break
        ctx.out(f"  第 {p.row} 行：{p.reason}")
        shown += 1
    if total > shown:
        ctx.out(f"  …… 另有 {total - shown} 个问题未列出（用 --json 或 --max-problems 查看全部）")
