"""``ljsms balance`` and ``ljsms login``: the account and its password."""

from __future__ import annotations

import getpass

from .context import EXIT_USAGE, CliError


def register(sub) -> None:
    p = sub.add_parser("balance", help="查询余额（剩余短信条数）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(handler=run_balance)

    p = sub.add_parser("login", help="保存网关地址和账号，并把密码存入系统钥匙串")
    p.add_argument("--no-check", action="store_true", help="不先用余额查询验证账号和密码")
    p.set_defaults(handler=run_login)


def run_balance(args, ctx) -> int:
    n = ctx.client().balance()
    if ctx.json:
        ctx.print_json({"account": ctx.account, "balance": n})
    else:
        ctx.out(f"账号 {ctx.account} 剩余 {n} 条")
    return 0


def run_login(args, ctx) -> int:
    from ..api import LjClient
    from ..credentials import system_credentials

    account = ctx.account
    creds = system_credentials()
    if creds is None:
        raise CliError("本机没有可用的系统钥匙串，无法保存密码。请改用环境变量 LJSMS_PASSWORD 提供密码", EXIT_USAGE)
    if not ctx.stdin.isatty():
        raise CliError("login 需要在终端里输入密码", EXIT_USAGE)
    try:
        password = getpass.getpass(f"账号 {account} 的密码：")
    except EOFError:  # Ctrl-D at the prompt
        ctx.err("")
        raise CliError("没有输入密码（输入已结束），未保存", EXIT_USAGE) from None
    if not password:
        raise CliError("密码为空，未保存", EXIT_USAGE)
    if not args.no_check:
        with LjClient(ctx.base_url, account, password) as client:
            n = client.balance()
        ctx.err(f"验证成功：剩余 {n} 条")
    creds.set_password(account, password)
    settings = ctx.settings
    settings.account, settings.base_url = account, ctx.base_url
    settings.save()
    ctx.out(f"已保存账号 {account}（密码在系统钥匙串 {creds.name} 中）")
    return 0
