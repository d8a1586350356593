"""After 发送: the campaign list, a campaign's detail, resending its failed or unconfirmed numbers,
exporting its results, and the suppression list (退订/屏蔽名单). No Qt.

The window's 发送记录 / detail / 退订名单 and the command line call these; the figures come from
``store.views`` (all SQL stays in ``store/``), the words from the layers above.

Resending keeps the rules of ``usecases.numbers_to_retry``: numbers of ``unknown`` batches and numbers
still awaiting a report are never picked by 重发失败号码; the numbers of an unknown batch that drew no
report for a long time are offered apart (:func:`unconfirmed_draft`), as an explicit action the user
confirms knowing that some of them may get the message twice.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..core import delivery_codes
from .drafts import Draft
from .errors import NO_CAMPAIGN, NOTHING_TO_RESEND, UseCaseError
from .services import Services

RESEND_OF = "resend_of:{0}"
"""Meta key linking a resend campaign (its id) to the campaign it resends (the value)."""

DEFAULT_STALE_HOURS = 72


def default_buckets() -> tuple[str, ...]:
    """Failure buckets 重发失败号码 ticks by default: where a later retry can help (never the
    permanent ones — empty numbers, blacklists, blocked content — and never ``unknown``)."""
    return tuple(b for b in delivery_codes.FAILURE_BUCKETS
                 if delivery_codes.BUCKETS[b].retry_default and b != delivery_codes.UNKNOWN)


def resendable_buckets() -> tuple[str, ...]:
    """Buckets the user may tick: every failure bucket except ``unknown`` (no clear reason: the number
    may have received it)."""
    return tuple(b for b in delivery_codes.FAILURE_BUCKETS if b != delivery_codes.UNKNOWN)


# -- the list and the detail ---------------------------------------------------------------------------

@dataclass(frozen=True)
class CampaignList:
    campaigns: list          # store.views.CampaignSummary, newest first
    days: list               # store.views.DaySummary, newest first


def campaign_list(services: Services, *, include_tests: bool = True, days: int | None = 60) -> CampaignList:
    """发送记录: every campaign with its figures, and the daily summary (test sends never counted there)."""
    with services.store() as store:
        q = store.views.campaigns
        return CampaignList(q.summaries(include_tests=include_tests), q.daily(include_tests=False, days=days))


@dataclass(frozen=True)
class DetailData:
    """What the campaign detail shows: ``detail`` (store.views.CampaignDetail), ``timeline``
    ([TimeBin]), ``campaign`` (store.models.Campaign: text, template id) and ``resend_of`` (the campaign
    this one resends, or None)."""

    detail: object
    timeline: list
    campaign: object
    resend_of: int | None
    stale_after_hours: float


def campaign_glance(services: Services, campaign_id: int):
    """The campaign's line of 发送记录 (``CampaignSummary``, a few indexed reads): what the detail shows while
    its full figures (:func:`campaign_detail`, which reads every report for the send-to-report times) come."""
    with services.store() as store:
        summary = store.views.campaigns.summary(campaign_id)
        if summary is None:
            raise UseCaseError(NO_CAMPAIGN, campaign=campaign_id)
        return summary


def campaign_detail(services: Services, campaign_id: int, *, stale_after_hours: float = DEFAULT_STALE_HOURS,
                    now: str | None = None, bins: int = 48) -> DetailData:
    with services.store() as store:
        camp = store.campaign(campaign_id)
        if camp is None:
            raise UseCaseError(NO_CAMPAIGN, campaign=campaign_id)
        q = store.views.campaigns
        detail = q.detail(campaign_id, stale_after_hours=stale_after_hours, now=now)
        timeline = q.timeline(campaign_id, bins=bins)
        link = store.meta(RESEND_OF.format(campaign_id))
        return DetailData(detail, timeline, camp, int(link) if link and link.isdigit() else None,
                          stale_after_hours)


# -- resending -----------------------------------------------------------------------------------------

def _draft(store, camp, rows: list[tuple[str, tuple[str, ...] | None]], name: str) -> Draft:
    from ..core.planning import plan_plain, plan_template

    suppressed = store.suppressed_mobiles()
    if camp.kind == "template":
        plan = plan_template(camp.content, camp.template_id, [(m, list(v or ())) for m, v in rows],
                             suppressed=suppressed)
    else:
        plan = plan_plain(camp.content, [m for m, _v in rows], suppressed=suppressed)
    return Draft(plan, name)


def resend_draft(services: Services, campaign_id: int, buckets: Iterable[str], *, include_unsent: bool = True,
                 name: str = "") -> Draft:
    """重发失败号码: a draft of the same text to the campaign's numbers whose report fell in *buckets*
    (``unknown`` is dropped whatever is asked), plus, with *include_unsent*, numbers that never went out.
    A template campaign keeps each number's values. Numbers on the suppression list are left out.
    UseCaseError(NOTHING_TO_RESEND) when no number qualifies."""
    picked = tuple(b for b in buckets if b in resendable_buckets())
    with services.store() as store:
        camp = store.campaign(campaign_id)
        if camp is None:
            raise UseCaseError(NO_CAMPAIGN, campaign=campaign_id)
        rows = store.views.campaigns.numbers_by_bucket(campaign_id, picked, include_unsent=include_unsent)
        if not rows:
            raise UseCaseError(NOTHING_TO_RESEND, campaign=campaign_id)
        return _draft(store, camp, rows, name or "重发失败号码 · {0}".format(camp.name or f"#{camp.id}"))


def unconfirmed_draft(services: Services, campaign_id: int, *, older_than_hours: float = DEFAULT_STALE_HOURS,
                      now: str | None = None, name: str = "") -> Draft:
    """重发未确认号码: numbers of ``unknown`` batches that drew no report in *older_than_hours*. They may
    have been delivered: the window asks first, stating that risk; nothing calls this by itself."""
    with services.store() as store:
        camp = store.campaign(campaign_id)
        if camp is None:
            raise UseCaseError(NO_CAMPAIGN, campaign=campaign_id)
        rows = store.views.campaigns.stale_unknown_numbers(campaign_id, older_than_hours=older_than_hours, now=now)
        if not rows:
            raise UseCaseError(NOTHING_TO_RESEND, campaign=campaign_id)
        return _draft(store, camp, rows, name or "重发未确认号码 · {0}".format(camp.name or f"#{camp.id}"))


def link_resend(services: Services, new_id: int, original_id: int) -> None:
    """Remember that campaign *new_id* resends *original_id* (the detail shows it)."""
    with services.store() as store:
        store.set_meta(RESEND_OF.format(new_id), str(original_id))


# -- 导出结果 ----------------------------------------------------------------------------------------------

RESULT_HEADERS = ("手机号", "批次", "批次状态", "状态代码", "状态", "原因", "报告时间", "回复")
_BATCH_STATE_ZH = {"accepted": "已提交", "rejected": "被拒绝", "unknown": "结果未知", "planned": "未发送",
                   "sending": "发送中", "unsent": "未发送"}


def _status_zh(row) -> tuple[str, str]:
    if row.code:
        info = delivery_codes.explain(row.code)
        return ("已送达" if info.delivered else "失败·" + info.bucket_zh), ("" if info.delivered else info.explanation_zh)
    if row.batch_state == "accepted":
        return "等待报告", ""
    if row.batch_state == "unknown":
        return "结果未知", "提交时未收到网关答复，可能已发出"
    if row.batch_state == "rejected":
        return "网关拒收", ""
    return "未发送", ""


def export_results(services: Services, campaign_id: int, path: str | os.PathLike[str], *,
                   on_progress: Callable[[int, float], object] | None = None, cancel=None) -> tuple[Path, int]:
    """One row per number of the campaign to *path* (.xlsx/.csv): number, its template values (for a
    template campaign), batch, batch state, status code and words, reason, report time, reply.
    Returns (path, rows written). Cells are written as text (a reply starting with = stays text)."""
    from ..core.templates import placeholder_count
    from ..sheets import export_rows

    with services.store() as store:
        camp = store.campaign(campaign_id)
        if camp is None:
            raise UseCaseError(NO_CAMPAIGN, campaign=campaign_id)
        n_values = placeholder_count(camp.content) if camp.kind == "template" else 0
        headers = [RESULT_HEADERS[0], *(f"变量{i}" for i in range(1, n_values + 1)), *RESULT_HEADERS[1:]]

        def rows():
            for r in store.views.campaigns.results(campaign_id):
                status, why = _status_zh(r)
                values = list(r.values or ())[:n_values]
                values += [""] * (n_values - len(values))
                yield [r.mobile, *values, r.batch_seq, _BATCH_STATE_ZH.get(r.batch_state, r.batch_state), r.code,
                       status, why, r.report_time, r.reply]

        n = export_rows(path, headers, rows(), on_progress=on_progress, cancel=cancel,
                        total=camp.recipients or None, sheet_name="发送结果")
        return Path(path), n


# -- 退订/屏蔽名单 -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SuppressionPage:
    total: int
    entries: list     # store.views.SuppressionEntry, newest first


def suppression_page(services: Services, search: str = "", *, after: tuple | None = None,
                     limit: int = 500) -> SuppressionPage:
    with services.store() as store:
        q = store.views.suppression
        return SuppressionPage(q.count(search.strip()), q.page(search.strip(), after=after, limit=limit))


@dataclass(frozen=True)
class NumbersChange:
    """What adding or removing did: ``changed`` numbers, ``unchanged`` (already there / not there),
    ``invalid`` [(text, reason_zh)] of what was not a number."""

    changed: int
    unchanged: int
    invalid: list


def _numbers(raw: Iterable[str]) -> tuple[list[str], list[tuple[str, str]]]:
    from ..core.numbers import normalize_mobile, split_number_list

    good, bad = [], []
    for piece in split_number_list(",".join(raw)):
        check = normalize_mobile(piece)
        (good.append(check.mobile) if check.ok else bad.append((piece, check.reason_zh)))
    return list(dict.fromkeys(good)), bad


def suppress_numbers(services: Services, raw: Iterable[str], reason: str = "") -> NumbersChange:
    """Add numbers (typed or pasted in any form) by hand, with the user's reason."""
    good, bad = _numbers(raw)
    if not good:
        return NumbersChange(0, 0, bad)
    with services.store() as store:
        n = store.suppress(good, reason or "手动添加", "manual")
    return NumbersChange(n, len(good) - n, bad)


def unsuppress_numbers(services: Services, raw: Iterable[str], reason: str = "") -> NumbersChange:
    """Remove numbers from the list (the window asked first, with a reason: it goes to the log)."""
    import logging

    good, bad = _numbers(raw)
    if not good:
        return NumbersChange(0, 0, bad)
    with services.store() as store:
        n = store.unsuppress(good)
    logging.getLogger(__name__).info("removed %d numbers from the suppression list: %s", n, reason or "-")
    return NumbersChange(n, len(good) - n, bad)


def numbers_of_sheet(path: str | os.PathLike[str], *, sheet: str | None = None, cancel=None) -> tuple[list[str], int]:
    """The valid numbers of a sheet (read in the reader process) and how many rows were refused."""
    from .. import sheets

    result = sheets.import_sheet(path, sheet=sheet, cancel=cancel)
    return list(dict.fromkeys(result.valid_rows.mobiles())), int(result.invalid)


def suppress_sheet(services: Services, path: str | os.PathLike[str], *, sheet: str | None = None,
                   reason: str = "", cancel=None) -> NumbersChange:
    """Import a sheet of numbers into the suppression list (never to send to it)."""
    numbers, refused = numbers_of_sheet(path, sheet=sheet, cancel=cancel)
    with services.store() as store:
        n = store.suppress(numbers, reason or "导入：{0}".format(Path(path).name), "manual") \
            if numbers else 0
    return NumbersChange(n, len(numbers) - n, [("", "")] * refused)


OPT_OUT_SHEET_WORDS = ("退订", "屏蔽", "黑名单", "免打扰", "unsubscribe", "opt-out", "optout", "opt out",
                       "blacklist", "blocklist", "do not", "dnc")


def looks_like_opt_out_sheet(name: str) -> bool:
    """A sheet (or file) named like 退订 / 黑名单: its numbers are people not to send to."""
    low = (name or "").lower()
    return any(w in low for w in OPT_OUT_SHEET_WORDS)


def export_suppression(services: Services, path: str | os.PathLike[str], *,
                       on_progress: Callable[[int, float], object] | None = None, cancel=None) -> tuple[Path, int]:
    """The whole list to *path*: number, source, reason, code, date (newest first)."""
    from ..sheets import export_rows

    source_zh = {"reply": "回复退订", "report": "状态报告退订码", "manual": "手动"}

    with services.store() as store:
        q = store.views.suppression
        total = q.count()

        def rows():
            after = None
            while True:
                page = q.page("", after=after, limit=5000)
                if not page:
                    return
                for e in page:
                    yield [e.mobile, source_zh.get(e.source, e.source), e.reason, e.code, e.added_at]
                after = page[-1].key

        n = export_rows(path, ["手机号", "来源", "原因", "代码", "加入时间"], rows(), on_progress=on_progress,
                        cancel=cancel, total=total, sheet_name="屏蔽名单")
    return Path(path), n
