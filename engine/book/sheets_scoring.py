"""The sheets that score: 绩效指标 (the Indicators table), 评分表 (one row per scoring
item, computed beside self-reported) and 评分规则 (every parameter the formulas read)."""
from __future__ import annotations

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo

from ..core.indicators import DIRECTION_OPTIONS, INDICATOR_COLUMNS, INDICATOR_LABELS
from ..core.rulesets import RuleSet
from .formulagen import IndicatorGroup
from .layout import (COL, COMPLETION_COL, FIRST_INDICATOR_ROW, INDICATOR_HEADER_ROW, LAST_INDICATOR_ROW,
                     RULES_COL, RULES_HEADER_ROW, RULES_SHEET)
from .sheetwriter import BOLD, GREY, HEADER_FILL, TITLE, WRAP, SheetWriter
from .sheets_inputs import evidence_block, row_inputs

WIDE_COLUMNS = ("name", "deviation_reason", "improvement")


def indicator_groups(rule_set: RuleSet) -> tuple[IndicatorGroup, ...]:
    """Two hidden columns (weight, score) per indicators row, right of 完成率."""
    first = len(INDICATOR_COLUMNS) + 2
    return tuple(IndicatorGroup(row, get_column_letter(first + 2 * n), get_column_letter(first + 2 * n + 1))
                 for n, row in enumerate(rule_set.indicator_rows))


def indicator_sheet(w: SheetWriter) -> None:
    ws = w.sheets["绩效指标"]
    ws["A1"], ws["A1"].font = "绩效指标（个性指标）", TITLE
    ws["A2"] = ("指标性质填 ≥ > ＝ ≤ < 或 定性；定性指标的目标值填档次（达成年度指标/部分达成并具有一定效果/"
                "未达成且效果较差），定性系数填档次内的系数。没有三级指标名称的行不计分。")
    ws["A2"].alignment = WRAP    # across the table, wrapped: printed whole, not cut at the page's edge
    ws.merge_cells(f"A2:{COMPLETION_COL}2")
    for col, key in enumerate(INDICATOR_COLUMNS, 1):
        ws.cell(row=3, column=col, value=INDICATOR_LABELS[key]).font = BOLD
        ws.cell(row=3, column=col).fill = HEADER_FILL
        ws.cell(row=INDICATOR_HEADER_ROW, column=col, value=key).font = GREY
        ws.column_dimensions[get_column_letter(col)].width = 30 if key in WIDE_COLUMNS else 12
    ws.cell(row=3, column=len(INDICATOR_COLUMNS) + 1, value="完成率").font = BOLD
    ws.cell(row=INDICATOR_HEADER_ROW, column=len(INDICATOR_COLUMNS) + 1, value="completion").font = GREY
    for group in w.formulas.groups.values():
        for letter, label in ((group.weight_col, "权重"), (group.score_col, "得分")):
            ws[f"{letter}{INDICATOR_HEADER_ROW}"] = f"{group.row.id}_{label}"
            ws[f"{letter}{INDICATOR_HEADER_ROW}"].font = GREY
            ws.column_dimensions[letter].hidden = True
    for r in range(FIRST_INDICATOR_ROW, LAST_INDICATOR_ROW + 1):
        for key in INDICATOR_COLUMNS:
            if key != "score":
                w.input_cell(ws, f"{COL[key]}{r}", "rate" if key == "coefficient" else None)
        refuse = "指标性质应为 " + " ".join(DIRECTION_OPTIONS) if w.formulas.flavour == "native" else None
        w.validate(ws, f"{COL['direction']}{r}", list(DIRECTION_OPTIONS), refuse)
        for letter, formula in w.formulas.indicator_row(r).items():
            w.formula_cell(ws, f"{letter}{r}", formula, "0.00%" if letter == COMPLETION_COL else "0.00")
    w.indicator_rules(ws, FIRST_INDICATOR_ROW, LAST_INDICATOR_ROW)
    table = Table(displayName="Indicators", ref=f"A{INDICATOR_HEADER_ROW}:{COL['improvement']}{LAST_INDICATOR_ROW}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    ws.add_table(table)
    ws.freeze_panes = f"D{FIRST_INDICATOR_ROW}"


def score_sheet(w: SheetWriter) -> None:
    ws = w.sheets["评分表"]
    ws["A1"], ws["A1"].font = f"评分表：{w.rs.title}", TITLE
    w.header(ws, 3, ["一级指标", "二级指标", "三级指标", "分值", "评分标准", "计算得分", "自评得分"],
             [12, 22, 22, 8, 60, 12, 12])
    first = 4
    for i, row in enumerate(w.rs.rows):
        r = first + i
        for col, value in enumerate((row.level1, row.level2, row.level3, row.weight, row.standard), 1):
            ws.cell(row=r, column=col, value=value).alignment = Alignment(wrap_text=col == 5, vertical="top")
        w.formula_cell(ws, f"F{r}", w.formulas.row(row))
        w.name(f"score_{row.id}", "评分表", f"$F${r}")
        w.input_cell(ws, f"G{r}", None)
        ws[f"G{r}"].number_format = "0.00"
        w.name(f"self_{row.id}", "评分表", f"$G${r}")
        if w.formulas.flavour == "native":   # UDFs say why in the score cell itself
            w.formula_cell(ws, f"H{r}", w.formulas.hint(row, f"F{r}", row_inputs(w, row)), None)
            ws[f"H{r}"].alignment = Alignment(wrap_text=True, vertical="top")
    if w.formulas.flavour == "native":
        ws["H3"], ws["H3"].font, ws["H3"].fill = "提示", BOLD, HEADER_FILL
        ws.column_dimensions["H"].width = 36
    last = first + len(w.rs.rows) - 1
    r = last + 1
    ws.cell(row=r, column=3, value="合计").font = BOLD
    ws.cell(row=r, column=4, value=w.rs.total_weight)
    w.formula_cell(ws, f"F{r}", w.formulas.total(f"F{first}:F{last}"))
    w.name("total", "评分表", f"$F${r}")
    w.input_cell(ws, f"G{r}", None)
    w.name("self_total", "评分表", f"$G${r}")
    r += 1
    ws.cell(row=r, column=3, value="等级").font = BOLD
    w.formula_cell(ws, f"F{r}", w.formulas.grade(), None)
    w.name("grade", "评分表", f"$F${r}")
    w.input_cell(ws, f"G{r}", None, [t.points for t in w.rs.grade_bands])
    w.name("self_grade", "评分表", f"$G${r}")
    evidence_block(w, r + 2)
    ws.freeze_panes = "A4"


def rules_sheet(w: SheetWriter) -> None:
    """Every parameter the formulas read, in the order they were generated (layout.RULES_COLUMNS)."""
    ws = w.sheets[RULES_SHEET]
    ws["A1"], ws["A1"].font = "评分规则（修改参数即改变评分，Excel 与后台重算一致）", TITLE
    w.header(ws, RULES_HEADER_ROW, ["评分项", "参数", "值/条件", "分值", "名称"], [24, 36, 14, 10, 40])
    r = RULES_HEADER_ROW + 1
    _value_row(w, ws, r, "全部指标", "反向指标超出目标时的计分方法（ratio 或 deviation）", w.rs.reverse_method,
               "reverse_method")
    r += 1
    bands = [(t.bound if t.op != "else" else "else", t.points) for t in w.rs.grade_bands]
    r = _table_rows(w, ws, r, "等级", "等级分档（总分下限, 等级）", bands, "grade_bands")
    for param in w.formulas.params:
        if param.table:
            r = _table_rows(w, ws, r, param.row.level3, param.label, param.table, param.name)
        else:
            _value_row(w, ws, r, param.row.level3, param.label, param.value, param.name)
            r += 1


def _line(ws, r: int, **values) -> None:
    for column, value in values.items():
        ws[f"{RULES_COL[column]}{r}"] = value
    if "label" in values:
        ws[f"{RULES_COL['label']}{r}"].alignment = WRAP


def _value_row(w: SheetWriter, ws, r: int, owner: str, label: str, value: object, name: str) -> None:
    _line(ws, r, owner=owner, label=label, value=value, name=name)
    ws[f"{RULES_COL['name']}{r}"].font = GREY
    w.input_cell(ws, f"{RULES_COL['value']}{r}")
    w.name(name, RULES_SHEET, f"${RULES_COL['value']}${r}")


def _table_rows(w: SheetWriter, ws, r: int, owner: str, label: str, rows, name: str) -> int:
    first = r
    for cond, points in rows:
        _line(ws, r, owner=owner, label=label, value=cond, points=points)
        w.input_cell(ws, f"{RULES_COL['value']}{r}")
        w.input_cell(ws, f"{RULES_COL['points']}{r}")
        r += 1
    w.name(name, RULES_SHEET, f"${RULES_COL['value']}${first}:${RULES_COL['points']}${r - 1}")
    _line(ws, first, name=name)
    ws[f"{RULES_COL['name']}{first}"].font = GREY
    return r
