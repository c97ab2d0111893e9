"""`perfscore report`: the 自评报告 draft, in the structure real reports share — every numeric
sentence and the 绩效自评表 computed from the evaluation; what only the department can write
(职能, 问题, 措施) a marked 【请填写】.  python-docx, A4, 仿宋 body and 黑体 headings set
through w:eastAsia, page numbers in the footer."""
from __future__ import annotations

import unicodedata
from pathlib import Path

from ..core import rulesets
from ..core.errors import CellError
from ..core.evaluation import Evaluation
from ..core.rounding import excel_round
from ..core.submission import Submission
from ..files.atomic import atomic_output

FILL_IN = "【请填写】"
BODY_FONT, HEADING_FONT = "仿宋", "黑体"
CN_NUMBERS = "一二三四五六七八九十"
DIRECTION_WORDS = {">=": "大于等于", ">": "大于", "=": "等于", "<=": "小于等于", "<": "小于"}


def money(x: float) -> str:
    return f"{x:,.2f}"


def percent(fraction: float) -> str:
    return f"{excel_round(fraction * 100, 2):.2f}%"


def score(x: float | None) -> str:
    return "—" if x is None else f"{x:.2f}"


def cn(n: int) -> str:
    return CN_NUMBERS[n - 1] if n <= 10 else str(n)


class _Figures:
    """The data's amounts as numbers (万元) and its rates recomputed from them; None when not given."""

    def __init__(self, data: dict, rule_set):
        self.sub = Submission(rule_set, data.get("inputs", {}))
        self.rule_set = rule_set

    def amount(self, key: str) -> float | None:
        if key not in self.rule_set.inputs or not self.sub.given(key):
            return None
        try:
            return float(self.sub.value(key))
        except (CellError, TypeError, ValueError):
            return None

    def rate(self, key: str) -> float | None:
        if key not in self.rule_set.rates or not self.sub.rate_given(key):
            return None
        try:
            return self.sub.rate(key)[0]
        except CellError:
            return None


def sentences(data: dict, evaluation: Evaluation) -> dict[str, list[str]]:
    """The numeric paragraphs of each section, from the data and its evaluation."""
    rs = rulesets.load(evaluation.rule_set)
    f = _Figures(data, rs)
    year = data.get("fiscal_year") or ""
    out: dict[str, list[str]] = {"budget": [], "management": [], "performance": [], "conclusion": []}
    a = f.amount
    initial, adjust, total, spend = a("budget_initial"), a("budget_adjust"), a("budget_total"), a("spend_total")
    if initial is not None:
        out["budget"] += ["1. 年初预算安排情况", f"{year}年我部门年初预算数为 {money(initial)} 万元。"]
    if initial is not None and adjust is not None and total is not None:
        line = f"我部门年初预算数 {money(initial)} 万元，年中调整数 {money(adjust)} 万元，调整后全年预算数 {money(total)} 万元"
        rate = f.rate("adjust_rate")
        out["budget"] += ["2. 预算调整情况", line + (f"，预算调整率 {percent(rate)}。" if rate is not None else "。")]
    if spend is not None and total is not None:
        line = f"全年预算数为 {money(total)} 万元"
        line += _by_source(a, ("budget_superior", "budget_local", "budget_other")) + "。"
        line += f"全年实际支出 {money(spend)} 万元"
        rate = f.rate("exec_rate")
        line += f"，预算执行率为 {percent(rate)}" if rate is not None else ""
        out["budget"] += ["3. 全年预算执行情况", line + _by_source(a, ("spend_superior", "spend_local", "spend_other")) + "。"]
    for scope, budget_key, spend_key, rate_key, noun, rate_word in (
            ("基本支出", "basic_budget", "basic_spend", "basic_exec_rate", "基本支出全年预算数", "基本支出预算执行率"),
            ("项目支出", "project_budget", "project_spend", "project_exec_rate", "项目支出全年预算数", "项目支出预算执行率"),
            ("“三公”经费", "sangong_budget", "sangong_spend", "sangong_control_rate", "“三公”经费预算数",
             "“三公”经费控制率"),
            ("日常公用经费", "public_budget", "public_spend", "public_control_rate", "日常公用经费预算数",
             "日常公用经费控制率"),
            ("政府采购", "procurement_plan", "procurement_spend", "procurement_rate", "政府采购预算数",
             "政府采购执行率")):
        b, s = a(budget_key), a(spend_key)
        if b is None or s is None:
            continue
        rate = f.rate(rate_key)
        spent = "实际政府采购数" if scope == "政府采购" else "实际支出"
        line = f"{year}年{noun}为 {money(b)} 万元，{spent} {money(s)} 万元"
        out["management"].append(line + (f"，{rate_word}为 {percent(rate)}。" if rate is not None else "。"))
    items = {i["id"]: i for i in evaluation.items}
    if "budget_execution" in items and total is not None and spend is not None and f.rate("exec_rate") is not None:
        out["performance"].append(
            f"我部门{year}年全年预算数为 {money(total)} 万元，执行数为 {money(spend)} 万元，预算执行率为 "
            f"{percent(f.rate('exec_rate'))}，得 {score(items['budget_execution']['score'])} 分。")
    if evaluation.total is not None:
        out["conclusion"].append(f"{year}年度部门整体支出绩效自评综合得分 {score(evaluation.total)} 分，"
                                 f"评价结果为“{evaluation.grade}”。")
    return out


def _by_source(amount, keys: tuple[str, str, str]) -> str:
    """"，其中：上级资金 a 万元，本级资金 b 万元，其他资金 c 万元" when all three are given."""
    values = [amount(k) for k in keys]
    if any(v is None for v in values):
        return ""
    return "，其中：" + "，".join(f"{w} {money(v)} 万元" for w, v in zip(("上级资金", "本级资金", "其他资金"), values))


def _unit(row: dict) -> str:
    """The unit to write after an indicator's figures: none where the target is text ("95%")."""
    return "" if isinstance(row.get("target"), str) else str(row.get("unit") or "")


def _shown(value: object, unit: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return unicodedata.normalize("NFKC", value).strip()
    return f"{value:g}{unit}"


def _percent_text(value: object) -> str:
    """A coefficient as the report states it: "100%" (0.8 and "80%" alike)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value * 100:g}%" if value <= 1 else f"{value:g}%"
    return _shown(value)


def indicator_paragraphs(data: dict, evaluation: Evaluation) -> list[tuple[str, str]]:
    """(heading, paragraph) of each indicator, in the seeds' pattern."""
    from ..core.parsing import parse_direction
    out = []
    rows = data.get("indicators", [])
    for result in evaluation.indicators:
        row = rows[result["row"] - 1] if result["row"] <= len(rows) else {}
        unit = _unit(row)
        try:
            direction = parse_direction(row.get("direction"))
        except CellError:
            direction = None
        name = str(row.get("name") or f"指标{result['row']}")
        if direction == "定性":
            coefficient = row.get("coefficient", row.get("actual"))
            target = f"该指标为定性指标，评价档次为“{_shown(row.get('target'))}”"
            if coefficient is not None:
                target += f"，评价系数 {_percent_text(coefficient)}"
        else:
            target = (f"该指标预期指标值{DIRECTION_WORDS.get(direction, '为')} {_shown(row.get('target'), unit)}，"
                      f"本次评价完成值为 {_shown(row.get('actual'), unit)}")
        text = f"{name}：{target}"
        if result.get("completion") is not None and direction != "定性":
            text += f"，完成率 {excel_round(result['completion'] * 100, 2):.2f}%"
        reason = str(row.get("deviation_reason") or "").strip().rstrip("。.") or "无"
        text += f"。偏差原因：{reason}。该指标权重分值为 {_shown(row.get('weight'))} 分，自评得分 {score(result['score'])} 分。"
        group = str(row.get("level1") or "").strip()
        heading = f"（{cn(result['row'])}）{group + '：' if group else ''}指标{cn(result['row'])}"
        out.append((heading, text))
    return out


def write_report(data: dict, evaluation: Evaluation, output: str | Path) -> None:
    """The draft report at `output` (written whole or not at all)."""
    import docx
    document = _document(docx)
    rs = rulesets.load(evaluation.rule_set)
    dept = str(data.get("dept_name") or FILL_IN)
    year = data.get("fiscal_year") or ""
    parts = sentences(data, evaluation)
    _title(document, f"{dept}部门整体支出绩效自评报告", f"（{year}年度）")
    _para(document, f"部门单位名称（公章）：{dept}")
    _para(document, f"填报时间：{FILL_IN}")
    _heading(document, "一、基本情况")
    _heading(document, "（一）部门单位基本情况", 2)
    _para(document, f"1. 主要职能：{FILL_IN}")
    _para(document, f"2. 机构设置及人员构成：{FILL_IN}")
    _heading(document, "（二）部门单位整体预算规模及安排情况", 2)
    for line in parts["budget"] or [f"预算数据：{FILL_IN}"]:
        _para(document, line)
    _heading(document, "二、部门单位整体支出管理及使用情况")
    for line in parts["management"] or [f"基本支出、项目支出及“三公”经费情况：{FILL_IN}"]:
        _para(document, line)
    _heading(document, "三、部门单位整体支出绩效分析")
    for line in parts["performance"]:
        _para(document, line)
    for heading, text in indicator_paragraphs(data, evaluation):
        _heading(document, heading, 2)
        _para(document, text)
    _heading(document, "四、评价结论")
    for line in parts["conclusion"] or [f"综合得分：{FILL_IN}"]:
        _para(document, line)
    _heading(document, "五、存在的主要问题及原因分析")
    _para(document, FILL_IN)
    _heading(document, "六、改进措施和建议")
    _para(document, FILL_IN)
    _heading(document, "附表：部门整体支出绩效自评表")
    rows = [(r.level1, r.level2, r.level3, f"{r.weight:g}", score(i["score"]))
            for r, i in zip(rs.rows, evaluation.items)]
    rows.append(("合计", "", "", f"{sum(r.weight for r in rs.rows):g}", score(evaluation.total)))
    _table(document, ("一级指标", "二级指标", "三级指标", "分值", "得分"), rows, (28, 32, 54, 20, 20))
    if evaluation.indicators:
        _para(document, "")
        _heading(document, "附表：绩效指标完成情况", 2)
        indicator_rows = []
        for result in evaluation.indicators:
            row = data.get("indicators", [])[result["row"] - 1]
            unit = _unit(row)
            completion = "—" if result.get("completion") is None else f"{result['completion'] * 100:.2f}%"
            qualitative = _shown(row.get("direction")) == "定性"
            actual = _percent_text(row.get("coefficient", row.get("actual"))) if qualitative else \
                _shown(row.get("actual"), unit)
            indicator_rows.append((str(result["row"]), str(row.get("level1") or ""), str(row.get("name") or ""),
                                   _shown(row.get("direction")), _shown(row.get("target"), unit),
                                   actual, completion, _shown(row.get("weight")),
                                   score(result["score"])))
        _table(document, ("序号", "一级指标", "指标名称", "指标性质", "目标值", "实际完成值", "完成率", "权重(分)",
                          "得分(分)"), indicator_rows, (9, 16, 33, 10, 18, 18, 18, 14, 18))
    with atomic_output(output) as tmp:
        document.save(str(tmp))


# ------------------------------------------------------------------ python-docx details
def _east_asian(style_or_run, font: str) -> None:
    from docx.oxml.ns import qn
    element = style_or_run.element
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attribute in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        fonts.set(qn(attribute), font)


def _document(docx):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(25)
    section.left_margin = section.right_margin = Mm(28)
    normal = document.styles["Normal"]
    normal.font.size = Pt(14)
    _east_asian(normal, BODY_FONT)
    normal.paragraph_format.first_line_indent = Pt(28)
    normal.paragraph_format.line_spacing = 1.5
    for name in ("Title", "Heading 1", "Heading 2"):
        style = document.styles[name]
        _east_asian(style, HEADING_FONT)
        style.font.color.rgb = None
        style.font.bold = name != "Heading 2"
        style.font.size = Pt({"Title": 20, "Heading 1": 16, "Heading 2": 14}[name])
        style.paragraph_format.first_line_indent = Pt(0)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = footer.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
    return document


def _title(document, title: str, subtitle: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    for text in (title, subtitle):
        p = document.add_paragraph(text, style="Title")
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _heading(document, text: str, level: int = 1) -> None:
    document.add_paragraph(text, style=f"Heading {level}")


def _para(document, text: str) -> None:
    document.add_paragraph(text)


def _table(document, header: tuple[str, ...], rows: list[tuple[str, ...]], widths_mm: tuple[int, ...]) -> None:
    from docx.shared import Mm, Pt
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for values in rows:
        for cell, text in zip(table.add_row().cells, values):
            cell.text = text
    for column, width in zip(table.columns, widths_mm):   # LibreOffice reads the grid, Word the cells
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm):
            cell.width = Mm(width)
            for p in cell.paragraphs:
                p.paragraph_format.first_line_indent = Pt(0)
                for run in p.runs:
                    run.font.size = Pt(10.5)
