"""Import and export benchmarks for the spreadsheet layer (issue 4).

    python benchmarks/bench_import.py                      # 100,000 and 1,000,000 rows, export 100,000
    python benchmarks/bench_import.py --rows 20000 --export-rows 20000 --repeat 1   # quick

Import: a workbook with a mobile column (numbers, as people type them) and three variables (a
Chinese name, an order number, an amount), with 0.2% wrong numbers, 0.2% repeats and 0.1% empty
names sprinkled in. Measured: ``sheets.import_sheet`` (start the reader process, which opens the file,
detects the layout, reads the rows and sends their chosen columns back, with the rows that repeat an
earlier number; this process validates them as they arrive) against
python-calamine's bare iteration over the same file
(``CalamineWorkbook.from_path(f).get_sheet_by_index(0).iter_rows()``). Targets: <= 1.5x its time,
<= 1.5x its peak memory.

Export: 100,000 delivery-report rows (msgId, mobile, status, time, ext), already in memory, written
by ``sheets.export_rows`` against the bare writer fed the same rows (xlsxwriter constant-memory
``write_row`` / ``csv.writer``). Target: <= 1.2x. openpyxl's write-only mode is timed too, which is
why xlsxwriter is the xlsx writer.

Every measurement runs in a fresh subprocess; wall and CPU (process) time are both reported, the
latter being steadier on a shared machine (the import's CPU time includes its reader process's).
Memory is the peak resident set (VmHWM, reset through /proc/self/clear_refs after the imports) minus
the resident set before the work: tracemalloc cannot see calamine's Rust allocations. For the import
the reader process's whole peak (ru_maxrss, its interpreter included) is added to that. Times are the best of ``--repeat`` runs, taken interleaved with the run they are compared to
(so both see the same load), peaks the highest.
Generated workbooks are cached in ``--cache`` (xlsxwriter constant-memory; a million rows take
about 40 s to write).

Measured on the project's 2-core machine, shared with other jobs: single runs swing by +-30% (the
same bare calamine parse of 1,000,000 rows took 4.4 s and 6.8 s in consecutive runs), and noise only
ever adds time, so each figure is the best of 6 interleaved runs (best of 3 still swung between
1.48x and 1.83x on one and the same code):

    import   100,000 rows: bare calamine 0.31 s, 34 MB | validated import (reader process) 0.47-0.49 s,
                           7-9 MB here + 54 MB reader: time x1.52-1.59 (once x2.00), memory x1.79-1.85
                           (the reader's start and interpreter count here)
    import 1,000,000 rows: bare calamine 3.04-3.15 s, 336 MB | validated import (reader process) 3.95-4.14 s,
                           69-70 MB here + 355-356 MB reader: time x1.26-1.33 in eight runs on a quiet machine,
                           cpu of both x1.54-1.60, memory x1.26-1.27 (before the validation moved to this
                           process: x1.25-1.55, x1.55 on the quietest machine)
    export 100,000 report rows: xlsx x0.99-1.06 of bare xlsxwriter (~5 s; openpyxl write-only ~10-11 s),
                                csv x1.2-1.3 of bare csv.writer (0.18 s)

The validated import's own work is ~2.3-2.5 us a row on top of calamine's ~5 us. Deterministic
counts (valgrind) back the choices where wall time is too noisy: on 100,000 rows the validation
runs ~1.37 G instructions (calamine's parse ~3.7 G), 9% fewer than with batches of 1024 rows and
56% fewer last-level cache misses (cachegrind, 1 MiB LL).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = "【联江科技】{}您好，您的订单{}已发货，金额{}元"
PREFIXES = [130, 131, 132, 133, 135, 136, 137, 138, 139, 150, 151, 152, 155, 156, 157, 158, 159, 176, 177, 178,
            180, 181, 182, 183, 185, 186, 187, 188, 189, 191, 199]
NAMES = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周杰", "吴霞"]


# -- data ---------------------------------------------------------------------------------------------


def make_workbook(path: Path, rows: int) -> None:
    import xlsxwriter

    tmp = path.with_suffix(".partial.xlsx")
    wb = xlsxwriter.Workbook(str(tmp), {"constant_memory": True, "strings_to_numbers": False})
    ws = wb.add_worksheet("名单")
    ws.write_row(0, 0, ["手机号", "姓名", "订单号", "金额"])
    def mobile(i: int) -> int:  # distinct for i < 10**8 (7919 is prime to 10**8), real mobile ranges
        return PREFIXES[i % len(PREFIXES)] * 10**8 + (i * 7919) % 10**8

    for i in range(1, rows + 1):
        if i % 500 == 0:
            ws.write_number(i, 0, mobile(i) // 10)  # wrong length
        elif i % 500 == 250:
            ws.write_number(i, 0, mobile(i - 1))  # repeats the row above
        else:
            ws.write_number(i, 0, mobile(i))
        if i % 1000 != 333:
            ws.write_string(i, 1, NAMES[i % 10] + str(i % 97))
        ws.write_string(i, 2, f"DD{i:09d}")
        ws.write_number(i, 3, (i % 10000) / 100)
    wb.close()
    os.replace(tmp, path)


def report_rows(n: int) -> list[tuple[str, str, str, str, str]]:
    return [
        (f"1528809829{i:08d}", f"13{i % 10:d}{i:08d}", "DELIVRD" if i % 9 else "UNDELIV",
         f"2026-11-25 14:{i // 60 % 60:02d}:{i % 60:02d}", "=cmd" if i % 1000 == 0 else f"批次{i % 50}")
        for i in range(n)
    ]


# -- children: one measurement each ----------------------------------------------------------------------


def _rss_kb(field: str) -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _measure(work) -> dict:
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")  # reset VmHWM to the current RSS
    except OSError:
        pass
    base = _rss_kb("VmRSS")
    t, c = time.perf_counter(), time.process_time()
    info = work()
    seconds, cpu = time.perf_counter() - t, time.process_time() - c
    peak = _rss_kb("VmHWM")
    import resource  # the import's reader process: its whole peak (interpreter included), and its CPU time

    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    reader_cpu = kids.ru_utime + kids.ru_stime
    return {"seconds": seconds, "cpu": cpu + reader_cpu, "peak_mb": (peak - base) / 1024,
            "reader_peak_mb": kids.ru_maxrss / 1024, **(info or {})}


def child(kind: str, arg: str) -> None:
    if kind == "bare":
        import python_calamine

        def work():
            n = 0
            with python_calamine.CalamineWorkbook.from_path(arg) as wb:
                for _row in wb.get_sheet_by_index(0).iter_rows():
                    n += 1
            return {"rows": n}

    elif kind in ("import", "import_here"):
        sys.path.insert(0, str(ROOT))
        if kind == "import":
            from ljsms_desktop.sheets import import_sheet  # in a reader process
        else:
            from ljsms_desktop.sheets.validate import import_sheet  # in this process (--in-process)

        def work():
            r = import_sheet(arg, template=TEMPLATE)
            return {"rows": r.rows, "valid": r.valid, "invalid": r.invalid, "duplicates": r.duplicates}

    else:
        rows = report_rows(int(arg))
        headers = ["msgId", "手机号", "状态", "时间", "扩展"]
        out = Path(tempfile.mkdtemp()) / ("out.csv" if kind.endswith("csv") else "out.xlsx")
        if kind in ("export_xlsx", "export_csv"):
            sys.path.insert(0, str(ROOT))
            from ljsms_desktop.sheets import export_rows

            def work():
                return {"rows": export_rows(out, headers, rows)}

        elif kind == "bare_xlsx":
            import xlsxwriter

            def work():
                wb = xlsxwriter.Workbook(str(out), {"constant_memory": True, "strings_to_formulas": False,
                                                    "strings_to_urls": False, "strings_to_numbers": False})
                ws = wb.add_worksheet()
                ws.write_row(0, 0, headers)
                for i, row in enumerate(rows, 1):
                    ws.write_row(i, 0, row)
                wb.close()
                return {"rows": len(rows)}

        elif kind == "bare_csv":
            import csv

            def work():
                with out.open("w", encoding="utf-8-sig", newline="") as fh:
                    w = csv.writer(fh)
                    w.writerow(headers)
                    w.writerows(rows)
                return {"rows": len(rows)}

        elif kind == "openpyxl_xlsx":
            import openpyxl

            def work():
                wb = openpyxl.Workbook(write_only=True)
                ws = wb.create_sheet()
                ws.append(headers)
                for row in rows:
                    ws.append(row)
                wb.save(out)
                return {"rows": len(rows)}

        else:
            raise SystemExit(f"unknown child {kind}")
    print(json.dumps(_measure(work)))


def _child_once(kind: str, arg: str) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", kind, arg], capture_output=True, text=True, check=False)
    if proc.returncode:
        raise SystemExit(f"{kind} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run_children(kinds: list[str], arg: str, repeat: int) -> dict[str, dict]:
    """Each kind *repeat* times, interleaved (a, b, a, b, ...) so that they share the machine's load;
    best time, highest peak."""
    best: dict[str, dict] = {}
    for _ in range(repeat):
        for kind in kinds:
            res = _child_once(kind, arg)
            if kind not in best:
                best[kind] = res
            else:
                b = best[kind]
                b["peak_mb"] = max(b["peak_mb"], res["peak_mb"])
                b["reader_peak_mb"] = max(b["reader_peak_mb"], res["reader_peak_mb"])
                b["seconds"] = min(b["seconds"], res["seconds"])
                b["cpu"] = min(b["cpu"], res["cpu"])
    return best


# -- main ----------------------------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, nargs="+", default=[100_000, 1_000_000], help="workbook sizes to import")
    ap.add_argument("--export-rows", type=int, default=100_000, help="report rows to export (0: skip)")
    ap.add_argument("--repeat", type=int, default=6, help="runs per measurement (best time, highest peak)")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "ljsms-bench",
                    help="where generated workbooks are kept between runs")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--in-process", action="store_true",
                    help="also time the import in the measuring process (no reader process), interleaved")
    ap.add_argument("--child", nargs=2, metavar=("KIND", "ARG"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return

    results: dict = {"import": [], "export": {}}
    args.cache.mkdir(parents=True, exist_ok=True)
    for n in args.rows:
        path = args.cache / f"import_{n}.xlsx"
        if not path.exists():
            print(f"generating {path} ...", file=sys.stderr, flush=True)
            t = time.perf_counter()
            make_workbook(path, n)
            print(f"  {time.perf_counter() - t:.1f} s", file=sys.stderr)
        both = run_children(["bare", "import", *(["import_here"] if args.in_process else [])], str(path), args.repeat)
        bare, imp = both["bare"], both["import"]
        if args.in_process:
            here = both["import_here"]
            print(f"  the same import in this process: {here['seconds']:.2f} s (cpu {here['cpu']:.2f}), "
                  f"{here['peak_mb']:.0f} MB: time x{here['seconds'] / bare['seconds']:.2f}; the reader process "
                  f"takes x{imp['seconds'] / here['seconds']:.2f} of it", flush=True)
        imp_cpu = imp["cpu"]  # with the reader process's
        imp_mb = imp["peak_mb"] + imp["reader_peak_mb"]  # this process's growth + the reader's whole peak
        row = {"rows": n, "bare_s": bare["seconds"], "import_s": imp["seconds"], "time_ratio": imp["seconds"] / bare["seconds"],
               "bare_cpu_s": bare["cpu"], "import_cpu_s": imp_cpu, "cpu_ratio": imp_cpu / bare["cpu"],
               "bare_peak_mb": bare["peak_mb"], "import_peak_mb": imp["peak_mb"], "reader_peak_mb": imp["reader_peak_mb"],
               "memory_ratio": imp_mb / bare["peak_mb"] if bare["peak_mb"] > 0 else float("nan"),
               "valid": imp["valid"], "invalid": imp["invalid"], "duplicates": imp["duplicates"]}
        results["import"].append(row)
        if not args.json:
            print(f"import {n:>9,} rows: bare calamine {bare['seconds']:6.2f} s (cpu {bare['cpu']:.2f}) "
                  f"{bare['peak_mb']:5.0f} MB | validated import {imp['seconds']:6.2f} s (cpu {imp_cpu:.2f} with the reader) "
                  f"{imp['peak_mb']:4.0f} + reader {imp['reader_peak_mb']:4.0f} MB | time x{row['time_ratio']:.2f} "
                  f"(cpu x{row['cpu_ratio']:.2f}) "
                  f"memory x{row['memory_ratio']:.2f} "
                  f"(valid {imp['valid']:,}, invalid {imp['invalid']:,}, duplicates {imp['duplicates']:,})", flush=True)
    if args.export_rows:
        n = str(args.export_rows)
        e = {}
        measured = run_children(["bare_xlsx", "export_xlsx", "bare_csv", "export_csv"], n, args.repeat)
        measured["openpyxl_xlsx"] = run_children(["openpyxl_xlsx"], n, 1)["openpyxl_xlsx"]
        for k, res in measured.items():
            e[k], e[k + "_cpu"] = res["seconds"], res["cpu"]
        results["export"] = {"rows": args.export_rows, **e,
                             "xlsx_ratio": e["export_xlsx"] / e["bare_xlsx"], "csv_ratio": e["export_csv"] / e["bare_csv"]}
        if not args.json:
            print(f"export {args.export_rows:,} report rows: xlsx {e['export_xlsx']:.2f} s vs bare xlsxwriter "
                  f"{e['bare_xlsx']:.2f} s (x{e['export_xlsx'] / e['bare_xlsx']:.2f}, cpu "
                  f"x{e['export_xlsx_cpu'] / e['bare_xlsx_cpu']:.2f}; openpyxl write-only "
                  f"{e['openpyxl_xlsx']:.2f} s) | csv {e['export_csv']:.2f} s vs bare csv.writer {e['bare_csv']:.2f} s "
                  f"(x{e['export_csv'] / e['bare_csv']:.2f}, cpu x{e['export_csv_cpu'] / e['bare_csv_cpu']:.2f})")
    if args.json:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
