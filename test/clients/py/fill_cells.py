#!/usr/bin/python3
"""Fills task rows of a tracker with openpyxl by column number, as another program would, and saves a copy.
usage: fill_cells.py IN.xlsx OUT.xlsx SPEC   (SPEC: a JSON text or the path of a JSON file)
SPEC: {"<task id>": {"<column number>": value}}; rows are found by their id in column A below the header.
A value {"date": "YYYY-MM-DD"} is a real date cell, {"formula": "=…"} a formula, anything else is written as is."""
import datetime
import json
import sys

import openpyxl


def main(src, dst, spec_arg):
    spec = json.loads(spec_arg) if spec_arg.lstrip().startswith("{") else json.load(open(spec_arg, encoding="utf-8"))
    wb = openpyxl.load_workbook(src)
    ws = wb["Nhiệm vụ"]
    rows = {str(ws.cell(r, 1).value): r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value is not None}
    for task, cells in spec.items():
        r = rows[task]
        for col, v in cells.items():
            c = ws.cell(r, int(col))
            if isinstance(v, dict) and "date" in v:
                c.value = datetime.datetime.strptime(v["date"], "%Y-%m-%d")
                c.number_format = "dd/mm/yyyy"
            elif isinstance(v, dict) and "formula" in v:
                c.value = v["formula"]
            else:
                c.value = v
    wb.save(dst)


if __name__ == "__main__":
    main(*sys.argv[1:4])
