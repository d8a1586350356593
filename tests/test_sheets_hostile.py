"""Hostile workbooks (issue 9): refused with a clear message, never a crash or gigabytes in the caller.

Every file is generated here, small on disk: a sheet padded to hundreds of megabytes of XML, a
sheet with one cell at A1 and one at XFD1048576 (python-calamine aborted the process on it with a
Rust panic, signal 6), and the same read with the file checks switched off so that the reader
process really dies. The caller is this test process: it must survive with a SheetError.
"""

from __future__ import annotations

import os
import pickle
import shlex
import sys
import zipfile
from pathlib import Path

import pytest
from sheets_helpers import write_xlsxwriter

from ljsms_desktop import sheets
from ljsms_desktop.sheets import guard, isolated
from ljsms_desktop.sheets.errors import SheetError

_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/'
       'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
       'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
       'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
       '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
       'spreadsheetml.worksheet+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats'
         '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
         'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WB = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/'
       'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
       '<sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WB_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '</Relationships>')
_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.'
         'org/spreadsheetml/2006/main">')


def hand_made_xlsx(path: Path, sheet_parts) -> Path:
    """A minimal .xlsx whose sheet XML is streamed from *sheet_parts* (bytes pieces, never all in memory)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        zf.writestr("[Content_Types].xml", _CT)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("xl/workbook.xml", _WB)
        zf.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            for piece in sheet_parts:
                fh.write(piece)
    return path


def padded_xlsx(path: Path, megabytes: int) -> Path:
    """A real list (header + 2 rows) whose sheet XML is padded with *megabytes* of one cell's text."""
    def parts():
        yield (_HEAD + '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>手机号</t></is></c>'
               '<c r="B1" t="inlineStr"><is><t>姓名</t></is></c></row>'
               '<row r="2"><c r="A2"><v>13800138000</v></c><c r="B2" t="inlineStr"><is><t>').encode()
        block = b"A" * (1 << 20)
        for _ in range(megabytes):
            yield block
        yield b'</t></is></c></row><row r="3"><c r="A3"><v>13900139000</v></c></row></sheetData></worksheet>'
    return hand_made_xlsx(path, parts())


def far_cells_xlsx(path: Path) -> Path:
    """One cell at A1 and one at XFD1048576, no <dimension>: 17 billion cells to python-calamine."""
    return hand_made_xlsx(path, [(
        _HEAD + '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>手机号</t></is></c></row>'
        '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>'
    ).encode()])


def _peak_kb() -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def _reset_peak() -> bool:
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def test_padded_xml_is_refused_and_the_caller_stays_small(tmp_path):
    path = padded_xlsx(tmp_path / "padded.xlsx", 300)
    assert path.stat().st_size < 2 << 20  # ~300 KB on disk, 300 MB of XML inside
    measured = sys.platform.startswith("linux") and _reset_peak()
    before = _peak_kb()
    with pytest.raises(SheetError) as err:
        sheets.import_sheet(path, template="{}")
    e = err.value
    assert e.code == "too_large"
    assert "padded.xlsx" in e.message and "解压" in e.message and "200:1" in e.message
    assert "padded file" in e.message_en
    if measured:
        assert _peak_kb() - before < 50 * 1024  # this process never held the XML
    for call in (lambda: sheets.inspect_file(path), lambda: sheets.list_sheets(path)):
        with pytest.raises(SheetError, match="解压"):
            call()


def test_padded_xml_past_the_checks_meets_the_memory_cap(tmp_path):
    """With the file checks off, the reader's address-space cap still stops a padded sheet: the
    reader fails, this process gets a refusal (and never held the text)."""
    path = padded_xlsx(tmp_path / "padded.xlsx", 300)
    request = {"op": "import", "mode": "detect", "path": str(path), "sheet": None, "header_row": "auto",
               "mobile_column": None, "variable_columns": None, "variables": None, "template": None,
               "max_value_chars": 100, "max_text_chars": 500, "limits": False}
    measured = sys.platform.startswith("linux") and _reset_peak()
    before = _peak_kb()
    with pytest.raises(SheetError) as err:
        isolated.run(request, memory_limit=256 << 20)
    assert err.value.code in ("too_large", "reader_crashed", "reader_failed")
    assert err.value.message and err.value.message_en
    if measured:
        assert _peak_kb() - before < 50 * 1024


def test_far_apart_cells_are_refused_before_parsing(tmp_path):
    path = far_cells_xlsx(tmp_path / "far.xlsx")
    with pytest.raises(SheetError) as err:
        sheets.import_sheet(path)
    e = err.value
    assert e.code == "too_large" and "1048576" in e.message and "17,179,869,184" in e.message
    assert "cells" in e.message_en


def test_a_reader_that_dies_is_a_refusal_and_the_caller_survives(tmp_path):
    """The far-apart cells with the checks off: python-calamine aborts the reader process (signal 6,
    or a refused allocation under the cap). This process gets a SheetError and goes on working."""
    path = far_cells_xlsx(tmp_path / "far.xlsx")
    request = {"op": "inspect", "path": str(path), "sheet": None, "variables": None, "limits": False}
    with pytest.raises(SheetError) as err:
        isolated.run(request)
    e = err.value
    assert e.code in ("reader_crashed", "too_large"), e.message
    assert "far.xlsx" in e.message or "内存" in e.message
    # Still alive and still importing.
    good = write_xlsxwriter(tmp_path / "good.xlsx", [["手机号", "姓名"], ["13800138000", "张三"]])
    assert list(sheets.import_sheet(good, template="{}").valid_rows) == [("13800138000", ["张三"])]


def test_declared_dimension_beyond_the_limit_is_refused(tmp_path):
    path = hand_made_xlsx(tmp_path / "dim.xlsx", [(
        _HEAD + '<dimension ref="A1:Z2000000"/><sheetData><row r="1"><c r="A1"><v>13800138000</v></c></row>'
        '</sheetData></worksheet>').encode()])
    with pytest.raises(SheetError) as err:
        sheets.import_sheet(path)
    assert err.value.code == "too_large" and f"{guard.MAX_CELLS:,}" in err.value.message


def test_a_killed_reader_is_a_refusal(tmp_path, monkeypatch):
    """Whatever ends the reader (here: it aborts as soon as it starts) is one clear message."""
    script = tmp_path / "abort.py"
    script.write_text("import os\nos.abort()\n")
    monkeypatch.setenv("LJSMS_SHEET_WORKER", f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}")
    good = write_xlsxwriter(tmp_path / "good.xlsx", [["手机号"], ["13800138000"]])
    with pytest.raises(SheetError) as err:
        sheets.import_sheet(good)
    assert err.value.code == "reader_crashed" and "信号 6" in err.value.message and "signal 6" in err.value.message_en


def test_cancel_stops_the_reader(tmp_path):
    rows = [["手机号", "姓名"]] + [[13800000000 + i, f"客户{i}"] for i in range(60000)]
    path = write_xlsxwriter(tmp_path / "big.xlsx", rows)
    seen = []

    def progress(done, fraction):
        seen.append(done)

    with pytest.raises(sheets.Cancelled):
        sheets.import_sheet(path, template="{}", on_progress=progress, cancel=lambda: bool(seen))
    assert seen
    r = sheets.import_sheet(path, template="{}")  # and the next import works
    assert r.valid == 60000 and r.to_dict()["problems"] == []


def test_messages_from_the_reader_may_only_build_plain_data():
    evil = pickle.dumps(("done", os.system))  # a message naming a function must not be honoured
    import io

    with pytest.raises(pickle.UnpicklingError):
        isolated._Unpickler(io.BytesIO(evil)).load()



def test_text_file_beyond_the_size_limit_is_refused(tmp_path):
    """A CSV larger than MAX_FILE_BYTES (sparse here: a real header, then a hole) is refused unread."""
    path = tmp_path / "huge.csv"
    path.write_bytes(("手机号,姓名\n" + "".join(f"1380013{i:04d},张三\n" for i in range(1000))).encode())
    with path.open("r+b") as fh:
        fh.truncate(guard.MAX_FILE_BYTES + 1)
    with pytest.raises(SheetError) as err:
        sheets.import_sheet(path)
    assert err.value.code == "too_large" and "1,024 MB" in err.value.message


def test_more_data_rows_than_the_limit_are_refused(tmp_path):
    from ljsms_desktop.sheets import validate
    from ljsms_desktop.sheets.layout import detect_layout
    from ljsms_desktop.sheets.reader import Workbook

    path = write_xlsxwriter(tmp_path / "rows.xlsx", [["手机号"]] + [[13800000000 + i] for i in range(700)])
    with Workbook(path) as wb:
        data = wb.sheet()
        layout = detect_layout(data)
        with pytest.raises(SheetError) as err:
            validate.check_rows(data, layout, max_rows=500)
        assert err.value.code == "too_large" and "500" in err.value.message
        run, done = validate.check_rows(data, layout, max_rows=1000)
        assert done == 700 and len(run.valid) == 700


def test_a_reader_sending_nonsense_rows_is_a_refusal(tmp_path, monkeypatch):
    """The caller validates what the reader sends: batches out of order, a row far beyond any sheet
    (it must not size anything by it) or a malformed batch end in one clear refusal."""
    from ljsms_desktop.sheets.layout import Layout

    good = write_xlsxwriter(tmp_path / "good.xlsx", [["手机号"], ["13800138000"]])
    layout = sheets.import_sheet(good).layout
    assert isinstance(layout, Layout)
    for batches in ([(2, None, [False, "13800138000"], None), (7, None, [False, "13900139000"], None)],
                    [(10**12, None, [False, "13800138000"], None)],
                    [(2, None, [False], None)],
                    [(2, None, [False, "13800138000"], [(2, 10**9)])]):
        script = tmp_path / "nonsense.py"
        script.write_text(
            "import pickle, sys\n"
            "sys.stdin.buffer.read()\n"
            f"layout = pickle.loads({pickle.dumps(layout)!r})\n"
            "out = sys.stdout.buffer\n"
            "pickle.dump(('layout', layout), out)\n"
            f"pickle.dump(('cols', {batches!r}), out)\n"
            "out.flush()\n")
        monkeypatch.setenv("LJSMS_SHEET_WORKER", f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}")
        with pytest.raises(SheetError) as err:
            sheets.import_sheet(good)
        assert err.value.code == "reader_failed", batches
