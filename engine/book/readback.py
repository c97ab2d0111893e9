"""A submission read back from a workbook as SPEC 7.3 data, whichever reader gives the
cells (openpyxl here, python-calamine on the fast path)."""
from __future__ import annotations

import datetime
from typing import Callable

from ..core.indicators import INDICATOR_COLUMNS
from ..core.xlvalues import excel_serial
from .canonical import constant, is_constant
from .layout import INDICATOR_ROWS
from .names import indicator_cell, name_map

TEXT_COLUMNS = ("level1", "level2", "name", "unit", "deviation_reason", "improvement")


def plain(value: object, text: bool = False) -> object:
    """A cell's value as the data holds it, the same from every reader: "" is blank, a whole
    number an int, and a date what Excel holds — its serial number — except in a text field
    (填报日期), where it is its ISO text."""
    if value == "":
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
        return int(value)          # calamine reads 1 as 1.0, openpyxl as 1: the data holds 1
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time())
    if text and isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat(" ")
    if isinstance(value, (datetime.datetime, datetime.time)):
        serial = excel_serial(value)
        return int(serial) if serial.is_integer() else serial
    return value


def submission_data(rule_set, read: Callable[[str], object],
                    read_indicator: Callable[[int, str], object], filled: Callable[[int], bool] = lambda n: True
                    ) -> dict:
    """The SPEC 7.3 data typed into a workbook, whichever reader supplies the cells:
    `read(defined name)` and `read_indicator(row, column)` give None for a blank;
    `filled(row)` may say at once that an indicator row is blank."""
    def value(name: str, text: bool = False) -> object:
        return plain(read(name), text)

    def input_value(key: str) -> object:
        return value(key, rule_set.inputs[key].kind == "text")

    inputs = {key: v for key in rule_set.inputs if (v := input_value(key)) is not None}
    data = {"rule_set": rule_set.id, "inputs": inputs}
    for key in ("dept_name", "fiscal_year"):
        if key in inputs:
            data[key] = inputs.pop(key)
    data["self_scores"] = {r.id: v for r in rule_set.rows if (v := value(f"self_{r.id}")) is not None}
    if value("self_total") is not None:
        data["self_scores"]["total"] = value("self_total")
    if value("self_grade", text=True) is not None:
        data["self_grade"] = value("self_grade", text=True)
    data["stated_rates"] = {k: v for k in rule_set.rates if (v := value(f"stated_{k}")) is not None}
    rows, last = [], 0
    for n in range(1, INDICATOR_ROWS + 1):
        row = {k: v for k in INDICATOR_COLUMNS
               if k != "score" and (v := plain(read_indicator(n, k), k in TEXT_COLUMNS)) is not None} if filled(n) else {}
        rows.append(row)
        if row:
            last = n
    data["indicators"] = rows[:last]   # keep positions: row n of the data is row n of the table
    return data


def read_submission(wb, rule_set) -> dict:
    """The data typed into an openpyxl workbook."""
    names = name_map(wb)
    ws = wb[indicator_cell(1, "name").sheet]

    def typed(cell) -> object:
        """A constant formula (LibreOffice's =TRUE() for a typed TRUE) is the value it holds."""
        if cell.data_type == "f" and isinstance(cell.value, str) and is_constant(cell.value):
            return constant(cell.value)
        return cell.value

    def value(name: str) -> object:
        cell = names.get(name)
        return None if cell is None else typed(wb[cell.sheet][cell.ref])

    return submission_data(rule_set, value, lambda n, key: typed(ws[indicator_cell(n, key).ref]))
