"""Data (SPEC 7.3) scored by its template's own formulas: `engine.evaluate`.

The data is placed where `fill` would write it — each key in its named cell, each indicator
in its row of the table — but in memory, and the UDF template's formulas are computed over
it (book.evaluator).  So a submission given as JSON scores exactly what the workbook filled
with it would show in Excel: one definition of every rule, the template's, whichever way a
submission arrives.  The Python scoring of core.evaluation explains each score that is an
error and runs the audit.
"""
from __future__ import annotations

from typing import Mapping

from ..core import rulesets
from ..core.evaluation import Evaluation, Locate, evaluate as explain
from ..core.indicators import INDICATOR_COLUMNS
from .evaluator import compiled_template, computed
from .fill import cell_value, named_values
from .layout import INDICATOR_ROWS, cell_position
from .names import indicator_cell

FLAVOUR = "udf"   # data is read as SPEC 2 reads it, as the UDFs read a cell


def data_cells(data: Mapping, cells: Mapping) -> dict[tuple[str, int, int], object]:
    """(sheet, row, col) → value: where `fill` puts each key of `data` (fill.named_values; unknown
    keys are left to the audit, which names them)."""
    placed: dict[tuple[str, int, int], object] = {}

    def put(cell, value: object) -> None:
        if cell is not None and not isinstance(value, (dict, list)):
            row, col = cell_position(cell.ref)
            placed[(cell.sheet, row, col)] = cell_value(value)

    for name, value, _ in named_values(data):
        put(cells.get(name), value)
    rows = data.get("indicators")
    if isinstance(rows, list):
        for n, row in enumerate(rows[:INDICATOR_ROWS], 1):
            if isinstance(row, Mapping):
                for column, value in row.items():
                    if column in INDICATOR_COLUMNS and column != "score":
                        put(indicator_cell(n, column), value)
    return placed


def evaluate(data: Mapping, source: str | None = None, locate: Locate | None = None,
             rule_set: rulesets.RuleSet | None = None) -> Evaluation:
    """Score `data` by its rule set's template (SPEC 7.1 `engine.evaluate`); never raises on bad
    data: what cannot be placed or scored is a finding."""
    options = {"locate": locate} if locate else {}
    try:
        rs = rulesets.load(rule_set or (str(data.get("rule_set") or "") if isinstance(data, Mapping) else ""))
    except rulesets.RuleSetError:
        return explain(data, source, **options)            # says why: TEMPLATE_UNKNOWN
    template = compiled_template(rs.path, FLAVOUR)
    placed = data_cells(data, template.cells)
    rows = data.get("indicators")
    results = computed(template.model(lambda sheet, row, col: placed.get((sheet, row, col))), rs, template.cells,
                       len(rows) if isinstance(rows, list) else 0)
    return explain(data, source, computed=results, rule_set=rs, **options)
