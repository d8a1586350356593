"""Delimited text files: encoding and delimiter detection, streaming rows.

Encodings, in this order:
1. a byte-order mark (UTF-8 with BOM as Excel's "CSV UTF-8" writes it; UTF-16 from "Unicode text");
2. strict UTF-8 (which also covers plain ASCII);
3. GB18030 whenever the sample decodes as GB18030: Chinese Excel and WPS save CSV in GBK (GB18030
   is its superset), and on short Chinese samples charset-normalizer names cp949, Big5, EUC-JP or
   even UTF-16 instead, which would garble every name;
4. otherwise charset-normalizer's best guess over the sample (e.g. Big5 from Taiwan, Shift-JIS).
UTF-16 without a BOM never gets here: the NUL bytes make it "not text" (see formats.detect).
Delimiters ``,`` ``;`` and tab: an Excel ``sep=`` first line when present, else csv.Sniffer on the
sample restricted to those three, else the one that splits the first lines most consistently.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer

from .errors import SheetError

SAMPLE_BYTES = 64 * 1024
ASCII_SAMPLE_BYTES = 4 * 1024 * 1024
DELIMITERS = ",;\t"


@dataclass(frozen=True, slots=True)
class CsvDialect:
    encoding: str
    delimiter: str
    skip_lines: int = 0  # an Excel "sep=;" line is not data and not shown as a row


def _decodes(sample: bytes, encoding: str) -> bool:
    """Strictly decodable, allowing a multi-byte character cut off at the end of the sample."""
    try:
        codecs.getincrementaldecoder(encoding)("strict").decode(sample, final=False)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def detect_encoding(sample: bytes) -> str:
    """The Python codec name to read a file that starts with *sample*."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if _decodes(sample, "utf-8"):
        return "utf-8"
    if _decodes(sample, "gb18030"):
        return "gb18030"
    best = charset_normalizer.from_bytes(sample).best()
    if best is not None:
        return best.encoding
    raise SheetError("无法识别文件的文字编码。请在 Excel/WPS 中打开后另存为“CSV UTF-8（逗号分隔）”或 .xlsx 再导入。")


def detect_delimiter(text: str) -> tuple[str, int]:
    """(delimiter, lines to skip) for a decoded *text* sample."""
    first, _, _ = text.partition("\n")
    first = first.strip("\r\ufeff")
    if first.lower().startswith("sep=") and len(first) == 5 and first[4] in DELIMITERS:
        return first[4], 1
    lines = [ln for ln in text.splitlines()[:50] if ln.strip()]
    if len(text) >= SAMPLE_BYTES // 2 and len(lines) > 1:
        lines = lines[:-1]  # the sample may end in the middle of a line
    if not lines:
        return ",", 0
    joined = "\n".join(lines)
    try:
        found = csv.Sniffer().sniff(joined, delimiters=DELIMITERS).delimiter
    except csv.Error:
        found = ""
    if found and found in DELIMITERS:
        return found, 0
    # Fallback: the delimiter present in most lines, with the most consistent count.
    best, best_score = ",", 0.0
    for d in DELIMITERS:
        counts = [ln.count(d) for ln in lines]
        present = sum(1 for c in counts if c)
        if not present:
            continue
        common = max(set(counts), key=counts.count)
        score = present + counts.count(common) / len(counts)
        if score > best_score:
            best, best_score = d, score
    return best, 0


def sniff(path: Path) -> CsvDialect:
    with path.open("rb") as fh:
        sample = fh.read(SAMPLE_BYTES)
        if sample.isascii() and len(sample) == SAMPLE_BYTES:
            sample += fh.read(ASCII_SAMPLE_BYTES)
    encoding = detect_encoding(sample)
    text = codecs.getincrementaldecoder(encoding)("replace").decode(sample[: SAMPLE_BYTES * 2], final=False)
    delimiter, skip = detect_delimiter(text)
    return CsvDialect(encoding, delimiter, skip)


class CsvRows:
    """Iterate the records of a CSV file as lists of str, with a byte-based progress fraction."""

    def __init__(self, path: Path, dialect: CsvDialect) -> None:
        self.path = path
        self.dialect = dialect
        self._size = max(1, path.stat().st_size)
        self._buffer: io.BufferedReader | None = None

    def fraction(self) -> float:
        buf = self._buffer
        if buf is None or buf.closed:
            return 0.0
        try:
            return min(1.0, buf.tell() / self._size)
        except (OSError, ValueError):
            return 0.0

    def __iter__(self) -> Iterator[list[str]]:
        d = self.dialect
        try:
            buf = open(self.path, "rb")  # noqa: SIM115 - closed in finally
        except OSError as exc:
            raise SheetError(f"无法打开文件：{self.path.name}（{exc.strerror or exc}）") from None
        self._buffer = buf
        text = io.TextIOWrapper(buf, encoding=d.encoding, errors="strict", newline="")
        line = 0
        try:
            for _ in range(d.skip_lines):
                text.readline()
            reader = csv.reader(text, delimiter=d.delimiter)
            for line, row in enumerate(reader, 1):  # noqa: B007 - line used in the error message
                yield row
        except UnicodeDecodeError:
            raise SheetError(
                f"第 {line + 1} 行附近有无法按 {d.encoding} 编码识别的文字，文件的编码前后不一致。"
                "请在 Excel/WPS 中打开后另存为“CSV UTF-8（逗号分隔）”或 .xlsx 再导入。"
            ) from None
        except csv.Error as exc:
            raise SheetError(f"第 {line + 1} 行附近的 CSV 格式有误：{exc}") from None
        finally:
            text.close()
