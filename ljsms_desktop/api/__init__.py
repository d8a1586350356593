"""The 联江·云通讯 gateway client: no Qt, no storage. See ../shared/ljioe-api.md."""

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

# Lazy (PEP 562, see ljsms_desktop/_lazy.py): a name's submodule is imported when the name is first used.
_EXPORTS = {
    "make_key": "auth",
    "DEFAULT_BASE_URL": "client",
    "LjClient": "client",
    "BUSY": "codes",
    "CODES": "codes",
    "NO_DATA": "codes",
    "SUCCESS": "codes",
    "LjApiError": "errors",
    "LjBadResponseError": "errors",
    "LjError": "errors",
    "LjLimitError": "errors",
    "LjTransportError": "errors",
    "MAX_EXT_LEN": "limits",
    "MAX_MOBILES": "limits",
    "MAX_TEMPLATE_ROWS": "limits",
    "Reply": "models",
    "Report": "models",
    "SendResult": "models",
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # what the names are, for type checkers and readers
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
