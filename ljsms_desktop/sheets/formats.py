"""What kind of file the user picked, judged by its content (the extension is only a hint).

A CSV renamed to ``.xls``, an ``.xlsx`` saved as ``.xls``, the HTML "xls" many web systems export:
people bring all of these. Looking at the first bytes tells them apart and lets every refusal say
what the file really is. Kinds: ``xlsx`` (also xlsm/xlsb, any OOXML zip), ``xls`` (BIFF in an OLE
container), ``ods``, ``csv`` (any delimited text).
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .errors import SheetError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")

# Other binary files people pick by mistake, with a name for the message.
_BINARY_SIGNATURES = (
    (b"%PDF", "PDF 文档"),
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"Rar!", "RAR 压缩包"),
    (b"7z\xbc\xaf", "7z 压缩包"),
    (b"\x1f\x8b", "gzip 压缩包"),
    (b"MZ", "程序文件"),
)

@dataclass(frozen=True, slots=True)
class FileKind:
    kind: str  # "xlsx" | "xls" | "ods" | "csv"
    path: Path
    size: int


def not_spreadsheet(path: Path, what: str) -> SheetError:
    return SheetError(
        f"无法读取：{path.name} 不是表格文件（看起来是{what}）。"
        "请选择 Excel（.xlsx/.xls）、WPS/LibreOffice 表格（.ods）或 CSV 文件。"
    )


def password_protected(path: Path) -> SheetError:
    return SheetError(
        f"无法读取：{path.name} 设置了打开密码（已加密）。"
        "请在 Excel/WPS 中打开它，取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存，再导入。"
    )


def corrupt(path: Path, detail: str = "") -> SheetError:
    extra = f"（{detail}）" if detail else ""
    return SheetError(
        f"无法读取：{path.name} 已损坏或不完整{extra}。请在 Excel/WPS 中打开并重新另存为 .xlsx 后再导入。"
    )


def detect(path: str | os.PathLike[str]) -> FileKind:
    """Check that *path* is a readable, non-empty file and say what kind of spreadsheet it holds.

    Raises SheetError for a missing file, a folder, an empty file, an encrypted workbook, a corrupt
    zip, or something that is not a spreadsheet at all.
    """
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise SheetError(f"文件不存在：{p}") from None
    except OSError as exc:
        raise SheetError(f"无法访问文件：{p}（{exc.strerror or exc}）") from None
    if p.is_dir():
        raise SheetError(f"这是一个文件夹，不是表格文件：{p}")
    if st.st_size == 0:
        raise SheetError(f"文件是空的（0 字节）：{p.name}")
    try:
        with p.open("rb") as fh:
            head = fh.read(8192)
    except OSError as exc:
        raise SheetError(f"无法打开文件：{p.name}（{exc.strerror or exc}）。如果它正在 Excel/WPS 中打开，请先关闭。") from None

    if head.startswith(_ZIP_MAGICS):
        return FileKind(_zip_kind(p), p, st.st_size)
    if head.startswith(OLE_MAGIC):
        if _contains(p, _ENCRYPTED_STREAM):
            raise password_protected(p)
        return FileKind("xls", p, st.st_size)
    for magic, what in _BINARY_SIGNATURES:
        if head.startswith(magic):
            raise not_spreadsheet(p, what)
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")):
        raise SheetError(
            f"无法读取：{p.name} 其实是网页（HTML）格式，只是扩展名为表格。"
            "请用 Excel/WPS 打开它，另存为 .xlsx 后再导入。"
        )
    if lowered.startswith(b"<?xml"):
        raise SheetError(
            f"无法读取：{p.name} 是 XML 格式（例如 Excel 2003 XML 表格）。请用 Excel/WPS 打开它，另存为 .xlsx 后再导入。"
        )
    if not _looks_like_text(head):
        raise not_spreadsheet(p, "二进制文件")
    return FileKind("csv", p, st.st_size)


def _zip_kind(p: Path) -> str:
    try:
        with zipfile.ZipFile(p) as zf:
            names = set(zf.namelist())
            if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
                return "xlsx"
            if "mimetype" in names:
                mime = zf.read("mimetype").decode("ascii", "replace").strip()
                if mime == "application/vnd.oasis.opendocument.spreadsheet":
                    return "ods"
                if "opendocument.text" in mime:
                    raise not_spreadsheet(p, "OpenDocument 文字文档")
                raise not_spreadsheet(p, f"{mime} 文件")
            if "word/document.xml" in names:
                raise not_spreadsheet(p, "Word 文档")
            if "ppt/presentation.xml" in names:
                raise not_spreadsheet(p, "PowerPoint 演示文稿")
            if "content.xml" in names:
                return "ods"
            raise not_spreadsheet(p, "zip 压缩包")
    except zipfile.BadZipFile:
        raise corrupt(p, "压缩结构无效 / corrupt zip") from None
    except (OSError, EOFError, RuntimeError) as exc:
        raise corrupt(p, str(exc)) from None


def _contains(p: Path, needle: bytes, chunk: int = 1 << 20) -> bool:
    """Whether *needle* occurs anywhere in the file (the OLE directory may sit at any offset)."""
    tail = b""
    with p.open("rb") as fh:
        while True:
            block = fh.read(chunk)
            if not block:
                return False
            if needle in tail + block:
                return True
            tail = block[-len(needle) :]


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # UTF-16 with BOM ("Unicode text" from Excel)
    if b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 13, 12, 26))
    return controls <= max(2, len(head) // 100)
