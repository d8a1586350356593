"""Typed, frozen results of gateway calls (the contract's fields in snake_case)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SendResult:
    """Answer to an accepted send: one msgId shared by every number of the request."""

    msg_id: str
    code: int = 20000
    desc: str = "success"


@dataclass(frozen=True, slots=True)
class Report:
    """One delivery report (状态报告). ``code`` is the carrier status: ``DELIVRD`` means delivered."""

    msg_id: str
    mobile: str
    code: str
    time: str
    ext: str = ""

    @property
    def delivered(self) -> bool:
        return self.code == "DELIVRD"


@dataclass(frozen=True, slots=True)
class Reply:
    """One reply (上行回复). ``expand`` is the extension number the reply was sent to."""

    mobile: str
    content: str
    time: str
    expand: str = ""
    msg_id: str = ""
