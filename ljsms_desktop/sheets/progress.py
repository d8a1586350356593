"""Progress reporting and cancellation shared by the reader and the writers.

``on_progress(done, fraction)``: *done* is rows processed so far, *fraction* a float 0.0-1.0 (an
estimate for CSV files, where the total is only known in bytes). ``cancel`` is either a callable
returning True when the work should stop, or an object with ``is_set()`` (``threading.Event``).
Both are checked every ``EVERY`` rows so the cost per row stays negligible.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

EVERY = 2048

ProgressFn = Callable[[int, float], Any]


class _EventLike(Protocol):
    def is_set(self) -> bool: ...


CancelArg = Callable[[], bool] | _EventLike | None


def cancel_check(cancel: CancelArg) -> Callable[[], bool] | None:
    """Normalise *cancel* to a zero-argument callable (or None when there is nothing to check)."""
    if cancel is None:
        return None
    is_set = getattr(cancel, "is_set", None)
    if callable(is_set):
        return is_set
    if callable(cancel):
        return cancel
    raise TypeError("cancel must be a callable or have is_set()")
