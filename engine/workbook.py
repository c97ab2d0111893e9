"""Workbook I/O at the edges: the defined-name map, fill, reading a submission back as
data, and atomic writes.  Scoring never happens here."""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

from .scoring import INDICATOR_COLUMNS
from .layout import COL, INDICATOR_HEADER_ROW, INDICATOR_ROWS, META


class FillError(Exception):
    """Data that cannot be written into the template; the message names the key."""


@dataclass(frozen=True)
class Cell:
    sheet: str
    ref: str            # "F7" (no $)

    def __str__(self) -> str:
        return f"{self.sheet}!{self.ref}"


def name_map(wb) -> dict[str, Cell]:
    """Every workbook-level defined name that points at one cell."""
    cells = {}
    for name, defined in wb.defined_names.items():
        destinations = list(defined.destinations)
        if len(destinations) == 1:
            sheet, ref = destinations[0]
            ref = ref.replace("$", "")
            if ":" not in ref:
                cells[name] = Cell(sheet, ref)
    return cells


def read_meta(wb) -> dict[str, object]:
    if META not in wb.sheetnames:
        return {}
    return {row[0]: row[1] for row in wb[META].iter_rows(min_col=1, max_col=2, values_only=True) if row[0]}


def indicator_cell(row: int, column: str) -> Cell:
    """The cell of indicator `row` (1-based) in `column` of the Indicators table."""
    return Cell("绩效指标", f"{COL[column]}{INDICATOR_HEADER_ROW + row}")


class Locator:
    """Turns the data paths of findings (inputs.budget_total) into cells (预算数据!B7)."""

    def __init__(self, names: Mapping[str, Cell]):
        self.names = names

    def __call__(self, path: str) -> str:
        cell = self.cell(path)
        return str(cell) if cell else path

    def cell(self, path: str) -> Cell | None:
        head, _, rest = path.partition(".")
        if head.startswith("indicators[") and "]" in head:
            row = int(head[len("indicators["):head.index("]")])
            return indicator_cell(row, rest if rest in COL else "name")
        lookup = {"inputs": rest, "items": f"score_{rest}", "rates": rest, "stated_rates": f"stated_{rest}",
                  "self_scores": "self_total" if rest == "total" else f"self_{rest}"}.get(head, head)
        return self.names.get(lookup)


# ---------------------------------------------------------------------- fill
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


def _readable(path: str) -> None:
    """mkstemp makes 0600 files; an output should have the user's usual permissions."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)


def save_atomic(wb, output: str | Path) -> None:
    """Save next to the destination, then rename: a reader never sees half a file."""
    output = Path(output)
    fd, tmp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=output.suffix, dir=output.parent or ".")
    os.close(fd)
    try:
        _readable(tmp)
        wb.save(tmp)
        os.replace(tmp, output)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# ------------------------------------------------------------------ read back
def submission_data(rule_set, value: Callable[[str], object],
                    indicator_value: Callable[[int, str], object]) -> dict:
    """The SPEC 7.3 data typed into a workbook, whichever reader supplies the cells:
    `value(defined name)` and `indicator_value(row, column)` give None for a blank."""
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
