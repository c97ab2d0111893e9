"""Where things are in a workbook: the defined-name map, _meta, indicator cells, and the
locator that turns a finding's data path into a cell address."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Mapping

from .layout import COL, INDICATOR_HEADER_ROW, META


@dataclass(frozen=True)
class Cell:
    sheet: str
    ref: str            # "F7" (no $)

    def __str__(self) -> str:
        return f"{self.sheet}!{self.ref}"


def rate_name(key: str) -> str:
    """The defined name of a computed rate (`calc_exec_rate`, beside `stated_exec_rate`).  Not the
    rate's key itself: `exec_rate` is EXEC_RATE once case is ignored, as Excel ignores it, and a
    defined name equal to a function name breaks xlwings' ImportPythonUDFs."""
    return f"calc_{key}"


# template versions whose rate cells were named by the rate's key (exec_rate): what their
# submissions' names are read as today
RATES_NAMED_BY_KEY = ("1.2.0",)


def current_names(names: Mapping[str, Cell], rate_keys, template_version: str) -> dict[str, Cell]:
    """A workbook's names as today's template names them: an older template's rate cells are
    also found under rate_name (its own names kept, for its own formulas)."""
    current = dict(names)
    if template_version in RATES_NAMED_BY_KEY:
        current.update({rate_name(key): names[key] for key in rate_keys if key in names})
    return current


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


@functools.lru_cache(maxsize=8192)   # every submission of a template has the same targets
def cell_of(target: str) -> Cell | None:
    """The cell a defined name's target points at ('预算数据'!$B$7 or 预算数据!$B$7), or None for
    a range or anything else."""
    sheet, _, ref = target.replace("$", "").rpartition("!")
    if not sheet or ":" in ref or not ref:
        return None
    if sheet.startswith("'") and sheet.endswith("'"):
        sheet = sheet[1:-1].replace("''", "'")
    return Cell(sheet, ref.upper())


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
        lookup = {"inputs": rest, "items": f"score_{rest}", "rates": rate_name(rest), "stated_rates": f"stated_{rest}",
                  "self_scores": "self_total" if rest == "total" else f"self_{rest}"}.get(head, head)
        return self.names.get(lookup)
