"""The fast path: every workbook of a current template, untouched or tampered, is scored by
its template's own formulas (book.evaluator) over the cells the department typed.

Its values are read with python-calamine, its formulas and names from its XML
(xlsxparts) and compared by meaning with a fresh build of the template (canonical,
integrity.check_parts): a formula typed over or edited, a name pointed elsewhere or a rule
parameter changed is a finding, and the score is still the template's rules on the
submitted inputs — which is what the department's spreadsheet shows when nothing was
tampered with.  Files that are not one of our current templates, and `--write-back`,
take the `formulas` library's path in `recalc`.
"""
from __future__ import annotations

import contextlib
import zipfile
from pathlib import Path

from ..core import rulesets
from ..core.evaluation import Evaluation, evaluate
from ..core.indicators import INDICATOR_COLUMNS
from .layout import META, RULES_SHEET, cell_position
from .names import Cell, Locator, indicator_cell
from .readback import submission_data
from .xlsxparts import read_formulas, workbook_parts

INDICATOR_SHEET = indicator_cell(1, "name").sheet
SHEETS_READ = ("基本信息", "预算数据", "绩效指标", "评分表", RULES_SHEET, META)


class FastBook:
    """A workbook read without openpyxl's workbook model: values, defined names, formulas."""

    def __init__(self, path: Path, archive: zipfile.ZipFile | None = None):
        """`archive`: the file's zip, already open (safety.opened_workbook)."""
        from python_calamine import CalamineWorkbook
        with zipfile.ZipFile(path) if archive is None else contextlib.nullcontext(archive) as archive:
            self.parts = workbook_parts(archive)
            self.formulas = read_formulas(archive, self.parts)
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

    def typed(self, sheet: str, row: int, col: int) -> object:
        """A cell as the evaluator reads it (row and column 1-based)."""
        rows = self.values.get(sheet)
        return None if rows is None else self.at(rows, row - 1, col - 1)

    def shown(self, sheet: str, coordinate: str) -> object:
        """What a cell holds; a formula cell's value as last computed by the program that saved it."""
        return self.value(Cell(sheet, coordinate))

    def meta(self) -> dict:
        return {row[0]: row[1] for row in self.values.get(META, []) if row and row[0]}


def try_fast(path: str | Path, archive: zipfile.ZipFile | None = None) -> Evaluation | None:
    """The evaluation by the fast path, or None when the file needs the full path.

    `path` must have passed `safety.check_workbook` (recalc checks it first)."""
    found = fast_submission(path, archive)
    return found[1] if found else None


def fast_submission(path: str | Path, archive: zipfile.ZipFile | None = None) -> tuple[dict, Evaluation] | None:
    """The data the fast path read and its evaluation, or None (see try_fast): a file that is
    not (or no longer) one of our current templates, or that cannot be read this way."""
    from .evaluator import compiled_template, computed
    from .integrity import check_parts, flavour_of, reference, version_of, version_problem
    path = Path(path)
    try:
        book = FastBook(path, archive)
    except Exception:   # anything unusual: let the full path read it and say what is wrong
        return None
    meta = book.meta()
    try:
        rule_set = rulesets.load(str(meta.get("rule_set") or ""))
    except rulesets.RuleSetError:
        return None
    flavour = flavour_of(meta)
    if version_problem(meta, rule_set):
        return None
    ref = reference(rule_set.path, flavour, version_of(meta))
    check = check_parts(ref, book.formulas, book.parts.names, set(book.parts.sheets), book.shown)
    if check.unknown:
        return None
    try:
        template = compiled_template(rule_set.path, flavour, version_of(meta))
        names = template.cells   # inputs are read where the template's names point
        data = read_data(book, rule_set, names)
        results = computed(template.model(book.typed), rule_set, names, len(data["indicators"]))
    except (RecursionError, ValueError):   # a formula the evaluator cannot read: the formulas library
        return None
    return data, evaluate(data, source=str(path), locate=Locator(names), computed=results,
                          prior=check.findings, contract=flavour)


def read_data(book: FastBook, rule_set, names: dict[str, Cell]) -> dict:
    """As readback.read_submission, from calamine values."""
    sheet = book.values.get(INDICATOR_SHEET, [])
    first_row = cell_position(indicator_cell(1, "name").ref)[0] - 1
    columns = {k: cell_position(indicator_cell(1, k).ref)[1] - 1 for k in INDICATOR_COLUMNS}
    typed = sorted(i for k, i in columns.items() if k != "score")   # a score's cached value says nothing

    def filled(n: int) -> bool:
        row = sheet[first_row + n - 1] if first_row + n - 1 < len(sheet) else ()
        return any(row[i] != "" for i in typed if i < len(row))

    return submission_data(rule_set, lambda name: book.value(names.get(name)),
                           lambda n, key: book.at(sheet, first_row + n - 1, columns[key]), filled)
