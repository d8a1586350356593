"""Cooperative pause/cancel for a running campaign: plain ``threading.Event``s, no Qt.

The runner looks at it between batches and while it waits out a busy gateway, so a pause or a
cancel takes effect within one request (a request already on its way is never abandoned halfway:
its answer is recorded first).
"""

from __future__ import annotations

import threading


class RunControl:
    """Shared between the thread running a campaign and whoever may stop it (GUI thread, signal handler)."""

    def __init__(self) -> None:
        self._pause = threading.Event()
        self._cancel = threading.Event()
        self._wake = threading.Event()

    def pause(self) -> None:
        """Stop after the current request; the campaign can be resumed."""
        self._pause.set()
        self._wake.set()

    def cancel(self) -> None:
        """Stop after the current request for good: the remaining batches are never sent."""
        self._cancel.set()
        self._wake.set()

    @property
    def pause_requested(self) -> bool:
        return self._pause.is_set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    @property
    def stop_requested(self) -> bool:
        return self._pause.is_set() or self._cancel.is_set()

    def wait(self, seconds: float) -> bool:
        """Sleep up to *seconds*; returns True at once if a pause or cancel is requested meanwhile."""
        if self.stop_requested:
            return True
        self._wake.wait(max(0.0, seconds))
        return self.stop_requested
