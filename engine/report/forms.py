"""The 自评表 forms in a report, read by their headers (tables first): the funds block — 年初预算数,
全年预算数, 全年执行数, 分值, 执行率, 得分 of 年度资金总额 — and the indicator block — 一级/二级/三级
指标, 年度指标值, 实际完成值, 分值, 得分 — and the 总分 row.

Which header word names which column is data (templates/_report_forms.toml).  A figure is
taken from the cell of its column only; the figures a form gives are kept out of the
sentence readers (their labels are a table's, not a sentence's).  The funds block's rows are read
in form_funds.py, the indicator block's in form_indicators.py, into form_records.py's records.
"""
from __future__ import annotations

import re

from .form_funds import add_points, amounts_under, funds_row, one_total, under_the_total, yuan_stated_above
from .form_indicators import indicator_row, said_row
from .form_records import AMOUNT_COLUMNS, Forms, FundsTable, one_figure
from .numbers import Number
from .placing import goes_on, marks_only, rejoined, row_name, row_shift, sign_apart
from .plain import BARE_NUMBER, BONUS_ROW, IN_WAN, IN_YUAN, kind_stated
from .tables import table_lines
from .vocabulary import column_of, form_header, key as _key, vocabulary, words

_YUAN_CELL = re.compile(r"[^\d]{0,8}" + IN_YUAN.pattern)   # a funds block's cell "（元）", "项目资金（元）"
_AMOUNT_CELL = re.compile(r"\s*[-+]?[\d,]*\.?\d+\s*(?:万元|万|元)?\s*")
_WAN_CELL = re.compile(r"\s*[\d,]*\.?\d+\s*万\s*")
_POINTS_IN_HEADER = re.compile(r"[(（]\s*\d+(?:\.\d+)?\s*分")
_PLACEHOLDER = re.compile(r"[-—–－/／…\s]*|无|——")


_PAIR = re.compile(r"\s*/\s*")


def _paired_column(cells: list[str]) -> int | None:
    """A header's cell naming two indicator columns one "/" apart (指标值/实际值, 目标值/完成值): where it stands."""
    return next((i for i, c in enumerate(cells) if len(halves := _PAIR.split(c.strip())) == 2
                 and column_of(halves[0], "indicators") == "target" and column_of(halves[1], "indicators") == "actual"), None)


def _pair_named(cells: list[str], at: int) -> list[str]:
    return cells[:at] + _PAIR.split(cells[at].strip()) + cells[at + 1:]


def _pair_split(cells: list[str], placed: list, at: int) -> tuple[list[str], list]:
    """A row's cell under such a header: "≤100% / 92.00%" its target and what was achieved; one value alone ("98.06%",
    "健全") what was achieved. The figures after it move one column on."""
    if at >= len(cells):
        return cells, placed
    halves = _PAIR.split(cells[at].strip()) if re.search(r"\S\s*/\s*\S", cells[at]) else ["", cells[at].strip()]
    if len(halves) != 2:
        return cells, placed
    in_first = len(re.findall(r"\d+(?:\.\d+)?", halves[0]))
    moved, seen = [], 0
    for index, n in placed:
        if index == at:
            moved.append((at if seen < in_first else at + 1, n))
            seen += 1
        else:
            moved.append((index + 1 if index > at else index, n))
    return cells[:at] + halves + cells[at + 1:], moved


def _funds_go_on(cells: list[str], placed: list, width: int) -> bool:
    """A funds row after a line of words (a cell of the row above wrapped: "…最高" / "不得超过分值上限。"): a 其中 or a
    source's row of the header's width, named, with two figures at least."""
    return abs(len(cells) - width) <= 1 and bool(cells[0].strip()) and not re.search(r"\d", cells[0]) \
        and len(placed) >= 2 and (cells[0].strip().startswith("其中") or _SOURCE_ROW.search(cells[0].strip()) is not None)


_SOURCE_ROW = re.compile(r"(?:资金|拨款|结转|结余|收入|经费)$")    # a source's row: 县级资金, 上年结转 …


def read_forms(text: str, figures: list[Number]) -> Forms:
    forms = Forms()
    block: str | None = None
    columns: dict[int, str] = {}
    width = 0
    level1 = ""
    in_percent: set[int] = set()
    in_yuan = False
    yuan_columns: set[int] | None = None   # the columns in 元 when the header gives each its unit
    unitless: list[Number] = []       # a funds block's amounts read without a unit
    after_header = False              # the line before was a header's
    suspended: str | None = None      # an indicator block a line of words broke off ("产出 / 指标", a rule)
    totalled = False                  # the line before was an indicator block's 合计 row (its end)
    points: Number | None = None      # a funds header's own points for the execution (…（20分）)
    points_columns: list[int] = []    # a 评分表's 分值 columns, each level's
    pair_at: int | None = None        # the header's cell of two columns (指标值/实际值), its rows' cells split
    for line in rejoined(list(table_lines(text, figures))):
        if line is None:
            if after_header and block == "funds":
                continue          # (the header's first cell broken onto a line of its own: "项目预算执行" / "情况（10分）")
            after_header = False
            if block is not None:
                suspended, block = block if block in ("indicators", "funds") else None, None
            continue
        cells, placed = line
        if totalled and under_the_total(forms, cells, placed, columns):
            continue          # "| 扣分项 | | 安全生产责任事故 | — | 每起扣1分 | 1起 | -1 |", "| 最终得分 | | 95.46 |"
        totalled = False
        paired = _paired_column(cells)
        if paired is not None:          # 指标值/实际值: one column a header gives two
            pair_at, cells = paired, _pair_named(cells, paired)
        elif pair_at is not None and block == "indicators":
            cells, placed = _pair_split(cells, placed, pair_at)
        cells = ["" if _PLACEHOLDER.fullmatch(c.strip()) else c for c in cells]   # "——", "/": an empty cell
        header = form_header(cells)
        if header and paired is None:
            pair_at = None
        after_header = after_header and bool(header)
        if block is None and suspended == "funds" and not header and sum(1 for c in cells if c.strip()) >= 3 \
                and not any(re.search(r"\d", c) for c in cells):
            suspended = None          # another table's header of words (项目 | 预算数 | 决算数 | 上年决算数 | 增减率): the
            # funds form above does not go on under it
        if block is None and suspended and not header and (goes_on(cells, columns, width) if suspended == "indicators"
                                                           else _funds_go_on(cells, placed, width)):
            block = suspended         # a row that fits the form's columns: the form goes on
        if header:
            if after_header and header[0] == block:      # a header's second line: one header
                header = (block, _two_lines(columns, header[1]))
            (block, columns), level1 = header, ""
            weights = [i for i, c in enumerate(cells) if block in ("scores", "indicators") and column_of(c, block) == "weight"]
            if len(weights) > 1:     # 一级 | 分值 | 二级 | 分值 | 三级 | 分值 | 得分: a row's own 分值 is the last one's
                columns = {**{i: c for i, c in columns.items() if c != "weight"}, weights[-1]: "weight"}
            points_columns = weights      # (the 合计 row's 100 stands under the first)
            width = max(len(cells), width if after_header else 0, max(columns) + 1)
            after_header = True
            if block == "funds":   # its 其中 rows are its own total's
                listing = any(_key(c) in vocabulary()["funds"]["listing"] for c in cells[:2])
                forms.funds_tables.append(FundsTable(listing=listing))
            in_percent = {i for i, c in enumerate(cells) if re.search(r"[(（]\s*%\s*[)）]", c)}   # 执行率（%）
            in_yuan = block == "funds" and any(IN_YUAN.search(c) for c in cells)  # 项目资金（元）
            # … or its columns each say theirs (预算数（万元） | 执行数（元）): those in 元 only
            yuan_columns = {i for i, c in enumerate(cells) if IN_YUAN.search(c)} \
                if in_yuan and any(IN_WAN.search(c) for c in cells) else None
            unitless = []
            # 预算执行情况（20分）, 得分（20分*执行率）: the execution's points, stated in the header
            points = next((n for i, n in placed if block == "funds" and _POINTS_IN_HEADER.search(cells[i])), None)
            continue
        if block is None or marks_only(cells):
            continue
        if block == "funds" and sum(1 for c in cells if c.strip()) >= 3 and not any(re.search(r"\d", c) for c in cells):
            block = None       # a row of words only (年度主要任务 | 任务名称 | 预算数 | 执行数): another table's
            continue           # header — its rows are no 其中 of the 年度资金总额
        if words()["signature"].match(cells[0].strip()):
            block = suspended = None          # 项目负责人 | 填报日期: the form's foot, no row of it
            continue
        if len(cells) > width + 1:
            continue     # two cells or more beyond its header (the header's other half on a line above):
            # which figure stands under which word is not known, so nothing is read (precision first)
        if block == "indicators":
            cells, placed = sign_apart(cells, placed, columns, width)
        shift = row_shift(cells, columns, width, block)
        by_column: dict[str, list[Number]] = {}
        for index, n in placed:
            column = columns.get(index - shift)
            if column:
                if block == "funds" and not n.unit and column in AMOUNT_COLUMNS \
                        and _WAN_CELL.fullmatch(cells[index]):
                    n.unit = "万元"        # "4862.50万" in a funds table: 万元, as its header says
                elif index - shift in in_percent and not n.unit or block == "funds" and column == "exec_rate" \
                        and not n.unit and n.decimals >= 1 and 30 <= n.value <= 150 and BARE_NUMBER.fullmatch(cells[index].strip()):
                    # a bare figure under 执行率（%） — or under a funds block's 执行率, one a rate's shape (96.75; not 0.9675,
                    # nor the 分值 10 or the 得分 9.91 of a row short of a cell): a rate
                    n.unit = "%"
                elif in_yuan and not n.unit and column in AMOUNT_COLUMNS \
                        and (yuan_columns is None or index - shift in yuan_columns):
                    n.unit = "元"         # an amount of a table in 元 (read as 万元 by facts.amount)
                elif block == "funds" and not n.unit and column in AMOUNT_COLUMNS:
                    unitless.append(n)
                by_column.setdefault(column, []).append(n)
        if block == "funds" and not in_yuan and (any(_YUAN_CELL.fullmatch(c.strip()) for c in cells)
                                                 or unitless and yuan_stated_above(text, unitless[0].start)):
            in_yuan = True                # 项目资金 over （元） in a merged cell left of the rows: the
            for n in unitless:            # block's amounts so far are in 元 too
                n.unit = "元"
        text_of = {column: cells[i + shift] for i, column in columns.items() if 0 <= i + shift < len(cells)}
        totals = vocabulary()[block]["total_rows"]
        name = next((c.strip() for c in cells[:2] if _key(c) in totals), None) \
            or (_shifted_total(cells, totals) if block == "indicators" else None) or row_name(cells, columns, shift)
        if block == "funds":
            for column in AMOUNT_COLUMNS:     # an amount is its cell's whole text ("4.2万平方米物业服务" is none)
                if column in by_column and not _AMOUNT_CELL.fullmatch(text_of.get(column, "")):
                    del by_column[column]
            if points is not None and "score" in by_column and "weight" not in by_column:
                by_column["weight"] = [points]
            funds_row(forms, name, by_column, cells[0].strip())
            score = one_figure(by_column, "score")
            if forms.funds_tables[-1].listing and score is not None and not score.is_rate \
                    and _key(name) not in totals and not _key(name).startswith("其中"):
                forms.projects.append((name, score, text_of.get("grade", "").strip()))   # a project's score
        elif (bonus := next((m for c in cells[:2] if (m := BONUS_ROW.match(_key(c)))), None)) is not None:
            added = one_figure(by_column, "score") or (placed[-1][1] if len(placed) == 1 else None)
            if added is not None and not added.is_rate:     # "| 加分项 | 获评省级示范站 | … | 1 |", "| 扣分项 | … | -1 |"
                add_points(forms, bonus, added)
        elif block == "scores":    # the items are read by the sentence and table readers; the total here
            weight, score = one_figure(by_column, "weight"), one_figure(by_column, "score")
            forms.rows_in_order.append(("", name, weight, score))
            if score is None and len(placed) == 1 and _key(name) in vocabulary()["scores"]["total_rows"] \
                    and forms.total is not None:
                weight, score = None, placed[0][1]   # ("最终得分 | 89.38 | 等级：优" under a 合计: its one figure, set left)
            if _key(name) in vocabulary()["scores"]["total_rows"] and score is not None:
                weight = weight or next((n for i, n in placed if i - shift in points_columns), None)
                # (a 合计 row, points taken off, then the 自评总分 after them: the 分值 are the 合计 row's)
                forms.total, forms.total_weight = score, weight or (forms.total_weight if forms.bonus else None)
            elif weight is not None and score is not None and not (weight.is_rate or score.is_rate):
                forms.score_rows.append((weight, score))
                before = [c.strip() for i, c in enumerate(cells) if i < _weight_at(columns, shift) and c.strip()]
                said_row(forms, before[-1] if before else name, text_of.get("said", ""), by_column.get("said", []),
                          weight, score, level1)     # (named by its last name cell: 三级指标's, not 一级's)
        else:
            forms.rows_in_order.append((text_of.get("level1", "").strip(), name, one_figure(by_column, "weight"),
                                        one_figure(by_column, "score")))
            level1 = text_of.get("level1", "").strip() or level1
            group = " ".join(c for c in cells if c.strip() != name).split(text_of.get("target") or "\0")[0]
            indicator_row(forms, name, text_of, by_column, level1, placed, group, text)
            if _key(name) in totals:
                block = suspended = None      # the form ends at its 总分 row (a 填报人 line below is none of it)
                totalled = True
    _drop_misread(forms)
    listed = forms.headline_table is not None and forms.headline_table.listing and forms.headline_table.listed >= 2
    if listed and kind_stated(text) != "项目支出":
        forms.amounts.clear()     # a 部门整体 report's (or a 决算's) table of its projects: their 合计 is no headline
        forms.rates.clear()       # (… but the 执行率 row's 分值 and 得分 of a form after it are the form's)
        forms.execution = next((dict(t.execution) for t in forms.funds_tables if not t.listing and t.execution), {})
    # (a table listing projects whose 合计 is a part row of the form — its 项目支出 — is no form's total of its own)
    parts = [dict(row) for t in forms.funds_tables for _, row in t.parts]
    own = [t.total for t in forms.funds_tables if t.total is not None and not t.listing]
    # (… nor one whose every amount is under the form's own: a listing of a part's — its towns', its sub-projects')
    totals = [t.total for t in forms.funds_tables if t.total is not None
              and not (t.listing and any(one_total(t.total, p) for p in parts))
              and not (t.listing and any(amounts_under(t.total, o) for o in own))]
    if any(not one_total(a, b) for a in totals for b in totals):   # a form for each project: none of their totals is the report's (one total
        # said twice — a table of sub-projects' 合计, then the form's 年度资金总额 — is one)
        forms.amounts.clear()
        forms.rates.clear()
        forms.execution.clear()
        forms.total = forms.total_weight = None
    return forms


def _weight_at(columns: dict[int, str], shift: int) -> int:
    return next((i + shift for i, c in columns.items() if c == "weight"), 0)


def _shifted_total(cells: list[str], totals) -> str | None:
    """A 总分 row whose cells shifted — a reason cell of the row above carried into it ("| | | 投诉增多 | 总分 | 100 |
    89.44"): its total word after one cell of words at most, only figures after it."""
    at = next((i for i, c in enumerate(cells) if _key(c) in totals), None)
    if at is None or sum(1 for c in cells[:at] if c.strip()) > 1 \
            or any(c.strip() and not BARE_NUMBER.fullmatch(c.strip()) for c in cells[at + 1:]):
        return None
    return cells[at].strip()


def _two_lines(upper: dict[int, str], lower: dict[int, str]) -> dict[int, str]:
    """The columns of a header of two lines.  The lower line spelling out a merged upper cell and
    the cells before it (一级 | 二级 | 三级 | 指标性质 | 指标值 | 度量单位 under 绩效指标 | 年度指标值 |
    实际完成值 | 分值 | 得分, its cells run together from the left as a web page's copy leaves them):
    the lower line, then the upper columns after the one they share.  Else each lower word where
    it stands and the upper ones it does not name (年初预算数 | 全年预算数 under 预算数 | 执行数 |
    分值 | 执行率 | 得分)."""
    shared = [i for i, c in upper.items() if c in lower.values()]
    if shared:
        after = [c for i, c in sorted(upper.items()) if i > max(shared)]
        if after and not set(after) & set(lower.values()) and max(lower) >= max(upper):
            return {**lower, **{max(lower) + 1 + k: c for k, c in enumerate(after)}}
    return {**{i: c for i, c in upper.items() if c not in lower.values()}, **lower}


def _drop_misread(forms: Forms) -> None:
    """A form whose indicator rows' 分值 come to more than its whole (100, or its 总分 row's): its rows
    were read under the wrong columns (a target taken for a 分值) — none of them is kept, precision
    first; "which figure stands under which word is not known"."""
    whole = forms.total_weight.value if forms.total_weight is not None and forms.funds_totals <= 1 else 100.0
    for form in {row.form for row in forms.indicators}:
        rows = [row for row in forms.indicators if row.form == form]
        if sum(row.weight.value for row in rows if row.weight is not None) > whole + 0.5:
            forms.indicators = [row for row in forms.indicators if row.form != form]
