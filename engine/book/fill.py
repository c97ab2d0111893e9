"""`fill`: SPEC 7.3 data written into a copy of a template's named cells."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator, Mapping

from ..core.indicators import INDICATOR_COLUMNS
from ..files.atomic import atomic_output
from .layout import INDICATOR_ROWS, META
from .printing import end_indicators_at
from .names import Cell, indicator_cell, name_map, read_meta


class FillError(Exception):
    """Data that cannot be written into the template; the message names the key."""


def cell_value(value: object) -> object:
    if isinstance(value, str) and value.strip() == "":
        return None   # nothing typed: leave the cell blank, as Excel would
    return value


def _write(ws, ref: str, value: object) -> None:
    cell = ws[ref]
    cell.value = cell_value(value)
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
    for name, value, key in named_values(data):
        if name is None:
            raise FillError(f"无法识别的数据项“{key}” / unknown key: {key}")
        if name not in names:
            raise FillError(f"模板中没有“{key}”对应的单元格 / no cell named {name}")
        writes.append((names[name], value))
    writes.extend(_indicator_writes(data.get("indicators") or []))
    for cell, value in writes:
        _write(wb[cell.sheet], cell.ref, value)
    end_indicators_at(wb, len(data.get("indicators") or []))
    save_atomic(wb, output)


def named_values(data: Mapping) -> Iterator[tuple[str | None, object, str]]:
    """(defined name, value, the data's key) of each value of SPEC 7.3 data that has a named
    cell — where `fill` writes it (indicators aside: rows of the table).  A key that can have
    no cell comes with the name None."""
    groups = {"inputs": lambda k: k, "self_scores": lambda k: "self_total" if k == "total" else f"self_{k}",
              "stated_rates": lambda k: f"stated_{k}"}
    for key, value in data.items():
        if key.startswith("_") or key in ("rule_set", "indicators"):
            continue
        if key in ("dept_name", "fiscal_year", "self_grade"):
            yield key, value, key
        elif key in groups and isinstance(value or {}, Mapping):
            for item, v in (value or {}).items():
                yield groups[key](str(item)), v, f"{key}.{item}"
        else:
            yield None, value, key


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
