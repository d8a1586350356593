"""Exports: xlsx and csv from any iterable, values typed, formula injection neutralised, progress,
cancel without leftovers, clear errors; and the shipped sample workbook."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import threading
import zipfile
from pathlib import Path

import openpyxl
import pytest
import python_calamine

from ljsms_desktop.sheets import Cancelled, SheetError, csv_safe, export_rows, import_sheet

ROOT = Path(__file__).resolve().parent.parent
HYPERLINK = '=HYPERLINK("http://x","y")'
NASTY = [HYPERLINK, "+1-2", "-5", "@SUM(A1:A9)", "\tcmd", "\rcmd", "=1+2"]


def report_rows(n):
    for i in range(n):
        yield (f"15288098299{i:07d}", f"138{i:08d}", "DELIVRD" if i % 5 else "UNDELIV",
               dt.datetime(2026, 11, 25, 14, i % 60), f"回复 {i}")


def calamine_rows(path):
    with python_calamine.CalamineWorkbook.from_path(str(path)) as wb:
        return wb.get_sheet_by_index(0).to_python()


def test_xlsx_values_and_types(tmp_path):
    out = tmp_path / "r.xlsx"
    rows = [["13800138000", 12, 2.5, None, True, dt.date(2026, 11, 25), dt.datetime(2026, 11, 25, 14, 30),
             152880982911993396, "", "中文"]]
    assert export_rows(out, ["手机号", "整数", "小数", "空", "是否", "日期", "时间", "msgId", "空串", "文字"], rows) == 1
    got = calamine_rows(out)
    assert got[0][0] == "手机号"
    assert got[1] == ["13800138000", 12.0, 2.5, "", True, dt.date(2026, 11, 25), dt.datetime(2026, 11, 25, 14, 30),
                      "152880982911993396", "", "中文"]  # ids longer than 15 digits stay text: Excel would round them


def test_formula_injection_xlsx_reads_back_as_literal_text(tmp_path):
    out = export_rows(tmp_path / "replies.xlsx", ["手机号", "回复"], [("13800138000", t) for t in NASTY])
    assert out == len(NASTY)
    texts = [row[1] for row in calamine_rows(tmp_path / "replies.xlsx")[1:]]
    assert texts == NASTY
    ws = openpyxl.load_workbook(tmp_path / "replies.xlsx").active
    cell = ws["B2"]
    assert cell.value == HYPERLINK and cell.data_type == "s" and cell.quotePrefix  # text, shown literally
    sheet_xml = zipfile.ZipFile(tmp_path / "replies.xlsx").read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml  # no formula anywhere
    # and our own importer sees the same text
    r = import_sheet(tmp_path / "replies.xlsx", template="{}")
    assert [v for _, v in r.valid_rows][0] == [HYPERLINK]


def test_formula_injection_csv(tmp_path):
    out = tmp_path / "replies.csv"
    export_rows(out, ["手机号", "回复"], [("13800138000", t) for t in NASTY] + [("13900139000", "正常 = 内容")])
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["手机号", "回复"]
    assert [r[1] for r in rows[1:]] == ["'" + t for t in NASTY] + ["正常 = 内容"]
    assert csv_safe("13800138000") == "13800138000" and csv_safe("-") == "'-"


def test_streams_from_a_generator_with_progress(tmp_path):
    seen = []
    n = 5000
    for name in ("reports.xlsx", "reports.csv"):
        seen.clear()
        written = export_rows(tmp_path / name, ["msgId", "手机号", "状态", "时间", "内容"], report_rows(n),
                              total=n, on_progress=lambda d, f: seen.append((d, f)))
        assert written == n
        assert seen[0] == (2048, 2048 / n) and seen[-1] == (n, 1.0)
    back = import_sheet(tmp_path / "reports.xlsx", mobile_column="手机号")
    assert back.valid == n and back.layout.headers[:2] == ["msgId", "手机号"]
    with (tmp_path / "reports.csv").open(encoding="utf-8-sig") as fh:
        assert sum(1 for _ in fh) == n + 1


@pytest.mark.parametrize("name", ["cancelled.xlsx", "cancelled.csv"])
def test_cancel_leaves_nothing_behind(tmp_path, name):
    stop = threading.Event()

    def rows():
        for i, row in enumerate(report_rows(10_000)):
            if i == 3000:
                stop.set()
            yield row

    with pytest.raises(Cancelled):
        export_rows(tmp_path / name, ["a", "b", "c", "d", "e"], rows(), cancel=stop)
    assert list(tmp_path.iterdir()) == []


def test_overwrites_and_clear_errors(tmp_path):
    out = tmp_path / "r.xlsx"
    out.write_bytes(b"old")
    export_rows(out, ["a"], [["x"]])
    assert calamine_rows(out) == [["a"], ["x"]]
    with pytest.raises(SheetError, match="不支持导出"):
        export_rows(tmp_path / "r.pdf", ["a"], [])
    with pytest.raises(SheetError, match="文件夹不存在"):
        export_rows(tmp_path / "nope" / "r.xlsx", ["a"], [])
    assert export_rows(tmp_path / "empty.csv", ["只有表头"], []) == 0


def test_sample_workbook_shipped_and_reproducible(tmp_path):
    sample = ROOT / "resources" / "sample_import.xlsx"
    r = import_sheet(sample, template="【联江科技】{}您好，您的订单{}已发货")
    assert r.layout.headers == ["手机号", "姓名", "订单号"]
    assert (r.rows, r.valid, r.invalid, r.duplicates) == (5, 5, 0, 0)
    spec = importlib.util.spec_from_file_location("make_sample", ROOT / "scripts" / "make_sample_workbook.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fresh = module.build(tmp_path / "sample.xlsx")
    assert calamine_rows(fresh) == calamine_rows(sample)
    ws = openpyxl.load_workbook(fresh)["名单"]
    assert ws["A2"].number_format == "@"  # the mobile column is text: typed numbers keep their digits
