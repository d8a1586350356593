"""``ljsms simulate``: run the built-in gateway simulator (same as ``python -m ljsms_desktop.simulator``)."""

from __future__ import annotations


def register(sub) -> None:
    from ..simulator.cli import build_parser

    # The simulator's own options, reused as they are (its --account/--password are the simulated ones).
    p = sub.add_parser("simulate", parents=[build_parser()], add_help=False, conflict_handler="resolve",
                       help="启动本机联江网关模拟器（用于演练和测试）",
                       description="启动本机联江网关模拟器：与真实网关同样的接口，用于演练和测试。")
    p.set_defaults(handler=run)


def run(args, ctx) -> int:
    from ..simulator.cli import run as run_simulator

    return int(run_simulator(args) or 0)
