#!/usr/bin/python3
"""Fills task rows of a tracker with openpyxl, as another program would, and saves a copy.
usage: fill_tracker.py IN.xlsx OUT.xlsx FILLS.json
FILLS.json: {"asOf": "YYYY-MM-DD" | null, "rows": [{"id": "3", "status": "Hoàn thành", "progress": 100,
            "completedOn": "YYYY-MM-DD", "result": "…", "note": "…"}]}
Rows are found by the Mã column of Nhiệm vụ (located by header text); the as-of cell by the defined name."""
import datetime
import json
import sys

import warnings

import openpyxl

warnings.simplefilter("ignore")

HEADERS = {
    "id": "Mã",
    "status": "Trạng thái",
    "progress": "Tiến độ (%)",
    "completedOn": "Ngày hoàn thành",
    "result": "Kết quả / Văn bản, sản phẩm",
    "note": "Khó khăn, vướng mắc / Ghi chú",
}


def to_date(s):
    return datetime.datetime.strptime(s, "%Y-%m-%d")


def main(src, dst, fills_path):
    fills = json.load(open(fills_path, encoding="utf-8"))
    wb = openpyxl.load_workbook(src)
    ws = wb["Nhiệm vụ"]
    header_row, cols = None, {}
    for row in ws.iter_rows(min_row=1, max_row=30):
        texts = {c.value: c.column for c in row if isinstance(c.value, str)}
        if HEADERS["id"] in texts and HEADERS["status"] in texts:
            header_row = row[0].row
            cols = {k: texts[h] for k, h in HEADERS.items() if h in texts}
            break
    if header_row is None:
        sys.exit("header row not found")
    by_id = {}
    for r in range(header_row + 1, ws.max_row + 1):
        v = ws.cell(r, cols["id"]).value
        if v is not None:
            by_id.setdefault(str(v), r)
    for f in fills.get("rows", []):
        r = by_id[str(f["id"])]
        for key in ("status", "progress", "result", "note"):
            if key in f:
                ws.cell(r, cols[key]).value = f[key]
        if "completedOn" in f:
            ws.cell(r, cols["completedOn"]).value = to_date(f["completedOn"]) if f["completedOn"] else None
    if fills.get("asOf"):
        if hasattr(wb.defined_names, "definedName"):  # openpyxl 3.0 (Debian 12)
            dn = next(d for d in wb.defined_names.definedName if d.name == "NgayBaoCao")
        else:
            dn = wb.defined_names["NgayBaoCao"]
        (sheet, coord), = list(dn.destinations)
        wb[sheet][coord.replace("$", "")].value = to_date(fills["asOf"])
    wb.save(dst)


if __name__ == "__main__":
    main(*sys.argv[1:4])
