#!/usr/bin/python3
"""Reads a tracker .xlsx with openpyxl (an independent reader) and prints what a test needs as JSON:
sheets and their states, defined names, protection, panes, print setup, data validations, merged cells,
and the Nhiệm vụ rows with each cell's value, type, number format and lock state.
usage: inspect_tracker.py FILE.xlsx"""
import datetime
import json
import sys

import warnings

import openpyxl

# openpyxl warns that it drops the x14 data-bar extension it cannot read; that is expected, not a finding.
warnings.simplefilter("ignore")


def cell_info(c):
    if type(c).__name__ == "MergedCell":
        return {"value": None, "type": "merged", "isDate": False, "numFmt": None, "locked": None, "bold": None, "font": None}
    v = c.value
    if isinstance(v, (datetime.datetime, datetime.date)):
        value = v.strftime("%Y-%m-%d")
    else:
        value = v
    return {
        "value": value,
        "type": c.data_type,  # s, n, d, f, b
        "isDate": bool(c.is_date),
        "numFmt": c.number_format,
        "locked": bool(c.protection.locked),
        "bold": bool(c.font and c.font.b),
        "font": c.font.name if c.font else None,
    }


def main(path):
    wb = openpyxl.load_workbook(path)  # formulas as text
    out = {
        "sheets": [{"name": ws.title, "state": ws.sheet_state} for ws in wb.worksheets],
        "activeIndex": wb.active.title if wb.active is not None else None,
        "selected": [ws.title for ws in wb.worksheets if ws.sheet_view.tabSelected],
        "definedNames": {},
        "sheet": {},
    }
    if hasattr(wb.defined_names, "definedName"):  # openpyxl 3.0 (Debian 12)
        for dn in wb.defined_names.definedName:
            out["definedNames"][dn.name] = dn.attr_text
    else:  # openpyxl >= 3.1
        for name, dn in wb.defined_names.items():
            out["definedNames"][name] = dn.attr_text
    for ws in wb.worksheets:
        dvs = []
        for dv in ws.data_validations.dataValidation:
            dvs.append({
                "type": dv.type,
                "sqref": str(dv.sqref),
                "formula1": dv.formula1,
                "formula2": dv.formula2,
                "showErrorMessage": bool(dv.showErrorMessage),
                "errorStyle": dv.errorStyle or "stop",
                "error": dv.error,
                "errorTitle": dv.errorTitle,
                "allowBlank": bool(dv.allow_blank),
            })
        ps = ws.page_setup
        rows = []
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column):
            rows.append([cell_info(c) for c in row])
        out["sheet"][ws.title] = {
            "state": ws.sheet_state,
            "protected": bool(ws.protection.sheet),
            "protectionHash": ws.protection.hashValue,
            "spinCount": ws.protection.spinCount,
            "freeze": ws.freeze_panes,
            "orientation": ps.orientation,
            "paperSize": ps.paperSize,
            "fitToPage": bool(ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage),
            "fitToWidth": ps.fitToWidth,
            "fitToHeight": ps.fitToHeight,
            "printTitleRows": ws.print_title_rows,
            "printArea": ws.print_area,
            "autoFilter": ws.auto_filter.ref,
            "merged": [str(r) for r in ws.merged_cells.ranges],
            "validations": dvs,
            "conditionalFormats": [str(r.sqref) for r in ws.conditional_formatting],
            "columnWidths": {k: v.width for k, v in ws.column_dimensions.items()},
            "rows": rows,
        }
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
