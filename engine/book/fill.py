"""`fill`: SPEC 7.3 data written into a copy of a template's named cells."""
from __future__ import annotations

from pathlib import Path
from typing import Mapping

from ..core.indicators import INDICATOR_COLUMNS
from ..files.atomic import atomic_output
from .layout import INDICATOR_ROWS, META
from .names import Cell, indicator_cell, name_map, read_meta


class FillError(Exception):
    """Data that cannot be written into the template; the message names the key."""


def _cell_value(value: object) -> object:
    if isinstance(value, str) and value.strip() == "":
        return None   # nothing typed: leave the cell blank, as Excel would
    return value


def _write(ws, ref: str, value: object) -> None:
    cell = ws[ref]
    cell.value = _cell_value(value)
    if isinstance(cell.value, str) and cell.data_type == "f":
        cell.data_type = "s"   # text such as "=HYPERLINK(…)" stays text, never a formula


def fill(template: str | Path, data: Mapping, output: str | Path) -> None:
    """Write SPEC 7.3 data into a copy of `template`; every key must have a place."""
    from openpyxl import load_workbook
    wb = load_workbook(template, keep_vba=str(template).lower().endswith(".xlsm"))
    names = name_map(wb)
    meta = read_meta(wb)
    if not meta:
        raise FillError(f"不是 perfscore 模板（缺少 {META} 工作表）/ not a perfscore template: {template}")
    if data.get("rule_set") not in (None, meta.get("rule_set")):
        raise FillError(f"数据的评分框架 {data.get('rule_set')} 与模板 {meta.get('rule_set')} 不一致 / rule set differs")
    if meta.get("formula_flavour") == "native":   # native cells hold numbers (nativevalues)
        from ..core import rulesets
        from .nativevalues import native_data
        try:
            data = native_data(data, rulesets.load(str(meta.get("rule_set"))))
        except rulesets.RuleSetError as exc:
            raise FillError(str(exc)) from None
    writes: list[tuple[Cell, object]] = []

    def place(name: str, value: object, key_for_message: str) -> None:
        if name not in names:
            raise FillError(f"模板中没有“{key_for_message}”对应的单元格 / no cell named {name}")
        writes.append((names[name], value))

    for key, value in data.items():
        if key.startswith("_") or key in ("rule_set",):
            continue
        if key in ("dept_name", "fiscal_year", "self_grade"):
            place(key, value, key)
        elif key == "inputs":
            for name, v in (value or {}).items():
                place(name, v, f"inputs.{name}")
        elif key == "self_scores":
            for item, v in (value or {}).items():
                place("self_total" if item == "total" else f"self_{item}", v, f"self_scores.{item}")
        elif key == "stated_rates":
            for rate, v in (value or {}).items():
                place(f"stated_{rate}", v, f"stated_rates.{rate}")
        elif key == "indicators":
            writes.extend(_indicator_writes(value or []))
        else:
            raise FillError(f"无法识别的数据项“{key}” / unknown key: {key}")
    for cell, value in writes:
        _write(wb[cell.sheet], cell.ref, value)
    save_atomic(wb, output)


def _indicator_writes(rows: list) -> list[tuple[Cell, object]]:
    if len(rows) > INDICATOR_ROWS:
        raise FillError(f"绩效指标最多 {INDICATOR_ROWS} 行，数据有 {len(rows)} 行 / too many indicators")
    writes = []
    for n, row in enumerate(rows, 1):
        for key, value in row.items():
            if key not in INDICATOR_COLUMNS or key == "score":
                raise FillError(f"绩效指标第{n}行：无法识别的列“{key}” / unknown indicator column: {key}")
            writes.append((indicator_cell(n, key), value))
    return writes


def save_atomic(wb, output: str | Path) -> None:
    """Save next to the destination, then rename: a reader never sees half a file."""
    with atomic_output(output) as tmp:
        wb.save(tmp)
