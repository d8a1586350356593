"""Opening files: kinds by content, bad files as one clear message, CSV encodings and delimiters,
sheets, cell values as a person sees them, header and column detection."""

from __future__ import annotations

import codecs
import datetime as dt
import zipfile

import pytest
from sheets_helpers import write_csv, write_openpyxl, write_xlsxwriter

from ljsms_desktop.sheets import (
    SheetError,
    Workbook,
    detect_layout,
    import_sheet,
    list_sheets,
    resolve_column,
    validate_sheet,
)
from ljsms_desktop.sheets.cells import cell_text, column_letter, letter_index
from ljsms_desktop.sheets.csvfile import detect_delimiter, detect_encoding

# -- cell values ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value,text",
    [
        (13800138000, "13800138000"),
        (13800138000.0, "13800138000"),
        (12.5, "12.5"),
        (100.0, "100"),
        (0.1 + 0.2, "0.3"),
        (1 / 3, "0.333333333333333"),
        (-2.75, "-2.75"),
        (1e20, "1E+20"),
        (float("nan"), ""),
        (True, "TRUE"),
        (dt.date(2026, 11, 25), "2026-11-25"),
        (dt.datetime(2026, 11, 25, 0, 0), "2026-11-25"),
        (dt.datetime(2026, 11, 25, 14, 30), "2026-11-25 14:30"),
        (dt.datetime(2026, 11, 25, 14, 30, 5), "2026-11-25 14:30:05"),
        (dt.time(8, 30), "08:30"),
        (dt.timedelta(hours=26, minutes=5), "26:05:00"),
        ("  张三 ", "张三"),
        ("\u3000李四\u3000", "李四"),
        (None, ""),
        ("", ""),
    ],
)
def test_cell_text(value, text):
    assert cell_text(value) == text


def test_column_letters_round_trip():
    for i in (0, 1, 25, 26, 27, 701, 702, 16383):
        assert letter_index(column_letter(i)) == i
    assert column_letter(0) == "A" and column_letter(26) == "AA" and letter_index("ab") == 27
    assert letter_index("手机") is None and letter_index("ABCD") is None


# -- bad files --------------------------------------------------------------------------------------


def _bad_files(tmp_path):
    good = write_openpyxl(tmp_path / "good.xlsx", [["手机号"], ["13800138000"]])
    data = good.read_bytes()
    (tmp_path / "truncated.xlsx").write_bytes(data[: len(data) // 2])
    (tmp_path / "empty.xlsx").write_bytes(b"")
    (tmp_path / "report.xlsx").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (tmp_path / "photo.xls").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "blob.csv").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "web.xls").write_text("<html><table><tr><td>13800138000</td></tr></table></html>")
    with zipfile.ZipFile(tmp_path / "letter.xlsx", "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    with zipfile.ZipFile(tmp_path / "bundle.xlsx", "w") as zf:
        zf.writestr("readme.txt", "hello")
    (tmp_path / "folder.xlsx").mkdir()
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(tmp_path / "cut_sheet.xlsx", "w") as dst:
        for name in src.namelist():  # a valid zip whose sheet XML stops halfway
            data = src.read(name)
            dst.writestr(name, data[: len(data) // 2] if name.startswith("xl/worksheets/") else data)
    return {
        "cut_sheet.xlsx": "损坏",
        "truncated.xlsx": "损坏",
        "empty.xlsx": "空的",
        "report.xlsx": "PDF",
        "photo.xls": "PNG",
        "blob.csv": "不是表格文件",
        "web.xls": "网页",
        "letter.xlsx": "Word",
        "bundle.xlsx": "zip",
        "folder.xlsx": "文件夹",
        "missing.xlsx": "不存在",
    }


def test_bad_files_give_one_clear_message(tmp_path):
    for name, words in _bad_files(tmp_path).items():
        with pytest.raises(SheetError) as err:
            import_sheet(tmp_path / name)
        message = err.value.message
        assert words in message, (name, message)
        assert "Traceback" not in message and "\n" not in message


def test_empty_sheet_and_header_only(tmp_path):
    empty = write_openpyxl(tmp_path / "blank.xlsx", [])
    with pytest.raises(SheetError, match="空的"):
        import_sheet(empty)
    header_only = write_xlsxwriter(tmp_path / "header.xlsx", [["手机号", "姓名"]])
    with pytest.raises(SheetError, match="没有数据行"):
        import_sheet(header_only)
    blank_lines = write_csv(tmp_path / "blank.csv", "\r\n\r\n  \r\n")
    with pytest.raises(SheetError, match="空的"):
        import_sheet(blank_lines)


# -- CSV --------------------------------------------------------------------------------------------

CHINESE = "手机号,姓名,订单号\n13800138000,张三,订单A\n13900139000,欧阳娜娜,订单B\n"


@pytest.mark.parametrize(
    "encoding,expected",
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gbk", "gb18030"), ("gb18030", "gb18030"), ("utf-16", "utf-16")],
)
def test_encodings(tmp_path, encoding, expected):
    path = write_csv(tmp_path / "list.csv", CHINESE, encoding)
    r = import_sheet(path, template="{}的订单{}")
    assert r.encoding == expected
    assert list(r.valid_rows) == [("13800138000", ["张三", "订单A"]), ("13900139000", ["欧阳娜娜", "订单B"])]


def test_gb18030_preferred_over_other_guesses():
    # Two-character names in GBK are short enough for a detector to call them cp949 or Big5.
    for text in ("张三,李四", "王五", "手机,号码\n", "赵敏;周芷若"):
        assert detect_encoding(text.encode("gbk")) == "gb18030"
    assert detect_encoding("plain ascii,1,2".encode()) == "utf-8"
    sample = ("姓名,备注\n" * 5000).encode("utf-8")
    assert detect_encoding(sample[:-1]) == "utf-8"  # a character cut at the sample's end is fine
    assert detect_encoding(codecs.BOM_UTF8 + b"a,b") == "utf-8-sig"


@pytest.mark.parametrize(
    "text,delimiter",
    [
        ("a,b,c\n1,2,3\n", ","),
        ("a;b;c\n1;2,5;3\n", ";"),
        ("a\tb\tc\n1\t2\t3\n", "\t"),
        ("13800138000\n13900139000\n", ","),
        ('name,"x;y;z"\n"p;q",2\n', ","),
    ],
)
def test_delimiters(text, delimiter):
    assert detect_delimiter(text)[0] == delimiter


def test_excel_sep_line(tmp_path):
    path = write_csv(tmp_path / "sep.csv", "sep=;\r\n手机号;姓名\r\n13800138000;张三\r\nbad;李四\r\n")
    r = import_sheet(path, template="{}")
    assert r.delimiter == ";" and r.layout.header_row == 1
    assert [p.row for p in r.problems] == [3]  # Excel hides the sep= line, so the header is row 1


def test_tab_separated_txt_and_single_column_list(tmp_path):
    tsv = write_csv(tmp_path / "list.txt", "手机号\t姓名\n13800138000\t张三\n")
    assert list(import_sheet(tsv, template="{}").valid_rows) == [("13800138000", ["张三"])]
    plain = write_csv(tmp_path / "numbers.txt", "13800138000\n139 0013 9000\n\n13800138000\n12345\n")
    r = import_sheet(plain)
    assert r.layout.header_row is None
    assert (r.rows, r.valid, r.invalid, r.duplicates) == (4, 2, 1, 1)
    assert [p.row for p in r.problems] == [4, 5]


def test_encoding_changing_mid_file_is_one_clear_message(tmp_path):
    head = ("手机号,姓名\n" + "13800138000,张三\n" * 20000).encode("utf-8")
    path = tmp_path / "mixed.csv"
    path.write_bytes(head + "13900139000,李四\n".encode("gbk"))
    with pytest.raises(SheetError, match="编码"):
        import_sheet(path)


def _mixed_lines(n: int) -> bytes:
    """A list whose names alternate between GBK and UTF-8 lines, as in issue 9 (Cyrillic names went out)."""
    names = ["欧阳娜娜", "张三丰", "李小龙", "王五六", "赵敏敏", "周芷若"]
    lines = ["手机号,姓名\n".encode()]
    for i in range(n):
        line = f"1380013{i:04d},{names[i % len(names)]}\n"
        lines.append(line.encode("gbk" if i % 2 else "utf-8"))
    return b"".join(lines)


def test_mixed_gbk_and_utf8_lines_are_refused_with_a_line_number(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes(_mixed_lines(301))
    with pytest.raises(SheetError) as err:
        import_sheet(path, template="{}")
    assert err.value.code in ("encoding", "encoding_mixed")
    assert "第 2 行" in err.value.message or "第 3 行" in err.value.message  # the first two data lines differ
    assert "line" in err.value.message_en


@pytest.mark.parametrize("lines", [40, 20000])
def test_utf8_lines_that_decode_as_gb18030_garbage_are_refused(tmp_path, lines):
    """张三 in UTF-8 decodes "cleanly" as GB18030 into 寮犱笁: a statistical or GB18030-first reader sends
    garbled names. Short file: the sample shows it; long file: UTF-8 lines only after the first 64 KiB."""
    body = [f"1380013{i:04d},张三\n".encode("gbk" if i % 2 or lines > 40 and i < 10000 else "utf-8")
            for i in range(lines)]
    path = tmp_path / "mixed.csv"
    path.write_bytes("手机号,姓名\n".encode("gbk") + b"".join(body))
    assert path.read_bytes().decode("gb18030")  # no decoding error anywhere: only the check finds it
    with pytest.raises(SheetError) as err:
        import_sheet(path, template="{}")
    assert err.value.code == "encoding_mixed" and "UTF-8" in err.value.message and "GBK" in err.value.message_en


def test_gbk_file_that_decodes_only_as_gb18030_is_read(tmp_path):
    names = ["欧阳娜娜", "张三丰", "李小龙", "王五六", "赵敏敏", "周芷若", "令狐冲", "东方不败"]
    text = "手机号,姓名\n" + "".join(f"1380013{i:04d},{names[i % 8]}{i}\n" for i in range(3000))
    path = write_csv(tmp_path / "gbk.csv", text, "gbk")
    r = import_sheet(path, template="{}")
    assert r.encoding == "gb18030" and r.valid == 3000
    assert next(iter(r.valid_rows)) == ("13800130000", ["欧阳娜娜0"])


def test_bytes_that_are_no_text_in_either_encoding_name_the_line(tmp_path):
    good = "手机号,姓名\n13800138000,张三\n13900139000,李四\n".encode()
    path = tmp_path / "bad.csv"
    path.write_bytes(good + b"13700137000,\xff\xfe\xfd\n")
    with pytest.raises(SheetError) as err:
        import_sheet(path)
    assert err.value.code == "encoding" and "第 4 行" in err.value.message and "line 4" in err.value.message_en


def test_late_gbk_line_in_a_long_utf8_file_names_the_exact_line(tmp_path):
    head = ("手机号,姓名\n" + "13800138000,张三\n" * 20000).encode("utf-8")
    path = tmp_path / "late.csv"
    path.write_bytes(head + "13900139000,李四\n".encode("gbk") + b"13700137000,x\n")
    with pytest.raises(SheetError) as err:
        import_sheet(path)
    assert "第 20002 行" in err.value.message


def test_no_statistical_guess_for_other_encodings():
    with pytest.raises(SheetError) as err:  # 0x80 alone is neither UTF-8 nor GB18030 (cp1252 "€" elsewhere)
        detect_encoding("手机号,备注\n13800138000,x".encode() + b"\x80\n", complete=True)
    assert err.value.code == "encoding" and "第 2 行" in err.value.message


# -- workbooks and sheets -------------------------------------------------------------------------------


def test_sheets_listed_and_picked(tmp_path):
    path = write_openpyxl(tmp_path / "book.xlsx", [["手机号"], ["13800138000"]], sheet="一月", extra_sheets=["二月"])
    assert list_sheets(path) == ["一月", "二月"]
    with Workbook(path) as wb:
        assert wb.resolve_sheet(None) == "一月"
        assert wb.resolve_sheet("2") == "二月" and wb.resolve_sheet(2) == "二月" and wb.resolve_sheet("二月") == "二月"
        with pytest.raises(SheetError, match="一月、二月"):
            wb.resolve_sheet("三月")
    assert list_sheets(write_csv(tmp_path / "客户.csv", "a\n")) == ["客户"]


def test_hidden_first_sheet_is_not_the_default(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "隐藏"
    book.active.sheet_state = "hidden"
    book.create_sheet("名单").append(["13800138000"])
    book.save(tmp_path / "h.xlsx")
    with Workbook(tmp_path / "h.xlsx") as wb:
        assert wb.sheet_names == ["隐藏", "名单"] and wb.default_sheet == "名单"


@pytest.mark.parametrize("producer", [write_openpyxl, write_xlsxwriter])
def test_values_from_two_producers(tmp_path, producer):
    rows = [
        ["手机号", "姓名", "金额", "日期", "时间", "是否"],
        [13800138000, "张三", 12.5, dt.date(2026, 11, 25), dt.datetime(2026, 11, 25, 14, 30), True],
        [13900139000.0, " 李四 ", 100, dt.date(2026, 1, 2), dt.datetime(2026, 1, 2, 9, 0, 15), False],
        ["１３７００１３７０００", "王五", 0.1, dt.date(2026, 12, 31), dt.datetime(2026, 12, 31), True],
    ]
    path = producer(tmp_path / "values.xlsx", rows)
    r = import_sheet(path, template="{}{}{}{}{}")
    assert list(r.valid_rows) == [
        ("13800138000", ["张三", "12.5", "2026-11-25", "2026-11-25 14:30", "TRUE"]),
        ("13900139000", ["李四", "100", "2026-01-02", "2026-01-02 09:00:15", "FALSE"]),
        ("13700137000", ["王五", "0.1", "2026-12-31", "2026-12-31", "TRUE"]),
    ]


def test_openpyxl_engine_reads_the_same(tmp_path):
    rows = [["标题：双十一名单"], [], ["序号", "手机号", "姓名"], [1, 13800138000, "张三"], [2, "1.38001E+10", "李四"]]
    path = write_openpyxl(tmp_path / "t.xlsx", rows, start="B2")
    seen = []
    for engine in ("auto", "openpyxl"):
        with Workbook(path, engine=engine) as wb:
            data = wb.sheet()
            layout = detect_layout(data, variable_columns=["姓名"], variables=1)
            result = validate_sheet(data, layout)
            seen.append((wb.engine, layout.header_row, layout.mobile_column, layout.variable_columns,
                         list(result.valid_rows), [p.row for p in result.problems]))
    assert seen[0][0] == "calamine" and seen[1][0] == "openpyxl"
    assert seen[0][1:] == seen[1][1:] == (4, 2, [3], [("13800138000", ["张三"])], [6])


# -- layout ----------------------------------------------------------------------------------------------


def test_header_with_title_rows_and_offset_columns(tmp_path):
    rows = [["2026 双十一客户名单"], [], ["客户", "联系电话", "手机号码", "城市"],
            ["张三", "010-12345678", "13800138000", "北京"], ["李四", "021-87654321", "13900139000", "上海"]]
    path = write_openpyxl(tmp_path / "t.xlsx", rows, start="C3")
    with Workbook(path) as wb:
        data = wb.sheet()
        lay = detect_layout(data, variables=2)
    assert data.col_offset == 2
    assert lay.header_row == 5
    assert lay.mobile_column == 4 and column_letter(lay.mobile_column) == "E"  # 手机号码, not 联系电话
    assert lay.variable_columns == [2, 3]  # 客户, 联系电话: the other columns left to right
    assert lay.label(4) == "E列（手机号码）"
    r = import_sheet(path, template="{}{}", variable_columns=["客户", "F"])
    assert list(r.valid_rows) == [("13800138000", ["张三", "北京"]), ("13900139000", ["李四", "上海"])]
    assert [row for row, _, _ in r.valid_rows.with_rows()] == [6, 7]


def test_no_header_when_the_first_row_is_data(tmp_path):
    path = write_xlsxwriter(tmp_path / "n.xlsx", [["张三", "13800138000"], ["李四", "13900139000"]])
    r = import_sheet(path, template="{}")
    assert r.layout.header_row is None and r.layout.mobile_column == 1
    assert [row for row, _, _ in r.valid_rows.with_rows()] == [1, 2]


def test_mobile_column_found_by_content_without_header_words(tmp_path):
    rows = [["客户", "联络", "备注"], ["张三", "13800138000", "x"], ["李四", "13900139000", "y"], ["王五", "15000150000", "z"]]
    r = import_sheet(write_xlsxwriter(tmp_path / "c.xlsx", rows))
    assert r.layout.header_row == 1 and r.layout.mobile_column == 1 and r.valid == 3


def test_header_column_found_even_when_every_number_is_mangled(tmp_path):
    rows = [["姓名", "手机号"], ["张三", "1.38001E+10"], ["李四", "1.39001E+10"]]
    r = import_sheet(write_xlsxwriter(tmp_path / "m.xlsx", rows))
    assert r.layout.mobile_column == 1 and r.valid == 0 and r.invalid == 2
    assert all("科学计数法" in p.reason for p in r.problems)


def test_no_mobile_column_asks_the_user(tmp_path):
    path = write_xlsxwriter(tmp_path / "x.xlsx", [["姓名", "城市"], ["张三", "北京"]])
    with pytest.raises(SheetError, match="指定手机号列"):
        import_sheet(path)


def test_column_overrides(tmp_path):
    rows = [["姓名", "电话", "备用手机"], ["张三", "13800138000", "13900139000"]]
    path = write_xlsxwriter(tmp_path / "o.xlsx", rows)
    for spec in ("C", "c", "3", 3, "备用手机"):
        assert list(import_sheet(path, mobile_column=spec).valid_rows.mobiles()) == ["13900139000"]
    with pytest.raises(SheetError, match="找不到手机号列“微信”") as err:
        import_sheet(path, mobile_column="微信")
    assert "A=姓名" in err.value.message
    with pytest.raises(SheetError, match="模板中有 3 个变量"):
        import_sheet(path, template="{}{}{}")
    with pytest.raises(SheetError, match="指定了 1 列"):
        import_sheet(path, template="{}{}", variable_columns=["A"])
    with pytest.raises(SheetError, match="不能同时"):
        import_sheet(path, mobile_column="B", variable_columns=["B"], template="{}")


def test_resolve_column():
    headers = ["手机号", "姓名", "A"]
    assert resolve_column("姓名", headers) == 1
    assert resolve_column("A", headers) == 2  # a header named "A" wins over the letter
    assert resolve_column("B", headers) == 1 and resolve_column("1", headers) == 0 and resolve_column(3, headers) == 2
    with pytest.raises(SheetError):
        resolve_column("", headers)


def test_reason_column_of_an_exported_list_is_not_a_variable(tmp_path):
    rows = [["手机号", "姓名", "问题"], ["13800138000", "张三", "手机号为空"]]
    with Workbook(write_xlsxwriter(tmp_path / "fix.xlsx", rows)) as wb:
        lay = detect_layout(wb.sheet(), variables=1)
    assert lay.other_columns == [1] and lay.variable_columns == [1]
