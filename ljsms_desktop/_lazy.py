"""Lazy package exports (PEP 562): ``from ljsms_desktop.store import Store`` works as before, but importing
the package (or one light submodule of it, e.g. ``store.models``) no longer imports every submodule.

Start-up: the window's first paint needs a few light submodules of ``api``, ``engine``, ``store``,
``sheets`` and ``usecases``; their eager ``__init__`` files pulled in requests, sqlite3, xlsxwriter,
the spreadsheet reader process and more before the window could show.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable


def lazy_exports(package: str, exports: dict[str, str]) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """``__getattr__`` and ``__dir__`` for *package*: *exports* maps a name to the submodule (relative,
    without the dot) that defines it; the submodule is imported on first use and the name cached."""

    def __getattr__(name: str) -> object:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        setattr(importlib.import_module(package), name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(set(globals_of(package)) | set(exports))

    return __getattr__, __dir__


def globals_of(package: str) -> dict:
    return vars(importlib.import_module(package))
