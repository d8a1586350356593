"""Errors raised by the gateway client. Their texts never carry the password or the key."""

from __future__ import annotations

from .codes import ACCOUNT_WIDE, BUSY, describe


class LjError(Exception):
    """Base of every error the client raises."""

    message_zh: str = ""
    message_en: str = ""

    def __str__(self) -> str:  # Chinese first: the UI language
        return f"{self.message_zh} ({self.message_en})" if self.message_en else self.message_zh


class LjApiError(LjError):
    """The gateway answered, with a code other than success, or with something that is not its JSON.

    ``code`` is the vendor code (e.g. 40008), or 0 when the answer itself was unusable
    (HTML page, truncated JSON, missing fields, HTTP error status).
    """

    def __init__(self, code: int, desc: str = "", *, message_zh: str | None = None, message_en: str | None = None):
        self.code = int(code)
        self.desc = desc
        self.maybe_delivered = False  # the gateway answered with a refusal: nothing was accepted
        zh, en = describe(self.code, desc)
        self.message_zh = message_zh or zh
        self.message_en = message_en or en
        super().__init__(self.code, desc)

    @property
    def busy(self) -> bool:
        return self.code == BUSY

    @property
    def account_wide(self) -> bool:
        """True when every further request of this account would fail the same way."""
        return self.code in ACCOUNT_WIDE

    def __repr__(self) -> str:
        return f"LjApiError(code={self.code}, desc={self.desc!r})"


class LjBadResponseError(LjApiError):
    """The gateway (or something in front of it) answered with something that is not its JSON:
    an HTML error page, truncated JSON, missing fields, an HTTP error status. ``code`` is 0.

    ``maybe_delivered`` is True for a send: the gateway may have acted before the answer broke.
    """

    def __init__(self, endpoint: str, message_zh: str, message_en: str, *, maybe_delivered: bool = False,
                 http_status: int | None = None):
        super().__init__(0, "bad response", message_zh=message_zh, message_en=message_en)
        self.endpoint = endpoint
        self.maybe_delivered = maybe_delivered
        self.http_status = http_status

    def __repr__(self) -> str:
        return f"LjBadResponseError({self.endpoint!r}, http_status={self.http_status}, " \
               f"maybe_delivered={self.maybe_delivered})"


class LjTransportError(LjError):
    """The request did not get a usable HTTP answer (no connection, timeout, reset).

    ``maybe_delivered`` is True when the request may have reached the gateway and been acted on
    (timeout or reset after the body was sent): a send in that state must not be repeated blindly.
    """

    def __init__(self, message_zh: str, message_en: str, *, maybe_delivered: bool, connect_failed: bool = False):
        self.message_zh = message_zh
        self.message_en = message_en
        self.maybe_delivered = maybe_delivered
        self.connect_failed = connect_failed
        super().__init__(message_en)

    def __repr__(self) -> str:
        return f"LjTransportError({self.message_en!r}, maybe_delivered={self.maybe_delivered})"


class LjLimitError(LjError, ValueError):
    """A request broke a documented limit; raised before any byte is sent."""

    def __init__(self, message_zh: str, message_en: str):
        self.message_zh = message_zh
        self.message_en = message_en
        super().__init__(message_en)
