"""Client overhead: N sends of 2000 numbers through LjClient vs a bare requests.Session loop posting the
same bodies to the same simulator (in its own process), interleaved in one run. Target: <= 1.10x.

    python benchmarks/bench_client.py [--sends 100] [--numbers 2000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _sim import bare_send_loop, simulator_process  # noqa: E402

from ljsms_desktop.api import LjClient  # noqa: E402

CONTENT = "【联江科技】会员日全场八折，详情见小程序，回T退订"


def numbers(n: int, offset: int) -> list[str]:
    return [f"138{(offset * n + i) % 10**8:08d}" for i in range(n)]


def bare_loop(url: str, batches: list[list[str]]) -> float:
    return bare_send_loop(url, CONTENT, batches)


def client_loop(url: str, batches: list[list[str]]) -> float:
    client = LjClient(url, "bench", "bench")
    started = time.perf_counter()
    for batch in batches:
        client.send(CONTENT, batch)
    elapsed = time.perf_counter() - started
    client.close()
    return elapsed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sends", type=int, default=100)
    ap.add_argument("--numbers", type=int, default=2000)
    ap.add_argument("--rounds", type=int, default=5)
    a = ap.parse_args(argv)
    batches = [numbers(a.numbers, i) for i in range(a.sends)]
    bare, ours = [], []
    with simulator_process() as url:
        bare_loop(url, batches[:5])  # warm up both paths
        client_loop(url, batches[:5])
        for r in range(a.rounds):  # interleave, alternating who goes first
            if r % 2:
                ours.append(client_loop(url, batches)); bare.append(bare_loop(url, batches))
            else:
                bare.append(bare_loop(url, batches)); ours.append(client_loop(url, batches))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"{a.sends} sends x {a.numbers} numbers, median of {a.rounds} rounds")
    print(f"bare requests loop : {b:.3f} s  ({a.sends / b:.0f} req/s)")
    print(f"LjClient           : {o:.3f} s  ({a.sends / o:.0f} req/s)")
    print(f"ratio              : {o / b:.3f}x  (target <= 1.10x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
