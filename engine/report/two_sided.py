"""A table of two sides, each a list and its 本年合计 (a 决算's 收入支出决算总表: 收入 on the left, 支出 on the right,
"项目 | 行次 | 金额 | 项目 | 行次 | 金额"): each side's rows against its own 本年收入合计 / 本年支出合计 row."""
from __future__ import annotations

import re

from ..core.findings import FindingList
from .facts import Facts
from .numbers import Number
from .stated import amount_text, parts_off
from .table_sums import say_sum_off
from .tables import table_lines

_SIDE_TOTAL = re.compile(r"^本年(?:收入|支出)(?:合计|总计)$")
_NOT_A_TOP_ROW = re.compile(r"^(?:其中|含|[(（]|\d+\s*[.、．])")
_LINE_NUMBER = re.compile(r"^行次$")


def _sides(header: list[str]) -> list[tuple[int, int]] | None:
    """(first column, end) of each side: the header's first word said again further on ("项目 … 项目")."""
    first = header[0] if header else ""
    again = [k for k, cell in enumerate(header) if k and cell == first]
    if not first or len(again) != 1:
        return None
    return [(0, again[0]), (again[0], len(header))]


def check_two_sided_tables(facts: Facts, report: FindingList) -> None:
    sides: list[tuple[int, int]] | None = None
    header: list[str] = []
    rows: dict[int, list[tuple[str, Number | None]]] = {}
    for line in table_lines(facts.text, facts.numbers):
        if line is None:
            sides, rows = None, {}
            continue
        cells, placed = line
        if sides is None:
            sides, header, rows = _sides(cells), cells, {}
            continue
        for side, (first, end) in enumerate(sides):
            name = re.sub(r"\s", "", cells[first]) if first < len(cells) else ""
            amounts = [n for column, n in placed if first < column < end and not _LINE_NUMBER.match(header[column])]
            if name == "栏次" or not name and not amounts:
                continue
            if not name or len(amounts) > 1:
                rows.setdefault(side, []).append(("", None))     # (a row of several amounts: not a list of one column)
                continue
            if _SIDE_TOTAL.match(name) and amounts:
                _side_off(facts, report, name, rows.get(side, []), amounts[0])
                rows[side] = [("", None)]      # (what follows the total is no part of it)
                continue
            rows.setdefault(side, []).append((name, amounts[0] if amounts else None))


def _side_off(facts: Facts, report: FindingList, name: str, rows: list, whole: Number) -> None:
    """The side's rows, every one a top row (一、二、… no 其中) and no row of several amounts, against its 本年合计."""
    parts = [n for row_name, n in rows if n is not None]
    if len(parts) < 2 or any(not row_name or _NOT_A_TOP_ROW.match(row_name) for row_name, _ in rows) \
            or any(p.is_rate or p.unit != whole.unit for p in parts) or report.names(facts.where(whole.start)):
        return
    if parts_off(facts, parts, whole, whole_rounded=True):
        side = name.removeprefix('本年').removesuffix('合计').removesuffix('总计')
        say_sum_off(facts, report, parts, whole, f"表中{side}各行 {' + '.join(amount_text(facts.amount(p)) for p in parts)} =", name)
