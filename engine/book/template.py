"""Build a template workbook from a rule set (SPEC 6).  Templates are generated, never
hand-edited: sheets, defined names, the Indicators table, styles, validation, _meta.

The sheets are written by sheets_inputs (what a department fills) and sheets_scoring
(what scores); this module adds the guide, the summary, protection and _meta."""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment

from ..core import VERSION
from ..core.rulesets import RuleSet
from . import canonical
from .formulagen import FormulaBuilder, blank_safe
from .layout import CODE_NAMES, META, SHEETS, TEMPLATE_VERSION
from .names import rate_name
from .printing import print_setup
from .sheets_inputs import basic_sheet, budget_sheet
from .sheets_scoring import indicator_groups, indicator_sheet, rules_sheet, score_sheet
from .sheetwriter import TITLE, SheetWriter

__all__ = ["SHEETS", "build_template", "build_template_file", "fingerprint", "formula_cells", "name_targets"]


def formula_cells(wb) -> dict[tuple[str, str], str]:
    """(sheet, "B7") → formula of every formula cell of an openpyxl workbook."""
    return {(ws.title, cell.coordinate): cell.value for ws in wb.worksheets for row in ws.iter_rows()
            for cell in row if cell.data_type == "f" and isinstance(cell.value, str)}


def name_targets(wb) -> dict[str, str]:
    """Every workbook-level defined name → its target."""
    return {name: defined.attr_text for name, defined in wb.defined_names.items()}


def fingerprint(wb) -> tuple[str, int]:
    """canonical.fingerprint of an openpyxl workbook (what _meta records), and its formula count."""
    formulas = formula_cells(wb)
    return canonical.fingerprint(formulas, name_targets(wb)), len(formulas)


def summary_sheet(w: SheetWriter) -> None:
    ws = w.sheets["汇总"]
    ws["A1"], ws["A1"].font = "汇总", TITLE
    w.header(ws, 3, ["项目", "值"], [24, 40])
    rows = [("部门（单位）名称", f"={blank_safe('dept_name')}", None),
            ("评价年度", f"={blank_safe('fiscal_year')}", None),
            ("评分框架", f"{w.rs.title}（{w.rs.id} {w.rs.version}）", None),
            ("计算总分", "=total", "0.00"),
            ("自评总分", f"={blank_safe('self_total')}", "0.00"),
            ("等级", "=grade", None),
            ("预算执行率", f"={rate_name('exec_rate')}", "0.00%")]
    for r, (label, value, fmt) in enumerate(rows, 4):
        ws.cell(row=r, column=1, value=label)
        if value.startswith("="):
            w.formula_cell(ws, f"B{r}", value, fmt)
        else:
            ws.cell(row=r, column=2, value=value)


HOW_IT_COMPUTES = {
    "udf": "3. 计算得分由 Python 函数（xlwings）计算：=PERF_SCORE、=EXEC_RATE、=TIER_SCORE、=PERF_TOTAL 等。缺少输入时单元格显示 #N/A 及缺少的项目。",
    "native": "3. 计算得分全部由普通公式计算（IF、MIN、ROUND 等），在 WPS、LibreOffice 和任何版本的 Excel 中即时显示，无需 Python 或宏。缺少输入或填写有误时得分显示 #N/A。",
}


def grade_words(rule_set) -> str:
    """The rule set's grade bands in words: ≥90 优，≥80 良，≥60 中，其余为差."""
    bands = [f"≥{t.bound:g} {t.points}" for t in rule_set.grade_bands if t.op != "else"]
    rest = [str(t.points) for t in rule_set.grade_bands if t.op == "else"]
    return "，".join(bands + [f"其余为{r}" for r in rest])


def guide_sheet(w: SheetWriter) -> None:
    ws = w.sheets["填报说明"]
    ws.column_dimensions["A"].width = 110
    lines = [
        (f"{w.rs.title} — 填报说明", TITLE),
        (f"评分框架 {w.rs.id}，版本 {w.rs.version}；模板版本 {TEMPLATE_VERSION}。本模板由 perfscore 生成，请勿修改公式。", None),
        ("1. 黄色单元格为填写项，绿色单元格为公式（自动计算，已锁定）。金额单位为万元；比率可填 96.64% 或 0.9664。", None),
        ("2. 在“基本信息”“预算数据”填写部门情况与预算执行数据；在“绩效指标”逐行填写个性指标；在“评分表”填写评分依据与各项自评得分。", None),
        (HOW_IT_COMPUTES[w.formulas.flavour], None),
        (f"4. 各项得分保留两位小数，总分为各项得分之和；{grade_words(w.rs)}。", None),
        ("5. “评分规则”表列出全部评分参数（分值、分档、限额），由评分框架规定，请勿修改：财政部门复核时按评分框架计分，"
         "并列出被修改的参数。财政部门调整参数，请修改评分框架文件（.toml）后重新生成模板。", None),
        ("6. 报送后，财政部门用 perfscore recalc 重新计算本表，并核对自评得分、报告填写的比率与计算结果是否一致。", None),
    ]
    for r, (text, font) in enumerate(lines, 1):
        ws.cell(row=r, column=1, value=text).alignment = Alignment(wrap_text=True)
        if font:
            ws.cell(row=r, column=1).font = font


def protect(w: SheetWriter) -> None:
    for name in ("基本信息", "预算数据", "绩效指标", "评分表", "汇总", "填报说明"):
        ws = w.sheets[name]
        ws.protection.sheet = True
        ws.protection.formatColumns = False
        ws.protection.formatRows = False


def meta_sheet(w: SheetWriter) -> None:
    digest, count = fingerprint(w.wb)
    ws = w.wb.create_sheet(META)
    for r, (key, value) in enumerate([
            ("rule_set", w.rs.id), ("rule_set_version", w.rs.version),
            ("template_version", TEMPLATE_VERSION), ("formula_flavour", w.formulas.flavour),
            ("formula_fingerprint", digest),
            ("formula_count", count), ("generator", f"perfscore {VERSION}")], 1):
        ws.cell(row=r, column=1, value=key)
        ws.cell(row=r, column=2, value=value)
    ws.sheet_state = "hidden"


def build_template(rule_set: RuleSet, base: Path | None = None, flavour: str = "udf"):
    """The template workbook (openpyxl) for `rule_set`; `base` is an .xlsm to build into;
    `flavour` "udf" (the catalogue's functions through xlwings) or "native" (ordinary
    spreadsheet functions only)."""
    from .native import FLAVOURS, NativeFormulaBuilder
    if flavour not in FLAVOURS:
        raise ValueError(f"公式类型应为 {' 或 '.join(FLAVOURS)}：{flavour}")
    if base is None:
        wb = Workbook()
        wb.remove(wb.active)
    else:
        wb = load_workbook(base, keep_vba=True)
    builder = NativeFormulaBuilder if flavour == "native" else FormulaBuilder
    w = SheetWriter(rule_set, wb, builder(rule_set, indicator_groups(rule_set)))
    guide_sheet(w)
    basic_sheet(w)
    budget_sheet(w)
    indicator_sheet(w)
    score_sheet(w)
    rules_sheet(w)
    summary_sheet(w)
    protect(w)
    meta_sheet(w)
    if base is not None:
        _configure_xlwings(wb)
    for ws in wb.worksheets:
        ws.sheet_properties.codeName = CODE_NAMES.get(ws.title, ws.sheet_properties.codeName)
    print_setup(wb)
    return wb


def build_template_file(rule_set: str, output: str | Path, flavour: str = "udf") -> None:
    """A template .xlsx, or with an .xlsm name the xlwings workbook (VBA kept), written atomically."""
    from ..core import rulesets
    from .fill import save_atomic
    base = None
    if str(output).lower().endswith(".xlsm"):
        from workbook import xlwings_base
        base = xlwings_base()
    save_atomic(build_template(rulesets.load(rule_set), base, flavour), output)


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
