"""The records a 自评表 form is read into (forms.py reads it): each funds table, each indicator row, and the
whole form — its headline amounts, its 总分 and the scores its rows add up to — with a column's one figure, the
way each row's cells are read."""
from __future__ import annotations

from dataclasses import dataclass, field

from .numbers import Number

AMOUNT_COLUMNS = ("budget_initial", "budget_total", "spend_total")


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


def one_figure(by_column: dict[str, list[Number]], column: str) -> Number | None:
    found = by_column.get(column) or []
    return found[0] if len(found) == 1 else None   # two figures in one cell: not read as one
