"""Files from other producers, committed under tests/fixtures/sheets/ (see make_fixtures.py there):
LibreOffice .xlsx/.xls/.ods (numbers stored as numbers and as text, formulas with cached values),
Excel-style UTF-16 "Unicode text", a GBK CSV, a UTF-8-BOM CSV, a semicolon CSV, an encrypted workbook.
Each asserts the expected valid / invalid / duplicate counts and the reasons' row numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from ljsms_desktop.sheets import SheetError, import_sheet, list_sheets

FIX = Path(__file__).parent / "fixtures" / "sheets"
TEMPLATE_2 = "【联江科技】尊敬的{}，您的订单{}已发货"
TEMPLATE_4 = "【联江科技】{}您好，订单{}金额{}元，下单日期{}"


def counts(result):
    return result.rows, result.valid, result.invalid, result.duplicates


def problem_rows(result):
    return {p.row: p.reason for p in result.problems}


# lo_source.csv, row by row (header = row 1; row 7 is empty):
#   2 valid, 3 valid, 4 duplicate of 2, 5 "12345" wrong length, 6 empty mobile, 8 valid but no 姓名,
#   9 "1.38001E+10" (text: lost digits; number: LibreOffice parsed it to 13800100000), 10 valid,
#   11 "+86 186-0018-6004" valid, 12 full-width digits valid.
@pytest.mark.parametrize("name", ["lo_text.xlsx", "lo_text.xls", "unicode_text.txt"])
def test_libreoffice_numbers_stored_as_text(name):
    # unicode_text.txt: LibreOffice's UTF-16 "Text" export of the numbers workbook writes cells as
    # displayed, so 13800100000 became "1.38E+10" on the way: digits really lost, as in Excel.
    r = import_sheet(FIX / name)
    assert counts(r) == (10, 6, 3, 1)
    if name.endswith(".txt"):
        assert (r.encoding, r.delimiter) == ("utf-16", "\t")
    assert r.layout.header_row == 1 and r.layout.mobile_column == 0
    probs = problem_rows(r)
    assert set(probs) == {4, 5, 6, 9}
    assert probs[4] == "与第 2 行的号码重复"
    assert "位数不对" in probs[5] and "手机号为空" in probs[6]
    assert "科学计数法" in probs[9] and "丢失位数" in probs[9]
    assert [m for m, _ in r.valid_rows] == [
        "13800138000", "13900139001", "15000150002", "18600186003", "18600186004", "13700137005",
    ]


@pytest.mark.parametrize("name", ["lo_numbers.xlsx", "lo_numbers.xls"])
def test_libreoffice_numbers_stored_as_numbers(name):
    r = import_sheet(FIX / name)
    assert counts(r) == (10, 7, 2, 1)
    assert set(problem_rows(r)) == {4, 5, 6}
    assert "13800100000" in set(r.valid_rows.mobiles())  # what the number cell really holds


@pytest.mark.parametrize("name", ["lo_text.xlsx", "lo_text.xls", "lo_numbers.xlsx", "lo_numbers.xls", "unicode_text.txt"])
def test_values_read_as_a_person_sees_them(name):
    r = import_sheet(FIX / name, template=TEMPLATE_4)
    rows = {row: (mobile, values) for row, mobile, values in r.valid_rows.with_rows()}
    assert rows[2] == ("13800138000", ["张三", "A001", "12.5", "2026-11-25"])
    assert rows[3] == ("13900139001", ["李四", "A002", "100", "2026-11-26"])
    assert rows[10] == ("18600186003", ["周九", "A008", "6.25", "2026-12-02"])
    assert "缺少变量 1（姓名）的值" == problem_rows(r)[8]


@pytest.mark.parametrize("name,expected", [("lo_text.xlsx", (10, 5, 4, 1)), ("lo_numbers.xls", (10, 6, 3, 1))])
def test_template_variables_counted(name, expected):
    r = import_sheet(FIX / name, template=TEMPLATE_2)
    assert counts(r) == expected
    assert r.layout.variable_columns == [1, 2]


@pytest.mark.parametrize("name", ["lo_formulas.xlsx", "lo_formulas.xls", "lo_formulas.ods"])
def test_formulas_give_cached_values_and_sheets_are_listed(name):
    assert list_sheets(FIX / name) == ["说明", "名单"]
    with pytest.raises(SheetError, match="手机号"):
        import_sheet(FIX / name)  # the first sheet holds only a note: no phone column there
    r = import_sheet(FIX / name, sheet="名单", template="{}的合计是{}")
    assert counts(r) == (4, 3, 0, 1)
    assert list(r.valid_rows) == [
        ("13800138002", ["客户2", "7"]),
        ("13800138003", ["客户3", "7"]),
        ("13800138004", ["客户4", "7"]),
    ]
    assert problem_rows(r) == {5: "与第 2 行的号码重复"}
    assert counts(import_sheet(FIX / name, sheet=2)) == (4, 3, 0, 1)


def test_gbk_csv():
    r = import_sheet(FIX / "gbk.csv", template="{}：{}")
    assert r.encoding == "gb18030" and r.delimiter == ","
    assert counts(r) == (4, 1, 2, 1)  # row 4 has no 备注 (variable 2), row 5 is "abc"
    assert list(r.valid_rows) == [("13800138000", ["张三", "老客户"])]
    probs = problem_rows(r)
    assert probs[3] == "与第 2 行的号码重复" and "备注" in probs[4] and "abc" in probs[5]
    plain = import_sheet(FIX / "gbk.csv")
    assert counts(plain) == (4, 2, 1, 1)
    assert list(plain.valid_rows.mobiles()) == ["13800138000", "13800138001"]


def test_utf8_bom_csv_with_quoted_commas_and_newlines():
    r = import_sheet(FIX / "utf8_bom.csv", template="{}住在{}")
    assert r.encoding == "utf-8-sig"
    assert counts(r) == (3, 2, 1, 0)
    assert list(r.valid_rows) == [
        ("13800138000", ["张三", "北京市,朝阳区"]),
        ("13900139000", ["李四", "上海市\r\n浦东新区"]),
    ]
    assert set(problem_rows(r)) == {4}  # the record after the two-line address is row 4


def test_semicolon_csv():
    r = import_sheet(FIX / "semicolon.csv", template="{} {}")
    assert r.delimiter == ";" and r.layout.headers == ["mobile", "name", "amount"]
    assert counts(r) == (3, 2, 0, 1)
    assert list(r.valid_rows)[0] == ("13800138000", ["Zhang", "12,5"])


def test_encrypted_workbook_is_one_clear_message():
    with pytest.raises(SheetError) as err:
        import_sheet(FIX / "encrypted.xlsx")
    assert "密码" in err.value.message and "encrypted.xlsx" in err.value.message
