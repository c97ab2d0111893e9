"""The batch summary workbook: 汇总, 明细, 问题清单, 统计 (with native charts)."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .batch import FileResult

HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
GRADES = ("优", "良", "中", "差")
SCORE_BANDS = ((0, 60, "60分以下"), (60, 70, "60–70"), (70, 80, "70–80"), (80, 90, "80–90"), (90, 100.001, "90–100"))
SUMMARY_COLUMNS = ["file", "dept_name", "fiscal_year", "rule_set", "self_total", "total", "grade",
                   "errors", "warnings", "status", "reason"]
DETAIL_COLUMNS = ["file", "dept_name", "item_id", "item", "weight", "score", "self_score", "difference"]
FINDING_COLUMNS = ["file", "dept_name", "severity", "code", "where", "message"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: object) -> object:
    """Text from a submission must never become a formula in the summary (CSV/formula injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _rows(results: list[FileResult]):
    summary, details, findings = [], [], []
    for r in results:
        ev = r.evaluation or {}
        dept = safe_text(ev.get("dept_name"))
        status = "failed" if r.status != "ok" else ("errors" if r.errors else "ok")
        summary.append([safe_text(Path(r.file).name), dept, ev.get("fiscal_year"), ev.get("rule_set"),
                        ev.get("self_total"), ev.get("total"), ev.get("grade"), r.errors, r.warnings,
                        status, safe_text(r.reason)])
        for item in ev.get("items", []):
            diff = None
            if item["score"] is not None and item["self_score"] is not None:
                diff = round(item["self_score"] - item["score"], 2)
            details.append([safe_text(Path(r.file).name), dept, item["id"], item["name"], item["weight"],
                            item["score"], item["self_score"], diff])
        for f in ev.get("findings", []):
            findings.append([safe_text(Path(r.file).name), dept, f["severity"], f["code"], safe_text(f["where"]),
                             safe_text(f["message"])])
    return (pd.DataFrame(summary, columns=SUMMARY_COLUMNS), pd.DataFrame(details, columns=DETAIL_COLUMNS),
            pd.DataFrame(findings, columns=FINDING_COLUMNS))


def _statistics(summary: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    grades = summary["grade"].fillna("无法评分")
    grade_table = pd.DataFrame({"grade": list(GRADES) + ["无法评分"]})
    grade_table["count"] = [int((grades == g).sum()) for g in grade_table["grade"]]
    totals = pd.to_numeric(summary["total"], errors="coerce")
    band_table = pd.DataFrame({"band": [b[2] for b in SCORE_BANDS],
                               "count": [int(((totals >= lo) & (totals < hi)).sum()) for lo, hi, _ in SCORE_BANDS]})
    overview = pd.DataFrame({"item": ["files", "evaluated", "failed", "with_errors", "clean"],
                             "count": [len(summary), int((summary["status"] != "failed").sum()),
                                       int((summary["status"] == "failed").sum()),
                                       int((summary["status"] == "errors").sum()),
                                       int((summary["status"] == "ok").sum())]})
    return overview, grade_table, band_table


def _format(ws, widths: dict[str, int], number_columns: tuple[str, ...] = ()) -> None:
    for cell in ws[1]:
        cell.font, cell.fill, cell.alignment = Font(bold=True), HEADER_FILL, Alignment(horizontal="center")
    ws.freeze_panes = "A2"
    if ws.max_row > 1:
        ws.auto_filter.ref = ws.dimensions
    headers = [c.value for c in ws[1]]
    for i, header in enumerate(headers, 1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = widths.get(header, 12)
        for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
            if header in number_columns:
                cell.number_format = "0.00"
            elif isinstance(cell.value, int) or header in ("grade", "status", "severity"):
                cell.alignment = Alignment(horizontal="center")
    ws.page_setup.orientation = "landscape"     # reviewers print it
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"   # belt and braces: text stays text


def _chart(ws, title: str, first_row: int, rows: int, anchor: str) -> None:
    chart = BarChart()
    chart.title, chart.y_axis.title, chart.legend = title, "文件数", None
    chart.add_data(Reference(ws, min_col=2, min_row=first_row, max_row=first_row + rows), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first_row + 1, max_row=first_row + rows))
    ws.add_chart(chart, anchor)


def write_summary(results: list[FileResult], output: str | Path) -> None:
    """Write the summary workbook atomically (a temporary file renamed into place)."""
    summary, details, findings = _rows(results)
    overview, grades, bands = _statistics(summary)
    output = Path(output)
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".xlsx", dir=output.parent or ".")
    os.close(fd)
    try:
        with pd.ExcelWriter(tmp, engine="openpyxl") as writer:
            summary.to_excel(writer, sheet_name="汇总", index=False)
            details.to_excel(writer, sheet_name="明细", index=False)
            findings.to_excel(writer, sheet_name="问题清单", index=False)
            overview.to_excel(writer, sheet_name="统计", index=False, startrow=0)
            grades.to_excel(writer, sheet_name="统计", index=False, startrow=len(overview) + 2)
            bands.to_excel(writer, sheet_name="统计", index=False, startrow=len(overview) + len(grades) + 4)
            book = writer.book
            _format(book["汇总"], {"file": 36, "dept_name": 36, "reason": 60, "rule_set": 14},
                    ("self_total", "total"))
            _format(book["明细"], {"file": 36, "dept_name": 30, "item": 30, "item_id": 20},
                    ("weight", "score", "self_score", "difference"))
            _format(book["问题清单"], {"file": 36, "dept_name": 30, "code": 24, "where": 18, "message": 90})
            stats = book["统计"]
            _format(stats, {"item": 14, "count": 10})
            stats.auto_filter.ref = None
            grade_row = len(overview) + 3
            band_row = len(overview) + len(grades) + 5
            _chart(stats, "等级分布", grade_row, len(grades), "E2")
            _chart(stats, "总分分布", band_row, len(bands), "E20")
        from .workbook import _readable
        _readable(tmp)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
