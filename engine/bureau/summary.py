"""The batch summary workbook, in a finance office's words: 汇总, 明细, 问题清单, 统计 (native
charts) and 说明 (the columns' machine keys, the statuses, what each finding code means).

汇总 and 明细 are streamed (each file's rows are written as its result arrives, so memory
does not grow with the batch): 汇总, one row a file with its link, by openpyxl's write-only
sheets; 明细 and 问题清单, the long ones, by rowstream.  问题清单 is kept until the end to be
sorted by severity, then file; 统计 is counted at the end."""
from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink

from ..core import parsing, rulesets
from ..core.findings import CODE_LABELS
from ..files.atomic import atomic_output
from .results import DATA, EVALUATED, REPORT, FileResult, kind_of
from .rowstream import RowStream, splice, xml_safe

HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
ERROR_FILL = PatternFill("solid", fgColor="F8CBAD", bgColor="F8CBAD")
FAILED_FILL = PatternFill("solid", fgColor="D9D9D9", bgColor="D9D9D9")
SCORE_BANDS = ((0, 60, "60分以下"), (60, 70, "60–70"), (70, 80, "70–80"), (80, 90, "80–90"), (90, 100.001, "90–100"))
PASSED, WITH_ERRORS, UNSCORABLE = "通过", "有错误", "无法评分"
MATERIALS = {"workbook": "工作簿", DATA: "数据", REPORT: "报告"}
SEVERITY = {"error": "错误", "warning": "提示"}


def grade_order(rule_set_ids) -> list[str]:
    """The grades of the rule sets evaluated, each rule set's bands from the top (优 良 中 差)."""
    from ..core import rulesets
    order: list[str] = []
    for key in rule_set_ids:
        try:
            bands = rulesets.load(key).grade_bands
        except rulesets.RuleSetError:
            continue
        order += [str(t.points) for t in bands if str(t.points) not in order]
    return order


@dataclass(frozen=True)
class Column:
    key: str        # the machine's name (说明 sheet)
    header: str
    width: int
    style: str = "text"   # text | number | percent | centred | link


SHEETS = {
    "汇总": (Column("file", "文件", 34, "link"), Column("dept_name", "单位名称", 30),
           Column("fiscal_year", "年度", 8, "centred"), Column("rule_set", "评价体系", 30, "centred"),
           Column("material", "材料", 12, "centred"), Column("paired_with", "配对文件", 30),
           Column("self_total", "自评总分", 10, "number"), Column("total", "复核总分", 10, "number"),
           Column("difference", "差异", 8, "number"), Column("exec_rate", "预算执行率", 11, "percent"),
           Column("grade", "等级", 7, "centred"), Column("errors", "错误", 7, "centred"),
           Column("warnings", "提示", 7, "centred"), Column("status", "状态", 10, "centred"),
           Column("reason", "原因", 50)),
    "明细": (Column("file", "文件", 34), Column("dept_name", "单位名称", 30), Column("item_id", "评分项编号", 18),
           Column("item", "评分项", 30), Column("weight", "分值", 8, "number"), Column("score", "复核得分", 10, "number"),
           Column("self_score", "自评得分", 10, "number"), Column("difference", "差异", 8, "number")),
    "问题清单": (Column("file", "文件", 34), Column("dept_name", "单位名称", 26), Column("severity", "级别", 7, "centred"),
             Column("code", "代码", 26), Column("problem", "问题", 22), Column("where", "位置", 16),
             Column("message", "说明", 90)),
}
STREAMED = ("明细", "问题清单")     # many rows a file: written by rowstream
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: object) -> object:
    """Text from a submission must never become a formula in the summary (formula injection),
    nor carry a control character, which no spreadsheet can store."""
    return _safe_text(value) if isinstance(value, str) else value


@functools.lru_cache(maxsize=1 << 12)   # names of files, departments and items recur row after row
def _safe_text(value: str) -> str:
    value = xml_safe(value)
    return "'" + value if value.startswith(_FORMULA_START) else value


@functools.lru_cache(maxsize=64)
def rule_set_title(rule_set_id: str | None) -> str | None:
    """评价体系 in words (部门整体支出绩效评价共性指标体系), not its id; an unknown id as it is."""
    if not rule_set_id:
        return None
    try:
        return rulesets.load(rule_set_id).title
    except rulesets.RuleSetError:
        return rule_set_id


def status_of(r: FileResult) -> str:
    return UNSCORABLE if r.status != EVALUATED else (WITH_ERRORS if r.errors else PASSED)


def material_of(r: FileResult) -> str:
    """工作簿, 报告, 数据, or 工作簿+报告 / 数据+报告 for a department that sent both."""
    own = MATERIALS.get(r.kind, "工作簿")
    if not r.paired_with:
        return own
    book = MATERIALS[kind_of(Path(r.paired_with))] if r.kind == REPORT else own
    return f"{book}+报告"


class SummaryWriter:
    """`add()` each result as it comes, then `close()`: the file appears atomically."""

    def __init__(self, output: str | Path, roots: Iterable[str | Path] = ()):
        self.output = Path(output)
        self._folder = self.output.resolve().parent   # where the links start from
        # the folders given: a file is named by its path below the one it was found in
        self._roots = sorted((Path(r).resolve() for r in roots if Path(r).is_dir()), key=lambda p: -len(p.parts))
        self._summary_rows: list[dict] = []    # 汇总 is written at the end: a duplicate is known only then
        self._submissions: dict[tuple, list[str]] = {}
        self._output = contextlib.ExitStack()
        self.tmp = self._output.enter_context(atomic_output(self.output))
        self.book = Workbook(write_only=True)
        self._styles: dict = {}
        self.sheets = {}
        self.rows = {name: 1 for name in SHEETS if name not in STREAMED}
        for name, columns in SHEETS.items():
            ws = self.book.create_sheet(name)
            ws.freeze_panes = "A2"
            ws.print_title_rows = "1:1"
            for i, column in enumerate(columns, 1):
                ws.column_dimensions[get_column_letter(i)].width = column.width
            self._page(ws)
            ws.append([self._cell(ws, c.header, "header") for c in columns])
            self.sheets[name] = ws
        self.streams = {name: RowStream([self._style_id(self.sheets[name], c.style) for c in SHEETS[name]])
                        for name in STREAMED}
        self.findings: list[tuple] = []
        self.totals: list[float | None] = []
        self.grades: list[str | None] = []   # as evaluated: a rule set may have its own bands
        self.statuses: list[str] = []
        self.codes: Counter = Counter()
        self.rule_sets: Counter = Counter()

    @staticmethod
    def _page(ws) -> None:
        ws.page_setup.orientation = "landscape"     # reviewers print it
        ws.page_setup.paperSize = "9"   # A4
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True

    def _cell(self, ws, value, style: str = "text") -> WriteOnlyCell | object:
        value = safe_text(value)
        if style == "text" or (value is None and style != "header"):
            return value     # plain values are written as they are (fast)
        cell = WriteOnlyCell(ws, value=value)
        cell._style = self._style(ws, style)   # shared, never changed: write-only cells are written at once
        if isinstance(value, str):
            cell.data_type = "s"   # text stays text, whatever it starts with
        return cell

    def _style(self, ws, kind: str):
        """A style registered once and shared by every cell of its kind (registering a style
        per cell was a third of a batch's time in the parent process)."""
        key = (ws.title, kind)
        if key not in self._styles:
            proto = WriteOnlyCell(ws)
            if kind == "header":
                proto.font, proto.fill = Font(bold=True), HEADER_FILL
                proto.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            elif kind == "number":
                proto.number_format = "0.00"
            elif kind == "percent":
                proto.number_format = "0.00%"
            elif kind == "link":
                proto.font = Font(color="0563C1", underline="single")
            else:
                proto.alignment = Alignment(horizontal="center")
            self._styles[key] = proto._style
        return self._styles[key]

    def _style_id(self, ws, kind: str) -> int:
        """The style's index in the workbook's cell formats (0, the default, for text)."""
        if kind == "text":
            return 0
        proto = WriteOnlyCell(ws)
        proto._style = self._style(ws, kind)
        return proto.style_id

    def _append(self, name: str, values: dict) -> None:
        if name in self.streams:
            self.streams[name].append([safe_text(values.get(c.key)) for c in SHEETS[name]])
            return
        ws = self.sheets[name]
        row = []
        for c in SHEETS[name]:
            value = values.get(c.key)
            cell = self._cell(ws, value, c.style)
            if c.style == "link" and values.get("_link"):
                cell._hyperlink = Hyperlink(ref=f"{get_column_letter(len(row) + 1)}{self.rows[name] + 1}",
                                            target=values["_link"])
            row.append(cell)
        ws.append(row)
        self.rows[name] += 1

    def _link(self, path: str) -> str:
        """The file, relative to the summary, as a hyperlink opens it from where the summary is."""
        target = Path(path).resolve()
        try:
            return os.path.relpath(target, self._folder).replace(os.sep, "/")
        except ValueError:    # another drive (Windows)
            return target.as_uri()

    def shown_name(self, path: str) -> str:
        """The file as 文件 shows it: its path below the folder it was found in (a/b.xlsx)."""
        target = Path(path).resolve()
        for root in self._roots:
            if target.is_relative_to(root):
                return target.relative_to(root).as_posix()
        return Path(path).name

    def add(self, r: FileResult) -> None:
        ev = r.evaluation or {}
        file, dept = self.shown_name(r.file), ev.get("dept_name")
        status = status_of(r)
        total, claimed = ev.get("total"), ev.get("self_total")
        difference = round(claimed - total, 2) if total is not None and claimed is not None else None
        self._summary_rows.append({"file": file, "_link": self._link(r.file), "dept_name": dept,
                            "fiscal_year": ev.get("fiscal_year"), "rule_set": rule_set_title(ev.get("rule_set")),
                            "material": material_of(r), "paired_with": self.shown_name(r.paired_with) if r.paired_with else None,
                            "self_total": claimed, "total": total, "difference": difference,
                            "exec_rate": (ev.get("rates") or {}).get("exec_rate"), "grade": ev.get("grade"),
                            "errors": r.errors, "warnings": r.warnings, "status": status, "reason": r.reason or None})
        for item in ev.get("items", []):
            diff = None
            if item["score"] is not None and item["self_score"] is not None:
                diff = round(item["self_score"] - item["score"], 2)
            self._append("明细", {"file": file, "dept_name": dept, "item_id": item["id"], "item": item["name"],
                                "weight": item["weight"], "score": item["score"], "self_score": item["self_score"],
                                "difference": diff})
        problems = self.streams["问题清单"]
        for f in r.findings:   # rendered now, while the workers work; sorted and numbered at the end
            values = {"file": file, "dept_name": dept, "severity": SEVERITY.get(f["severity"], f["severity"]),
                      "code": f["code"], "problem": CODE_LABELS.get(f["code"], f["code"]), "where": f["where"],
                      "message": f["message"]}
            self.findings.append((f["severity"] != "error", file,
                                  problems.render([safe_text(values.get(c.key)) for c in SHEETS["问题清单"]])))
            self.codes[f["code"]] += 1
        if r.kind != REPORT:   # a department's score is its workbook's (or data's), once
            self.totals.append(total if r.status == EVALUATED else None)
            self.grades.append(ev.get("grade") if r.status == EVALUATED else None)
        self.statuses.append(status)
        if ev.get("rule_set"):
            self.rule_sets[ev["rule_set"]] += 1
        if r.kind != REPORT and r.status == EVALUATED and not parsing.is_blank(dept) and ev.get("fiscal_year"):
            key = (parsing.text_key(dept), str(ev.get("fiscal_year")))
            self._submissions.setdefault(key, []).append((file, dept))

    def _duplicates(self) -> None:
        """Two workbooks (or data) of one 单位名称 and 年度: a warning on each, naming the other."""
        warned = Counter()
        for sent in self._submissions.values():
            for file, dept in sent if len(sent) > 1 else ():
                others = "、".join(f for f, _ in sent if f != file)
                values = {"file": file, "dept_name": dept, "severity": SEVERITY["warning"], "code": "DUPLICATE_SUBMISSION",
                          "problem": CODE_LABELS["DUPLICATE_SUBMISSION"], "where": "dept_name",
                          "message": f"同一单位、同一年度还提交了：{others}；请确认以哪一份为准"}
                self.findings.append((True, file, self.streams["问题清单"].render(
                    [safe_text(values.get(c.key)) for c in SHEETS["问题清单"]])))
                self.codes["DUPLICATE_SUBMISSION"] += 1
                warned[file] += 1
        for row in self._summary_rows:
            if warned[row["file"]]:
                row["warnings"] = (row["warnings"] or 0) + warned[row["file"]]
            self._append("汇总", row)

    def _findings_sheet(self) -> None:
        problems = self.streams["问题清单"]
        for *_, row in sorted(self.findings, key=lambda f: f[:2]):
            problems.write(row)

    def _grades(self) -> list[str]:
        order = grade_order(sorted(self.rule_sets) or ["dept-simple"])
        return order + sorted({g for g in self.grades if g is not None} - set(order))

    def _statistics(self) -> None:
        statuses, grades = Counter(self.statuses), Counter(self.grades)
        totals = [t for t in self.totals if t is not None]
        ws = self.book.create_sheet("统计")
        ws.column_dimensions["A"].width = 26
        ws.column_dimensions["B"].width = 10
        self._page(ws)
        scored = len(self.grades)   # workbooks and data; a report has no score of its own
        sections = [   # each says what it counts: files, scored submissions, findings
            (f"文件（共 {len(self.statuses)} 个：工作簿、数据和报告各算一个）",
             [("文件数", len(self.statuses)), (PASSED, statuses[PASSED]), (WITH_ERRORS, statuses[WITH_ERRORS]),
              (UNSCORABLE, statuses[UNSCORABLE])]),
            (f"等级分布（工作簿和数据 {scored} 份，报告不计）",
             [(g, grades[g]) for g in self._grades()] + [("无法评等级", grades[None])]),
            (f"总分分布（已评分的工作簿和数据 {len(totals)} 份）",
             [(label, sum(lo <= t < hi for t in totals)) for lo, hi, label in SCORE_BANDS]),
            ("常见问题（问题条数，前10种）",
             [(CODE_LABELS.get(code, code), n) for code, n in self.codes.most_common(10)] or [("无", 0)]),
            ("评价体系（文件数）",
             [(rule_set_title(key), n) for key, n in sorted(self.rule_sets.items())] or [("无", 0)]),
        ]
        row, anchors = 1, []
        for title, values in sections:
            ws.append([self._cell(ws, title, "header"), self._cell(ws, "数量", "header")])
            for label, count in values:
                ws.append([label, count])
            anchors.append((title, row, len(values)))
            row += len(values) + 2
            ws.append([])
        place = 2
        for (_, values), (title, first, count) in list(zip(sections, anchors))[1:]:
            chart = PieChart() if title.startswith("评价体系") else BarChart()
            chart.title = title
            if isinstance(chart, BarChart):
                chart.legend = None
                chart.y_axis.title = "文件数" if title.startswith(("等级", "总分")) else "条数"
                chart.type = "bar" if title.startswith("常见问题") else "col"
                # counts are whole numbers: ticks of 1 (or a whole step), never 0.5
                most = max((n for _, n in values), default=0)
                chart.y_axis.scaling.min = 0
                chart.y_axis.majorUnit = max(1, -(-most // 8))
                chart.y_axis.number_format = "0"
                chart.y_axis.delete = False
            chart.add_data(Reference(ws, min_col=2, min_row=first, max_row=first + count), titles_from_data=True)
            chart.set_categories(Reference(ws, min_col=1, min_row=first + 1, max_row=first + count))
            chart.width, chart.height = 16, 7.5
            ws.add_chart(chart, f"D{place}")
            place += 16

    def _glossary(self) -> None:
        ws = self.book.create_sheet("说明")
        for letter, width in zip("ABC", (14, 28, 80)):
            ws.column_dimensions[letter].width = width
        ws.append([self._cell(ws, h, "header") for h in ("工作表", "列（中文）", "列的英文键 / key（供程序读取）")])
        for name, columns in SHEETS.items():
            for c in columns:
                ws.append([name, c.header, c.key])
        ws.append([])
        ws.append([self._cell(ws, h, "header") for h in ("状态", "含义", "")])
        for status, meaning in ((PASSED, "已复核，没有错误（可能有提示）"), (WITH_ERRORS, "已复核，有错误，见问题清单"),
                                (UNSCORABLE, "文件无法读取或不是标准模板，原因见“原因”列")):
            ws.append([status, meaning])
        ws.append([])
        ws.append([self._cell(ws, h, "header") for h in ("代码", "问题", "")])
        for code, label in CODE_LABELS.items():
            ws.append([code, label])

    def close(self) -> None:
        """Write the sorted findings, the statistics and the glossary; save: the summary
        appears whole at `output`, or not at all."""
        with self._output:
            self._duplicates()
            self._findings_sheet()
            for name, ws in self.sheets.items():
                last = get_column_letter(len(SHEETS[name]))
                rows = self.streams[name].last_row if name in self.streams else self.rows[name]
                ws.auto_filter.ref = f"A1:{last}{rows}"
            summary = self.sheets["汇总"]
            status = get_column_letter([c.key for c in SHEETS["汇总"]].index("status") + 1)
            cells = f"A2:{get_column_letter(len(SHEETS['汇总']))}{max(self.rows['汇总'], 2)}"
            summary.conditional_formatting.add(cells, FormulaRule(formula=[f'${status}2="{WITH_ERRORS}"'],
                                                                  fill=ERROR_FILL))
            summary.conditional_formatting.add(cells, FormulaRule(formula=[f'${status}2="{UNSCORABLE}"'],
                                                                  fill=FAILED_FILL))
            self._statistics()
            self._glossary()
            with tempfile.TemporaryFile() as skeleton, open(self.tmp, "wb") as out:
                self.book.save(skeleton)
                splice(skeleton, out, self.streams)
            for stream in self.streams.values():
                stream.close()


def write_summary(results, output: str | Path, roots: Iterable[str | Path] = ()) -> None:
    writer = SummaryWriter(output, roots)
    for result in results:
        writer.add(result)
    writer.close()
