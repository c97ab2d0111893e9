"""The fast path: a workbook whose formulas, defined names and rule parameters mean exactly
what its template's do is scored without loading its formula graph.

Its values are read with python-calamine, its formulas and names from its XML
(xlsxparts), compared by meaning with a fresh build of the template (canonical): a file
saved again by Excel, WPS or LibreOffice without an edit takes this path.  Such a
workbook computes what `evaluate()` computes on the same inputs — the round-trip tests
hold the two equal for all three rule sets.  Anything else (edited formulas, names or
parameters, a write-back) takes the full `formulas` path in `recalc`.
"""
from __future__ import annotations

import functools
import zipfile
from pathlib import Path

from ..core import rulesets
from ..core.evaluation import Evaluation, evaluate
from ..core.indicators import INDICATOR_COLUMNS
from .layout import META, RULES_SHEET, cell_position
from .names import Cell, Locator, cell_of, indicator_cell
from .readback import submission_data
from .xlsxparts import WorkbookParts, read_formulas, workbook_parts

INDICATOR_SHEET = indicator_cell(1, "name").sheet
SHEETS_READ = ("基本信息", "预算数据", "绩效指标", "评分表", RULES_SHEET, META)


class FastBook:
    """A workbook read without openpyxl's workbook model: values, defined names, formulas."""

    def __init__(self, path: Path):
        from python_calamine import CalamineWorkbook
        with zipfile.ZipFile(path) as archive:
            self.parts = workbook_parts(archive)
            self.formulas = read_formulas(archive, self.parts)
        self.names = _name_cells(self.parts)
        book = CalamineWorkbook.from_path(str(path))
        self.values = {name: book.get_sheet_by_name(name).to_python(skip_empty_area=False)
                       for name in book.sheet_names if name in SHEETS_READ}

    def value(self, cell: Cell | None) -> object:
        if cell is None:
            return None
        rows, position = self.values.get(cell.sheet), cell_position(cell.ref)
        if rows is None or position is None:
            return None
        return self.at(rows, position[0] - 1, position[1] - 1)

    @staticmethod
    def at(rows: list, r: int, c: int) -> object:
        value = rows[r][c] if r < len(rows) and c < len(rows[r]) else None
        return None if value == "" else value

    def same_formulas_as(self, ref) -> bool:
        """Every formula cell and defined name of the template, meaning the same; no other formula."""
        from .integrity import changes
        return next(changes(ref, self.formulas, self.parts.names), None) is None

    def meta(self) -> dict:
        return {row[0]: row[1] for row in self.values.get(META, []) if row and row[0]}


@functools.lru_cache(maxsize=32)
def _name_cells(parts: WorkbookParts) -> dict[str, Cell]:
    """The defined names that point at one cell, for every file that shares `parts`."""
    return {name: cell for name, target in parts.names.items() if (cell := cell_of(target))}


def _same(a: object, b: object) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return abs(a - b) < 1e-12
    return a == b


def try_fast(path: str | Path) -> Evaluation | None:
    """The evaluation by the fast path, or None when the file needs the full path.

    `path` must have passed `safety.check_workbook` (recalc checks it first)."""
    found = fast_submission(path)
    return found[1] if found else None


def fast_submission(path: str | Path) -> tuple[dict, Evaluation] | None:
    """The data the fast path read and its evaluation, or None (see try_fast)."""
    from .integrity import flavour_of, reference, version_problem
    path = Path(path)
    try:
        book = FastBook(path)
    except Exception:   # anything unusual: let the full path read it and say what is wrong
        return None
    meta = book.meta()
    try:
        rule_set = rulesets.load(str(meta.get("rule_set") or ""))
    except rulesets.RuleSetError:
        return None
    if version_problem(meta, rule_set):
        return None
    ref = reference(rule_set.path, flavour_of(meta))
    if meta.get("formula_fingerprint") != ref.fingerprint or not book.same_formulas_as(ref):
        return None
    if not all(_same(book.value(Cell(sheet, coordinate)), expected)
               for (sheet, coordinate), expected in ref.params.items()):
        return None
    data = read_data(book, rule_set)
    return data, evaluate(data, source=str(path), locate=Locator(book.names))


def read_data(book: FastBook, rule_set) -> dict:
    """As readback.read_submission, from calamine values."""
    sheet = book.values.get(INDICATOR_SHEET, [])
    first_row = cell_position(indicator_cell(1, "name").ref)[0] - 1
    columns = {k: cell_position(indicator_cell(1, k).ref)[1] - 1 for k in INDICATOR_COLUMNS}
    typed = sorted(i for k, i in columns.items() if k != "score")   # a score's cached value says nothing

    def filled(n: int) -> bool:
        row = sheet[first_row + n - 1] if first_row + n - 1 < len(sheet) else ()
        return any(row[i] != "" for i in typed if i < len(row))

    return submission_data(rule_set, lambda name: book.value(book.names.get(name)),
                           lambda n, key: book.at(sheet, first_row + n - 1, columns[key]), filled)
