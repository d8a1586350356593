"""Lazy, SQL-filtered tables for 状态报告 and 上行回复 (after Anki's browser table model).

The model's ``rowCount`` is the number of rows matching the filter (the scrollbar covers all of them); it
holds only the pages of rows that came into view. Everything the store is asked runs on the view's own
query worker — one long-lived task of the window's job runner (``ctx.tasks``, so closing the window
cancels and joins it) with its own store connection, closed again a moment after the last request and
not opened at all while the window restores a backup (a restore needs the data file alone). The GUI
thread only sends requests and applies answers.

* Pages are ``PAGE`` rows, aligned on multiples of ``PAGE``. A page is found from a neighbour already
  loaded (``page(after=last key)`` / ``page_before(before=first key)``), from the top or the bottom
  (``page``/``page_before`` with no key), or from the nearest anchor (``anchors``: the key of every
  ``PAGE``-th row, fetched in the background after a filter is applied); a page with no anchor near (rows
  that arrived since) is reached page by page from the nearest page loaded above it. No OFFSET anywhere.
* A row not loaded yet is a placeholder ("…") until its page arrives; the newest page requests go first,
  and requests for pages scrolled past are dropped (asked again only while in view).
* A filter or sort change is a new *generation*: answers of older generations are dropped.
* Live refresh keeps what the user looks at: the keys of the top visible row and of the selected rows are
  sent along; in one read transaction (``store/snapshot.py``) the worker counts, finds their new positions
  (``position``), reads the whole pages on screen, counts the rows newer than the newest one seen at the
  top (``newer_than``: the "N 条新…" hint) and *moves* the anchors (the first ones' positions are read until
  one has moved by exactly the number of new rows; the rest shift by as much) rather than scanning every
  row again. The model is then reset, the selection put back and the scroll position set so the same row
  stays on top. The store's change stamp is read every second, so rows another process stores show too.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QByteArray, QItemSelection, QItemSelectionModel, QModelIndex, \
    QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QPushButton, QTableView, QVBoxLayout, QWidget

from ..jobs import TaskError, user_message

log = logging.getLogger(__name__)

PAGE = 200
MAX_PAGES = 60            # pages kept in memory (12,000 rows); the least recently used go first
MAX_PENDING_PAGES = 6     # page requests waiting; older ones (scrolled past) are dropped
IDLE_CLOSE_S = 0.25       # the worker closes its connection after this long without work
STAMP_INTERVAL_MS = 1000  # how often the store's change stamp is read (rows written by another process)
KEEP_SELECTED = 200       # selected rows whose keys are kept across a refresh
WAIT_FORGET_S = 1.0       # a page waiting for a starting key is forgotten when not in view for this long
ANCHOR_WALK = 40          # anchors whose new position is read after a refresh before the rest are shifted
HEAVY = ("anchors", "refresh")   # requests that scan every matching row: the connection is closed after them


# -- columns --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LazyColumn:
    name: str                                   # stable id (settings, column chooser)
    title: str
    text: Callable[[Any], str]
    color: Callable[[Any], str | None] | None = None
    tooltip: Callable[[Any], str | None] | None = None
    align_right: bool = False
    hidden: bool = False                        # hidden by default
    hideable: bool = True                       # offered in the column chooser
    sample: str = "0000-00-00 00:00:00"         # text that sets the column's first width
    sort: str | None = None                     # the store's sort column when its header is clicked


# -- the query worker -----------------------------------------------------------------------------------
@dataclass
class Request:
    kind: str                       # "open", "refresh", "anchors", "page", "stamp", "call"
    gen: int
    fn: Callable[[Any], Any]        # runs on the worker with store.views
    page: int | None = None
    on_done: Callable[[Any], Any] | None = None
    on_error: Callable[[TaskError], Any] | None = None
    priority: int = 1               # 0 first ("open", "refresh", "call"), then pages (newest first), then 2


class QueryWorker(QObject):
    """A view's background connection: requests in, answers back on the GUI thread (``answered``)."""

    answered = Signal(object, object)       # Request, result
    failed = Signal(object, object)         # Request, TaskError

    def __init__(self, ctx, name: str, owner: QObject):
        super().__init__(owner)
        self.ctx = ctx
        self.name = name
        self.owner = owner
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._queue: deque[Request] = deque()
        self._task = None

    # GUI thread ------------------------------------------------------------------------------------
    def submit(self, req: Request) -> list[Request]:
        """Queue *req*; returns the page requests it pushed out (scrolled past: not read)."""
        dropped: list[Request] = []
        with self._lock:
            if req.kind == "page":
                pages = [r for r in self._queue if r.kind == "page"]
                dropped = pages[:max(0, len(pages) - MAX_PENDING_PAGES + 1)]
                for old in dropped:
                    self._queue.remove(old)
            self._queue.append(req)
        self._wake.set()
        self._ensure_running()
        return dropped

    def drop(self, pred: Callable[[Request], bool]) -> list[Request]:
        """Take queued requests matching *pred* off the queue (returns them)."""
        with self._lock:
            gone = [r for r in self._queue if pred(r)]
            for r in gone:
                self._queue.remove(r)
        return gone

    def pending(self, pred: Callable[[Request], bool]) -> bool:
        with self._lock:
            return any(pred(r) for r in self._queue)

    def wake(self) -> None:
        """Start the worker again if requests wait and it is not running (it ends while a restore runs)."""
        if self.pending(lambda r: True):
            self._ensure_running()

    def _exclusive(self) -> bool:
        """A restore needs the data file alone (``ctx.store_exclusive``, set by ui/restore_dialog.py): the
        worker's task ends and is not started again until the restore is over."""
        return bool(getattr(self.ctx, "store_exclusive", False))

    def _ensure_running(self) -> None:
        if self._task is not None and self.ctx.tasks.is_running(self.name):
            return
        if getattr(self.ctx.tasks, "_closed", False) or self._exclusive():
            return
        self._task = self.ctx.tasks.run(self.name, self._loop, key=self.name, owner=self.owner,
                                        on_event=self._event, on_error=self._task_failed)

    def _event(self, kind: str, payload) -> None:
        req, value = payload
        if kind == "answer":
            self.answered.emit(req, value)
            if req.on_done is not None:
                req.on_done(value)
        else:
            self.failed.emit(req, value)
            if req.on_error is not None:
                req.on_error(value)

    def _task_failed(self, error: TaskError) -> None:
        log.warning("%s: query worker stopped: %s", self.name, error.message_en or error.message_zh)
        self._task = None

    # worker thread ---------------------------------------------------------------------------------
    def _take(self) -> Request | None:
        with self._lock:
            if not self._queue:
                return None
            best = min(self._queue, key=lambda r: r.priority)
            if best.priority == 1:   # pages: the newest request first (what is in view now)
                best = next(r for r in reversed(self._queue) if r.priority == 1)
            self._queue.remove(best)
            return best

    def _loop(self, t) -> None:
        from ..store import Store
        from ..store.snapshot import view_connection

        db_path = self.ctx.db_path
        store = None
        last = time.monotonic()
        try:
            while not t.cancelled:
                self._wake.clear()
                if self._exclusive():
                    return            # closes the store (finally); started again by the next request after it
                req = self._take()
                if req is None:
                    if store is not None and time.monotonic() - last > IDLE_CLOSE_S:
                        store.close()
                        store = None
                    self._wake.wait(0.05)
                    continue
                try:
                    if store is None:
                        store = Store(db_path)
                        view_connection(store.conn)
                    value = req.fn(store.views)
                except Exception as e:  # noqa: BLE001 - handed to the view as words
                    t.emit("error", (req, user_message(e)))
                    if store is not None:
                        try:
                            store.close()
                        except Exception:  # noqa: BLE001
                            pass
                        store = None
                else:
                    t.emit("answer", (req, value))
                    if req.kind in HEAVY and store is not None and not self.pending(lambda r: True):
                        # a scan over every matching row filled the connection's page cache: let it go now
                        store.close()
                        store = None
                finally:
                    last = time.monotonic()
        finally:
            if store is not None:
                store.close()


# -- the model ------------------------------------------------------------------------------------------
@dataclass
class Snapshot:
    """What an "open" or "refresh" request brings back."""

    count: int
    pages: dict[int, list] = field(default_factory=dict)
    anchors: list[tuple[int, tuple]] | None = None     # (position, key)
    positions: dict[tuple, int] = field(default_factory=dict)
    newer: int = 0
    newest: tuple | None = None                        # time key of the newest matching row
    stamp: Any = None
    extra: Any = None


def split_pages(rows: Sequence, first_pos: int, count: int) -> dict[int, list]:
    """The whole pages (aligned on ``PAGE``) inside *rows*, which start at position *first_pos*."""
    out: dict[int, list] = {}
    end = first_pos + len(rows)
    p = -(-first_pos // PAGE)
    while True:
        start = p * PAGE
        stop = min(start + PAGE, count)
        if start >= count or stop > end or start < first_pos:
            break
        out[p] = list(rows[start - first_pos:stop - first_pos])
        p += 1
    return out


class LazyModel(QAbstractTableModel):
    """Rows of a filtered, sorted query, fetched page by page as they come into view."""

    page_loaded = Signal(int)

    def __init__(self, columns: Sequence[LazyColumn], worker: QueryWorker, group: str, parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.worker = worker
        self.group = group                    # "reports" or "replies": the store.views attribute
        self.filter: Any = None
        self.sort: Any = None
        self.gen = 0
        self._count = 0
        self._pages: OrderedDict[int, list] = OrderedDict()
        self._requested: set[int] = set()     # pages asked of the worker (queued or being read)
        self._waiting: dict[int, float] = {}  # pages in view with no key to start from yet → when last asked
        self._anchors: list[tuple[int, tuple]] | None = None
        self.font_of: Callable[[Any], QFont | None] | None = None
        self._colors: dict[str, QColor] = {}
        worker.answered.connect(self._answered)

    # -- what Qt asks -------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title
        return None

    def row(self, r: int):
        """The row object at *r*, or None while its page is not loaded (asks for the page)."""
        page = self._pages.get(r // PAGE)
        if page is None:
            p = r // PAGE
            if p in self._waiting:
                self._waiting[p] = time.monotonic()
            else:
                self._want(p)
            return None
        i = r % PAGE
        return page[i] if i < len(page) else None

    def loaded_row(self, r: int):
        """The row at *r* if loaded, without asking for it."""
        page = self._pages.get(r // PAGE)
        if page is None:
            return None
        i = r % PAGE
        return page[i] if i < len(page) else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.row(index.row())
        col = self.columns[index.column()]
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return "…" if index.column() == 0 else ""
            if role == Qt.ItemDataRole.ForegroundRole:
                return self._color("#999999")
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == Qt.ItemDataRole.ForegroundRole and col.color is not None:
            c = col.color(row)
            return self._color(c) if c else None
        if role == Qt.ItemDataRole.ToolTipRole and col.tooltip is not None:
            return col.tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.font_of is not None:
            return self.font_of(row)
        return None

    def _color(self, name: str) -> QColor:
        c = self._colors.get(name)
        if c is None:
            c = self._colors[name] = QColor(name)
        return c

    # -- pages ----------------------------------------------------------------------------------------
    @property
    def loaded_pages(self) -> int:
        return len(self._pages)

    def has_anchors(self) -> bool:
        return self._anchors is not None

    def _want(self, p: int) -> None:
        if p in self._requested or p in self._pages or p < 0 or p * PAGE >= self._count:
            return
        plan = self._plan(p)
        if plan is None:
            # No key to start from: wait for the anchors, or walk there page by page from the nearest page
            # loaded above it (rows that arrived since the anchors were read have none of their own).
            self._waiting[p] = time.monotonic()
            if self._anchors is not None:
                above = [q for q, rows in self._pages.items() if q < p and len(rows) == PAGE]
                if above:
                    self._want(max(above) + 1)
            return
        self._waiting.pop(p, None)
        self._requested.add(p)
        group, f, sort, count, gen = self.group, self.filter, self.sort, self._count, self.gen
        how, key, skip = plan

        def fetch(v):
            q = getattr(v, group)
            limit = min(PAGE, count - p * PAGE)
            if how == "after":
                return q.page(f, sort, after=key, limit=limit)
            if how == "before":
                return q.page_before(f, sort, before=key, limit=limit)
            return q.rows_from(f, sort, key, limit=skip + limit)[skip:]

        for gone in self.worker.submit(Request("page", gen, fetch, page=p)):
            self._requested.discard(gone.page)     # scrolled past before it was read: asked again if in view

    def _plan(self, p: int) -> tuple[str, tuple | None, int] | None:
        if p == 0:
            return ("after", None, 0)
        prev = self._pages.get(p - 1)
        if prev and len(prev) == PAGE:
            return ("after", prev[-1].key, 0)
        nxt = self._pages.get(p + 1)
        if nxt:
            return ("before", nxt[0].key, 0)
        if (p + 1) * PAGE >= self._count:    # the last page
            return ("before", None, 0)
        if self._anchors:
            start = p * PAGE
            best = None
            for pos, key in self._anchors_near(start):
                if pos <= start and start - pos < 2 * PAGE:
                    best = (pos, key)
            if best is not None:
                return ("from", best[1], start - best[0])
        return None

    def _anchors_near(self, start: int):
        import bisect

        anchors = self._anchors or []
        i = bisect.bisect_right(anchors, start, key=lambda a: a[0])
        return anchors[max(0, i - 2):i]

    def _answered(self, req: Request, value) -> None:
        if req.gen != self.gen:
            return
        if req.kind == "page":
            self._requested.discard(req.page)
            self._put(req.page, value)
            self._retry_waiting()
        elif req.kind == "anchors":
            self._anchors = value
            self._retry_waiting()

    def _put(self, p: int, rows: list) -> None:
        if p is None or not rows:
            return
        self._pages[p] = rows
        self._pages.move_to_end(p)
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        first = p * PAGE
        last = min(first + len(rows), self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))
        self.page_loaded.emit(p)

    def _retry_waiting(self) -> None:
        """Pages in view that were waiting for a starting key may have one now; pages not asked for lately
        (scrolled past) are forgotten."""
        now = time.monotonic()
        for p, asked in list(self._waiting.items()):
            if now - asked > WAIT_FORGET_S or p in self._pages:
                self._waiting.pop(p, None)
            elif p not in self._requested:
                self._waiting.pop(p, None)
                self._want(p)

    # -- generations ----------------------------------------------------------------------------------
    def new_generation(self) -> int:
        self.gen += 1
        gen = self.gen
        self.worker.drop(lambda r: r.kind in ("page", "anchors", "open", "refresh") and r.gen != gen)
        self._requested.clear()
        self._waiting.clear()
        return gen

    def apply(self, snap: Snapshot) -> None:
        """Install an open/refresh answer (a model reset)."""
        self.beginResetModel()
        self._count = snap.count
        self._pages.clear()
        self._requested.clear()
        self._waiting.clear()
        for p, rows in sorted(snap.pages.items()):
            if rows:
                self._pages[p] = rows
        self._anchors = snap.anchors
        self.endResetModel()

    def request_anchors(self) -> None:
        group, f, sort = self.group, self.filter, self.sort
        self.worker.submit(Request("anchors", self.gen, lambda v: [
            (i * PAGE, k) for i, k in enumerate(getattr(v, group).anchors(f, sort, PAGE))], priority=2))


# -- the widget -----------------------------------------------------------------------------------------
class LazyTable(QWidget):
    """A QTableView over a ``LazyModel``, a "N 条新…" hint over its top edge, and a column chooser."""

    refreshed = Signal()          # an open or refresh was applied
    stamp_changed = Signal()

    def __init__(self, ctx, *, view_name: str, group: str, columns: Sequence[LazyColumn], sort_default,
                 hint_text: Callable[[int], str], time_key: Callable[[Any], tuple], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.view_name = view_name
        self.worker = QueryWorker(ctx, f"view:{view_name}", self)
        self.model = LazyModel(columns, self.worker, group, self)
        self.view = QTableView(self)
        self.view.setObjectName(view_name)
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        vh = self.view.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        fm = self.fontMetrics()
        for i, c in enumerate(columns):
            header.resizeSection(i, max(fm.horizontalAdvance(c.sample), fm.horizontalAdvance(c.title)) + 24)
            header.setSectionHidden(i, c.hidden)
        self._sort_default = sort_default
        self._time_key = time_key          # a row's key in newest-first order (what newer_than takes)
        self._hint_text = hint_text
        self.hint = QPushButton(self.view.viewport())
        self.hint.setObjectName(f"{view_name}NewRowsHint")
        self.hint.setCursor(Qt.CursorShape.PointingHandCursor)
        self.hint.setStyleSheet("QPushButton { background: #1c7ed6; color: white; border-radius: 10px;"
                                " padding: 3px 12px; font-weight: bold; }")
        self.hint.hide()
        self.hint.clicked.connect(self.scroll_to_top)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.worker.answered.connect(self._answered)
        self.worker.failed.connect(self._failed)
        self._seen_newest: tuple | None = None   # the newest row when the user was last at the top
        self._newest: tuple | None = None        # the newest row as last read
        self.newer = 0                          # rows newer than that (the hint)
        self.stamp: Any = None
        self._refreshing = False
        self._dirty = False
        self.opened = 0                         # opens/refreshes applied (tests wait on it)
        self.error: TaskError | None = None
        self._restore_header()
        self.stamp_timer = QTimer(self)
        self.stamp_timer.setInterval(STAMP_INTERVAL_MS)
        self.stamp_timer.timeout.connect(self.check_stamp)

    # -- header: column chooser, remembered state ----------------------------------------------------
    def _column_menu(self, pos) -> None:
        menu = self.column_menu()
        menu.popup(self.view.horizontalHeader().mapToGlobal(pos))

    def column_menu(self) -> QMenu:
        """The column chooser: a checkable entry per column that can be hidden (status and code cannot)."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        header = self.view.horizontalHeader()
        for i, c in enumerate(self.model.columns):
            if not c.hideable:
                continue
            act = QAction(c.title, menu)
            act.setCheckable(True)
            act.setChecked(not header.isSectionHidden(i))
            act.toggled.connect(lambda on, i=i: self.set_column_visible(i, on))
            menu.addAction(act)
        return menu

    def set_column_visible(self, i: int, visible: bool) -> None:
        self.view.horizontalHeader().setSectionHidden(i, not visible)

    def column_visible(self, name: str) -> bool:
        for i, c in enumerate(self.model.columns):
            if c.name == name:
                return not self.view.horizontalHeader().isSectionHidden(i)
        return False

    def _restore_header(self) -> None:
        state = self.ctx.qsettings.value(f"views/{self.view_name}/lazyHeader")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.view.horizontalHeader().restoreState(state)

    def save_state(self) -> None:
        self.ctx.qsettings.setValue(f"views/{self.view_name}/lazyHeader", self.view.horizontalHeader().saveState())

    # -- opening a filter -----------------------------------------------------------------------------
    def set_query(self, f, sort=None, extra: Callable[[Any], Any] | None = None) -> None:
        """Show the rows matching *f* in *sort* order (count and first page on the worker, then the anchors)."""
        m = self.model
        m.filter, m.sort = f, sort or self._sort_default
        gen = m.new_generation()
        group, sort = m.group, m.sort
        self._refreshing = True
        self._dirty = False
        extra = self._extra() if self._extra else None
        newest_of = self._newest_of

        def work(v):
            from ..store.snapshot import read_snapshot

            with read_snapshot(v.conn):   # the count and the first page of one state of the file
                return read(v)

        def read(v):
            q = getattr(v, group)
            stamp = _stamp(v)
            n = q.count(f)
            first = q.page(f, sort, after=None, limit=PAGE) if n else []
            return Snapshot(n, {0: first} if first else {}, stamp=stamp, extra=extra(v) if extra else None,
                            newest=newest_of(q, f, sort, first))

        self.worker.submit(Request("open", gen, work, priority=0))

    def _answered(self, req: Request, snap) -> None:
        if req.kind not in ("open", "refresh", "stamp") or req.gen != self.model.gen:
            return
        if req.kind == "stamp":
            if snap != self.stamp and not self._refreshing:
                self.stamp_changed.emit()
                self.refresh()
            return
        self._refreshing = False
        self.error = None
        if req.kind == "open":
            self.model.apply(snap)
            self.view.verticalScrollBar().setValue(0)
            self._seen_newest = snap.newest
            self.newer = 0
            self.model.request_anchors()
        else:
            self._apply_refresh(req, snap)
        self.stamp = snap.stamp
        self.extra = snap.extra
        self._newest = snap.newest
        self._show_hint()
        self.opened += 1
        self.refreshed.emit()
        if self._dirty:
            self._dirty = False
            self.refresh()

    def _failed(self, req: Request, error: TaskError) -> None:
        if req.kind in ("open", "refresh"):
            self._refreshing = False
            self.error = error
            self.refreshed.emit()

    # -- live refresh ---------------------------------------------------------------------------------
    def top_row(self) -> int:
        r = self.view.rowAt(0)
        return max(r, 0)

    def refresh(self) -> None:
        """Re-read the count and the rows in view, keeping the rows on screen and the selection."""
        m = self.model
        if m.filter is None:
            return
        if self._refreshing:
            self._dirty = True
            self.worker.wake()     # its answer is on the way, or waits in the queue for the worker to start
            return
        self._refreshing = True
        top = self.top_row()
        top_row = m.loaded_row(top)
        top_key = top_row.key if top_row is not None else None
        offset = self.view.verticalScrollBar().value() - top * self.view.verticalHeader().defaultSectionSize()
        selected = self.selected_row_numbers(KEEP_SELECTED)
        current = self.view.currentIndex()
        keep_rows = {r: m.loaded_row(r) for r in selected + ([current.row()] if current.isValid() else [])}
        keep_keys = [row.key for row in keep_rows.values() if row is not None]
        at_top = self.view.verticalScrollBar().value() == 0
        seen = self._seen_newest
        f, sort, group, gen, old_count = m.filter, m.sort, m.group, m.gen, m.rowCount()
        visible = max(1, self.view.viewport().height() // max(1, self.view.verticalHeader().defaultSectionSize()))
        old_anchors = m._anchors
        extra = self._extra() if self._extra else None
        newest_of, position = self._newest_of, self._position

        def work(v):
            from ..store.snapshot import read_snapshot

            with read_snapshot(v.conn):   # one state of the file, whatever another process commits meanwhile
                return read(v)

        def read(v):
            q = getattr(v, group)
            stamp = _stamp(v)
            n = q.count(f)
            snap = Snapshot(n, stamp=stamp, extra=extra(v) if extra else None)
            snap.newer = q.newer_than(seen, f)    # None: every row (there were none before)
            for key in keep_keys:
                pos = position(q, f, sort, key)
                if pos is not None:
                    snap.positions[key] = pos
            # Only what is on screen is read again: the first page at the top; scrolled away, the first row (for
            # the newest key) and the whole pages holding the rows on screen, found from the top row's key.
            pos = position(q, f, sort, top_key) if top_key is not None and not at_top else None
            first = q.page(f, sort, after=None, limit=PAGE if pos is None else 1) if n else []
            snap.newest = newest_of(q, f, sort, first)
            if first and pos is None:
                snap.pages[0] = first
            if pos is not None:
                snap.positions[top_key] = pos
                start = pos // PAGE * PAGE
                before = q.page_before(f, sort, before=top_key, limit=pos - start) if pos > start else []
                end = min(n, (pos + visible + PAGE) // PAGE * PAGE)
                after = q.rows_from(f, sort, top_key, limit=max(1, end - pos))
                snap.pages.update(split_pages(list(before) + list(after), pos - len(before), n))
            snap.anchors = moved_anchors(q, n) if old_anchors else None
            if snap.anchors is None:
                snap.anchors = [(i * PAGE, k) for i, k in enumerate(q.anchors(f, sort, PAGE))] if n else []
            return snap

        def moved_anchors(q, n):
            """The old anchors at their new positions, without a scan of every row: rows arrive near the top
            (a new request's reports, late reports of a recent one), so the first anchors' positions are read
            until one has moved by exactly the number of new rows — every anchor below it moved by as much."""
            grown = n - old_count
            if grown < 0:
                return None
            moved = []
            for i, (old_pos, key) in enumerate(old_anchors):
                if i >= ANCHOR_WALK:
                    return None          # rows arrived all over (another sort): find the anchors again
                new_pos = position(q, f, sort, key)
                if new_pos is None:
                    return None
                moved.append((new_pos, key))
                if new_pos - old_pos == grown:
                    return moved + [(pos + grown, k) for pos, k in old_anchors[i + 1:]]
            return moved

        self._pending_refresh = (top_key, offset, keep_rows, current.row() if current.isValid() else -1, at_top)
        self.worker.submit(Request("refresh", gen, work, priority=0))

    def _apply_refresh(self, req: Request, snap: Snapshot) -> None:
        top_key, offset, keep_rows, current_row, at_top = self._pending_refresh
        bar = self.view.verticalScrollBar()
        h = self.view.verticalHeader().defaultSectionSize()
        self.model.new_generation()   # pages asked for before this answer have the old positions
        self.model.apply(snap)
        if at_top:
            bar.setValue(0)
            self._seen_newest = snap.newest
            self.newer = 0
        else:
            pos = snap.positions.get(top_key) if top_key is not None else None
            if pos is not None:
                bar.setValue(pos * h + offset)
            self.newer = snap.newer
        sel = QItemSelection()
        current_index = None
        for r, row in keep_rows.items():
            if row is None:
                continue
            pos = snap.positions.get(row.key)
            if pos is None or pos >= snap.count:
                continue
            if r == current_row:
                current_index = self.model.index(pos, 0)
            sel.select(self.model.index(pos, 0), self.model.index(pos, self.model.columnCount() - 1))
        sm = self.view.selectionModel()
        if current_index is not None:
            sm.setCurrentIndex(current_index, QItemSelectionModel.SelectionFlag.NoUpdate)
        if not sel.isEmpty():
            sm.select(sel, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)

    _extra: Callable[[], Callable[[Any], Any] | None] | None = None
    extra: Any = None
    _pending_refresh: tuple = (None, 0, {}, -1, True)

    def _newest_of(self, q, f, sort, first: list) -> tuple | None:
        """(worker) The time key of the newest row matching *f* (row 0 when the sort is newest first)."""
        if _newest_first(sort):
            rows = first
        else:
            from ..store.views import NEWEST_FIRST

            rows = q.page(f, NEWEST_FIRST, after=None, limit=1)
        return self._time_key(rows[0]) if rows else None

    @staticmethod
    def _position(q, f, sort, key) -> int | None:
        """(worker) How many rows come before *key*: ``position`` where the store has it, else (newest first)
        the rows newer than it."""
        fn = getattr(q, "position", None)
        if fn is not None:
            try:
                return fn(f, sort, key)
            except NotImplementedError:
                pass
        return q.newer_than(key, f) if _newest_first(sort) else None

    def set_extra(self, factory: Callable[[], Callable[[Any], Any] | None] | None) -> None:
        """Something more the open and refresh requests read on the worker (e.g. the unread count):
        *factory* is called on the GUI thread for each request and returns the function the worker runs."""
        self._extra = factory

    def check_stamp(self) -> None:
        """Read the store's change stamp; a change (e.g. ``ljsms pull`` in another process) refreshes."""
        if self.model.filter is None or self._refreshing or self.worker.pending(lambda r: r.kind == "stamp"):
            self.worker.wake()
            return
        self.worker.submit(Request("stamp", self.model.gen, _stamp, priority=0))

    # -- the hint -------------------------------------------------------------------------------------
    def _scrolled(self, value: int) -> None:
        if value == 0:
            self._seen_newest = self._newest
            self.newer = 0
        self._show_hint()

    def _show_hint(self) -> None:
        if self.newer > 0 and self.view.verticalScrollBar().value() > 0:
            self.hint.setText(self._hint_text(self.newer))
            self.hint.adjustSize()
            vp = self.view.viewport()
            self.hint.move((vp.width() - self.hint.width()) // 2, 6)
            self.hint.show()
            self.hint.raise_()
        else:
            self.hint.hide()

    def scroll_to_top(self) -> None:
        self.view.verticalScrollBar().setValue(0)
        self.newer = 0
        self.hint.hide()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._show_hint()

    # -- selection ------------------------------------------------------------------------------------
    def selected_row_numbers(self, limit: int = KEEP_SELECTED) -> list[int]:
        """The first *limit* selected rows, top to bottom, read from the selection's ranges (``selectedRows()``
        would make an index per row: a million after Ctrl+A)."""
        out: list[int] = []
        ranges = sorted((r.top(), r.bottom()) for r in self.view.selectionModel().selection())
        for top, bottom in ranges:
            for row in range(top, bottom + 1):
                if out and row <= out[-1]:
                    continue
                out.append(row)
                if len(out) >= limit:
                    return out
        return out

    def has_selection(self) -> bool:
        return self.view.selectionModel().hasSelection()

    def selected_rows(self, limit: int = 10_000) -> list:
        """The loaded row objects of the (first *limit*) selected rows, top to bottom."""
        rows = self.selected_row_numbers(limit)
        return [r for r in (self.model.loaded_row(i) for i in rows) if r is not None]


def _newest_first(sort) -> bool:
    return getattr(sort, "column", None) == "time" and getattr(sort, "descending", False)


def _stamp(v):
    try:
        return v.stamp()
    except NotImplementedError:
        return None
