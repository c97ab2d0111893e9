"""A submission read back from a workbook as SPEC 7.3 data, whichever reader gives the
cells (openpyxl here, python-calamine on the fast path)."""
from __future__ import annotations

import datetime
from typing import Callable

from ..core.indicators import INDICATOR_COLUMNS
from .layout import INDICATOR_ROWS
from .names import indicator_cell, name_map


def plain(value: object) -> object:
    """A cell's value as the data holds it, the same from every reader: "" is blank, a date
    (a serial formatted as a date: 填报日期) its ISO text."""
    if value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(" ")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return value


def submission_data(rule_set, read: Callable[[str], object],
                    read_indicator: Callable[[int, str], object]) -> dict:
    """The SPEC 7.3 data typed into a workbook, whichever reader supplies the cells:
    `read(defined name)` and `read_indicator(row, column)` give None for a blank."""
    def value(name: str) -> object:
        return plain(read(name))

    def indicator_value(n: int, column: str) -> object:
        return plain(read_indicator(n, column))

    inputs = {key: value(key) for key in rule_set.inputs if value(key) is not None}
    data = {"rule_set": rule_set.id, "inputs": inputs}
    for key in ("dept_name", "fiscal_year"):
        if key in inputs:
            data[key] = inputs.pop(key)
    data["self_scores"] = {r.id: value(f"self_{r.id}") for r in rule_set.rows if value(f"self_{r.id}") is not None}
    if value("self_total") is not None:
        data["self_scores"]["total"] = value("self_total")
    if value("self_grade") is not None:
        data["self_grade"] = value("self_grade")
    data["stated_rates"] = {k: value(f"stated_{k}") for k in rule_set.rates if value(f"stated_{k}") is not None}
    rows, last = [], 0
    for n in range(1, INDICATOR_ROWS + 1):
        row = {k: v for k in INDICATOR_COLUMNS if k != "score" and (v := indicator_value(n, k)) is not None}
        rows.append(row)
        if row:
            last = n
    data["indicators"] = rows[:last]   # keep positions: row n of the data is row n of the table
    return data


def read_submission(wb, rule_set) -> dict:
    """The data typed into an openpyxl workbook."""
    names = name_map(wb)
    ws = wb[indicator_cell(1, "name").sheet]

    def value(name: str) -> object:
        cell = names.get(name)
        return None if cell is None else wb[cell.sheet][cell.ref].value

    return submission_data(rule_set, value, lambda n, key: ws[indicator_cell(n, key).ref].value)
