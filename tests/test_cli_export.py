"""``ljsms export``: what the store holds, to files Excel and LibreOffice open — replies as data, not formulas."""

from __future__ import annotations

import csv

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from ljsms_desktop.api import LjClient
from ljsms_desktop.cli import main
from ljsms_desktop.engine import Poller
from ljsms_desktop.store import Store


@pytest.fixture
def filled(simulator, tmp_path, monkeypatch):
    monkeypatch.setenv("LJSMS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("LJSMS_PASSWORD", "demo")
    args = ["--base-url", simulator.base_url, "--account", "demo"]
    assert main(args + ["send", "--content", "【联江】周末特惠，回T退订", "--to", "13800138000,13900139000", "--yes"]) == 0
    with LjClient(simulator.base_url, "demo", "demo") as client:
        simulator.make_all_due()
        simulator.add_reply("13800138000", '=HYPERLINK("http://x.example","点我")', expand="101")
        simulator.add_reply("13900139000", "退订", expand="101")
        Poller(lambda: Store(tmp_path / "home" / "ljsms.sqlite3"), client).poll_once()
    return args, tmp_path


def test_export_reports_replies_campaigns(filled, capsys):
    args, tmp = filled
    assert main(args + ["export", "reports", str(tmp / "r.xlsx")]) == 0
    rows = CalamineWorkbook.from_path(str(tmp / "r.xlsx")).get_sheet_by_index(0).to_python()
    assert rows[0][:3] == ["时间", "手机号", "状态"] and sorted(r[1] for r in rows[1:]) == ["13800138000", "13900139000"]

    assert main(args + ["export", "replies", str(tmp / "p.xlsx")]) == 0
    ws = openpyxl.load_workbook(tmp / "p.xlsx").active
    cells = {ws.cell(r, 2).value: ws.cell(r, 3) for r in range(2, ws.max_row + 1)}
    formula_reply = cells["13800138000"]
    assert formula_reply.value == '=HYPERLINK("http://x.example","点我")' and formula_reply.data_type == "s"
    assert cells["13900139000"].value == "退订"

    assert main(args + ["export", "replies", str(tmp / "p.csv"), "--campaign", "1"]) == 0
    raw = (tmp / "p.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel opens it correctly
    lines = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert len(lines) == 3 and not any(line[2].startswith("=") for line in lines[1:])

    assert main(args + ["export", "campaigns", str(tmp / "c.csv")]) == 0
    lines = list(csv.reader((tmp / "c.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert lines[0][:2] == ["编号", "名称"] and lines[1][0] == "1"
    err = capsys.readouterr().err
    assert "已导出 2 行状态报告" in err and "Traceback" not in err


def test_export_to_an_unsupported_suffix_is_a_clear_error(filled, capsys):
    args, tmp = filled
    assert main(args + ["export", "reports", str(tmp / "r.pdf")]) != 0
    err = capsys.readouterr().err
    assert ".xlsx 或 .csv" in err and "Traceback" not in err
