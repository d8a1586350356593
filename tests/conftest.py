"""Shared fixtures. Qt runs offscreen; the simulated gateway runs over real HTTP on 127.0.0.1."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from ljsms_desktop.simulator import Simulator  # noqa: E402


@pytest.fixture
def make_simulator():
    """Factory: ``make_simulator(**overrides)`` starts a simulator (seed 1234, no delays) on a free port.

    Every simulator it started is stopped at teardown.
    """
    started: list[Simulator] = []

    def make(**overrides) -> Simulator:
        settings = {"seed": 1234, "report_delay": 0.0, "reply_delay": 0.0, **overrides}
        sim = Simulator(**settings).start()
        started.append(sim)
        return sim

    yield make
    for sim in started:
        sim.stop()


@pytest.fixture
def simulator(make_simulator) -> Simulator:
    """A running simulator: account demo/demo, balance 100000, seed 1234, reports due at once."""
    return make_simulator()
