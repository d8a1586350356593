"""Per-row validation: reasons, counting, duplicates, limits, the batch fast path, progress, cancel,
compact storage, and the exported list of invalid rows that is fixed and imported again."""

from __future__ import annotations

import random
import threading
from array import array

import pytest
from sheets_helpers import write_csv, write_openpyxl, write_xlsxwriter

from ljsms_desktop.core.numbers import normalize_mobile
from ljsms_desktop.sheets import Cancelled, SheetError, Workbook, detect_layout, export_problem_rows, import_sheet
from ljsms_desktop.sheets import validate as validate_mod
from ljsms_desktop.sheets.validate import BATCH, fast_mobile, validate_sheet

HEADER = ["手机号", "姓名", "订单号"]


def problems(result):
    return {p.row: p.reason for p in result.problems}


def test_reasons_a_person_understands(tmp_path):
    rows = [
        HEADER,
        ["13800138000", "张三", "A1"],  # 2 valid
        ["", "李四", "A2"],  # 3 empty mobile
        ["1.38001E+10", "王五", "A3"],  # 4 lost digits
        ["138001380", "赵六", "A4"],  # 5 length
        ["12012345678", "钱七", "A5"],  # 6 not a mobile range
        ["138-0013-800a", "孙八", "A6"],  # 7 letters
        ["13800138000", "周九", "A7"],  # 8 duplicate of 2
        ["13900139000", "", "A8"],  # 9 missing variable 1
        ["15000150000", "吴十", "x" * 101],  # 10 too long
        ["15000150001", "郑一", "y" * 100],  # 11 exactly at the limit: valid
        ["18600186000", "王\x07二", "A9"],  # 12 control character
        [None, None, None],  # 13 empty row: skipped, not counted
        ["  +86 186 0018 6001 ", "  冯三 ", " A10 "],  # 14 valid, trimmed
        ["13900139000", "陈四", "A11"],  # 15 valid: row 9 with this number was invalid
    ]
    r = import_sheet(write_xlsxwriter(tmp_path / "r.xlsx", rows), template="{}：{}")
    assert (r.rows, r.valid, r.invalid, r.duplicates) == (13, 4, 8, 1)
    assert r.rows == r.valid + r.invalid + r.duplicates
    why = problems(r)
    assert why[3] == "手机号为空"
    assert "科学计数法" in why[4] and "1.38001E+10" in why[4]
    assert "位数不对" in why[5] and "不是中国大陆手机号段" in why[6] and "数字以外" in why[7]
    assert why[8] == "与第 2 行的号码重复"
    assert why[9] == "缺少变量 1（姓名）的值"
    assert why[10] == "变量 2（订单号）过长：101 字，上限 100 字"
    assert "控制字符" in why[12]
    assert 13 not in why
    assert list(r.valid_rows.with_rows()) == [
        (2, "13800138000", ["张三", "A1"]),
        (11, "15000150001", ["郑一", "y" * 100]),
        (14, "18600186001", ["冯三", "A10"]),
        (15, "13900139000", ["陈四", "A11"]),
    ]
    assert [p.kind for p in r.problems].count("duplicate") == 1
    # The same reasons in English, for the window's English interface.
    en = {p.row: p.reason_en for p in r.problems}
    assert en[3] == "No mobile number"
    assert "scientific notation" in en[4] and "1.38001E+10" in en[4]
    assert "Wrong number of digits" in en[5] and "Not a mainland China mobile" in en[6] and "other than digits" in en[7]
    assert en[8] == "Same number as row 2"
    assert en[9] == "No value for variable 1 (姓名)"
    assert en[10] == "Variable 2 (订单号) is too long: 101 characters, at most 100"
    assert "control characters" in en[12]


def test_duplicate_counts_once_even_with_other_problems(tmp_path):
    rows = [HEADER, ["13800138000", "张三", "A1"], ["13800138000", "", ""], ["13800138000", "张三", "A1"]]
    r = import_sheet(write_xlsxwriter(tmp_path / "d.xlsx", rows), template="{}{}")
    assert (r.rows, r.valid, r.invalid, r.duplicates) == (3, 1, 0, 2)
    assert problems(r) == {3: "与第 2 行的号码重复", 4: "与第 2 行的号码重复"}


def test_numbers_stored_as_numbers(tmp_path):
    rows = [["手机号"], [13800138000], [13800138001.0], [8613800138002], [1.38e10], [12.5], [138001380.5]]
    r = import_sheet(write_openpyxl(tmp_path / "n.xlsx", rows))
    assert list(r.valid_rows.mobiles()) == ["13800138000", "13800138001", "13800138002", "13800000000"]
    assert set(problems(r)) == {6, 7}


def test_rendered_text_limit(tmp_path):
    rows = [HEADER, ["13800138000", "a" * 100, "b" * 100], ["13900139000", "张三", "A1"]]
    path = write_xlsxwriter(tmp_path / "t.xlsx", rows)
    template = "【联江科技】" + "很长的说明" * 60 + "{}{}"  # 306 characters around the two values
    r = import_sheet(path, template=template)
    assert r.valid == 1 and problems(r) == {2: "填入变量后的短信内容过长：506 字，上限 500 字"}
    assert import_sheet(path, template=template, max_text_chars=1000).valid == 2
    assert import_sheet(path, template="{}{}", max_value_chars=50).valid == 1


def test_unit_separator_in_a_value_is_refused_not_split(tmp_path):
    rows = [HEADER, ["13800138000", "张\u241f三", "A1"], ["13900139000", "李四", "B\u241e2"], ["15000150000", "王五", "C3"]]
    r = import_sheet(write_xlsxwriter(tmp_path / "u.xlsx", rows), template="{}{}")
    assert list(r.valid_rows) == [("13900139000", ["李四", "B\u241e2"]), ("15000150000", ["王五", "C3"])]
    assert set(problems(r)) == {2} and "␟" in problems(r)[2]


def test_no_template_means_no_variables(tmp_path):
    rows = [HEADER, ["13800138000", "", ""], ["13900139000", "李四", ""]]
    r = import_sheet(write_xlsxwriter(tmp_path / "p.xlsx", rows))
    assert r.layout.variable_columns == [] and r.valid == 2
    assert list(r.valid_rows) == [("13800138000", []), ("13900139000", [])]


def test_fast_mobile_agrees_with_normalize_mobile():
    rnd = random.Random(7)
    samples = [f"1{rnd.randrange(10**10):010d}" for _ in range(20000)]
    samples += [f"{rnd.randrange(10**11):011d}" for _ in range(2000)]
    samples += ["17400000000", "17405999999", "17406000000", "16100000000", "16200000000", "14500000000"]
    for s in samples:
        fast = fast_mobile(s)
        check = normalize_mobile(s)
        assert fast is None or fast == check.mobile, s
        if check.ok:
            assert fast == s, s  # every clean valid number takes the fast path


def test_batch_scan_accepts_exactly_the_mobile_rule():
    """The batch regex over comma-joined numbers agrees with normalize_mobile on every prefix 100-199,
    the new ranges included (149, 1740x-1741x, 1749, 1610)."""
    numbers = [f"{p}{tail}" for p in range(100, 200) for tail in ("00000000", "12345678", "99999999")]
    numbers += ["14912345678", "17406123456", "17412123456", "17413123456", "17491234567", "16101234567",
                "16111234567"]
    misses = set(validate_mod._csv_misses(",".join(numbers) + ","))
    for i, n in enumerate(numbers):
        assert (i in misses) == (not normalize_mobile(n).ok), n


ANOMALIES = ["num", "pad", "dup", "empty", "blankrow", "bad", "sci", "novar", "long", "ctl", "fullwidth", "u3000",
             "tab", "inner_space", "sep", "exact100", "plus86", "date", "comma"]


def _batches(size, seed):
    """Batches of *size* rows: clean ones, and ones with exactly one anomaly of each kind."""
    import datetime as dt

    rnd = random.Random(seed)
    rows, serial = [HEADER], 0

    def clean():
        nonlocal serial
        serial += 1
        return [f"139{serial:08d}", f"客户{serial}", f"D{serial}"]

    for kind in ["clean", *ANOMALIES, "clean", *ANOMALIES]:
        batch = [clean() for _ in range(size)]
        row = batch[rnd.randrange(size)]
        mobile = row[0]
        if kind == "num":
            row[0] = float(mobile)
        elif kind == "pad":
            row[rnd.randrange(3)] = f" {row[0] if isinstance(row[0], str) else mobile} "
        elif kind == "dup":
            row[0] = rows[1 + rnd.randrange(len(rows) - 1)][0] if len(rows) > 1 else mobile
        elif kind == "empty":
            row[0] = ""
        elif kind == "blankrow":
            row[:] = ["", "", ""]
        elif kind == "bad":
            row[0] = mobile[:-1]
        elif kind == "sci":
            row[0] = "1.38001E+10"
        elif kind == "novar":
            row[1] = ""
        elif kind == "long":
            row[2] = "长" * 101
        elif kind == "ctl":
            row[1] = "客\x01户"
        elif kind == "fullwidth":
            row[0] = mobile.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        elif kind == "u3000":
            row[1] = "客户\u3000" + row[1]
        elif kind == "tab":
            row[2] = "a\tb"
        elif kind == "inner_space":
            row[1] = "欧阳 娜娜"
        elif kind == "sep":
            row[2] = "a\u241fb"
        elif kind == "exact100":
            row[2] = "满" * 100
        elif kind == "plus86":
            row[0] = "+86" + mobile
        elif kind == "date":
            row[2] = dt.date(2026, 11, 25)
        elif kind == "comma":
            row[0] = mobile[:3] + "," + mobile[3:]
        rows.extend(batch)
    return rows


def _row_by_row(self, rows, columns, first):
    out, numbers = [[] for _ in columns], array("I")
    self.slow(rows[0 : len(rows)], first, out, numbers, set())
    self.store(out, numbers)


@pytest.mark.parametrize("batch", [16, 64])
def test_fast_path_and_row_by_row_check_agree(tmp_path, monkeypatch, batch):
    """Batches with one anomaly of each kind: the batch checks must leave exactly those rows to the
    row-by-row check, and accept exactly what it accepts."""
    monkeypatch.setattr(validate_mod, "BATCH", batch)
    rows = _batches(batch, seed=11)
    path = write_xlsxwriter(tmp_path / "anomalies.xlsx", rows)
    slow_rows = []
    real_slow = validate_mod._Run.slow

    def spy(self, rows, first, out, numbers, taken):
        slow_rows.extend(range(first, first + len(rows)))
        return real_slow(self, rows, first, out, numbers, taken)

    monkeypatch.setattr(validate_mod._Run, "slow", spy)
    fast = validate_mod.import_sheet(path, template="{}{}")
    monkeypatch.setattr(validate_mod._Run, "batch", _row_by_row)
    slow = validate_mod.import_sheet(path, template="{}{}")
    assert fast.to_dict() | {"seconds": 0} == slow.to_dict() | {"seconds": 0}
    assert list(fast.valid_rows.with_rows()) == list(slow.valid_rows.with_rows())
    assert fast.rows == fast.valid + fast.invalid + fast.duplicates
    # Only the anomalous rows went row by row in the first run (the harmless kinds - a number or
    # date cell, an inner space, exactly 100 characters - not at all).
    first_run = slow_rows[: len(slow_rows) - (len(rows) - 1)]
    harmless = {"num", "date", "inner_space", "exact100"}
    assert len(first_run) == 2 * len([k for k in ANOMALIES if k not in harmless])
    assert {p.row for p in fast.problems} <= set(first_run)


def test_dense_problems_and_repeats_in_big_batches(tmp_path, monkeypatch):
    rnd = random.Random(5)
    pool = [f"139{i:08d}" for i in range(3000)]
    rows = [HEADER]
    for i in range(8200):  # several batches
        mobile = rnd.choice(pool) if i % 3 == 0 else f"138{i:08d}"
        if i % 97 == 0:
            mobile = " " + mobile  # padded: valid after trimming, and the plain one later repeats it
        rows.append([mobile, f"客户{i}" if i % 89 else "", f"D{i}"])
    path = write_xlsxwriter(tmp_path / "dense.xlsx", rows)
    fast = validate_mod.import_sheet(path, template="{}{}")
    monkeypatch.setattr(validate_mod._Run, "batch", _row_by_row)
    slow = validate_mod.import_sheet(path, template="{}{}")
    assert fast.to_dict() | {"seconds": 0} == slow.to_dict() | {"seconds": 0}
    assert list(fast.valid_rows.with_rows()) == list(slow.valid_rows.with_rows())
    assert fast.duplicates > 100 and fast.invalid > 50


def test_valid_rows_are_stored_compactly(tmp_path):
    n = 3 * BATCH + 5
    path = write_csv(tmp_path / "big.csv", "手机号,姓名\n" + "".join(f"138{i:08d},客户{i}\n" for i in range(n)))
    r = import_sheet(path, template="{}")
    assert len(r.valid_rows) == n
    assert len(r.valid_rows._chunks) == -(-n // BATCH)  # one text per column per batch, no per-row objects
    assert r.valid_rows.row_numbers()[-1] == n + 1 and len(r.valid_rows.row_numbers()) == n
    assert list(r.valid_rows)[-1] == (f"138{n - 1:08d}", [f"客户{n - 1}"])


def test_progress_and_cancel(tmp_path):
    """In this process (validate_mod.import_sheet): progress after every batch, cancel checked between them."""
    n = 3 * BATCH
    path = write_xlsxwriter(tmp_path / "p.xlsx", [HEADER] + [[f"138{i:08d}", "张三", "A"] for i in range(n)])
    seen = []
    r = validate_mod.import_sheet(path, on_progress=lambda done, fraction: seen.append((done, fraction)))
    assert r.valid == n
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[-1] == (n, 1.0)
    assert 0 < seen[0][1] < seen[1][1] < 1.0

    stop = threading.Event()

    def progress(done, fraction):
        stop.set()

    with pytest.raises(Cancelled):
        validate_mod.import_sheet(path, on_progress=progress, cancel=stop)
    calls = []
    with pytest.raises(Cancelled):
        validate_mod.import_sheet(path, cancel=lambda: calls.append(1) or len(calls) > 1)
    assert len(calls) == 2


def test_csv_progress_is_by_bytes(tmp_path):
    n = 2 * BATCH
    path = write_csv(tmp_path / "p.csv", "手机号\n" + "".join(f"138{i:08d}\n" for i in range(n)))
    fractions = []
    import_sheet(path, on_progress=lambda d, f: fractions.append(f))
    assert fractions[-1] == 1.0 and all(0 < f <= 1 for f in fractions)


def test_layout_can_be_changed_between_detection_and_import(tmp_path):
    rows = [["编号", "手机", "名字"], ["1", "13800138000", "张三"]]
    with Workbook(write_xlsxwriter(tmp_path / "l.xlsx", rows)) as wb:
        data = wb.sheet()
        layout = detect_layout(data)
        layout.variable_columns = [2, 0]
        r = validate_sheet(data, layout, template="{}-{}")
    assert list(r.valid_rows) == [("13800138000", ["张三", "1"])]
    assert r.to_dict()["variable_headers"] == ["名字", "编号"]
    with pytest.raises(SheetError, match="模板中有 1 个变量"):
        with Workbook(tmp_path / "l.xlsx") as wb:
            data = wb.sheet()
            validate_sheet(data, layout, template="{}")


# -- invalid rows exported, fixed, imported again -----------------------------------------------------


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_invalid_rows_round_trip(tmp_path, suffix):
    rows = [["名单"], HEADER, ["13800138000", "张三", "A1"], ["1.38001E+10", "李四", "A2"],
            ["13800138000", "张三", "A1"], ["13900139000", "", "A3"], ["15000150000", "王五", "A4"]]
    source = write_openpyxl(tmp_path / "src.xlsx", rows, start="B1")
    r = import_sheet(source, template="{}{}")
    assert (r.valid, r.invalid, r.duplicates) == (2, 2, 1)
    out = export_problem_rows(r, tmp_path / f"fix{suffix}")
    back = import_sheet(out)
    assert back.layout.headers == ["", "手机号", "姓名", "订单号", "问题"]
    assert back.layout.mobile_column == 1  # still column B
    with Workbook(out) as wb:
        texts = [[str(v) for v in row] for row in wb.sheet().rows()]
    assert texts[1][1:4] == ["1.38001E+10", "李四", "A2"] and "科学计数法" in texts[1][4]
    assert texts[2][1:4] == ["13900139000", "", "A3"] and texts[2][4] == "缺少变量 1（姓名）的值"
    assert len(texts) == 3  # header + 2 invalid rows; the duplicate is left out

    # The user fixes the rows and imports the file again: the 问题 column is not a variable.
    fixed = write_openpyxl(tmp_path / "fixed.xlsx", [["手机号", "姓名", "订单号", "问题"],
                                                     ["13800138001", "李四", "A2", texts[1][4]],
                                                     ["13900139000", "赵六", "A3", texts[2][4]]])
    again = import_sheet(fixed, template="{}{}")
    assert list(again.valid_rows) == [("13800138001", ["李四", "A2"]), ("13900139000", ["赵六", "A3"])]

    with_dups = export_problem_rows(r, tmp_path / f"all{suffix}", include_duplicates=True)
    assert import_sheet(with_dups).rows == 3


def test_export_of_rows_without_header_and_nothing_to_export(tmp_path):
    path = write_csv(tmp_path / "n.csv", "13800138000,张三\nabc,李四\n")
    r = import_sheet(path, template="{}")
    out = export_problem_rows(r, tmp_path / "fix.xlsx")
    with Workbook(out) as wb:
        assert [list(map(str, row)) for row in wb.sheet().rows()] == [
            ["手机号", "变量1", "问题"], ["abc", "李四", "手机号“abc”：号码含有数字以外的字符"]]
    ok = import_sheet(write_csv(tmp_path / "ok.csv", "13800138000\n"))
    with pytest.raises(SheetError, match="没有需要导出"):
        export_problem_rows(ok, tmp_path / "none.xlsx")


NUMERIC_ANOMALIES = ["short", "long", "not_mobile", "fraction", "huge", "negative", "dup_here", "dup_before", "zero",
                     "amount_empty", "amount_text"]


@pytest.mark.parametrize("batch", [16, 64])
@pytest.mark.parametrize("where", ["first", "middle", "last"])
def test_numeric_mobile_columns_fast_path_and_row_by_row_check_agree(tmp_path, monkeypatch, batch, where):
    """Mobiles typed as numbers (the whole-number path: one format call, one regex over the batch):
    every anomaly, at the start, middle or end of a batch, is judged exactly as row by row."""
    monkeypatch.setattr(validate_mod, "BATCH", batch)
    rows, serial = [["手机号", "金额"]], 0
    for kind in ["clean", *NUMERIC_ANOMALIES, "clean"]:
        block = []
        for _ in range(batch):
            serial += 1
            block.append([float(13900000000 + serial), (serial % 1000) / 100])
        i = {"first": 0, "middle": batch // 2, "last": batch - 1}[where]
        row = block[i]
        if kind == "short":
            row[0] = float(1390000000 + serial)  # 10 digits
        elif kind == "long":
            row[0] = float(139000000000 + serial)  # 12 digits
        elif kind == "not_mobile":
            row[0] = 12345678901.0
        elif kind == "fraction":
            row[0] = 13900000000.5
        elif kind == "huge":
            row[0] = 1e20
        elif kind == "negative":
            row[0] = -13900000001.0
        elif kind == "dup_here":
            row[0] = block[i - 1 if i else 1][0]
        elif kind == "dup_before":
            row[0] = rows[1][0]
        elif kind == "zero":
            row[0] = 0.0
        elif kind == "amount_empty":
            row[1] = ""
        elif kind == "amount_text":
            row[1] = " 12.5 "
        rows.extend(block)
    path = write_xlsxwriter(tmp_path / "numeric.xlsx", rows)
    fast = validate_mod.import_sheet(path, template="{}")
    monkeypatch.setattr(validate_mod._Run, "batch", _row_by_row)
    slow = validate_mod.import_sheet(path, template="{}")
    assert fast.to_dict() | {"seconds": 0} == slow.to_dict() | {"seconds": 0}
    assert list(fast.valid_rows.with_rows()) == list(slow.valid_rows.with_rows())
    assert fast.rows == len(rows) - 1 == fast.valid + fast.invalid + fast.duplicates
    assert fast.invalid >= 6 and fast.duplicates == 2


def test_reader_process_and_this_process_agree(tmp_path):
    """sheets.import_sheet (a reader process streaming rows back, duplicates' first rows found while
    rows arrive or in a final pass) gives exactly what validate.import_sheet gives in this process."""
    rnd = random.Random(9)
    rows = [HEADER]
    for i in range(30000):  # many messages of 64 batches; repeats near (the row above) and far (row 2)
        if i % 700 == 5:
            mobile = rows[-1][0]
        elif i % 900 == 7:
            mobile = rows[1][0]
        elif i % 1300 == 9:
            mobile = rows[rnd.randrange(1, len(rows))][0]
        else:
            mobile = f"138{i:08d}" if i % 2 else float(13900000000 + i)
        rows.append([mobile, f"客户{i}" if i % 501 != 3 else "", f"D{i}"])
    path = write_xlsxwriter(tmp_path / "agree.xlsx", rows)
    there = import_sheet(path, template="{}{}")
    here = validate_mod.import_sheet(path, template="{}{}")
    assert there.to_dict() | {"seconds": 0} == here.to_dict() | {"seconds": 0}
    assert list(there.valid_rows.with_rows()) == list(here.valid_rows.with_rows())
    assert there.duplicates > 70 and there.invalid > 50
    assert {p.reason for p in there.problems if p.kind == "duplicate"} >= {"与第 2 行的号码重复"}


def test_reader_process_maps_columns_as_this_process_does(tmp_path):
    """The layout detection runs in the reader with the same arguments (the template's header words
    included), so both roads map the same columns."""
    rows = [["序号", "手机号", "城市", "客户姓名", "优惠券码"], [1, "13800138000", "上海", "张三", "Q1"],
            [2, "13900139000", "北京", "李四", "Q2"]]
    path = write_xlsxwriter(tmp_path / "words.xlsx", rows)
    for template in ("尊敬的{}，您的优惠券码{}，回T退订", "{}{}"):
        there = import_sheet(path, template=template)
        here = validate_mod.import_sheet(path, template=template)
        assert there.to_dict() | {"seconds": 0} == here.to_dict() | {"seconds": 0}
        assert 0 not in there.layout.variable_columns


def test_reader_hints_find_repeats_written_differently(tmp_path):
    """The reader process only indexes the numbers (RepeatIndex) and its caller validates: repeats
    written differently ("+86 138…", "86138…" typed as a number, "138 0013 8000", a number cell and a
    text cell), in one batch and across batches, a first occurrence refused for its values (the next
    one is then the first valid row), fractions and commas — all as in this process, also when the
    chosen columns are not the whole row (a filled column beside an empty mobile)."""
    rnd = random.Random(5)
    base = [13800000000 + rnd.randrange(10**8) for _ in range(60)]
    rows: list[list[object]] = [["手机号", "姓名", "备注", "其他"]]
    for i in range(3000):
        m = rnd.choice(base)
        form = rnd.randrange(12)
        mobile: object = [float(m), str(m), f"+86 {m}", float(8600000000000 + m), f"{str(m)[:3]} {str(m)[3:7]} {str(m)[7:]}",
                          m / 10, "", f"{m},", float(m), str(m), float(m), f" {m} "][form]
        name = "" if rnd.random() < 0.08 else ("x" * 101 if rnd.random() < 0.02 else f"客户{i % 9}")
        rows.append([mobile, name, rnd.choice([1.5, 2.0, f"D{i}", ""]), rnd.choice(["", "", "z"])])
    path = write_xlsxwriter(tmp_path / "forms.xlsx", rows)
    for template, columns in (("{}{}", None), ("{}", ["B"])):
        there = import_sheet(path, template=template, variable_columns=columns)
        here = validate_mod.import_sheet(path, template=template, variable_columns=columns)
        assert there.to_dict() | {"seconds": 0} == here.to_dict() | {"seconds": 0}
        assert list(there.valid_rows.with_rows()) == list(here.valid_rows.with_rows())
        assert there.duplicates > 1000 and there.invalid > 300
