"""The campaign engine (no Qt): create campaigns from plans, send them exactly once, pull reports.

The GUI runs these in QThreads with plain callbacks; the ``ljsms`` command line runs them directly.

* :func:`create_campaign` — store a :class:`~ljsms_desktop.core.planning.Plan` as a campaign.
* :class:`CampaignRunner` — send (or resume) one campaign; :class:`RunControl` pauses/cancels it.
* :class:`Poller` — pull delivery reports and replies into the store, once or on an interval.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

# Lazy (PEP 562, see ljsms_desktop/_lazy.py): a name's submodule is imported when the name is first used.
_EXPORTS = {
    "create_campaign": "campaigns",
    "RunControl": "control",
    "PollResult": "poller",
    "Poller": "poller",
    "CampaignBusyError": "runner",
    "CampaignRunner": "runner",
    "RunResult": "runner",
    "run_campaign": "runner",
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # what the names are, for type checkers and readers
    from .campaigns import create_campaign
    from .control import RunControl
    from .poller import PollResult, Poller
    from .runner import CampaignBusyError, CampaignRunner, RunResult, run_campaign


__all__ = ["CampaignBusyError", "CampaignRunner", "PollResult", "Poller", "RunControl", "RunResult",
           "create_campaign", "run_campaign"]
