"""Settings shared by the command line and the window, in ``settings.json`` in the data folder.

The password is never a setting: it lives in the OS keyring (see credentials.py).
Window geometry and other view state belong to QSettings in the ui layer, not here.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from . import paths
from .api.client import DEFAULT_BASE_URL

_FORBIDDEN = {"password", "key", "secret"}


@dataclass
class Settings:
    base_url: str = DEFAULT_BASE_URL
    account: str = ""
    ext_code: str = ""                 # default extension number prefix (digits), may be empty
    poll_interval: int = 60            # seconds between report/reply pulls
    balance_threshold: int = 1000      # balance indicator turns amber below this
    test_numbers: list[str] = field(default_factory=list)
    quiet_start: str = "21:00"         # marketing sends into quiet hours ask first
    quiet_end: str = "08:00"

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or paths.settings_path()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in raw.items() if k in known}) if isinstance(raw, dict) else cls()

    def save(self, path: Path | None = None) -> None:
        path = path or paths.settings_path()
        data = {k: v for k, v in asdict(self).items() if k not in _FORBIDDEN}
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".settings.", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=2)
        os.replace(tmp, path)
