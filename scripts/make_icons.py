"""Draws the icon set into resources/icons/ with QPainter (no fetched art); the outputs are committed.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_icons.py

- ``app-{16..1024}.png``: the window/program icon — a blue rounded square with a white speech bubble
  and three dots (an SMS), a light rim so it stays visible on dark panels and a dark one on light panels;
- ``tray-{16,22,24,32,48,64}.png``: the tray icon, drawn with fewer, bolder details (readable at 16 px);
- ``file-{16..256}.png``: a document page carrying the bubble (campaign files, exported sheets);
- ``ljsms.ico`` / ``file.ico`` (Windows; PNG-compressed entries 16–256 px) and ``ljsms.icns`` (macOS).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPainterPath, QPen  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
APP_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
TRAY_SIZES = (16, 22, 24, 32, 48, 64)
FILE_SIZES = (16, 32, 48, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns type codes of PNG entries
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}

BLUE_TOP = QColor("#2f8cff")
BLUE_BOTTOM = QColor("#0b5ad9")
RIM_LIGHT = QColor(255, 255, 255, 150)
RIM_DARK = QColor("#06327a")


def _bubble(size: float, box: QRectF) -> QPainterPath:
    """A speech bubble filling *box*, its tail at the lower left."""
    path = QPainterPath()
    body = QRectF(box.left(), box.top(), box.width(), box.height() * 0.78)
    radius = body.height() * 0.42
    path.addRoundedRect(body, radius, radius)
    tail = QPainterPath()
    tail.moveTo(body.left() + body.width() * 0.22, body.bottom() - 1)
    tail.lineTo(body.left() + body.width() * 0.12, box.bottom())
    tail.lineTo(body.left() + body.width() * 0.46, body.bottom() - 1)
    tail.closeSubpath()
    return path.united(tail)


def _dots(p: QPainter, box: QRectF, color: QColor, bold: bool) -> None:
    body_h = box.height() * 0.78
    cy = box.top() + body_h / 2
    r = max(box.width() * (0.09 if bold else 0.075), 0.9)  # at least ~2 px across at 16 px
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    for i in (-1, 0, 1):
        p.drawEllipse(QPointF(box.center().x() + i * box.width() * 0.25, cy), r, r)


def _square(p: QPainter, size: int, *, tray: bool) -> None:
    inset = max(0.5, size * 0.03)
    rect = QRectF(inset, inset, size - 2 * inset, size - 2 * inset)
    radius = size * 0.22
    gradient = QLinearGradient(0, 0, 0, size)
    gradient.setColorAt(0, BLUE_TOP)
    gradient.setColorAt(1, BLUE_BOTTOM)
    p.setBrush(QBrush(gradient))
    # A dark outer rim (light panels) and a light inner rim (dark panels).
    p.setPen(QPen(RIM_DARK, max(1.0, size / 32)))
    p.drawRoundedRect(rect, radius, radius)
    if size >= 16:
        inner = rect.adjusted(max(1.0, size / 32), max(1.0, size / 32), -max(1.0, size / 32), -max(1.0, size / 32))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(RIM_LIGHT, max(0.8, size / 48)))
        p.drawRoundedRect(inner, radius * 0.85, radius * 0.85)
    margin = size * (0.13 if size <= 24 else 0.17 if tray else 0.2)  # small sizes: a bigger bubble
    box = QRectF(margin, margin * 1.05, size - 2 * margin, size - 2 * margin)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("white"))
    p.drawPath(_bubble(size, box))
    _dots(p, box, BLUE_BOTTOM, bold=tray or size <= 24)


def _image(size: int) -> tuple[QImage, QPainter]:
    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    return img, p


def app_icon(size: int, *, tray: bool = False) -> QImage:
    img, p = _image(size)
    _square(p, size, tray=tray)
    p.end()
    return img


def file_icon(size: int) -> QImage:
    img, p = _image(size)
    w = size * 0.74
    left = (size - w) / 2
    fold = size * 0.24
    page = QPainterPath()
    page.moveTo(left, size * 0.04)
    page.lineTo(left + w - fold, size * 0.04)
    page.lineTo(left + w, size * 0.04 + fold)
    page.lineTo(left + w, size * 0.96)
    page.lineTo(left, size * 0.96)
    page.closeSubpath()
    p.setPen(QPen(QColor("#5b6577"), max(1.0, size / 32)))
    p.setBrush(QColor("#f7f9fc"))
    p.drawPath(page)
    p.setBrush(QColor("#d5dbe6"))
    corner = QPainterPath()
    corner.moveTo(left + w - fold, size * 0.04)
    corner.lineTo(left + w - fold, size * 0.04 + fold)
    corner.lineTo(left + w, size * 0.04 + fold)
    corner.closeSubpath()
    p.drawPath(corner)
    badge = int(size * 0.62)
    p.drawImage(QRectF(size - badge - size * 0.02, size - badge - size * 0.02, badge, badge), app_icon(badge, tray=True))
    p.end()
    return img


def png_bytes(img: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return bytes(data)


def ico(images: dict[int, bytes]) -> bytes:
    """A Windows .ico whose entries are PNG images (Windows Vista and later)."""
    head = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return head + entries + blobs


def icns(images: dict[int, bytes]) -> bytes:
    body = b"".join(ICNS_TYPES[s] + struct.pack(">I", 8 + len(png)) + png for s, png in sorted(images.items()))
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    app_png = {s: png_bytes(app_icon(s)) for s in APP_SIZES}
    tray_png = {s: png_bytes(app_icon(s, tray=True)) for s in TRAY_SIZES}
    file_png = {s: png_bytes(file_icon(s)) for s in sorted(set(FILE_SIZES) | set(ICO_SIZES))}
    for s, data in app_png.items():
        (OUT / f"app-{s}.png").write_bytes(data)
    for s, data in tray_png.items():
        (OUT / f"tray-{s}.png").write_bytes(data)
    for s in FILE_SIZES:
        (OUT / f"file-{s}.png").write_bytes(file_png[s])
    small = {**{s: app_png[s] for s in ICO_SIZES}, **{s: tray_png[s] for s in (16, 24, 32) if s in tray_png}}
    (OUT / "ljsms.ico").write_bytes(ico(small))
    (OUT / "file.ico").write_bytes(ico({s: file_png[s] for s in ICO_SIZES}))
    (OUT / "ljsms.icns").write_bytes(icns({s: app_png[s] for s in ICNS_TYPES}))
    print(f"wrote {len(list(OUT.iterdir()))} files to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
