"""Template texts with ``{}`` placeholders (contract §2): the n-th value fills the n-th ``{}``.

Only the exact two-character pair ``{}`` is a placeholder. Any other brace is literal text:
``{name}``, a lone ``{`` or ``}``, ``{ }``. There is no escaping (the vendor documents none), so
``{{}}`` holds one placeholder between a literal ``{`` and ``}``. Values are inserted as they are;
a value that itself contains ``{}`` is not filled again.

Hand-made rather than ``str.format``: format would treat ``{name}``, ``{0}`` and stray braces as
fields or errors, which is not how the gateway reads a template.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

PLACEHOLDER = "{}"


class TemplateError(ValueError):
    """Values do not fit the template; ``str(err)`` is a Chinese message for the user."""


def placeholder_count(template: str) -> int:
    """How many ``{}`` placeholders *template* holds."""
    return template.count(PLACEHOLDER)


@lru_cache(maxsize=64)
def _compiled(template: str) -> tuple[str, int]:
    """*template* as a str.format pattern with its literal braces escaped, and its placeholder count."""
    pieces = template.split(PLACEHOLDER)
    fmt = PLACEHOLDER.join(p.replace("{", "{{").replace("}", "}}") for p in pieces)
    return fmt, len(pieces) - 1


def count_mismatch_zh(expected: int, given: int) -> str:
    """Chinese message for a template with *expected* placeholders given *given* values."""
    return f"变量个数不符：模板中有 {expected} 个 {{}}，但提供了 {given} 个值"


def check_values(template: str, values: Sequence[str]) -> str | None:
    """Why *values* cannot fill *template* (Chinese), or None when they can."""
    expected = _compiled(template)[1]
    if len(values) != expected:
        return count_mismatch_zh(expected, len(values))
    for i, v in enumerate(values, 1):
        if not isinstance(v, str):
            return f"第 {i} 个变量不是文字（{type(v).__name__}）"
    return None


def render(template: str, values: Sequence[str]) -> str:
    """The text one recipient gets: *template* with the n-th ``{}`` replaced by ``values[n]``.

    Raises TemplateError (a ValueError) when the number of values differs from the number of
    placeholders, or a value is not a str.
    """
    fmt, expected = _compiled(template)
    if len(values) != expected or not all(isinstance(v, str) for v in values):
        raise TemplateError(check_values(template, values) or "变量不符合模板")
    return fmt.format(*values)
