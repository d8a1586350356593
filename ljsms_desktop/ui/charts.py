"""The campaign detail's charts, drawn with QPainter: a donut, horizontal bars and a time line.

Why not Qt Charts: it is deprecated since Qt 6.10 and licensed GPLv3 only (the rest of PySide6 is LGPL),
and three small charts do not need it. Each chart is a QWidget with ``set_data(...)`` taking plain data
(``Segment`` / ``Bar`` / ``Series``), draws its numbers on itself (counts with thousands separators,
percentages, 万/亿 where space is short), shows 暂无数据 when there is nothing to draw, and takes its
text and grid colours from the palette, so it reads on light and dark themes alike.
``render_to_image(widget, size)`` paints one into a QImage (tests, screenshots, export).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHelpEvent, QImage, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ..core import carriers, delivery_codes
from . import wording

# Outcomes of a campaign's numbers beyond the report buckets of core.delivery_codes.
AWAITING = "awaiting"        # accepted, no report yet
UNCONFIRMED = "unconfirmed"  # in a batch whose answer was lost (state "unknown")
REJECTED = "rejected"        # in a batch the gateway refused

COLORS: dict[str, str] = {
    # Mid-tone colours: legible as fills on white and on a dark window, with white or black text on them.
    delivery_codes.DELIVERED: "#2f9e44",
    delivery_codes.NUMBER: "#e03131",
    delivery_codes.UNREACHABLE: "#f08c00",
    delivery_codes.BLOCKED: "#9c36b5",
    delivery_codes.CONTENT: "#d6336c",
    delivery_codes.RATE: "#e8b100",
    delivery_codes.CARRIER: "#1c7ed6",
    delivery_codes.UNKNOWN: "#868e96",
    AWAITING: "#66b3e8",
    UNCONFIRMED: "#b08968",
    REJECTED: "#6741d9",
    carriers.CMCC: "#1c7ed6",
    carriers.UNICOM: "#e03131",
    carriers.TELECOM: "#0ca678",
    carriers.BROADNET: "#7048e8",
    carriers.OTHER: "#868e96",
    carriers.UNKNOWN: "#adb5bd",
}
_CYCLE = ("#1c7ed6", "#f08c00", "#2f9e44", "#e03131", "#9c36b5", "#0ca678", "#d6336c", "#e8b100", "#868e96")


@dataclass(frozen=True, slots=True)
class Segment:
    """One slice of a donut: *value* (a count) under *label*; colour from *color*, else COLORS[*key*]."""

    label: str
    value: float
    key: str = ""
    color: str = ""


@dataclass(frozen=True, slots=True)
class Bar:
    """One row of a bar chart: *label* on the left, a bar as long as *value*, *text* after it
    (default: the value with thousands separators)."""

    label: str
    value: float
    text: str = ""
    key: str = ""
    color: str = ""
    tooltip: str = ""
    tag: str = ""  # a short code drawn in its own column before the label (e.g. the raw status code)


@dataclass(frozen=True, slots=True)
class Series:
    """One line of a time line: *values[i]* counts the interval starting at ``start + i * step``."""

    label: str
    values: Sequence[float]
    key: str = ""
    color: str = ""


# -- numbers in words -------------------------------------------------------------------------------

def format_count(value: float) -> str:
    """1234567 -> "1,234,567" (fractions to one decimal)."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"


def format_compact(value: float) -> str:
    """A count that fits a slice: 9,999 / 12.3万 / 4.6亿 (English: 12.3K / 4.6M / 1.2B)."""
    v = abs(value)
    if wording.english():
        for size, unit in ((1e9, "B"), (1e6, "M"), (1e4, "K")):
            if v >= size:
                return f"{value / (size if unit != 'K' else 1e3):.1f}".rstrip("0").rstrip(".") + unit
        return format_count(value)
    for size, unit in ((1e8, "亿"), (1e4, "万")):
        if v >= size:
            return f"{value / size:.1f}".rstrip("0").rstrip(".") + unit
    return format_count(value)


def format_percent(part: float, total: float) -> str:
    """*part* of *total* as "12.3%"; a sliver shows as "<0.1%", nearly all as ">99.9%", none as "—"."""
    if total <= 0:
        return "—"
    if part <= 0:
        return "0%"
    if part >= total:
        return "100%"
    text = f"{100.0 * part / total:.1f}"
    if text == "0.0":
        return "<0.1%"
    if text == "100.0":
        return ">99.9%"
    return text + "%"


def _color(key: str, color: str, index: int) -> QColor:
    return QColor(color or COLORS.get(key) or _CYCLE[index % len(_CYCLE)])


def _text_on(fill: QColor) -> QColor:
    """Black or white, whichever reads better on *fill* (WCAG relative luminance)."""
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    lum = 0.2126 * lin(fill.redF()) + 0.7152 * lin(fill.greenF()) + 0.0722 * lin(fill.blueF())
    return QColor("#000000") if lum > 0.23 else QColor("#ffffff")


def _no_data() -> str:
    return QCoreApplication.translate("Charts", "暂无数据")


class _Chart(QWidget):
    """What the three charts share: fonts, colours from the palette, the empty state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)

    def _font(self, scale: float = 1.0, bold: bool = False) -> QFont:
        f = QFont(self.font())
        size = f.pointSizeF() if f.pointSizeF() > 0 else 9.0
        f.setPointSizeF(max(6.0, size * scale))
        f.setBold(bold)
        return f

    def _fg(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)

    def _muted(self) -> QColor:
        c = QColor(self._fg())
        c.setAlphaF(0.62)
        return c

    def _grid(self) -> QColor:
        c = QColor(self._fg())
        c.setAlphaF(0.16)
        return c

    def _bg(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Window)

    def _draw_empty(self, p: QPainter, rect: QRectF) -> None:
        p.setFont(self._font(1.3))
        p.setPen(self._muted())
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, _no_data())

    def _tip(self, pos: QPointF) -> str:
        return ""

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip:
            text = self._tip(QPointF(e.pos())) if isinstance(e, QHelpEvent) else ""
            if text:
                QToolTip.showText(e.globalPos(), text, self)
            else:
                QToolTip.hideText()
                e.ignore()
            return True
        return super().event(e)


# -- the donut ----------------------------------------------------------------------------------------

class DonutChart(_Chart):
    """Shares of a whole as a ring: each slice with its percentage (and count, where it fits) on it,
    the total in the middle, and a legend with every label, count and percentage."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._segments: list[Segment] = []
        self._caption = ""
        self._arcs: list[tuple[float, float, Segment]] = []  # (start, span) in degrees clockwise from 12

    def set_data(self, segments: Iterable[Segment | tuple], *, caption: str | None = None) -> None:
        """*segments*: Segment or (label, value[, key[, color]]); zero and negative values are left out.
        *caption* is written under the total (default 合计)."""
        segs = [s if isinstance(s, Segment) else Segment(*s) for s in segments]
        self._segments = [s for s in segs if s.value > 0]
        self._caption = QCoreApplication.translate("Charts", "合计") if caption is None else caption
        self.updateGeometry()
        self.update()

    def segments(self) -> list[Segment]:
        return list(self._segments)

    def total(self) -> float:
        return sum(s.value for s in self._segments)

    def sizeHint(self) -> QSize:
        return QSize(480, 260)

    def minimumSizeHint(self) -> QSize:
        return QSize(260, 180)

    def _layout(self) -> tuple[QRectF, QRectF]:
        """(ring square, legend rect): legend beside the ring when wide, below it when tall."""
        r = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        fm = QFontMetricsF(self._font())
        rows = max(1, len(self._segments))
        legend_h = rows * fm.height() * 1.45
        if r.width() >= r.height() * 1.25:
            side = min(r.height(), r.width() * 0.45)
            ring = QRectF(r.left(), r.top() + (r.height() - side) / 2, side, side)
            legend = QRectF(ring.right() + 16, r.top(), r.right() - ring.right() - 16, r.height())
        else:
            side = max(40.0, min(r.width(), r.height() - legend_h - 8))
            ring = QRectF(r.left() + (r.width() - side) / 2, r.top(), side, side)
            legend = QRectF(r.left(), ring.bottom() + 8, r.width(), r.bottom() - ring.bottom() - 8)
        return ring, legend

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        ring, legend = self._layout()
        total = self.total()
        thickness = ring.width() * 0.19
        band = ring.adjusted(thickness / 2, thickness / 2, -thickness / 2, -thickness / 2)
        self._arcs = []
        if total <= 0:  # a grey ring in the middle of the widget, no legend
            r = QRectF(self.rect()).adjusted(8, 8, -8, -8)
            side = min(r.width(), r.height())
            ring = QRectF(r.center().x() - side / 2, r.center().y() - side / 2, side, side)
            thickness = ring.width() * 0.19
            band = ring.adjusted(thickness / 2, thickness / 2, -thickness / 2, -thickness / 2)
            p.setPen(QPen(self._grid(), thickness, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
            p.drawEllipse(band)
            self._draw_empty(p, ring)
            p.end()
            return
        # Slices, clockwise from 12 o'clock, separated by a hairline of the background colour.
        start = 0.0
        for i, seg in enumerate(self._segments):
            span = 360.0 * seg.value / total
            self._arcs.append((start, span, seg))
            p.setPen(QPen(_color(seg.key, seg.color, i), thickness, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
            p.drawArc(band, int(round((90 - start) * 16)), -int(math.ceil(span * 16)))
            start += span
        if len(self._segments) > 1:
            p.setPen(QPen(self._bg(), max(1.5, ring.width() / 150)))
            c = ring.center()
            for a, _span, _seg in self._arcs:
                rad = math.radians(90 - a)
                inner, outer = band.width() / 2 - thickness / 2, band.width() / 2 + thickness / 2
                p.drawLine(QPointF(c.x() + inner * math.cos(rad), c.y() - inner * math.sin(rad)),
                           QPointF(c.x() + outer * math.cos(rad), c.y() - outer * math.sin(rad)))
        # Percentages (and counts, where a slice is wide enough) on the slices.
        label_font = self._font(max(0.8, min(1.1, ring.width() / 260)), bold=True)
        fm = QFontMetricsF(label_font)
        p.setFont(label_font)
        radius = band.width() / 2
        for i, (a, span, seg) in enumerate(self._arcs):
            if span < 14:
                continue
            rad = math.radians(90 - (a + span / 2))
            pos = QPointF(band.center().x() + radius * math.cos(rad), band.center().y() - radius * math.sin(rad))
            lines = [format_percent(seg.value, total)]
            arc_len = math.radians(span) * radius
            if span >= 40 and fm.horizontalAdvance(format_compact(seg.value)) < min(arc_len, thickness * 2.2):
                lines.append(format_compact(seg.value))
            h = fm.height() * len(lines)
            box = QRectF(pos.x() - thickness * 1.2, pos.y() - h / 2, thickness * 2.4, h)
            p.setPen(_text_on(_color(seg.key, seg.color, i)))
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, "\n".join(lines))
        # The total in the middle.
        hole = ring.adjusted(thickness * 1.1, thickness * 1.1, -thickness * 1.1, -thickness * 1.1)
        big = self._font(max(1.0, min(2.2, hole.width() / 70)), bold=True)
        text = format_count(total)
        while QFontMetricsF(big).horizontalAdvance(text) > hole.width() * 0.92 and big.pointSizeF() > 7:
            big.setPointSizeF(big.pointSizeF() - 0.5)
        bfm, sfm = QFontMetricsF(big), QFontMetricsF(self._font(0.95))
        block = bfm.height() + (sfm.height() if self._caption else 0)
        top = hole.center().y() - block / 2
        p.setPen(self._fg())
        p.setFont(big)
        p.drawText(QRectF(hole.left(), top, hole.width(), bfm.height()), Qt.AlignmentFlag.AlignCenter, text)
        if self._caption:
            p.setFont(self._font(0.95))
            p.setPen(self._muted())
            p.drawText(QRectF(hole.left(), top + bfm.height(), hole.width(), sfm.height()),
                       Qt.AlignmentFlag.AlignCenter, self._caption)
        self._draw_legend(p, legend, total)
        p.end()

    def _draw_legend(self, p: QPainter, rect: QRectF, total: float) -> None:
        font = self._font()
        fm = QFontMetricsF(font)
        row_h = fm.height() * 1.45
        rows = len(self._segments)
        fit = max(1, int(rect.height() // row_h))
        shown = self._segments if rows <= fit else self._segments[:fit - 1]
        top = rect.top() + max(0.0, (rect.height() - row_h * min(rows, fit)) / 2)
        counts = [format_count(s.value) for s in self._segments]
        pcts = [format_percent(s.value, total) for s in self._segments]
        pct_w = max(fm.horizontalAdvance(t) for t in pcts) + 4
        count_w = max(fm.horizontalAdvance(t) for t in counts) + 12
        sw = fm.height() * 0.75
        label_w = max(20.0, rect.width() - sw - 8 - count_w - pct_w)
        p.setFont(font)
        for i, seg in enumerate(shown):
            y = top + i * row_h
            mid = y + row_h / 2
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(_color(seg.key, seg.color, i))
            p.drawRoundedRect(QRectF(rect.left(), mid - sw / 2, sw, sw), 2, 2)
            p.setBrush(Qt.BrushStyle.NoBrush)
            x = rect.left() + sw + 8
            p.setPen(self._fg())
            label = fm.elidedText(seg.label, Qt.TextElideMode.ElideRight, label_w)
            p.drawText(QRectF(x, y, label_w, row_h), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       label)
            x += label_w
            p.drawText(QRectF(x, y, count_w, row_h), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                       counts[i])
            p.setPen(self._muted())
            p.drawText(QRectF(x + count_w, y, pct_w, row_h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, pcts[i])
        if len(shown) < rows:
            rest = sum(s.value for s in self._segments[len(shown):])
            y = top + len(shown) * row_h
            p.setPen(self._muted())
            p.drawText(QRectF(rect.left() + sw + 8, y, rect.width() - sw - 8, row_h), Qt.AlignmentFlag.AlignVCenter,
                       QCoreApplication.translate("Charts", "其余 {0} 项：{1}（{2}）").format(
                           rows - len(shown), format_count(rest), format_percent(rest, total)))

    def _tip(self, pos: QPointF) -> str:
        ring, _legend = self._layout()
        c = ring.center()
        dx, dy = pos.x() - c.x(), c.y() - pos.y()
        dist = math.hypot(dx, dy)
        if not self._arcs or not (ring.width() / 2 * 0.6 <= dist <= ring.width() / 2):
            return ""
        angle = (90 - math.degrees(math.atan2(dy, dx))) % 360
        for a, span, seg in self._arcs:
            if a <= angle < a + span:
                return QCoreApplication.translate("Charts", "{0}：{1}（{2}）").format(
                    seg.label, format_count(seg.value), format_percent(seg.value, self.total()))
        return ""


# -- horizontal bars -----------------------------------------------------------------------------------

class BarChart(_Chart):
    """Rows of labelled horizontal bars, longest value = full width, each with its text at the end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[Bar] = []
        self._rows: list[tuple[QRectF, Bar]] = []

    def set_data(self, bars: Iterable[Bar | tuple]) -> None:
        """*bars*: Bar or (label, value[, text[, key[, color[, tooltip[, tag]]]]]), drawn top to bottom."""
        self._bars = [b if isinstance(b, Bar) else Bar(*b) for b in bars]
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def _row_height(self) -> float:
        return QFontMetricsF(self._font()).height() * 1.9

    def sizeHint(self) -> QSize:
        return QSize(480, int(16 + self._row_height() * max(3, len(self._bars))))

    def minimumSizeHint(self) -> QSize:
        return QSize(260, int(16 + self._row_height() * min(3, max(1, len(self._bars)))))

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        self._rows = []
        if not self._bars:
            self._draw_empty(p, rect)
            p.end()
            return
        font = self._font()
        fm = QFontMetricsF(font)
        p.setFont(font)
        row_h = min(self._row_height(), rect.height() / len(self._bars))
        texts = [b.text or format_count(b.value) for b in self._bars]
        text_w = min(rect.width() * 0.35, max(fm.horizontalAdvance(t) for t in texts) + 10)
        tag_w = max(fm.horizontalAdvance(b.tag) for b in self._bars)
        tag_w = min(rect.width() * 0.18, tag_w + 10) if tag_w else 0.0
        label_w = min(rect.width() * 0.45 - tag_w, max(fm.horizontalAdvance(b.label) for b in self._bars) + 12)
        bar_x = rect.left() + tag_w + label_w
        bar_w = max(10.0, rect.width() - tag_w - label_w - text_w)
        top_value = max((b.value for b in self._bars), default=0) or 1
        for i, bar in enumerate(self._bars):
            y = rect.top() + i * row_h
            row = QRectF(rect.left(), y, rect.width(), row_h)
            self._rows.append((row, bar))
            if bar.tag:
                p.setPen(self._muted())
                p.drawText(QRectF(rect.left(), y, tag_w - 6, row_h),
                           Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                           fm.elidedText(bar.tag, Qt.TextElideMode.ElideRight, tag_w - 6))
            p.setPen(self._fg())
            p.drawText(QRectF(rect.left() + tag_w, y, label_w - 8, row_h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       fm.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_w - 8))
            thick = max(4.0, row_h * 0.56)
            track = QRectF(bar_x, y + (row_h - thick) / 2, bar_w, thick)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self._grid())
            p.drawRoundedRect(track, 3, 3)
            length = bar_w * max(0.0, bar.value) / top_value
            if bar.value > 0:
                length = max(length, 3.0)  # a sliver stays visible
                p.setBrush(_color(bar.key, bar.color, i))
                p.drawRoundedRect(QRectF(bar_x, track.top(), length, thick), 3, 3)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.setPen(self._fg())
            p.drawText(QRectF(bar_x + bar_w + 6, y, text_w - 6, row_h),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                       fm.elidedText(texts[i], Qt.TextElideMode.ElideRight, text_w - 6))
        p.end()

    def _tip(self, pos: QPointF) -> str:
        for row, bar in self._rows:
            if row.contains(pos):
                return bar.tooltip or QCoreApplication.translate("Charts", "{0}：{1}").format(
                    bar.label, bar.text or format_count(bar.value))
        return ""


# -- the time line -------------------------------------------------------------------------------------

_STEPS = (60, 300, 600, 1800, 3600, 3 * 3600, 6 * 3600, 86400)


def choose_step(span_seconds: float, max_points: int = 96) -> int:
    """The interval for *span_seconds* of data: 1 min, 5/10/30 min, 1/3/6 h or a day, ≤ *max_points* of them."""
    for step in _STEPS:
        if span_seconds / step <= max_points:
            return step
    return _STEPS[-1] * math.ceil(span_seconds / _STEPS[-1] / max_points)


def bin_counts(offsets: Iterable[float], step: int, count: int | None = None) -> list[int]:
    """How many of *offsets* (seconds since the send) fall in each interval of *step* seconds."""
    bins: list[int] = [0] * (count or 0)
    for t in offsets:
        i = max(0, int(t // step))
        if count is not None and i >= count:
            continue
        if i >= len(bins):
            bins.extend([0] * (i + 1 - len(bins)))
        bins[i] += 1
    return bins


def _nice(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10^n that is ≥ *value*."""
    if value <= 0:
        return 1.0
    exp = 10 ** math.floor(math.log10(value))
    for m in (1, 2, 2.5, 5, 10):
        if m * exp >= value:
            return m * exp
    return 10 * exp


def _duration(seconds: float) -> str:
    if seconds % 86400 == 0 and seconds:
        return QCoreApplication.translate("Charts", "{0}天").format(int(seconds // 86400))
    if seconds % 3600 == 0 and seconds:
        return QCoreApplication.translate("Charts", "{0}小时").format(int(seconds // 3600))
    if seconds >= 3600:
        return QCoreApplication.translate("Charts", "{0}小时{1}分").format(int(seconds // 3600),
                                                                          int(seconds % 3600 // 60))
    return QCoreApplication.translate("Charts", "{0}分钟").format(int(seconds // 60))


class TimelineChart(_Chart):
    """Counts per interval since the send, as lines over a light fill (one per series), with a y axis,
    time labels (clock times when the start is known, else "+N 分钟"), each series' total in the legend
    and the peak of the first series marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series: list[Series] = []
        self._step = 60
        self._start: datetime | None = None
        self._plot = QRectF()

    def set_data(self, series: Iterable[Series | tuple], *, step_seconds: int = 60,
                 start: datetime | None = None) -> None:
        """*series*: Series or (label, values[, key[, color]]); *values[i]* counts the interval
        ``[start + i*step, start + (i+1)*step)``. *start*: when the send began (clock labels), or None."""
        if step_seconds <= 0:
            raise ValueError("step_seconds must be positive")
        self._series = [s if isinstance(s, Series) else Series(*s) for s in series]
        self._step = int(step_seconds)
        self._start = start
        self.updateGeometry()
        self.update()

    def series(self) -> list[Series]:
        return list(self._series)

    def _points(self) -> int:
        return max((len(s.values) for s in self._series), default=0)

    def sizeHint(self) -> QSize:
        return QSize(560, 240)

    def minimumSizeHint(self) -> QSize:
        return QSize(280, 160)

    def _x_label(self, seconds: float, with_date: bool) -> str:
        if self._start is None:
            return "+" + _duration(seconds) if seconds else "0"
        t = self._start + timedelta(seconds=seconds)
        return t.strftime("%m-%d %H:%M" if with_date else "%H:%M")

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(8, 6, -12, -6)
        n = self._points()
        peak = max((max(s.values, default=0) for s in self._series), default=0)
        if n == 0 or peak <= 0:
            self._draw_empty(p, rect)
            p.end()
            return
        font = self._font(0.92)
        fm = QFontMetricsF(font)
        p.setFont(font)
        # Legend: a swatch, the label and the series' total.
        x = rect.left()
        legend_h = fm.height() * 1.5
        for i, s in enumerate(self._series):
            text = "{0} {1}".format(s.label, format_count(sum(s.values)))
            sw = fm.height() * 0.7
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(_color(s.key, s.color, i))
            p.drawRoundedRect(QRectF(x, rect.top() + (legend_h - sw) / 2, sw, sw), 2, 2)
            p.setPen(self._fg())
            p.drawText(QRectF(x + sw + 5, rect.top(), fm.horizontalAdvance(text) + 2, legend_h),
                       Qt.AlignmentFlag.AlignVCenter, text)
            x += sw + 5 + fm.horizontalAdvance(text) + 18
        # Axes.
        tick = _nice(peak * 1.12 / 5)
        ticks = max(1, math.ceil(peak * 1.12 / tick))
        top = tick * ticks
        y_labels = [format_compact(tick * k) for k in range(ticks + 1)]
        y_w = max(fm.horizontalAdvance(t) for t in y_labels) + 8
        plot = QRectF(rect.left() + y_w, rect.top() + legend_h + fm.height() * 0.8, rect.width() - y_w,
                      rect.height() - legend_h - fm.height() * 2.4)
        self._plot = plot
        p.setBrush(Qt.BrushStyle.NoBrush)
        for k in range(ticks + 1):
            y = plot.bottom() - plot.height() * k / ticks
            p.setPen(QPen(self._grid(), 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(self._muted())
            p.drawText(QRectF(rect.left(), y - fm.height() / 2, y_w - 6, fm.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, y_labels[k])
        span = n * self._step
        with_date = self._start is not None and (self._start + timedelta(seconds=span)).date() != self._start.date()
        sample = self._x_label(span, with_date)
        max_labels = max(2, int(plot.width() // (fm.horizontalAdvance(sample) + 24)))
        x_step = self._step
        for mult in (1, 2, 3, 5, 6, 10, 12, 15, 20, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080):
            x_step = self._step * mult
            if span / x_step <= max_labels:
                break
        else:
            x_step = span / max_labels

        def x_of(seconds: float) -> float:
            return plot.left() + plot.width() * seconds / span

        t = 0.0
        while t <= span + 1e-6:
            xx = x_of(t)
            p.setPen(QPen(self._grid(), 1))
            p.drawLine(QPointF(xx, plot.bottom()), QPointF(xx, plot.bottom() + 4))
            label = self._x_label(t, with_date)
            w = fm.horizontalAdvance(label) + 4
            left = min(max(xx - w / 2, rect.left()), rect.right() - w)
            p.setPen(self._muted())
            p.drawText(QRectF(left, plot.bottom() + 5, w, fm.height()), Qt.AlignmentFlag.AlignCenter, label)
            t += x_step
        # Series: each value at the middle of its interval.
        for i, s in enumerate(self._series):
            if not s.values:
                continue
            color = _color(s.key, s.color, i)
            pts = [QPointF(x_of((j + 0.5) * self._step), plot.bottom() - plot.height() * v / top)
                   for j, v in enumerate(s.values)]
            line = QPainterPath(pts[0])
            for pt in pts[1:]:
                line.lineTo(pt)
            area = QPainterPath(line)
            area.lineTo(pts[-1].x(), plot.bottom())
            area.lineTo(pts[0].x(), plot.bottom())
            area.closeSubpath()
            fill = QColor(color)
            fill.setAlphaF(0.18)
            p.fillPath(area, fill)
            p.setPen(QPen(color, 2.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
            p.drawPath(line)
            if len(pts) <= 40:
                p.setBrush(color)
                for pt in pts:
                    p.drawEllipse(pt, 2.4, 2.4)
                p.setBrush(Qt.BrushStyle.NoBrush)
        # The peak of the first series, marked with its count.
        first = self._series[0]
        if first.values:
            j = max(range(len(first.values)), key=lambda k: first.values[k])
            v = first.values[j]
            pt = QPointF(x_of((j + 0.5) * self._step), plot.bottom() - plot.height() * v / top)
            text = QCoreApplication.translate("Charts", "峰值 {0}").format(format_count(v))
            bold = self._font(0.92, bold=True)
            bfm = QFontMetricsF(bold)
            w = bfm.horizontalAdvance(text) + 8
            box = QRectF(min(max(pt.x() - w / 2, plot.left()), plot.right() - w), pt.y() - bfm.height() - 6, w,
                         bfm.height())
            p.setFont(bold)
            p.setPen(self._fg())
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        p.end()

    def _tip(self, pos: QPointF) -> str:
        n = self._points()
        if not n or not self._plot.contains(pos):
            return ""
        j = min(n - 1, int((pos.x() - self._plot.left()) / self._plot.width() * n))
        lines = [self._x_label(j * self._step, True) + " – " + self._x_label((j + 1) * self._step, False)]
        for s in self._series:
            if j < len(s.values):
                lines.append(QCoreApplication.translate("Charts", "{0}：{1}").format(s.label, format_count(s.values[j])))
        return "\n".join(lines)


# -- data helpers for the campaign detail -------------------------------------------------------------

def outcome_segments(counts: Mapping[str, float]) -> list[Segment]:
    """The donut's slices for a campaign: *counts* keyed by ``delivered``, a failure bucket of
    core.delivery_codes, ``awaiting``, ``unconfirmed`` or ``rejected``; in that order, named in the
    window's language (failures as "失败·号码问题")."""
    english = wording.english()
    out = [Segment(QCoreApplication.translate("Charts", "已送达"), counts.get(delivery_codes.DELIVERED, 0),
                   delivery_codes.DELIVERED)]
    failed = QCoreApplication.translate("Charts", "失败·{0}")
    for code in delivery_codes.FAILURE_BUCKETS:
        bucket = delivery_codes.BUCKETS[code]
        out.append(Segment(failed.format(bucket.name_en if english else bucket.name_zh), counts.get(code, 0), code))
    out.append(Segment(QCoreApplication.translate("Charts", "等待报告"), counts.get(AWAITING, 0), AWAITING))
    out.append(Segment(QCoreApplication.translate("Charts", "结果未知"), counts.get(UNCONFIRMED, 0), UNCONFIRMED))
    out.append(Segment(QCoreApplication.translate("Charts", "网关拒收"), counts.get(REJECTED, 0), REJECTED))
    return [s for s in out if s.value > 0]


def failure_code_bars(rows: Iterable[tuple[str, float]], total: float | None = None, limit: int = 10) -> list[Bar]:
    """Bars for failure codes: *rows* of (raw code, count), most first; the raw code (``tag``) beside
    its explanation, coloured by bucket, "count · share of *total*" at the end (share left out without
    *total*). Codes past *limit* are summed into one 其他 row."""
    english = wording.english()
    rows = sorted(rows, key=lambda r: -r[1])
    bars = []
    for code, count in rows[:limit]:
        info = delivery_codes.explain(code)
        words = info.explanation_en if english else info.explanation_zh
        text = format_count(count) + (" · " + format_percent(count, total) if total else "")
        bars.append(Bar(words, count, text, info.bucket, tag=code or "—",
                        tooltip="{0}\n{1}\n{2}".format(code, words, info.retry_en if english else info.retry_zh)))
    if len(rows) > limit:
        rest = sum(c for _code, c in rows[limit:])
        text = format_count(rest) + (" · " + format_percent(rest, total) if total else "")
        bars.append(Bar(QCoreApplication.translate("Charts", "其他 {0} 种代码").format(len(rows) - limit), rest, text,
                        delivery_codes.UNKNOWN))
    return bars


def carrier_bars(rows: Iterable[tuple[str, float, float]]) -> list[Bar]:
    """Bars per carrier: *rows* of (carrier code, numbers with a report, delivered); the bar is the count,
    the text "送达率 97.1% · 1,234"."""
    english = wording.english()
    bars = []
    for code, reported, delivered in rows:
        name = carriers.name_en(code) if english else carriers.name_zh(code)
        text = QCoreApplication.translate("Charts", "送达率 {0} · {1}").format(format_percent(delivered, reported),
                                                                             format_count(reported))
        bars.append(Bar(name, reported, text, code,
                        tooltip=carriers.NOTE_EN if english else carriers.NOTE_ZH))
    return bars


def render_to_image(widget: QWidget, size: QSize | tuple[int, int]) -> QImage:
    """*widget* painted at *size* into a QImage over its palette's window colour (for tests and exports)."""
    size = QSize(*size) if isinstance(size, tuple) else QSize(size)
    widget.ensurePolished()
    widget.resize(size)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(1.0)
    image.fill(widget.palette().color(QPalette.ColorRole.Window))
    widget.render(image)
    return image
