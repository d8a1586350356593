"""Template sends: import a sheet for a template, save a template.

The import always validates against the template text, from both front ends: the rendered
message's length is checked per row there, so a row too long to send is refused by the import
(with its row number) and a later row with the same number is not taken as its duplicate.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from ..sheets import import_sheet
from .errors import NO_TEMPLATE, UseCaseError
from .services import Services


def import_for_template(path: str | os.PathLike[str], template: str, *, sheet: str | int | None = None,
                        mobile_column: str | int | None = None, variable_columns: Sequence[str | int] | None = None,
                        on_progress: Callable[[int, float], None] | None = None, cancel=None):
    """Read and validate every row of *path* for *template* (its ``{}`` count decides how many variable
    columns are read). Returns a ``sheets.validate.ImportResult``; raises ``SheetError`` in words."""
    return import_sheet(path, sheet=sheet, mobile_column=mobile_column, variable_columns=variable_columns,
                        template=template, on_progress=on_progress, cancel=cancel)


def save_template(services: Services, template_id: str, text: str, name: str = "") -> None:
    """Keep *template_id* with *text* in the local template list (replacing an earlier text)."""
    template_id, text = (template_id or "").strip(), (text or "").strip()
    if not template_id or not text:
        raise UseCaseError(NO_TEMPLATE)
    with services.store() as store:
        store.save_template(template_id, text, name)


def saved_templates(services: Services) -> list[tuple[str, str, str]]:
    """The saved templates as (template id, text, name)."""
    with services.store() as store:
        return [(t.template_id, t.text, t.name) for t in store.templates()]
