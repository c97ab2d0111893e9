"""`recalc(path)`: re-evaluate a workbook from its own formulas with the `formulas` library,
the registry's functions registered, and return the same Evaluation as `evaluate`."""
from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..core import rulesets
from ..core.evaluation import Evaluation, evaluate
from ..core.findings import Finding
from ..files.safety import UnsafeFile, opened_workbook
from .compiled import model_for
from .evaluator import computed
from .names import Locator, current_names, name_map, read_meta
from .readback import read_submission
from .xlsxparts import BadPart

_KEY = re.compile(r"^'?\[(?P<book>[^\]]+)\](?P<sheet>.+?)'?!(?P<ref>[A-Z]+[0-9]+)$")


class RecalcError(Exception):
    """A file that cannot be evaluated at all; the message says why."""


@dataclass
class FormulaResults:
    """Every formula cell's computed value, by (SHEET upper-cased, "A1")."""
    values: dict[tuple[str, str], object]

    def at(self, sheet: str, ref: str) -> object:
        return self.values.get((sheet.upper(), ref))


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
    from udfs.formulas_functions import register
    register()
    with model_for(path) as model:
        solution = model.calculate()
    values = {}
    for key, result in solution.items():
        match = _KEY.match(key)
        if match:
            values[(match["sheet"].upper(), match["ref"])] = _plain(result)
    return FormulaResults(values)


def write_back(source: str | Path, destination: str | Path, results: FormulaResults) -> None:
    """A copy of `source` whose formula cells carry the computed values (formulas kept)."""
    from .writeback import write_cached_values
    write_cached_values(source, destination, lambda sheet, ref: results.values.get((sheet.upper(), ref)))


def recalc(path: str | Path, write_back_to: str | Path | None = None, fast: bool = True) -> Evaluation:
    """Evaluate a submitted workbook.  Raises RecalcError for a file that cannot be evaluated
    at all; anything else, an unknown template included, is a finding.

    An untouched workbook (formulas and parameters exactly its template's) takes the fast
    path (book.fastpath) unless a write-back asks for every cell's value."""
    return recalc_submission(path, write_back_to, fast)[1]


def recalc_submission(path: str | Path, write_back_to: str | Path | None = None,
                      fast: bool = True) -> tuple[dict | None, Evaluation]:
    """As recalc, with the data the evaluation read (where the template's names point);
    None for a file that is not one of our templates."""
    path = Path(path)
    found = None
    try:
        with opened_workbook(path) as archive:   # checked once, before either path reads anything
            if fast and write_back_to is None:
                from .fastpath import fast_submission
                found = fast_submission(path, archive)
    except UnsafeFile as exc:
        raise RecalcError(f"{path.name}: {exc}") from None
    if found is not None:
        return found
    from openpyxl import load_workbook

    from . import integrity
    try:
        wb = load_workbook(path, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise RecalcError(f"无法读取工作簿 / cannot read workbook: {path.name}: {type(exc).__name__}") from None
    meta = read_meta(wb)
    try:
        rule_set = rulesets.load(str(meta.get("rule_set") or ""))
    except rulesets.RuleSetError:
        why = "不是 perfscore 模板（没有 _meta 工作表）" if not meta else f"未知的评分框架：{meta.get('rule_set')}"
        return None, _unknown(path, why)
    try:
        check = integrity.inspect(path, wb, meta, rule_set)
    except BadPart as exc:
        raise RecalcError(f"{path.name}: {exc}") from None
    if check.unknown:
        return None, _unknown(path, check.unknown)
    _restore_names(wb, check.restore_names)   # inputs are read where the template's names point
    names = current_names(name_map(wb), rule_set.rates, integrity.version_of(meta))
    data = read_submission(wb, rule_set)
    source = path
    with tempfile.TemporaryDirectory(prefix="perfscore-") as tmp:
        if check.restore or check.restore_names:   # compute what the template's own formulas give
            source = Path(tmp) / f"restored{path.suffix}"
            _restore(path, check, source)
        results = compute(source)
        if write_back_to is not None:
            write_back(source, write_back_to, results)
    return data, evaluate(data, source=str(path), locate=Locator(names),
                          computed=computed(results, rule_set, names), prior=check.findings)


def _unknown(path: Path, why: str) -> Evaluation:
    evaluation = Evaluation(source=str(path), rule_set=None, dept_name=None, fiscal_year=None)
    evaluation.findings.append(Finding("error", "TEMPLATE_UNKNOWN", path.name, why))
    return evaluation


def _restore_names(wb, targets: dict[str, str]) -> None:
    from openpyxl.workbook.defined_name import DefinedName
    for name, target in targets.items():
        wb.defined_names[name] = DefinedName(name, attr_text=target)


def _restore(path: Path, check, destination: Path) -> None:
    """A copy of `path` with the template's formulas and defined names where they were changed."""
    from openpyxl import load_workbook
    wb = load_workbook(path, keep_vba=path.suffix.lower() == ".xlsm", keep_links=False)
    for (sheet, ref), formula in check.restore.items():
        wb[sheet][ref].value = formula
    _restore_names(wb, check.restore_names)
    wb.save(destination)
