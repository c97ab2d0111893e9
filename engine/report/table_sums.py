"""The sums a report's tables of amounts say, against the rows they add up: a 合计 row against the rows over it (a
小计 against those since the one before it), a 合计 standing first against the rows numbered under it, a column
against its 合计 row at the foot, a row against its own 合计 cell — and how a sum off is said (say_sum_off)."""
from __future__ import annotations

import re
from typing import Callable

from ..core.findings import FindingList
from ..core.parsing import text_key
from .facts import Facts
from .numbers import Number
from .stated import EPS, amount_text, by_shape, parts_off, quoted, rounding_slack
from .tables import numbered_in_order, subtotalled, table_lines


def head_parts(table) -> list:
    """The rows a 合计 standing first adds up: those numbered 一、二、… in order, 其中 rows under each (合计 | 一、基本支出 |
    其中：人员经费 | … | 二、项目支出 | …); none where the table is not so."""
    if len(table.totals) != 1 or any(row_place(r) < row_place(table.totals[0]) for r in table.rows):
        return []
    top = numbered_in_order([r.name for r in table.rows])
    return [r for r in table.rows if r.name in top]


def check_total_at_the_head(facts: Facts, report: FindingList) -> None:
    """A 合计 row standing first against the rows numbered 一、二、… under it, its budget and its spending."""
    for table in facts.tables:
        parts_of = head_parts(table)
        for kind, word in (("budget", "预算"), ("spend", "支出")):
            parts, whole = [r.cells.get(kind) for r in parts_of], table.totals[0].cells.get(kind) if parts_of else None
            if whole is not None and len(parts) >= 2 and None not in parts and parts_off(facts, parts, whole) \
                    and not report.names(facts.where(whole.start)):
                say_sum_off(facts, report, parts, whole, "表中" + "".join(f"「{r.name.strip()}」" for r in parts_of) + f"{word}之和",
                            "合计行")


def row_place(row) -> int:
    """Where a table's row stands (its first figure)."""
    return min(n.start for n in row.cells.values())


def say_sum_off(facts: Facts, report: FindingList, parts: list[Number], whole: Number, called: str, against: str,
             unit: str = "") -> None:
    """SUM_MISMATCH: what the parts come to against the row that says their sum (an error for a slip's shape)."""
    added = sum(facts.amount(p) for p in parts)
    say, why = by_shape(report, facts, whole, added, tuple(parts))
    counted = all(not n.unit and n.decimals == 0 for n in [*parts, whole]) and not unit.strip()   # (households: 2,846 + 1,372)
    if unit.strip() == "万元" and _COUNTED.search(called) or counted:    # (a column of people or times in a table in 元: as written)
        added_text, whole_text, unit = f"{sum(p.value for p in parts):,g}", f"{whole.value:,g}", ""
        if counted and 2 <= len(parts) <= 6:
            added_text = " + ".join(f"{p.value:,g}" for p in parts) + f" = {added_text}"
    else:
        added_text, whole_text = amount_text(added), amount_text(facts.amount(whole))
        if 2 <= len(parts) <= 6 and "+" not in called:     # (the rows it added, so that the reader sees which: "1,528,400.00 + 1,096,300.00 = …")
            added_text = " + ".join(amount_text(facts.amount(p)) for p in parts) + f" = {added_text}"
    say("SUM_MISMATCH", facts.where(whole.start),
        f"{called} {added_text}{unit}，与{against} {whole_text}{unit or ' '}不符{why}{quoted(facts, whole)}")


# a column that counts (学生, 人次, 户数 …), not money
_COUNTED = re.compile(r"「[^」]*(?:(?:学生|人数|人次|户数|次数|人口|[(（](?:人|户|个|次|所|人次)[)）])[^」]*"
                      # (… or any count: "小区数", "充电端口数" — not money's "预算数", "执行数")
                      r"|(?<!预算)(?<!执行)(?<!决算)(?<!支出)(?<!拨款)(?<!到位)(?<!收入)(?<!结余)(?<!金额)(?<!资金)数)」")


def sums_of_rows(facts: Facts, report: FindingList, ordered: list, total, subtotal) -> None:
    """A 合计 row against the rows over it (a 小计 among them against those since the one before it)."""
    groups = subtotalled([("小计" if subtotal(r) else r.name, r) for r in ordered])
    details = [r for r in ordered if not subtotal(r)]
    if not groups and _sub_rows_last(facts, details, total):
        details = [r for r in details if not r.sub_row]    # (a 其中 row right over the 合计: a part of the row above it)
    elif not groups and (top := _parts_closed(facts, details)) is not None:
        details = top       # (each 其中 and the rows after it that come to its row above: that row's parts)
    if len(details) < 2 or groups is None or any(r.sub_row or "小计" in r.name + r.named for r in details):
        _subtotals_of_their_runs(facts, report, ordered, subtotal)
        return      # (其中…, （1）…: which rows after it are parts too is not said)
    if not groups and _with_unmarked_parts(facts, details, total):
        return      # (人员经费 and 公用经费 under 基本支出, no 其中 said: the rows add up once they are its parts)
    grouped = {id(r) for g, _ in groups for r in g}
    for kind, word in (("budget", "预算"), ("spend", "支出")):
        for parts_of, whole_row, which in [(details, total, "合计行"), *((g, s, "小计行") for g, s in groups)]:
            parts = [r.cells[kind] for r in parts_of if kind in r.cells]
            whole = whole_row.cells.get(kind)
            if whole is None or len(parts) != len(parts_of):
                continue
            # a 合计 that its 小计 rows (and the rows outside them) come to: the slip is a group's, said by its 小计
            outer = [r.cells.get(kind) for r in details if id(r) not in grouped] + [s.cells.get(kind) for _, s in groups]
            if whole_row is total and groups and all(outer) and not parts_off(facts, outer, whole):
                continue
            if parts_off(facts, parts, whole):
                say_sum_off(facts, report, parts, whole, f"表中各行{word}之和", which)


def _subtotals_of_their_runs(facts: Facts, report: FindingList, ordered: list, subtotal) -> None:
    """In a table with 其中 rows (which rows a 合计 adds up is not said), each 小计 row against the run of plain rows right
    over it that one of its columns comes to to the cent ("项目支出小计" under its projects, 基本支出 and its 人员经费 /
    公用经费 above them): its other columns against those very rows."""
    for at, whole_row in enumerate(ordered):
        if not subtotal(whole_row):
            continue
        above = ordered[:at]
        plain = len(above)
        while plain and not (above[plain - 1].sub_row or above[plain - 1].numbered_under or subtotal(above[plain - 1])):
            plain -= 1
        kinds = [kind for kind in whole_row.cells if kind != "rate"]

        def comes_to(rows: list, kind: str) -> bool:
            return all(kind in r.cells for r in rows) and not parts_off(facts, [r.cells[kind] for r in rows], whole_row.cells[kind])
        # (the nearest start from which one column adds up, two rows at least, none of them a 其中 row)
        start = next((k for k in range(at - 2, plain - 1, -1) if any(comes_to(above[k:], kind) for kind in kinds)), None)
        if start is None:
            continue
        rows = above[start:]
        for kind, word in (("budget", "预算"), ("spend", "支出")):
            if kind not in kinds or not all(kind in r.cells for r in rows) or comes_to(rows, kind):
                continue
            parts, whole = [r.cells[kind] for r in rows], whole_row.cells[kind]
            added = sum(facts.amount(n) for n in parts)
            left_out = [r for r in rows if abs(facts.amount(r.cells[kind]) - (added - facts.amount(whole)))
                        <= rounding_slack(facts, parts, whole) + EPS]
            if len(left_out) == 1:      # (the other column has that row in it: the 小计 left out the very row it sums)
                report.error("SUM_MISMATCH", facts.where(whole.start),
                             f"表中各行{word}之和 {amount_text(added)}，与小计行 {amount_text(facts.amount(whole))} 不符，差额恰为"
                             f"「{left_out[0].named or left_out[0].name}」一行（该行已计入小计行的另一栏）{quoted(facts, whole)}")
            else:
                say_sum_off(facts, report, parts, whole, f"表中各行{word}之和", "小计行")


def _with_unmarked_parts(facts: Facts, details: list, total) -> bool:
    """The rows add up to the 合计 in every column once the runs of rows that add up to the row right above them (two
    rows or more, in every column that row fills) are left out as its parts — and not before."""
    kinds = [kind for kind in total.cells if kind != "rate"]

    def adds_up(rows: list, whole) -> bool:
        return bool(kinds) and all(kind in whole.cells and all(kind in r.cells for r in rows)
                                   and not parts_off(facts, [r.cells[kind] for r in rows], whole.cells[kind]) for kind in kinds)
    if adds_up(details, total):
        return False
    kept = _runs_left_out(details, adds_up)
    return len(kept) < len(details) and adds_up(kept, total)


def parts_of_rows_left_out(facts: Facts, parts: list[Number], whole: Number) -> bool:
    """A column that adds up once each run of figures adding up to the one right above it (its unmarked 其中 rows:
    人员经费 and 公用经费 under 基本支出) is left out."""
    kept = _runs_left_out(parts, lambda run, head: not parts_off(facts, run, head))
    return len(kept) < len(parts) and not parts_off(facts, kept, whole)


def projects_after_kinds(facts: Facts, parts: list[tuple[str, Number]], whole: Number) -> bool:
    """The first 其中 rows are kinds of spending (基本支出, 项目支出) coming to the whole to the cent, the rows after
    them some of the last kind's projects, less than it together ("基本公共卫生服务补助", "计划生育家庭奖励扶助")."""
    return any(not parts_off(facts, [n for _, n in parts[:k]], whole) and "支出" in parts[k - 1][0]
               and not any("支出" in name for name, _ in parts[k:])
               and sum(n.value for _, n in parts[k:]) <= parts[k - 1][1].value for k in range(2, len(parts)))


def _runs_left_out(items: list, adds_up: Callable[[list, object], bool]) -> list:
    """The items less each run of two or more right after one that `adds_up` to it (the longest such run)."""
    kept, k = [], 0
    while k < len(items):
        kept.append(items[k])
        run = next((j for j in range(len(items), k + 2, -1) if adds_up(items[k + 1:j], items[k])), None)
        k = run if run is not None else k + 1
    return kept


def _parts_closed(facts: Facts, details: list) -> list | None:
    """The rows of a table that are no part of another, where each 其中 row and the rows right after it up to one
    (marked 其中 or not: "其中：公务用车购置费" then "公务用车运行维护费") come to the row above the 其中 to the cent in every
    column both fill — the parts closed by their sum. None where a 其中 run closes so nowhere (which rows are parts
    is not said), or there is none."""
    top, k, closed = [], 0, False
    while k < len(details):
        row = details[k]
        if not row.sub_row:
            top.append(row)
            k += 1
            continue
        if not top or top[-1].sub_row:
            return None
        parent, end = top[-1], None
        kinds = [kind for kind in ("budget", "spend") if kind in parent.cells]
        for j in range(k, len(details)):
            run = details[k:j + 1]
            if not kinds or any(kind not in r.cells for r in run for kind in kinds):
                break
            if not any(parts_off(facts, [r.cells[kind] for r in run], parent.cells[kind]) for kind in kinds):
                end = j
                break
        if end is None:
            return None
        closed, k = True, end + 1
    return top if closed else None


def _sub_rows_last(facts: Facts, details: list, total) -> bool:
    """The 其中 rows are the last over the 合计 (no row after them that may be one of their list too), and without them
    the rows come to the 合计 to the cent in a column every one of them fills: the table's own reading of its parts."""
    subs = [k for k, r in enumerate(details) if r.sub_row]
    if not subs or subs != list(range(len(details) - len(subs), len(details))) or subs[0] < 2:
        return False
    rows = details[:subs[0]]
    return any(all(kind in r.cells for r in rows) and not parts_off(facts, [r.cells[kind] for r in rows], whole)
               for kind, whole in total.cells.items() if kind != "rate")


def check_column_sums(facts: Facts, report: FindingList) -> None:
    """A table's column of amounts against its 合计 row at the foot (the rows none of them a part of another) — not a
    合计 column that adds up once its rows off their own figures are set right (those rows are the slip, said of each)."""
    righted = righted_cells(facts, facts.amount)
    for column in facts.column_sums:
        if adds_up_righted(column.parts, column.whole, righted, facts.amount):
            continue
        if parts_off(facts, column.parts, column.whole, whole_rounded=True) and not report.names(facts.where(column.whole.start)) \
                and not parts_of_rows_left_out(facts, column.parts, column.whole):
            say_sum_off(facts, report, column.parts, column.whole, f"表中「{column.header}」一列各行之和", column.said_in, " 万元")


# a row's own 合计 cell
# (… or a count's: 合计户数 over 煤改电户数 | 煤改气户数, its parts the same measure)
_TOTAL_COLUMN = re.compile(r"^(?:合计|小计|总计)(?:金额|资金|(?P<measure>户数|人数|个数|面积|数量))?(?:[(（](?:万元|元|户|人|个|亩)[)）])?$")
_BRACKETED = re.compile(r"[(（][^)）]*[)）]")
FOOT_ROW = re.compile(r"^(?:合计|总计)$")     # a table's 合计 row at its foot (its cell's spaces taken out first: "合  计")
_NOT_AN_AMOUNT = re.compile(r"率|%|人|户|个|亩|数量|序号|名称|单位|时间|日期|备注|说明|内容")


def rows_off_their_totals(facts: Facts) -> list[tuple[str, list[Number], Number]]:
    """(name, its figures, its 合计 cell) of each row of a table with a 合计 / 小计 column whose figures before it do
    not add up to it, where two rows at least of that table do (the columns are that column's parts)."""
    return [row for rows in _tables_of_row_totals(facts) for row in _off(facts, rows)]


def _tables_of_row_totals(facts: Facts) -> list[list[tuple[str, list[Number], Number]]]:
    """Each table with a 合计 / 小计 column: its rows (name, the figures before that column, its 合计 cell)."""
    columns: tuple[list[int], int] | None = None
    rows: list[tuple[str, list[Number], Number]] = []
    out: list[list[tuple[str, list[Number], Number]]] = []
    for line in [*table_lines(facts.text, facts.numbers), None]:
        if line is None:
            if columns is not None and rows:
                out.append(rows)
            columns, rows = None, []
            continue
        cells, placed = line
        keys = [text_key(c) for c in cells]
        total = next((i for i, k in enumerate(keys) if _TOTAL_COLUMN.match(k)), None)
        if total is not None and not placed:      # a header of words with a 合计 column: the amounts before it its parts
            if columns is not None and rows:
                out.append(rows)
            first = next((i for i, k in enumerate(keys) if k), 0)     # (its names' column: the first with words)
            parts, measure = list(range(first + 1, total)), _TOTAL_COLUMN.match(keys[total])["measure"]
            columns = (parts, total) if len(parts) >= 2 and all(
                keys[i] and (_BRACKETED.sub("", keys[i]).endswith(measure) if measure else not _NOT_AN_AMOUNT.search(keys[i]))
                for i in parts) else None
            rows = []
            continue
        if columns is None:
            continue
        at = {i: n for i, n in placed}
        parts, total = columns
        if total in at and all(i in at for i in parts) and not any(at[i].is_rate or at[i].unit == "分" for i in [*parts, total]):
            rows.append((next((c.strip() for c in cells if c.strip()), ""), [at[i] for i in parts], at[total]))
    return out


def _off(facts: Facts, rows: list[tuple[str, list[Number], Number]]) -> list[tuple[str, list[Number], Number]]:
    off = [(name, parts, whole) for name, parts, whole in rows if parts_off(facts, parts, whole)]
    return off if len(rows) - len(off) >= 2 and len(off) * 2 <= len(rows) else []


def _foot_agrees(rows: list[tuple[str, list[Number], Number]], off: list[tuple[str, list[Number], Number]]) -> bool:
    """The table's 合计 row at the foot of its 合计 column comes to the column's cells once each row `off` its own
    figures is righted (a column of counts, 合计户数, which facts.column_sums of amounts does not hold)."""
    foot = [w for name, _, w in rows if FOOT_ROW.match(text_key(name))]
    body = [w for name, _, w in rows if not FOOT_ROW.match(text_key(name))]
    righted = {id(w): sum(p.value for p in parts) for _, parts, w in off}
    return len(foot) == 1 and abs(sum(righted.get(id(w), w.value) for w in body) - foot[0].value) <= EPS


def righted_cells(facts: Facts, amount: Callable[[Number], float]) -> dict[int, float]:
    """Each 合计 cell of a row off its own figures (by id), and what those figures come to."""
    return {id(whole): sum(amount(p) for p in parts) for _, parts, whole in rows_off_their_totals(facts)}


def adds_up_righted(parts: list[Number], whole: Number, righted: dict[int, float], amount: Callable[[Number], float]) -> bool:
    """A column holding a row's 合计 cell off its own figures, that comes to its `whole` once that cell is righted."""
    return any(id(p) in righted for p in parts) \
        and abs(sum(righted.get(id(p), amount(p)) for p in parts) - amount(whole)) <= EPS + 0.005


def check_row_totals(facts: Facts, report: FindingList) -> None:
    """Each row of a table whose figures do not add up to its own 合计 cell (`| 城关镇 | 120.00 | 40.00 | 30.00 |
    190.00 |` under `| 乡镇 | 中央资金 | 省级资金 | 县级资金 | 小计 |`), where the table's other rows do."""
    righted = righted_cells(facts, facts.amount)
    for rows in _tables_of_row_totals(facts):
        off = _off(facts, rows)
        for name, parts, whole in off:
            if report.names(facts.where(whole.start)):
                continue
            # said only where the 合计 column's own 合计 row adds up once this row is righted: the slip is this cell, and
            # the table says so twice (else the columns may not all be the 合计's parts: nothing said — held-out cases
            # showed such a row of another make)
            if any(id(whole) in {id(p) for p in column.parts} and adds_up_righted(column.parts, column.whole, righted, facts.amount)
                   for column in facts.column_sums) or _foot_agrees(rows, off):
                say_sum_off(facts, report, parts, whole, f"表中「{name}」行各列之和", "该行合计")
