"""The rows of a 自评表's funds block (年度资金总额 and its 其中 rows), the points added or taken off under an
indicator block's 合计 row, and whether two tables' totals are one: how forms.py fills a form's amounts."""
from __future__ import annotations

import re

from .form_records import AMOUNT_COLUMNS, Forms, FundsTable, one_figure
from .numbers import Number
from .plain import BONUS_ROW
from .text import CELL
from .vocabulary import key as _key, vocabulary


def funds_row(forms: Forms, name: str, by_column: dict[str, list[Number]], mark: str = "") -> None:
    """The total row (年度资金总额) gives the headline figures — or the first row of figures when
    the form names no total; 其中 rows are parts and are not read as the whole."""
    if not any(by_column.values()):
        return
    total_row = _key(name) in vocabulary()["funds"]["total_rows"]
    amounts = {c: n for c in AMOUNT_COLUMNS if (n := one_figure(by_column, c)) is not None and _money(n)}
    table = forms.funds_tables[-1]
    table.listed += not total_row and not _key(name).startswith("其中")
    if total_row:
        if table.total is not None:          # a second total row under one header: another form
            table = FundsTable()
            forms.funds_tables.append(table)
        table.total = amounts
        table.execution = {c: n for c in ("weight", "score") if (n := one_figure(by_column, c)) is not None and not n.is_rate}
        table.rate = rate if (rate := one_figure(by_column, "exec_rate")) is not None and rate.is_rate else None
    elif table.total:           # a 其中 row under its table's total: a part of it (with its own 执行率)
        if amounts:
            rate = one_figure(by_column, "exec_rate")
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
        n = one_figure(by_column, column)
        if n is not None and _money(n):
            forms.amounts[column] = n
    rate = one_figure(by_column, "exec_rate")
    if rate is not None and rate.is_rate:
        forms.rates["exec_rate"] = rate
    _execution(forms, by_column)


def amounts_under(amounts: dict, whole: dict) -> bool:
    """Every amount of a table's total row less than the form's own of that column (both in 万元)."""
    shared = [c for c in amounts if c in whole]
    return bool(shared) and all(amounts[c].in_wan < whole[c].in_wan - 1e-9 for c in shared)


def one_total(one: dict, other: dict) -> bool:
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
        n = one_figure(by_column, column)
        if n is not None and not n.is_rate:
            forms.execution[column] = n


def under_the_total(forms: Forms, cells: list[str], placed: list, columns: dict[int, str]) -> bool:
    """A row right under an indicator block's 合计 row: points added or taken off (加分项 / 扣分项, the figure under the
    得分 column, else its last: not "每个扣0.5分" in a cell after it), or the final score (最终得分, 自评得分: the
    vocabulary's final rows) — read; whether it was one."""
    name = next((_key(c) for c in cells if c.strip()), "")
    bonus = BONUS_ROW.match(name)
    if not placed or not (bonus or name in vocabulary()["indicators"]["final_rows"]):
        return False
    if bonus:
        add_points(forms, bonus, next((n for i, n in placed if columns.get(i) == "score"), placed[-1][1]))
        forms.after_total += 1
    else:
        forms.total, forms.after_total = placed[-1][1], 0     # (the final score: the points added in it)
    return True


def add_points(forms: Forms, bonus: re.Match, points: Number) -> None:
    """A 加分项 row's points added to the total, a 扣分项's (or 减分项's) taken off, whatever sign it is written with."""
    forms.bonus.append(abs(points.value) if bonus.group(1) == "加" else -abs(points.value))
    if bonus.group(1) == "加":
        forms.added.append(points)


def _money(n: Number) -> bool:
    """An amount of a funds block: in 万元 or 元, or bare (the table says its unit) — not 420人."""
    return n.is_amount or not n.unit


_UNIT_YUAN = re.compile(r"(?:金额)?单位\s*[:：]\s*元(?![\u4e00-\u9fff])")   # "单位：元" (not 万元, 元/人)


def yuan_stated_above(text: str, at: int) -> bool:
    """Whether the table a funds row at `at` stands in is said to be in 元 on the line above its
    header ("…自评表（2023年度）　　单位：元"): the nearest line above that is not one of its rows."""
    above = text[:at].split("\n")[-8:-1]
    prose = next((line for line in reversed(above) if CELL not in line and line.strip()), "")
    return bool(_UNIT_YUAN.search(prose))
