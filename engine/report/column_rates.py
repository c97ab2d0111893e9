"""A table's column of rates that every row states as the ratio of two of its columns ("任务面积 | 核验合格面积 |
完成率（%）": each town's 完成率 = 核验合格面积 ÷ 任务面积): its 合计 row's rate against the same ratio of the 合计's own
figures, and the one row that does not keep it (a warning, as any stated rate) — a 合计 that averages its rows' rates,
whose parts are of different sizes, or a row whose rate was not updated with its figures, is the slip this finds."""
from __future__ import annotations

import re
from itertools import permutations

from ..core.findings import FindingList
from ..core.parsing import text_key
from .facts import Facts
from .numbers import Number
from .plain import words_only
from .stated import at_stated, quoted
from .tables import table_lines
from .vocabulary import form_header

_RATE_COLUMN = re.compile(r"(?:完成|执行|到位|合格|达标|覆盖|兑付|发放|支出|使用|拨付|累计)(?:率|进度)")
_NOT_A_RATIO = re.compile(r"差|增长|下降|增减|同比|环比|序时|平均|均值|比重|占")   # (占比 of a whole not in the row)
_TOTAL_ROW = re.compile(r"合计|总计|全县|全市|全区|全省")
_AVERAGED = re.compile(r"平均(?:完成|执行)?率|算术平均|简单平均")
_SIGNED = re.compile(r"^\s*(?:≥|≤|>=|<=|＞|＜|>|<)")
_BRACKETS = re.compile(r"[(（][^)）]*[)）]")
_LEAST_ROWS = 3      # every one of three rows or more agreeing on one ratio: the column's rule, not a coincidence


def check_column_rates(facts: Facts, report: FindingList) -> None:
    if _AVERAGED.search(facts.text):
        return      # (a report that says its 合计 rate is an average has a rule of its own)
    block: list[tuple[list[str], list[tuple[int, Number]]]] = []
    for line in [*table_lines(facts.text, facts.numbers), None]:
        if line is not None:
            block.append(line)
        elif block:
            _check_table(facts, report, block)
            block = []


def _check_table(facts: Facts, report: FindingList, lines: list) -> None:
    header_at = next((k for k, (cells, placed) in enumerate(lines) if not placed and words_only(cells)), None)
    if header_at is None:
        return
    header = lines[header_at][0]
    if (form := form_header(header)) is not None and form[0] != "funds" or any(_SIGNED.search(c) for cells, _ in lines for c in cells):
        return      # an indicator table's 完成率 (a reverse indicator's is 目标 ÷ 实际, a capped one's 100%): not one ratio
    # (a row of another width than the header's has its figures under other words: not read)
    rows = [(cells, {i: n for i, n in placed}) for cells, placed in lines[header_at + 1:] if len(cells) == len(header)]
    for rate_at, word in enumerate(header):
        if not _RATE_COLUMN.search(word) or _NOT_A_RATIO.search(word):
            continue
        totals = [(cells, at) for cells, at in rows if rate_at in at and _TOTAL_ROW.search(text_key(cells[0] if cells else ""))]
        parts = [(cells, at) for cells, at in rows if rate_at in at and (cells, at) not in totals]
        columns = set().union(*(set(at) for _, at in parts)) - {rate_at}
        # the ratio every row keeps — every row but one at most (a row not updated: the one this finds)
        pairs = [(a, b) for a, b in permutations(columns, 2)
                 if sum(_gives(at, a, b, rate_at) is True for _, at in parts) >= _LEAST_ROWS
                 and sum(_gives(at, a, b, rate_at) is False for _, at in parts) <= 1]
        if not pairs and len(totals) <= 1:
            _over_one_base(facts, report, parts, rate_at, columns, [_BRACKETS.sub("", c) for c in header])
        if len(pairs) != 1 or len(totals) > 1:
            continue     # (no ratio the rows keep, or more than one: which a row should keep is not known)
        a, b = pairs[0]
        words = [_BRACKETS.sub("", c) for c in (word, header[a], header[b])]
        off = [(cells, at) for cells, at in parts if _gives(at, a, b, rate_at) is False]
        if off and (not totals or _gives(totals[0][1], a, b, rate_at)):
            _say(facts, report, off[0], (a, b, rate_at), words, f"其余各行{words[0]}均为{words[1]}÷{words[2]}")
        elif not off and totals and _gives(totals[0][1], a, b, rate_at) is False \
                and _sums_its_rows(totals[0][1], [at for _, at in parts], (a, b)):
            _say(facts, report, totals[0], (a, b, rate_at), words, f"各行{words[0]}均为{words[1]}÷{words[2]}")


def _say(facts: Facts, report: FindingList, row: tuple, at: tuple[int, int, int], words: list[str], why: str) -> None:
    cells, figures = row
    upper, lower, stated = (figures[i] for i in at)
    if report.names(facts.where(stated.start)):
        return
    value = upper.value / lower.value
    report.warning("STATED_RATE_MISMATCH", facts.where(stated.start),
                   f"表中「{text_key(cells[0])}」行{words[0]}写 {stated.value:g}%，{why}，"
                   f"该行 {upper.value:,.{upper.decimals}f}÷{lower.value:,.{lower.decimals}f} 应为 {value * 100:.2f}%{quoted(facts, stated)}")


def _gives(row: dict[int, Number], a: int, b: int, rate_at: int) -> bool | None:
    """The row's rate is its column a over its column b, at the places the rate is given to (or capped at 100%);
    None for a row without both operands, or a rate of whole percents (which agrees with too many pairs by chance)."""
    if a not in row or b not in row or not row[b].value or row[rate_at].decimals < 1 or row[a].unit != row[b].unit:
        return None
    value, stated = row[a].value / row[b].value, row[rate_at]
    return at_stated(value, stated) or value > 1 and abs(stated.value - 100) < 1e-9


def _sums_its_rows(total: dict[int, Number], parts: list[dict[int, Number]], columns: tuple[int, int]) -> bool:
    """The 合计 row's operands are its rows' sums (else it is no total of these rows, or they are a part of them)."""
    return all(abs(sum(p[c].value for p in parts) - total[c].value) <= total[c].half_unit * len(parts) + 1e-9
               for c in columns)


def _over_one_base(facts: Facts, report: FindingList, parts: list, rate_at: int, columns: set[int], words: list[str]) -> None:
    """A column of rates every row states as one of its columns over one amount the report says (a 累计支出进度 over the
    year's budget, "注：累计支出进度＝累计支出÷年度预算28,600,000.00元"): the one row that does not keep it."""
    bases = {}
    for n in facts.every_number():      # (a note's too; in the table's unit or the other: 元 and 万元)
        if n.is_amount and n.value > 0:
            for value in (n.value, n.value * 10000, n.value / 10000):
                bases.setdefault(round(value, 6), n)
    kept = [(a, value) for a in sorted(columns) for value in _near_the_rows(parts, a, rate_at, bases)
            if sum(_over(at, a, value, rate_at) is True for _, at in parts) >= _LEAST_ROWS
            and sum(_over(at, a, value, rate_at) is False for _, at in parts) <= 1]
    if len(kept) != 1:
        return       # (no base the rows keep, or more than one: not known which)
    a, value = kept[0]
    for cells, at in parts:
        if _over(at, a, value, rate_at) is False and not report.names(facts.where(at[rate_at].start)):
            report.warning("STATED_RATE_MISMATCH", facts.where(at[rate_at].start),
                           f"表中「{text_key(cells[0])}」行{words[rate_at]}写 {at[rate_at].value:g}%，其余各行均为{words[a]}÷"
                           f"{value:,.2f}，该行 {at[a].value:,.{at[a].decimals}f}÷{value:,.2f} 应为 {at[a].value / value * 100:.2f}%"
                           f"{quoted(facts, at[rate_at])}")


def _near_the_rows(parts: list, a: int, rate_at: int, bases: dict) -> list[float]:
    """The amounts within a twentieth of the base most rows' column a and rate imply (a report's every amount tried
    against every row was a table's cost times the report's)."""
    implied = sorted(at[a].value * 100 / at[rate_at].value for _, at in parts
                     if a in at and rate_at in at and at[rate_at].value and not at[a].is_rate)
    if len(implied) < _LEAST_ROWS:
        return []
    middle = implied[len(implied) // 2]
    return [value for value in bases if abs(value - middle) <= 0.05 * middle]   # (a rate to one place: a coarse base)


def _over(row: dict[int, Number], a: int, base: float, rate_at: int) -> bool | None:
    """The row's rate is its column a over `base` at the places the rate is given to; None for a row without it."""
    if a not in row or rate_at not in row or row[rate_at].decimals < 1 or row[a].is_rate:
        return None
    return at_stated(row[a].value / base, row[rate_at])
