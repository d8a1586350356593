"""Keep ``None`` alive under PySide6 6.12 on CPython 3.11.

PySide6 6.12.0 hands back ``None`` from every void Qt call (``label.setText``, ``painter.drawRect``,
``QApplication.processEvents`` …) without taking a reference to it, so each such call leaves ``None``'s
reference count one lower. On CPython 3.12+ ``None`` is immortal (PEP 683) and nothing happens; on 3.11
the count reaches zero after a few thousand calls — about 150 paints of the campaign detail's donut, a
minute of hovering over a chart — and the interpreter aborts ("Fatal Python error: none_dealloc").

``guard()`` gives ``None`` a very large extra count once (2**48: that many void calls would take years),
so on 3.11 it can never reach zero; on 3.12+ it does nothing. Called when ``ljsms_desktop.ui`` is imported,
before any Qt call. ``tests/test_ui_results.py`` paints a chart 2,000 times in a child process to prove it.
"""

from __future__ import annotations

import ctypes
import sys

_EXTRA = 1 << 48
_done = False


def guard() -> None:
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    _done = True
    ctypes.c_ssize_t.from_address(id(None)).value += _EXTRA   # ob_refcnt is PyObject's first field
