"""The durable local store (stdlib sqlite3, one file in the data folder). No Qt.

``Store(path)`` / ``Store.open()`` per thread; figures via ``Store.stats(campaign_id)``.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

# Lazy (PEP 562, see ljsms_desktop/_lazy.py): a name's submodule is imported when the name is first used.
_EXPORTS = {
    "Transaction": "db",
    "StoreError": "errors",
    "B_ACCEPTED": "models",
    "B_PLANNED": "models",
    "B_REJECTED": "models",
    "B_SENDING": "models",
    "B_UNKNOWN": "models",
    "CANCELLED": "models",
    "DONE": "models",
    "PAUSED": "models",
    "READY": "models",
    "RESUMABLE": "models",
    "SENDING": "models",
    "STATE_ZH": "models",
    "STOPPED": "models",
    "Batch": "models",
    "Campaign": "models",
    "CampaignStats": "models",
    "SavedTemplate": "models",
    "SaveResult": "models",
    "SuppressedNumber": "models",
    "Store": "store",
}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # what the names are, for type checkers and readers
    from .db import Transaction
    from .errors import StoreError
    from .models import (
        B_ACCEPTED, B_PLANNED, B_REJECTED, B_SENDING, B_UNKNOWN, CANCELLED, DONE, PAUSED, READY, RESUMABLE, SENDING,
        STATE_ZH, STOPPED, Batch, Campaign, CampaignStats, SavedTemplate, SaveResult, SuppressedNumber,
    )
    from .store import Store


__all__ = [
    "B_ACCEPTED", "B_PLANNED", "B_REJECTED", "B_SENDING", "B_UNKNOWN", "Batch", "CANCELLED", "Campaign",
    "CampaignStats", "DONE", "PAUSED", "READY", "RESUMABLE", "SENDING", "STATE_ZH", "STOPPED", "SaveResult",
    "SavedTemplate", "Store", "StoreError", "SuppressedNumber", "Transaction",
]
