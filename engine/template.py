"""Build a template workbook from a rule set (SPEC 6).  Templates are generated, never
hand-edited: sheets, defined names, the Indicators table, styles, validation, _meta."""
from __future__ import annotations

import hashlib
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo

from . import __version__
from .formulagen import FormulaBuilder, blank_safe
from .rulesets import RuleSet
from .layout import (COL, COMPLETION_COL, FIRST_INDICATOR_ROW, INDICATOR_HEADER_ROW,
                     LAST_INDICATOR_ROW, META, SHEETS, TEMPLATE_VERSION)
from .scoring import INDICATOR_COLUMNS, INDICATOR_LABELS


INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
FORMULA_FILL = PatternFill("solid", fgColor="E2EFDA")
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
GREY = Font(color="808080", size=9)
FORMATS = {"money": "#,##0.00", "signed_money": "#,##0.00", "rate": "0.00%", "count": "0", "year": "0"}


def fingerprint(wb) -> tuple[str, int]:
    """SHA-256 over every formula cell's sheet, address and text, in sheet and cell order."""
    digest, count = hashlib.sha256(), 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("=") and cell.data_type == "f":
                    digest.update(f"{ws.title}!{cell.coordinate}={cell.value}\n".encode("utf-8"))
                    count += 1
    return digest.hexdigest(), count


class _Builder:
    def __init__(self, rule_set: RuleSet, wb: Workbook):
        self.rs, self.wb = rule_set, wb
        self.formulas = FormulaBuilder(rule_set)
        self.sheets = {name: wb.create_sheet(name) for name in SHEETS}
        self.validations: dict[str, DataValidation] = {}

    # -------------------------------------------------------------- primitives
    def name(self, name: str, sheet: str, ref: str) -> None:
        self.wb.defined_names[name] = DefinedName(name, attr_text=f"'{sheet}'!{ref}")

    def input_cell(self, ws, ref: str, kind: str | None = None, options: list[str] | None = None) -> None:
        cell = ws[ref]
        cell.fill, cell.protection = INPUT_FILL, Protection(locked=False)
        if kind in FORMATS:
            cell.number_format = FORMATS[kind]
        if options:
            self.validate(ws, ref, options)

    def formula_cell(self, ws, ref: str, formula: str, number_format: str | None = "0.00") -> None:
        cell = ws[ref]
        cell.value, cell.fill, cell.protection = formula, FORMULA_FILL, Protection(locked=True)
        if number_format:
            cell.number_format = number_format

    def validate(self, ws, ref: str, options: list[str]) -> None:
        key = f"{ws.title}|{','.join(options)}"
        if key not in self.validations:
            dv = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True,
                                showErrorMessage=False)  # a dropdown, not a cage: 0.5 points is allowed
            ws.add_data_validation(dv)
            self.validations[key] = dv
        self.validations[key].add(ref)

    def header(self, ws, row: int, titles: list[str], widths: list[int]) -> None:
        for col, (title, width) in enumerate(zip(titles, widths), 1):
            cell = ws.cell(row=row, column=col, value=title)
            cell.font, cell.fill = BOLD, HEADER_FILL
            ws.column_dimensions[get_column_letter(col)].width = width

    def options_for(self, key: str) -> list[str] | None:
        kind = self.rs.inputs[key].kind
        if kind in ("flag", "check"):
            return ["是", "否"]
        if kind == "choice":
            for row in self.rs.rows:
                for part in row.parts:
                    if part.method == "choice" and part.get("input") == key:
                        return list(part.get("options"))
        return None

    # ------------------------------------------------------------------ sheets
    def inputs_sheet(self, sheet: str, title: str, keys: list[str], start: int = 3) -> int:
        ws = self.sheets[sheet]
        ws["A1"], ws["A1"].font = title, TITLE
        self.header(ws, start - 1, ["项目", "填写值", "名称"], [42, 20, 30])
        row = start
        for key in keys:
            spec = self.rs.inputs[key]
            ws.cell(row=row, column=1, value=spec.label)
            ws.cell(row=row, column=3, value=key).font = GREY
            self.input_cell(ws, f"B{row}", spec.kind, self.options_for(key))
            self.name(key, sheet, f"$B${row}")
            row += 1
        return row

    def budget_sheet(self) -> None:
        keys = [k for k, s in self.rs.inputs.items() if s.sheet == "预算数据"]
        row = self.inputs_sheet("预算数据", "预算数据（金额单位：万元）", keys) + 1
        ws = self.sheets["预算数据"]
        self.header(ws, row, ["比率", "计算值", "报告填写值", "名称"], [42, 20, 14, 30])
        ws.cell(row=row, column=2).value = "计算值"
        for key, rate in self.rs.rates.items():
            row += 1
            ws.cell(row=row, column=1, value=rate.label)
            self.formula_cell(ws, f"B{row}", self.formulas.rate(rate), "0.00%")
            self.name(key, "预算数据", f"$B${row}")
            self.input_cell(ws, f"C{row}", "rate")
            self.name(f"stated_{key}", "预算数据", f"$C${row}")
            ws.cell(row=row, column=4, value=key).font = GREY

    def indicator_sheet(self) -> dict[str, tuple[str, str]]:
        ws = self.sheets["绩效指标"]
        ws["A1"], ws["A1"].font = "绩效指标（个性指标）", TITLE
        ws["A2"] = ("指标性质填 ≥ > = ≤ < 或 定性；定性指标的目标值填档次（达成年度指标/部分达成并具有一定效果/"
                    "未达成且效果较差），定性系数填档次内的系数。没有三级指标名称的行不计分。")
        for col, key in enumerate(INDICATOR_COLUMNS, 1):
            ws.cell(row=3, column=col, value=INDICATOR_LABELS[key]).font = BOLD
            ws.cell(row=3, column=col).fill = HEADER_FILL
            ws.cell(row=INDICATOR_HEADER_ROW, column=col, value=key).font = GREY
            ws.column_dimensions[get_column_letter(col)].width = 30 if key in ("name", "deviation_reason",
                                                                               "improvement") else 12
        ws.cell(row=3, column=len(INDICATOR_COLUMNS) + 1, value="完成率").font = BOLD
        ws.cell(row=INDICATOR_HEADER_ROW, column=len(INDICATOR_COLUMNS) + 1, value="completion").font = GREY
        groups = self.rs.indicator_rows
        helper_cols = {}
        next_col = len(INDICATOR_COLUMNS) + 2
        for group in groups:
            wanted = group.indicator_part.get("level1")
            helper_cols[group.id] = (get_column_letter(next_col), get_column_letter(next_col + 1), wanted)
            for offset, label in enumerate(("权重", "得分")):
                letter = get_column_letter(next_col + offset)
                ws.cell(row=INDICATOR_HEADER_ROW, column=next_col + offset, value=f"{group.id}_{label}").font = GREY
                ws.column_dimensions[letter].hidden = True
            next_col += 2
        c = COL
        for r in range(FIRST_INDICATOR_ROW, LAST_INDICATOR_ROW + 1):
            for key in INDICATOR_COLUMNS:
                if key != "score":
                    self.input_cell(ws, f"{c[key]}{r}", None, ["≥", ">", "=", "≤", "<", "定性"] if key == "direction" else None)
            blank = f"ISBLANK(${c['name']}{r})"
            # the coefficient of a 定性 indicator, else the actual value; never a bare blank (→ 0)
            actual_ref = f"${c['actual']}{r}"
            actual = (f'IF(AND(${c["direction"]}{r}="定性",NOT(ISBLANK(${c["coefficient"]}{r}))),'
                      f'${c["coefficient"]}{r},{blank_safe(actual_ref)})')
            args = f"${c['direction']}{r},${c['target']}{r},{actual}"
            self.formula_cell(ws, f"{c['score']}{r}",
                              f'=IF({blank},"",PERF_SCORE({args},${c["weight"]}{r},reverse_method))')
            self.formula_cell(ws, f"{COMPLETION_COL}{r}",
                              f'=IF({blank},"",COMPLETION_RATE({args},reverse_method))', "0.00%")
            for weight_col, score_col, wanted in helper_cols.values():
                member = "TRUE" if not wanted else "OR(" + ",".join(
                    f'${c["level1"]}{r}="{w}"' for w in wanted) + ")"
                self.formula_cell(ws, f"{weight_col}{r}",
                                  f'=IF({blank},"",IF({member},PERF_SUM(${c["weight"]}{r}),""))')
                self.formula_cell(ws, f"{score_col}{r}", f'=IF({blank},"",IF({member},${c["score"]}{r},""))')
        table = Table(displayName="Indicators",
                      ref=f"A{INDICATOR_HEADER_ROW}:{c['improvement']}{LAST_INDICATOR_ROW}")
        table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
        ws.add_table(table)
        ws.freeze_panes = f"D{FIRST_INDICATOR_ROW}"
        return {gid: (f"'绩效指标'!${w}${FIRST_INDICATOR_ROW}:${w}${LAST_INDICATOR_ROW}",
                      f"'绩效指标'!${s}${FIRST_INDICATOR_ROW}:${s}${LAST_INDICATOR_ROW}")
                for gid, (w, s, _) in helper_cols.items()}

    def score_sheet(self, indicator_ranges) -> None:
        ws = self.sheets["评分表"]
        ws["A1"], ws["A1"].font = f"评分表：{self.rs.title}", TITLE
        self.header(ws, 3, ["一级指标", "二级指标", "三级指标", "分值", "评分标准", "计算得分", "自评得分"],
                    [12, 14, 22, 8, 60, 12, 12])
        first = 4
        for i, row in enumerate(self.rs.rows):
            r = first + i
            for col, value in enumerate((row.level1, row.level2, row.level3, row.weight, row.standard), 1):
                ws.cell(row=r, column=col, value=value).alignment = Alignment(wrap_text=col == 5, vertical="top")
            self.formula_cell(ws, f"F{r}", self.formulas.row(row, indicator_ranges))
            self.name(f"score_{row.id}", "评分表", f"$F${r}")
            self.input_cell(ws, f"G{r}", None)
            ws[f"G{r}"].number_format = "0.00"
            self.name(f"self_{row.id}", "评分表", f"$G${r}")
        last = first + len(self.rs.rows) - 1
        r = last + 1
        ws.cell(row=r, column=3, value="合计").font = BOLD
        ws.cell(row=r, column=4, value=self.rs.total_weight)
        self.formula_cell(ws, f"F{r}", f"=PERF_TOTAL(F{first}:F{last})")
        self.name("total", "评分表", f"$F${r}")
        self.input_cell(ws, f"G{r}", None)
        self.name("self_total", "评分表", f"$G${r}")
        r += 1
        ws.cell(row=r, column=3, value="等级").font = BOLD
        self.formula_cell(ws, f"F{r}", "=PERF_GRADE(total,grade_bands)", None)
        self.name("grade", "评分表", f"$F${r}")
        self.input_cell(ws, f"G{r}", None, [t.points for t in self.rs.grade_bands])
        self.name("self_grade", "评分表", f"$G${r}")
        keys = [k for k, s in self.rs.inputs.items() if s.sheet == "评分表"]
        if keys:
            r += 2
            ws.cell(row=r, column=1, value="评分依据（请填写）").font = BOLD
            r += 1
            self.header(ws, r, ["评分项", "填报项", "填写值", "名称"], [12, 14, 22, 8])
            owners = {k: row.level3 for row in reversed(self.rs.rows) for k in self._row_inputs(row)}
            for key in keys:
                r += 1
                spec = self.rs.inputs[key]
                ws.cell(row=r, column=1, value=owners.get(key, ""))
                ws.cell(row=r, column=2, value=spec.label)
                self.input_cell(ws, f"C{r}", spec.kind, self.options_for(key))
                self.name(key, "评分表", f"$C${r}")
                ws.cell(row=r, column=4, value=key).font = GREY
        ws.freeze_panes = "A4"

    def _row_inputs(self, row) -> list[str]:
        keys = [o.input for o in row.overrides]
        for part in row.parts:
            keys += [i.input for i in part.items]
            for name in ("count", "input", "budget", "rate"):
                key = part.get(name)
                if key in self.rs.rates:
                    keys += list(self.rs.rates[key].num + self.rs.rates[key].den)
                elif key:
                    keys.append(key)
            keys += list(part.get("quarters") or ())
        return keys

    def rules_sheet(self) -> None:
        ws = self.sheets["评分规则"]
        ws["A1"], ws["A1"].font = "评分规则（修改参数即改变评分，Excel 与后台重算一致）", TITLE
        self.header(ws, 3, ["评分项", "参数", "值/条件", "分值", "名称"], [24, 36, 14, 10, 40])
        r = 4
        ws.cell(row=r, column=1, value="全部指标")
        ws.cell(row=r, column=2, value="反向指标超出目标时的计分方法（ratio 或 deviation）")
        ws.cell(row=r, column=3, value=self.rs.reverse_method)
        self.input_cell(ws, f"C{r}")
        self.name("reverse_method", "评分规则", f"$C${r}")
        ws.cell(row=r, column=5, value="reverse_method").font = GREY
        r += 1
        bands = [(t.bound if t.op != "else" else "else", t.points) for t in self.rs.grade_bands]
        r = self._table_rows(ws, r, "等级", "等级分档（总分下限, 等级）", bands, "grade_bands")
        for param in self.formulas.params:
            if param.table:
                r = self._table_rows(ws, r, param.row.level3, param.label, param.table, param.name)
                continue
            ws.cell(row=r, column=1, value=param.row.level3)
            ws.cell(row=r, column=2, value=param.label)
            ws.cell(row=r, column=3, value=param.value)
            self.input_cell(ws, f"C{r}")
            self.name(param.name, "评分规则", f"$C${r}")
            ws.cell(row=r, column=5, value=param.name).font = GREY
            r += 1

    def _table_rows(self, ws, r: int, owner: str, label: str, rows, name: str) -> int:
        first = r
        for cond, points in rows:
            ws.cell(row=r, column=1, value=owner)
            ws.cell(row=r, column=2, value=label)
            ws.cell(row=r, column=3, value=cond)
            ws.cell(row=r, column=4, value=points)
            self.input_cell(ws, f"C{r}")
            self.input_cell(ws, f"D{r}")
            r += 1
        self.name(name, "评分规则", f"$C${first}:$D${r - 1}")
        ws.cell(row=first, column=5, value=name).font = GREY
        return r

    def summary_sheet(self) -> None:
        ws = self.sheets["汇总"]
        ws["A1"], ws["A1"].font = "汇总", TITLE
        self.header(ws, 3, ["项目", "值"], [24, 40])
        rows = [("部门（单位）名称", '=IF(ISBLANK(dept_name),"",dept_name)', None),
                ("评价年度", '=IF(ISBLANK(fiscal_year),"",fiscal_year)', None),
                ("评分框架", f"{self.rs.title}（{self.rs.id} {self.rs.version}）", None),
                ("计算总分", "=total", "0.00"),
                ("自评总分", '=IF(ISBLANK(self_total),"",self_total)', "0.00"),
                ("等级", "=grade", None),
                ("预算执行率", "=exec_rate", "0.00%")]
        for r, (label, value, fmt) in enumerate(rows, 4):
            ws.cell(row=r, column=1, value=label)
            if value.startswith("="):
                self.formula_cell(ws, f"B{r}", value, fmt)
            else:
                ws.cell(row=r, column=2, value=value)

    def guide_sheet(self) -> None:
        ws = self.sheets["填报说明"]
        ws.column_dimensions["A"].width = 110
        lines = [
            (f"{self.rs.title} — 填报说明", TITLE),
            (f"评分框架 {self.rs.id}，版本 {self.rs.version}；模板版本 {TEMPLATE_VERSION}。本模板由 perfscore 生成，请勿修改公式。", None),
            ("1. 黄色单元格为填写项，绿色单元格为公式（自动计算，已锁定）。金额单位为万元；比率可填 96.64% 或 0.9664。", None),
            ("2. 在“基本信息”“预算数据”填写部门情况与预算执行数据；在“绩效指标”逐行填写个性指标；在“评分表”填写评分依据与各项自评得分。", None),
            ("3. 计算得分由 Python 函数（xlwings）计算：=PERF_SCORE、=EXEC_RATE、=TIER_SCORE、=PERF_TOTAL 等。缺少输入时单元格显示 #N/A 及缺少的项目。", None),
            ("4. 各项得分保留两位小数，总分为各项得分之和；≥90 优，≥80 良，≥60 中，其余为差。", None),
            ("5. “评分规则”表列出全部评分参数（分值、分档、限额），财政部门可调整；调整后 Excel 与后台重算结果一致。", None),
            ("6. 报送后，财政部门用 perfscore recalc 重新计算本表，并核对自评得分、报告填写的比率与计算结果是否一致。", None),
        ]
        for r, (text, font) in enumerate(lines, 1):
            ws.cell(row=r, column=1, value=text).alignment = Alignment(wrap_text=True)
            if font:
                ws.cell(row=r, column=1).font = font

    def protect(self) -> None:
        for name in ("基本信息", "预算数据", "绩效指标", "评分表", "汇总", "填报说明"):
            ws = self.sheets[name]
            ws.protection.sheet = True
            ws.protection.formatColumns = False
            ws.protection.formatRows = False

    def meta_sheet(self) -> None:
        digest, count = fingerprint(self.wb)
        ws = self.wb.create_sheet(META)
        for r, (key, value) in enumerate([
                ("rule_set", self.rs.id), ("rule_set_version", self.rs.version),
                ("template_version", TEMPLATE_VERSION), ("formula_fingerprint", digest),
                ("formula_count", count), ("generator", f"perfscore {__version__}")], 1):
            ws.cell(row=r, column=1, value=key)
            ws.cell(row=r, column=2, value=value)
        ws.sheet_state = "hidden"

    def build(self) -> None:
        self.guide_sheet()
        self.inputs_sheet("基本信息", "基本信息", [k for k, s in self.rs.inputs.items() if s.sheet == "基本信息"])
        self.budget_sheet()
        ranges = self.indicator_sheet()
        self.score_sheet(ranges)
        self.rules_sheet()
        self.summary_sheet()
        self.protect()
        self.meta_sheet()


def build_template(rule_set: RuleSet, base: Path | None = None):
    """The template workbook (openpyxl) for `rule_set`; `base` is an .xlsm to build into."""
    if base is None:
        wb = Workbook()
        wb.remove(wb.active)
    else:
        wb = load_workbook(base, keep_vba=True)
    _Builder(rule_set, wb).build()
    if base is not None:
        _configure_xlwings(wb)
    return wb


def _configure_xlwings(wb) -> None:
    """xlwings' quickstart workbook: drop its empty sheet, enable and fill its config sheet."""
    if "Sheet1" in wb.sheetnames:
        wb.remove(wb["Sheet1"])
    conf = wb["_xlwings.conf"] if "_xlwings.conf" in wb.sheetnames else wb["xlwings.conf"]
    conf.title = "xlwings.conf"
    for row in conf.iter_rows(min_col=1, max_col=2):
        if row[0].value == "UDF Modules":
            row[1].value = "udfs.xl"
    wb.move_sheet(conf, offset=len(wb.sheetnames))
    wb.active = 0
