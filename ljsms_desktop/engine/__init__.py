"""The campaign engine (no Qt): create campaigns from plans, send them exactly once, pull reports.

The GUI runs these in QThreads with plain callbacks; the ``ljsms`` command line runs them directly.

* :func:`create_campaign` — store a :class:`~ljsms_desktop.core.planning.Plan` as a campaign.
* :class:`CampaignRunner` — send (or resume) one campaign; :class:`RunControl` pauses/cancels it.
* :class:`Poller` — pull delivery reports and replies into the store, once or on an interval.
"""

from .campaigns import create_campaign
from .control import RunControl
from .poller import PollResult, Poller
from .runner import CampaignBusyError, CampaignRunner, RunResult, run_campaign

__all__ = ["CampaignBusyError", "CampaignRunner", "PollResult", "Poller", "RunControl", "RunResult",
           "create_campaign", "run_campaign"]
