"""Store a draft, send it, resume it, cancel it: the one road from both front ends to the engine.

``send_draft`` stores a :class:`~ljsms_desktop.usecases.drafts.Draft` as a campaign and sends it;
``send_campaign`` sends (or resumes) a stored one; ``cancel_campaign`` gives one up for good. They run
in the caller's thread (the window's worker, the command line's main thread) and report through
:class:`RunHooks`: progress figures, the engine's notices as codes and parameters
(``engine.notices``), the campaign's unknown batches whenever one more turns up. The result is an
:class:`SendOutcome`: plain data; the front end words it.

Rule kept here for both front ends: a fresh send that the engine stopped before anything went out
(wrong password, no balance, a refused signature…) is closed (cancelled), not left resumable: the
user fixes the cause and sends again, and a forgotten resumable copy must not go out a second time
later. A resumed campaign is never closed this way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..engine import RunControl, create_campaign, notices, run_campaign
from ..engine.notices import Notice
from ..store import CANCELLED, RESUMABLE, STATE_ZH, STOPPED, CampaignStats, Store
from .drafts import Draft
from .errors import NO_CAMPAIGN, NOT_RESUMABLE, NOT_SENDABLE, UseCaseError
from .services import Services

CLOSED_UNSENT_ZH = "（未发出任何短信，已关闭）"
"""Added to the stored stop reason of a fresh send closed because nothing went out (a reason that is not
a Notice; one that is is stored as ``notices.CLOSED_UNSENT``, the same words)."""

_UNKNOWN_AFTER = frozenset({notices.BATCH_UNKNOWN, notices.RECOVERED})


@dataclass(frozen=True, slots=True)
class UnknownBatch:
    """A batch the gateway may have accepted (its answer was lost): never resent automatically."""

    seq: int
    size: int
    error: str


@dataclass
class RunHooks:
    """Callbacks of a run, called in the running thread (each optional)."""

    created: Callable[[int], None] | None = None                      # campaign id, once stored
    progress: Callable[[int, int, int, int], None] | None = None      # batches done/total, numbers sent/total
    notice: Callable[[Notice], None] | None = None                    # engine.notices.Notice
    unknown: Callable[[list[UnknownBatch]], None] | None = None       # the campaign's unknown batches so far


@dataclass(frozen=True)
class SendOutcome:
    """How a send ended. ``state``: the campaign's state (done, paused, cancelled, stopped); ``stop``:
    why it did not finish (None when done); ``code``: the gateway's code when a refusal for every
    batch stopped it; ``closed``: a fresh send stopped before anything went out, now cancelled."""

    campaign_id: int
    state: str
    stop: Notice | None
    code: int
    closed: bool
    stats: CampaignStats
    unknown_batches: list[UnknownBatch] = field(default_factory=list)

    @property
    def sent_nothing(self) -> bool:
        s = self.stats
        return not (s.accepted or s.rejected or s.unknown)


def unknown_batches(store: Store, campaign_id: int) -> list[UnknownBatch]:
    return [UnknownBatch(b.seq, b.size, b.error) for b in store.batches(campaign_id, "unknown")]


def store_draft(services: Services, draft: Draft) -> int:
    """Store *draft* as a campaign (state ready, not sent) and return its id (e.g. a scheduled send)."""
    with services.store() as store:
        return _store(services, store, draft)


def _store(services: Services, store: Store, draft: Draft) -> int:
    plan = draft.plan
    if not plan.ok:
        raise UseCaseError(NOT_SENDABLE, problems_zh="；".join(p.message_zh for p in plan.problems),
                           problems_en="; ".join(p.message_en or p.message_zh for p in plan.problems))
    with services.bulk():
        return create_campaign(store, plan, name=draft.name, extra_invalid=draft.import_invalid,
                               extra_duplicates=draft.import_duplicates)


def send_draft(services: Services, draft: Draft, *, control: RunControl | None = None,
               hooks: RunHooks | None = None, **engine_options: Any) -> SendOutcome:
    """Store *draft* as a campaign and send it (see the module's rule on a send that sent nothing)."""
    hooks = hooks or RunHooks()
    with services.store() as store, services.make_client() as client:  # no account: nothing stored
        campaign_id = _store(services, store, draft)
        if hooks.created is not None:
            hooks.created(campaign_id)
        outcome = _run(store, client, campaign_id, control, hooks, engine_options)
        if outcome.state == STOPPED and outcome.sent_nothing:
            if outcome.stop is not None:   # stored as words and as data (the window words it in its language)
                closed = notices.notice(notices.CLOSED_UNSENT, reason=outcome.stop)
                store.set_campaign_state(campaign_id, CANCELLED, notices.zh(closed), notices.to_data(closed))
            else:
                store.set_campaign_state(campaign_id, CANCELLED, CLOSED_UNSENT_ZH)
            outcome = SendOutcome(campaign_id, CANCELLED, outcome.stop, outcome.code, True, store.stats(campaign_id),
                              outcome.unknown_batches)
        return outcome


def send_campaign(services: Services, campaign_id: int, *, control: RunControl | None = None,
                  hooks: RunHooks | None = None, **engine_options: Any) -> SendOutcome:
    """Send (or resume) stored campaign *campaign_id*: only batches that never went out are sent."""
    with services.store() as store:
        resumable(store, campaign_id)
        with services.make_client() as client:
            return _run(store, client, campaign_id, control, hooks or RunHooks(), engine_options)


def resumable(store: Store, campaign_id: int):
    """The campaign if it can still send (ready, sending, paused, stopped); else a UseCaseError."""
    camp = store.campaign(campaign_id)
    if camp is None:
        raise UseCaseError(NO_CAMPAIGN, campaign=campaign_id)
    if camp.state not in RESUMABLE:
        raise UseCaseError(NOT_RESUMABLE, campaign=campaign_id, state=camp.state,
                           state_zh=STATE_ZH.get(camp.state, camp.state))
    return camp


def campaign_to_resume(services: Services, campaign_id: int) -> tuple[Any, CampaignStats]:
    """(campaign, figures) of a campaign that can still send, to show before resuming or cancelling."""
    with services.store() as store:
        camp = resumable(store, campaign_id)
        return camp, store.stats(campaign_id)


def cancel_campaign(services: Services, campaign_id: int, reason: str = notices.ZH[notices.USER_CANCELLED]
                    ) -> CampaignStats:
    """Give up *campaign_id* for good: its remaining batches are never sent (a run in another window or
    process stops before its next batch); batches already sent or unknown are not touched. The default
    reason is also stored as data (``USER_CANCELLED``: worded in the window's language); a reason of the
    caller's own is stored as its words only."""
    default = notices.notice(notices.USER_CANCELLED)
    data = notices.to_data(default) if reason == notices.zh(default) else None
    with services.store() as store:
        resumable(store, campaign_id)
        store.set_campaign_state(campaign_id, CANCELLED, reason, data)
        return store.stats(campaign_id)


def _run(store: Store, client, campaign_id: int, control: RunControl | None, hooks: RunHooks,
         engine_options: dict[str, Any]) -> SendOutcome:
    seen = [-1]

    def on_notice(n: Notice) -> None:
        if hooks.notice is not None:
            hooks.notice(n)
        if hooks.unknown is not None and n.code in _UNKNOWN_AFTER:
            unknown = unknown_batches(store, campaign_id)   # a small indexed query, only after such a notice
            if len(unknown) != seen[0]:
                seen[0] = len(unknown)
                hooks.unknown(unknown)

    result = run_campaign(store, client, campaign_id, control=control or RunControl(),
                          on_progress=hooks.progress, on_notice=on_notice, **engine_options)
    return SendOutcome(campaign_id, result.state, result.stop, result.code, False, store.stats(campaign_id),
                   unknown_batches(store, campaign_id))
