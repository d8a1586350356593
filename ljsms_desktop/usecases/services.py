"""What the use cases need from outside, handed in by the front end (no Qt, no global state).

The window builds one from its ``AppContext`` (``jobs.campaign.services_of``), the command line from
its ``Context`` (``commands.context.Context.services``), tests from a tmp folder and the simulator.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the window's first paint need not load the HTTP client or SQLite
    from ..api import LjClient
    from ..store import Store


@dataclass(frozen=True)
class Services:
    """Factories and a clock.

    ``open_store()`` opens a new connection to the data folder's database, owned (and closed) by the
    use case that asked, in the thread that asked. ``make_client()`` makes a gateway client, also
    closed by the use case (it may read the password from the keyring: call it off the GUI thread).
    ``clock()`` is the local time now. ``bulk()`` wraps work that builds large objects (storing a
    200,000-number campaign): the window pauses the cyclic garbage collector there so the GUI
    thread does not stall (``jobs.gc_pause``); elsewhere it does nothing.
    """

    open_store: Callable[[], Store]
    make_client: Callable[[], LjClient]
    clock: Callable[[], datetime] = datetime.now
    bulk: Callable[[], AbstractContextManager[None]] = contextlib.nullcontext

    @contextlib.contextmanager
    def store(self):
        """``with services.store() as store:`` — a connection for one use case, closed afterwards."""
        store = self.open_store()
        try:
            yield store
        finally:
            store.close()
