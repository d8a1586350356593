"""``ljsms simulate``: run the built-in gateway simulator (same as ``python -m ljsms_desktop.simulator``)."""

from __future__ import annotations

import argparse


def register(sub) -> None:
    p = sub.add_parser("simulate", help="启动本机联江网关模拟器（用于演练和测试）", add_help=False)
    p.add_argument("sim_args", nargs=argparse.REMAINDER, help="模拟器参数，见 ljsms simulate --help")
    p.set_defaults(handler=run)


def run(args, ctx) -> int:
    from ..simulator.__main__ import main

    return int(main(args.sim_args) or 0)
