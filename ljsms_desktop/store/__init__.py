"""The durable local store (stdlib sqlite3, one file in the data folder). No Qt.

``Store(path)`` / ``Store.open()`` per thread; figures via ``Store.stats(campaign_id)``.
"""

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
