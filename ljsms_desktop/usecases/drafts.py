"""A campaign ready to be stored: the plan and what the import left out before planning.

Both front ends build a :class:`Draft` the same way, so a campaign stored from the window and one
stored from ``ljsms`` carry the same figures: a plan made from a sheet import counts the rows the
import refused (invalid) or dropped as repeats (duplicates) together with its own.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass

from ..core.planning import Plan, plan_plain, plan_template


@dataclass(frozen=True)
class Draft:
    """What :func:`~ljsms_desktop.usecases.sending.store_draft` stores.

    ``import_invalid`` / ``import_duplicates``: rows a sheet import (or several) refused before the
    numbers reached the plan; the campaign's ``invalid`` / ``duplicates`` are these plus the plan's.
    """

    plan: Plan
    name: str = ""
    import_invalid: int = 0
    import_duplicates: int = 0

    @property
    def invalid(self) -> int:
        return len(self.plan.invalid) + self.import_invalid

    @property
    def duplicates(self) -> int:
        return len(self.plan.duplicates) + self.import_duplicates


def draft_plain(content: str, numbers: Iterable[object], *, suppressed: Container[str] = (), name: str = "",
                imports: Iterable[object] = ()) -> Draft:
    """Plain send of *content* to *numbers* (raw text or already valid numbers from *imports*: each an
    ``ImportResult``-like object with ``invalid`` and ``duplicates`` counts)."""
    imports = list(imports)
    return Draft(plan_plain(content, numbers, suppressed=suppressed), name,
                 sum(int(r.invalid) for r in imports), sum(int(r.duplicates) for r in imports))


def draft_template(template: str, template_id: str, result, *, suppressed: Container[str] = (),
                   name: str = "") -> Draft:
    """Template send from a sheet import (*result*: ``sheets.validate.ImportResult``, imported with the
    same *template*, see :func:`~ljsms_desktop.usecases.templates.import_for_template`)."""
    plan = plan_template(template, template_id, result.valid_rows, suppressed=suppressed)
    return Draft(plan, name, int(result.invalid), int(result.duplicates))
