"""A use case that cannot do what was asked says why: a code and parameters.

Like the client's and the store's errors it also carries its words in both languages
(``message_zh`` / ``message_en``), so the window's error path (``jobs.task.user_message`` →
``ui/wording.message``) and the log show it as a known failure, not an internal error.
"""

from __future__ import annotations

from typing import Any

NO_CAMPAIGN = "no_campaign"          # campaign: no campaign has this id
NOT_RESUMABLE = "not_resumable"      # campaign, state, state_zh: finished or cancelled, nothing to send
NO_TEMPLATE = "no_template"          # the template id or the text is empty
NOT_SENDABLE = "not_sendable"        # problems_zh, problems_en: the plan cannot be sent as it is
NOTHING_TO_RESEND = "nothing_to_resend"  # campaign: no number of it fits what was asked to resend

_WORDS: dict[str, tuple[str, str]] = {
    NO_CAMPAIGN: ("没有编号为 {campaign} 的活动", "There is no campaign {campaign}."),
    NOT_RESUMABLE: ("活动 {campaign} {state_zh}，没有可发送的内容", "Campaign {campaign} is {state}: nothing is left to send."),
    NO_TEMPLATE: ("请填写模板编号和模板内容", "Fill in the template ID and the template text."),
    NOT_SENDABLE: ("无法发送：{problems_zh}", "Cannot send: {problems_en}"),
    NOTHING_TO_RESEND: ("活动 {campaign} 没有符合条件的号码可重发", "Campaign {campaign} has no number to resend that fits."),
}


class UseCaseError(Exception):
    """Refused before anything was done. ``code``: one of this module's; ``params`` fill its words."""

    def __init__(self, code: str, **params: Any):
        self.code = code
        self.params = params
        zh, en = _WORDS.get(code, (code, code))
        self.message_zh = zh.format(**params)
        self.message_en = en.format(**params)
        super().__init__(self.message_en)
