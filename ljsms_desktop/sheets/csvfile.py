"""Delimited text files: encoding and delimiter detection, streaming rows.

Encodings: only those Chinese users' files come in, never a guess that could garble names.
1. a byte-order mark: UTF-8 with BOM (Excel's "CSV UTF-8"), UTF-16 (Excel's "Unicode text");
2. strict UTF-8 (which also covers plain ASCII);
3. strict GB18030 (Chinese Excel and WPS save CSV in GBK, which GB18030 contains), unless the file mixes
   in UTF-8 lines: UTF-8 Chinese often decodes "cleanly" as GB18030 into wrong characters, so a sample
   whose non-ASCII lines are partly valid UTF-8 (at least 2 such lines and 1 in 20) is refused as mixed;
4. nothing else: a file that decodes under none is refused, naming the first line that does not decode
   (a mixed GBK/UTF-8 file once went out as Cyrillic names through a statistical guess).
The sample (the first 64 KiB) decides; the rest is decoded strictly while it streams, and a later line
that does not decode stops the import with its line number.
UTF-16 without a BOM never gets here: the NUL bytes make it "not text" (see formats.detect).
Delimiters ``,`` ``;`` and tab: an Excel ``sep=`` first line when present, else csv.Sniffer on the
sample restricted to those three, else the one that splits the first lines most consistently.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import SheetError

SAMPLE_BYTES = 64 * 1024
ASCII_SAMPLE_BYTES = 4 * 1024 * 1024
DELIMITERS = ",;\t"


@dataclass(frozen=True, slots=True)
class CsvDialect:
    encoding: str
    delimiter: str
    skip_lines: int = 0  # an Excel "sep=;" line is not data and not shown as a row


def _decode_error(data: bytes, encoding: str, final: bool) -> int | None:
    """Offset of the first byte that does not decode strictly (None: all of it does). Unless *final*,
    a multi-byte character cut off at the end of *data* is fine."""
    try:
        codecs.getincrementaldecoder(encoding)("strict").decode(data, final=final)
    except UnicodeDecodeError as exc:
        return exc.start
    return None


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


_MULTIBYTE_UTF8 = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def _utf8_lines(sample: bytes) -> tuple[list[int], int]:
    """(line numbers of the lines that are valid UTF-8 with at least two multi-byte characters,
    count of lines with any non-ASCII byte) — evidence of UTF-8 lines inside a GBK file."""
    found: list[int] = []
    non_ascii = 0
    for number, line in enumerate(sample.split(b"\n"), 1):
        if line.isascii():
            continue
        non_ascii += 1
        if len(_MULTIBYTE_UTF8.findall(line)) >= 2:
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                continue
            found.append(number)
    return found, non_ascii


_RESAVE = "请在 Excel/WPS 中打开后另存为“CSV UTF-8（逗号分隔）”或 .xlsx 再导入。"
_RESAVE_EN = "Open it in Excel/WPS and save it as “CSV UTF-8 (comma delimited)” or .xlsx, then import it again."


def encoding_error(line: int) -> SheetError:
    """The file's text stops decoding at *line* (its encoding changes, or the bytes are not text)."""
    return SheetError(
        f"第 {line} 行的文字无法识别：文件不是统一的 UTF-8 或 GBK/GB18030 编码（可能混有不同编码的内容）。{_RESAVE}",
        code="encoding", message_en=f"The text on line {line} cannot be read: the file is not all UTF-8 or all "
        f"GBK/GB18030 (it may mix encodings). {_RESAVE_EN}")


def _mixed(gbk_line: int, utf8_line: int) -> SheetError:
    first, later = sorted((gbk_line, utf8_line))
    return SheetError(
        f"文件混用了两种文字编码：第 {first} 行和第 {later} 行的编码不同（UTF-8 与 GBK），"
        f"按任何一种读取都会有乱码，已拒绝导入。{_RESAVE}",
        code="encoding_mixed",
        message_en=f"The file mixes two text encodings: lines {first} and {later} differ (UTF-8 and GBK), "
        f"so either way some names would be garbled; nothing was imported. {_RESAVE_EN}")


_UTF8_CJK_PAIR = re.compile(rb"(?:[\xe4-\xe9][\x80-\xbf]{2}){2}")


def _check_rest_for_utf8(path: Path, sample: bytes) -> None:
    """A GB18030 file longer than the sample: refuse it when UTF-8 lines appear later on (they would
    decode into wrong characters, not fail). One regex pass per 4 MiB; lines are looked at only in
    blocks where two UTF-8 CJK characters in a row appear."""
    gbk_line = _line_at(sample, _decode_error(sample, "utf-8", False) or 0)
    found: list[int] = []
    lines = 0
    carry = b""
    with path.open("rb") as fh:
        while True:
            block = fh.read(1 << 22)
            data = carry + block
            if block:
                cut = data.rfind(b"\n") + 1
                data, carry = data[:cut], data[cut:]
            if data and _UTF8_CJK_PAIR.search(data):
                found += [lines + n for n in _utf8_lines(data)[0]]
            lines += data.count(b"\n")
            if not block:
                break
    if len(found) >= 2 and len(found) * 20 >= lines:
        raise _mixed(gbk_line, found[0])


def detect_encoding(sample: bytes, *, complete: bool = False) -> str:
    """The Python codec name to read a file that starts with *sample* (*complete*: the whole file).

    Raises SheetError (code ``encoding``, with the first line that does not decode) when the sample is
    neither UTF-8 nor GB18030, or mixes UTF-8 lines into GB18030 text.
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    utf8_bad = _decode_error(sample, "utf-8", complete)
    if utf8_bad is None:
        return "utf-8"
    gb_bad = _decode_error(sample, "gb18030", complete)
    if gb_bad is None:
        utf8_lines, non_ascii = _utf8_lines(sample)
        if len(utf8_lines) >= 2 and len(utf8_lines) * 20 >= non_ascii:
            raise _mixed(_line_at(sample, utf8_bad), utf8_lines[0])
        return "gb18030"
    raise encoding_error(_line_at(sample, max(utf8_bad, gb_bad)))


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
    encoding = detect_encoding(sample, complete=len(sample) < SAMPLE_BYTES)
    if encoding == "gb18030" and len(sample) >= SAMPLE_BYTES:
        _check_rest_for_utf8(path, sample)
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
            raise encoding_error(first_bad_line(self.path, d.encoding, line + 1 + d.skip_lines)) from None
        except csv.Error as exc:
            raise SheetError(f"第 {line + 1} 行附近的 CSV 格式有误：{exc}") from None
        finally:
            text.close()


def first_bad_line(path: Path, encoding: str, near: int) -> int:
    """The number of the first line of *path* that does not decode as *encoding* (read again, only
    after the stream failed: the text decoder reads ahead, so the record count *near* is only close)."""
    if encoding == "utf-16":
        return near  # lines are not split on single bytes here
    codec = "utf-8" if encoding == "utf-8-sig" else encoding
    number = 0
    with path.open("rb") as fh:
        for number, line in enumerate(fh, 1):  # noqa: B007 - number is the answer
            try:
                line.decode(codec)
            except UnicodeDecodeError:
                return number
    return max(1, number)
