"""The 联江·云通讯 gateway client: no Qt, no storage. See ../shared/ljioe-api.md."""

from .auth import make_key
from .client import DEFAULT_BASE_URL, LjClient
from .codes import BUSY, CODES, NO_DATA, SUCCESS
from .errors import LjApiError, LjBadResponseError, LjError, LjLimitError, LjTransportError
from .limits import MAX_EXT_LEN, MAX_MOBILES, MAX_TEMPLATE_ROWS
from .models import Reply, Report, SendResult

__all__ = [
    "BUSY", "CODES", "DEFAULT_BASE_URL", "LjApiError", "LjBadResponseError", "LjClient", "LjError", "LjLimitError",
    "LjTransportError", "MAX_EXT_LEN", "MAX_MOBILES", "MAX_TEMPLATE_ROWS", "NO_DATA", "Reply", "Report",
    "SUCCESS", "SendResult", "make_key",
]
