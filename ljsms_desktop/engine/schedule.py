"""Scheduled sends and quiet hours (no Qt): what runs when, and when marketing must wait.

A scheduled send is a campaign already created in the store (its numbers, batches and text are
there, durable), plus a due time kept here, in ``schedules.json`` in the data folder. The file is
tiny (one entry per scheduled send) and written atomically (temp file + ``os.replace``), so a
crash leaves either the old or the new list. The window checks it on a timer while it is open (the
tray keeps it open when the window is closed); nothing runs while the program is not running —
a send that fell due meanwhile runs at the next start. A file or an entry that cannot be read is
never silently dropped: the file as it was is kept as ``schedules.json.bad-YYYYMMDD-HHMMSS`` before
the next save, and ``ScheduleBook.notices`` says so (codes; the window and ``ljsms`` word them).

Quiet hours (免打扰时段, default 21:00-08:00, a setting): marketing messages should not reach
people at night. A marketing send that would start or run into them asks first; a scheduled one
waits until they end. ``start == end`` means no quiet hours. Times are local, naive datetimes.

Hand-made: a few lines of date arithmetic and a JSON list; no library models either.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, time, timedelta
from pathlib import Path

from .. import paths

FILE_NAME = "schedules.json"

PENDING = "pending"      # waiting for its time
STARTED = "started"      # handed to the engine; resumed at the next start if it did not finish
DONE = "done"
FAILED = "failed"
CANCELLED = "cancelled"

UNREADABLE = "unreadable"   # notice: the whole file could not be read (not JSON, not a list)
ENTRIES = "entries"         # notice: some entries could not be read


@dataclass(frozen=True)
class FileNotice:
    """Part of schedules.json could not be read: *code*, how many entries, where the file was kept."""

    code: str
    count: int = 0
    backup: str = ""


# -- quiet hours -----------------------------------------------------------------------------------
def parse_hhmm(text: str, default: str = "00:00") -> time:
    """``"21:00"`` → time(21, 0); an unreadable text gives *default*."""
    for candidate in (text, default):
        try:
            hh, mm = str(candidate).strip().split(":")[:2]
            return time(int(hh), int(mm))
        except (ValueError, TypeError):
            continue
    return time(0, 0)


def _window(start: str, end: str) -> tuple[time, time] | None:
    s, e = parse_hhmm(start, "21:00"), parse_hhmm(end, "08:00")
    return None if s == e else (s, e)


def in_quiet_hours(when: datetime, start: str = "21:00", end: str = "08:00") -> bool:
    """True when *when* falls in the quiet hours [start, end) (the window may cross midnight)."""
    w = _window(start, end)
    if w is None:
        return False
    s, e = w
    t = when.time()
    if s < e:
        return s <= t < e
    return t >= s or t < e


def quiet_hours_end(when: datetime, start: str = "21:00", end: str = "08:00") -> datetime:
    """The first moment at or after *when* that is outside the quiet hours (*when* itself if it is)."""
    if not in_quiet_hours(when, start, end):
        return when
    e = parse_hhmm(end, "08:00")
    candidate = datetime.combine(when.date(), e)
    if candidate <= when:
        candidate += timedelta(days=1)
    return candidate


def next_quiet_start(when: datetime, start: str = "21:00", end: str = "08:00") -> datetime | None:
    """When the next quiet period begins, at or after *when* (None when there are no quiet hours)."""
    if _window(start, end) is None:
        return None
    s = parse_hhmm(start, "21:00")
    candidate = datetime.combine(when.date(), s)
    if candidate < when:
        candidate += timedelta(days=1)
    return candidate


def runs_into_quiet(begin: datetime, duration: timedelta, start: str = "21:00", end: str = "08:00") -> bool:
    """True when a send starting at *begin* and lasting about *duration* touches the quiet hours."""
    if in_quiet_hours(begin, start, end):
        return True
    nxt = next_quiet_start(begin, start, end)
    return nxt is not None and nxt < begin + duration


def estimate_duration(batches: int, seconds_per_batch: float = 1.0) -> timedelta:
    """A rough, deliberately generous guess of how long *batches* gateway requests take."""
    return timedelta(seconds=max(1, batches) * seconds_per_batch)


# -- the schedule list ----------------------------------------------------------------------------
@dataclass
class Schedule:
    """One scheduled send: campaign *campaign_id* (in the store) goes out at *due* (local time)."""

    campaign_id: int
    due: str                      # ISO local time, "2026-11-11T09:30:00"
    marketing: bool = True
    origin: str = "compose"       # which tab made it: "compose" | "template"
    label: str = ""               # what the user sees: the text's start and the number count
    recipients: int = 0
    cost: int = 0
    state: str = PENDING
    note: str = ""                # why it waits / failed, in Chinese
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    created_at: str = field(default_factory=lambda: datetime.now().isoformat(timespec="seconds"))

    @property
    def due_at(self) -> datetime:
        return datetime.fromisoformat(self.due)

    def runnable_at(self, quiet_start: str, quiet_end: str) -> datetime:
        """When it may actually start: its due time, moved past the quiet hours for marketing."""
        due = self.due_at
        if self.marketing:
            return quiet_hours_end(due, quiet_start, quiet_end)
        return due


def _entry(item) -> Schedule | None:
    """One entry of the file as a Schedule, or None when it cannot be used."""
    if not isinstance(item, dict) or "campaign_id" not in item or "due" not in item:
        return None
    known = {f.name for f in fields(Schedule)}
    try:
        s = Schedule(**{k: v for k, v in item.items() if k in known})
        s.due_at  # noqa: B018 - refuse an unreadable time now, not later
    except (TypeError, ValueError):
        return None
    if not isinstance(s.campaign_id, int) or isinstance(s.campaign_id, bool):
        return None
    return s


class ScheduleBook:
    """The scheduled sends of one data folder, kept in ``schedules.json``.

    Every change is written at once (atomically). Reading and writing a file of a few entries takes
    well under a millisecond, so the window may use it on the GUI thread.
    """

    def __init__(self, home: str | os.PathLike[str]):
        self.path = Path(home) / FILE_NAME
        self.notices: list[FileNotice] = []
        self._items: list[Schedule] = self._load()

    def _load(self) -> list[Schedule]:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError:
            self.notices.append(FileNotice(UNREADABLE))
            return []
        try:
            raw = json.loads(data.decode("utf-8-sig"))
        except ValueError:
            raw = None
        if not isinstance(raw, list):
            self.notices.append(FileNotice(UNREADABLE, backup=self._keep(data)))
            return []
        out, bad = [], 0
        for item in raw:
            s = _entry(item)
            if s is None:
                bad += 1
            else:
                out.append(s)
        if bad:
            self.notices.append(FileNotice(ENTRIES, bad, self._keep(data)))
        return out

    def _keep(self, data: bytes) -> str:
        kept = paths.keep_bad_copy(self.path, data)
        return str(kept) if kept else ""

    def _save(self) -> None:
        paths.make_private_dir(self.path.parent)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".schedules.", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump([asdict(s) for s in self._items], f, ensure_ascii=False, indent=1)
            os.replace(tmp, self.path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise

    def all(self) -> list[Schedule]:
        return list(self._items)

    def pending(self) -> list[Schedule]:
        """Sends still to run: waiting ones, and started ones that did not finish (to be resumed)."""
        return [s for s in self._items if s.state in (PENDING, STARTED)]

    def get(self, schedule_id: str) -> Schedule | None:
        return next((s for s in self._items if s.id == schedule_id), None)

    def add(self, schedule: Schedule) -> Schedule:
        self._items.append(schedule)
        self._save()
        return schedule

    def update(self, schedule_id: str, **changes) -> Schedule | None:
        s = self.get(schedule_id)
        if s is None:
            return None
        for k, v in changes.items():
            setattr(s, k, v)
        self._save()
        return s

    def remove(self, schedule_id: str) -> None:
        self._items = [s for s in self._items if s.id != schedule_id]
        self._save()

    def due(self, now: datetime, quiet_start: str, quiet_end: str) -> list[Schedule]:
        """Pending sends whose time has come (marketing ones only outside the quiet hours)."""
        return [
            s for s in self._items
            if s.state == PENDING and s.runnable_at(quiet_start, quiet_end) <= now
            and not (s.marketing and in_quiet_hours(now, quiet_start, quiet_end))
        ]

    def prune(self, keep: int = 50) -> None:
        """Forget all but the newest *keep* finished entries."""
        finished = [s for s in self._items if s.state not in (PENDING, STARTED)]
        drop = {s.id for s in finished[:-keep]} if len(finished) > keep else set()
        if drop:
            self._items = [s for s in self._items if s.id not in drop]
            self._save()
