"""``ljsms check``: summary and reasons, JSON shape, exports, exit statuses, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_helpers import run

FIX = Path(__file__).parent / "fixtures" / "sheets"


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("LJSMS_HOME", str(tmp_path / "home"))




def test_check_text(capsys):
    code, out, _ = run(capsys, "check", str(FIX / "lo_text.xlsx"))
    assert code == 0
    assert "共 10 行数据：有效 6，无效 3，重复 1" in out
    assert "手机号列：A列（手机号）" in out
    assert "第 4 行：与第 2 行的号码重复" in out and "第 9 行：手机号“1.38001E+10”" in out


def test_check_json(capsys):
    code, out, _ = run(capsys, "check", str(FIX / "lo_numbers.xls"), "--json",
                       "--template", "【联江科技】尊敬的{}，您的订单{}已发货")
    data = json.loads(out)
    assert code == 0
    assert {k: data[k] for k in ("rows", "valid", "invalid", "duplicates")} == {
        "rows": 10, "valid": 6, "invalid": 3, "duplicates": 1}
    assert data["problems"][0] == {"row": 4, "reason": "与第 2 行的号码重复", "kind": "duplicate",
                                   "reason_en": "Same number as row 2"}
    assert [p["row"] for p in data["problems"]] == [4, 5, 6, 8]
    assert data["variable_headers"] == ["姓名", "订单号"] and data["mobile_column"] == "A"


def test_check_options(capsys, tmp_path):
    code, out, _ = run(capsys, "check", str(FIX / "lo_formulas.ods"), "--sheet", "名单", "--json")
    assert code == 0 and json.loads(out)["valid"] == 3
    code, out, _ = run(capsys, "check", str(FIX / "gbk.csv"), "--mobile-column", "A", "--variables", "C,B",
                       "--template", "{}{}", "--json")
    data = json.loads(out)
    assert data["encoding"] == "gb18030" and data["variable_columns"] == ["C", "B"] and data["valid"] == 1
    code, out, _ = run(capsys, "check", str(FIX / "semicolon.csv"), "--no-header", "--json", "--max-problems", "1")
    data = json.loads(out)
    assert data["header_row"] is None and data["rows"] == 4 and len(data["problems"]) == 1
    code, _, _ = run(capsys, "check", str(FIX / "lo_text.xlsx"), "--strict")
    assert code == 1


def test_check_export_invalid(capsys, tmp_path):
    out_file = tmp_path / "需修改.xlsx"
    code, out, _ = run(capsys, "check", str(FIX / "lo_text.xlsx"), "--export-invalid", str(out_file))
    assert code == 0 and "已把 3 个无效行导出到" in out and out_file.exists()
    code, out, _ = run(capsys, "check", str(out_file), "--json")
    assert json.loads(out)["invalid"] == 3


@pytest.mark.parametrize(
    "argv,words",
    [
        (["check", "missing.xlsx"], "文件不存在"),
        (["check", str(FIX / "encrypted.xlsx")], "密码"),
        (["check", str(FIX / "lo_text.xlsx"), "--sheet", "没有这页"], "lo_source"),
        (["check", str(FIX / "lo_text.xlsx"), "--mobile-column", "微信"], "找不到手机号列"),
        (["check", str(FIX / "lo_text.xlsx"), "--template", "{}{}{}{}{}"], "模板中有 5 个变量"),
        (["check", str(FIX / "lo_formulas.xlsx")], "手机号"),
    ],
)
def test_check_errors_exit_2(capsys, argv, words):
    code, out, err = run(capsys, *argv)
    assert code == 2 and words in err and err.startswith("错误：")


def test_output_piped_into_a_reader_that_stops_early(tmp_path):
    """`ljsms check big.csv --json | head`: the pipe closes under us; exit 141 quietly, no "internal error"."""
    import os
    import subprocess
    import sys

    big = tmp_path / "big.csv"
    # 10,000 ten-digit numbers: 10,000 problems, over 1 MB of JSON, far more than a pipe holds
    big.write_text("手机号\n" + "".join(f"138001{i:04d}\n" for i in range(10000)), encoding="utf-8")
    env = {**os.environ, "LJSMS_HOME": str(tmp_path / "home")}
    proc = subprocess.Popen([sys.executable, "-c", "import sys; from ljsms_desktop.cli import main; sys.exit(main())",
                             "check", str(big), "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    first = proc.stdout.read(100)  # the reader takes a little and goes away
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=60) == 141
    assert first.startswith(b"{")
    assert "内部错误" not in err and "Traceback" not in err and "Exception ignored" not in err


def test_hostile_workbooks_exit_2_with_one_message(capsys, tmp_path, monkeypatch):
    """`ljsms check` and `ljsms send --numbers` on the issue-9 workbooks: a refusal and status 2."""
    import shlex
    import sys

    from test_sheets_hostile import far_cells_xlsx, padded_xlsx

    far = far_cells_xlsx(tmp_path / "far.xlsx")
    code, out, err = run(capsys, "check", str(far))
    assert code == 2 and "17,179,869,184" in out + err
    code, out, err = run(capsys, "check", str(padded_xlsx(tmp_path / "padded.xlsx", 100)))
    assert code == 2 and "200:1" in out + err
    monkeypatch.setenv("LJSMS_PASSWORD", "demo")
    code, out, err = run(capsys, "send", "--content", "【联江科技】测试，回T退订", "--numbers", str(far), "--yes")
    assert code == 2 and "17,179,869,184" in out + err
    # A reader that dies on the file: still one message and status 2.
    script = tmp_path / "abort.py"
    script.write_text("import os\nos.abort()\n")
    monkeypatch.setenv("LJSMS_SHEET_WORKER", f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}")
    code, out, err = run(capsys, "check", str(far))
    assert code == 2 and "意外终止" in out + err
