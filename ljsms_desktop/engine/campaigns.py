"""From a plan (core.planning) to a stored campaign, ready to send."""

from __future__ import annotations

from ..core.planning import Plan
from ..store import Store


def create_campaign(store: Store, plan: Plan, *, name: str = "", code: str | None = None,
                    extra_invalid: int = 0, extra_duplicates: int = 0) -> int:
    """Store *plan* as a campaign in state ``ready`` (batches and recipients included); returns its id.

    The plan must be sendable (``plan.ok``). The campaign gets its own extension number (*code*,
    allocated sequentially when None) so replies can be attributed to it. *extra_invalid* /
    *extra_duplicates*: rows an import (sheets) already left out before planning, so the
    campaign's figures count them too.
    """
    if not plan.ok:
        raise ValueError("plan has problems: " + "; ".join(p.message_zh for p in plan.problems))
    size = plan.batch_size
    n = len(plan.recipients)
    if plan.kind == "template":
        batches = []
        parts = []
        for lo in range(0, n, size):
            hi = lo + size
            batches.append(list(zip(plan.recipients[lo:hi], plan.values[lo:hi])))
            parts.append(sum(plan.recipient_parts[lo:hi]))
        content = plan.template
    else:
        batches = [plan.recipients[lo:lo + size] for lo in range(0, n, size)]
        parts = [len(b) * plan.parts_per_recipient for b in batches]
        content = plan.content
    return store.create_campaign(
        kind=plan.kind, content=content, template_id=plan.template_id, name=name, batches=batches,
        batch_parts=parts, invalid=len(plan.invalid) + extra_invalid,
        duplicates=len(plan.duplicates) + extra_duplicates,
        suppressed=len(plan.suppressed), batch_size=size, code=code)
