"""What an operation changed in the local record, as a typed value (modelled on Anki's ``OpChanges``).

Lower layers and background work say *what* changed; the window's views decide whether that concerns
them. No Qt here, so the use cases and the engine can hand it up too.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """Which parts of the local record changed. Combine with ``|``; false when nothing changed."""

    campaigns: bool = False     # a campaign was created, sent, stopped, cancelled, scheduled
    reports: bool = False       # delivery reports were stored (figures and batch states may move)
    replies: bool = False       # replies were stored
    suppression: bool = False   # the suppression list changed (an opt-out reply, `ljsms suppress`, by hand)
    templates: bool = False     # a saved template was added, replaced or deleted

    def __or__(self, other: Changes) -> Changes:
        if not isinstance(other, Changes):
            return NotImplemented
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def touches(self, other: Changes) -> bool:
        """True when this and *other* have a kind in common (a view asks: does this concern me?)."""
        return any(getattr(self, f.name) and getattr(other, f.name) for f in fields(self))

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(f.name for f in fields(self) if getattr(self, f.name))


NOTHING = Changes()


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """A background operation's result together with what it changed. The window's runner hands
    ``value`` to the caller's callback and announces ``changes`` to every view, even when the widget
    that asked is gone or a newer request superseded this one (the record changed all the same)."""

    value: T
    changes: Changes = NOTHING
