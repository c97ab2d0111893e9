"""`recalc(path)`: re-evaluate a workbook from its own formulas with the `formulas` library,
the registry's functions registered, and return the same Evaluation as `evaluate`."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import rulesets
from .evaluation import Computed, Evaluation, evaluate
from .template import COMPLETION_COL, FIRST_INDICATOR_ROW, INDICATOR_ROWS, COL
from .workbook import Cell, Locator, name_map, read_meta, read_submission

_KEY = re.compile(r"^'?\[(?P<book>[^\]]+)\](?P<sheet>.+?)'?!(?P<ref>[A-Z]+[0-9]+)$")


class RecalcError(Exception):
    """A file that cannot be evaluated at all; the message says why."""


@dataclass
class FormulaResults:
    """Every formula cell's computed value, by (SHEET upper-cased, "A1")."""
    values: dict[tuple[str, str], object]

    def get(self, cell: Cell | None) -> object:
        if cell is None:
            return None
        return self.values.get((cell.sheet.upper(), cell.ref))


def _plain(value: object) -> object:
    import numpy as np
    import schedula as sh
    if hasattr(value, "value"):
        value = value.value
    if isinstance(value, np.ndarray):
        value = value.ravel()[0] if value.size else None
    if value is sh.EMPTY or value == "":
        return None
    if isinstance(value, np.generic):
        return value.item()
    if type(value).__name__ == "XlError":
        return str(value)
    return value


def compute(path: str | Path) -> FormulaResults:
    """Load and calculate the workbook with formulas (our functions registered first)."""
    import os
    os.environ.setdefault("TQDM_DISABLE", "1")   # formulas draws a progress bar per load
    import formulas

    from udfs.headless import register
    register()
    model = formulas.ExcelModel().loads(str(path)).finish()
    solution = model.calculate()
    values = {}
    for key, result in solution.items():
        match = _KEY.match(key)
        if match:
            values[(match["sheet"].upper(), match["ref"])] = _plain(result)
    return FormulaResults(values)


def write_back(source: str | Path, destination: str | Path, results: FormulaResults) -> None:
    """A copy of `source` whose formula cells carry the computed values (formulas kept)."""
    from .xlsx_values import write_cached_values
    write_cached_values(source, destination, lambda sheet, ref: results.values.get((sheet.upper(), ref)))


def recalc(path: str | Path, write_back_to: str | Path | None = None) -> Evaluation:
    from openpyxl import load_workbook
    path = Path(path)
    try:
        wb = load_workbook(path)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise RecalcError(f"无法读取工作簿 / cannot read workbook: {path.name}: {type(exc).__name__}") from None
    meta = read_meta(wb)
    try:
        rule_set = rulesets.load(str(meta.get("rule_set") or ""))
    except rulesets.RuleSetError:
        return evaluate({"rule_set": meta.get("rule_set") or "（无）"}, source=str(path))
    names = name_map(wb)
    data = read_submission(wb, rule_set)
    results = compute(path)
    if write_back_to is not None:
        write_back(path, write_back_to, results)
    computed = Computed(
        items={row.id: results.get(names.get(f"score_{row.id}")) for row in rule_set.rows},
        indicators={n: (results.get(Cell("绩效指标", f"{COL['score']}{FIRST_INDICATOR_ROW + n - 1}")),
                        results.get(Cell("绩效指标", f"{COMPLETION_COL}{FIRST_INDICATOR_ROW + n - 1}")))
                    for n in range(1, INDICATOR_ROWS + 1)},
        rates={key: results.get(names.get(key)) for key in rule_set.rates},
        total=results.get(names.get("total")), grade=results.get(names.get("grade")),
    )
    return evaluate(data, source=str(path), locate=Locator(names), computed=computed)
