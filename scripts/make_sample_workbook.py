"""Write resources/sample_import.xlsx, the "download the template" workbook the app offers.

    python scripts/make_sample_workbook.py [OUT]

Sheet 1 "名单": 手机号 + two template variables (姓名, 订单号) and five example rows. The 手机号
column is formatted as text, so numbers typed into it keep all 11 digits instead of turning into
1.38001E+10. Sheet 2 "填写说明" explains the columns.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import xlsxwriter

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "resources" / "sample_import.xlsx"

HEADERS = ["手机号", "姓名", "订单号"]
ROWS = [
    ("13800138000", "张三", "DD20261125001"),
    ("13900139000", "李四", "DD20261125002"),
    ("15000150000", "王五", "DD20261125003"),
    ("18600186000", "赵六", "DD20261125004"),
    ("17700177000", "钱七", "DD20261125005"),
]
NOTES = [
    "填写说明",
    "1. 每行一位收件人；第 1 行是表头，请保留。",
    "2. 手机号：中国大陆 11 位手机号。本列已设为“文本”格式，请勿改成数字格式，否则长号码会显示成 1.38E+10 并丢失位数。",
    "3. 姓名、订单号：依次填入模板中的第 1 个、第 2 个 {}，例如模板“【联江科技】{}您好，您的订单{}已发货”。",
    "4. 需要更多变量时，在右侧继续加列；不需要的列可以删除。",
    "5. 空行会被跳过；重复的号码只发送一次；有问题的行会列出原因，可导出后修改再导入。",
]


def build(out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    wb = xlsxwriter.Workbook(str(out), {"strings_to_numbers": False, "strings_to_formulas": False})
    wb.set_properties({"title": "联江短信导入模板", "created": dt.datetime(2026, 1, 1)})
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    text = wb.add_format({"num_format": "@"})
    ws = wb.add_worksheet("名单")
    ws.set_column(0, 0, 16, text)
    ws.set_column(1, 1, 12)
    ws.set_column(2, 2, 18)
    ws.write_row(0, 0, HEADERS, head)
    for r, row in enumerate(ROWS, 1):
        for c, value in enumerate(row):
            ws.write_string(r, c, value, text if c == 0 else None)
    ws.freeze_panes(1, 0)
    notes = wb.add_worksheet("填写说明")
    notes.set_column(0, 0, 100)
    for r, line in enumerate(NOTES):
        notes.write_string(r, 0, line, head if r == 0 else None)
    wb.close()
    return out


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT))
