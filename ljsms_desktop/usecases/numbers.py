"""Numbers from an earlier campaign, to send to again."""

from __future__ import annotations

from ..core.campaign_names import TEST_PREFIX
from ..store import browse
from .errors import NO_CAMPAIGN, UseCaseError
from .services import Services


def campaigns_to_pick(services: Services) -> list[tuple[int, str, str, int, str]]:
    """Earlier campaigns, newest first, without test sends: (id, name, created_at, recipients, state)."""
    with services.store() as store:
        return [(c.id, c.name, c.created_at, c.recipients, c.state) for c in reversed(store.campaigns())
                if not c.name.startswith(TEST_PREFIX)]


def numbers_to_retry(services: Services, campaign_id: int) -> list[str]:
    """The campaign's numbers worth sending again: a failure report, or never sent (rejected batches,
    batches left planned in a stopped or cancelled campaign). Not: delivered numbers, numbers still
    awaiting a report, numbers of "unknown" batches (they may have gone out)."""
    with services.store() as store:
        if store.campaign(campaign_id) is None:
            raise UseCaseError(NO_CAMPAIGN, campaign=campaign_id)
        return browse.failed_numbers(store.conn, campaign_id)
