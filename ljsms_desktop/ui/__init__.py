"""The desktop window (PySide6). It drives the engine, the import and the client through ``jobs``."""

from ._none_guard import guard as _guard_none

_guard_none()   # PySide6 6.12 on CPython 3.11 drops a reference to None on every void Qt call (see _none_guard)
