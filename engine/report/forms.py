"""The 自评表 forms in a report, read by their headers (tables first): the funds block — 年初预算数,
全年预算数, 全年执行数, 分值, 执行率, 得分 of 年度资金总额 — and the indicator block — 一级/二级/三级
指标, 年度指标值, 实际完成值, 分值, 得分 — and the 总分 row.

Which header word names which column is data (templates/_report_forms.toml).  A figure is
taken from the cell of its column only; the figures a form gives are kept out of the
sentence readers (their labels are a table's, not a sentence's).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..core.parsing import DIRECTIONS
from .dates import date_said
from .evidence import achieved_alone, figure_said_for, opening_match, sign_before, target_and_actual, target_explained
from .numbers import Number
from .placing import DIRECTION_CELL, goes_on, marks_only, rejoined, row_name, row_shift, sign_apart
from .plain import BARE_NUMBER, BONUS_ROW, IN_WAN, IN_YUAN, kind_stated
from .tables import table_lines
from .text import CELL
from .vocabulary import column_of, form_header, key as _key, vocabulary, words

_DIRECTION_WORDS = sorted(DIRECTIONS, key=len, reverse=True)
AMOUNT_COLUMNS = ("budget_initial", "budget_total", "spend_total")
_YUAN_CELL = re.compile(r"[^\d]{0,8}" + IN_YUAN.pattern)   # a funds block's cell "（元）", "项目资金（元）"
_AMOUNT_CELL = re.compile(r"\s*[-+]?[\d,]*\.?\d+\s*(?:万元|万|元)?\s*")
_WAN_CELL = re.compile(r"\s*[\d,]*\.?\d+\s*万\s*")
_POINTS_IN_HEADER = re.compile(r"[(（]\s*\d+(?:\.\d+)?\s*分")
_PLACEHOLDER = re.compile(r"[-—–－/／…\s]*|无|——")


@dataclass
class FormIndicator:
    name: str
    start: int
    level1: str = ""
    direction: str | None = None
    target: Number | None = None
    target_text: str = ""
    actual: Number | None = None
    actual_text: str = ""
    weight: Number | None = None
    score: Number | None = None
    reason: str = ""
    rule: str = ""               # the row's own scoring rule (评分标准), when the form gives one
    completion: Number | None = None   # its 完成率 column
    form: int = 0                # which form it stands in (the count of funds tables above it)
    previous: Number | None = None   # last year's figure in a column beside this year's (上年实际)


@dataclass
class FundsTable:
    total: dict[str, Number] | None = None       # its 年度资金总额 row's amounts, once read
    parts: list[tuple[str, dict[str, Number]]] = field(default_factory=list)   # its 其中 rows: name, amounts
    marks: list[str] = field(default_factory=list)     # each 其中 row's first cell (its 序号: 一, 1 …)
    listing: bool = False      # its first column names projects (项目名称): a list of them …
    listed: int = 0            # … and how many rows it lists
    execution: dict[str, Number] = field(default_factory=dict)   # its total row's 分值 and 得分 (the 执行率 item)
    rate: Number | None = None     # its total row's stated 执行率


@dataclass
class Forms:
    amounts: dict[str, Number] = field(default_factory=dict)   # budget_initial, budget_total, spend_total
    rates: dict[str, Number] = field(default_factory=dict)     # exec_rate
    execution: dict[str, Number] = field(default_factory=dict)  # the 执行率 item's weight and score
    indicators: list[FormIndicator] = field(default_factory=list)
    total: Number | None = None
    funds_row: str = ""                                         # "total" or "first": where the headline came from
    total_weight: Number | None = None                          # the 总分 row's 分值 (100)
    score_rows: list[tuple[Number, Number]] = field(default_factory=list)   # a 评分表's rows: 分值, 得分
    funds_tables: list[FundsTable] = field(default_factory=list)   # each funds table, in order
    headline_table: FundsTable | None = None                    # the one the headline figures came from
    projects: list[tuple[str, Number, str]] = field(default_factory=list)   # a listing's rows: name, 得分, 等级
    form_totals: list[tuple[int, Number, Number | None]] = field(default_factory=list)   # each form's 总分 row:
    # the form (the count of funds tables above it), its 得分 and its 分值
    bonus: list[float] = field(default_factory=list)    # a 加分项 row's points (+), a 扣分项's (−): in the 总分, no row's
    added: list[Number] = field(default_factory=list)   # the 加分项 rows' points as written (their places)
    after_total: int = 0    # how many of them stand under the 合计 row with no final score row after them: not in its sum
    # every row of a 评分表 or an indicator block, in order: its 一级 cell, its name, its 分值 and 得分 (group_rows.py)
    rows_in_order: list[tuple[str, str, Number | None, Number | None]] = field(default_factory=list)

    @property
    def funds_totals(self) -> int:
        """The 年度资金总额 rows read: one a form."""
        return sum(1 for table in self.funds_tables if table.total is not None)

    def score_rows_adding_up(self) -> list[Number] | None:
        """The scores of a 评分表's rows when their 分值 add up to its 合计 row's (so that the table
        itself says they are its parts: a table of 一级 and 二级 rows adds up to twice as much)."""
        if self.total is None or self.total_weight is None or len(self.score_rows) < 2:
            return None
        return _adding_up(self.score_rows, self.total_weight.value)

    def rows_adding_up(self) -> list[Number] | None:
        """The scores the 总分 row adds up — the 执行率 row's and every indicator's — when their
        分值 add up to the 总分 row's 分值 (so that the form itself says they are its parts)."""
        if self.total is None or self.total_weight is None:
            return None
        rows = [(self.execution.get("weight"), self.execution.get("score"))] if self.execution else []
        rows += [(i.weight, i.score) for i in self.indicators]
        return _adding_up(rows, self.total_weight.value)

    def each_form_adding_up(self) -> list[tuple[Number, list[Number]]]:
        """(总分, the scores it adds up) of each form of several — its 执行率 row's and its indicators' —
        whose rows' 分值 add up to its 总分 row's (or to 100)."""
        out = []
        for form, total, weight in self.form_totals if len(self.form_totals) > 1 else ():
            table = self.funds_tables[form - 1] if 0 < form <= len(self.funds_tables) else None
            rows = [(table.execution.get("weight"), table.execution.get("score"))] if table and table.execution else []
            # (a line of a wrapped cell read as a row of its own scores nothing: not one of its rows)
            rows += [(i.weight, i.score) for i in self.indicators if i.form == form and (i.weight or i.score)]
            scores = _adding_up(rows, weight.value if weight is not None else 100.0) if len(rows) >= 2 else None
            if scores is not None:
                out.append((total, scores))
        return out

    @property
    def used(self) -> set[int]:
        """The ids of the figures a form gave (kept out of the sentence readers)."""
        given = [*self.amounts.values(), *self.rates.values(), *self.execution.values(), self.total, self.total_weight]
        given += [n for row in self.score_rows for n in row]
        for row in self.indicators:
            given += [row.target, row.actual, row.weight, row.score]
        return {id(n) for n in given if n is not None}


def _adding_up(rows: list[tuple[Number | None, Number | None]], whole: float) -> list[Number] | None:
    """The scores of rows (分值, 得分), each with both, whose 分值 add up to `whole`; else None."""
    if not rows or any(w is None or s is None for w, s in rows) or abs(sum(w.value for w, _ in rows) - whole) >= 0.005:
        return None
    return [s for _, s in rows]


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
        if totalled and _under_the_total(forms, cells, placed, columns):
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
                                                 or unitless and _yuan_stated_above(text, unitless[0].start)):
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
            _funds_row(forms, name, by_column, cells[0].strip())
            score = _one(by_column, "score")
            if forms.funds_tables[-1].listing and score is not None and not score.is_rate \
                    and _key(name) not in totals and not _key(name).startswith("其中"):
                forms.projects.append((name, score, text_of.get("grade", "").strip()))   # a project's score
        elif (bonus := next((m for c in cells[:2] if (m := BONUS_ROW.match(_key(c)))), None)) is not None:
            added = _one(by_column, "score") or (placed[-1][1] if len(placed) == 1 else None)
            if added is not None and not added.is_rate:     # "| 加分项 | 获评省级示范站 | … | 1 |", "| 扣分项 | … | -1 |"
                _add_points(forms, bonus, added)
        elif block == "scores":    # the items are read by the sentence and table readers; the total here
            weight, score = _one(by_column, "weight"), _one(by_column, "score")
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
                _said_row(forms, before[-1] if before else name, text_of.get("said", ""), by_column.get("said", []),
                          weight, score, level1)     # (named by its last name cell: 三级指标's, not 一级's)
        else:
            forms.rows_in_order.append((text_of.get("level1", "").strip(), name, _one(by_column, "weight"),
                                        _one(by_column, "score")))
            level1 = text_of.get("level1", "").strip() or level1
            group = " ".join(c for c in cells if c.strip() != name).split(text_of.get("target") or "\0")[0]
            _indicator_row(forms, name, text_of, by_column, level1, placed, group, text)
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
              and not (t.listing and any(_one_total(t.total, p) for p in parts))
              and not (t.listing and any(_under(t.total, o) for o in own))]
    if any(not _one_total(a, b) for a in totals for b in totals):   # a form for each project: none of their totals is the report's (one total
        # said twice — a table of sub-projects' 合计, then the form's 年度资金总额 — is one)
        forms.amounts.clear()
        forms.rates.clear()
        forms.execution.clear()
        forms.total = forms.total_weight = None
    return forms


_A_RULE = re.compile(r"扣\s*\d|满分|不得分|分档|计分|得分")   # the words state a rule too ("…，按比例计分")


def _weight_at(columns: dict[int, str], shift: int) -> int:
    return next((i + shift for i, c in columns.items() if c == "weight"), 0)


def _said_row(forms: Forms, name: str, said: str, figures: list[Number], weight: Number, score: Number,
              level1: str) -> None:
    """A 评分表 row whose 评分说明 states its target and what was achieved: an indicator too."""
    evidence = target_and_actual(said, figures) if name else None
    if evidence is not None:
        row = FormIndicator(name, weight.start, level1, _direction(evidence.target_text), evidence.target,
                            evidence.target_text, evidence.actual, evidence.actual_text, weight, score,
                            rule=said.strip() if _A_RULE.search(said) else "", completion=evidence.completion)
        row.form = len(forms.funds_tables)
        forms.indicators.append(row)
    elif name and not re.search(r"\d", name) and (achieved := achieved_alone(name, said, figures)) is not None:
        # (its 评分说明 states what it achieved alone, "93.55%": an indicator without a target — a sentence may give it;
        # a row whose name holds its target, "消防安全隐患整改率（100%）", is read with the sentences that say of it)
        row = FormIndicator(name, weight.start, level1, actual=achieved[0], actual_text=achieved[1], weight=weight, score=score)
        row.form = len(forms.funds_tables)
        forms.indicators.append(row)


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


def _stated(by_column: dict[str, list[Number]], column: str, cell: str) -> Number | None:
    """The cell's one figure — or its first, the others in brackets after it ("96%（城镇95%/农村97%）")."""
    found = by_column.get(column) or []
    if len(found) > 1 and re.match(r"\s*[≥≤<>=]?\s*[\d.,]+\s*[^\d\s(（]{0,4}\s*[(（]", cell):
        return found[0]
    if len(found) > 1 and _WORKED.fullmatch(cell.strip()):
        return found[-1]        # "58/62=93.55%": the share worked out, its result
    return _one(by_column, column)


# "58/62=93.55%", or its figures with their units and names: "112.43万元÷118.60万元=94.80%"
_WORDS = r"(?:[^=＝。；;，,]|(?<=\d),(?=\d{3}))*"     # (a figure's thousands comma is no clause's end)
_WORKED = re.compile(rf"[\d.,()（）+\-×÷*/\s]+=\s*[\d.,]+\s*%?|{_WORDS}\d{_WORDS}[÷/]{_WORDS}\d{_WORDS}[=＝]\s*[\d.,]+\s*%")


def _completion_in(by_column: dict[str, list[Number]], cell: str, column: str = "actual") -> Number | None:
    """The completion said in brackets after what was achieved ("1265吨（完成率94.58%）"), its rate; or the
    偏差原因 cell's, said first ("完成率95.0%，14艘渔船船东…未申领")."""
    found = by_column.get(column) or []
    if column == "reason":
        said = re.match(r"\s*(?:完成率|完成比例)\s*(?:为)?\s*[\d.]+\s*%", cell)
        return found[0] if said and found and found[0].is_rate and found[0].value > 0 else None
    said = re.search(r"[(（]\s*(?:完成率|完成比例|完成)\s*(?:为)?\s*[\d.]+\s*%\s*[)）]", cell)
    return found[1] if said and len(found) == 2 and found[1].is_rate else None


def _one(by_column: dict[str, list[Number]], column: str) -> Number | None:
    found = by_column.get(column) or []
    return found[0] if len(found) == 1 else None   # two figures in one cell: not read as one


def _funds_row(forms: Forms, name: str, by_column: dict[str, list[Number]], mark: str = "") -> None:
    """The total row (年度资金总额) gives the headline figures — or the first row of figures when
    the form names no total; 其中 rows are parts and are not read as the whole."""
    if not any(by_column.values()):
        return
    total_row = _key(name) in vocabulary()["funds"]["total_rows"]
    amounts = {c: n for c in AMOUNT_COLUMNS if (n := _one(by_column, c)) is not None and _money(n)}
    table = forms.funds_tables[-1]
    table.listed += not total_row and not _key(name).startswith("其中")
    if total_row:
        if table.total is not None:          # a second total row under one header: another form
            table = FundsTable()
            forms.funds_tables.append(table)
        table.total = amounts
        table.execution = {c: n for c in ("weight", "score") if (n := _one(by_column, c)) is not None and not n.is_rate}
        table.rate = rate if (rate := _one(by_column, "exec_rate")) is not None and rate.is_rate else None
    elif table.total:           # a 其中 row under its table's total: a part of it (with its own 执行率)
        if amounts:
            rate = _one(by_column, "exec_rate")
            table.parts.append((name, {**amounts, **({"exec_rate": rate} if rate is not None and rate.is_rate else {})}))
            table.marks.append(mark)
        return
    if forms.funds_row == "total" and total_row \
            and all(c in amounts and _same_amount(amounts[c], forms.amounts[c]) for c in forms.amounts):
        # the form's own total row after a table of the same amounts: its 分值 and 得分, and the columns that table had not
        forms.amounts.update({c: n for c, n in amounts.items() if c not in forms.amounts})
        if not forms.execution:
            _execution(forms, by_column)
    if forms.funds_row == "total" or (forms.funds_row and not total_row) or _key(name).startswith("其中"):
        return        # (a 其中 row is a part, never the whole, even with no total row read)
    forms.funds_row = "total" if total_row else "first"
    forms.headline_table = table
    forms.amounts.clear()
    forms.rates.clear()
    forms.execution.clear()
    for column in AMOUNT_COLUMNS:
        n = _one(by_column, column)
        if n is not None and _money(n):
            forms.amounts[column] = n
    rate = _one(by_column, "exec_rate")
    if rate is not None and rate.is_rate:
        forms.rates["exec_rate"] = rate
    _execution(forms, by_column)


def _under(amounts: dict, whole: dict) -> bool:
    """Every amount of a table's total row less than the form's own of that column (both in 万元)."""
    shared = [c for c in amounts if c in whole]
    return bool(shared) and all(amounts[c].in_wan < whole[c].in_wan - 1e-9 for c in shared)


def _one_total(one: dict, other: dict) -> bool:
    """Two tables' total rows say one total: the columns of one are the other's, each with its value (a table of the
    sources' 预算数 and 执行数, then the form's 年初预算数, 全年预算数 and 全年执行数)."""
    small, large = sorted((one, other), key=len)
    return all(c in large and _same_amount(large[c], v) for c, v in small.items())


def _same_amount(one: Number, other: Number) -> bool:
    """One amount, in one unit or written once in 元 and once in 万元 to the cent of 万元 (5,108,350.00 and 510.84)."""
    if one.unit == other.unit or one.is_rate or other.is_rate:
        return one.value == other.value
    return abs(one.in_wan - other.in_wan) <= 0.005 + 1e-9


def _execution(forms: Forms, by_column: dict[str, list[Number]]) -> None:
    for column in ("weight", "score"):
        n = _one(by_column, column)
        if n is not None and not n.is_rate:
            forms.execution[column] = n


def _under_the_total(forms: Forms, cells: list[str], placed: list, columns: dict[int, str]) -> bool:
    """A row right under an indicator block's 合计 row: points added or taken off (加分项 / 扣分项, the figure under the
    得分 column, else its last: not "每个扣0.5分" in a cell after it), or the final score (最终得分, 自评得分: the
    vocabulary's final rows) — read; whether it was one."""
    name = next((_key(c) for c in cells if c.strip()), "")
    bonus = BONUS_ROW.match(name)
    if not placed or not (bonus or name in vocabulary()["indicators"]["final_rows"]):
        return False
    if bonus:
        _add_points(forms, bonus, next((n for i, n in placed if columns.get(i) == "score"), placed[-1][1]))
        forms.after_total += 1
    else:
        forms.total, forms.after_total = placed[-1][1], 0     # (the final score: the points added in it)
    return True


def _add_points(forms: Forms, bonus: re.Match, points: Number) -> None:
    """A 加分项 row's points added to the total, a 扣分项's (or 减分项's) taken off, whatever sign it is written with."""
    forms.bonus.append(abs(points.value) if bonus.group(1) == "加" else -abs(points.value))
    if bonus.group(1) == "加":
        forms.added.append(points)


def _money(n: Number) -> bool:
    """An amount of a funds block: in 万元 or 元, or bare (the table says its unit) — not 420人."""
    return n.is_amount or not n.unit


def _indicator_row(forms: Forms, name: str, text_of: dict[str, str], by_column: dict[str, list[Number]],
                   level1: str, placed: list, group: str, text: str) -> None:
    if _key(name) in vocabulary()["indicators"]["total_rows"]:
        score = _one(by_column, "score") or (placed[-1][1] if placed else None)
        weight = _one(by_column, "weight")
        if weight is None and len(placed) == 2 and score is placed[0][1] and placed[0][1].value >= placed[1][1].value:
            (_, weight), (_, score) = placed    # "总分 |||||| 100 | 99.00": its figures a cell right of their columns
        if weight is None and score is not None and _one(by_column, "score") is None and len(placed) == 2 \
                and placed[0][1].value >= score.value:
            weight = placed[0][1]     # "总分 | 100 | 98.22", its cells run together from the left: 分值, 得分
        if score is not None:
            forms.total, forms.total_weight = score, weight
            forms.form_totals.append((len(forms.funds_tables), score, weight))
        return
    target_text, actual_text = text_of.get("target", "").strip(), text_of.get("actual", "").strip()
    if not name or not (target_text or actual_text):
        return
    target, actual = _stated(by_column, "target", target_text), _stated(by_column, "actual", actual_text)
    # "≧ | 95 | % | 93.6%": a bare target in the unit its 度量单位 cell names
    target_unit = _unit(target_text) or text_of.get("unit", "").strip()
    if target is not None and not target.unit and target_unit == "%":
        target.unit = "%"
    actual_unit = _unit(actual_text)
    if actual is not None and actual.unit and actual.unit in actual_unit and actual.unit == target_unit:
        actual_unit = actual.unit     # (a 完成情况 cell of words, "保障率100%。", "全年0人。": its figure's own unit)
    if target is not None and actual is not None and actual_unit and target_unit != actual_unit \
            and not (target.value == 0 and not target_unit):     # ≤0 against -8.2%: nought in any unit
        target = actual = None      # 3.5万人 against 36200人: not compared (precision first); a bare
        # figure under 实际完成值 is in the target's unit (≥6公里 | 6.4)
    completion_said = None
    if target is None and actual is None and not target_text and (said := target_and_actual(actual_text, by_column.get("actual") or [])):
        # a 完成情况 cell that says both, no 指标值 column ("目标92%，完成93.6%，完成率101.74%"): its sign, where the
        # cell gives none, the one the row's 指标解释 or 评分标准 sets before that figure ("…，目标≥92%")
        target, target_text, actual, actual_text, completion_said = \
            said.target, said.target_text, said.actual, said.actual_text, said.completion
        if not re.match(r"[≥≤<>=＝不]", target_text):
            target_text = sign_before(target_text, text_of.get("explanation", "") + text_of.get("rule", "")) + target_text
    if target is None and actual_text and not target_text and placed \
            and (said := target_explained(text, text_of.get("explanation", ""), placed[0][1].start)):
        target, target_text = said      # (no 指标值 column: the target its 指标解释 states, "…，目标值≥420台次。")
        if actual is not None and (actual.unit or "") != (target.unit or ""):
            target, target_text = None, ""      # (≥95% against "412家": not the same measure — not compared)
    if actual is None and len(by_column.get("actual") or []) >= 2:    # a 完成情况 cell of words and figures
        opening = opening_match(text_of.get("rule", ""))
        unit = _unit(target_text) if target_text else (opening.group("unit") or "") if opening else ""
        actual = figure_said_for(name, actual_text, by_column["actual"], unit, text)
    near = placed[0][1] if placed else None         # (a 时效 row's dates: "2023年12月底前 | 2023年11月", dates.py)
    target, actual = target or date_said(text, target_text, near), actual or date_said(text, actual_text, near)
    adjusted = text_of.get("adjusted_target", "").strip()
    if adjusted:                    # 调整指标值: the target the year ended with (a date too: "2024年4月30日前")
        target_text, target = adjusted, _one(by_column, "adjusted_target") or date_said(text, adjusted, near)
    direction = _direction(DIRECTION_CELL.get(_key(text_of.get("direction", "")), text_of.get("direction", "")) + target_text)
    if direction == "=" and words()["cost"].search(f"{group} {name}"):
        direction = "<="       # a 成本指标's amount without a sign is a ceiling: spending less is no shortfall
    weight = _one(by_column, "weight")
    points = _POINTS_IN_NAME.search(name)
    if weight is None and points and len(by_column.get("name") or []) == 1 and "weight" not in text_of:
        # (a form with no 分值 column, each row's points in its name: "良种供种数量（10分） | ≥630万公斤 | … | 9.31")
        weight, name = by_column["name"][0], name[:points.start()].strip()
    row = FormIndicator(name, (placed[0][1].start if placed else 0), level1, direction,
                        target, target_text, actual, actual_text,
                        weight, _one(by_column, "score"), text_of.get("reason", "").strip(),
                        text_of.get("rule", "").strip(), _one(by_column, "completion") or completion_said
                        or _completion_in(by_column, actual_text)
                        or _completion_in(by_column, text_of.get("reason", ""), "reason"))
    row.form = len(forms.funds_tables)
    row.previous = _one(by_column, "previous")
    forms.indicators.append(row)


_POINTS_IN_NAME = re.compile(r"[(（]\s*(?:分值|权重)?\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$")
_UNIT_YUAN = re.compile(r"(?:金额)?单位\s*[:：]\s*元(?![\u4e00-\u9fff])")   # "单位：元" (not 万元, 元/人)


def _yuan_stated_above(text: str, at: int) -> bool:
    """Whether the table a funds row at `at` stands in is said to be in 元 on the line above its
    header ("…自评表（2023年度）　　单位：元"): the nearest line above that is not one of its rows."""
    above = text[:at].split("\n")[-8:-1]
    prose = next((line for line in reversed(above) if CELL not in line and line.strip()), "")
    return bool(_UNIT_YUAN.search(prose))


def _unit(cell: str) -> str:
    """What a figure's cell says besides its number and direction: its unit ("公里", "%", "万人")."""
    rest = re.sub(r"-?\d+(?:,\d{3})*(?:\.\d+)?", "", re.sub(r"[(（][^)）]*[)）]", "", cell))   # (城镇95%/农村97%): said aside
    for word in _DIRECTION_WORDS:
        rest = rest.replace(word, "")
    return re.sub(r"\s|以上|以下|以内|及", "", rest)


def _direction(target: str) -> str | None:
    """≥ 95% → >=; a target without a figure ("持续提升", "达成年度指标") is 定性; else =."""
    target = target.strip()
    for word in _DIRECTION_WORDS:
        if target.startswith(word):
            return DIRECTIONS[word]
    if not re.search(r"\d", target):
        return "定性" if target else None
    if re.search(r"(?:以上|及以上)\s*$", target):
        return ">="
    if re.search(r"(?:以下|以内|及以下)\s*$", target):
        return "<="
    return "="
