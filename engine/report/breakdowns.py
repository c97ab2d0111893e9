"""A 自评表's funds set out twice side by side under its 年度资金总额 row (the 部门整体 form's "按收入性质分 | 年初预算数
| 全年预算数 | 全年执行数 | 按支出性质分 | 年初预算数 | …"): each side's rows — 财政拨款, 上级补助, 其他资金 on the left,
基本支出 and 项目支出 on the right — against the 总额 row, column by column."""
from __future__ import annotations


from ..core.findings import FindingList
from .coverage import HEADLINE
from .facts import Facts
from .form_records import AMOUNT_COLUMNS
from .numbers import Number
from .stated import parts_off
from .table_sums import say_sum_off
from .tables import SIDE, table_lines
from .vocabulary import column_of

_WORDS = {column: word for column, word in HEADLINE if column in AMOUNT_COLUMNS}    # (the words the form's columns say)


def check_breakdowns_side_by_side(facts: Facts, report: FindingList) -> None:
    """Under a header row naming the two sides (按…分 twice), each side's rows, its list ended by its first row
    without its every amount; checked once the table ends."""
    wholes = [t.total for t in (facts.forms.funds_tables if facts.forms else []) if t.total]
    if len(wholes) != 1:
        return      # (one 总额 row, the form's: which whole another table's sides make up is not said)
    sides: list[tuple[str, dict[int, str]]] | None = None
    listed: list[list[tuple[str, dict[str, Number]]]] = []
    closed: list[bool] = []     # a side's list ends at its first row without its every amount
    for line in [*table_lines(facts.text, facts.numbers), None]:
        if sides is not None and (line is None or not line[1]):
            for side, rows in zip(sides, listed):
                _side_off(facts, report, side[0], rows, wholes[0])
            sides, listed = None, []
        if line is None:
            continue
        cells, placed = line
        at = [k for k, c in enumerate(cells) if SIDE.match(c.strip())]
        if len(at) == 2:
            bounds = [(at[0], at[1]), (at[1], len(cells))]
            sides = [(cells[a].strip(), {k: column_of(cells[k], "funds") for k in range(a + 1, b)
                                         if column_of(cells[k], "funds") in AMOUNT_COLUMNS}) for a, b in bounds]
            listed, closed = [[] for _ in sides], [False for _ in sides]
            continue
        if sides is None:
            continue
        for side, ((_, columns), rows) in enumerate(zip(sides, listed)):
            amounts = {columns[k]: n for k, n in placed if k in columns and not n.is_rate}
            name = next((cells[k - 1] for k in sorted(columns) if k - 1 not in columns), "")
            if closed[side] or len(amounts) < len(columns) or not name.strip():
                closed[side] = True
                continue
            rows.append((name, amounts))


def _side_off(facts: Facts, report: FindingList, side: str, rows: list, whole: dict[str, Number]) -> None:
    """Each column whose every row of the side holds a figure: their sum against the 总额 row's."""
    for column, word in _WORDS.items():
        parts = [row[column] for _, row in rows if column in row]
        if column in whole and len(parts) == len(rows) >= 2 and parts_off(facts, parts, whole[column]) \
                and not any(f.code == "SUM_MISMATCH" and f.where == report.locate(facts.where(whole[column].start))
                            for f in report.findings):     # (a rate said of the row is no sum)
            names = " + ".join(name.removeprefix("其中").strip(":：") for name, _ in rows)
            say_sum_off(facts, report, parts, whole[column], f"自评表{side}的{word}（{names}）之和", "年度资金总额行")
            return
