"""The batch summary workbook: 汇总, 明细, 问题清单, 统计 (with native charts).

Streamed: each file's rows are written as its result arrives (openpyxl write-only), so
memory does not grow with the number of files; only the totals and grades are kept for
统计, counted at the end."""
from __future__ import annotations

import contextlib
from collections import Counter
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..files.atomic import atomic_output
from .batch import EVALUATED, FileResult

HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
GRADES = ("优", "良", "中", "差")
SCORE_BANDS = ((0, 60, "60分以下"), (60, 70, "60–70"), (70, 80, "70–80"), (80, 90, "80–90"), (90, 100.001, "90–100"))
SHEETS = {   # sheet → (columns, widths, number columns, centred columns)
    "汇总": (["file", "dept_name", "fiscal_year", "rule_set", "self_total", "total", "grade", "errors", "warnings",
             "status", "reason"], {"file": 36, "dept_name": 36, "reason": 60, "rule_set": 14},
            ("self_total", "total"), ("fiscal_year", "grade", "errors", "warnings", "status")),
    "明细": (["file", "dept_name", "item_id", "item", "weight", "score", "self_score", "difference"],
           {"file": 36, "dept_name": 30, "item": 30, "item_id": 20}, ("weight", "score", "self_score", "difference"),
           ()),
    "问题清单": (["file", "dept_name", "severity", "code", "where", "message"],
             {"file": 36, "dept_name": 30, "code": 24, "where": 18, "message": 90}, (), ("severity",)),
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: object) -> object:
    """Text from a submission must never become a formula in the summary (formula injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


class SummaryWriter:
    """`add()` each result as it comes, then `close()`: the file appears atomically."""

    def __init__(self, output: str | Path):
        self.output = Path(output)
        self._output = contextlib.ExitStack()
        self.tmp = self._output.enter_context(atomic_output(self.output))
        self.book = Workbook(write_only=True)
        self._styles: dict = {}
        self.sheets = {}
        self.rows = {name: 1 for name in SHEETS}
        for name, (columns, widths, numbers, centred) in SHEETS.items():
            ws = self.book.create_sheet(name)
            ws.freeze_panes = "A2"
            for i, column in enumerate(columns, 1):
                ws.column_dimensions[get_column_letter(i)].width = widths.get(column, 12)
            self._page(ws)
            ws.append([self._cell(ws, c, header=True) for c in columns])
            self.sheets[name] = ws
        self.totals: list[float | None] = []
        self.grades: list[str | None] = []   # as evaluated: a rule set may have its own bands
        self.statuses: list[str] = []

    @staticmethod
    def _page(ws) -> None:
        ws.page_setup.orientation = "landscape"     # reviewers print it
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True

    def _cell(self, ws, value, header=False, number=False, centred=False) -> WriteOnlyCell:
        cell = WriteOnlyCell(ws, value=safe_text(value))
        kind = "header" if header else "number" if number else "centred" if centred else None
        if kind:
            cell._style = self._style(ws, kind)
        if isinstance(cell.value, str):
            cell.data_type = "s"   # text stays text, whatever it starts with
        return cell

    def _style(self, ws, kind: str):
        """A style registered once and shared by every cell of its kind (registering a style
        per cell was a third of a batch's time in the parent process)."""
        key = (ws.title, kind)
        if key not in self._styles:
            proto = WriteOnlyCell(ws)
            if kind == "header":
                proto.font, proto.fill, proto.alignment = Font(bold=True), HEADER_FILL, Alignment(horizontal="center")
            elif kind == "number":
                proto.number_format = "0.00"
            else:
                proto.alignment = Alignment(horizontal="center")
            self._styles[key] = proto._style
        return self._styles[key]   # shared, never changed: write-only cells are written at once

    def _append(self, name: str, values: list) -> None:
        columns, _, numbers, centred = SHEETS[name]
        ws = self.sheets[name]
        # plain values are written as they are (fast); escaped text can no longer start a formula
        ws.append([self._cell(ws, v, number=True) if c in numbers and v is not None else
                   self._cell(ws, v, centred=True) if c in centred else safe_text(v)
                   for c, v in zip(columns, values)])
        self.rows[name] += 1

    def add(self, r: FileResult) -> None:
        ev = r.evaluation or {}
        file, dept = Path(r.file).name, ev.get("dept_name")
        status = "failed" if r.status != EVALUATED else ("errors" if r.errors else "ok")
        self._append("汇总", [file, dept, ev.get("fiscal_year"), ev.get("rule_set"), ev.get("self_total"),
                            ev.get("total"), ev.get("grade"), r.errors, r.warnings, status, r.reason])
        for item in ev.get("items", []):
            diff = None
            if item["score"] is not None and item["self_score"] is not None:
                diff = round(item["self_score"] - item["score"], 2)
            self._append("明细", [file, dept, item["id"], item["name"], item["weight"], item["score"],
                                item["self_score"], diff])
        for f in ev.get("findings", []):
            self._append("问题清单", [file, dept, f["severity"], f["code"], f["where"], f["message"]])
        self.totals.append(ev.get("total") if r.status == EVALUATED else None)
        self.grades.append(ev.get("grade") if r.status == EVALUATED else None)
        self.statuses.append(status)

    def _statistics(self) -> None:
        statuses, grades = Counter(self.statuses), Counter(self.grades)
        totals = [t for t in self.totals if t is not None]
        ws = self.book.create_sheet("统计")
        ws.column_dimensions["A"].width = 14
        sections = [
            [("item", "count"), ("files", len(self.statuses)), ("evaluated", len(self.statuses) - statuses["failed"]),
             ("failed", statuses["failed"]), ("with_errors", statuses["errors"]), ("clean", statuses["ok"])],
            [("grade", "count")] + [(g, grades[g]) for g in GRADES] + [("无法评分", grades[None])],
            [("band", "count")] + [(label, sum(lo <= t < hi for t in totals)) for lo, hi, label in SCORE_BANDS],
        ]
        row, anchors = 1, []
        for n, section in enumerate(sections):
            for i, values in enumerate(section):
                ws.append([self._cell(ws, v, header=i == 0) for v in values])
            if n:
                anchors.append((row, len(section) - 1))
            row += len(section)
            ws.append([])
            row += 1
        for (first, count), title, anchor in zip(anchors, ("等级分布", "总分分布"), ("E2", "E20")):
            chart = BarChart()
            chart.title, chart.y_axis.title, chart.legend = title, "文件数", None
            chart.add_data(Reference(ws, min_col=2, min_row=first, max_row=first + count), titles_from_data=True)
            chart.set_categories(Reference(ws, min_col=1, min_row=first + 1, max_row=first + count))
            ws.add_chart(chart, anchor)

    def close(self) -> None:
        """Write the statistics and save: the summary appears whole at `output`, or not at all."""
        with self._output:
            for name, ws in self.sheets.items():
                ws.auto_filter.ref = f"A1:{get_column_letter(len(SHEETS[name][0]))}{self.rows[name]}"
            self._statistics()
            self.book.save(self.tmp)


def write_summary(results, output: str | Path) -> None:
    writer = SummaryWriter(output)
    for result in results:
        writer.add(result)
    writer.close()
