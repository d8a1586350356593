"""ui.charts: each chart paints into an image of the asked size, with its colours and its words on it,
on a light and a dark palette, empty and with huge numbers. Pixels are counted exactly (RGB32 values):
a slice's or a bar's inside is painted in its exact colour, antialiasing only touches the edges."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import pytest
from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QColor, QImage, QPalette

from ljsms_desktop.core import carriers, delivery_codes
from ljsms_desktop.ui import charts

LIGHT = ("#efefef", "#000000")
DARK = ("#2b2b2b", "#e6e6e6")


@pytest.fixture(params=[LIGHT, DARK], ids=["light", "dark"])
def palette(request):
    window, text = request.param
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Window, QColor(window))
    pal.setColor(QPalette.ColorRole.WindowText, QColor(text))
    return pal


def _make(qtbot, cls, palette=None):
    w = cls()
    qtbot.addWidget(w)
    if palette is not None:
        w.setPalette(palette)
    return w


def _pixels(image: QImage) -> Counter:
    """How many pixels have each 0xAARRGGBB value."""
    img = image.convertToFormat(QImage.Format.Format_RGB32)
    return Counter(memoryview(bytes(img.constBits())).cast("I"))


def _rgb(color: str) -> int:
    return QColor(color).rgb()  # 0xffRRGGBB, as RGB32 stores it


def _background(widget) -> int:
    return widget.palette().color(QPalette.ColorRole.Window).rgb()


def _drawn(image: QImage, widget) -> int:
    px = _pixels(image)
    return sum(px.values()) - px[_background(widget)]


OUTCOME = {delivery_codes.DELIVERED: 17234, delivery_codes.NUMBER: 1203, delivery_codes.UNREACHABLE: 402,
           delivery_codes.BLOCKED: 88, charts.AWAITING: 800, charts.UNCONFIRMED: 2000, charts.REJECTED: 200}


def test_donut_draws_every_slice_in_its_colour_with_areas_in_proportion(qtbot, palette):
    donut = _make(qtbot, charts.DonutChart, palette)
    donut.set_data(charts.outcome_segments(OUTCOME), caption="个号码")
    image = charts.render_to_image(donut, (560, 280))
    assert image.size() == QSize(560, 280)
    px = _pixels(image)
    total = sum(OUTCOME.values())
    assert _drawn(image, donut) > 0.15 * 560 * 280
    areas = {}
    for seg in donut.segments():
        color = _rgb(charts.COLORS[seg.key])
        assert px[color] > 0, seg.label  # at least the legend swatch
        areas[seg.key] = px[color]
    # The ring's area follows the counts: delivered (78%) dwarfs the 9% unconfirmed, which beats 5.5% number.
    assert areas[delivery_codes.DELIVERED] > 5 * areas[charts.UNCONFIRMED] > 5 * areas[delivery_codes.NUMBER]
    share = areas[delivery_codes.DELIVERED] / sum(areas.values())
    assert abs(share - OUTCOME[delivery_codes.DELIVERED] / total) < 0.05
    # The text (total in the middle, legend) is in the palette's text colour.
    assert px[palette.color(QPalette.ColorRole.WindowText).rgb()] > 200


def test_donut_slices_follow_the_outcome_order_and_leave_out_zeros(qtbot):
    segments = charts.outcome_segments({**OUTCOME, delivery_codes.RATE: 0})
    keys = [s.key for s in segments]
    assert keys == [delivery_codes.DELIVERED, delivery_codes.NUMBER, delivery_codes.UNREACHABLE,
                    delivery_codes.BLOCKED, charts.AWAITING, charts.UNCONFIRMED, charts.REJECTED]
    assert segments[0].label == "已送达"
    assert segments[1].label == "失败·" + delivery_codes.BUCKETS[delivery_codes.NUMBER].name_zh
    assert [s.value for s in segments] == [OUTCOME[k] for k in keys]


def test_donut_tooltip_names_the_slice_under_the_mouse(qtbot):
    donut = _make(qtbot, charts.DonutChart)
    donut.set_data([("已送达", 75, "delivered"), ("失败", 25, "number")])
    charts.render_to_image(donut, (480, 260))
    ring, _legend = donut._layout()
    c, r = ring.center(), ring.width() / 2 * 0.9
    assert donut._tip(QPointF(c.x() + r, c.y())) == "已送达：75（75.0%）"   # 3 o'clock: in the first 270°
    assert donut._tip(QPointF(c.x() - r, c.y())) == "失败：25（25.0%）"     # 9 o'clock: the last quarter
    assert donut._tip(c) == ""                                             # the hole


def test_donut_tall_layout_puts_the_legend_below(qtbot):
    donut = _make(qtbot, charts.DonutChart)
    donut.set_data(charts.outcome_segments(OUTCOME))
    image = charts.render_to_image(donut, (320, 480))
    ring, legend = donut._layout()
    assert legend.top() >= ring.bottom() and legend.height() > 100
    assert image.size() == QSize(320, 480) and _drawn(image, donut) > 0.1 * 320 * 480


@pytest.mark.parametrize("data", [[], [("已送达", 0, "delivered")], [("x", -5)]])
def test_donut_empty_state(qtbot, data):
    donut = _make(qtbot, charts.DonutChart)
    donut.set_data(data)
    image = charts.render_to_image(donut, (400, 240))
    px = _pixels(image)
    assert donut.total() == 0 and _drawn(image, donut) > 500  # the grey ring and 暂无数据
    assert px[_rgb(charts.COLORS[delivery_codes.DELIVERED])] == 0
    assert charts._no_data() == "暂无数据"


def test_donut_huge_numbers(qtbot):
    donut = _make(qtbot, charts.DonutChart)
    donut.set_data([("已送达", 987_654_321_012, "delivered"), ("失败", 12_345_678_901, "number")])
    image = charts.render_to_image(donut, (480, 260))
    px = _pixels(image)
    assert px[_rgb(charts.COLORS["delivered"])] > 10 * px[_rgb(charts.COLORS["number"])] > 0
    assert charts.format_count(donut.total()) == "999,999,999,913"


def test_bars_are_as_long_as_their_values(qtbot, palette):
    bars = _make(qtbot, charts.BarChart, palette)
    rows = [("cmcc", 10234, 9800), ("unicom", 5117, 5012), ("telecom", 2558, 2400)]
    bars.set_data(charts.carrier_bars(rows))
    image = charts.render_to_image(bars, (520, 200))
    assert image.size() == QSize(520, 200)
    px = _pixels(image)
    long_, half, quarter = (px[_rgb(charts.COLORS[code])] for code, _n, _d in rows)
    assert 1.7 < long_ / half < 2.3 and 1.7 < half / quarter < 2.3
    assert [b.label for b in bars.bars()] == ["中国移动", "中国联通", "中国电信"]
    assert bars.bars()[0].text == "送达率 95.8% · 10,234"  # 9800 / 10234
    assert "携号转网" in bars.bars()[0].tooltip


def test_failure_code_bars_explain_each_code_and_fold_the_tail(qtbot):
    rows = [("MK:0001", 800), ("UNDELIV", 403), ("MX:0012", 88), ("FOO", 3), ("EXPIRED", 402)]
    bars = charts.failure_code_bars(rows, total=20000, limit=3)
    assert [b.tag for b in bars[:3]] == ["MK:0001", "UNDELIV", "EXPIRED"]  # most first, raw code kept
    assert bars[0].label == delivery_codes.explain("MK:0001").explanation_zh and bars[0].key == "number"
    assert bars[0].text == "800 · 4.0%"
    assert bars[-1].label == "其他 2 种代码" and bars[-1].value == 91
    widget = _make(qtbot, charts.BarChart)
    widget.set_data(bars)
    px = _pixels(charts.render_to_image(widget, (620, 220)))
    assert px[_rgb(charts.COLORS["number"])] > px[_rgb(charts.COLORS["unreachable"])] > 0


def test_bars_empty_huge_and_size_hints(qtbot):
    bars = _make(qtbot, charts.BarChart)
    bars.set_data([])
    empty = charts.render_to_image(bars, (400, 160))
    assert _drawn(empty, bars) > 200
    bars.set_data([charts.Bar("很多", 3_000_000_000, key="delivered"), charts.Bar("很少", 1, key="number")])
    image = charts.render_to_image(bars, (400, 160))
    px = _pixels(image)
    assert px[_rgb(charts.COLORS["delivered"])] > 50 * max(1, px[_rgb(charts.COLORS["number"])]) > 0  # a sliver
    assert bars.bars()[0].value == 3_000_000_000
    hint, minimum = bars.sizeHint(), bars.minimumSizeHint()
    assert minimum.width() <= hint.width() and 0 < minimum.height() <= hint.height()
    bars.set_data([(f"第{i}行", i) for i in range(20)])
    assert bars.sizeHint().height() > hint.height()  # more rows, a taller hint


def test_timeline_draws_each_series_and_says_when(qtbot, palette):
    line = _make(qtbot, charts.TimelineChart, palette)
    delivered = [4000, 3200, 2000, 900, 400, 100, 20, 0, 3]
    failed = [300, 200, 90, 40, 10, 0, 0, 0, 0]
    line.set_data([("已送达", delivered, "delivered"), ("失败", failed, "number")], step_seconds=60,
                  start=datetime(2026, 11, 28, 20, 30))
    image = charts.render_to_image(line, (640, 260))
    assert image.size() == QSize(640, 260)
    px = _pixels(image)
    assert px[_rgb(charts.COLORS["delivered"])] > 100 and px[_rgb(charts.COLORS["number"])] > 50
    assert _drawn(image, line) > 0.05 * 640 * 260
    assert line._x_label(90 * 60, False) == "22:00"
    line.set_data([("已送达", delivered)], step_seconds=3600)
    assert line._x_label(0, False) == "0" and line._x_label(7200, False) == "+2小时"
    assert line._x_label(90 * 60, False) == "+1小时30分"


def test_timeline_empty_and_huge(qtbot):
    line = _make(qtbot, charts.TimelineChart)
    for data in ([], [("已送达", [])], [("已送达", [0, 0, 0])]):
        line.set_data(data)
        image = charts.render_to_image(line, (480, 200))
        assert _drawn(image, line) > 200 and _pixels(image)[_rgb(charts.COLORS["delivered"])] == 0
    line.set_data([("已送达", [3_000_000_000, 1_200_000_000, 50, 0, 8], "delivered")], step_seconds=3600)
    image = charts.render_to_image(line, QSize(560, 240))
    assert _pixels(image)[_rgb(charts.COLORS["delivered"])] > 20
    with pytest.raises(ValueError):
        line.set_data([], step_seconds=0)


def test_time_helpers():
    assert charts.choose_step(30 * 60) == 60
    assert charts.choose_step(6 * 3600) == 300
    assert charts.choose_step(3 * 86400) == 3600
    assert charts.choose_step(200 * 86400) % 86400 == 0
    assert charts.bin_counts([0, 59.9, 60, 185, -3], 60) == [3, 1, 0, 1]
    assert charts.bin_counts([0, 500], 60, count=2) == [1, 0]


@pytest.mark.parametrize(("value", "text"), [
    (0, "0"), (9999, "9,999"), (12345, "1.2万"), (100_000, "10万"), (123_456_789, "1.2亿"), (2.5, "2.5"),
])
def test_compact_counts_in_chinese(value, text):
    assert charts.format_compact(value) == text


@pytest.mark.parametrize(("part", "total", "text"), [
    (0, 0, "—"), (0, 10, "0%"), (1, 3, "33.3%"), (1, 2000, "0.1%"), (1, 20000, "<0.1%"),
    (1998, 2000, "99.9%"), (19999, 20000, ">99.9%"), (7, 7, "100%"), (8, 7, "100%"),
])
def test_percentages(part, total, text):
    assert charts.format_percent(part, total) == text


def test_text_colour_on_a_slice_is_readable():
    assert charts._text_on(QColor("#e8b100")) == QColor("#000000")  # yellow: black text
    assert charts._text_on(QColor("#6741d9")) == QColor("#ffffff")  # violet: white text
    for key, color in charts.COLORS.items():
        assert QColor(color).isValid(), key
    for code in (*delivery_codes.BUCKETS, charts.AWAITING, charts.UNCONFIRMED, charts.REJECTED, *carriers.CARRIERS):
        assert code in charts.COLORS, code


def test_size_hints_are_sensible(qtbot):
    for cls in (charts.DonutChart, charts.BarChart, charts.TimelineChart):
        w = _make(qtbot, cls)
        hint, minimum = w.sizeHint(), w.minimumSizeHint()
        assert 150 <= minimum.width() <= hint.width() <= 800, cls
        assert 40 <= minimum.height() <= hint.height() <= 600, cls


def test_english_words_when_the_english_translator_is_on(qapp, qtbot):
    """The chart's words and 万/亿 follow the window's language (English from scripts/translations_en.py,
    through a translator over that dictionary, so this does not depend on the compiled .qm)."""
    import importlib.util
    from pathlib import Path

    from PySide6.QtCore import QTranslator

    from ljsms_desktop.ui import wording

    path = Path(__file__).resolve().parent.parent / "scripts" / "translations_en.py"
    spec = importlib.util.spec_from_file_location("translations_en", path)
    tr_en = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tr_en)

    class Dictionary(QTranslator):
        def translate(self, context, source, disambiguation=None, n=-1):
            return tr_en.english(context, source) or ""

        def isEmpty(self):
            return False

    translator = Dictionary()
    qapp.installTranslator(translator)
    try:
        assert wording.english()
        assert charts._no_data() == "No data yet"
        assert charts.format_compact(12345) == "12.3K" and charts.format_compact(3_400_000) == "3.4M"
        labels = [s.label for s in charts.outcome_segments(OUTCOME)]
        assert labels[:2] == ["Delivered", "Failed · Number problem"] and labels[-1] == "Refused by the gateway"
        bar = charts.failure_code_bars([("MK:0001", 5)])[0]
        assert bar.label == delivery_codes.explain("MK:0001").explanation_en and bar.tag == "MK:0001"
        assert charts.carrier_bars([("cmcc", 10, 9)])[0].text == "Delivered 90.0% · 10"
        donut = _make(qtbot, charts.DonutChart)
        donut.set_data(charts.outcome_segments(OUTCOME))
        assert _drawn(charts.render_to_image(donut, (560, 280)), donut) > 0.15 * 560 * 280
    finally:
        qapp.removeTranslator(translator)
    assert not wording.english()
