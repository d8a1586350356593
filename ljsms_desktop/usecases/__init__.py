"""Use cases (no Qt): what both front ends do, done one way.

The window's ``jobs`` and the command line's ``commands`` call these, so a campaign is planned,
stored, sent, resumed and closed the same way from both, and stored with the same figures. Each
takes a :class:`Services` (store and client factories, a clock) and hands up plain data and codes
(``engine.notices``, :class:`UseCaseError`); only ``ui/wording.py`` and the command line word them.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

# Lazy (PEP 562, see ljsms_desktop/_lazy.py): a name's submodule is imported when the name is first used.
_EXPORTS = {
    "Draft": "drafts",
    "draft_plain": "drafts",
    "draft_template": "drafts",
    "UseCaseError": "errors",
    "TEST_PREFIX": "numbers",
    "campaigns_to_pick": "numbers",
    "numbers_to_retry": "numbers",
    "SendOutcome": "sending",
    "RunHooks": "sending",
    "UnknownBatch": "sending",
    "campaign_to_resume": "sending",
    "cancel_campaign": "sending",
    "send_campaign": "sending",
    "send_draft": "sending",
    "store_draft": "sending",
    "Services": "services",
    "import_for_template": "templates",
    "save_template": "templates",
    "saved_templates": "templates",
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # what the names are, for type checkers and readers
    from .drafts import Draft, draft_plain, draft_template
    from .errors import UseCaseError
    from .numbers import TEST_PREFIX, campaigns_to_pick, numbers_to_retry
    from .sending import (
        SendOutcome, RunHooks, UnknownBatch, campaign_to_resume, cancel_campaign, send_campaign, send_draft,
        store_draft,
    )
    from .services import Services
    from .templates import import_for_template, save_template, saved_templates


__all__ = [
    "Draft", "SendOutcome", "RunHooks", "Services", "TEST_PREFIX", "UnknownBatch", "UseCaseError", "campaign_to_resume",
    "campaigns_to_pick", "cancel_campaign", "draft_plain", "draft_template", "import_for_template",
    "numbers_to_retry", "save_template", "saved_templates", "send_campaign", "send_draft", "store_draft",
]
